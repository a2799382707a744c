"""docs/rules.md R21 (references), R22 (matching) and R23 (replies to closed cases)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacybot.cases.deadline import default_calendar, due_date, receipt_date
from privacybot.cases.threading import (
    CandidateCase,
    RecentCase,
    ThreadAction,
    ThreadDecision,
    choose_case,
    format_reference,
    message_ids,
    normalize_reference,
    parse_reference,
    reference_year,
    repeat_of,
    subject_token,
)

REQUESTER = "jan@example.nl"
OPEN_42 = CandidateCase(id=42, reference="PRV-2026-00042", requester=REQUESTER, closed=False)
CLOSED_42 = CandidateCase(id=42, reference="PRV-2026-00042", requester=REQUESTER, closed=True)
SENT = {"<ack-1@privacy.conxillium.nl>": 42}


# --- R21 ----------------------------------------------------------------------


def test_R21_format_reference() -> None:
    assert format_reference(2026, 42) == "PRV-2026-00042"
    assert format_reference(2027, 1) == "PRV-2027-00001"
    assert format_reference(2026, 99_999) == "PRV-2026-99999"


@pytest.mark.parametrize(("year", "seq"), [(2026, 0), (2026, 100_000), (999, 1), (10_000, 1)])
def test_R21_format_reference_refuses_out_of_range(year: int, seq: int) -> None:
    with pytest.raises(ValueError):
        format_reference(year, seq)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("PRV-2026-00042", (2026, 42)),
        ("prv-2026-00042", (2026, 42)),
        ("[Prv-2026-00042]", (2026, 42)),
        ("  PRV-2027-00001 ", (2027, 1)),
        ("PRV-2026-0042", None),
        ("PRV-2026-000042", None),
        ("PRV-26-00042", None),
        ("PRV-2026-00000", None),
        ("XPRV-2026-00042", None),
        ("[PRV-2026-00042", None),
        ("PRV-٢٠٢٦-00042", None),  # Arabic-Indic digits are not reference digits
        ("", None),
    ],
)
def test_R21_parse_reference(text: str, parsed: tuple[int, int] | None) -> None:
    assert parse_reference(text) == parsed


@given(st.integers(min_value=1000, max_value=9999), st.integers(min_value=1, max_value=99_999))
def test_R21_format_and_parse_round_trip(year: int, seq: int) -> None:
    ref = format_reference(year, seq)
    assert parse_reference(ref) == (year, seq)
    assert parse_reference(ref.lower()) == (year, seq)
    assert normalize_reference(f"[{ref.lower()}]") == ref


def test_R21_subject_token_is_found_case_insensitively_and_uppercased() -> None:
    assert subject_token("Re: [prv-2026-00042] inzage") == "PRV-2026-00042"
    assert subject_token("Antw: [PRV-2026-00042] [PRV-2026-00043]") == "PRV-2026-00042"
    assert subject_token("Vraag over PRV-2026-00042") is None  # the token has brackets
    assert subject_token("Re: inzage") is None


def test_R21_first_case_received_new_years_eve_utc_is_next_year() -> None:
    received = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert receipt_date(received) == date(2027, 1, 1)
    assert format_reference(reference_year(received), 1) == "PRV-2027-00001"


# --- R22 ----------------------------------------------------------------------


def test_R22_reply_to_our_message_id_attaches_to_that_case() -> None:
    decision = choose_case(
        in_reply_to="<ack-1@privacy.conxillium.nl>",
        references=[],
        sent_message_ids=SENT,
        token=None,
        sender=REQUESTER,
        candidates=[OPEN_42],
    )
    assert decision.action is ThreadAction.ATTACH
    assert decision.case_id == 42
    assert decision.rule == "R22.1"


def test_R22_message_id_found_in_references_without_brackets_in_map() -> None:
    decision = choose_case(
        in_reply_to=None,
        references=["<other@mail.example> <ack-1@privacy.conxillium.nl>"],
        sent_message_ids={"ack-1@privacy.conxillium.nl": 42},
        token=None,
        sender="someone-else@example.nl",
        candidates=[OPEN_42],
    )
    assert decision == ThreadDecision(
        ThreadAction.ATTACH,
        "R22.1",
        "reply to our message <ack-1@privacy.conxillium.nl> in case PRV-2026-00042",
        case_id=42,
    )


def test_R22_in_reply_to_wins_over_older_references() -> None:
    cases = [OPEN_42, CandidateCase(7, "PRV-2026-00007", REQUESTER, closed=False)]
    decision = choose_case(
        in_reply_to="<b@us>",
        references=["<a@us> <b@us>"],
        sent_message_ids={"<a@us>": 42, "<b@us>": 7},
        token=None,
        sender=REQUESTER,
        candidates=cases,
    )
    assert decision.case_id == 7


def test_R22_newest_reference_wins_without_in_reply_to() -> None:
    cases = [OPEN_42, CandidateCase(7, "PRV-2026-00007", REQUESTER, closed=False)]
    decision = choose_case(
        in_reply_to=None,
        references=["<a@us>", "<b@us>"],
        sent_message_ids={"<a@us>": 42, "<b@us>": 7},
        token=None,
        sender=REQUESTER,
        candidates=cases,
    )
    assert decision.case_id == 7


def test_R22_token_and_same_requester_attaches() -> None:
    decision = choose_case(
        in_reply_to="<unknown@mail.example>",
        references=[],
        sent_message_ids=SENT,
        token="prv-2026-00042",
        sender="Jan@Example.NL",
        candidates=[OPEN_42],
    )
    assert decision.action is ThreadAction.ATTACH
    assert decision.case_id == 42
    assert decision.rule == "R22.2"


def test_R22_token_from_a_stranger_opens_a_new_case() -> None:
    decision = choose_case(
        in_reply_to=None,
        references=[],
        sent_message_ids=SENT,
        token="PRV-2026-00042",
        sender="stranger@evil.example",
        candidates=[OPEN_42],
    )
    assert decision.action is ThreadAction.NEW_TOKEN_MISMATCH
    assert decision.case_id is None
    assert decision.parent_case_id is None
    # Nothing of 00042 is disclosed: no id, no requester in the reason.
    assert REQUESTER not in decision.reason


def test_R22_token_from_a_stranger_on_a_closed_case_is_still_a_mismatch() -> None:
    decision = choose_case(None, [], SENT, "PRV-2026-00042", "stranger@evil.example", [CLOSED_42])
    assert decision.action is ThreadAction.NEW_TOKEN_MISMATCH
    assert decision.parent_case_id is None


def test_R22_token_of_no_existing_case_is_a_plain_new_case() -> None:
    decision = choose_case(None, [], SENT, "PRV-2026-00999", REQUESTER, [OPEN_42])
    assert decision.action is ThreadAction.NEW


def test_R22_no_sender_never_matches_by_token() -> None:
    decision = choose_case(None, [], SENT, "PRV-2026-00042", None, [OPEN_42])
    assert decision.action is ThreadAction.NEW_TOKEN_MISMATCH


def test_R22_nothing_known_is_a_new_case() -> None:
    decision = choose_case("<x@mail.example>", ["<y@mail.example>"], SENT, None, REQUESTER, [])
    assert decision.action is ThreadAction.NEW
    assert decision.rule == "R22.3"


def test_R22_message_id_of_a_purged_case_falls_through() -> None:
    decision = choose_case("<ack-1@privacy.conxillium.nl>", [], SENT, None, REQUESTER, [])
    assert decision.action is ThreadAction.NEW


def test_R22_message_ids_from_header_values() -> None:
    assert message_ids(["<a@x> <b@x>", " <c@x>"]) == ["<a@x>", "<b@x>", "<c@x>"]
    assert message_ids(["a@x"]) == ["<a@x>"]
    assert message_ids(["", "  "]) == []


# --- R23 ----------------------------------------------------------------------


def test_R23_reply_to_closed_case_opens_a_linked_new_case() -> None:
    decision = choose_case(
        in_reply_to="<ack-1@privacy.conxillium.nl>",
        references=[],
        sent_message_ids=SENT,
        token="PRV-2026-00042",
        sender=REQUESTER,
        candidates=[CLOSED_42],
    )
    assert decision.action is ThreadAction.NEW_CHILD_OF_CLOSED
    assert decision.parent_case_id == 42
    assert decision.case_id is None
    assert decision.rule == "R23"
    # Its own receipt date and clock: received 2026-09-01 -> due 2026-09-29.
    assert due_date(date(2026, 9, 1), default_calendar()) == date(2026, 9, 29)


def test_R23_token_match_on_closed_case_opens_a_linked_new_case() -> None:
    decision = choose_case(None, [], {}, "[PRV-2026-00042]", REQUESTER, [CLOSED_42])
    assert decision.action is ThreadAction.NEW_CHILD_OF_CLOSED
    assert decision.parent_case_id == 42


# --- rule repeat-request (issue 9.6) -------------------------------------------------------

_T = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def _recent(**kw: object) -> RecentCase:
    base: dict[str, object] = {
        "id": 1,
        "reference": "PRV-2026-00001",
        "rights": frozenset({"access"}),
        "company": "Procura",
        "text": "Ik wil inzage in al mijn gegevens bij Procura.",
        "opened": _T,
        "closed": False,
    }
    base.update(kw)
    return RecentCase(**base)  # type: ignore[arg-type]


def test_repeat_request_joins_the_open_case_with_the_same_words() -> None:
    found = repeat_of(
        {"access"}, "Procura", "ik wil inzage in al mijn gegevens bij Procura!", [_recent()]
    )
    assert found is not None and found.reference == "PRV-2026-00001"


@pytest.mark.parametrize(
    ("rights", "company", "text", "case"),
    [
        ({"erasure"}, "Procura", "Ik wil inzage in al mijn gegevens bij Procura.", {}),
        ({"access"}, "GeoTax", "Ik wil inzage in al mijn gegevens bij Procura.", {}),
        ({"access"}, "Procura", "Stuur mij alles wat over mij in jullie systemen staat.", {}),
        ({"access"}, "Procura", "Ik wil inzage in al mijn gegevens bij Procura.", {"closed": True}),
    ],
)
def test_repeat_request_is_not_another_right_company_wording_or_a_closed_case(
    rights: set[str], company: str, text: str, case: dict[str, object]
) -> None:
    assert repeat_of(rights, company, text, [_recent(**case)]) is None
