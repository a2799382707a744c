"""Loop safety against a real autoresponder: Pigeonhole Sieve `vacation` on the citizen side.

Why: RFC 3834 loop rules only hold if both ends follow them, and the only convincing
check is a real autoresponder answering real mail. Here Dovecot holds two mailboxes,
`privacy` (watched by `privacybot run` over IMAP IDLE) and `citizen` (with a Sieve
`vacation :days 1` script, run by dovecot-lda on every delivery). A loopback relay
takes privacybot's outbound mail and delivers it with dovecot-lda, so vacation fires;
vacation submits its reply (Dovecot `submission_host`) to the same relay, which
delivers it to the privacy mailbox. Every hop is real; the relay counts them.

The citizen withdraws consent (no identity check, R9), so privacybot sends one
automatic acknowledgment (`Auto-Submitted: auto-replied`, which vacation must
ignore) and drafts an answer that an officer approves. The approved answer carries
no Auto-Submitted (R19), so vacation does reply, once; privacybot must record that
reply as automatic (R16) and never answer it (R17). Then traffic must stop.
"""

from __future__ import annotations

import email
import smtplib
import time
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, append_messages
from privacybot.testing.servers import DovecotServer, DovecotUser
from tests.loops.conftest import Privacybot, Relay, require_dovecot_sieve, wait_for

OUR_ADDRESS = "privacy@conxillium.nl"
OUR_DOMAIN = "conxillium.nl"
CITIZEN = "citizen@example.nl"
VACATION_SCRIPT = f"""\
require "vacation";
vacation :days 1 :addresses ["{CITIZEN}"] :subject "Afwezig"
  "Ik ben op vakantie tot 1 september en lees mijn mail dan pas.";
"""
#: How long the relay must stay silent before we call the exchange finished.
QUIET_SECONDS = 8.0
#: The shortest watch from the citizen's request to the verdict.
WATCH_SECONDS = 15.0


def _final_delivery(dovecot: DovecotServer, user: str) -> Callable[[str, str, bytes], None]:
    """Deliver like a final MTA: add Return-Path (the envelope sender), run dovecot-lda.

    Return-Path matters: a vacation reply is sent with a null envelope sender, and
    `Return-Path: <>` is one of the signs privacybot reads (R16(6)).
    """

    def deliver(mail_from: str, rcpt: str, raw: bytes) -> None:
        stamped = f"Return-Path: <{mail_from}>\r\n".encode() + raw
        result = dovecot.deliver(user, stamped, sender=mail_from or None, recipient=rcpt)
        if result.returncode != 0:
            raise RuntimeError(f"dovecot-lda -d {user}: {result.stderr.decode(errors='replace')}")

    return deliver


def _request() -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Carla Burger <{CITIZEN}>"
    msg["To"] = OUR_ADDRESS
    msg["Subject"] = "Toestemming intrekken"
    msg["Message-ID"] = make_msgid(domain="example.nl")
    msg.set_content(
        "Beste,\n\nIk trek mijn toestemming in voor het gebruik van mijn gegevens door "
        "Procura.\n\nMet vriendelijke groet,\nCarla Burger\n"
    )
    return msg.as_bytes()


