"""End to end triage of raw mail and the CLI entry, including bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from privacybot.domain import Label
from privacybot.triage.pipeline import classify_input, looks_like_rfc822, triage

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
OURS = "privacy@conxillium.nl"


def run(raw: bytes):  # type: ignore[no-untyped-def]
    return triage(
        raw, our_address=OURS, our_message_ids=lambda m: m.endswith("@privacy.conxillium.nl>")
    )


def test_a_reply_is_cleaned_threaded_and_classified() -> None:
    result = run((MAIL / "reply_quoted.eml").read_bytes())
    assert result.cleaned_body == "Mijn code is 004271."
    assert result.case_ref_in_subject == "PRV-2026-00042"
    assert result.reply_ids == ("<ack-42@privacy.conxillium.nl>",)
    assert result.automatic is False
    assert "123456" in result.parsed.body  # staff still see the original


def test_a_request_is_classified_with_company() -> None:
    result = run((MAIL / "utf8_qp.eml").read_bytes())
    assert result.classification.labels == (Label.ACCESS,)
    assert result.classification.company == "Procura"


def test_automatic_mail_is_never_classified_as_a_request() -> None:
    result = run((MAIL / "auto_reply.eml").read_bytes())
    assert result.automatic and result.automatic_reason == "Auto-Submitted: auto-replied"
    assert result.classification.labels == (Label.OTHER,)
    assert result.suppress_auto_answer is True


def test_a_bounce_carries_its_dsn_details() -> None:
    result = run((MAIL / "dsn.eml").read_bytes())
    assert result.automatic
    assert result.dsn is not None
    assert result.dsn.original_message_id == "<ack-42@privacy.conxillium.nl>"
    assert result.classification.labels == (Label.OTHER,)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        bytes(range(256)) * 100,
        (MAIL / "only_attachment.eml").read_bytes(),
        (MAIL / "wrong_charset.eml").read_bytes(),
        (MAIL / "nested_rfc822.eml").read_bytes(),
        (MAIL / "header_injection.eml").read_bytes(),
        (MAIL / "broken_multipart.eml").read_bytes(),
    ],
    ids=["empty", "binary", "only-attachment", "wrong-charset", "nested", "injection", "broken"],
)
def test_bad_input_yields_a_result(raw: bytes) -> None:
    result = run(raw)
    assert result.classification.labels
    assert "\n" not in result.parsed.subject


@pytest.mark.parametrize(
    "raw",
    [b"", bytes(range(256)) * 100, (MAIL / "only_attachment.eml").read_bytes()],
    ids=["empty", "binary", "only-attachment"],
)
def test_input_without_text_is_other_with_problems(raw: bytes) -> None:
    result = run(raw)
    assert result.classification.labels == (Label.OTHER,)
    assert result.problems


def test_a_20_mb_message_is_triaged_fast() -> None:
    head = b"From: a@example.nl\r\nSubject: groot\r\nContent-Type: text/plain\r\n\r\n"
    raw = head + b"ik wil inzage in mijn gegevens. " * (20 * 1024 * 1024 // 32)
    start = time.perf_counter()
    result = run(raw)
    assert time.perf_counter() - start < 10
    assert result.classification.labels == (Label.ACCESS,)
    assert any("truncated" in p or "classified" in p for p in result.problems)


def test_classify_input_accepts_plain_text() -> None:
    result, problems = classify_input(b"Ik wil inzage bij Geo Tax", None)
    assert result.labels == (Label.ACCESS,) and result.company == "GeoTax"
    assert problems == []


def test_classify_input_accepts_a_whole_message_and_subject_override() -> None:
    raw = (MAIL / "html_only.eml").read_bytes()
    result, problems = classify_input(raw, None)
    assert result.labels == (Label.ERASURE,)
    assert "body converted from HTML" in problems


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\xff" * 100])
def test_classify_input_with_nothing_readable_is_other(data: bytes) -> None:
    result, problems = classify_input(data, None)
    assert result.labels == (Label.OTHER,) and problems


def test_looks_like_rfc822() -> None:
    assert looks_like_rfc822(b"From: a@b\r\nSubject: x\r\n\r\nhoi")
    assert not looks_like_rfc822(b"Ik wil inzage.\nGroet")
    assert not looks_like_rfc822(b"Onderwerp: inzage\nIk wil inzage")
