"""compose_email: the headers of R16(7), R18, R19 and a 7-bit body that survives any relay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest

from privacybot.outbox.compose import (
    bounce_address,
    compose_email,
    is_our_message_id,
    new_message_id,
)
from privacybot.replies.headers import may_auto_reply_to

MID = "<0123456789abcdef0123456789abcdef@conxillium.nl>"
DATE = datetime(2026, 6, 1, 10, 30, tzinfo=UTC)


def build(**overrides: Any) -> bytes:
    args: dict[str, Any] = {
        "from_address": "privacy@conxillium.nl",
        "to_address": "jan@example.nl",
        "subject": "Auto: [PRV-2026-00042] Inzageverzoek",
        "body": "Beste Jan,\n\nWij hebben uw verzoek ontvangen.\n",
        "message_id": MID,
        "date": DATE,
        "in_reply_to": None,
        "references": None,
        "auto_submitted": "auto-replied",
        "envelope_domain": "conxillium.nl",
    }
    args.update(overrides)
    return compose_email(**args)


def parse(raw: bytes) -> EmailMessage:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_it_sets_the_basic_headers_once() -> None:
    msg = parse(build())
    for name in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert len(msg.get_all(name) or []) == 1, name
    assert msg["From"] == "privacy@conxillium.nl"
    assert msg["Message-ID"] == MID
    assert msg["Date"].datetime == DATE
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"


def test_it_keeps_the_given_message_id_across_builds() -> None:
    assert build() == build()


def test_it_writes_crlf_seven_bit_lines() -> None:
    raw = build(body="één regel met € en " + "lang " * 60 + "\n", subject="Vraag over één ding")
    assert raw.isascii()
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 78


def test_it_encodes_a_non_ascii_subject_and_body() -> None:
    subject = "Auto: [PRV-2026-00042] Verzoek tot inzage – gegevens van Zoë"
    body = "Geachte heer Çelik,\n\nUw verzoek is ontvangen; € 0,00 kosten.\n"
    raw = build(subject=subject, body=body)
    assert b"=?utf-8?" in raw
    msg = parse(raw)
    assert msg["Subject"] == subject
    assert msg["Content-Transfer-Encoding"] == "quoted-printable"
    assert msg.get_content().replace("\r\n", "\n") == body


def test_it_has_exactly_one_recipient() -> None:
    msg = parse(build(to_address="Jan Jansen <jan@example.nl>"))
    assert msg["To"].addresses[0].addr_spec == "jan@example.nl"
    assert len(msg["To"].addresses) == 1
    assert msg["Cc"] is None and msg["Bcc"] is None and msg["Reply-To"] is None


@pytest.mark.parametrize("to", ["a@example.nl, b@example.nl", "", "not an address", "a@b@c"])
def test_it_refuses_anything_but_one_mailbox(to: str) -> None:
    with pytest.raises(ValueError):
        build(to_address=to)


def test_it_threads_a_reply_per_r19() -> None:
    msg = parse(build(in_reply_to="<a@x>", references="<r@x>  <a@x>"))
    assert msg["In-Reply-To"] == "<a@x>"
    assert msg["References"] == "<r@x> <a@x>"


def test_it_omits_threading_headers_when_the_parent_had_none() -> None:
    msg = parse(build())
    assert "In-Reply-To" not in msg
    assert "References" not in msg


@pytest.mark.parametrize("value", ["auto-replied", "auto-generated"])
def test_automatic_mail_says_so_and_suppresses_autoresponders(value: str) -> None:
    msg = parse(build(auto_submitted=value))
    assert msg.get_all("Auto-Submitted") == [value]
    assert msg["X-Auto-Response-Suppress"] == "All"


def test_staff_approved_mail_has_no_auto_submitted() -> None:
    msg = parse(build(auto_submitted=None, subject="Re: [PRV-2026-00042] Inzage"))
    assert "Auto-Submitted" not in msg
    assert "X-Auto-Response-Suppress" not in msg


def test_every_message_carries_the_loop_header_and_no_precedence() -> None:
    for auto in ("auto-replied", None):
        msg = parse(build(auto_submitted=auto))
        assert msg["X-Privacybot-Loop"] == "conxillium.nl"
        assert "Precedence" not in msg


def test_it_refuses_unknown_auto_submitted_values() -> None:
    with pytest.raises(ValueError):
        build(auto_submitted="no")


@pytest.mark.parametrize(
    "overrides",
    [
        {"subject": "Hallo\r\nBcc: victim@example.nl"},
        {"in_reply_to": "<a@x>\r\nBcc: victim@example.nl"},
        {"message_id": "no-brackets@x"},
        {"date": datetime(2026, 6, 1, 10, 30)},
        {"envelope_domain": "not a domain"},
    ],
)
def test_it_refuses_header_injection_and_malformed_input(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        build(**overrides)


def test_it_writes_a_non_utc_date_with_its_offset() -> None:
    cest = timezone(timedelta(hours=2))
    msg = parse(build(date=datetime(2026, 6, 1, 12, 30, tzinfo=cest)))
    assert msg["Date"].datetime == DATE
    assert "+0200" in str(msg["Date"])


def test_new_message_ids_are_unique_and_well_formed() -> None:
    ids = {new_message_id("conxillium.nl") for _ in range(1000)}
    assert len(ids) == 1000
    assert all(i.startswith("<") and i.endswith("@conxillium.nl>") for i in ids)


def test_the_bounce_address_never_gets_an_automatic_answer_from_us() -> None:
    address = bounce_address(MID, "conxillium.nl")
    assert address == "bounces+0123456789abcdef0123456789abcdef@conxillium.nl"
    assert not may_auto_reply_to(address).allowed


def test_the_bounce_address_hashes_message_ids_that_are_not_plain_tokens() -> None:
    address = bounce_address("<weird.id+x@elsewhere.example>", "conxillium.nl")
    local = address.split("@")[0]
    assert local.startswith("bounces+") and local[8:].isalnum()


def test_R16_our_own_message_ids_are_recognised() -> None:
    mine = new_message_id("conxillium.nl")
    assert is_our_message_id(mine, "conxillium.nl")
    assert is_our_message_id(f"  {mine.upper()} ", "Conxillium.NL")
    assert not is_our_message_id(mine, "example.nl")
    assert not is_our_message_id("<abc123@conxillium.nl>", "conxillium.nl")
