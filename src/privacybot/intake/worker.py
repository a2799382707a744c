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

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.cases.dispatch import Desk, Outcome, handle
from privacybot.clock import Clock
from privacybot.db.models import InboundMessage
from privacybot.db.session import transaction
from privacybot.triage.classify import classifier_for
from privacybot.triage.pipeline import triage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


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
    ) -> None:
        self._engine = engine
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
        """Triage the oldest stored message; False when there is none."""
        with transaction(self._engine) as session:
            row = self._claim(session)
            if row is None:
                return False
            row_id = row.id
            try:
                with session.begin_nested():
                    outcome = self._triage(session, row)
            except Exception as exc:
                self._failed(session, row, exc)
                return True
        log.info("inbound %s triaged: %s", row_id, outcome)
        if outcome is not None and self._on_outbox is not None:
            self._on_outbox()
        return True

    def _claim(self, session: Session) -> InboundMessage | None:
        query = (
            select(InboundMessage)
            .where(InboundMessage.state == "stored")
            .order_by(col(InboundMessage.id))
            .limit(1)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        return session.exec(query).first()

    def _triage(self, session: Session, row: InboundMessage) -> Outcome | None:
        if row.channel != "email":
            row.state = "parked"
            row.problem = f"no triage for channel {row.channel} yet"
            session.add(row)
            return Outcome.PARKED

        def ours(message_id: str) -> bool:
            return message_id.strip().endswith("@" + self._desk.outgoing.domain + ">") and (
                message_id.strip().startswith("<prv.")
            )

        result = triage(
            row.raw,
            our_address=self._our_address,
            our_message_ids=ours,
            classifier=classifier_for(self._min_confidence),
        )
        return handle(session, row, result, self._desk, self._clock.now())

    def _failed(self, session: Session, row: InboundMessage, exc: Exception) -> None:
        row.attempts += 1
        first_line = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        log.error("inbound %s: triage failed (attempt %d): %s", row.id, row.attempts, first_line)
        if row.attempts >= MAX_ATTEMPTS:
            row.state = "parked"
            row.problem = f"triage failed {row.attempts} times: {first_line}"[:4000]
        session.add(row)
