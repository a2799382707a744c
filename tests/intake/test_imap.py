"""The IMAP watcher against real servers: pymap (built-in mailbox) and Dovecot."""

from __future__ import annotations

import contextlib
import logging
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC
from typing import Any

import pytest

from privacybot.intake.base import InboundEnvelope, StoreOutcome
from privacybot.intake.demo_server import BackgroundDemoImapServer
from privacybot.intake.imap import (
    ImapSettings,
    ImapWatcher,
    MemoryCheckpoint,
    parse_imap_url,
)
from privacybot.testing.servers import LOOPBACK, ImapTestServer, free_port
from tests.intake.fakes import FakeSink

KEYWORD = b"$PrivacybotStored"
SEEN = b"\\Seen"

StartWatcher = Callable[..., ImapWatcher]


def mail(n: int, *, body: bytes = b"Ik wil graag inzage in mijn gegevens.\r\n") -> bytes:
    """A small citizen message with a unique Message-ID."""
    return (
        f"From: Burger {n} <burger{n}@example.org>\r\n"
        "To: privacy@conxillium.nl\r\n"
        f"Subject: Inzageverzoek {n}\r\n"
        f"Message-ID: <{uuid.uuid4().hex}.{n}@example.org>\r\n"
        "Date: Mon, 1 Jun 2026 10:00:00 +0200\r\n"
        "\r\n"
    ).encode() + body


@pytest.fixture(params=["pymap", "dovecot"])
def imap_server(request: pytest.FixtureRequest) -> ImapTestServer:
    server: ImapTestServer = request.getfixturevalue(f"{request.param}_server")
    return server


@pytest.fixture
def start_watcher() -> Iterator[StartWatcher]:
    """Start watchers with test-speed timings; all are stopped (and must stop) at teardown."""
    watchers: list[ImapWatcher] = []

    def start(
        server: ImapTestServer, sink: FakeSink, *, watcher_kwargs: Any = None, **overrides: Any
    ) -> ImapWatcher:
        options: dict[str, Any] = {
            "tls_mode": "plain",
            "idle_check_interval": 0.1,
            "backoff_initial": 0.05,
            "backoff_max": 0.3,
            "timeout": 10.0,
            **overrides,
        }
        settings = ImapSettings(
            host=server.host,
            port=server.port,
            user=server.user,
            password=options.pop("password", server.password),
            **options,
        )
        watcher = ImapWatcher(settings, sink, **(watcher_kwargs or {}))
        watcher.start()
        watchers.append(watcher)
        return watcher

    yield start
    for watcher in watchers:
        assert watcher.stop(timeout=5), "watcher thread did not stop"


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


# -- the happy path ----------------------------------------------------------------------


