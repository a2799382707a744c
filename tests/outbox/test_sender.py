"""The sender against real SMTP servers on loopback: success, retries, refusals, hangs, doubt."""

from __future__ import annotations

import asyncio
import logging
import shutil
import ssl
import subprocess
import threading
import time
from collections import Counter
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy.engine import Engine

from privacybot.clock import FixedClock
from privacybot.db.session import make_engine
from privacybot.outbox import store
from privacybot.outbox.compose import bounce_address
from privacybot.outbox.maildir_sink import MaildirSmtpServer
from privacybot.outbox.sender import Outcome, Sender
from privacybot.outbox.store import IN_DOUBT_ERROR, claim_next
from privacybot.outbox.transport import (
    MaildirDeliveryCheck,
    SmtpTransport,
    TransportError,
)
from privacybot.testing.servers import LOOPBACK, free_port
from tests.outbox.conftest import (
    DOMAIN,
    ScriptedRelay,
    draft_status,
    events,
    item,
    make_case,
    queue_message,
)
from tests.servers import SmtpSink


def sender_for(engine: Engine, url: str, clock: FixedClock, **kwargs: object) -> Sender:
    timeout = float(kwargs.pop("timeout", 5))  # type: ignore[arg-type]
    return Sender(
        engine,
        SmtpTransport(url, timeout=timeout),
        clock=clock,
        bounce_domain=DOMAIN,
        **kwargs,  # type: ignore[arg-type]
    )


def message_id_of(raw: bytes) -> str:
    return str(message_from_bytes(raw)["Message-ID"])


# -- success ------------------------------------------------------------------------------


def test_it_sends_a_queued_message_with_a_bounce_envelope(
    engine: Engine, smtp_sink: SmtpSink, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True, to="piet@example.nl")
    sender = sender_for(engine, smtp_sink.url, clock)
    with caplog.at_level(logging.DEBUG, logger="privacybot"):
        assert sender.process_one() == Outcome.SENT
        assert sender.process_one() is None
    [mail] = smtp_sink.messages
    assert mail.rcpt_tos == ["piet@example.nl"]
    assert mail.mail_from == bounce_address(mid, DOMAIN)
    assert mail.raw.replace(b"\r\n", b"\n") == item(engine, item_id).raw.replace(b"\r\n", b"\n")
    assert item(engine, item_id).status == "sent"
    assert draft_status(engine, mid) == "sent"
    assert [e.detail["message_id"] for e in events(engine, "sent")] == [mid]
    assert mid in caplog.text
    assert "piet@example.nl" not in caplog.text


def test_a_lone_dot_line_in_the_body_arrives_intact(
    engine: Engine, smtp_sink: SmtpSink, clock: FixedClock
) -> None:
    item_id, _ = queue_message(engine)  # the body has a line holding only "."
    sender_for(engine, smtp_sink.url, clock).process_one()
    [mail] = smtp_sink.messages
    assert b"\n.\n" in mail.raw.replace(b"\r\n", b"\n")


def test_several_senders_send_each_message_exactly_once(
    db_url: str, engine: Engine, smtp_sink: SmtpSink, clock: FixedClock
) -> None:
    mids = {queue_message(engine)[1] for _ in range(100)}
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        own = make_engine(db_url)
        try:
            sender = sender_for(own, smtp_sink.url, clock, worker=f"w{n}")
            start.wait()
            while sender.process_one() is not None:
                pass
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    received = Counter(message_id_of(m.raw) for m in smtp_sink.messages)
    assert set(received) == mids
    assert max(received.values()) == 1
    assert len(events(engine, "sent")) == 100


def test_concurrency_drains_the_queue_from_one_coroutine_loop(
    engine: Engine, smtp_sink: SmtpSink, clock: FixedClock
) -> None:
    for _ in range(20):
        queue_message(engine)
    sender = sender_for(engine, smtp_sink.url, clock, concurrency=4)
    assert asyncio.run(sender.drain_once()) == 20
    assert len({message_id_of(m.raw) for m in smtp_sink.messages}) == 20


async def test_run_sends_on_wake_and_stops_cleanly(
    engine: Engine, smtp_sink: SmtpSink, clock: FixedClock
) -> None:
    sender = sender_for(engine, smtp_sink.url, clock, poll_interval=30.0)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop))
    await asyncio.sleep(0.3)  # started, queue empty, now sleeping up to 30 s
    queue_message(engine)
    started = time.monotonic()
    sender.wake()
    while not smtp_sink.messages and time.monotonic() - started < 5:
        await asyncio.sleep(0.02)
    assert len(smtp_sink.messages) == 1
    assert time.monotonic() - started < 5
    stop.set()
    await asyncio.wait_for(task, 5)


