"""A lease on the rows a transaction holds: it lapses when the worker stops answering.

On PostgreSQL, queue rows (inbound triage, scheduler jobs) are claimed by locking them
(``FOR UPDATE SKIP LOCKED``, an advisory lock) inside the transaction that does the
work, so the claim ends with the transaction. A worker that dies loses its connection
and PostgreSQL rolls back at once; a worker that hangs with the transaction open (a
frozen host, a stuck thread) would hold the rows forever. :func:`hold_for` sets
``idle_in_transaction_session_timeout`` for this transaction only: once the worker
has been silent that long, the server ends its session and another worker takes the
rows. SQLite has one service process (``runner`` refuses a second), so there is
nothing to lease there.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text
from sqlmodel import Session

#: How long a transaction that holds claimed rows may sit idle before its claim lapses.
DEFAULT_LEASE = timedelta(minutes=5)


def hold_for(session: Session, lease: timedelta = DEFAULT_LEASE) -> None:
    """Give the claims of the current transaction a lease of ``lease`` (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    millis = max(int(lease.total_seconds() * 1000), 1000)
    session.execute(
        text("SELECT set_config('idle_in_transaction_session_timeout', :ms, true)"),
        {"ms": str(millis)},
    )
