"""The retention purge (docs/rules.md R24–R26): what a closed case no longer needs goes.

``plan`` says what would go today (``privacybot purge --dry-run``); ``purge`` does it,
one case per transaction, so a crash half-way leaves every case either whole or
purged, and a second run simply carries on. The dates come from the pure
``cases/retention.py``; this module only finds the rows and deletes them.

- **R24, a closed case** ``CASE_RETENTION_DAYS`` after it closed: its inbound messages
  (raw and cleaned), drafts, outbox rows (alerts about it included), code hashes and
  code attempts are deleted; the case row stays as the trail's anchor (reference,
  rights, dates, how it ended) without its requester link or free-text staff reason;
  every audit detail of the case is swept so that an address in it (typed into a
  reason, say) is replaced by its keyed HMAC; a ``purged`` event records what went.
  The requester row goes when no case refers to it any more. There is no table of
  attachments or exports in this version; they would go with the drafts.
- **R24, mail that never became a case** (a question answered without one, automatic
  mail, a dismissed message): the message and its drafts and outbox rows go the same
  number of days after receipt. Messages still waiting for staff are kept.
- **R24, staff mail** (digests) the same number of days after it was queued, once sent.
- **R25, the audit trail** of a purged case 5 years after its closure (never before
  the content purge), together with the case row; events about no case 5 years after
  they happened.
- **R26** code hashes go when they lapse (``service.codes.purge_expired_codes``, run by
  the scheduler every minute) and at the latest with the case.

Nothing of a case that is not closed is ever read for deletion: every query starts
from ``status = closed`` (R24) or from rows that belong to no case.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, func, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.cases.deadline import add_months
from privacybot.cases.retention import (
    AUDIT_RETENTION_YEARS,
    address_hmac,
    audit_purge_due,
    purge_due,
)
from privacybot.db import repo
from privacybot.db.models import (
    AuditEvent,
    Case,
    CodeAttempt,
    Draft,
    DraftAttachment,
    InboundMessage,
    OtpCode,
    OutboxItem,
    Requester,
)
from privacybot.db.session import read_transaction, transaction
from privacybot.domain import CaseStatus, InboundState
from privacybot.service import chat_retention
from privacybot.states import OutboxStatus

log = logging.getLogger(__name__)

#: Inbound states that are settled (nobody still has to look at the message).
_SETTLED_INBOUND = (InboundState.TRIAGED, InboundState.DISMISSED)
_ADDRESS_RE = re.compile(
    r"[^\s<>()\[\]@\"',;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)


class RetentionError(ValueError):
    """A purge that cannot run as asked; one line for the operator."""


@dataclass(frozen=True)
class CasePurge:
    reference: str
    closed_on: date
    purge_on: date
    messages: int
    drafts: int
    outbox: int
    codes: int


@dataclass(frozen=True)
class TrailPurge:
    """R25: a case whose audit trail (and row) goes; reference None: events of no case."""

    reference: str | None
    closed_on: date | None
    purge_on: date
    events: int


@dataclass(frozen=True)
class PurgePlan:
    today: date
    retention_days: int
    cases: tuple[CasePurge, ...]
    trails: tuple[TrailPurge, ...]
    caseless_messages: int
    staff_mail: int
    requesters: int = 0
    #: Telegram conversations idle since the cutoff and tied to nothing that stays.
    chats: int = 0

    @property
    def empty(self) -> bool:
        return not (
            self.cases or self.trails or self.caseless_messages or self.staff_mail or self.chats
        )

    def summary(self) -> str:
        return (
            f"{len(self.cases)} case(s), {sum(t.events for t in self.trails)} audit event(s), "
            f"{self.caseless_messages} message(s) without a case, {self.staff_mail} staff "
            f"mail(s), {self.requesters} requester(s), {self.chats} Telegram chat(s)"
        )


def _check(retention_days: int) -> None:
    if retention_days < 1:
        # Settings refuse it too; a caller that builds its own number must not purge
        # a case the moment it closes.
        raise RetentionError(f"retention must be at least 1 day, got {retention_days}")


def _local(instant: datetime, tz: ZoneInfo) -> date:
    return instant.astimezone(tz).date()


def _count(session: Session, model: Any, *conditions: Any) -> int:
    return int(session.exec(select(func.count()).select_from(model).where(*conditions)).one())


# --- what goes ------------------------------------------------------------------------


def _closed_due(session: Session, today: date, tz: ZoneInfo, days: int) -> list[Case]:
    """R24: closed, not yet purged, and ``days`` past the local date it closed."""
    # A day of slack for the zone: the exact local-date test is done in Python.
    cutoff = datetime.combine(today - timedelta(days=days - 1), datetime.min.time(), tz)
    rows = session.exec(
        select(Case)
        .where(
            Case.status == CaseStatus.CLOSED,
            col(Case.purged_at).is_(None),
            col(Case.closed_at).is_not(None),
            col(Case.closed_at) < cutoff,
        )
        .order_by(col(Case.closed_at), col(Case.id))
    ).all()
    return [c for c in rows if c.closed_at and purge_due(_local(c.closed_at, tz), days) <= today]


def _trail_due_on(case: Case, tz: ZoneInfo, days: int) -> date | None:
    if case.closed_at is None:
        return None
    closed = _local(case.closed_at, tz)
    return max(audit_purge_due(closed), purge_due(closed, days))


def _trails_due(session: Session, today: date, tz: ZoneInfo, days: int) -> list[Case]:
    """R25: purged cases whose trail has been kept 5 years since closure."""
    cutoff = datetime.combine(
        add_months(today, -12 * AUDIT_RETENTION_YEARS), datetime.max.time(), tz
    )
    rows = session.exec(
        select(Case).where(
            Case.status == CaseStatus.CLOSED,
            col(Case.purged_at).is_not(None),
            col(Case.closed_at) <= cutoff + timedelta(days=1),
        )
    ).all()
    due = []
    for case in rows:
        when = _trail_due_on(case, tz, days)
        if when is not None and when <= today:
            due.append(case)
    return due


def _orphan_events_cutoff(today: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(add_months(today, -12 * AUDIT_RETENTION_YEARS), datetime.min.time(), tz)


def _caseless_cutoff(today: date, tz: ZoneInfo, days: int) -> datetime:
    """Rows received (or queued) before this instant are ``days`` old on ``today``."""
    return datetime.combine(today - timedelta(days=days - 1), datetime.min.time(), tz)


def _caseless_messages(session: Session, cutoff: datetime) -> list[int]:
    rows = session.exec(
        select(InboundMessage.id).where(
            col(InboundMessage.case_id).is_(None),
            col(InboundMessage.state).in_([s.value for s in _SETTLED_INBOUND]),
            col(InboundMessage.received) < cutoff,
        )
    ).all()
    return [r for r in rows if r is not None]


def _staff_mail_condition(cutoff: datetime) -> list[Any]:
    return [
        col(OutboxItem.scheduler_run_id).is_not(None),
        col(OutboxItem.case_id).is_(None),
        OutboxItem.status == OutboxStatus.SENT,
        col(OutboxItem.created) < cutoff,
    ]


def _case_counts(session: Session, case: Case, tz: ZoneInfo, days: int) -> CasePurge:
    assert case.closed_at is not None
    closed = _local(case.closed_at, tz)
    drafts = select(Draft.id).where(Draft.case_id == case.id)
    return CasePurge(
        reference=case.reference,
        closed_on=closed,
        purge_on=purge_due(closed, days),
        messages=_count(session, InboundMessage, InboundMessage.case_id == case.id),
        drafts=_count(session, Draft, Draft.case_id == case.id),
        outbox=_count(
            session,
            OutboxItem,
            or_(col(OutboxItem.case_id) == case.id, col(OutboxItem.draft_id).in_(drafts)),
        ),
        codes=_count(session, OtpCode, OtpCode.case_id == case.id)
        + _count(session, CodeAttempt, CodeAttempt.case_id == case.id),
    )


def _trail(session: Session, case: Case, tz: ZoneInfo, days: int) -> TrailPurge:
    when = _trail_due_on(case, tz, days)
    assert when is not None and case.closed_at is not None
    return TrailPurge(
        reference=case.reference,
        closed_on=_local(case.closed_at, tz),
        purge_on=when,
        events=_count(session, AuditEvent, AuditEvent.case_id == case.id),
    )


def _orphan_requesters(session: Session, leaving: Iterable[int]) -> int:
    """Requesters whose every case is among ``leaving`` (case ids being purged)."""
    ids = set(leaving)
    if not ids:
        return 0
    owners = session.exec(select(Case.requester_id).where(col(Case.id).in_(ids))).all()
    count = 0
    for requester_id in {r for r in owners if r is not None}:
        others = _count(session, Case, Case.requester_id == requester_id, col(Case.id).not_in(ids))
        count += others == 0
    return count


def plan(session: Session, *, today: date, tz: ZoneInfo, retention_days: int) -> PurgePlan:
    """What ``purge`` would delete on ``today``; reads only."""
    _check(retention_days)
    cases = _closed_due(session, today, tz, retention_days)
    trails = [
        _trail(session, c, tz, retention_days)
        for c in _trails_due(session, today, tz, retention_days)
    ]
    orphan_events = _count(
        session,
        AuditEvent,
        col(AuditEvent.case_id).is_(None),
        col(AuditEvent.at) < _orphan_events_cutoff(today, tz),
    )
    if orphan_events:
        trails.append(
            TrailPurge(None, None, add_months(today, -12 * AUDIT_RETENTION_YEARS), orphan_events)
        )
    cutoff = _caseless_cutoff(today, tz, retention_days)
    case_ids = [c.id for c in cases if c.id is not None]
    messages = _caseless_messages(session, cutoff)
    leaving = messages + [
        i
        for i in session.exec(
            select(InboundMessage.id).where(col(InboundMessage.case_id).in_(case_ids))
        ).all()
        if i is not None
    ]
    return PurgePlan(
        today=today,
        retention_days=retention_days,
        cases=tuple(_case_counts(session, c, tz, retention_days) for c in cases),
        trails=tuple(trails),
        caseless_messages=len(messages),
        staff_mail=_count(session, OutboxItem, *_staff_mail_condition(cutoff)),
        requesters=_orphan_requesters(session, case_ids),
        chats=chat_retention.count_idle_chats(session, cutoff, case_ids, leaving),
    )


# --- doing it ---------------------------------------------------------------------------


def pseudonymise(value: Any, key: bytes) -> Any:
    """``value`` with every email address in it replaced by ``hmac:<its keyed HMAC>`` (R25)."""
    if isinstance(value, str):
        return _ADDRESS_RE.sub(lambda m: "hmac:" + address_hmac(m.group(0), key), value)
    if isinstance(value, list):
        return [pseudonymise(v, key) for v in value]
    if isinstance(value, dict):
        return {k: pseudonymise(v, key) for k, v in value.items()}
    return value


def _delete_messages(session: Session, inbound_ids: list[int], keep_drafts_of: Any) -> int:
    """Delete inbound rows; one a surviving draft still points to is emptied instead."""
    if not inbound_ids:
        return 0
    referenced = set(
        session.exec(
            select(Draft.inbound_id).where(col(Draft.inbound_id).in_(inbound_ids), keep_drafts_of)
        ).all()
    )
    gone = [i for i in inbound_ids if i not in referenced]
    kept = [i for i in inbound_ids if i in referenced]
    if kept:
        session.execute(
            update(InboundMessage)
            .where(col(InboundMessage.id).in_(kept))
            .values(
                raw=b"",
                size=0,
                cleaned=None,
                subject=None,
                sender=None,
                staff_reason=None,
                problem=None,
                verdict=None,
                automatic_reason=None,
            )
            .execution_options(synchronize_session=False)
        )
    if gone:
        session.execute(
            delete(InboundMessage)
            .where(col(InboundMessage.id).in_(gone))
            .execution_options(synchronize_session=False)
        )
    return len(inbound_ids)


def _delete_drafts_and_outbox(session: Session, draft_ids: list[int], *outbox_or: Any) -> int:
    conditions = [col(OutboxItem.draft_id).in_(draft_ids), *outbox_or]
    result = session.execute(
        delete(OutboxItem).where(or_(*conditions)).execution_options(synchronize_session=False)
    )
    if draft_ids:
        # R24/R26: the files of an access or portability answer go with its case.
        session.execute(
            delete(DraftAttachment)
            .where(col(DraftAttachment.draft_id).in_(draft_ids))
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(Draft)
            .where(col(Draft.id).in_(draft_ids))
            .execution_options(synchronize_session=False)
        )
    return int(getattr(result, "rowcount", 0) or 0)


def _purge_case(
    session: Session, case: Case, *, now: datetime, key: bytes, actor: str, counts: CasePurge
) -> None:
    assert case.id is not None
    inbound_ids = [
        i
        for i in session.exec(
            select(InboundMessage.id).where(InboundMessage.case_id == case.id)
        ).all()
        if i is not None
    ]
    # Its own drafts, and case-less ones answering its messages; a draft of another
    # case that points at one of its messages is left alone (that message is emptied).
    caseless_replies = and_(
        col(Draft.case_id).is_(None), col(Draft.inbound_id).in_(inbound_ids or [0])
    )
    draft_ids = [
        i
        for i in session.exec(
            select(Draft.id).where(or_(col(Draft.case_id) == case.id, caseless_replies))
        ).all()
        if i is not None
    ]
    chat_retention.forget_case(session, case.id, draft_ids, inbound_ids)
    _delete_drafts_and_outbox(session, draft_ids, col(OutboxItem.case_id) == case.id)
    _delete_messages(session, inbound_ids, col(Draft.id).not_in(draft_ids or [0]))
    session.execute(delete(OtpCode).where(col(OtpCode.case_id) == case.id))
    session.execute(delete(CodeAttempt).where(col(CodeAttempt.case_id) == case.id))
    for event in session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all():
        swept = pseudonymise(event.detail, key)
        if swept != event.detail:
            event.detail = swept
            session.add(event)
    requester_id = case.requester_id
    case.requester_id = None
    case.staff_reason = None
    case.purged_at = now
    session.add(case)
    session.flush()
    if requester_id is not None and not _count(session, Case, Case.requester_id == requester_id):
        session.execute(delete(Requester).where(col(Requester.id) == requester_id))
    repo.audit(
        session,
        actor=actor,
        action="purged",
        at=now,
        case=case,
        rule="R24",
        closed_on=counts.closed_on.isoformat(),
        messages=counts.messages,
        drafts=counts.drafts,
        outbox=counts.outbox,
        codes=counts.codes,
        requester_removed=requester_id is not None
        and not _count(session, Requester, Requester.id == requester_id),
    )


def _purge_trail(session: Session, case: Case) -> None:
    """R25: the case's events and row; nothing of it is left but its used number."""
    chat_retention.forget_events(session, col(AuditEvent.case_id) == case.id)
    session.execute(delete(AuditEvent).where(col(AuditEvent.case_id) == case.id))
    session.execute(
        update(Case)
        .where(col(Case.parent_case_id) == case.id)
        .values(parent_case_id=None)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(InboundMessage)
        .where(col(InboundMessage.case_id) == case.id)
        .values(case_id=None)
        .execution_options(synchronize_session=False)
    )
    session.delete(case)


