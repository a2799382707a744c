"""What the daily digest says: the queries, gathered into plain data for the templates.

Staff live by this mail, so it lists what needs a person, most urgent first: overdue
cases, cases due within seven days, the extension decisions coming up (due - 7 days,
R7), drafts waiting for approval (oldest first, with how long they waited), cases
waiting for the requester's code, the staff triage queue, mail we could not deliver,
and what is new since the previous digest.

It never carries what a citizen wrote: no bodies, no cleaned text, no subjects (a
draft's subject may repeat the citizen's), no free-text reasons (triage reasons can
quote the message). A line holds our reference, the rights, the company, dates,
counts, rule ids and kinds: things privacybot itself produced. Each section shows at
most ``limit`` lines and its total, so 100,000 cases build as fast as 10.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from privacybot.cases.deadline import ALERT_DAYS_BEFORE, HolidayCalendar
from privacybot.db.models import Case, Draft, InboundMessage, OutboxItem, SchedulerRun
from privacybot.db.repo import effective_due
from privacybot.domain import CaseStatus, DraftStatus
from privacybot.outbox.transport import redact_addresses
from privacybot.service.queue import WAITING
from privacybot.states import OutboxStatus

#: Lines per section; the total is always given, the dashboard has the rest.
SECTION_LIMIT = 50
#: "Due within seven days" (R7's first alert looks this far ahead).
DUE_SOON_DAYS = 7
#: The extension decisions shown: those whose last day (due - 7) falls in this window.
EXTENSION_WINDOW_DAYS = 7
#: Without an earlier digest, "new" means the last day.
FIRST_DIGEST_LOOKBACK = timedelta(days=1)

_UNSETTLED = (CaseStatus.AWAITING_VERIFICATION, CaseStatus.OPEN)

T = TypeVar("T")


@dataclass(frozen=True)
class CaseLine:
    """One case: what staff need to judge its urgency, and where to open it."""

    reference: str
    status: str
    rights: tuple[str, ...]
    company: str | None
    due: date
    #: Working days from the digest's date to ``due``; negative when overdue.
    working_days_left: int
    extended: bool
    #: R7: the last day to decide on an extension (None once extended).
    decide_by: date | None
    link: str | None


@dataclass(frozen=True)
class DraftLine:
    id: int
    kind: str
    case: CaseLine | None
    created: datetime
    waited_hours: int


@dataclass(frozen=True)
class QueueLine:
    id: int
    state: str
    received: datetime
    waited_days: int
    #: The ids of the rules that sent it to staff (never their free-text reasons).
    rules: tuple[str, ...]


@dataclass(frozen=True)
class FailureLine:
    id: int
    #: "failed" (staff must act) or "retrying" (the outbox keeps trying).
    state: str
    #: The draft's kind, the staff-mail job (``digest``, ``alert_…``), or None.
    what: str | None
    reference: str | None
    attempts: int
    #: The relay's answer with addresses removed, shortened.
    error: str
    link: str | None


@dataclass(frozen=True)
class Section(Generic[T]):
    total: int
    lines: tuple[T, ...]

    @property
    def more(self) -> int:
        return max(self.total - len(self.lines), 0)


@dataclass(frozen=True)
class Digest:
    day: date
    generated_at: datetime
    since: datetime
    first: bool
    overdue: Section[CaseLine]
    due_soon: Section[CaseLine]
    extension: Section[CaseLine]
    verification: Section[CaseLine]
    drafts: Section[DraftLine]
    queue: Section[QueueLine]
    failures: Section[FailureLine]
    new_cases: Section[CaseLine]
    new_messages: int
    #: Years whose gelijkgestelde dagen are unknown (R2): deadlines there may be early.
    calendar_gaps: tuple[int, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        return {
            "overdue": self.overdue.total,
            "due_soon": self.due_soon.total,
            "extension": self.extension.total,
            "verification": self.verification.total,
            "drafts": self.drafts.total,
            "queue": self.queue.total,
            "failures": self.failures.total,
            "new_cases": self.new_cases.total,
            "new_messages": self.new_messages,
        }

    @property
    def empty(self) -> bool:
        """Nothing waits and nothing happened: the digest is one line."""
        return not any(self.counts().values())


def working_days_left(today: date, due: date, calendar: HolidayCalendar) -> int:
    """``cases.deadline.working_days_between(today, due)``, in time independent of the gap.

    The digest computes this for every line, and a case overdue for years would make
    the day-by-day count of ``deadline`` walk thousands of days: here weekdays are
    counted by whole weeks and the year's named non-working days (R2) subtracted.
    ``tests/scheduler/test_digest.py`` checks both agree.
    """
    if due < today:
        return -working_days_left(due, today, calendar)
    weeks, rest = divmod((due - today).days, 7)
    count = 5 * weeks
    for n in range(1, rest + 1):
        count += (today + timedelta(days=n)).weekday() < 5
    for year in range(today.year, due.year + 1):
        for day in calendar.non_working_days(year):
            if today < day <= due and day.weekday() < 5:
                count -= 1
    return count


def case_link(dashboard_url: str | None, reference: str) -> str | None:
    return f"{dashboard_url}/cases/{reference}" if dashboard_url else None


def case_line(
    case: Case, *, today: date, calendar: HolidayCalendar, dashboard_url: str | None
) -> CaseLine:
    """One case as a digest or alert line: the due date that counts (R5) and its distance."""
    due = case.extended_due or case.due
    extended = case.extended_due is not None
    return CaseLine(
        reference=case.reference,
        status=case.status,
        rights=tuple(case.rights),
        company=case.company,
        due=due,
        working_days_left=working_days_left(today, due, calendar),
        extended=extended,
        decide_by=None if extended else case.due - timedelta(days=ALERT_DAYS_BEFORE),
        link=case_link(dashboard_url, case.reference),
    )


@dataclass(frozen=True)
class _Builder:
    session: Session
    today: date
    calendar: HolidayCalendar
    dashboard_url: str | None
    limit: int

    def case_line(self, case: Case) -> CaseLine:
        return case_line(
            case, today=self.today, calendar=self.calendar, dashboard_url=self.dashboard_url
        )

    def count(self, model: Any, *conditions: Any) -> int:
        return int(
            self.session.exec(select(func.count()).select_from(model).where(*conditions)).one()
        )

    def cases(self, *conditions: Any, order: Sequence[Any] | None = None) -> Section[CaseLine]:
        query = (
            select(Case)
            .where(*conditions)
            .order_by(*(order or (effective_due(), col(Case.received), col(Case.id))))
            .limit(self.limit)
        )
        rows = self.session.exec(query).all()
        return Section(self.count(Case, *conditions), tuple(self.case_line(c) for c in rows))

    def drafts(self, now: datetime) -> Section[DraftLine]:
        waiting = Draft.status == DraftStatus.AWAITING_APPROVAL
        rows = self.session.exec(
            select(Draft.id, Draft.kind, Draft.created, Case)
            .outerjoin(Case, col(Draft.case_id) == col(Case.id))
            .where(waiting)
            .order_by(col(Draft.created), col(Draft.id))
            .limit(self.limit)
        ).all()
        lines = tuple(
            DraftLine(
                id=draft_id or 0,
                kind=kind,
                case=self.case_line(case) if case is not None else None,
                created=created,
                waited_hours=max(int((now - created).total_seconds() // 3600), 0),
            )
            for draft_id, kind, created, case in rows
        )
        return Section(self.count(Draft, waiting), lines)

    def queue(self, now: datetime) -> Section[QueueLine]:
        waiting = col(InboundMessage.state).in_([s.value for s in WAITING])
        rows = self.session.exec(
            select(
                InboundMessage.id,
                InboundMessage.state,
                InboundMessage.received,
                InboundMessage.verdict,
            )
            .where(waiting)
            .order_by(col(InboundMessage.received), col(InboundMessage.id))
            .limit(self.limit)
        ).all()
        lines = tuple(
            QueueLine(
                id=row_id or 0,
                state=state,
                received=received,
                waited_days=max((now - received).days, 0),
                rules=_rule_ids(verdict),
            )
            for row_id, state, received, verdict in rows
        )
        return Section(self.count(InboundMessage, waiting), lines)

    def failures(self) -> Section[FailureLine]:
        failing = or_(
            col(OutboxItem.status) == OutboxStatus.FAILED,
            and_(col(OutboxItem.status) == OutboxStatus.PENDING, col(OutboxItem.attempts) > 0),
        )
        rows = self.session.execute(
            sa_select(
                col(OutboxItem.id),
                col(OutboxItem.status),
                col(OutboxItem.attempts),
                col(OutboxItem.last_error),
                col(Draft.kind),
                col(SchedulerRun.job),
                col(Case.reference),
            )
            .outerjoin(Draft, col(OutboxItem.draft_id) == col(Draft.id))
            .outerjoin(SchedulerRun, col(OutboxItem.scheduler_run_id) == col(SchedulerRun.id))
            .outerjoin(Case, col(OutboxItem.case_id) == col(Case.id))
            .where(failing)
            .order_by(col(OutboxItem.status), col(OutboxItem.id).desc())
            .limit(self.limit)
        ).all()
        lines = tuple(
            FailureLine(
                id=item_id or 0,
                state="failed" if status == OutboxStatus.FAILED else "retrying",
                what=kind or job,
                reference=reference,
                attempts=attempts,
                error=_short(redact_addresses(error or "")),
                link=case_link(self.dashboard_url, reference) if reference else None,
            )
            for item_id, status, attempts, error, kind, job, reference in rows
        )
        return Section(self.count(OutboxItem, failing), lines)


def _rule_ids(verdict: Any) -> tuple[str, ...]:
    """The rule ids of a stored verdict, in order; reasons (free text) are left out."""
    hits = verdict.get("hits") if isinstance(verdict, dict) else None
    if not isinstance(hits, list):
        return ()
    ids = [h.get("rule") for h in hits if isinstance(h, dict)]
    return tuple(dict.fromkeys(str(i) for i in ids if isinstance(i, str)))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_digest(
    session: Session,
    *,
    today: date,
    now: datetime,
    calendar: HolidayCalendar,
    since: datetime | None,
    dashboard_url: str | None = None,
    limit: int = SECTION_LIMIT,
) -> Digest:
    """The digest for local date ``today``; ``since`` is when the previous one was made."""
    b = _Builder(session, today, calendar, dashboard_url, limit)
    unsettled = col(Case.status).in_([s.value for s in _UNSETTLED])
    due = effective_due()
    first = since is None
    start = since if since is not None else now - FIRST_DIGEST_LOOKBACK
    soon = today + timedelta(days=DUE_SOON_DAYS)
    window_start = today + timedelta(days=ALERT_DAYS_BEFORE)
    window_end = window_start + timedelta(days=EXTENSION_WINDOW_DAYS)
    return Digest(
        day=today,
        generated_at=now,
        since=start,
        first=first,
        overdue=b.cases(unsettled, due < today),
        due_soon=b.cases(unsettled, due >= today, due <= soon),
        extension=b.cases(
            unsettled,
            col(Case.extended_due).is_(None),
            col(Case.due) >= window_start,
            col(Case.due) <= window_end,
        ),
        verification=b.cases(Case.status == CaseStatus.AWAITING_VERIFICATION),
        drafts=b.drafts(now),
        queue=b.queue(now),
        failures=b.failures(),
        new_cases=b.cases(col(Case.created) > start),
        new_messages=b.count(InboundMessage, col(InboundMessage.stored_at) > start),
        calendar_gaps=tuple(calendar.missing_equated_years(today)),
    )
