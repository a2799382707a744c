"""The tables of states: every transition walked through the writer, and what may not happen.

For each (state, event) of the case table, a real case with waiting drafts is put in
that state, moved, and checked: the audit trail has the move, and no draft contradicts
its case afterwards (nothing waits for approval on a closed case; no answer waits
beside a whole refusal). Moves not in a table are refused with one line.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db.models import AuditEvent, Case, Draft, InboundMessage
from privacybot.db.session import transaction
from privacybot.domain import CaseStatus, DraftStatus, InboundState
from privacybot.service import moves
from privacybot.states import (
    CASE,
    DRAFT,
    INBOUND,
    OUTBOX,
    CaseEvent,
    DraftEffect,
    DraftEvent,
    IllegalTransition,
    InboundEvent,
    OutboxEvent,
    OutboxStatus,
)

NOW = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)


def _case(session: Session, status: CaseStatus, seq: int) -> Case:
    case = Case(
        reference=f"PRV-2026-{seq:05d}",
        year=2026,
        seq=seq,
        status=status,
        rights=["access", "erasure"],
        received=NOW,
        receipt_date=date(2026, 6, 2),
        due=date(2026, 6, 30),
        effective_due=date(2026, 6, 30),
        gdpr_due=date(2026, 7, 2),
        verified=status != CaseStatus.AWAITING_VERIFICATION,
        created=NOW,
        updated=NOW,
    )
    session.add(case)
    session.flush()
    for n, kind in enumerate(("answer_access", "answer_erasure", "extension_notice")):
        session.add(
            Draft(
                case_id=case.id,
                kind=kind,
                language="nl",
                # A closed case got there by a move that withdrew what was waiting.
                status=DraftStatus.WITHDRAWN
                if status == CaseStatus.CLOSED
                else DraftStatus.AWAITING_APPROVAL,
                to_address="anna@example.nl",
                subject="x",
                body="x",
                message_id=f"<m{seq}.{n}@conxillium.nl>",
                created=NOW,
                updated=NOW,
            )
        )
    session.flush()
    return case


def _contradictions(session: Session, case: Case) -> list[str]:
    waiting = session.exec(
        select(Draft).where(Draft.case_id == case.id, Draft.status == DraftStatus.AWAITING_APPROVAL)
    ).all()
    found = []
    if case.status == CaseStatus.CLOSED and waiting:
        found.append(f"closed case with {len(waiting)} drafts awaiting approval")
    if case.refusal_ground and not case.refusal_partial:
        answers = [d for d in waiting if d.kind in moves.ANSWER_KINDS]
        if answers:
            found.append("an answer waits beside a whole refusal")
    return found


@pytest.mark.parametrize(("state", "event"), sorted(CASE.events()))
def test_every_case_transition_leaves_no_draft_contradicting_its_case(
    engine: Engine, state: CaseStatus, event: CaseEvent
) -> None:
    with transaction(engine) as s:
        case = _case(s, state, 1)
        if event == CaseEvent.REFUSE:
            case.refusal_ground = "excessive"
        move = moves.move_case(s, case, event, actor="olga@conxillium.nl", now=NOW)
        assert case.status == move.to
        assert _contradictions(s, case) == []
        trail = s.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all()
        assert [e.action for e in trail][0] == moves.CASE_ACTIONS[event]
        assert trail[0].detail["before"] == state.value and trail[0].actor == "olga@conxillium.nl"
        withdrawn = s.exec(
            select(Draft).where(Draft.case_id == case.id, Draft.status == DraftStatus.WITHDRAWN)
        ).all()
        expected = {
            DraftEffect.KEEP: 0,
            DraftEffect.WITHDRAW_ANSWERS: 2,
            DraftEffect.WITHDRAW_ALL: 3,
        }
        already = 3 if state == CaseStatus.CLOSED else 0
        assert len(withdrawn) == already + expected[move.drafts]


def test_case_moves_not_in_the_table_are_refused_in_one_line() -> None:
    missing = [(s, e) for s in CaseStatus for e in CaseEvent if (s, e) not in CASE.events()]
    assert (CaseStatus.CLOSED, CaseEvent.EXTEND) in missing
    for state, event in missing:
        with pytest.raises(IllegalTransition) as refused:
            CASE.step(state, event)
        assert "\n" not in str(refused.value) and state.value in str(refused.value)


@pytest.mark.parametrize(("state", "event"), sorted(DRAFT.events()))
def test_every_draft_transition_is_recorded(
    engine: Engine, state: DraftStatus, event: DraftEvent
) -> None:
    with transaction(engine) as s:
        case = _case(s, CaseStatus.OPEN, 2)
        draft = s.exec(select(Draft).where(Draft.case_id == case.id)).first()
        assert draft is not None
        draft.status = state
        moves.move_draft(s, draft, event, actor="bram@conxillium.nl", now=NOW, case=case)
        assert draft.status == DRAFT.step(state, event).to
        [event_row] = s.exec(
            select(AuditEvent).where(AuditEvent.action == moves.DRAFT_ACTIONS[event])
        ).all()
        assert event_row.detail["draft"] == draft.id


def test_a_sent_or_rejected_draft_can_be_neither_edited_nor_approved() -> None:
    for state in (DraftStatus.SENT, DraftStatus.REJECTED, DraftStatus.WITHDRAWN):
        for event in (DraftEvent.EDIT, DraftEvent.APPROVE):
            with pytest.raises(IllegalTransition, match=f"draft that is {state.value}"):
                DRAFT.step(state, event)


@pytest.mark.parametrize(("state", "event"), sorted(INBOUND.events()))
def test_every_inbound_transition_is_recorded(
    engine: Engine, state: InboundState, event: InboundEvent
) -> None:
    with transaction(engine) as s:
        row = InboundMessage(
            channel="email", source="test", channel_key=f"k-{state}-{event}", raw=b"x",
            received=NOW, stored_at=NOW, state=state,
        )  # fmt: skip
        s.add(row)
        s.flush()
        moves.move_inbound(s, row, event, actor="olga@conxillium.nl", now=NOW)
        assert row.state == INBOUND.step(state, event).to
        [trail] = s.exec(
            select(AuditEvent).where(AuditEvent.action == moves.INBOUND_ACTIONS[event])
        ).all()
        assert trail.detail["inbound"] == row.id


def test_outbox_table_lets_a_late_250_win_and_nothing_else_leave_sent() -> None:
    for state in OutboxStatus:
        if state != OutboxStatus.SENT:
            assert OUTBOX.step(state, OutboxEvent.SENT).to == OutboxStatus.SENT
    for event in OutboxEvent:
        if event != OutboxEvent.SENT:
            with pytest.raises(IllegalTransition):
                OUTBOX.step(OutboxStatus.SENT, event)
