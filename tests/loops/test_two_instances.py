"""Two privacybot instances mailing each other never loop.

Why: the classic loop is two robots answering each other. A (privacy-a@a.test) and
B (privacy-b@b.test) each run `privacybot run` with their built-in mailbox; one
loopback relay takes both instances' outbound mail and APPENDs it into the other's
mailbox over IMAP (so no Return-Path: only the headers privacybot itself writes can
stop the loop). Each instance is seeded with a human-looking rights request in the
other's name (a forged or hand-written mail), so each opens a case and sends one
automatic acknowledgment to the other robot. Each must then see the other's
acknowledgment as automatic (`Auto-Submitted`, R16) and not answer it, so the
relay carries exactly two messages and then nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import make_msgid
from functools import partial
from typing import Any

import pytest

from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, append_messages
from tests.loops.conftest import Privacybot, Relay, wait_for

A = "privacy-a@a.test"
B = "privacy-b@b.test"
#: The shortest watch after seeding, and the silence that ends it.
WATCH_SECONDS = 15.0
QUIET_SECONDS = 8.0


def _append_to(bot: Privacybot) -> Callable[[str, str, bytes], None]:
    """Deliver into `bot`'s built-in mailbox over IMAP APPEND, as a mail client would."""

    def deliver(mail_from: str, rcpt: str, raw: bytes) -> None:
        host, port = bot.demo_imap
        append_messages(host, port, DEMO_USER, DEMO_PASSWORD, [raw])

    return deliver


def _request(sender: str, to: str) -> bytes:
    """A plain erasure request, no automatic markers: it has to be answered."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = "Verwijderen gegevens"
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[1])
    msg.set_content(
        "Goedemiddag,\n\nWilt u al mijn persoonsgegevens verwijderen die GeoTax van mij "
        "heeft?\n\nMet vriendelijke groet,\nJan\n"
    )
    return msg.as_bytes()


def _triaged(bot: Privacybot, count: int) -> list[dict[str, Any]] | None:
    """All inbound rows once `count` of them have been judged by triage, else None."""
    rows = bot.inbound()
    done = [r for r in rows if r["automatic"] is not None]
    return rows if len(done) >= count else None


@pytest.mark.slow
def test_two_instances_acknowledge_each_other_once_and_stop(
    relay: Relay, privacybot_factory: Callable[..., Privacybot]
) -> None:
    bots = {
        address: privacybot_factory(
            address.split("@")[0],
            {"PRIVACYBOT_FROM": address, "PRIVACYBOT_SMTP_URL": relay.url},
        )
        for address in (A, B)
    }
    for bot in bots.values():
        bot.start()
    for bot in bots.values():
        bot.wait_healthy()
    relay.routes["a.test"] = _append_to(bots[A])
    relay.routes["b.test"] = _append_to(bots[B])

    # Each robot gets a request that looks like it came from the other robot's address.
    _append_to(bots[B])(A, B, _request(A, B))
    _append_to(bots[A])(B, A, _request(B, A))
    seeded = time.monotonic()

    wait_for(lambda: len(relay.mails()) >= 2, 20, "both acknowledgments", also=relay.report)
    mails = relay.wait_quiet(QUIET_SECONDS, timeout=30, not_before=seeded + WATCH_SECONDS)
    report = relay.report()
    assert not relay.errors, relay.errors
    assert len(mails) == 2, report
    assert sorted(m.rcpt for m in mails) == [A, B], report
    for mail in mails:
        assert mail.automatic and mail.header("Auto-Submitted") == "auto-replied", mail
        assert (mail.header("Subject") or "").startswith("Auto: [PRV-"), mail

    # Each side stored the other's acknowledgment, judged it automatic, and let it be.
    for address, bot in bots.items():
        other = B if address == A else A
        rows = wait_for(partial(_triaged, bot, 2), 10, f"{address} to triage both messages")
        assert len(rows) == 2, rows
        request, ack = rows
        assert request["sender"] == other and not request["automatic"], request
        assert ack["sender"] == other and ack["automatic"] == 1, ack
        assert (ack["automatic_reason"] or "").startswith("Auto-Submitted"), ack
        cases = bot.json("cases", "list")
        assert len(cases) == 1 and cases[0]["requester"] == other, cases
