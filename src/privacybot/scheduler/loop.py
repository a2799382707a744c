"""The scheduler role: every minute, apply the timers that are due.

Each timer action on a case claims a unique (job, run_key) row in the same
transaction as its effects, so with several scheduler processes, restarts or a
crash half-way, a reminder or closure happens exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, select

from privacybot.cases.deadline import unverified_closure_date
from privacybot.clock import Clock
from privacybot.db import repo
from privacybot.db.models import Case, SchedulerRun
from privacybot.db.session import refresh_statistics, transaction
from privacybot.domain import CaseStatus, Language
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.scheduler.timers import TimerAction, verification_timer
from privacybot.service import cases
from privacybot.service.codes import issue_code, purge_expired_codes
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft, purge_sent_attachments

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(self, engine: Engine, desk: Desk, clock: Clock, interval: float = 60.0) -> None:
        self._engine = engine
        self._desk = desk
        self._clock = clock
        self._interval = interval
        self._statistics_at: datetime | None = None

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.run_once)
            except DBAPIError:
                log.exception("scheduler: database problem, trying again next round")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self._interval)

    def run_once(self) -> list[tuple[str, TimerAction]]:
        """Apply every due timer; returns (reference, action) for what was done."""
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
        return done

    def _case_timer(self, case_id: int) -> tuple[str, TimerAction] | None:
        now = self._clock.now()
        tz = self._desk.clockwork.tz
        today = now.astimezone(tz).date()
        with transaction(self._engine) as session:
            case = session.get(Case, case_id)
            if case is None or case.status != CaseStatus.AWAITING_VERIFICATION:
                return None
            first = repo.first_event_at(session, case, "code_issued")
            reminded = repo.first_event_at(session, case, "verification_reminder") is not None
            action = verification_timer(
                first.astimezone(tz).date() if first else None, today, reminded
            )
            if action is None:
                return None
            session.add(SchedulerRun(job=action.value, run_key=case.reference, started_at=now))
            session.flush()
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
