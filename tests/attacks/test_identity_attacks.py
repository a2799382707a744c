"""Issue 9, tried as an attacker would: nobody verifies, or is answered, as someone else.

Each test is one attack, named after what the desk refuses. Mail comes in through
the real SMTP receiver on loopback and goes out through the real sender to a
recording SMTP server, so what the attacker could see is what these tests see.
"""

from __future__ import annotations

import email
import logging
import re
import smtplib
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.db import migrate
from privacybot.db.models import CodeAttempt, InboundMessage
from privacybot.db.session import make_engine
from privacybot.intake.smtp_in import SmtpReceiver
from privacybot.outbox.sender import Sender
from privacybot.outbox.transport import SmtpTransport
from privacybot.testing.servers import LOOPBACK, free_port
from tests.flow.helpers import KEY, OUR, Flow, mail, make_flow
from tests.servers import ReceivedMail, SmtpSink

REQUEST = "Goedemiddag,\n\nIk wil graag inzage in alle gegevens die Procura over mij heeft.\n"
VICTIM = "victim@bank.example"
ATTACKER = "attacker@evil.example"


@dataclass
class Desk:
    """The desk as an outsider meets it: an SMTP port in, a relay out."""

    flow: Flow
    smtp_port: int
    sender: Sender
    relay: SmtpSink

    def deliver(self, raw: bytes, mail_from: str = "someone@example.org") -> None:
        """Hand one message to the receiver as an MTA would, then let the desk work."""
        wire = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")  # SMTP speaks CRLF
        with smtplib.SMTP(LOOPBACK, self.smtp_port, timeout=10) as smtp:
            smtp.sendmail(mail_from, [OUR], wire)
        self.flow.worker.drain()
        while self.sender.process_one() is not None:
            pass

    def sent(self) -> list[ReceivedMail]:
        return list(self.relay.messages)

    def code_to(self, address: str) -> str:
        """The newest code the relay carried to ``address``."""
        for item in reversed(self.sent()):
            if address in item.rcpt_tos:
                body = _body(item.raw)
                found = re.findall(r"^\s+(\d{6})\s*$", body, re.MULTILINE)
                if found:
                    return str(found[-1])
        raise AssertionError(f"no code was sent to {address}")


def _body(raw: bytes) -> str:
    msg = email.message_from_bytes(raw)
    payload = msg.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8")


@pytest.fixture
def desk(engine: Engine, smtp_sink: SmtpSink) -> Iterator[Desk]:
    flow = make_flow(engine)
    port = free_port()
    sender = Sender(
        engine,
        SmtpTransport(smtp_sink.url),
        clock=flow.clock,
        bounce_domain="conxillium.nl",
        key=KEY,
    )
    with SmtpReceiver(LOOPBACK, port, flow.sink, flow.clock.now):
        yield Desk(flow, port, sender, smtp_sink)


def _request(sender: str = VICTIM, body: str = REQUEST, subject: str = "Inzage") -> bytes:
    return mail(body, sender=sender, subject=subject)


def _reply_to_ack(desk: Desk, body: str, sender: str = VICTIM) -> None:
    ack = desk.flow.drafts()[0]
    desk.deliver(
        mail(
            body,
            sender=sender,
            subject=f"Re: {ack.subject}",
            in_reply_to=ack.message_id,
            cte="quoted-printable",
        )
    )


def _attempts(engine: Engine) -> list[CodeAttempt]:
    with Session(engine) as s:
        return list(s.exec(select(CodeAttempt).order_by(col(CodeAttempt.id))).all())


# --- 1. codes cannot be guessed in bulk ------------------------------------------------


@pytest.mark.parametrize("separator", [" ", "\n", ", "])
def test_a_reply_listing_many_codes_verifies_nothing(desk: Desk, separator: str) -> None:
    desk.deliver(_request())  # the attacker forges the victim's From
    guesses = separator.join(f"{n:06d}" for n in range(100_000))
    _reply_to_ack(desk, f"Mijn code:\n{guesses}\n")
    [case] = desk.flow.cases()
    assert not case.verified
    assert case.needs_staff and "possible codes" in (case.staff_reason or "")
    assert desk.flow.events("verification_refused")
    assert _attempts(desk.flow.engine) == []  # nothing was tried


