"""Mailboxes from raw headers (issue 9.2) and which addresses we can write to (9.3)."""

from __future__ import annotations

import pytest

from privacybot.triage.addresses import clean_display_name, parse_mailboxes, reply_address_problem
from privacybot.triage.mime import decode_header_value, parse_message


def test_an_encoded_display_name_stays_a_name() -> None:
    [box] = parse_mailboxes(
        "=?utf-8?b?dmljdGltQGJhbmsuZXhhbXBsZQ==?= <attacker@evil.example>", decode_header_value
    )
    assert box.address == "attacker@evil.example"
    assert box.name == "victim@bank.example"


def test_a_decoded_line_break_never_leaves_the_display_name() -> None:
    [box] = parse_mailboxes(
        "=?utf-8?q?Kees=0D=0ABcc=3A_leak=40evil=2Eexample?= <kees@example.nl>",
        decode_header_value,
    )
    assert box.address == "kees@example.nl"
    assert "\n" not in box.name and "\r" not in box.name


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("a@x.nl, b@y.nl", 2),
        ("Groep: a@x.nl, b@y.nl;", 2),
        ("a@x.nl <b@y.nl>", 2),
        ("MAILER-DAEMON <>", 0),
        ("undisclosed-recipients:;", 0),
        ('"Kees, de Vries" <kees@x.nl>', 1),
    ],
)
def test_every_mailbox_of_the_header_is_seen(value: str, count: int) -> None:
    assert len(parse_mailboxes(value)) == count


def test_parse_message_has_a_sender_only_for_exactly_one_from_mailbox() -> None:
    two = parse_message(b"From: a@x.nl, b@y.nl\r\nSubject: x\r\n\r\nhoi\r\n")
    assert two.sender is None and two.from_mailboxes == ("a@x.nl", "b@y.nl")
    assert "more than one From mailbox" in two.problems
    twice = parse_message(b"From: a@x.nl\r\nFrom: b@y.nl\r\nSubject: x\r\n\r\nhoi\r\n")
    assert twice.sender is None
    one = parse_message(b"From: Anna <anna@x.nl>\r\nSubject: x\r\n\r\nhoi\r\n")
    assert one.sender == "anna@x.nl" and one.sender_name == "Anna"


def test_raw_utf8_in_headers_is_read_as_written_and_noted() -> None:
    raw = "From: Jürgen Müller <j@x.de>\r\nSubject: Inzage Jürgen\r\n\r\nhoi\r\n".encode()
    parsed = parse_message(raw)
    assert parsed.subject == "Inzage Jürgen"
    assert parsed.sender == "j@x.de" and parsed.sender_name == "Jürgen Müller"
    assert "raw 8-bit bytes in a header, read as UTF-8" in parsed.problems


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("=?utf-8?Q?Resposta_autom?=ática", "Resposta automática"),
        ("Jürgen =?utf-8?Q?M=C3=BCller?=", "Jürgen Müller"),
        ("=?iso-8859-1?Q?Abwesenheitsnotiz:?= Größe", "Abwesenheitsnotiz: Größe"),
        ("Привет =?koi8-r?B?0NLJ18XU?=", "Привет привет"),
    ],
)
def test_raw_utf8_beside_encoded_words_reads_as_written(subject: str, expected: str) -> None:
    """Raw UTF-8 and encoded words in one header: no escape sequences, no U+FFFD."""
    raw = f"From: a@x.nl\r\nSubject: {subject}\r\n\r\nhoi\r\n".encode()
    parsed = parse_message(raw)
    assert parsed.subject == expected
    assert "\\u" not in parsed.subject and "\ufffd" not in parsed.subject


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("kees@example.nl", None),
        ("k.de-vries+avg@sub.example.nl", None),
        ("kees.@example.nl", "dot"),
        (".kees@example.nl", "dot"),
        ("ke..es@example.nl", "dot"),
        ('"kees de vries"@example.nl', "quoted"),
        ("kees@example.nl.", "ends with a dot"),
        ("kees@localhost", "host name with a dot"),
        ("kées@example.nl", "non-ASCII"),
        ("kees@exa_mple.nl", "host name"),
        ("", "no address"),
        ("a" * 65 + "@example.nl", "64"),
    ],
)
def test_reply_address_problem_names_why_we_cannot_write(address: str, problem: str | None) -> None:
    found = reply_address_problem(address)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
        assert address not in found or not address


def test_display_names_are_one_line_without_controls() -> None:
    assert clean_display_name("Kees\r\n\tBcc:\x00 x") == "Kees Bcc: x"
