"""/healthz as a list of named checks, so each part of the service can plug its own in.

A check is a name, a function that returns a :class:`CheckResult`, and whether its
failure makes the whole service unhealthy (``critical``: only the database, as
docs/operators.md promises "200 when the database is reachable"). The others report
``warn`` and are listed under ``warnings`` while the status stays ``ok`` with HTTP 200,
so an orchestrator does not restart the web role because the IMAP server is down, and
a monitor can still alert on ``warnings``.

Providers plug in with :func:`session_check` (a function of a read session that
returns a dict, like ``privacybot.scheduler.health.scheduler_health``) or by building
a :class:`HealthCheck` directly; ``runner.Service`` passes the ones it owns (the
IMAP watcher's state) to ``create_app``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, func, select

from privacybot.db.models import OutboxItem
from privacybot.db.session import read_transaction
from privacybot.scheduler.health import scheduler_health
from privacybot.states import OutboxStatus

log = logging.getLogger(__name__)

Status = Literal["ok", "warn", "error"]


@dataclass(frozen=True)
class CheckResult:
    status: Status
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HealthCheck:
    name: str
    run: Callable[[], CheckResult]
    critical: bool = False


def run_checks(checks: Sequence[HealthCheck]) -> tuple[int, dict[str, Any]]:
    """HTTP status and body of /healthz; a check that raises counts as ``error``."""
    results: dict[str, Any] = {}
    warnings: list[str] = []
    worst = "ok"
    code = 200
    for check in checks:
        try:
            result = check.run()
        except Exception as exc:  # a broken provider must not break /healthz
            log.warning("health check %s failed: %s", check.name, type(exc).__name__)
            result = CheckResult("error", {"error": type(exc).__name__})
        results[check.name] = {"status": result.status, **result.detail}
        if result.status != "ok":
            warnings.append(check.name)
        if result.status == "error" and check.critical:
            worst, code = "error", 503
    return code, {"status": worst, "warnings": warnings, "checks": results}


def database_check(engine: Engine) -> HealthCheck:
    def run() -> CheckResult:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return CheckResult("error", {"database": "unreachable"})
        return CheckResult("ok")

    return HealthCheck("database", run, critical=True)


def outbox_check(
    engine: Engine, now: Callable[[], datetime], stale_minutes: int = 15
) -> HealthCheck:
    """Backlog: pending items (and how old the oldest is), failed items waiting for staff."""

    def run() -> CheckResult:
        with read_transaction(engine) as session:
            pending, oldest = session.exec(
                select(func.count(), func.min(OutboxItem.next_attempt_at)).where(
                    col(OutboxItem.status).in_([OutboxStatus.PENDING, OutboxStatus.SENDING])
                )
            ).one()
            failed = session.exec(
                select(func.count()).where(OutboxItem.status == OutboxStatus.FAILED)
            ).one()
        late = 0.0
        if oldest is not None:
            late = max(0.0, (now() - oldest).total_seconds())
        status: Status = "warn" if failed or late > stale_minutes * 60 else "ok"
        return CheckResult(
            status, {"pending": int(pending), "failed": int(failed), "oldest_due_s": int(late)}
        )

    return HealthCheck("outbox", run)


def intake_check(status: Callable[[], str] | None) -> HealthCheck:
    """The IMAP watcher's state when intake runs in this process (else it says so)."""

    def run() -> CheckResult:
        if status is None:
            return CheckResult("ok", {"imap": "not in this process"})
        state = status()
        healthy = state in ("idle", "polling", "catching-up", "connecting", "new")
        return CheckResult("ok" if healthy else "warn", {"imap": state})

    return HealthCheck("intake", run)


def session_check(
    name: str, engine: Engine, provider: Callable[[Session], Mapping[str, Any]]
) -> HealthCheck:
    """Adapt a provider ``f(session) -> dict`` (with an optional ``status`` key)."""

    def run() -> CheckResult:
        with read_transaction(engine) as session:
            data = dict(provider(session))
        raw = data.pop("status", "ok")
        status: Status = raw if raw in ("ok", "warn", "error") else "warn"
        return CheckResult(status, data)

    return HealthCheck(name, run)


# --- SCHEDULER ---------------------------------------------------------------------------


def scheduler_check(engine: Engine) -> HealthCheck:
    """The digest, staff mail and purge state from the scheduler's own read model."""
    return session_check("scheduler", engine, scheduler_health)


def default_checks(
    engine: Engine, now: Callable[[], datetime], imap_status: Callable[[], str] | None = None
) -> list[HealthCheck]:
    return [
        database_check(engine),
        intake_check(imap_status),
        outbox_check(engine, now),
        scheduler_check(engine),
    ]