# -- transient and permanent failures -------------------------------------------------------


def test_a_451_is_retried_after_backoff_and_then_sent(
    engine: Engine, scripted_relay: ScriptedRelay, clock: FixedClock
) -> None:
    scripted_relay.script = [("451 4.3.0 Try again later", 0.0)]
    item_id, mid = queue_message(engine)
    sender = sender_for(engine, scripted_relay.url, clock)
    assert sender.process_one() == Outcome.RETRY
    row = item(engine, item_id)
    assert (row.status, row.attempts) == ("pending", 1)
    assert "451" in (row.last_error or "")
    assert sender.process_one() is None  # not due yet
    clock.advance(timedelta(seconds=40))
    assert sender.process_one() == Outcome.SENT
    assert scripted_relay.attempts == 2
    assert [message_id_of(r) for r in scripted_relay.received] == [mid]
    assert (item(engine, item_id).status, item(engine, item_id).attempts) == ("sent", 2)


def test_a_550_fails_permanently_with_an_event_for_staff(
    engine: Engine, scripted_relay: ScriptedRelay, clock: FixedClock
) -> None:
    scripted_relay.script = [("550 5.7.1 <piet@example.nl>: message refused", 0.0)]
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True, to="piet@example.nl")
    sender = sender_for(engine, scripted_relay.url, clock)
    assert sender.process_one() == Outcome.FAILED
    assert item(engine, item_id).status == "failed"
    assert draft_status(engine, mid) == "failed"
    [event] = events(engine, "delivery_failed")
    assert event.case_id == case_id and "550" in event.detail["error"]
    assert "piet@example.nl" not in event.detail["error"]
    clock.advance(timedelta(days=1))
    assert sender.process_one() is None
    assert scripted_relay.received == []


def test_a_hung_relay_times_out_and_is_retried(
    engine: Engine, silent_server: str, clock: FixedClock
) -> None:
    item_id, _ = queue_message(engine)
    sender = sender_for(engine, silent_server, clock, timeout=0.5)
    started = time.monotonic()
    assert sender.process_one() == Outcome.RETRY
    assert time.monotonic() - started < 5
    assert item(engine, item_id).status == "pending"


def test_a_refused_connection_is_retried(
    engine: Engine, refused_url: str, clock: FixedClock
) -> None:
    item_id, _ = queue_message(engine)
    assert sender_for(engine, refused_url, clock).process_one() == Outcome.RETRY
    row = item(engine, item_id)
    assert row.status == "pending" and "connect" in (row.last_error or "")


def test_a_missing_reply_after_the_final_dot_is_in_doubt_not_retried(
    engine: Engine, scripted_relay: ScriptedRelay, clock: FixedClock
) -> None:
    scripted_relay.script = [("250 OK", 3.0)]  # accepts, but only after our timeout
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id)
    sender = sender_for(engine, scripted_relay.url, clock, timeout=0.5)
    assert sender.process_one() == Outcome.IN_DOUBT
    row = item(engine, item_id)
    assert row.status == "failed" and "check the relay log" in (row.last_error or "")
    assert [e.detail["message_id"] for e in events(engine, "send_in_doubt")] == [mid]
    clock.advance(timedelta(days=1))
    assert sender.process_one() is None


def test_a_missing_reply_is_settled_by_the_delivery_check_when_there_is_one(
    engine: Engine, scripted_relay: ScriptedRelay, clock: FixedClock
) -> None:
    scripted_relay.script = [("250 OK", 3.0)]
    item_id, mid = queue_message(engine)
    sender = sender_for(
        engine, scripted_relay.url, clock, timeout=0.5, was_delivered=lambda m: m == mid
    )
    assert sender.process_one() == Outcome.IN_DOUBT
    assert item(engine, item_id).status == "sent"


def test_the_final_dot_is_withheld_once_the_lease_is_over(scripted_relay: ScriptedRelay) -> None:
    transport = SmtpTransport(scripted_relay.url, timeout=5)
    with pytest.raises(TransportError) as info:
        transport.send(b"Subject: x\r\n\r\nbody\r\n", "b@x.nl", "r@x.nl", deadline=0.0)
    assert not info.value.permanent and not info.value.in_doubt
    time.sleep(0.2)
    assert scripted_relay.attempts == 0 and scripted_relay.received == []


# -- crash recovery through the sender ------------------------------------------------------


