"""Once-only jobs: claim a unique (job, run_key) row, record how the run ended.

A job that does all its work in one transaction (the digest, an alert, an R7 timer)
claims its row in that same transaction: if anything fails or the process dies
before the commit, the claim disappears with the work and the next round tries
again; once committed, no other scheduler can claim it. There is no window in which
the work is done but unclaimed, or claimed but never done.

On PostgreSQL the claim first takes a transaction-scoped advisory lock on the key
with ``pg_try_advisory_xact_lock``, the equivalent of ``SKIP LOCKED``: a second
scheduler skips a job another is doing right now instead of waiting on the unique
index. The unique constraint stays the final guard on both databases.

A job too big for one transaction (the retention purge) commits its claim first and
finishes it at the end; a claim left unfinished for ``stale_after`` belongs to a
worker that died and is taken over.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.db.models import SchedulerRun
from privacybot.db.session import transaction

#: The job names of scheduler_run rows written here (R7 timers use their action names).
DIGEST = "digest"
DIGEST_FAILURE = "digest_failure"
PURGE = "purge"


def _advisory_key(job: str, run_key: str) -> int:
    """A stable signed 64-bit number for (job, run_key), as pg advisory locks take."""
    digest = hashlib.blake2b(f"{job}\0{run_key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _try_lock(session: Session, job: str, run_key: str) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return True  # one process (runner refuses a second) and one writer at a time
    locked = session.execute(select(func.pg_try_advisory_xact_lock(_advisory_key(job, run_key))))
    return bool(locked.scalar())


def claim_run(
    session: Session,
    job: str,
    run_key: str,
    now: datetime,
    *,
    stale_after: timedelta | None = None,
) -> SchedulerRun | None:
    """The new run row for (job, run_key) in the caller's transaction, or None if taken.

    None when another scheduler is at it right now (PostgreSQL) or it was done (or is
    still running, within ``stale_after``). A racing insert that slips past both
    raises IntegrityError at flush; callers treat that as "taken" too.
    """
    if not _try_lock(session, job, run_key):
        return None
    existing = session.exec(
        select(SchedulerRun).where(SchedulerRun.job == job, SchedulerRun.run_key == run_key)
    ).first()
    if existing is not None:
        if (
            stale_after is not None
            and existing.finished_at is None
            and existing.started_at <= now - stale_after
        ):
            existing.started_at = now
            existing.outcome = "taken over: the previous run did not finish"
            session.add(existing)
            session.flush()
            return existing
        return None
    run = SchedulerRun(job=job, run_key=run_key, started_at=now)
    session.add(run)
    session.flush()
    return run


def finish(session: Session, run: SchedulerRun, now: datetime, outcome: str) -> None:
    run.finished_at = now
    run.outcome = outcome[:200]
    session.add(run)


def finish_run(engine: Engine, run_id: int, now: datetime, outcome: str) -> None:
    """Mark a run that committed its claim separately (``stale_after`` jobs) as done."""
    with transaction(engine) as session:
        run = session.get(SchedulerRun, run_id)
        if run is not None:
            finish(session, run, now, outcome)


def record_failure(engine: Engine, job: str, run_key: str, now: datetime, reason: str) -> None:
    """Keep the last failure of a job per key (for health and the next digest).

    Written in its own transaction, after the failed one rolled back, so the failed
    job stays unclaimed and is tried again.
    """
    with transaction(engine) as session:
        row = session.exec(
            select(SchedulerRun).where(SchedulerRun.job == job, SchedulerRun.run_key == run_key)
        ).first()
        if row is None:
            row = SchedulerRun(job=job, run_key=run_key, started_at=now)
        row.started_at = now
        row.finished_at = now
        row.outcome = reason[:200]
        session.add(row)


def latest(session: Session, job: str, *, before: int | None = None) -> SchedulerRun | None:
    """The most recent run of ``job`` (optionally other than run id ``before``)."""
    query = select(SchedulerRun).where(SchedulerRun.job == job)
    if before is not None:
        query = query.where(SchedulerRun.id != before)
    return session.exec(
        query.order_by(col(SchedulerRun.started_at).desc(), col(SchedulerRun.id).desc())
    ).first()


def taken_keys(session: Session, jobs: tuple[str, ...], since: datetime) -> set[tuple[str, str]]:
    """(job, run_key) of the runs of ``jobs`` started since ``since``: a cheap pre-filter."""
    rows = session.exec(
        select(SchedulerRun.job, SchedulerRun.run_key).where(
            col(SchedulerRun.job).in_(jobs), col(SchedulerRun.started_at) >= since
        )
    ).all()
    return {(job, key) for job, key in rows}
