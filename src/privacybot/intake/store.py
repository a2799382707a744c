"""The inbound store: the database side of InboundSink.

`store` returns only after the commit, which is what lets an edge acknowledge a
message to its source (docs/design.md, Intake). The same channel key or the same
Message-ID a second time is a DUPLICATE, never a second row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from privacybot.clock import Clock
from privacybot.db.models import ImapCheckpoint, InboundMessage
from privacybot.db.session import read_transaction, transaction
from privacybot.intake.base import InboundEnvelope, StoreOutcome, StoreUnavailable

log = logging.getLogger(__name__)


class DbInboundSink:
    def __init__(
        self, engine: Engine, clock: Clock, on_stored: Callable[[], None] | None = None
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._on_stored = on_stored

    def store(self, envelope: InboundEnvelope) -> StoreOutcome:
        try:
            with transaction(self._engine) as s:
                clauses: list[ColumnElement[bool]] = [
                    col(InboundMessage.channel_key) == envelope.key
                ]
                if envelope.message_id:
                    clauses.append(
                        (col(InboundMessage.channel) == envelope.channel)
                        & (col(InboundMessage.message_id) == envelope.message_id)
                    )
                existing = s.exec(select(InboundMessage.id).where(or_(*clauses))).first()
                if existing is not None:
                    log.info("duplicate inbound %s (inbound id %s)", envelope.key, existing)
                    return StoreOutcome.DUPLICATE
                row = InboundMessage(
                    channel=envelope.channel,
                    source=envelope.source,
                    channel_key=envelope.key[:512],
                    message_id=envelope.message_id[:998] if envelope.message_id else None,
                    raw=envelope.raw,
                    size=len(envelope.raw),
                    received=envelope.received,
                    stored_at=self._clock.now(),
                    state="stored",
                    problem=envelope.problem,
                )
                s.add(row)
                s.flush()
                new_id = row.id
        except IntegrityError:
            log.info("duplicate inbound %s (concurrent insert)", envelope.key)
            return StoreOutcome.DUPLICATE
        except DBAPIError as exc:
            log.error("inbound store unavailable for %s: %s", envelope.key, type(exc.orig).__name__)
            raise StoreUnavailable(str(type(exc.orig).__name__)) from exc
        log.info("stored inbound %s as id %s (%d bytes)", envelope.key, new_id, len(envelope.raw))
        if self._on_stored is not None:
            self._on_stored()
        return StoreOutcome.STORED

    def store_all(self, envelopes: Sequence[InboundEnvelope]) -> list[StoreOutcome]:
        """Commit a batch in one transaction (keys only, e.g. a getUpdates answer).

        One commit for the batch instead of one per message: the edge acknowledges the
        whole batch after it. Envelopes with a Message-ID, or a concurrent insert of the
        same key, take the one-by-one path, which knows how to tell duplicates apart.
        """
        if any(e.message_id for e in envelopes) or len(envelopes) < 2:
            return [self.store(e) for e in envelopes]
        keys = [e.key[:512] for e in envelopes]
        try:
            with transaction(self._engine) as s:
                known = set(
                    s.exec(
                        select(InboundMessage.channel_key).where(
                            col(InboundMessage.channel_key).in_(keys)
                        )
                    ).all()
                )
                outcomes: list[StoreOutcome] = []
                for envelope, key in zip(envelopes, keys, strict=True):
                    if key in known:
                        outcomes.append(StoreOutcome.DUPLICATE)
                        continue
                    known.add(key)
                    s.add(
                        InboundMessage(
                            channel=envelope.channel,
                            source=envelope.source,
                            channel_key=key,
                            raw=envelope.raw,
                            size=len(envelope.raw),
                            received=envelope.received,
                            stored_at=self._clock.now(),
                            state="stored",
                            problem=envelope.problem,
                        )
                    )
                    outcomes.append(StoreOutcome.STORED)
        except IntegrityError:
            return [self.store(e) for e in envelopes]
        except DBAPIError as exc:
            log.error("inbound store unavailable for a batch: %s", type(exc.orig).__name__)
            raise StoreUnavailable(str(type(exc.orig).__name__)) from exc
        stored = outcomes.count(StoreOutcome.STORED)
        log.info("stored %d inbound message(s), %d duplicate(s)", stored, len(keys) - stored)
        if stored and self._on_stored is not None:
            self._on_stored()
        return outcomes

    def has_key(self, key: str) -> bool:
        try:
            with read_transaction(self._engine) as s:
                found = s.exec(
                    select(InboundMessage.id).where(InboundMessage.channel_key == key)
                ).first()
        except DBAPIError as exc:
            raise StoreUnavailable(str(type(exc.orig).__name__)) from exc
        return found is not None

    # UID checkpoints for IMAP servers that cannot keep our keyword.
    def get_last_uid(self, mailbox: str, uidvalidity: int) -> int:
        with transaction(self._engine) as s:
            row = s.get(ImapCheckpoint, (mailbox, uidvalidity))
            return row.last_uid if row else 0

    def set_last_uid(self, mailbox: str, uidvalidity: int, uid: int) -> None:
        with transaction(self._engine) as s:
            row = s.get(ImapCheckpoint, (mailbox, uidvalidity))
            if row is None:
                s.add(ImapCheckpoint(mailbox=mailbox, uidvalidity=uidvalidity, last_uid=uid))
            elif uid > row.last_uid:
                row.last_uid = uid
                s.add(row)