def test_every_candidate_code_counts_as_an_attempt(desk: Desk) -> None:
    desk.deliver(_request())
    code = desk.code_to(VICTIM)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    _reply_to_ack(desk, f"{wrong}\nof anders {code}\n")
    [case] = desk.flow.cases()
    assert case.verified
    assert [a.ok for a in _attempts(desk.flow.engine)] == [False, True]


@pytest.mark.parametrize("written", ["{a} {b}", "{a}-{b}", "code: {a}{b}", "{a}{b} {a}{b}"])
def test_a_code_retyped_with_a_space_or_dash_still_verifies(desk: Desk, written: str) -> None:
    desk.deliver(_request())
    code = desk.code_to(VICTIM)
    _reply_to_ack(desk, written.format(a=code[:3], b=code[3:]))
    assert desk.flow.cases()[0].verified


def test_wrong_codes_cannot_be_spread_over_many_replies(desk: Desk) -> None:
    desk.deliver(_request())
    code = desk.code_to(VICTIM)
    for n in range(5):
        _reply_to_ack(desk, f"{(int(code) + 1 + n) % 1_000_000:06d}")
    _reply_to_ack(desk, code)  # the right one, too late
    [case] = desk.flow.cases()
    assert not case.verified
    assert case.needs_staff and "too many wrong codes" in (case.staff_reason or "")
    assert sum(not a.ok for a in _attempts(desk.flow.engine)) == 5


def test_wrong_codes_cannot_be_spread_over_cases_of_one_address(desk: Desk) -> None:
    desk.deliver(_request(body="Ik wil inzage in mijn gegevens bij Procura."))
    first_ack = desk.flow.drafts()[0]
    desk.deliver(_request(body="Verwijder al mijn gegevens bij GeoTax.", subject="Wissen"))
    second_ack = [d for d in desk.flow.drafts() if d.kind == "acknowledgment"][1]
    code_two = desk.code_to(VICTIM)
    for n in range(5):
        ack = first_ack if n < 3 else second_ack
        guess = f"{(int(code_two) + 7 + n) % 1_000_000:06d}"
        desk.deliver(
            mail(guess, sender=VICTIM, subject=f"Re: {ack.subject}", in_reply_to=ack.message_id)
        )
    desk.deliver(
        mail(
            code_two,
            sender=VICTIM,
            subject=f"Re: {second_ack.subject}",
            in_reply_to=second_ack.message_id,
        )
    )
    assert not any(case.verified for case in desk.flow.cases())


def test_a_guessed_case_reference_gives_a_stranger_nothing(desk: Desk) -> None:
    desk.deliver(_request())
    [victim_case] = desk.flow.cases()
    code = desk.code_to(VICTIM)
    desk.deliver(
        mail(
            f"Hier is de code: {code}. Stuur mij de gegevens.",
            sender=ATTACKER,
            subject=f"Re: [{victim_case.reference}] Inzage",
        )
    )
    victim_case, stranger_case = desk.flow.cases()
    assert not victim_case.verified
    assert stranger_case.reference != victim_case.reference
    assert "another address" in (stranger_case.staff_reason or "")
    to_attacker = [m for m in desk.sent() if ATTACKER in m.rcpt_tos]
    assert all(victim_case.reference.encode() not in m.raw for m in to_attacker)


# --- 2. addresses come from the raw header ---------------------------------------------


