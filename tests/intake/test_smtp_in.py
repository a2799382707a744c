"""The SMTP receiver: 250 only after the commit, 451 when the store is down."""

from __future__ import annotations

import hashlib
import smtplib
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from privacybot.intake.base import InboundEnvelope, StoreOutcome
from privacybot.intake.smtp_in import SmtpReceiver
from privacybot.testing.servers import LOOPBACK, free_port
from tests.intake.fakes import FakeSink

NOW = datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
MAX_SIZE = 20_000
RAW = (
    b"From: Burger <burger@example.org>\r\n"
    b"To: privacy@conxillium.nl\r\n"
    b"Subject: Verwijderverzoek\r\n"
    b"Message-ID: <smtp-1@example.org>\r\n"
    b"\r\n"
    b"Verwijder mijn gegevens alstublieft.\r\n"
)


class Receiver:
    def __init__(self, sink: FakeSink, port: int, woken: list[InboundEnvelope]) -> None:
        self.sink = sink
        self.port = port
        self.woken = woken

    def client(self) -> smtplib.SMTP:
        return smtplib.SMTP(LOOPBACK, self.port, timeout=10)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    sink = FakeSink()
    woken: list[InboundEnvelope] = []
    port = free_port()
    smtp = SmtpReceiver(
        LOOPBACK,
        port,
        sink,
        lambda: NOW,
        max_size=MAX_SIZE,
        accept={"privacy@conxillium.nl", "@avg.conxillium.nl"},
        on_stored=woken.append,
    )
    with smtp:
        yield Receiver(sink, port, woken)


def test_it_answers_250_only_after_the_store_committed(receiver: Receiver) -> None:
    def slow_commit(envelope: InboundEnvelope) -> None:
        time.sleep(0.3)

    receiver.sink.before_store = slow_commit
    started = time.monotonic()
    with receiver.client() as client:
        refused = client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
        code, text = client.noop()
    assert refused == {}
    assert time.monotonic() - started >= 0.3
    [stored] = receiver.sink.stored
    assert stored.channel == "email" and stored.source == "smtp"
    assert stored.key == "smtp:<smtp-1@example.org>"
    assert stored.message_id == "<smtp-1@example.org>"
    assert stored.raw == b"Return-Path: <burger@example.org>\r\n" + RAW
    assert stored.received == NOW
    assert receiver.woken == [stored]


def test_the_reply_text_is_the_accepted_one(receiver: Receiver) -> None:
    with receiver.client() as client:
        client.ehlo()
        client.mail("burger@example.org")
        client.rcpt("privacy@conxillium.nl")
        code, text = client.data(RAW)
    assert (code, text) == (250, b"2.0.0 Message accepted")


def test_a_redelivery_is_accepted_but_stored_once(receiver: Receiver) -> None:
    with receiver.client() as client:
        client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
        client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
    assert len(receiver.sink.stored) == 1
    assert [o for _, o in receiver.sink.outcomes] == [StoreOutcome.STORED, StoreOutcome.DUPLICATE]
    assert len(receiver.woken) == 1


def test_a_message_without_message_id_is_keyed_by_its_hash(receiver: Receiver) -> None:
    raw = b"From: a@example.org\r\nSubject: geen id\r\n\r\nhallo\r\n"
    with receiver.client() as client:
        client.sendmail("a@example.org", ["privacy@conxillium.nl"], raw)
    [stored] = receiver.sink.stored
    assert stored.key == "smtp:sha256:" + hashlib.sha256(raw).hexdigest()
    assert stored.message_id is None


def test_it_answers_451_when_the_store_is_down(receiver: Receiver) -> None:
    receiver.sink.available = False
    with receiver.client() as client, pytest.raises(smtplib.SMTPDataError) as info:
        client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
    assert info.value.smtp_code == 451
    assert "4.3.0" in str(info.value.smtp_error)
    assert receiver.sink.stored == []


def test_it_answers_451_when_the_store_fails_unexpectedly(receiver: Receiver) -> None:
    receiver.sink.fail_keys.add("smtp:<smtp-1@example.org>")
    with receiver.client() as client, pytest.raises(smtplib.SMTPDataError) as info:
        client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
    assert info.value.smtp_code == 451


def test_a_message_over_the_limit_is_refused_with_552(receiver: Receiver) -> None:
    big = RAW + (b"x" * 76 + b"\r\n") * (MAX_SIZE // 78 + 10)
    with receiver.client() as client:
        # Declared with SIZE= (smtplib does so when we advertise SIZE): refused at MAIL.
        with pytest.raises(smtplib.SMTPSenderRefused) as declared:
            client.sendmail("burger@example.org", ["privacy@conxillium.nl"], big)
        assert declared.value.smtp_code == 552
        client.rset()
        # Undeclared: refused after DATA.
        client.mail("burger@example.org")
        client.rcpt("privacy@conxillium.nl")
        code, _ = client.data(big)
        assert code == 552
    assert receiver.sink.stored == []


def test_unknown_recipients_are_refused_while_the_session_is_open(receiver: Receiver) -> None:
    with receiver.client() as client:
        client.ehlo()
        client.mail("burger@example.org")
        code, text = client.rcpt("someone@elsewhere.example")
        assert (code, text[:5]) == (550, b"5.1.1")
        assert client.rcpt("Klachten@AVG.conxillium.nl")[0] == 250
        assert client.rcpt("privacy@conxillium.nl")[0] == 250


def test_a_client_dropping_mid_data_stores_nothing_and_the_server_carries_on(
    receiver: Receiver,
) -> None:
    with socket.create_connection((LOOPBACK, receiver.port), timeout=5) as sock:
        reader = sock.makefile("rb")
        reader.readline()
        for line in (
            b"EHLO client.example\r\n",
            b"MAIL FROM:<burger@example.org>\r\n",
            b"RCPT TO:<privacy@conxillium.nl>\r\n",
            b"DATA\r\n",
        ):
            sock.sendall(line)
            reply = reader.readline()
            while reply[3:4] == b"-":
                reply = reader.readline()
        assert reply.startswith(b"354")
        sock.sendall(RAW[:60])
    time.sleep(0.2)

    with receiver.client() as client:
        client.sendmail("burger@example.org", ["privacy@conxillium.nl"], RAW)
    assert [e.raw.endswith(RAW) for e in receiver.sink.stored] == [True]


def test_it_serves_clients_in_parallel(receiver: Receiver) -> None:
    def send(n: int) -> None:
        raw = RAW.replace(b"smtp-1@", f"smtp-p{n}@".encode())
        with receiver.client() as client:
            client.sendmail("burger@example.org", ["privacy@conxillium.nl"], raw)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(receiver.sink.stored) == 5


def test_the_envelope_sender_is_kept_as_return_path(receiver: Receiver) -> None:
    with receiver.client() as client:
        client.sendmail("", ["privacy@conxillium.nl"], RAW)  # MAIL FROM:<>, a bounce
        client.sendmail(
            "burger@example.org", ["privacy@conxillium.nl"], RAW.replace(b"smtp-1", b"smtp-2")
        )
    bounce, person = receiver.sink.stored
    assert bounce.raw.startswith(b"Return-Path: <>\r\n")
    assert person.raw.startswith(b"Return-Path: <burger@example.org>\r\n")
    assert bounce.raw.endswith(RAW)


def test_return_path_is_one_clean_line_whatever_the_envelope_says() -> None:
    from privacybot.intake.smtp_in import return_path_header

    assert return_path_header("<a b\x7f@x.nl>") == b"Return-Path: <ab@x.nl>\r\n"
    assert return_path_header(None) == b"Return-Path: <>\r\n"
