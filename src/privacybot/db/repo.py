"""The queries: every read and write of the tables goes through here.

Functions take an open Session (the caller owns the transaction, see
`db.session.transaction`) so that a case change and its audit event always commit
together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from privacybot.cases.threading import RecentCase
from privacybot.db.models import AuditEvent, Case, CaseSequence, Draft, InboundMessage, Requester


def next_case_number(session: Session, year: int) -> int:
    """Take the next sequence number of `year` inside the caller's transaction.

    The row update holds a row lock (PostgreSQL) or the write lock (SQLite) until the
    caller commits, so concurrent writers queue up; a rollback gives the number back,
    so references have neither gaps nor duplicates (R21).
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(CaseSequence).values(year=year, last_seq=0).on_conflict_do_nothing())
    table = CaseSequence.__table__  # type: ignore[attr-defined]
    result = session.execute(
        update(table)
        .where(table.c.year == year)
        .values(last_seq=table.c.last_seq + 1)
        .returning(table.c.last_seq)
    )
    return int(result.scalar_one())


def audit(
    session: Session,
    *,
    actor: str,
    action: str,
    at: datetime,
    case: Case | None = None,
    **detail: Any,
) -> AuditEvent:
    """Append an audit event to the caller's transaction (R25: no bodies, codes, addresses)."""
    event = AuditEvent(
        case_id=case.id if case else None,
        case_reference=case.reference if case else None,
        actor=actor,
        action=action,
        detail=detail,
        at=at,
    )
    session.add(event)
    return event


def list_cases(session: Session) -> Sequence[Case]:
    return session.exec(select(Case).order_by(Case.received, Case.id)).all()  # type: ignore[arg-type]


def case_by_reference(session: Session, reference: str) -> Case | None:
    return session.exec(select(Case).where(Case.reference == reference.upper())).first()


def events_for(session: Session, case: Case) -> Sequence[AuditEvent]:
    return session.exec(
        select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)  # type: ignore[arg-type]
    ).all()


def requester_of(session: Session, case: Case) -> Requester | None:
    return session.get(Requester, case.requester_id) if case.requester_id else None


def count_cases(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Case)).one())


def list_drafts(session: Session) -> Sequence[Draft]:
    return session.exec(select(Draft).order_by(Draft.id)).all()  # type: ignore[arg-type]


def first_event_at(session: Session, case: Case, action: str) -> datetime | None:
    """When `action` first happened to `case`: the audit log outlives the rows it describes."""
    return session.exec(
        select(func.min(AuditEvent.at)).where(
            AuditEvent.case_id == case.id, AuditEvent.action == action
        )
    ).one()


def recent_cases_of(session: Session, requester: Requester, since: datetime) -> list[RecentCase]:
    """Cases this requester opened since ``since``, each with the text that opened it."""
    cases = session.exec(
        select(Case).where(Case.requester_id == requester.id, Case.created > since)
    ).all()
    if not cases:
        return []
    first_ids = (
        select(func.min(InboundMessage.id))
        .where(InboundMessage.case_id.in_([c.id for c in cases]))  # type: ignore[union-attr]
        .group_by(col(InboundMessage.case_id))
    )
    texts = dict(
        session.exec(
            select(InboundMessage.case_id, InboundMessage.cleaned).where(
                InboundMessage.id.in_(first_ids)  # type: ignore[union-attr]
            )
        ).all()
    )
    return [
        RecentCase(
            id=case.id or 0,
            reference=case.reference,
            rights=frozenset(case.rights),
            company=case.company,
            text=texts.get(case.id) or "",
            opened=case.created,
            closed=case.status == "closed",
        )
        for case in cases
    ]
