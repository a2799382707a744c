"""The scheduler role: every minute, apply the timers that are due, and the daily jobs.

Each timer action on a case claims a unique (job, run_key) row in the same
transaction as its effects, with the case row locked (``SKIP LOCKED`` on PostgreSQL,
so two schedulers never work on one case at once), so with several scheduler
processes, restarts or a crash half-way, a reminder or closure happens exactly once.
The daily jobs (digest, staff alerts, retention purge; ``scheduler/jobs.py``) run
from the digest time of each local date on, each once per date.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from privacybot.cases.deadline import unverified_closure_date
from privacybot.clock import Clock
from privacybot.db import repo
from privacybot.db.lease import hold_for
from privacybot.db.models import Case
from privacybot.db.session import refresh_statistics, transaction
from privacybot.domain import CaseStatus, Language
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.scheduler import jobs, runs
from privacybot.scheduler.jobs import StaffSettings
from privacybot.scheduler.timers import TimerAction, verification_timer
from privacybot.service import cases
from privacybot.service.codes import issue_code, purge_expired_codes
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft, purge_sent_attachments

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(
        self,
        engine: Engine,
        desk: Desk,
        clock: Clock,
        interval: float = 60.0,
        staff: StaffSettings | None = None,
    ) -> None:
        self._engine = engine
        self._desk = desk
        self._clock = clock
        self._interval = interval
        self._statistics_at: datetime | None = None
        #: The daily jobs' settings; None runs only the R7 timers (as tests of those do).
        self.staff = staff

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.run_once)
            except Exception:
                # A database hiccup or a bug in one round must not end the role.
                log.exception("scheduler: round failed, trying again next round")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self._pause())

    def _pause(self) -> float:
        """Until the next round: the interval, or less when the daily jobs fall due sooner."""
        if self.staff is None:
            return self._interval
        now = self._clock.now()
        today = jobs.local_day(self._desk, now)
        upcoming = [jobs.due_at(self._desk, self.staff, today)]
        upcoming.append(jobs.due_at(self._desk, self.staff, today + timedelta(days=1)))
        later = [t for t in upcoming if t > now]
        if not later:
            return self._interval
        return max(min(self._interval, (later[0] - now).total_seconds() + 0.05), 0.05)

    def run_once(self) -> list[tuple[str, TimerAction]]:
        """Apply every due timer and daily job; returns (reference, action) of the timers."""
        now = self._clock.now()
        if self._statistics_at is None or now - self._statistics_at >= timedelta(days=1):
            refresh_statistics(self._engine)
            self._statistics_at = now
        with transaction(self._engine) as session:
            purged = purge_expired_codes(session, now)
            purge_sent_attachments(session, now)
        if purged:
            log.info("purged %d lapsed verification codes", purged)
        with Session(self._engine) as session:
            waiting = session.exec(
                select(Case.id).where(Case.status == CaseStatus.AWAITING_VERIFICATION)
            ).all()
        done: list[tuple[str, TimerAction]] = []
        for case_id in waiting:
            if case_id is None:
                continue
            try:
                result = self._case_timer(case_id)
            except IntegrityError:
                continue  # another scheduler took this one
            if result is not None:
                done.append(result)
        if self.staff is not None:
            self.run_daily(self._clock.now())
        return done

    def run_daily(self, now: datetime) -> list[str]:
        """The daily jobs of today's local date, once its digest time has come.

        Each job is on its own: one failing (a broken template, a database hiccup) is
        logged, recorded for health where it can be, and tried again next round,
        while the others still run. Returns the names of the jobs that did something.
        """
        assert self.staff is not None
        staff = self.staff
        day = jobs.local_day(self._desk, now)
        if now < jobs.due_at(self._desk, staff, day):
            return []
        did: list[str] = []
        try:
            if jobs.send_alerts(self._engine, self._desk, staff, now):
                did.append("alerts")
        except Exception:
            log.exception("scheduler: staff alerts of %s failed; next round tries again", day)
        try:
            if jobs.send_digest(self._engine, self._desk, staff, now) is not None:
                did.append(runs.DIGEST)
        except Exception:
            log.exception("scheduler: digest of %s failed; next round tries again", day)
        try:
            if jobs.purge_daily(self._engine, self._desk, staff, now) is not None:
                did.append(runs.PURGE)
        except Exception:
            log.exception("scheduler: retention purge of %s failed; next round goes on", day)
        return did

    def _case_timer(self, case_id: int) -> tuple[str, TimerAction] | None:
        now = self._clock.now()
        tz = self._desk.clockwork.tz
        today = now.astimezone(tz).date()
        with transaction(self._engine) as session:
            hold_for(session)
            case = session.exec(
                select(Case).where(Case.id == case_id).with_for_update(skip_locked=True)
            ).first()
            if case is None or case.status != CaseStatus.AWAITING_VERIFICATION:
                return None  # settled meanwhile, or another scheduler holds it now
            first = repo.first_event_at(session, case, "code_issued")
            reminded = repo.first_event_at(session, case, "verification_reminder") is not None
            action = verification_timer(
                first.astimezone(tz).date() if first else None, today, reminded
            )
            if action is None:
                return None
            if runs.claim_run(session, action.value, case.reference, now) is None:
                return None
            requester = repo.requester_of(session, case)
            address = requester.address if requester else ""
            language = Language(case.language)
            if action == TimerAction.REMIND:
                assert first is not None
                code = issue_code(session, case, address, self._desk.key, now)
                context = reply_context(ReplyKind.VERIFICATION_REMINDER, case, self._desk.clockwork)
                context.update(
                    closure_date=unverified_closure_date(first.astimezone(tz).date()),
                    code=code.slot if code else None,
                )
                sealed = code.sealed if code else None
                kind = ReplyKind.VERIFICATION_REMINDER
                repo.audit(
                    session, actor="scheduler", action="verification_reminder", at=now, case=case
                )
            else:
                context = reply_context(ReplyKind.UNVERIFIED_CLOSURE, case, self._desk.clockwork)
                kind = ReplyKind.UNVERIFIED_CLOSURE
                sealed = None
                cases.close_unverified(session, case, now=now)
            create_draft(
                session,
                case=case,
                kind=kind,
                language=language,
                to_address=address,
                context=context,
                parent=None,
                outgoing=self._desk.outgoing,
                now=now,
                timer=True,
                sealed_code=sealed,
            )
            log.info("case %s: %s", case.reference, action.value)
            return case.reference, action
