"""R16 automatic-mail detection, X-Auto-Response-Suppress, and DSN reading (R17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacybot.triage.automatic import is_automatic
from privacybot.triage.automatic_dsn import dsn_info
from privacybot.triage.automatic_headers import suppress_auto_answer
from privacybot.triage.mime import parse_message

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
OURS = "privacy@conxillium.nl"


def mail(*headers: str, sender: str = "anna@example.nl") -> bytes:
    head = "".join(h + "\r\n" for h in headers)
    return f"From: {sender}\r\nSubject: hoi\r\n{head}\r\nIk wil inzage.\r\n".encode()


def check(raw: bytes) -> tuple[bool, str | None]:
    return is_automatic(parse_message(raw), our_address=OURS, our_message_ids={"<ours@x>"})


def test_R16_plain_mail_is_not_automatic() -> None:
    assert check(mail()) == (False, None)


def test_R16_auto_submitted_auto_replied_is_automatic() -> None:
    assert check(mail("Auto-Submitted: auto-replied")) == (True, "Auto-Submitted: auto-replied")


def test_R16_auto_submitted_first_token_any_case_with_parameters() -> None:
    assert check(mail("Auto-Submitted: Auto-Generated; owner-email=x@y")) == (
        True,
        "Auto-Submitted: auto-generated",
    )


def test_R16_auto_submitted_no_is_not_automatic() -> None:
    assert check(mail("Auto-Submitted: No")) == (False, None)


def test_R16_two_auto_submitted_fields_are_automatic() -> None:
    assert check(mail("Auto-Submitted: no", "Auto-Submitted: no"))[0] is True


@pytest.mark.parametrize("value", ["bulk", "junk", "list", "auto_reply", "BULK"])
def test_R16_precedence_bulk_junk_list_auto_reply_is_automatic(value: str) -> None:
    assert check(mail(f"Precedence: {value}")) == (True, f"Precedence: {value.lower()}")


def test_R16_precedence_first_class_is_not_automatic() -> None:
    assert check(mail("Precedence: first-class")) == (False, None)


@pytest.mark.parametrize(
    "header",
    [
        "List-Id",
        "List-Help",
        "List-Unsubscribe",
        "List-Subscribe",
        "List-Post",
        "List-Owner",
        "List-Archive",
    ],
)
def test_R16_list_headers_are_automatic(header: str) -> None:
    assert check(mail(f"{header}: <x.example.nl>")) == (True, f"{header} present")


@pytest.mark.parametrize("header", ["X-Autoreply", "X-Autorespond"])
def test_R16_x_autoreply_headers_are_automatic(header: str) -> None:
    assert check(mail(f"{header}: yes")) == (True, f"{header} present")


def test_R16_multipart_report_is_automatic() -> None:
    assert check((MAIL / "dsn.eml").read_bytes()) == (True, "multipart/report")
    raw = mail('Content-Type: multipart/report; report-type=delivery-status; boundary="b"')
    assert check(raw) == (True, "multipart/report")


def test_R16_null_return_path_is_automatic() -> None:
    assert check(mail("Return-Path: <>")) == (True, "Return-Path: <>")


def test_R16_absent_return_path_is_not_automatic_by_that_test() -> None:
    assert check(mail()) == (False, None)
    assert check(mail("Return-Path: <anna@example.nl>")) == (False, None)


@pytest.mark.parametrize(
    ("sender", "reason"),
    [
        ("MAILER-DAEMON@mx.example.nl", "sender MAILER-DAEMON"),
        ("Postmaster@a.nl", "sender postmaster"),
    ],
)
def test_R16_mailer_daemon_and_postmaster_senders_are_automatic(sender: str, reason: str) -> None:
    assert check(mail(sender=sender)) == (True, reason)


def test_R16_mail_from_our_own_address_is_automatic() -> None:
    assert check(mail(sender="Privacy@Conxillium.nl")) == (True, "From is our address")


def test_R16_x_privacybot_loop_is_automatic() -> None:
    assert check(mail("X-Privacybot-Loop: 1")) == (True, "X-Privacybot-Loop present")


def test_R16_our_own_message_id_coming_back_is_automatic() -> None:
    assert check(mail("Message-ID: <ours@x>")) == (True, "Message-ID is ours")
    predicate = is_automatic(
        parse_message(mail("Message-ID: <ours@x>")),
        our_address=OURS,
        our_message_ids=lambda mid: mid == "<ours@x>",
    )
    assert predicate == (True, "Message-ID is ours")


@pytest.mark.parametrize("value", ["All", "AutoReply", "OOF", "DR, NDR, RN, NRN, OOF, AutoReply"])
def test_R16_x_auto_response_suppress_asks_for_no_auto_answer(value: str) -> None:
    msg = parse_message(mail(f"X-Auto-Response-Suppress: {value}"))
    assert suppress_auto_answer(msg) is True
    assert is_automatic(msg, our_address=OURS) == (False, None)


@pytest.mark.parametrize("raw", [mail(), mail("X-Auto-Response-Suppress: DR, RN")])
def test_R16_x_auto_response_suppress_without_those_values_does_not_suppress(raw: bytes) -> None:
    assert suppress_auto_answer(parse_message(raw)) is False


def test_R17_dsn_yields_original_message_id_and_status() -> None:
    info = dsn_info((MAIL / "dsn.eml").read_bytes())
    assert info is not None
    assert info.original_message_id == "<ack-42@privacy.conxillium.nl>"
    assert info.status == "5.1.1" and info.permanent
    assert info.final_recipient == "gone@example.nl"
    assert info.action == "failed"


def test_R17_dsn_with_returned_full_message() -> None:
    raw = (
        b"From: MAILER-DAEMON@a.nl\r\nContent-Type: multipart/report; "
        b'report-type=delivery-status; boundary="R"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\n'
        b"failed\r\n--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a\r\n"
        b"\r\nFinal-Recipient: rfc822; x@y\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n--R\r\n"
        b"Content-Type: message/rfc822\r\n\r\nFrom: privacy@conxillium.nl\r\n"
        b"Message-ID: <orig@p>\r\n\r\nbody\r\n--R--\r\n"
    )
    info = dsn_info(raw)
    assert info is not None
    assert (info.original_message_id, info.status, info.permanent) == ("<orig@p>", "4.4.1", False)


@pytest.mark.parametrize("raw", [b"", b"junk\xff", mail()])
def test_R17_non_dsn_gives_none(raw: bytes) -> None:
    assert dsn_info(raw) is None


def _listing_from_a_helpdesk(our_address: str) -> bool:
    raw = (
        "From: Helpdesk <helpdesk@gemeente-aadorp.example>\r\nTo: <" + our_address + ">\r\n"
        "Subject: Blocklist 198.51.100.9\r\n\r\n"
        "Het IP-adres 198.51.100.9 staat sinds woensdag op de blocklist van SpamWacht. "
        "Het gaat om de mail van " + our_address + ".\r\n"
    ).encode()
    return is_automatic(parse_message(raw), our_address=our_address)[0]


@pytest.mark.parametrize("ours", ["privacy@conxillium.nl", "fg@gemeente-voorbeeld.example"])
def test_R16_listing_prose_naming_our_own_address_is_a_persons(ours: str) -> None:
    """Whatever address the desk runs on, an administrator naming it as the mailbox the
    listing blocks writes prose, not the list's notice (the address is read from the
    settings, not written into the rule)."""
    assert _listing_from_a_helpdesk(ours) is False