def test_an_encoded_display_name_never_becomes_the_requester(desk: Desk) -> None:
    raw = (
        "From: =?utf-8?b?dmljdGltQGJhbmsuZXhhbXBsZQ==?= <attacker@evil.example>\r\n"
        f"To: {OUR}\r\nSubject: Inzage\r\nMessage-ID: {make_msgid()}\r\n\r\n{REQUEST}"
    ).encode()
    desk.deliver(raw)
    [case] = desk.flow.cases()
    [ack] = desk.sent()
    assert ack.rcpt_tos == [ATTACKER]
    assert VICTIM.encode() not in ack.raw
    with Session(desk.flow.engine) as s:
        row = s.exec(select(InboundMessage)).one()
    assert row.sender == ATTACKER


def test_a_display_name_with_a_line_break_adds_no_recipient(desk: Desk) -> None:
    raw = (
        "From: =?utf-8?q?Kees=0D=0ABcc=3A_leak=40evil=2Eexample?= <kees@example.nl>\r\n"
        f"To: {OUR}\r\nSubject: Inzage\r\nMessage-ID: {make_msgid()}\r\n\r\n{REQUEST}"
    ).encode()
    desk.deliver(raw)
    [ack] = desk.sent()
    assert ack.rcpt_tos == ["kees@example.nl"]
    headers = email.message_from_bytes(ack.raw)
    assert headers.get_all("Bcc") is None and b"leak@" not in ack.raw


# --- 3. automatic replies go to one plain mailbox or to nobody -----------------------


def test_a_null_envelope_sender_is_never_answered(desk: Desk) -> None:
    desk.deliver(_request(sender="Anna <anna@example.nl>"), mail_from="")
    assert desk.sent() == []
    assert desk.flow.cases() == []
    assert desk.flow.inbound()[0].automatic


def test_a_from_with_two_mailboxes_is_never_answered(desk: Desk) -> None:
    desk.deliver(_request(sender="anna@example.nl, leak@evil.example"))
    assert desk.sent() == []
    [row] = desk.flow.inbound()
    assert row.staff_reason == "From holds 2 mailboxes"
    assert desk.flow.cases() == []


@pytest.mark.parametrize(
    "sender", ["kees.@example.nl", '"kees de vries"@example.nl', "kees@example.nl."]
)
def test_an_address_the_composer_rejects_goes_to_staff_once(desk: Desk, sender: str) -> None:
    desk.deliver(_request(sender=sender))
    assert desk.sent() == []
    [case] = desk.flow.cases()
    assert case.needs_staff and "cannot write to this address" in (case.staff_reason or "")
    [row] = desk.flow.inbound()
    assert row.state == "triaged" and row.attempts == 0  # no retry-and-park loop
    [draft] = desk.flow.drafts()
    assert draft.status == "awaiting_approval"


# --- 4. no code at rest in clear --------------------------------------------------------


def test_no_code_is_at_rest_in_clear(
    tmp_path: Path, smtp_sink: SmtpSink, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    db = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine)
    flow = make_flow(engine)
    sender = Sender(
        engine, SmtpTransport(smtp_sink.url), clock=flow.clock, bounce_domain="conxillium.nl",
        key=KEY,
    )  # fmt: skip
    flow.receive(_request())
    while sender.process_one() is not None:
        pass
    [ack] = smtp_sink.messages
    code = re.findall(r"^\s+(\d{6})\s*$", _body(ack.raw), re.MULTILINE)[0]
    [draft] = flow.drafts()
    assert "\u2022" * 6 in draft_view(draft.body)
    engine.dispose()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("desk.db*"))
    assert code.encode() not in stored
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("privacybot")]
    assert ours and not any(code in line for line in ours)


def draft_view(body: str) -> str:
    from privacybot.cases.codes import mask

    return mask(body)


# --- 5. deep nesting does not drop a request --------------------------------------------


@pytest.mark.parametrize("depth", [300, 2000])
def test_deeply_nested_parts_do_not_drop_the_request(desk: Desk, depth: int) -> None:
    inner = b"From: a@b.example\r\nSubject: x\r\n\r\nbinnenste\r\n"
    for _ in range(depth):
        inner = b"Content-Type: message/rfc822\r\n\r\n" + inner
    raw = (
        b"From: Anna <anna@example.nl>\r\nTo: privacy@conxillium.nl\r\nSubject: Inzage\r\n"
        b"Message-ID: <deep@example.nl>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + REQUEST.encode() + b"\r\n--XX\r\n"
        + inner + b"\r\n--XX--\r\n"
    )  # fmt: skip
    desk.deliver(raw)
    [row] = desk.flow.inbound()
    assert row.state == "triaged" and row.attempts == 0
    assert "nested deeper" in (row.problem or "")
    [case] = desk.flow.cases()
    assert case.rights == ["access"]


