"""Plain data shared by the core: labels, statuses and the normalised message.

Everything here is immutable and free of I/O so that the pure decision modules
(triage, deadline, identity, threading, replies) can pass it around and tests
can build it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Label(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    WITHDRAW_CONSENT = "withdraw_consent"
    QUESTION = "question"
    COMPLAINT = "complaint"
    OTHER = "other"


#: Labels that are rights under GDPR arts. 7(3), 15-18, 20, 21 and so open a case with a clock.
RIGHTS: frozenset[Label] = frozenset(
    {
        Label.ACCESS,
        Label.RECTIFICATION,
        Label.ERASURE,
        Label.RESTRICTION,
        Label.PORTABILITY,
        Label.OBJECTION,
        Label.WITHDRAW_CONSENT,
    }
)


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class Channel(StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"


class CaseStatus(StrEnum):
    AWAITING_VERIFICATION = "awaiting_verification"
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


class DraftStatus(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


class InboundState(StrEnum):
    """Where an inbound message is in the pipeline; 'parked' waits for a human."""

    STORED = "stored"
    TRIAGED = "triaged"
    PARKED = "parked"


COMPANIES: tuple[str, ...] = (
    "BeheerVisie",
    "DataQuint",
    "GeoTax",
    "I-Real",
    "JCC Software",
    "Pharox",
    "Procura",
    "SIM",
)


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True)
class ParsedMessage:
    """A raw RFC 822 message turned into what triage needs; never raises, lists problems."""

    sender: str | None
    reply_to: str | None
    subject: str
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    date: datetime | None
    body: str
    attachments: tuple[Attachment, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()

    def header(self, name: str) -> str | None:
        """First value of a header, case-insensitively."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        lname = name.lower()
        return [value for key, value in self.headers if key.lower() == lname]


@dataclass(frozen=True)
class Classification:
    labels: tuple[Label, ...]
    language: Language
    company: str | None
    confidence: float
    reasons: tuple[str, ...] = field(default=())
    #: The most likely labels with their calibrated probabilities, best first: what
    #: staff triage shows when ``confidence`` is below the threshold.
    candidates: tuple[tuple[Label, float], ...] = field(default=())

    def as_json(self) -> dict[str, object]:
        return {
            "labels": [label.value for label in self.labels],
            "language": self.language.value,
            "company": self.company,
            "confidence": round(self.confidence, 3),
        }