def test_the_sender_settles_a_dead_senders_items_with_the_maildir(
    engine: Engine, tmp_path: Path, clock: FixedClock
) -> None:
    maildir = tmp_path / "sent"
    with MaildirSmtpServer(LOOPBACK, free_port(), maildir) as sink:
        delivered_id, delivered_mid = queue_message(engine)
        lost_id, _ = queue_message(engine)
        # A sender claimed both, delivered the first, and died before recording anything.
        lease = timedelta(minutes=5)
        first = claim_next(engine, "dead", clock.now(), lease)
        assert first is not None and first.id == delivered_id
        assert claim_next(engine, "dead", clock.now(), lease) is not None
        # It marked the hand-over of the first (as every sender does before the dot).
        assert store.mark_handing_over(engine, first, clock.now())
        SmtpTransport(sink.url).send(first.raw, "b@conxillium.nl", first.to_address)

        check = MaildirDeliveryCheck(maildir)
        sender = sender_for(engine, sink.url, clock, was_delivered=check)
        assert sender.recover() == []  # leases still running
        clock.advance(lease + timedelta(seconds=1))
        assert sorted(sender.recover()) == sorted([delivered_id, lost_id])
        assert item(engine, delivered_id).status == "sent"
        assert item(engine, lost_id).status == "pending"
        assert sender.process_one() == Outcome.SENT
        assert Counter(check.message_ids()).most_common(1)[0][1] == 1
        assert len(check.message_ids()) == 2
        assert check(delivered_mid) is True


def test_the_maildir_check_answers_unknown_for_a_missing_maildir(tmp_path: Path) -> None:
    assert MaildirDeliveryCheck(tmp_path / "nowhere")("<a@b>") is None
    (tmp_path / "md" / "new").mkdir(parents=True)
    assert MaildirDeliveryCheck(tmp_path / "md")("<a@b>") is False


# -- the transport's URL, TLS and login -------------------------------------------------------


def test_the_url_gives_defaults_decodes_credentials_and_hides_the_password() -> None:
    assert SmtpTransport("smtp://relay.example").port == 25
    assert SmtpTransport("smtp+starttls://relay.example").port == 587
    assert SmtpTransport("smtps://relay.example").port == 465
    transport = SmtpTransport("smtp+starttls://priv%40cx.nl:p%3Ass%2Fw0rd@relay.example:2587")
    assert (transport.username, transport.port) == ("priv@cx.nl", 2587)
    assert "p:ss" not in repr(transport) and "w0rd" not in repr(transport)
    assert "w0rd" not in str(vars(transport))
    for bad in ("http://relay.example", "smtp://", "smtp://relay.example:99999"):
        with pytest.raises(ValueError):
            SmtpTransport(bad)


class _Auth:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(
        self, server: object, session: object, envelope: object, mechanism: str, auth_data: object
    ) -> AuthResult:  # noqa: E501
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.user
            and auth_data.password == self.password
        )
        return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed: cannot make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("scheme", ["smtp+starttls", "smtps"])
@pytest.mark.parametrize("password", ["p@ss:w/rd", "wrong"])
def test_tls_and_login_with_percent_encoded_credentials(
    scheme: str, password: str, tls_files: tuple[Path, Path], smtp_sink: SmtpSink
) -> None:
    from tests.servers import _RecordingHandler

    cert, key = tls_files
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    port = free_port()
    implicit = scheme == "smtps"
    controller = Controller(
        _RecordingHandler(smtp_sink),
        hostname=LOOPBACK,
        port=port,
        authenticator=_Auth("priv@cx.nl", "p@ss:w/rd"),
        auth_required=True,
        # aiosmtpd only counts STARTTLS as TLS; over implicit TLS it must be told.
        auth_require_tls=not implicit,
        tls_context=None if implicit else server_ctx,
        require_starttls=not implicit,
        ssl_context=server_ctx if implicit else None,
    )
    controller.start()
    try:
        client_ctx = ssl.create_default_context(cafile=str(cert))
        encoded = password.replace("@", "%40").replace(":", "%3A").replace("/", "%2F")
        transport = SmtpTransport(
            f"{scheme}://priv%40cx.nl:{encoded}@{LOOPBACK}:{port}",
            timeout=5,
            ssl_context=client_ctx,
        )
        if password == "wrong":
            with pytest.raises(TransportError) as info:
                transport.send(b"Subject: x\r\n\r\nhi\r\n", "b@cx.nl", "r@x.nl")
            assert not info.value.permanent  # a config fault: retry, do not fail letters
            assert "wrong" not in info.value.message
        else:
            transport.send(b"Subject: x\r\n\r\nhi\r\n", "b@cx.nl", "r@x.nl")
            assert len(smtp_sink.messages) == 1
    finally:
        controller.stop()


def test_the_in_doubt_error_text_tells_staff_what_to_do() -> None:
    assert "check the relay log before resending" in IN_DOUBT_ERROR
