"""The queries: every read and write of the tables goes through here.

Functions take an open Session (the caller owns the transaction, see
`db.session.transaction`) so that a case change and its audit event always commit
together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, cast, func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from privacybot.cases.threading import RecentCase
from privacybot.db.models import (
    AuditEvent,
    Case,
    CaseSequence,
    Draft,
    InboundMessage,
    OutboxItem,
    Requester,
)
from privacybot.domain import CaseStatus


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


#: The most rows one list call returns; callers page with ``offset``.
MAX_PAGE = 500


@dataclass(frozen=True)
class CaseFilter:
    """What staff narrow the work queue by; every field optional (None: no filter)."""

    status: str | None = None
    right: str | None = None
    company: str | None = None
    channel: str | None = None
    #: Open cases whose (extended) due date is on or before this day.
    due_by: date | None = None
    #: Open cases whose (extended) due date lies before this day.
    overdue_on: date | None = None
    needs_staff: bool | None = None


def effective_due() -> Any:
    """The due date that counts: the extended one when staff extended the case (R5)."""
    return col(Case.effective_due)


_UNSETTLED = (CaseStatus.AWAITING_VERIFICATION, CaseStatus.OPEN)


def _case_conditions(flt: CaseFilter) -> list[Any]:
    conditions: list[Any] = []
    if flt.status:
        conditions.append(Case.status == flt.status)
    if flt.right:
        # JSON list stored as text on SQLite and json on PostgreSQL: match the quoted label.
        conditions.append(cast(col(Case.rights), String).like(f'%"{flt.right}"%'))
    if flt.company:
        conditions.append(Case.company == flt.company)
    if flt.channel:
        conditions.append(Case.channel == flt.channel)
    if flt.due_by is not None:
        conditions += [col(Case.status).in_(_UNSETTLED), effective_due() <= flt.due_by]
    if flt.overdue_on is not None:
        conditions += [col(Case.status).in_(_UNSETTLED), effective_due() < flt.overdue_on]
    if flt.needs_staff is not None:
        conditions.append(Case.needs_staff == flt.needs_staff)
    return conditions


def list_cases(
    session: Session,
    flt: CaseFilter | None = None,
    *,
    limit: int = MAX_PAGE,
    offset: int = 0,
    order: str = "received",
) -> list[tuple[Case, Requester | None]]:
    """One page of cases with their requesters, in one query (no query per row).

    ``order``: ``received`` (oldest first, the default of ``cases list``) or ``due``
    (most urgent first: the work queue).
    """
    query = (
        select(Case, Requester)
        .outerjoin(Requester, col(Case.requester_id) == col(Requester.id))
        .where(*_case_conditions(flt or CaseFilter()))
    )
    if order == "due":
        query = query.order_by(effective_due(), col(Case.id))
    else:
        query = query.order_by(col(Case.received), col(Case.id))
    query = query.offset(max(offset, 0)).limit(max(1, min(limit, MAX_PAGE)))
    return [(case, requester) for case, requester in session.exec(query).all()]


@dataclass(frozen=True)
class DraftRow:
    draft: Draft
    reference: str | None
    due: date | None


def list_drafts(
    session: Session,
    *,
    status: str | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> list[DraftRow]:
    """One page of drafts with their case reference and due date, oldest first."""
    query = select(Draft, Case.reference, effective_due()).outerjoin(
        Case, col(Draft.case_id) == col(Case.id)
    )
    if status:
        query = query.where(Draft.status == status)
    query = query.order_by(col(Draft.id)).offset(max(offset, 0)).limit(max(1, min(limit, MAX_PAGE)))
    return [DraftRow(d, ref, due) for d, ref, due in session.exec(query).all()]


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


def latest_case_of(session: Session, requester: Requester, since: datetime) -> RecentCase | None:
    """The requester's newest case opened since ``since`` (without its text)."""
    case = session.exec(
        select(Case)
        .where(Case.requester_id == requester.id, Case.created > since)
        .order_by(col(Case.created).desc(), col(Case.id).desc())
        .limit(1)
    ).first()
    if case is None:
        return None
    return RecentCase(
        id=case.id or 0,
        reference=case.reference,
        rights=frozenset(case.rights),
        company=case.company,
        text="",
        opened=case.created,
        closed=case.status == "closed",
    )


def messages_of(session: Session, case: Case) -> Sequence[InboundMessage]:
    """The messages on a case, in order of receipt (the case page's timeline)."""
    return session.exec(
        select(InboundMessage)
        .where(InboundMessage.case_id == case.id)
        .order_by(col(InboundMessage.received), col(InboundMessage.id))
    ).all()


def drafts_of(session: Session, case: Case) -> Sequence[Draft]:
    return session.exec(select(Draft).where(Draft.case_id == case.id).order_by(col(Draft.id))).all()


def failed_outbox(
    session: Session, *, limit: int = MAX_PAGE, offset: int = 0
) -> list[tuple[OutboxItem, str | None]]:
    """Failed and in-doubt sends, oldest first, with their case reference (the outbox page)."""
    query = (
        select(OutboxItem, Case.reference)
        .outerjoin(Case, col(OutboxItem.case_id) == col(Case.id))
        .where(OutboxItem.status == "failed")
        .order_by(col(OutboxItem.id))
        .offset(max(offset, 0))
        .limit(max(1, min(limit, MAX_PAGE)))
    )
    return [(item, ref) for item, ref in session.exec(query).all()]
