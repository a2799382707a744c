"""The triage worker: takes committed inbound messages from the store, one at a time.

Triage runs from the store, not from the socket, so a crash between intake and
triage loses nothing: the row stays 'stored' until the transaction that records its
outcome (and every case, draft and outbox row that follows from it) commits.
A message that makes triage fail is parked with its problem after a few attempts,
so one bad message never blocks the ones behind it.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.clock import Clock
from privacybot.db.lease import DEFAULT_LEASE, hold_for
from privacybot.db.models import InboundMessage
from privacybot.db.session import read_transaction, transaction
from privacybot.decision import Verdict
from privacybot.domain import InboundState
from privacybot.metrics import observe_triage
from privacybot.outbox.compose import is_our_message_id
from privacybot.service.chat import ChatDesk, handle_chat
from privacybot.service.desk import Desk
from privacybot.service.inbound import handle
from privacybot.service.moves import move_inbound
from privacybot.states import InboundEvent
from privacybot.triage.chat import ChatTriage, read_stored
from privacybot.triage.classify import classifier_for
from privacybot.triage.pipeline import TriageResult, triage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
#: Messages triaged per SQLite write transaction: fewer lock hand-overs and commits.
BATCH = 4


class TriageWorker:
    def __init__(
        self,
        engine: Engine,
        desk: Desk,
        clock: Clock,
        *,
        our_address: str,
        min_confidence: float,
        on_outbox: Callable[[], None] | None = None,
        lease: timedelta = DEFAULT_LEASE,
        chat_desk: ChatDesk | None = None,
    ) -> None:
        self._engine = engine
        self.lease = lease
        self._chat_desk = chat_desk or ChatDesk()
        self._desk = desk
        self._clock = clock
        self._our_address = our_address
        self._min_confidence = min_confidence
        self._on_outbox = on_outbox
        self._wake = threading.Event()
        self._stop = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run(self) -> None:
        """Thread body: drain, then sleep until woken (or a second passes)."""
        while not self._stop.is_set():
            try:
                while not self._stop.is_set() and self.process_one():
                    pass
            except Exception:
                log.exception("triage worker: database problem, retrying in 2 s")
                self._stop.wait(2)
            self._wake.wait(1.0)
            self._wake.clear()

    def drain(self) -> int:
        count = 0
        while self.process_one():
            count += 1
        return count

    def process_one(self) -> bool:
        """Triage the oldest stored message(s); False when there is none.

        On SQLite the pure triage of a small batch runs before the write transaction,
        so the intake threads are not held up by parsing and classifying, and the
        batch is applied in one write transaction with a savepoint per message (one
        message failing never undoes another). Each row is re-checked to be still
        untriaged. On PostgreSQL one row is claimed with FOR UPDATE SKIP LOCKED,
        which blocks nobody, and triaged inside its own transaction, so several
        workers can share the queue; a worker that dies releases it with its
        connection, one that hangs after ``lease`` (db/lease.py).
        """
        if self._engine.dialect.name == "sqlite":
            with read_transaction(self._engine) as session:
                rows = [(r.id, r.channel, r.raw) for r in self._claim(session, None, BATCH)]
            if not rows:
                return False
            prepared = [(row_id, self._run_triage(channel, raw)) for row_id, channel, raw in rows]
        else:
            prepared = [(None, None)]
        outcomes: list[tuple[int | None, str]] = []
        stored: list[datetime] = []
        with transaction(self._engine) as session:
            # PostgreSQL: the row lock is the claim; the lease frees it if we hang.
            hold_for(session, self.lease)
            for row_id, result in prepared:
                found = self._claim(session, row_id, 1)
                if not found:
                    if row_id is None:
                        return False
                    continue
                claimed = found[0]
                if row_id is None:
                    result = self._run_triage(claimed.channel, claimed.raw)
                try:
                    if isinstance(result, Exception):
                        raise result
                    with session.begin_nested():
                        outcomes.append((claimed.id, self._apply(session, claimed, result)))
                    stored.append(claimed.stored_at)
                except Exception as exc:
                    self._failed(session, claimed, exc)
        for done_id, outcome in outcomes:
            log.info("inbound %s triaged: %s", done_id, outcome)
        for stored_at in stored:
            observe_triage((self._clock.now() - stored_at).total_seconds())
        if outcomes and self._on_outbox is not None:
            self._on_outbox()
        return True

    def _claim(self, session: Session, row_id: int | None, limit: int) -> list[InboundMessage]:
        query = select(InboundMessage).where(InboundMessage.state == InboundState.STORED)
        if row_id is not None:
            query = query.where(InboundMessage.id == row_id)
        query = query.order_by(col(InboundMessage.id)).limit(limit)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        return list(session.exec(query).all())

    def _run_triage(self, channel: str, raw: bytes) -> TriageResult | ChatTriage | Exception | None:
        """Pure work, outside any lock; None for channels without a reading."""
        if channel == "telegram":
            # Issue 15: a chat update is read here and answered by service.chat in _apply.
            try:
                return read_stored(raw, classifier_for(self._min_confidence))
            except Exception as exc:
                return exc
        if channel != "email":
            return None

        domain = self._desk.outgoing.domain

        def ours(message_id: str) -> bool:
            return is_our_message_id(message_id, domain)

        try:
            return triage(
                raw,
                our_address=self._our_address,
                our_message_ids=ours,
                classifier=classifier_for(self._min_confidence),
            )
        except Exception as exc:  # a bug in triage: the row is parked after a few tries
            return exc

    def _apply(
        self, session: Session, row: InboundMessage, result: TriageResult | ChatTriage | None
    ) -> str:
        now = self._clock.now()
        if isinstance(result, ChatTriage):  # issue 15: the chat writer, same transaction
            return handle_chat(session, row, result, self._desk, self._chat_desk, now)
        if result is None:
            row.problem = f"no triage for channel {row.channel} yet"
            move_inbound(session, row, InboundEvent.PARK, actor="privacybot", now=now)
            return "parked"
        verdict: Verdict = handle(session, row, result, self._desk, now)
        return f"{verdict.action.value} ({', '.join(verdict.rule_ids)})"

    def _failed(self, session: Session, row: InboundMessage, exc: Exception) -> None:
        row.attempts += 1
        first_line = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        log.error("inbound %s: triage failed (attempt %d): %s", row.id, row.attempts, first_line)
        if row.attempts >= MAX_ATTEMPTS:
            row.problem = f"triage failed {row.attempts} times: {first_line}"[:4000]
            move_inbound(session, row, InboundEvent.PARK, actor="privacybot", now=self._clock.now())
        session.add(row)
