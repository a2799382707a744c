"""How the daily jobs are doing, as plain data for ``/healthz`` and the operator.

:func:`scheduler_health` reads only: when the last digest actually left (the relay
took it, not merely queued), for which local date, the last failure of staff mail or
of building the digest with its reason (addresses removed), how many outbox items
failed or are being retried, and how the last retention purge went. It names no
citizen and holds no message text, so an unauthenticated health endpoint may show it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from privacybot.db.models import OutboxItem, SchedulerRun
from privacybot.outbox.transport import redact_addresses
from privacybot.scheduler import runs
from privacybot.states import OutboxStatus


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat().replace("+00:00", "Z") if instant is not None else None


def _count(session: Session, *conditions: Any) -> int:
    query = select(func.count()).select_from(OutboxItem).where(*conditions)
    return int(session.exec(query).one())


def _last_failure(session: Session) -> dict[str, Any] | None:
    """The newest of: staff mail failed or retrying in the outbox, a digest that did not build."""
    failing = or_(
        col(OutboxItem.status) == OutboxStatus.FAILED,
        and_(col(OutboxItem.status) == OutboxStatus.PENDING, col(OutboxItem.attempts) > 0),
    )
    mail = session.exec(
        select(OutboxItem, SchedulerRun)
        .join(SchedulerRun, col(OutboxItem.scheduler_run_id) == col(SchedulerRun.id))
        .where(failing)
        .order_by(col(OutboxItem.created).desc(), col(OutboxItem.id).desc())
    ).first()
    built = runs.latest(session, runs.DIGEST_FAILURE)
    found: list[tuple[datetime, dict[str, Any]]] = []
    if mail is not None:
        item, run = mail
        found.append(
            (
                item.created,
                {
                    "at": _iso(item.created),
                    "job": run.job,
                    "for": run.run_key,
                    "state": "failed" if item.status == OutboxStatus.FAILED else "retrying",
                    "attempts": item.attempts,
                    "reason": redact_addresses(item.last_error or "")[:300],
                },
            )
        )
    if built is not None:
        found.append(
            (
                built.started_at,
                {
                    "at": _iso(built.started_at),
                    "job": runs.DIGEST,
                    "for": built.run_key,
                    "state": "not built",
                    "attempts": None,
                    "reason": redact_addresses(built.outcome or "")[:300],
                },
            )
        )
    if not found:
        return None
    return max(found, key=lambda pair: pair[0])[1]


def scheduler_health(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """The daily jobs' state; ``now`` adds the age of the last digest that left."""
    sent = session.exec(
        select(SchedulerRun.run_key, OutboxItem.sent_at)
        .join(OutboxItem, col(OutboxItem.scheduler_run_id) == col(SchedulerRun.id))
        .where(SchedulerRun.job == runs.DIGEST, OutboxItem.status == OutboxStatus.SENT)
        .order_by(col(OutboxItem.sent_at).desc())
    ).first()
    last_run = runs.latest(session, runs.DIGEST)
    pending = 0
    if last_run is not None:
        pending = _count(
            session,
            OutboxItem.scheduler_run_id == last_run.id,
            col(OutboxItem.status).in_([OutboxStatus.PENDING.value, OutboxStatus.SENDING.value]),
        )
    sent_at = sent[1] if sent is not None else None
    purge = runs.latest(session, runs.PURGE)
    return {
        "digest": {
            "last_sent_at": _iso(sent_at),
            "last_sent_for": sent[0].split("#")[0] if sent is not None else None,
            "hours_since_last_sent": (
                round((now - sent_at).total_seconds() / 3600, 1)
                if now is not None and sent_at is not None
                else None
            ),
            "last_run_for": last_run.run_key if last_run is not None else None,
            "last_run_outcome": last_run.outcome if last_run is not None else None,
            "waiting_in_outbox": pending,
        },
        "last_failure": _last_failure(session),
        "outbox": {
            "failed": _count(session, OutboxItem.status == OutboxStatus.FAILED),
            "retrying": _count(
                session, OutboxItem.status == OutboxStatus.PENDING, col(OutboxItem.attempts) > 0
            ),
        },
        "purge": (
            {
                "last_run_for": purge.run_key,
                "finished_at": _iso(purge.finished_at),
                "outcome": purge.outcome,
            }
            if purge is not None
            else None
        ),
    }
