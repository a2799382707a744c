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
    #: The case moved on (closed, refused) before anyone approved it: never sent.
    WITHDRAWN = "withdrawn"


class InboundState(StrEnum):
    """Where an inbound message is: 'needs_staff' and 'parked' wait for a person."""

    STORED = "stored"
    TRIAGED = "triaged"
    #: Decided: a person must look (the staff triage queue).
    NEEDS_STAFF = "needs_staff"
    #: Triage failed repeatedly (or the channel has none yet); staff retry or dismiss.
    PARKED = "parked"
    DISMISSED = "dismissed"


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
    #: For an attached message: the content types of its own parts (bounded), so a
    #: report forwarded inside it (multipart/report, message/delivery-status) is seen.
    inside: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedMessage:
    """A raw RFC 822 message turned into what triage needs; never raises, lists problems.

    ``sender`` is the From addr-spec only when From holds exactly one mailbox (read
    from the raw header, never from a decoded display name); ``from_mailboxes``
    lists every mailbox From named, so the reply rules (R18) see the whole header.
    """

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
    sender_name: str = ""
    from_mailboxes: tuple[str, ...] = ()

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
            "candidates": [
                {"label": label.value, "probability": round(p, 3)} for label, p in self.candidates
            ],
        }
