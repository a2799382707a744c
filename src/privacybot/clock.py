"""Where time comes from: the core never reads the wall clock itself, it is handed a Clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware UTC instant."""
        ...


class SystemClock:
    """The real clock, used only at the edges (CLI, service wiring)."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock tests can move by hand, like Mailman's DateFactory.fast_forward."""

    current: datetime = field(default_factory=lambda: datetime(2026, 6, 1, 8, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current = self.current + delta
