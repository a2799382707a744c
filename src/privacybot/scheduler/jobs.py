"""The daily jobs: the staff digest, the staff alerts (R7) and the retention purge (R24–R26).

Each runs once per local date, from ``PRIVACYBOT_DIGEST_TIME`` on (see
``timers.daily_instant`` for DST days), however many schedulers run and however often
they restart:

- **digest**: the claim of (``digest``, local date), the digest's queries, its outbox
  rows and the claim's outcome commit in one transaction. A crash anywhere before the
  commit leaves nothing, so the next round (of this or another scheduler) sends it;
  after the commit the claim makes every later round skip it, and the outbox sends
  each message exactly once. Only the current local date is ever attempted: started
  late, the day's digest goes late; down for three days, one digest goes, listing
  everything new since the last one.
- **alerts**: the same, per (alert kind, case and due date), with one audit event.
- **purge**: too large for one transaction; its claim commits first, each case is
  purged in its own transaction, and a claim left unfinished for an hour is taken
  over (the worker died).

Without recipients (``PRIVACYBOT_STAFF_EMAILS`` empty) the digest is logged instead
of sent and the run is recorded as such, once a day.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from privacybot.cases.retention import CASE_RETENTION_DAYS
from privacybot.config import Settings
from privacybot.db import repo
from privacybot.db.lease import hold_for
from privacybot.db.models import Case, SchedulerRun
from privacybot.db.repo import effective_due
from privacybot.db.session import read_transaction, transaction
from privacybot.domain import CaseStatus
from privacybot.scheduler import runs
from privacybot.scheduler.digest import Digest, build_digest, case_line
from privacybot.scheduler.render import (
    AlertView,
    StaffMail,
    render_alert,
    render_digest,
    render_urgent,
)
from privacybot.scheduler.staffmail import queue_staff_mail
from privacybot.scheduler.timers import (
    StaffAlert,
    alert_key,
    daily_instant,
    staff_alert_due,
)
from privacybot.service import retention
from privacybot.service.chat_staff import post_to_staff_chat
from privacybot.service.desk import Desk

log = logging.getLogger(__name__)

#: A purge claim older than this without an end belongs to a worker that died.
PURGE_STALE_AFTER = timedelta(hours=1)
#: Alert claims are looked up this far back (a due date is at most months away).
ALERT_MEMORY = timedelta(days=120)
ACTOR = "scheduler"


@dataclass(frozen=True)
class StaffSettings:
    """What the daily jobs need from the settings (docs/operators.md)."""

    recipients: tuple[str, ...]
    from_address: str
    digest_time: time = time(8, 0)
    language: str = "nl"
    dashboard_url: str | None = None
    retention_days: int = CASE_RETENTION_DAYS
    #: The Telegram staff group that also gets the digest's urgent lines (issue 15);
    #: None without a bot token or a group.
    telegram_staff_chat: int | None = None

    @classmethod
    def from_settings(cls, s: Settings) -> StaffSettings:
        return cls(
            recipients=s.staff_emails,
            from_address=s.from_address,
            digest_time=s.digest_time,
            language=s.digest_language,
            dashboard_url=s.dashboard_url,
            retention_days=s.case_retention_days,
            telegram_staff_chat=s.telegram_staff_chat if s.telegram_token else None,
        )


@dataclass(frozen=True)
class DigestResult:
    day: date
    run_key: str
    digest: Digest
    mail: StaffMail
    outbox_ids: tuple[int, ...]
    outcome: str


def local_day(desk: Desk, now: datetime) -> date:
    return now.astimezone(desk.clockwork.tz).date()


def due_at(desk: Desk, staff: StaffSettings, day: date) -> datetime:
    """When the daily jobs of local date ``day`` are due (UTC)."""
    return daily_instant(day, staff.digest_time, desk.clockwork.tz)


def _build(
    session: Session, desk: Desk, staff: StaffSettings, now: datetime, exclude: int | None
) -> tuple[Digest, StaffMail]:
    previous = runs.latest(session, runs.DIGEST, before=exclude)
    digest = build_digest(
        session,
        today=local_day(desk, now),
        now=now,
        calendar=desk.clockwork.calendar,
        since=previous.started_at if previous is not None else None,
        dashboard_url=staff.dashboard_url,
    )
    return digest, render_digest(digest, staff.language)


def preview_digest(engine: Engine, desk: Desk, staff: StaffSettings, now: datetime) -> StaffMail:
    """Today's digest as it would go out now; writes nothing (``digest --dry-run``)."""
    with read_transaction(engine) as session:
        return _build(session, desk, staff, now, None)[1]


def _manual_key(session: Session, day: date, now: datetime) -> SchedulerRun | None:
    """A digest asked for by hand: today's own key if still free, else ``day#n``."""
    run = runs.claim_run(session, runs.DIGEST, day.isoformat(), now)
    if run is not None:
        return run
    n = len(
        session.exec(
            select(SchedulerRun.id).where(
                SchedulerRun.job == runs.DIGEST,
                col(SchedulerRun.run_key).startswith(day.isoformat()),
            )
        ).all()
    )
    return runs.claim_run(session, runs.DIGEST, f"{day.isoformat()}#{n + 1}", now)


