"""How fast does the outbox drain? Enqueue 500 messages into SQLite, send to a local relay.

Prints messages/second for one and for four concurrent sends, against an aiosmtpd relay
that only counts and against the built-in Maildir sink (fsync per message). The target is
at least 50 messages/second; nothing is asserted, this only prints figures.

    .venv/bin/python bench/outbox_throughput.py [--count 500]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.engine import Engine

from privacybot.clock import FixedClock
from privacybot.db import migrate
from privacybot.db.session import make_engine, transaction
from privacybot.outbox import store
from privacybot.outbox.compose import compose_email, new_message_id
from privacybot.outbox.maildir_sink import MaildirSmtpServer
from privacybot.outbox.sender import Sender
from privacybot.outbox.transport import SmtpTransport
from privacybot.testing.servers import free_port

DOMAIN = "conxillium.nl"
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


class _CountingHandler:
    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        with self.lock:
            self.count += 1
        return "250 2.0.0 OK"


def fill(engine: Engine, count: int) -> float:
    """Compose and enqueue `count` messages, one transaction each; returns seconds taken."""
    body = "Beste heer/mevrouw,\n\nWij hebben uw verzoek ontvangen.\n" * 10
    started = time.perf_counter()
    for n in range(count):
        mid = new_message_id(DOMAIN)
        raw = compose_email(
            from_address=f"privacy@{DOMAIN}",
            to_address=f"burger{n}@example.nl",
            subject=f"Auto: [PRV-2026-{n + 1:05d}] Inzageverzoek",
            body=body,
            message_id=mid,
            date=NOW,
            in_reply_to=None,
            references=None,
            auto_submitted="auto-replied",
            envelope_domain=DOMAIN,
        )
        with transaction(engine) as session:
            store.enqueue(
                session,
                draft=None,
                case_id=None,
                to_address=f"burger{n}@example.nl",
                raw=raw,
                message_id=mid,
                automatic=True,
                now=NOW,
            )
    return time.perf_counter() - started


def drain(engine: Engine, url: str, concurrency: int) -> tuple[int, float]:
    sender = Sender(
        engine,
        SmtpTransport(url, timeout=30),
        clock=FixedClock(NOW + timedelta(seconds=1)),
        bounce_domain=DOMAIN,
        concurrency=concurrency,
    )
    started = time.perf_counter()
    sent = asyncio.run(sender.drain_once())
    return sent, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    print(f"outbox throughput, {args.count} messages, SQLite (WAL) on local disk")
    for relay in ("counting", "maildir"):
        for concurrency in (1, 4):
            with tempfile.TemporaryDirectory() as tmp:
                engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
                migrate.upgrade(engine)
                enqueue_s = fill(engine, args.count)
                port = free_port()
                if relay == "counting":
                    controller = Controller(_CountingHandler(), hostname="127.0.0.1", port=port)
                    controller.start()
                    stop: Callable[[], object] = controller.stop
                else:
                    sink = MaildirSmtpServer("127.0.0.1", port, Path(tmp) / "sent")
                    sink.start()
                    stop = sink.stop
                try:
                    sent, seconds = drain(engine, f"smtp://127.0.0.1:{port}", concurrency)
                finally:
                    stop()
                left = store.counts(engine)
                engine.dispose()
            print(
                f"  relay={relay:8s} concurrency={concurrency}: sent {sent} in {seconds:5.2f} s"
                f" = {sent / seconds:6.1f} msg/s   (enqueue {args.count / enqueue_s:6.1f} msg/s;"
                f" left {dict((k, v) for k, v in left.items() if k != 'sent')})"
            )


if __name__ == "__main__":
    main()
