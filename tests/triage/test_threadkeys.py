"""Case references in subjects (R21, lenient reading), reply ids, R19 subject stripping."""

from __future__ import annotations

import pytest

from privacybot.domain import ParsedMessage
from privacybot.triage.threadkeys import (
    TOKEN_RE,
    case_ref_from_subject,
    format_ref,
    reply_ids,
    strict_token,
    strip_subject,
)


def test_R21_token_regex_matches_case_insensitively_and_outputs_uppercase() -> None:
    assert TOKEN_RE.pattern == r"\[PRV-(\d{4})-(\d{5})\]"
    assert strict_token("Re: [prv-2026-00042] vraag") == "PRV-2026-00042"
    assert strict_token("PRV-2026-00042 zonder haken") is None


def test_R21_format_ref_pads_the_sequence() -> None:
    assert format_ref(2027, 1) == "PRV-2027-00001"


@pytest.mark.parametrize(
    "subject",
    [
        "Re: [PRV-2026-00042] Uw verzoek",
        "PRV-2026-00042",
        "re: [prv-2026-00042]",
        "Antw: [ PRV - 2026 - 00042 ] inzage",
        "over PRV 2026 00042 nog iets",
        "Fwd: prv-2026-00042",
    ],
)
def test_case_ref_is_read_leniently(subject: str) -> None:
    assert case_ref_from_subject(subject) == "PRV-2026-00042"


@pytest.mark.parametrize("subject", ["", "PRV-26-42", "XPRV-2026-00042", "PRV-2026-000421", "hoi"])
def test_no_case_ref_when_there_is_none(subject: str) -> None:
    assert case_ref_from_subject(subject) is None


def test_reply_ids_are_in_reply_to_then_references_without_duplicates() -> None:
    msg = ParsedMessage(
        sender=None,
        reply_to=None,
        subject="",
        message_id=None,
        in_reply_to="<a@x>",
        references=("<r@x>", "<a@x>"),
        date=None,
        body="",
    )
    assert reply_ids(msg) == ("<a@x>", "<r@x>")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: [PRV-2026-00042] Uw verzoek", "Uw verzoek"),
        ("Antw: Aw: Fw: Fwd: inzage", "inzage"),
        ("Doorst: RE: Auto: [PRV-2026-00042] Re: hallo", "hallo"),
        ("RE[2]: vraag", "vraag"),
        ("Reactie op brief", "Reactie op brief"),
        ("", ""),
    ],
)
def test_R19_strip_subject_removes_prefixes_and_tokens(subject: str, expected: str) -> None:
    assert strip_subject(subject) == expected