def _lock(session: Session, case_id: int) -> Case | None:
    """The case row, locked; None when another worker holds it (PostgreSQL SKIP LOCKED)."""
    return session.exec(
        select(Case).where(Case.id == case_id).with_for_update(skip_locked=True)
    ).first()


def purge(
    engine: Engine,
    *,
    now: datetime,
    tz: ZoneInfo,
    retention_days: int,
    key: bytes,
    actor: str,
) -> PurgePlan:
    """Carry out today's plan; returns what was done (a case skipped is not in it)."""
    _check(retention_days)
    today = _local(now, tz)
    with read_transaction(engine) as session:
        case_ids = [c.id for c in _closed_due(session, today, tz, retention_days) if c.id]
        trail_ids = [c.id for c in _trails_due(session, today, tz, retention_days) if c.id]
    done: list[CasePurge] = []
    orphans = 0
    for case_id in case_ids:
        with transaction(engine) as session:
            case = _lock(session, case_id)
            if case is None or case.status != CaseStatus.CLOSED or case.purged_at is not None:
                continue  # reopened, purged or being purged meanwhile
            if (
                case.closed_at is None
                or purge_due(_local(case.closed_at, tz), retention_days) > today
            ):
                continue
            counts = _case_counts(session, case, tz, retention_days)
            before = _count(session, Requester)
            _purge_case(session, case, now=now, key=key, actor=actor, counts=counts)
            orphans += before - _count(session, Requester)
            done.append(counts)
        log.info("purged case %s (closed %s, R24)", counts.reference, counts.closed_on)
    trails: list[TrailPurge] = []
    for case_id in trail_ids:
        with transaction(engine) as session:
            case = _lock(session, case_id)
            if case is None or case.purged_at is None:
                continue
            trail = _trail(session, case, tz, retention_days)
            if trail.purge_on > today:
                continue
            _purge_trail(session, case)
            trails.append(trail)
        log.info("removed the audit trail of %s (closed %s, R25)", trail.reference, trail.closed_on)
    with transaction(engine) as session:
        orphaned = (
            col(AuditEvent.case_id).is_(None),
            col(AuditEvent.at) < _orphan_events_cutoff(today, tz),
        )
        chat_retention.forget_events(session, *orphaned)
        result = session.execute(delete(AuditEvent).where(*orphaned))
        orphan_events = int(getattr(result, "rowcount", 0) or 0)
        if orphan_events:
            trails.append(
                TrailPurge(
                    None, None, add_months(today, -12 * AUDIT_RETENTION_YEARS), orphan_events
                )
            )
        cutoff = _caseless_cutoff(today, tz, retention_days)
        messages = _caseless_messages(session, cutoff)
        if messages:
            drafts = [
                i
                for i in session.exec(
                    select(Draft.id).where(
                        col(Draft.inbound_id).in_(messages), col(Draft.case_id).is_(None)
                    )
                ).all()
                if i is not None
            ]
            chat_retention.forget_drafts(session, drafts)
            chat_retention.forget_messages(session, messages)
            _delete_drafts_and_outbox(session, drafts)
            _delete_messages(session, messages, col(Draft.id).not_in(drafts or [0]))
        chats = chat_retention.forget_idle_chats(session, cutoff)
        staff = session.execute(
            delete(OutboxItem)
            .where(*_staff_mail_condition(cutoff))
            .execution_options(synchronize_session=False)
        )
        staff_mail = int(getattr(staff, "rowcount", 0) or 0)
    return PurgePlan(
        today=today,
        retention_days=retention_days,
        cases=tuple(done),
        trails=tuple(trails),
        caseless_messages=len(messages),
        staff_mail=staff_mail,
        requesters=orphans,
        chats=chats,
    )