def test_it_catches_up_on_mail_that_was_there_before_it_started(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    raws = [mail(1), mail(2), mail(3)]
    uids = imap_server.append(*raws)
    sink = FakeSink()
    start_watcher(imap_server, sink)

    stored = sink.wait_for(3)

    assert [e.raw for e in stored] == raws
    client = imap_server.client()
    uidvalidity = client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    client.logout()
    assert [e.key for e in stored] == [f"imap:INBOX:{uidvalidity}:{uid}" for uid in uids]
    for envelope in stored:
        assert envelope.channel == "email" and envelope.source == "imap"
        assert envelope.message_id is not None and envelope.message_id.startswith("<")
        assert envelope.received.tzinfo is not None
        assert envelope.received.utcoffset() == UTC.utcoffset(None)
        assert envelope.problem is None
    assert wait_until(lambda: all(KEYWORD in f for f in imap_server.flags().values()))
    assert not any(SEEN in f for f in imap_server.flags().values()), "PEEK must keep \\Seen"


def test_it_stores_mail_appended_while_idling_within_two_seconds(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    sink = FakeSink()
    woken: list[InboundEnvelope] = []
    watcher = start_watcher(imap_server, sink, watcher_kwargs={"on_stored": woken.append})
    assert watcher.wait_for_status("idle", timeout=5)

    started = time.monotonic()
    imap_server.append(mail(1))
    stored = sink.wait_for(1, timeout=5)
    latency = time.monotonic() - started

    assert len(stored) == 1
    assert latency < 2.0, f"IDLE delivery took {latency:.2f}s"
    assert wait_until(lambda: woken == stored), "on_stored is called for each new message"


def test_mail_marked_seen_by_another_client_is_still_stored(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    imap_server.append(mail(1), flags=[SEEN])
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink)
    assert len(sink.wait_for(1)) == 1
    assert watcher.wait_for_status("idle")

    imap_server.append(mail(2), flags=[SEEN])

    assert len(sink.wait_for(2)) == 2


def test_the_keyword_is_added_only_after_the_store_returned(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    imap_server.append(mail(1))
    seen_during_store: list[set[bytes]] = []
    sink = FakeSink()
    sink.before_store = lambda envelope: seen_during_store.extend(imap_server.flags().values())
    start_watcher(imap_server, sink)

    sink.wait_for(1)

    assert seen_during_store and KEYWORD not in seen_during_store[0]
    assert wait_until(lambda: KEYWORD in next(iter(imap_server.flags().values())))


def test_a_second_run_does_not_store_again_and_reflags_from_has_key(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    imap_server.append(mail(1), mail(2))
    sink = FakeSink()
    first = start_watcher(imap_server, sink)
    sink.wait_for(2)
    assert wait_until(lambda: all(KEYWORD in f for f in imap_server.flags().values()))
    assert first.stop(timeout=5)

    # Someone strips our keyword: the next run must recognise the message by its key.
    client = imap_server.client()
    client.select_folder("INBOX")
    client.remove_flags(client.search(["ALL"]), [KEYWORD])
    client.logout()
    second = start_watcher(imap_server, sink)
    assert wait_until(lambda: all(KEYWORD in f for f in imap_server.flags().values()))
    assert second.wait_for_status("idle")

    assert len(sink.stored) == 2
    assert sink.attempts == 2, "has_key must short-circuit before store"


def test_mail_is_not_flagged_while_the_store_is_down_and_is_stored_later(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    sink = FakeSink()
    sink.available = False
    imap_server.append(mail(1))
    start_watcher(imap_server, sink)
    # has_key fails first; give it a few rounds of back-off.
    time.sleep(0.5)
    assert sink.stored == []
    assert not any(KEYWORD in f for f in imap_server.flags().values())

    sink.available = True

    assert len(sink.wait_for(1, timeout=5)) == 1
    assert wait_until(lambda: all(KEYWORD in f for f in imap_server.flags().values()))


def test_a_message_the_store_chokes_on_does_not_block_the_rest(
    imap_server: ImapTestServer, start_watcher: StartWatcher, caplog: pytest.LogCaptureFixture
) -> None:
    uids = imap_server.append(mail(1), mail(2), mail(3))
    client = imap_server.client()
    uidvalidity = client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    client.logout()
    sink = FakeSink()
    poison = f"imap:INBOX:{uidvalidity}:{uids[0]}"
    sink.fail_keys.add(poison)
    start_watcher(imap_server, sink)

    stored = sink.wait_for(2)

    assert [e.key for e in stored] == [f"imap:INBOX:{uidvalidity}:{uid}" for uid in uids[1:]]
    flags = imap_server.flags()
    assert KEYWORD not in flags[uids[0]]
    assert f"uid={uids[0]}" in caplog.text


# -- failures ------------------------------------------------------------------------------


def test_a_wrong_password_is_logged_retried_and_never_written_down(
    imap_server: ImapTestServer, start_watcher: StartWatcher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = f"Wr0ng-S3cret-{uuid.uuid4().hex[:8]}"
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink, password=secret)

    assert wait_until(lambda: "login failed" in caplog.text, timeout=5)
    # It tries again (Dovecot then delays its answer: its auth penalty for the IP).
    assert watcher.wait_for_status("connecting", timeout=3)
    started = time.monotonic()
    assert watcher.stop(timeout=5)
    assert time.monotonic() - started < 3
    assert watcher.status == "stopped"
    assert secret not in caplog.text
    assert all(secret not in str(r.args) for r in caplog.records)


def test_it_reconnects_after_a_server_restart(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    imap_server.append(mail(1))
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink)
    sink.wait_for(1)
    assert watcher.wait_for_status("idle")

    imap_server.restart()
    imap_server.append(mail(2))

    stored = sink.wait_for(2, timeout=8)
    assert len(stored) == 2
    assert watcher.wait_for_status("idle", timeout=5)


def test_a_deleted_mailbox_is_logged_and_watched_again_once_it_is_back(
    imap_server: ImapTestServer, start_watcher: StartWatcher, caplog: pytest.LogCaptureFixture
) -> None:
    client = imap_server.client()
    client.create_folder("Privacy")
    client.logout()
    first, second = mail(1), mail(2)
    imap_server.append(first, mailbox="Privacy")
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink, mailbox="Privacy", idle_renew=0.3)
    sink.wait_for(1)
    assert watcher.wait_for_status("idle")

    client = imap_server.client()
    client.delete_folder("Privacy")
    client.logout()
    assert wait_until(lambda: "imap mailbox missing" in caplog.text, timeout=5)
    assert watcher.status != "stopped"

    # Re-created: a new UIDVALIDITY, so every UID is a new key. The old message comes
    # back (its Message-ID dedups it in the store) and the new one is stored.
    client = imap_server.client()
    client.create_folder("Privacy")
    client.logout()
    imap_server.append(first, second, mailbox="Privacy")

    outcomes = sink.wait_for_outcomes(3, timeout=8)
    assert [o for _, o in outcomes] == [
        StoreOutcome.STORED,
        StoreOutcome.DUPLICATE,
        StoreOutcome.STORED,
    ]
    assert [e.raw for e in sink.stored] == [first, second]
    assert outcomes[0][0].split(":")[2] != outcomes[2][0].split(":")[2], "new UIDVALIDITY"


def test_a_uidvalidity_change_is_logged_and_the_mailbox_rescanned(
    imap_server: ImapTestServer, start_watcher: StartWatcher, caplog: pytest.LogCaptureFixture
) -> None:
    client = imap_server.client()
    client.create_folder("Privacy")
    client.logout()
    first, second = mail(1), mail(2)
    imap_server.append(first, mailbox="Privacy")
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink, mailbox="Privacy")
    sink.wait_for(1)
    assert watcher.stop(timeout=5)

    # While we were away the mailbox was replaced (a restore, a migration): same name,
    # new UIDVALIDITY, and the old message is back under a new UID.
    client = imap_server.client()
    client.rename_folder("Privacy", "Privacy-old")
    client.create_folder("Privacy")
    client.logout()
    imap_server.append(first, second, mailbox="Privacy")
    watcher.start()

    outcomes = sink.wait_for_outcomes(3, timeout=5)
    assert [o for _, o in outcomes] == [
        StoreOutcome.STORED,
        StoreOutcome.DUPLICATE,
        StoreOutcome.STORED,
    ]
    assert [e.raw for e in sink.stored] == [first, second]
    assert "uidvalidity" in caplog.text and "changed" in caplog.text


# -- awkward messages ----------------------------------------------------------------------


def test_a_large_message_arrives_intact(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    line = b"x" * 76 + b"\r\n"
    raw = mail(1, body=line * (3 * 1024 * 1024 // len(line)))
    imap_server.append(raw)
    sink = FakeSink()
    start_watcher(imap_server, sink)

    stored = sink.wait_for(1, timeout=15)

    assert stored[0].raw == raw
    assert stored[0].problem is None


def test_a_message_over_the_limit_is_stored_as_headers_with_a_problem(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    raw = mail(1, body=b"y" * 200_000 + b"\r\n")
    imap_server.append(raw)
    sink = FakeSink()
    start_watcher(imap_server, sink, max_message_size=100_000)

    stored = sink.wait_for(1)

    assert stored[0].problem is not None and "exceeds the limit" in stored[0].problem
    assert stored[0].raw.startswith(b"From: Burger 1") and len(stored[0].raw) < 1000
    assert stored[0].message_id is not None
    assert wait_until(lambda: all(KEYWORD in f for f in imap_server.flags().values()))


def test_invalid_utf8_in_headers_is_stored_byte_for_byte(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    raw = (
        b"From: J\xe9r\xf4me \xff\xfe <jerome@example.org>\r\n"
        b"To: privacy@conxillium.nl\r\n"
        b"Subject: verwijder mijn gegevens \xc3\x28\r\n"
        b"Message-ID: <bad-utf8@example.org>\r\n"
        b"\r\n"
        b"Graag alles wissen \xe9\r\n"
    )
    imap_server.append(raw)
    sink = FakeSink()
    start_watcher(imap_server, sink)

    stored = sink.wait_for(1)

    assert stored[0].raw == raw
    assert stored[0].message_id == "<bad-utf8@example.org>"


# -- stopping ------------------------------------------------------------------------------


def test_stop_returns_within_a_few_seconds_while_idling(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    sink = FakeSink()
    watcher = start_watcher(imap_server, sink, idle_check_interval=1.0)
    assert watcher.wait_for_status("idle")

    started = time.monotonic()
    assert watcher.stop(timeout=5)

    assert time.monotonic() - started < 3
    assert watcher.status == "stopped"


# -- a slow network ------------------------------------------------------------------------


class DribblingProxy:
    """A loopback TCP proxy that hands the server's bytes to the client in two pieces.

    Every chunk the server sends is cut at a random point and the second piece follows
    a few ms later, so response lines arrive split across TCP segments, as they do on a
    real network (the client reads the first piece long before the second arrives).
    With `stall` set, the second piece never comes. Client-to-server bytes pass straight
    through.
    """

    def __init__(self, upstream: tuple[str, int], *, seed: int = 519) -> None:
        self.upstream = upstream
        self.rng = random.Random(seed)
        self.listener = socket.create_server((LOOPBACK, 0))
        self.host, self.port = LOOPBACK, self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.stall = threading.Event()
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            server = socket.create_connection(self.upstream)
            for sock in (client, server):  # no Nagle: each piece leaves at once
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, dribble: bool) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if dribble and len(data) > 1:
                    with self.lock:
                        cut = self.rng.randint(1, len(data) - 1)
                        pause = self.rng.uniform(0.002, 0.008)
                    target.sendall(data[:cut])
                    if self.stall.is_set():
                        self.closed.wait()
                        return
                    time.sleep(pause)
                    data = data[cut:]
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.close()


@pytest.fixture
def dribbling(imap_server: ImapTestServer) -> Iterator[tuple[DribblingProxy, ImapTestServer]]:
    """A DribblingProxy in front of `imap_server`, and the server as seen through it."""
    proxy = DribblingProxy((imap_server.host, imap_server.port))
    try:
        yield (
            proxy,
            ImapTestServer(
                imap_server.kind,
                proxy.host,
                proxy.port,
                imap_server.user,
                imap_server.password,
                imap_server.restart,
            ),
        )
    finally:
        proxy.close()


def test_idle_responses_split_across_tcp_segments_cause_no_reconnect(
    imap_server: ImapTestServer,
    dribbling: tuple[DribblingProxy, ImapTestServer],
    start_watcher: StartWatcher,
) -> None:
    """mjs/imapclient#519: idle_check read "* 30 FETCH (" alone and reconnected."""
    _, via_proxy = dribbling
    sink = FakeSink()
    watcher = start_watcher(via_proxy, sink)
    # Dovecot announces new mail about 0.5 s late by itself: fewer rounds keep it quick.
    raws = [mail(n) for n in range(20 if imap_server.kind == "pymap" else 6)]

    for count, raw in enumerate(raws, start=1):
        assert watcher.wait_for_status("idle", timeout=5)
        imap_server.append(raw)  # announced (EXISTS) to the watcher while it idles
        assert len(sink.wait_for(count, timeout=5)) == count

    assert [e.raw for e in sink.stored] == raws
    assert watcher.reconnects == 0, "a split IDLE response was taken for a lost connection"
    assert watcher.stop(timeout=5)


def test_stop_returns_while_a_response_line_is_half_read(
    imap_server: ImapTestServer,
    dribbling: tuple[DribblingProxy, ImapTestServer],
    start_watcher: StartWatcher,
) -> None:
    proxy, via_proxy = dribbling
    sink = FakeSink()
    watcher = start_watcher(via_proxy, sink, idle_check_interval=0.5)
    assert watcher.wait_for_status("idle")
    proxy.stall.set()
    imap_server.append(mail(1))  # the watcher gets part of the news, then silence
    time.sleep(0.3)

    started = time.monotonic()
    assert watcher.stop(timeout=5)

    assert time.monotonic() - started < 3
    assert watcher.status == "stopped"


# -- other acknowledgement modes -----------------------------------------------------------


def test_move_mode_moves_each_message_after_the_store(
    imap_server: ImapTestServer, start_watcher: StartWatcher
) -> None:
    imap_server.append(mail(1), mail(2))
    sink = FakeSink()
    start_watcher(imap_server, sink, move_to="Processed")

    sink.wait_for(2)

    assert wait_until(lambda: imap_server.flags("INBOX") == {})
    assert len(imap_server.flags("Processed")) == 2


def test_without_idle_it_polls(start_watcher: StartWatcher) -> None:
    with BackgroundDemoImapServer(LOOPBACK, free_port(), idle=False) as demo:
        server = ImapTestServer("pymap", demo.host, demo.port, "privacy", "privacy", demo.restart)
        sink = FakeSink()
        watcher = start_watcher(server, sink, poll_interval=0.2)
        assert watcher.wait_for_status("polling")

        server.append(mail(1))

        assert len(sink.wait_for(1, timeout=3)) == 1
        assert watcher.stop(timeout=5)


def test_without_keywords_it_falls_back_to_the_uid_checkpoint(
    start_watcher: StartWatcher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with BackgroundDemoImapServer(LOOPBACK, free_port(), keywords=False) as demo:
        server = ImapTestServer("pymap", demo.host, demo.port, "privacy", "privacy", demo.restart)
        uids = server.append(mail(1), mail(2))
        checkpoint = MemoryCheckpoint()
        sink = FakeSink()
        first = start_watcher(server, sink, watcher_kwargs={"checkpoint": checkpoint})
        sink.wait_for(2)
        assert first.wait_for_status("idle")
        assert "mode=checkpoint" in caplog.text
        assert first.stop(timeout=5)
        client = server.client()
        uidvalidity = client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
        client.logout()
        assert checkpoint.get_last_uid("INBOX", uidvalidity) == uids[-1]

        second = start_watcher(server, sink, watcher_kwargs={"checkpoint": checkpoint})
        assert second.wait_for_status("idle")
        server.append(mail(3))

        assert len(sink.wait_for(3)) == 3
        assert sink.attempts == 3, "checkpointed messages are not even looked at again"
        assert second.stop(timeout=5)


# -- the URL -------------------------------------------------------------------------------


def test_parse_imap_url_decodes_credentials_and_defaults_ports() -> None:
    settings = parse_imap_url(
        "imap://privacy%40conxillium.nl:p%40ss%2Fw0rd@mail.example:1143/INBOX"
    )
    assert (settings.user, settings.password) == ("privacy@conxillium.nl", "p@ss/w0rd")
    assert (settings.host, settings.port, settings.mailbox) == ("mail.example", 1143, "INBOX")
    assert settings.tls_mode == "starttls-if-offered"
    assert "p@ss" not in repr(settings)

    secure = parse_imap_url("imaps://u:p@mail.example/Privacy%20Desk")
    assert (secure.port, secure.tls_mode, secure.mailbox) == (993, "imaps", "Privacy Desk")
    plain = parse_imap_url("imap://u:p@mail.example?tls=plain&move_to=Done")
    assert (plain.port, plain.tls_mode, plain.mailbox, plain.move_to) == (
        143,
        "plain",
        "INBOX",
        "Done",
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://user:Sup3rS3cret@host/INBOX",
        "imap://user:Sup3rS3cret@host:99999/INBOX",
        "imap://user:Sup3rS3cret@host:abc/INBOX",
        "imap://user:Sup3rS3cret@/INBOX",
        "imap://user@host/INBOX",
        "imap://user:Sup3rS3cret@host/INBOX?tls=none",
        "imap://user:Sup3rS3cret@host/INBOX?bogus=1",
    ],
)
def test_parse_imap_url_errors_never_contain_the_password(url: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_imap_url(url)
    assert "Sup3rS3cret" not in str(info.value)
