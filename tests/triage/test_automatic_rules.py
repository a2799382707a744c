"""Every automatic-mail rule by its id, on own fixtures; human mail never automatic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from privacybot.triage import automatic_model
from privacybot.triage.automatic import RULE_IDS, check_automatic, is_automatic
from privacybot.triage.automatic_dsn import dsn_info
from privacybot.triage.mime import parse_message

MAIL = Path(__file__).resolve().parent.parent / "data" / "mail"
INDEX: dict[str, str | None] = yaml.safe_load((MAIL / "index.yaml").read_text(encoding="utf-8"))
OURS = "privacy@conxillium.nl"
AUTO = sorted((rel, rule) for rel, rule in INDEX.items() if rule is not None)
HUMAN = sorted(rel for rel, rule in INDEX.items() if rule is None)


def verdict(raw: bytes, **kwargs: object) -> tuple[bool, str | None]:
    v = check_automatic(parse_message(raw), our_address=OURS, **kwargs)  # type: ignore[arg-type]
    return v.automatic, v.rule_id


@pytest.mark.parametrize(("rel", "rule_id"), AUTO)
def test_each_automatic_fixture_is_caught_by_its_rule(rel: str, rule_id: str) -> None:
    assert verdict((MAIL / rel).read_bytes()) == (True, rule_id)


@pytest.mark.parametrize("rel", HUMAN)
def test_human_mail_is_never_automatic(rel: str) -> None:
    assert verdict((MAIL / rel).read_bytes()) == (False, None)


def test_every_rule_id_is_unique_and_has_a_fixture_or_a_test_here() -> None:
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    covered = {rule for _, rule in AUTO} | {"from-ours", "our-message-id", "learned"}
    assert set(RULE_IDS) == covered


def test_from_ours_rule() -> None:
    raw = b"From: Privacy@Conxillium.nl\r\nSubject: x\r\n\r\nhoi\r\n"
    assert verdict(raw) == (True, "from-ours")


def test_learned_rule_speaks_last_with_its_probability_and_signs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    toy = automatic_model.Model(
        {"s:kennisgeving": 6.0, "b:portaal": 2.0, "h:x-portal": 1.0}, -3.0, 0.9
    )
    monkeypatch.setattr(automatic_model, "shipped_model", lambda: toy)
    raw = b"From: a@b.nl\r\nX-Portal: 1\r\nSubject: Kennisgeving\r\n\r\nZie het portaal.\r\n"
    v = check_automatic(parse_message(raw), our_address=OURS)
    assert (v.automatic, v.rule_id) == (True, "learned")
    assert v.reason is not None and "p=0.99" in v.reason and "s:kennisgeving" in v.reason
    # Words alone never make a first mail a machine's; an answer to our mail may.
    words = b"From: a@b.nl\r\nSubject: Kennisgeving\r\n\r\nZie het portaal.\r\n"
    assert verdict(words) == (False, None)
    reply = (
        b"From: a@b.nl\r\nIn-Reply-To: <prv.1@c.nl>\r\nSubject: Kennisgeving\r\n\r\nPortaal.\r\n"
    )
    assert verdict(reply) == (True, "learned")
    asked = b"From: a@b.nl\r\nX-Portal: 1\r\nSubject: Kennisgeving\r\n\r\nWat staat er?\r\n"
    assert verdict(asked) == (False, None)  # a person's question: the model is not asked
    quoting = reply.replace(
        b"Portaal.\r\n", b"Portaal.\r\n\r\nOp 1 mei schreef u:\r\n> Ons bericht\r\n"
    )
    assert verdict(quoting) == (False, None)  # a reply quoting our mail: a person's client
    below = automatic_model.Model({"s:kennisgeving": 1.0}, -3.0, 0.9)
    monkeypatch.setattr(automatic_model, "shipped_model", lambda: below)
    assert verdict(raw) == (False, None)


def test_the_shipped_model_loads_and_a_model_for_other_signs_is_refused(tmp_path: Path) -> None:
    model = automatic_model.shipped_model()
    assert model is not None and 0.9 <= model.threshold < 1.0 and len(model.weights) > 1000
    path = tmp_path / "m.npz"
    automatic_model.save_model(model, path)
    again = automatic_model.read_model(path)
    assert again is not None and again.threshold == model.threshold
    assert set(again.weights) == set(model.weights)
    data = dict(np.load(path, allow_pickle=False))
    data["version"] = np.array(automatic_model.SIGNS_VERSION + 1)
    np.savez_compressed(path, **data)
    assert automatic_model.read_model(path) is None
    assert automatic_model.read_model(tmp_path / "missing.npz") is None


def test_our_message_id_rule() -> None:
    raw = b"From: a@b.nl\r\nMessage-ID: <m1@p>\r\nSubject: x\r\n\r\nhoi\r\n"
    assert verdict(raw, our_message_ids={"<m1@p>"}) == (True, "our-message-id")
    assert verdict(raw, our_message_ids={"<other@p>"}) == (False, None)


def test_is_automatic_keeps_the_bool_reason_pair() -> None:
    raw = (MAIL / "auto/oof_subject/oof_nl.eml").read_bytes()
    automatic, reason = is_automatic(parse_message(raw), our_address=OURS)
    assert automatic and reason is not None and "Automatisch antwoord" in reason


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Automatic reply: inzage",
        "Fwd: Undeliverable: Ontvangstbevestiging",
        "Afwezigheid van antwoord",
        "Out of office hours contact",
        "Vraag over automatische besluitvorming",
    ],
)
def test_subject_rules_are_anchored_at_the_start(subject: str) -> None:
    raw = f"From: a@b.nl\r\nSubject: {subject}\r\n\r\nIk wil inzage.\r\n".encode()
    assert verdict(raw) == (False, None)


@pytest.mark.parametrize(
    "subject",
    ["[EXTERNAL] Automatic reply: x", "Abwesenheitsnotiz", "Afwezig tot 3 juni", "Out of office"],
)
def test_oof_subject_after_tags_or_alone(subject: str) -> None:
    raw = f"From: a@b.nl\r\nSubject: {subject}\r\n\r\nBack soon.\r\n".encode()
    assert verdict(raw) == (True, "oof-subject")


def test_body_rules_read_only_the_writers_own_head() -> None:
    quoted = (
        b"From: a@b.nl\r\nSubject: vraag\r\n\r\nZie hieronder.\r\n\r\n"
        b"-----Original Message-----\r\nThis is the mail system at host x.\r\n"
    )
    assert verdict(quoted) == (False, None)


def test_dsn_info_reads_a_delivery_status_part_inside_multipart_mixed() -> None:
    info = dsn_info((MAIL / "auto/report_part/dsn_in_mixed.eml").read_bytes())
    assert info is not None and info.status == "5.2.2" and info.permanent


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Why did my mail bounce?", True),
        ("Klopt dit ?", True),
        ('Is dit "Mijn Omgeving"?', True),
        ("J?rgen Weber", False),
        ("?????????? ????????", False),
        ("see https://x.example/?id=3", False),
        ("?", True),
        ("?? Return-Path: <x@y.example>", True),
    ],
)
def test_a_question_is_a_mark_after_a_word_not_an_unreadable_character(
    text: str, question: bool
) -> None:
    from privacybot.triage.automatic_view import has_question

    assert has_question(text) is question


@pytest.mark.parametrize(
    "text", ["What is 8 plus 7?", "Hoeveel is 3 + 4?", "wie viel ist 2 und 5 ?"]
)
def test_a_challenge_sum_is_the_services_question(text: str) -> None:
    from privacybot.triage.automatic_notices import _QUIZ

    assert _QUIZ.search(text)


@pytest.mark.parametrize(
    ("text", "first_person"),
    [
        ("was opened on Mon, 01 Jun 2026 07:50", False),
        ("Mon adresse a changé", True),
        ("received Mon 8 June", False),
        # The Union in capitals is not the Portuguese "eu".
        ("matched the policy 'EU National ID' and was sent encrypted", False),
        ("stored in EU regions only", False),
        ("Eu pedi os meus dados em maio", True),
        ("ontem eu enviei o pedido", True),
    ],
)
def test_a_weekday_or_the_union_is_no_first_person(text: str, first_person: bool) -> None:
    from privacybot.triage.automatic_view import first_person_in

    assert first_person_in(text) is first_person


@pytest.mark.parametrize(
    ("lines", "closes"),
    [
        (["Vriendelijke groet,", "", "Wouter Postma", "Applicatiebeheerder", "T 14 0985"], True),
        (["Hoogachtend,", "Sanne El Amrani", "Hondenschool Wolf"], True),
        (["Gr.", "Marloes Brouwer", "ICT-beheer"], True),
        (["Cheers,", "Sam", "", "View request · Turn off this request's notifications"], True),
        (["Met vriendelijke groet,", "Het Servicedesk-team", "www.example.nl"], False),
        (["Kind regards,", "The Privacy Team"], False),
    ],
)
def test_a_closing_with_a_name_passes_over_contact_and_service_lines(
    lines: list[str], closes: bool
) -> None:
    from privacybot.triage.automatic_view import MessageView, closes_with_a_name

    raw = "From: a@example.nl\nSubject: x\n\nDank voor het nakijken.\n\n" + "\n".join(lines)
    view = MessageView(parse_message(raw.encode()), "privacy@conxillium.nl", None)
    assert closes_with_a_name(view) is closes


@pytest.mark.parametrize(
    ("text", "label_left"),
    [
        ("Zaak Z-2026-038073 (AVG - recht op rectificatie) is aan u toegewezen", False),
        ("De termijn van zaak 56347 (AVG inzageverzoek) verloopt", False),
        ("Mijn zaak (inzageverzoek) loopt al lang", True),
    ],
)
def test_a_case_type_after_its_number_is_the_systems_label(text: str, label_left: bool) -> None:
    from privacybot.triage.automatic_view import not_the_writers

    assert ("verzoek" in not_the_writers(text) or "rectificatie" in not_the_writers(text)) is (
        label_left
    )