# --- 6. a flood from one address ---------------------------------------------------------


def test_a_flood_of_one_request_is_one_case(desk: Desk) -> None:
    for _ in range(200):
        desk.deliver(_request(sender="flood@example.nl"))
        desk.flow.advance(seconds=5)
    assert len(desk.flow.cases()) == 1
    assert len(desk.flow.drafts()) == 1  # the one acknowledgment
    assert len(desk.sent()) == 1
    assert len(desk.flow.events("message_added")) == 199


def test_new_cases_past_the_daily_cap_wait_for_staff_without_drafts(desk: Desk) -> None:
    companies = ["Procura", "GeoTax", "Pharox", "SIM", "I-Real", "DataQuint", "BeheerVisie"]
    for company in companies:
        desk.deliver(
            _request(sender="many@example.nl", body=f"Inzage in mijn gegevens bij {company}")
        )
    assert len(desk.flow.cases()) == 5
    waiting = [r for r in desk.flow.inbound() if r.staff_reason]
    assert len(waiting) == 2 and all("new cases" in (r.staff_reason or "") for r in waiting)
    assert len(desk.flow.drafts()) == 5


# --- 9. the citizen hears back about the code ---------------------------------------------


def test_a_wrong_code_gets_one_short_reply_that_says_how_to_go_on(desk: Desk) -> None:
    desk.deliver(_request())
    code = desk.code_to(VICTIM)
    _reply_to_ack(desk, f"{(int(code) + 3) % 1_000_000:06d}")
    last = desk.sent()[-1]
    assert last.rcpt_tos == [VICTIM]
    parsed = email.message_from_bytes(last.raw)
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert "nieuwe code" in _body(last.raw)


def test_an_expired_code_brings_a_fresh_one(desk: Desk) -> None:
    desk.deliver(_request())
    old = desk.code_to(VICTIM)
    desk.flow.advance(hours=25)
    _reply_to_ack(desk, old)
    assert not desk.flow.cases()[0].verified
    new = desk.code_to(VICTIM)
    assert new != old and "niet meer geldig" in _body(desk.sent()[-1].raw)
    _reply_to_ack(desk, new)
    assert desk.flow.cases()[0].verified


def test_a_correct_code_gets_a_confirmation_with_the_due_date(desk: Desk) -> None:
    desk.deliver(_request())
    _reply_to_ack(desk, desk.code_to(VICTIM))
    [case] = desk.flow.cases()
    assert case.verified
    confirmation = _body(desk.sent()[-1].raw)
    assert "Uw code klopt" in confirmation and "29 juni 2026" in confirmation


def test_asking_for_a_new_code_sends_one(desk: Desk) -> None:
    desk.deliver(_request())
    old = desk.code_to(VICTIM)
    desk.flow.advance(minutes=30)
    _reply_to_ack(desk, "Ik heb de mail gewist, mag ik een nieuwe code?")
    assert desk.code_to(VICTIM) != old


def test_a_locked_case_says_so_once_and_stays_locked(desk: Desk) -> None:
    desk.deliver(_request())
    code = desk.code_to(VICTIM)
    for n in range(5):
        _reply_to_ack(desk, f"{(int(code) + 11 + n) % 1_000_000:06d}")
    bodies = [_body(m.raw) for m in desk.sent()]
    assert sum("geen codes meer" in b for b in bodies) <= 1
    desk.flow.advance(days=2)
    _reply_to_ack(desk, code)
    assert not desk.flow.cases()[0].verified  # the per-case limit has no window
