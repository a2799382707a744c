"""An in-memory InboundSink for the intake tests (the database side is tested elsewhere)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from privacybot.intake.base import InboundEnvelope, StoreOutcome, StoreUnavailable


class FakeSink:
    """Keeps envelopes by key and Message-ID, like the real store, and is thread-safe.

    `available = False` makes every call raise StoreUnavailable (database down);
    `before_store` runs inside `store` before the "commit", to look at the world then;
    `fail_keys` makes `store` raise a plain error for those keys (a poison message).
    """

    def __init__(self) -> None:
        self.stored: list[InboundEnvelope] = []
        self.outcomes: list[tuple[str, StoreOutcome]] = []
        self.attempts = 0
        self.available = True
        self.before_store: Callable[[InboundEnvelope], None] | None = None
        self.fail_keys: set[str] = set()
        self._keys: set[str] = set()
        self._message_ids: set[str] = set()
        self._changed = threading.Condition()

    def store(self, envelope: InboundEnvelope) -> StoreOutcome:
        with self._changed:
            self.attempts += 1
            self._changed.notify_all()
        if not self.available:
            raise StoreUnavailable("database is down (fake)")
        if envelope.key in self.fail_keys:
            raise RuntimeError("store choked on this message (fake)")
        if self.before_store is not None:
            self.before_store(envelope)
        with self._changed:
            duplicate = envelope.key in self._keys or (
                envelope.message_id is not None and envelope.message_id in self._message_ids
            )
            self._keys.add(envelope.key)
            if duplicate:
                outcome = StoreOutcome.DUPLICATE
            else:
                outcome = StoreOutcome.STORED
                self.stored.append(envelope)
                if envelope.message_id:
                    self._message_ids.add(envelope.message_id)
            self.outcomes.append((envelope.key, outcome))
            self._changed.notify_all()
            return outcome

    def has_key(self, key: str) -> bool:
        if not self.available:
            raise StoreUnavailable("database is down (fake)")
        with self._changed:
            return key in self._keys

    def wait_for(self, count: int, timeout: float = 5.0) -> list[InboundEnvelope]:
        """Block until at least `count` envelopes are stored; returns them all."""
        with self._changed:
            self._changed.wait_for(lambda: len(self.stored) >= count, timeout)
            return list(self.stored)

    def wait_for_attempts(self, count: int, timeout: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.attempts >= count, timeout)

    def wait_for_outcomes(self, count: int, timeout: float = 5.0) -> list[tuple[str, StoreOutcome]]:
        with self._changed:
            self._changed.wait_for(lambda: len(self.outcomes) >= count, timeout)
            return list(self.outcomes)