def send_digest(
    engine: Engine, desk: Desk, staff: StaffSettings, now: datetime, *, manual: bool = False
) -> DigestResult | None:
    """Claim, build and queue the digest of the current local date, in one transaction.

    None when it was already done (or another scheduler is doing it right now).
    ``manual`` (``privacybot digest``): the operator asked for it, so one is queued
    even when today's went out already; if today's had not, this one counts as it.
    A failure is recorded for ``health`` and raised; nothing of the attempt remains.
    """
    day = local_day(desk, now)
    try:
        with transaction(engine) as session:
            hold_for(session)
            run = (
                _manual_key(session, day, now)
                if manual
                else runs.claim_run(session, runs.DIGEST, day.isoformat(), now)
            )
            if run is None:
                return None
            digest, mail = _build(session, desk, staff, now, run.id)
            if staff.recipients:
                ids = queue_staff_mail(
                    session,
                    mail,
                    recipients=staff.recipients,
                    from_address=staff.from_address,
                    now=now,
                    run_id=run.id,
                )
                outcome = f"queued for {len(ids)} of {len(staff.recipients)} recipient(s)"
            else:
                ids = []
                outcome = "no recipients (PRIVACYBOT_STAFF_EMAILS): logged, not sent"
            urgent = render_urgent(digest, staff.language)
            if urgent and post_to_staff_chat(
                session, urgent, staff_chat=staff.telegram_staff_chat, now=now
            ):
                outcome += "; urgent lines to the Telegram staff group"
            runs.finish(session, run, now, outcome)
            result = DigestResult(day, run.run_key, digest, mail, tuple(ids), outcome)
    except IntegrityError:
        return None  # another scheduler claimed the same key between our look and insert
    except Exception as exc:
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        runs.record_failure(engine, runs.DIGEST_FAILURE, day.isoformat(), now, reason)
        raise
    counts = ", ".join(f"{k} {v}" for k, v in digest.counts().items() if v)
    if staff.recipients:
        log.info("digest %s: %s (%s)", result.run_key, outcome, counts or "nothing to do")
    else:
        log.warning("digest %s not sent: PRIVACYBOT_STAFF_EMAILS is empty; logged here", day)
        log.info("digest %s subject: %s", day, mail.subject)
        for line in mail.text.splitlines():
            if line.strip():
                log.info("digest %s: %s", day, line)
    return result


# --- staff alerts ---------------------------------------------------------------------------


def send_alerts(
    engine: Engine, desk: Desk, staff: StaffSettings, now: datetime
) -> list[tuple[str, StaffAlert]]:
    """R7: one mail per case and alert (due - 7 days, due - 2 working days), once."""
    day = local_day(desk, now)
    horizon = day + timedelta(days=7)
    unsettled = [CaseStatus.AWAITING_VERIFICATION.value, CaseStatus.OPEN.value]
    with read_transaction(engine) as session:
        due = effective_due()
        candidates = session.exec(
            select(Case.id, Case.reference, due)
            .where(col(Case.status).in_(unsettled), due >= day, due <= horizon)
            .order_by(due, col(Case.id))
        ).all()
        taken = runs.taken_keys(session, tuple(a.value for a in StaffAlert), now - ALERT_MEMORY)
    sent: list[tuple[str, StaffAlert]] = []
    for case_id, reference, due_on in candidates:
        alert = staff_alert_due(due_on, day, desk.clockwork.calendar)
        if alert is None or (alert.value, alert_key(reference, due_on)) in taken:
            continue
        try:
            done = _alert_one(engine, desk, staff, now, case_id or 0)
        except IntegrityError:
            continue
        if done is not None:
            sent.append(done)
    return sent


def _alert_one(
    engine: Engine, desk: Desk, staff: StaffSettings, now: datetime, case_id: int
) -> tuple[str, StaffAlert] | None:
    day = local_day(desk, now)
    with transaction(engine) as session:
        hold_for(session)
        case = session.exec(
            select(Case).where(Case.id == case_id).with_for_update(skip_locked=True)
        ).first()
        if case is None or case.status not in (CaseStatus.AWAITING_VERIFICATION, CaseStatus.OPEN):
            return None
        due = case.extended_due or case.due
        alert = staff_alert_due(due, day, desk.clockwork.calendar)
        if alert is None:
            return None
        run = runs.claim_run(session, alert.value, alert_key(case.reference, due), now)
        if run is None:
            return None
        line = case_line(
            case, today=day, calendar=desk.clockwork.calendar, dashboard_url=staff.dashboard_url
        )
        mail = render_alert(AlertView(alert, line, day), staff.language)
        ids = queue_staff_mail(
            session,
            mail,
            recipients=staff.recipients,
            from_address=staff.from_address,
            now=now,
            run_id=run.id,
            case_id=case.id,
        )
        repo.audit(
            session,
            actor=ACTOR,
            action="staff_alert",
            at=now,
            case=case,
            alert=alert.value,
            due=due.isoformat(),
            recipients=len(ids),
            rule="R7",
        )
        runs.finish(session, run, now, f"queued for {len(ids)} recipient(s)")
    log.info("case %s: %s (due %s)", case.reference, alert.value, due)
    return case.reference, alert


# --- retention --------------------------------------------------------------------------------


def purge_daily(
    engine: Engine, desk: Desk, staff: StaffSettings, now: datetime
) -> retention.PurgePlan | None:
    """Today's retention purge, once; None when it ran already (or runs elsewhere)."""
    day = local_day(desk, now)
    with transaction(engine) as session:
        run = runs.claim_run(
            session, runs.PURGE, day.isoformat(), now, stale_after=PURGE_STALE_AFTER
        )
        run_id = run.id if run is not None else None
    if run_id is None:
        return None
    done = retention.purge(
        engine,
        now=now,
        tz=desk.clockwork.tz,
        retention_days=staff.retention_days,
        key=desk.key,
        actor=ACTOR,
    )
    runs.finish_run(engine, run_id, now, done.summary())
    if not done.empty:
        log.info("retention purge %s: %s", day, done.summary())
    return done
