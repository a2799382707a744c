"""What the decision stage returns: one Verdict per message, for the writer to carry out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from privacybot.domain import Label, Language
from privacybot.replies.kinds import ReplyKind


class Action(StrEnum):
    OPEN = "open"  # a new case (linked to a closed one when R23 applies)
    ATTACH = "attach"  # onto an existing case; may verify it
    NO_CASE_REPLY = "no_case_reply"  # a question, or a foreign-language note: a draft, no case
    STAFF = "staff"  # the staff triage queue; nothing is sent
    AUTOMATIC = "automatic"  # automatic mail: never answered (R16), waits for staff (R17)
    BOUNCE = "bounce"  # a delivery report on one of our letters (R17)
    PARK = "park"  # no triage for this message; staff retry or dismiss it


class CodeUse(StrEnum):
    """Whether a planned reply carries a verification code, and which."""

    NONE = "none"
    NEW = "new"


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired, with the one-line reason it gives (kept with the message)."""

    rule: str
    reason: str

    def as_json(self) -> dict[str, str]:
        return {"rule": self.rule, "reason": self.reason}


@dataclass(frozen=True)
class PlannedReply:
    """A draft to make: its kind, whether it may go out without staff, and extras."""

    kind: ReplyKind
    automatic: bool = False
    code: CodeUse = CodeUse.NONE
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    language: Language | None = None


@dataclass(frozen=True)
class Verdict:
    action: Action
    hits: tuple[RuleHit, ...]
    replies: tuple[PlannedReply, ...] = ()
    #: Reasons a person must look at the case (case.needs_staff).
    staff_flags: tuple[str, ...] = ()
    #: Why the message itself waits in the staff triage queue.
    queue_reason: str | None = None
    #: For OPEN: what the case asks and in which language it is answered.
    rights: tuple[Label, ...] = ()
    language: Language = Language.NL
    company: str | None = None
    #: OPEN under R9: processing is reduced at once, no code is asked.
    accept_unverified: bool = False
    #: ATTACH/BOUNCE/OPEN-as-child: the case concerned (or the closed parent, R23).
    case_id: int | None = None
    parent_case_id: int | None = None
    #: ATTACH: the code attempts to record (True = right), and whether it verified.
    code_attempts: tuple[bool, ...] = ()
    verifies: bool = False
    #: BOUNCE: our draft that bounced.
    bounced_draft_id: int | None = None
    #: STAFF: staff are alerted by mail at once (the regulator, a reported breach).
    urgent: bool = False
    #: OPEN: rights that take effect at receipt while the rest waits for the code (R9).
    reduce_now: tuple[Label, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(hit.rule for hit in self.hits)

    def as_json(self) -> dict[str, Any]:
        """What is kept with the inbound message and shown to staff."""
        return {
            "action": self.action.value,
            "hits": [hit.as_json() for hit in self.hits],
            "replies": [reply.kind.value for reply in self.replies],
            "staff_flags": list(self.staff_flags),
            "queue_reason": self.queue_reason,
            "urgent": self.urgent,
        }
