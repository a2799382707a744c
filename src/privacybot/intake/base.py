"""The contract between the intake edges (IMAP, SMTP, Telegram) and the inbound store.

An edge hands every message to an InboundSink and acknowledges it to its source
(IMAP keyword/move, SMTP 250, Telegram offset) only after `store` returned, because
`store` returns only after the database commit. A second delivery of the same key
returns DUPLICATE, so redeliveries are recognised and never doubled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class StoreOutcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"


class StoreUnavailable(Exception):
    """The store could not commit (database down): the edge must not acknowledge."""


@dataclass(frozen=True)
class InboundEnvelope:
    """One message as an edge received it, before any parsing.

    `key` is unique per channel: for IMAP ``imap:<mailbox>:<uidvalidity>:<uid>``, for
    SMTP ``smtp:<message-id or sha256 of the bytes>``, for Telegram ``telegram:<update id>``.
    `message_id` (without angle brackets' surrounding whitespace) is a second key for
    email: the same Message-ID arriving by two routes is stored once.
    """

    channel: str
    source: str
    key: str
    raw: bytes
    received: datetime
    message_id: str | None = None
    problem: str | None = None


class InboundSink(Protocol):
    def store(self, envelope: InboundEnvelope) -> StoreOutcome:
        """Commit the envelope durably; raise StoreUnavailable when that is impossible."""
        ...

    def has_key(self, key: str) -> bool:
        """Whether a message with this channel key is already committed."""
        ...
