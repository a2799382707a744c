"""Fixtures for the loop-safety tests: a recording SMTP relay and `privacybot run` processes.

Why a relay of our own: a mail loop only shows when every hop is real, so each
message privacybot (or an autoresponder) sends goes through one loopback SMTP
server that records it (who, when, which headers) and then hands it to the
recipient's mailbox the way a final MTA would (dovecot-lda with Sieve, or an IMAP
APPEND into a built-in mailbox). Counting what crossed the relay is then the
whole loop test: how many messages each way, and whether traffic stopped.

Dovecot itself comes from `tests/servers.py` (`dovecot_factory`); only the skip
for a missing Pigeonhole plugin lives here.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.message
import email.policy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from privacybot.testing.servers import DOVECOT, DOVECOT_LDA, LOOPBACK, free_port

T = TypeVar("T")
PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]
SIEVE_PLUGIN = Path("/usr/lib/dovecot/modules/lib90_sieve_plugin.so")

#: Delivers one message to one recipient: (envelope sender, recipient, raw bytes).
Route = Callable[[str, str, bytes], None]


def require_dovecot_sieve() -> None:
    """Skip (with the package to install) unless Dovecot, its LDA and Pigeonhole are here."""
    if not os.path.exists(DOVECOT) or not os.path.exists(DOVECOT_LDA):
        pytest.skip("dovecot not installed: apt-get install dovecot-imapd")
    if not SIEVE_PLUGIN.exists():
        pytest.skip("dovecot-sieve not installed: apt-get install dovecot-sieve")


def wait_for(
    fn: Callable[[], T | None],
    timeout: float,
    what: str,
    also: Callable[[], str] | None = None,
) -> T:
    """Poll `fn` until it returns something truthy; fail naming `what` (and `also()`)."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            detail = f"\n{also()}" if also is not None else ""
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}{detail}")
        time.sleep(0.1)


# -- the relay -----------------------------------------------------------------------


@dataclass(frozen=True)
class RelayedMail:
    """One (message, recipient) pair that crossed the relay."""

    at: float
    mail_from: str
    rcpt: str
    raw: bytes

    @property
    def msg(self) -> email.message.Message:
        return email.message_from_bytes(self.raw, policy=email.policy.compat32)

    def header(self, name: str) -> str | None:
        value = self.msg[name]
        return None if value is None else str(value)

    @property
    def automatic(self) -> bool:
        """RFC 3834 §5: an `Auto-Submitted` other than `no` marks automatic mail."""
        value = self.header("Auto-Submitted")
        return value is not None and value.split(";")[0].split("(")[0].strip().lower() != "no"

    def __str__(self) -> str:
        return (
            f"<{self.mail_from}> -> <{self.rcpt}> Subject={self.header('Subject')!r} "
            f"Auto-Submitted={self.header('Auto-Submitted')!r}"
        )


class _RelayHandler:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        raw = envelope.original_content or b""
        # aiosmtpd reports the null reverse path (MAIL FROM:<>) as "<>"; keep it as "".
        mail_from = (envelope.mail_from or "").strip("<>")
        for rcpt in envelope.rcpt_tos:
            route = self.relay.route_for(rcpt)
            if route is None:
                self.relay.errors.append(f"no route for <{rcpt}>")
                return "550 5.1.1 no route (test relay)"
            self.relay.record(RelayedMail(time.monotonic(), mail_from, rcpt, raw))
            try:
                # In a thread: delivering may make Dovecot's vacation submit a reply to
                # this same relay, whose event loop must stay free to take it.
                await asyncio.to_thread(route, mail_from, rcpt, raw)
            except Exception as exc:  # noqa: BLE001 - reported by the test, not swallowed
                self.relay.errors.append(f"delivery to <{rcpt}> failed: {exc!r}")
                return "451 4.3.0 delivery failed (test relay)"
        return "250 2.0.0 relayed"


@dataclass
class Relay:
    """A loopback SMTP server that records every message and delivers it by domain."""

    host: str = LOOPBACK
    port: int = field(default_factory=free_port)
    routes: dict[str, Route] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    _mails: list[RelayedMail] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def route_for(self, rcpt: str) -> Route | None:
        return self.routes.get(rcpt.rsplit("@", 1)[-1].lower())

    def record(self, mail: RelayedMail) -> None:
        with self._lock:
            self._mails.append(mail)

    def mails(self) -> list[RelayedMail]:
        with self._lock:
            return list(self._mails)

    def report(self) -> str:
        """Everything relayed so far, one line each, for assertion messages."""
        return "\n".join(str(m) for m in self.mails()) or "(nothing relayed)"

    def wait_quiet(
        self, quiet: float, timeout: float, not_before: float = 0.0
    ) -> list[RelayedMail]:
        """Block until nothing crossed the relay for `quiet` seconds; fail after `timeout`.

        `not_before` (a `time.monotonic()` value) makes the watch last at least that
        long, so a slow loop has time to show. A loop never goes quiet, so this is
        where it turns into a failure that lists every message it sent.
        """
        deadline = time.monotonic() + timeout
        while True:
            mails = self.mails()
            last = mails[-1].at if mails else 0.0
            now = time.monotonic()
            if now - last >= quiet and now >= not_before:
                return mails
            if now > deadline:
                raise AssertionError(
                    f"traffic did not stop: {len(mails)} messages relayed\n{self.report()}"
                )
            time.sleep(0.2)


