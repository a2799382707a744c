"""The life of every tracked thing, as tables: (state, event) -> next state, and effects.

Cases, drafts, inbound messages and outbox items each move only through their own
table here. A move that is not in a table is refused with one line that says what
was tried and what the thing is now, so a staff action that makes no sense ("approve
a sent draft", "extend a closed case") can never half-happen. The writer
(``privacybot.service``) asks :func:`step` for the next state and records every move
as an audit event; nothing else assigns a status.

The case table also says what a move does to the case's drafts that still wait for
approval, and to its timers, so no draft is ever left contradicting its case: a
closed case has no letter waiting to be approved, a refused request has no answer
waiting beside the refusal.

Pure: enums and frozen tables, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, TypeVar

from privacybot.domain import CaseStatus, DraftStatus, InboundState


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class CaseEvent(StrEnum):
    VERIFY = "verify"  # the requester proved their address (R13/R14)
    ACCEPT_UNVERIFIED = "accept_unverified"  # R9: only reduces processing, no code needed
    ANSWER = "answer"  # the last settling letter went out
    EXTEND = "extend"  # R5, staff
    REFUSE = "refuse"  # R11, staff: the whole request is refused
    REFUSE_PART = "refuse_part"  # R11, staff: part of it is refused, the rest answered
    CLOSE = "close"  # staff
    CLOSE_UNVERIFIED = "close_unverified"  # R7 timer
    REOPEN = "reopen"  # staff, with a reason
    MESSAGE = "message"  # the requester wrote again (R22: dates do not move)
    BOUNCE = "bounce"  # one of our letters bounced (R17)


class DraftEvent(StrEnum):
    EDIT = "edit"
    ATTACH = "attach"
    APPROVE = "approve"  # staff, or the bot for automatic kinds; it is queued at once
    REJECT = "reject"
    WITHDRAW = "withdraw"  # the case moved on (closed, refused): nobody may send it now
    SEND = "send"  # the relay took it
    FAIL = "fail"  # the relay refused it, or it could not be delivered
    BOUNCE = "bounce"  # sent, then a DSN came back (R17)
    REQUEUE = "requeue"  # staff try a failed one again
    CANCEL = "cancel"  # staff give up on a failed one


class InboundEvent(StrEnum):
    TRIAGE = "triage"  # decided and applied
    TO_STAFF = "to_staff"  # decided: a person must look (staff triage queue)
    PARK = "park"  # triage failed repeatedly, or the channel has no triage yet
    ASSIGN = "assign"  # staff put it on a case
    DISMISS = "dismiss"  # staff decided nothing needs doing
    RETRY = "retry"  # staff send a parked message through triage again


class OutboxEvent(StrEnum):
    CLAIM = "claim"
    SENT = "sent"
    RETRY = "retry"
    FAIL = "fail"
    REQUEUE = "requeue"
    CANCEL = "cancel"


class DraftEffect(StrEnum):
    """What a case move does to its drafts that still wait for approval."""

    KEEP = "keep"
    WITHDRAW_ALL = "withdraw_all"
    WITHDRAW_ANSWERS = "withdraw_answers"  # settling answers go; notices and refusals stay


class TimerEffect(StrEnum):
    """What a case move does to its verification timers (R7)."""

    KEEP = "keep"
    STOP = "stop"  # no more reminders or closure: verified, closed
    RESTART = "restart"  # reopened while unverified


S = TypeVar("S", bound=StrEnum)
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Move(Generic[S]):
    to: S
    drafts: DraftEffect = DraftEffect.KEEP
    timers: TimerEffect = TimerEffect.KEEP


class IllegalTransition(ValueError):
    """A move that is not in the table; the message is one line for staff or the log."""


@dataclass(frozen=True)
class Table(Generic[S, E]):
    name: str
    moves: Mapping[tuple[S, E], Move[S]]

    def step(self, state: S, event: E) -> Move[S]:
        move = self.moves.get((state, event))
        if move is None:
            allowed = sorted({e.value for (s, e) in self.moves if s == state})
            raise IllegalTransition(
                f"a {self.name} that is {state.value} cannot {event.value}"
                + (f" (it can: {', '.join(allowed)})" if allowed else " (it is final)")
            )
        return move

    def events(self) -> set[tuple[S, E]]:
        return set(self.moves)


def _table(name: str, rows: dict[tuple[S, E], Move[S]]) -> Table[S, E]:
    return Table(name, MappingProxyType(rows))


C, CE = CaseStatus, CaseEvent
_NOT_CLOSED = (C.AWAITING_VERIFICATION, C.OPEN, C.ANSWERED)

CASE: Table[CaseStatus, CaseEvent] = _table(
    "case",
    {
        (C.AWAITING_VERIFICATION, CE.VERIFY): Move(C.OPEN, timers=TimerEffect.STOP),
        (C.AWAITING_VERIFICATION, CE.ACCEPT_UNVERIFIED): Move(C.OPEN, timers=TimerEffect.STOP),
        (C.OPEN, CE.VERIFY): Move(C.OPEN),
        (C.OPEN, CE.ANSWER): Move(C.ANSWERED),
        (C.ANSWERED, CE.ANSWER): Move(C.ANSWERED),
        (C.AWAITING_VERIFICATION, CE.EXTEND): Move(C.AWAITING_VERIFICATION),
        (C.OPEN, CE.EXTEND): Move(C.OPEN),
        (C.AWAITING_VERIFICATION, CE.REFUSE): Move(
            C.OPEN, drafts=DraftEffect.WITHDRAW_ANSWERS, timers=TimerEffect.STOP
        ),
        (C.OPEN, CE.REFUSE): Move(C.OPEN, drafts=DraftEffect.WITHDRAW_ANSWERS),
        (C.OPEN, CE.REFUSE_PART): Move(C.OPEN),
        (C.AWAITING_VERIFICATION, CE.CLOSE_UNVERIFIED): Move(
            C.CLOSED, drafts=DraftEffect.WITHDRAW_ALL, timers=TimerEffect.STOP
        ),
        **{
            (state, CE.CLOSE): Move(
                C.CLOSED, drafts=DraftEffect.WITHDRAW_ALL, timers=TimerEffect.STOP
            )
            for state in _NOT_CLOSED
        },
        (C.CLOSED, CE.REOPEN): Move(C.OPEN),
        (C.ANSWERED, CE.REOPEN): Move(C.OPEN),
        **{(state, CE.MESSAGE): Move(state) for state in _NOT_CLOSED},
        **{(state, CE.BOUNCE): Move(state) for state in (*_NOT_CLOSED, C.CLOSED)},
    },
)

#: A case reopened while its requester never verified waits for the code again.
REOPEN_UNVERIFIED = Move(C.AWAITING_VERIFICATION, timers=TimerEffect.RESTART)

D, DE = DraftStatus, DraftEvent
DRAFT: Table[DraftStatus, DraftEvent] = _table(
    "draft",
    {
        (D.AWAITING_APPROVAL, DE.EDIT): Move(D.AWAITING_APPROVAL),
        (D.AWAITING_APPROVAL, DE.ATTACH): Move(D.AWAITING_APPROVAL),
        (D.AWAITING_APPROVAL, DE.APPROVE): Move(D.QUEUED),
        (D.AWAITING_APPROVAL, DE.REJECT): Move(D.REJECTED),
        (D.AWAITING_APPROVAL, DE.WITHDRAW): Move(D.WITHDRAWN),
        (D.QUEUED, DE.SEND): Move(D.SENT),
        (D.QUEUED, DE.FAIL): Move(D.FAILED),
        (D.FAILED, DE.SEND): Move(D.SENT),  # the relay said 250 after all (in doubt)
        (D.SENT, DE.BOUNCE): Move(D.FAILED),
        (D.FAILED, DE.BOUNCE): Move(D.FAILED),
        (D.FAILED, DE.REQUEUE): Move(D.QUEUED),
        (D.FAILED, DE.CANCEL): Move(D.WITHDRAWN),
    },
)

IS, IE = InboundState, InboundEvent
INBOUND: Table[InboundState, InboundEvent] = _table(
    "message",
    {
        (IS.STORED, IE.TRIAGE): Move(IS.TRIAGED),
        (IS.STORED, IE.TO_STAFF): Move(IS.NEEDS_STAFF),
        (IS.STORED, IE.PARK): Move(IS.PARKED),
        (IS.NEEDS_STAFF, IE.ASSIGN): Move(IS.TRIAGED),
        (IS.NEEDS_STAFF, IE.DISMISS): Move(IS.DISMISSED),
        (IS.PARKED, IE.ASSIGN): Move(IS.TRIAGED),
        (IS.PARKED, IE.DISMISS): Move(IS.DISMISSED),
        (IS.PARKED, IE.RETRY): Move(IS.STORED),
    },
)

OS, OE = OutboxStatus, OutboxEvent
OUTBOX: Table[OutboxStatus, OutboxEvent] = _table(
    "outbox item",
    {
        (OS.PENDING, OE.CLAIM): Move(OS.SENDING),
        (OS.SENDING, OE.SENT): Move(OS.SENT),
        # A late 250 is the truth, whatever recovery or staff decided meanwhile.
        (OS.FAILED, OE.SENT): Move(OS.SENT),
        (OS.PENDING, OE.SENT): Move(OS.SENT),
        (OS.CANCELLED, OE.SENT): Move(OS.SENT),
        (OS.SENDING, OE.RETRY): Move(OS.PENDING),
        (OS.SENDING, OE.FAIL): Move(OS.FAILED),
        (OS.FAILED, OE.REQUEUE): Move(OS.PENDING),
        (OS.FAILED, OE.CANCEL): Move(OS.CANCELLED),
    },
)

#: Draft states that still wait for a person, and those that are settled for good.
OPEN_DRAFT_STATES: frozenset[DraftStatus] = frozenset({D.AWAITING_APPROVAL})
FINAL_DRAFT_STATES: frozenset[DraftStatus] = frozenset({D.SENT, D.REJECTED, D.WITHDRAWN})
