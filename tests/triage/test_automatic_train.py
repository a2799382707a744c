"""The learned automatic-mail model's training: separates what it is shown, round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacybot.triage.automatic_model import read_model, save_model
from privacybot.triage.automatic_train import Example, fit, letter_message, safe_threshold
from privacybot.triage.mime import parse_message


def _ex(signs: tuple[str, ...], automatic: bool) -> Example:
    return Example(signs, automatic, False)


def test_the_model_learns_the_signs_it_is_shown_and_keeps_them(tmp_path: Path) -> None:
    machines = [_ex(("h:x-failed-recipients", f"s:{n}"), True) for n in range(20)]
    people = [_ex(("h:x-mailer", "b:inzage", f"s:{n}"), False) for n in range(20)]
    model = fit(machines + people, 0.9)
    p_machine, top = model.score(("h:x-failed-recipients",))
    p_person, _ = model.score(("h:x-mailer", "b:inzage"))
    assert p_machine > 0.9 > 0.1 > p_person
    assert top == ["h:x-failed-recipients"]
    save_model(model, tmp_path / "m.npz")
    again = read_model(tmp_path / "m.npz")
    assert again is not None and again.score(("h:x-failed-recipients",))[0] > 0.9


def test_a_letter_becomes_a_plain_first_mail() -> None:
    msg = parse_message(letter_message("Inzage", "Graag een kopie van mijn gegevens."))
    assert msg.subject == "Inzage" and "kopie van mijn gegevens" in msg.body
    assert msg.sender == "anouk.jansen@kpnmail.nl" and msg.in_reply_to is None
    other = parse_message(letter_message("Inzage", "Graag een kopie.", 1))
    assert other.sender != msg.sender


def test_the_shipped_threshold_keeps_one_clean_step_below_it() -> None:
    """Clean at 0.95 but not at 0.9: 0.95 has no margin, so 0.98 is shipped."""
    assert safe_threshold({0.95, 0.98, 0.99}) == 0.98
    assert safe_threshold({0.8, 0.9, 0.95, 0.98, 0.99}) == 0.9
    assert safe_threshold({0.99}) == 0.99  # nothing has a margin: the highest
    assert safe_threshold(set()) == 0.99


def test_grouped_cross_validation_holds_out_sets_together_and_finds_a_person(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every eighth set held out together: each set is held out exactly once, and a person
    who shares a machine's sign in a held-out set is counted as taken."""
    import privacybot.triage.automatic_train as at

    names = [f"set{n}" for n in range(1, 17)]
    monkeypatch.setattr(at, "SETS", ("own", "letters", *names))
    machines = [_ex(("h:x-failed-recipients", f"s:{n}"), True) for n in range(4)]
    people = [_ex(("h:x-mailer", f"s:{n}"), False) for n in range(4)]
    by_set = {name: machines + people for name in ("own", "letters", *names)}
    twin = _ex(("h:x-failed-recipients", "s:twin"), False)
    by_set["set3"] = [*machines, *people, twin]
    assert at.cross_validate(by_set, groups=8) == 0.99
    out = capsys.readouterr().out
    assert out.count("held out ") == 8 and "held out set3, set11 … (2 sets)" in out
    assert "people taken by the model 1/9" in out


@pytest.mark.parametrize("groups", [-1, 10_000])
def test_more_groups_than_sets_is_a_clear_error_not_a_crash(
    groups: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """A careless operator's --groups 10000 (or -1) stops before any data is read, saying
    what the allowed range is, instead of dividing by an empty fold."""
    import privacybot.triage.automatic_train as at

    with pytest.raises(SystemExit) as stop:
        at.main(["--groups", str(groups)])
    assert stop.value.code == 2
    assert (
        f"--groups must be 0 (one set at a time) to {len(at.SETS) - 2}" in capsys.readouterr().err
    )
    with pytest.raises(ValueError, match="--groups must be"):
        at.cross_validate({}, groups)
