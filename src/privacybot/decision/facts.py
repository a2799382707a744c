"""What the decision stage reads: plain snapshots, loaded by the writer beforehand.

Nothing here holds a database session. The writer (``service.inbound``) loads the
case a message threads onto, the sender's recent cases and the case's codes, and
hands them over as frozen data, so every rule can be tested by building these by
hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from privacybot.cases.identity import OtpState
from privacybot.cases.threading import RecentCase, ThreadDecision
from privacybot.domain import CaseStatus, Language
from privacybot.triage.pipeline import TriageResult


@dataclass(frozen=True)
class Limits:
    """The thresholds rules compare against: settings, never literals in a rule."""

    #: Below this the classifier answers "other" with its candidates: staff triage.
    min_confidence: float = 0.5
    #: Below this a case opens all the same, flagged for staff to check the reading.
    review_confidence: float = 0.8
    max_new_cases_per_address: int = 5
    repeat_window: timedelta = timedelta(hours=24)
    trusted_authserv_id: str | None = None


@dataclass(frozen=True)
class CaseFacts:
    """A case as the rules see it: the one a message threads onto, or its closed parent."""

    id: int
    reference: str
    status: CaseStatus
    rights: frozenset[str]
    company: str | None
    language: Language
    verified: bool
    requester: str
    #: A staff member refused the whole request (R11): no answer is drafted any more.
    refused: bool = False
    #: The cleaned text of the message that opened the case (which answers it needs).
    opening_text: str = ""
    #: Kinds of letters drafted for it so far (not rejected or withdrawn).
    drafted_kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CodeFacts:
    """The case's stored codes (newest first) and the wrong attempts counted so far (R13)."""

    codes: tuple[OtpState, ...]
    wrong_for_case: int
    wrong_for_address: int


@dataclass(frozen=True)
class BouncedDraft:
    """One of our letters that a delivery status notification names (R17)."""

    id: int
    case_id: int | None
    message_id: str


@dataclass(frozen=True)
class Facts:
    result: TriageResult
    thread: ThreadDecision
    now: datetime
    #: HMAC key to check codes with; only ever passed to identity.check_code.
    key: bytes = field(repr=False)
    limits: Limits = field(default_factory=Limits)
    case: CaseFacts | None = None
    codes: CodeFacts | None = None
    recent: tuple[RecentCase, ...] = ()
    bounced: BouncedDraft | None = None
    #: The sender's latest case of the past year (any status): what "my request" in a
    #: complaint that names no reference and no company is about.
    earlier: RecentCase | None = None

    @property
    def sender(self) -> str:
        return (self.result.parsed.sender or "").strip().lower()