@pytest.mark.slow
def test_vacation_autoresponder_gets_at_most_one_automatic_message_each_way(
    dovecot_factory: Callable[..., DovecotServer],
    relay: Relay,
    privacybot_factory: Callable[..., Privacybot],
) -> None:
    require_dovecot_sieve()
    started = time.monotonic()
    dovecot = dovecot_factory(
        users=[
            DovecotUser("privacy", "privacy"),
            DovecotUser("citizen", "citizen", sieve=VACATION_SCRIPT),
        ],
        submission_port=relay.port,  # Sieve vacation submits its reply here
    )
    relay.routes["example.nl"] = _final_delivery(dovecot, "citizen")
    relay.routes[OUR_DOMAIN] = _final_delivery(dovecot, "privacy")  # privacy@ and bounces+…@

    bot = privacybot_factory(
        "desk",
        {
            "PRIVACYBOT_FROM": OUR_ADDRESS,
            "PRIVACYBOT_IMAP_URL": f"imap://privacy:privacy@{dovecot.host}:{dovecot.port}"
            "/INBOX?tls=plain",
            "PRIVACYBOT_SMTP_URL": relay.url,
        },
    )
    bot.start()
    bot.wait_healthy()

    # The citizen's request arrives in the privacy mailbox through the same LDA path.
    _final_delivery(dovecot, "privacy")(CITIZEN, OUR_ADDRESS, _request())
    requested = time.monotonic()

    ack = wait_for(
        lambda: [m for m in relay.mails() if m.rcpt == CITIZEN], 20, "the acknowledgment"
    )[0]
    assert ack.automatic and ack.header("Auto-Submitted") == "auto-replied", ack
    assert ack.mail_from.startswith("bounces+") and ack.mail_from.endswith("@" + OUR_DOMAIN)

    # An officer edits and another approves the answer: staff mail, no Auto-Submitted.
    draft = wait_for(
        lambda: [d for d in bot.json("drafts", "list") if d["kind"] == "answer_withdraw_consent"],
        10,
        "the answer draft",
    )[0]
    assert draft["status"] == "awaiting_approval" and not draft["automatic"]
    secret = "een lang wachtwoord\n"
    for who in ("olga@conxillium.nl", "bram@conxillium.nl"):
        bot.cli("staff", "add", who, "--role", "officer", "--password-stdin", stdin=secret)
    bot.cli(
        "drafts",
        "edit",
        str(draft["id"]),
        "--as",
        "olga@conxillium.nl",
        "--password-stdin",
        "--file",
        "-",
        stdin=secret
        + "Beste mevrouw Burger,\n\nWij gebruiken uw gegevens niet meer voor dit doel.\n",
    )
    bot.cli(
        "drafts", "approve", str(draft["id"]), "--as", "bram@conxillium.nl", "--password-stdin",
        stdin=secret,
    )  # fmt: skip

    answer = wait_for(
        lambda: [m for m in relay.mails() if m.rcpt == CITIZEN and not m.automatic],
        15,
        "the approved answer",
    )[0]
    vacation = wait_for(
        lambda: [m for m in relay.mails() if m.mail_from == "" and m.rcpt != CITIZEN],
        15,
        "the vacation reply to the approved answer",
        also=lambda: f"relayed:\n{relay.report()}\ndovecot log:\n{dovecot.log_text()[-3000:]}",
    )

    # The reply must reach privacybot, be recognised as automatic and stay unanswered.
    reply_id = vacation[0].header("Message-ID")
    judged = wait_for(
        lambda: [
            r for r in bot.inbound() if r["message_id"] == reply_id and r["automatic"] is not None
        ],
        15,
        "privacybot to triage the vacation reply",
    )[0]

    mails = relay.wait_quiet(
        QUIET_SECONDS,
        timeout=max(10.0, 38 - (time.monotonic() - started)),
        not_before=requested + WATCH_SECONDS,
    )
    report = relay.report()
    assert not relay.errors, relay.errors

    ours = [m for m in mails if m.rcpt == CITIZEN]
    theirs = [m for m in mails if m.rcpt != CITIZEN]
    # privacybot -> citizen: one automatic message (the ack) and the one approved answer.
    assert [m.automatic for m in ours] == [True, False], report
    assert ours[1].header("Message-ID") == answer.header("Message-ID")
    # citizen -> privacybot: vacation stayed silent on the ack (it is Auto-Submitted) and
    # answered the staff mail exactly once, with a null envelope sender, to our bounce
    # address (RFC 3834 §3.3: replies go where nothing auto-responds).
    assert len(theirs) == 1, report
    reply = theirs[0]
    assert reply.automatic, reply
    assert reply.header("In-Reply-To") == answer.header("Message-ID"), report
    assert reply.rcpt.startswith("bounces+") and reply.rcpt.endswith("@" + OUR_DOMAIN), reply

    assert judged["automatic"] == 1, judged
    assert (judged["automatic_reason"] or "").startswith("Auto-Submitted"), judged
    assert judged["case_id"] is None, judged  # not threaded as a citizen follow-up
    # Nothing privacybot sent after the vacation reply arrived.
    assert all(m.at < vacation[0].at for m in ours), report

    log = dovecot.log_text()
    assert "discarding vacation response to auto-submitted message" in log, log[-2000:]


