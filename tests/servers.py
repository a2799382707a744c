"""Fixtures that start real servers on loopback (docs/design.md, "Testing with real parts").

- `pymap_server`: the built-in mailbox (pymap, in-memory), user privacy/privacy.
- `dovecot_server`: a throw-away Dovecot from Debian's packages; skipped when missing.
  `dovecot_factory(users=…, submission_port=…)` starts one with several users and
  optional Sieve scripts, and `DovecotServer.deliver()` runs dovecot-lda (with Sieve),
  the extension point for autoresponder tests.
- `smtp_sink`: an aiosmtpd server that records every message it receives.
- `free_port()`: a free TCP port on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from privacybot.intake.demo_server import BackgroundDemoImapServer
from privacybot.testing.servers import (
    DOVECOT,
    LOOPBACK,
    DovecotServer,
    DovecotUser,
    ImapTestServer,
    free_port,
)

# -- pymap -----------------------------------------------------------------------------


@pytest.fixture
def pymap_server() -> Iterator[ImapTestServer]:
    """The built-in mailbox on a free loopback port, in its own thread and loop."""
    server = BackgroundDemoImapServer(LOOPBACK, free_port())
    server.start()
    try:
        yield ImapTestServer(
            kind="pymap",
            host=server.host,
            port=server.port,
            user=server.server.user,
            password=server.server.password,
            restart=server.restart,
        )
    finally:
        server.stop()


@pytest.fixture
def dovecot_factory() -> Iterator[Callable[..., DovecotServer]]:
    """Start Dovecot instances: ``dovecot_factory(users=[DovecotUser(...)], …)``."""
    if not os.path.exists(DOVECOT):
        pytest.skip("dovecot not installed: apt-get install dovecot-imapd")
    started: list[DovecotServer] = []

    def start(users: list[DovecotUser] | None = None, **kwargs: Any) -> DovecotServer:
        server = DovecotServer(users=users or [DovecotUser("privacy", "privacy")], **kwargs)
        started.append(server)
        server.start()
        return server

    try:
        yield start
    finally:
        for server in started:
            server.cleanup()


@pytest.fixture
def dovecot_server(dovecot_factory: Callable[..., DovecotServer]) -> ImapTestServer:
    """A real Dovecot with one user privacy/privacy and an empty INBOX."""
    return dovecot_factory().imap()


# -- SMTP sink -------------------------------------------------------------------------


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes


class _RecordingHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        mail = ReceivedMail(
            mail_from=envelope.mail_from or "",
            rcpt_tos=list(envelope.rcpt_tos),
            raw=envelope.original_content or b"",
        )
        with self.sink.lock:
            self.sink.messages.append(mail)
            self.sink.lock.notify_all()
        return "250 2.0.0 OK"


@dataclass
class SmtpSink:
    """What `smtp_sink` yields: where to send, and the messages received so far."""

    host: str
    port: int
    messages: list[ReceivedMail] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedMail]:
        """Block until at least `count` messages arrived; returns them all."""
        with self.lock:
            self.lock.wait_for(lambda: len(self.messages) >= count, timeout)
            return list(self.messages)


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink(LOOPBACK, free_port())
    controller = Controller(_RecordingHandler(sink), hostname=sink.host, port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        with contextlib.suppress(Exception):
            controller.stop()
