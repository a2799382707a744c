"""Outbox fixtures: rows to send, and relays on loopback that misbehave on purpose.

The well-behaved relay is `smtp_sink` (tests/servers.py); `scripted_relay` answers
DATA with replies and delays the test chooses (451 then 250, 550, a reply that never
comes), and `silent_server` accepts connections and never says a word.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.engine import Engine
from sqlmodel import select

from privacybot.clock import FixedClock
from privacybot.db.models import AuditEvent, Case, Draft, OutboxItem
from privacybot.db.session import transaction
from privacybot.outbox.compose import compose_email, new_message_id
from privacybot.outbox.store import enqueue
from privacybot.testing.servers import LOOPBACK, free_port

DOMAIN = "conxillium.nl"
FROM = f"privacy@{DOMAIN}"
T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


def make_case(engine: Engine, seq: int = 1) -> int:
    """A minimal case row, so audit events have something to hang on."""
    with transaction(engine) as session:
        case = Case(
            reference=f"PRV-2026-{seq:05d}",
            year=2026,
            seq=seq,
            status="open",
            rights=["access"],
            received=T0,
            receipt_date=date(2026, 6, 1),
            due=date(2026, 6, 29),
            effective_due=date(2026, 6, 29),
            gdpr_due=date(2026, 7, 1),
            created=T0,
            updated=T0,
        )
        session.add(case)
        session.flush()
        assert case.id is not None
        return case.id


def queue_message(
    engine: Engine,
    *,
    to: str = "jan@example.nl",
    case_id: int | None = None,
    with_draft: bool = False,
    automatic: bool = True,
    now: datetime = T0,
    subject: str = "Auto: [PRV-2026-00001] Inzage",
) -> tuple[int, str]:
    """Compose and enqueue one message; returns (outbox item id, Message-ID)."""
    message_id = new_message_id(DOMAIN)
    raw = compose_email(
        from_address=FROM,
        to_address=to,
        subject=subject,
        body="Beste Jan,\n\nWij hebben uw verzoek ontvangen.\n.\nMet vriendelijke groet\n",
        message_id=message_id,
        date=now,
        in_reply_to=None,
        references=None,
        auto_submitted="auto-replied" if automatic else None,
        envelope_domain=DOMAIN,
    )
    with transaction(engine) as session:
        draft = None
        if with_draft:
            draft = Draft(
                case_id=case_id,
                kind="acknowledgment",
                language="nl",
                status="queued",  # as the writer's approve move leaves it
                to_address=to,
                subject=subject,
                body="…",
                automatic=automatic,
                message_id=message_id,
                created=now,
                updated=now,
            )
            session.add(draft)
            session.flush()
        item = enqueue(
            session,
            draft=draft,
            case_id=case_id,
            to_address=to,
            raw=raw,
            message_id=message_id,
            automatic=automatic,
            now=now,
        )
        assert item.id is not None
        return item.id, message_id


def item(engine: Engine, item_id: int) -> OutboxItem:
    with transaction(engine) as session:
        row = session.get(OutboxItem, item_id)
        assert row is not None
        return row


def draft_status(engine: Engine, message_id: str) -> str:
    with transaction(engine) as session:
        return session.exec(select(Draft.status).where(Draft.message_id == message_id)).one()


def events(engine: Engine, action: str | None = None) -> list[AuditEvent]:
    with transaction(engine) as session:
        query = select(AuditEvent).order_by(AuditEvent.id)  # type: ignore[arg-type]
        rows = list(session.exec(query).all())
    return [e for e in rows if action is None or e.action == action]


# -- scripted relay ----------------------------------------------------------------------


@dataclass
class ScriptedRelay:
    """A real aiosmtpd server whose DATA replies follow `script` (then 250 for ever).

    Each script entry is (reply, delay in seconds before answering). `received` holds
    the raw messages the relay answered 250 to.
    """

    host: str
    port: int
    script: list[tuple[str, float]] = field(default_factory=list)
    received: list[bytes] = field(default_factory=list)
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"


class _ScriptedHandler:
    def __init__(self, relay: ScriptedRelay) -> None:
        self.relay = relay

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        with self.relay.lock:
            self.relay.attempts += 1
            reply, delay = self.relay.script.pop(0) if self.relay.script else ("250 OK", 0.0)
        if delay:
            await asyncio.sleep(delay)
        if reply.startswith("250"):
            with self.relay.lock:
                self.relay.received.append(envelope.original_content or b"")
        return reply


@pytest.fixture
def scripted_relay() -> Iterator[ScriptedRelay]:
    relay = ScriptedRelay(LOOPBACK, free_port())
    controller = Controller(_ScriptedHandler(relay), hostname=relay.host, port=relay.port)
    controller.start()
    try:
        yield relay
    finally:
        with contextlib.suppress(Exception):
            controller.stop()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """`smtp://…` of a server that accepts TCP connections and never answers (a hung relay)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((LOOPBACK, 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not done.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"smtp://{LOOPBACK}:{port}"
    finally:
        done.set()
        thread.join(2)
        for conn in held:
            conn.close()
        listener.close()


@pytest.fixture
def refused_url() -> str:
    """`smtp://…` of a loopback port nobody listens on."""
    return f"smtp://{LOOPBACK}:{free_port()}"


def after(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)
