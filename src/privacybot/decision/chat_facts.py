"""What the chat chains read and return: frozen snapshots, loaded by the writer beforehand.

As ``decision.facts`` for mail: nothing here holds a session, so every chat rule can
be tested by building these by hand. The conversation is a snapshot of its row in
``telegram_chat``; the verdict says what to say, what the conversation becomes and
which one effect the writer carries out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from privacybot.decision.facts import CodeFacts
from privacybot.decision.verdict import RuleHit
from privacybot.domain import Language
from privacybot.replies.chat import ChatText
from privacybot.triage.chat import ChatReading, ChatUpdate


class ChatState(StrEnum):
    """Where a conversation stands; each state has its own chain."""

    IDLE = "idle"
    CHOOSE_RIGHT = "choose_right"
    CHOOSE_COMPANY = "choose_company"
    ASK_ADDRESS = "ask_address"
    CONFIRM_ADDRESS = "confirm_address"
    AWAITING_CODE = "awaiting_code"
    STOPPED = "stopped"


class ChatEffect(StrEnum):
    """The one thing beyond replies and the conversation row that the writer does."""

    NONE = "none"
    START_VERIFICATION = "start_verification"  # open (or reuse) the case, mail a code
    NEW_CODE = "new_code"  # another code for the pending case (asked for)
    RENEW_CODE = "renew_code"  # the code lapsed: a fresh one
    VERIFY = "verify"  # the right code: verify or link the case
    WRONG_CODE = "wrong_code"  # record the attempts (and the lock)
    OPEN_REDUCED = "open_reduced"  # R9: open, effective at once, no code
    LEAVE = "leave"  # a group added the bot: leave it
    MARK_BLOCKED = "mark_blocked"
    MARK_UNBLOCKED = "mark_unblocked"
    STAFF_NOT_LINKED = "staff_not_linked"
    STAFF_APPROVE = "staff_approve"
    STAFF_REJECT_ASK = "staff_reject_ask"
    STAFF_REJECT = "staff_reject"
    STAFF_CANCEL = "staff_cancel"


@dataclass(frozen=True)
class ChatLimits:
    """Per-chat limits (settings could override them; today they are the desk's choice)."""

    #: Updates from one chat per minute before it is asked to slow down, then ignored.
    messages_per_minute: int = 10
    #: Different e-mail addresses one chat may have codes sent to in 24 hours.
    addresses_per_day: int = 3
    #: Text longer than this gets the too-long note (Telegram itself allows 4096).
    max_text: int = 3000
    #: How long a Reject press waits for the staff member's reason.
    reject_reason_window: timedelta = timedelta(minutes=15)
    #: New cases per address in 24 hours (the mail limit, PRIVACYBOT_MAX_NEW_CASES_PER_ADDRESS).
    max_new_cases_per_address: int = 5


@dataclass(frozen=True)
class Conversation:
    """The chat's row as the rules see it (a fresh chat has ``known`` False)."""

    state: ChatState = ChatState.IDLE
    language: Language = Language.NL
    rights: frozenset[str] = frozenset()
    company: str | None = None
    company_settled: bool = False
    address: str | None = None
    #: Updates counted in the current one-minute window, this one included.
    window_count: int = 1
    window_noted: bool = False
    stopped: bool = False
    known: bool = False


@dataclass(frozen=True)
class CaseView:
    """A case as a chat may hear of it: reference, status, rights, company, due date."""

    reference: str
    status: str
    rights: tuple[str, ...]
    company: str | None
    due_date: date

    def as_context(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "status": self.status,
            "rights": self.rights,
            "company": self.company,
            "due_date": self.due_date,
        }


@dataclass(frozen=True)
class AddressFacts:
    """About the address the chat named, loaded while it confirms it."""

    #: Cases opened for this address in the last 24 hours (the new-case cap).
    new_cases_today: int = 0
    #: Its cases still waiting or open, which a repeated request joins.
    open_cases: tuple[CaseView, ...] = ()


@dataclass(frozen=True)
class StaffFacts:
    """Who pressed or wrote in the staff group, as the staff link table knows them."""

    member: str | None = None
    #: The draft this member pressed Reject on, while its reason is awaited.
    pending_reject: int | None = None


@dataclass(frozen=True)
class ChatFacts:
    update: ChatUpdate
    reading: ChatReading | None
    conversation: Conversation
    now: datetime
    #: HMAC key to check codes with; only passed to identity.judge_code_reply.
    key: bytes = field(repr=False)
    limits: ChatLimits = field(default_factory=ChatLimits)
    staff_chat: int | None = None
    #: The codes mailed for this chat's pending case, and the wrong attempts so far (R13).
    codes: CodeFacts | None = None
    #: Cases this chat verified: what /status lists.
    linked: tuple[CaseView, ...] = ()
    address: AddressFacts | None = None
    staff: StaffFacts | None = None
    #: The addresses this chat had codes sent to in the last 24 hours.
    addresses_today: frozenset[str] = frozenset()
    #: The cleaned text of the message that made the pending request.
    request_text: str = ""
    #: The privacy statement's sections (Dutch heading -> text), for questions.
    policy: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Where citizens send documents and long texts: the desk's own address.
    desk_address: str = "privacy@conxillium.nl"


@dataclass(frozen=True)
class Button:
    """An inline button: a label key of templates/chat/buttons.toml (or a literal label)."""

    data: str
    key: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class ChatReply:
    """A text to send; ``as_answer`` answers the pressed button instead of a new message."""

    text: ChatText
    context: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    buttons: tuple[tuple[Button, ...], ...] = ()
    as_answer: bool = False
    #: The language to use when it is not the conversation's (the foreign-language note).
    language: Language | None = None


@dataclass(frozen=True)
class ChatVerdict:
    hits: tuple[RuleHit, ...]
    replies: tuple[ChatReply, ...] = ()
    effect: ChatEffect = ChatEffect.NONE
    #: The conversation afterwards (None: as it was).
    state: ChatState | None = None
    language: Language = Language.NL
    rights: frozenset[str] | None = None
    company: str | None = None
    company_settled: bool | None = None
    address: str | None = None
    clear_request: bool = False
    #: START_VERIFICATION: the open case of the address this request joins (R22-like).
    existing_reference: str | None = None
    #: VERIFY / WRONG_CODE: the attempts to record, and whether they used the last one.
    code_attempts: tuple[bool, ...] = ()
    locked_now: bool = False
    #: The staff decisions: the draft, the version pressed, the reason typed.
    draft_id: int | None = None
    text_hash: str | None = None
    reason: str | None = None

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(hit.rule for hit in self.hits)

    def as_json(self) -> dict[str, Any]:
        """Kept with the inbound row, for staff (no text, no address, no code)."""
        return {
            "action": self.effect.value,
            "hits": [hit.as_json() for hit in self.hits],
            "replies": [reply.text.value for reply in self.replies],
            "state": self.state.value if self.state else None,
        }