def _naive_autoresponder(bot: Privacybot, relay: Relay) -> Callable[[str, str, bytes], None]:
    """A badly written autoresponder: answers every mail, sets no RFC 3834 marker at all.

    Pigeonhole always marks its replies (`Auto-Submitted`, `Precedence: bulk`, null
    envelope sender), so the vacation test cannot show what happens when the other
    side does not; this one replies like a hand-rolled script: `Re:` subject,
    In-Reply-To, a normal envelope sender, sent to the `From` address (not the
    envelope sender), nothing else. It submits its reply through the relay (so it
    is counted) into privacybot's built-in mailbox.
    """
    host, port = bot.demo_imap

    def deliver(mail_from: str, rcpt: str, raw: bytes) -> None:
        original = email.message_from_bytes(raw)
        reply = EmailMessage()
        reply["From"] = rcpt
        reply["To"] = str(original["From"])
        reply["Subject"] = f"Re: {original['Subject']}"
        reply["Message-ID"] = make_msgid(domain="example.nl")
        reply["In-Reply-To"] = str(original["Message-ID"])
        reply.set_content("Ik ben afwezig tot 1 september.\n")
        with smtplib.SMTP(relay.host, relay.port, timeout=10) as smtp:
            smtp.send_message(reply, from_addr=rcpt, to_addrs=[OUR_ADDRESS])

    def to_privacy(mail_from: str, rcpt: str, raw: bytes) -> None:
        append_messages(host, port, DEMO_USER, DEMO_PASSWORD, [raw])

    relay.routes[OUR_DOMAIN] = to_privacy
    return deliver


@pytest.mark.slow
def test_unmarked_autoresponder_is_not_answered_either(
    relay: Relay, privacybot_factory: Callable[..., Privacybot]
) -> None:
    bot = privacybot_factory(
        "desk", {"PRIVACYBOT_FROM": OUR_ADDRESS, "PRIVACYBOT_SMTP_URL": relay.url}
    )
    bot.start()
    bot.wait_healthy()
    relay.routes["example.nl"] = _naive_autoresponder(bot, relay)

    host, port = bot.demo_imap
    append_messages(host, port, DEMO_USER, DEMO_PASSWORD, [_request()])
    requested = time.monotonic()
    wait_for(lambda: len(relay.mails()) >= 2, 20, "the ack and its reply", also=relay.report)
    mails = relay.wait_quiet(QUIET_SECONDS, timeout=30, not_before=requested + WATCH_SECONDS)
    report = relay.report()
    assert not relay.errors, relay.errors
    # One ack out, one unmarked auto-reply back, nothing more.
    assert [m.rcpt for m in mails] == [CITIZEN, OUR_ADDRESS], report
    assert mails[0].automatic and not mails[1].automatic, report

    # No RFC 3834 marker, but an away notice answering our mail (rule away-notice): it is
    # taken for automatic, never answered, and waits for staff (R17).  Either way nothing
    # more went out above.
    reply_id = mails[1].header("Message-ID")
    reply = wait_for(
        lambda: [
            r for r in bot.inbound() if r["message_id"] == reply_id and r["automatic"] is not None
        ],
        10,
        "the reply to be triaged",
    )[0]
    assert reply["automatic"] and reply["state"] == "needs_staff", reply
