"""The engine and the unit of work: one short transaction per decision.

SQLite gets WAL, a busy timeout and foreign keys so that the intake, triage and sender
threads of one process can share it; PostgreSQL gets a small pool with pre-ping so a
restarted server is noticed instead of failing the next query.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

#: Execution option marking a read-only unit of work (no SQLite write lock taken).
READ_ONLY = "privacybot_read_only"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": 30},
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Python's sqlite3 opens transactions lazily; take the write lock at BEGIN
            # instead so two writers never deadlock upgrading a read lock.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            if conn.get_execution_options().get(READ_ONLY):
                conn.exec_driver_sql("BEGIN")
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        connect_args={"connect_timeout": 5},
    )


_WRITE_LOCKS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
_WRITE_LOCKS_GUARD = threading.RLock()


def _write_lock(engine: Engine) -> threading.RLock | None:
    """SQLite admits one writer; threads of this process queue here, not in SQLite.

    SQLite's busy handler sleeps in growing steps (up to 100 ms) before it retries, so
    a thread that waits there keeps waiting well after the lock is free. A Python
    lock wakes the next writer the moment the previous one commits. Other processes
    still meet SQLite's own lock and busy timeout.
    """
    if engine.dialect.name != "sqlite":
        return None
    with _WRITE_LOCKS_GUARD:
        lock = _WRITE_LOCKS.get(engine)
        if lock is None:
            lock = _WRITE_LOCKS[engine] = threading.RLock()
        return lock


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """Commit on success, roll back on any exception; the caller sees one atomic change."""
    lock = _write_lock(engine)
    with contextlib.ExitStack() as stack:
        if lock is not None:
            stack.enter_context(lock)
        session = stack.enter_context(Session(engine, expire_on_commit=False))
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Session]:
    """A consistent read that never takes SQLite's write lock, so writers are not held up.

    Anything written through this session is rolled back: it is for reading only.
    """
    with Session(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False) as session:
        try:
            yield session
        finally:
            session.rollback()


def refresh_statistics(engine: Engine) -> None:
    """SQLite: gather the planner's statistics (ANALYZE), so the work queue sorts on its index.

    Without statistics SQLite takes the status index for a selective one and sorts
    the whole table; with them the due-date index is read in order (70 ms -> 7 ms at
    100,000 cases). A fraction of a second at that size; the scheduler runs it daily.
    PostgreSQL's autovacuum keeps its own statistics.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
