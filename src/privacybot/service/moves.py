"""Moving a case, draft or inbound message through its state table, with its audit event.

The only place that assigns ``.status`` / ``.state``: every other writer calls these.
A case move also applies what the table says about the case's waiting drafts and its
verification timers, in the same transaction, so no draft is left contradicting its
case.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage
from privacybot.domain import CaseStatus, DraftStatus, InboundState
from privacybot.states import (
    CASE,
    DRAFT,
    INBOUND,
    OPEN_DRAFT_STATES,
    CaseEvent,
    DraftEffect,
    DraftEvent,
    InboundEvent,
    Move,
    TimerEffect,
)

#: The audit action each case event writes (the trail reads as what happened).
CASE_ACTIONS: dict[CaseEvent, str] = {
    CaseEvent.VERIFY: "verified",
    CaseEvent.ACCEPT_UNVERIFIED: "processing_reduced",
    CaseEvent.ANSWER: "answered",
    CaseEvent.EXTEND: "extended",
    CaseEvent.REFUSE: "refused",
    CaseEvent.REFUSE_PART: "refused_in_part",
    CaseEvent.CLOSE: "closed",
    CaseEvent.CLOSE_UNVERIFIED: "closed_unverified",
    CaseEvent.REOPEN: "reopened",
    CaseEvent.MESSAGE: "message_added",
    CaseEvent.BOUNCE: "delivery_failed",
}

DRAFT_ACTIONS: dict[DraftEvent, str] = {
    DraftEvent.EDIT: "draft_edited",
    DraftEvent.ATTACH: "draft_attachment_added",
    DraftEvent.APPROVE: "draft_approved",
    DraftEvent.REJECT: "draft_rejected",
    DraftEvent.WITHDRAW: "draft_withdrawn",
    DraftEvent.SEND: "draft_sent",
    DraftEvent.FAIL: "draft_failed",
    DraftEvent.BOUNCE: "draft_bounced",
    DraftEvent.REQUEUE: "draft_requeued",
    DraftEvent.CANCEL: "draft_cancelled",
}

INBOUND_ACTIONS: dict[InboundEvent, str] = {
    InboundEvent.TRIAGE: "message_triaged",
    InboundEvent.TO_STAFF: "message_to_staff",
    InboundEvent.PARK: "message_parked",
    InboundEvent.ASSIGN: "message_assigned",
    InboundEvent.DISMISS: "message_dismissed",
    InboundEvent.RETRY: "message_retried",
}

#: Kinds that answer the request itself; a full refusal withdraws those still waiting.
ANSWER_KINDS = frozenset(
    {
        "answer_access",
        "answer_rectification",
        "answer_erasure",
        "answer_restriction",
        "answer_portability",
        "answer_objection",
        "answer_objection_marketing",
        "answer_withdraw_consent",
    }
)


def move_draft(
    session: Session,
    draft: Draft,
    event: DraftEvent,
    *,
    actor: str,
    now: datetime,
    case: Case | None = None,
    audit: bool = True,
    **detail: Any,
) -> Move[DraftStatus]:
    """One draft move; raises IllegalTransition when the table has no such move."""
    move = DRAFT.step(DraftStatus(draft.status), event)
    before = draft.status
    draft.status = move.to
    draft.updated = now
    session.add(draft)
    if audit:
        repo.audit(
            session,
            actor=actor,
            action=DRAFT_ACTIONS[event],
            at=now,
            case=case,
            draft=draft.id,
            kind=draft.kind,
            before=str(before),
            after=move.to.value,
            **detail,
        )
    return move


def _open_drafts(session: Session, case: Case) -> list[Draft]:
    return list(
        session.exec(
            select(Draft)
            .where(
                Draft.case_id == case.id,
                col(Draft.status).in_([s.value for s in OPEN_DRAFT_STATES]),
            )
            .order_by(col(Draft.id))
        ).all()
    )


def move_case(
    session: Session,
    case: Case,
    event: CaseEvent,
    *,
    actor: str,
    now: datetime,
    move: Move[CaseStatus] | None = None,
    **detail: Any,
) -> Move[CaseStatus]:
    """One case move, its effect on waiting drafts and timers, and one audit event."""
    move = move or CASE.step(CaseStatus(case.status), event)
    before = case.status
    case.status = move.to
    case.updated = now
    if move.to == CaseStatus.CLOSED and before != CaseStatus.CLOSED:
        case.closed_at = now
        case.closed_reason = str(detail.get("reason") or event.value)[:64]
    if before == CaseStatus.CLOSED and move.to != CaseStatus.CLOSED:
        case.closed_at = None
        case.closed_reason = None
    session.add(case)
    repo.audit(
        session,
        actor=actor,
        action=CASE_ACTIONS[event],
        at=now,
        case=case,
        before=str(before),
        after=move.to.value,
        **detail,
    )
    if move.drafts != DraftEffect.KEEP:
        for draft in _open_drafts(session, case):
            if move.drafts == DraftEffect.WITHDRAW_ANSWERS and draft.kind not in ANSWER_KINDS:
                continue
            move_draft(
                session,
                draft,
                DraftEvent.WITHDRAW,
                actor=actor,
                now=now,
                case=case,
                because=event.value,
            )
    if move.timers == TimerEffect.STOP:
        from privacybot.service.codes import delete_codes

        delete_codes(session, case)
    return move


def move_inbound(
    session: Session,
    row: InboundMessage,
    event: InboundEvent,
    *,
    actor: str,
    now: datetime,
    case: Case | None = None,
    audit: bool = True,
    **detail: Any,
) -> None:
    move = INBOUND.step(InboundState(row.state), event)
    before = row.state
    row.state = move.to
    session.add(row)
    if audit:
        repo.audit(
            session,
            actor=actor,
            action=INBOUND_ACTIONS[event],
            at=now,
            case=case,
            inbound=row.id,
            before=str(before),
            after=move.to.value,
            **detail,
        )