@pytest.fixture
def relay() -> Iterator[Relay]:
    """A started relay; the test fills in `relay.routes` (domain -> delivery)."""
    server = Relay()
    controller = Controller(_RelayHandler(server), hostname=server.host, port=server.port)
    controller.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            controller.stop()


# -- privacybot processes ------------------------------------------------------------


class Privacybot:
    """One `privacybot run` subprocess with its own var dir, database and ports."""

    def __init__(self, root: Path, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.cwd = root / name
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.var = self.cwd / "var"
        self.db_path = self.var / "privacybot.db"
        self.web_port = free_port()
        self.log_path = self.cwd / "service.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")},
            "PRIVACYBOT_VAR_DIR": str(self.var),
            "PRIVACYBOT_DATABASE_URL": f"sqlite:///{self.db_path}",
            "PRIVACYBOT_WEB_BIND": f"{LOOPBACK}:{self.web_port}",
            "PRIVACYBOT_SMTP_IN_BIND": "off",
            "PRIVACYBOT_DEMO_IMAP_BIND": f"{LOOPBACK}:{free_port()}",
            "PRIVACYBOT_LOG_LEVEL": "INFO",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str, stdin: str | None = None) -> str:
        """Run one CLI command against this instance's database; fail on a non-zero exit."""
        proc = subprocess.run(
            [*PRIVACYBOT, *args],
            env=self.env,
            cwd=self.cwd,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, f"privacybot {' '.join(args)}: {proc.stderr}"
        return proc.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.cli(*args, "--json"))

    def start(self) -> None:
        """`db upgrade`, then `run` in the background (call `wait_healthy` next)."""
        self.cli("db", "upgrade")
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [*PRIVACYBOT, "run"], env=self.env, cwd=self.cwd, stdout=log, stderr=log
            )

    def wait_healthy(self, timeout: float = 30.0) -> None:
        url = f"http://{LOOPBACK}:{self.web_port}/healthz"

        def healthy() -> bool:
            assert self.process is not None
            assert self.process.poll() is None, f"{self.name} exited:\n{self.log()}"
            try:
                with urllib.request.urlopen(url, timeout=1) as response:
                    return bool(response.status == 200)
            except OSError:
                return False

        wait_for(healthy, timeout, f"{self.name} to answer /healthz")

    def stop(self) -> int | None:
        """SIGTERM and wait; returns the exit code (None if it was never started)."""
        process, self.process = self.process, None
        if process is None:
            return None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                return process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
                raise AssertionError(f"{self.name} did not stop within 15 s of SIGTERM") from None
        return process.returncode

    @property
    def demo_imap(self) -> tuple[str, int]:
        """Where this instance's built-in mailbox listens (user and password `privacy`)."""
        host, _, port = self.env["PRIVACYBOT_DEMO_IMAP_BIND"].rpartition(":")
        return host, int(port)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def inbound(self) -> list[dict[str, Any]]:
        """Read-only look at what intake stored and how triage judged it."""
        if not self.db_path.exists():
            return []
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=5)
        conn.row_factory = sqlite3.Row
        try:
            rows = conn.execute(
                "SELECT id, message_id, state, automatic, automatic_reason, sender, subject,"
                " case_id FROM inbound_message ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
        return [dict(r) for r in rows]


@pytest.fixture
def privacybot_factory(tmp_path: Path) -> Iterator[Callable[..., Privacybot]]:
    """Create `Privacybot(name, env)` instances; all are stopped (and must exit 0) after."""
    made: list[Privacybot] = []

    def make(name: str, env: dict[str, str]) -> Privacybot:
        bot = Privacybot(tmp_path, name, env)
        made.append(bot)
        return bot

    yield make
    failures = []
    for bot in made:
        code = bot.stop()
        if code not in (None, 0):
            failures.append(f"{bot.name} exited {code}:\n{bot.log()[-3000:]}")
    assert not failures, "\n".join(failures)
