"""The read path uses its indexes: the lists and R20's per-address lookup (issue 11.8).

Checked with each database's own query plan, so a later change to a query or an index
that would fall back to reading the whole table is caught here, not at 100,000 cases.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.models import Case, OutboxItem, Requester


def _plan(engine: Engine, session: Session, statement: object) -> str:
    compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})  # type: ignore[attr-defined]
    if engine.dialect.name == "sqlite":
        rows = session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
        return "\n".join(str(row[-1]) for row in rows)
    session.execute(text("SET LOCAL enable_seqscan = off"))
    rows = session.execute(text(f"EXPLAIN {compiled}")).all()
    return "\n".join(str(row[0]) for row in rows)


def _list_statement(order: str) -> object:
    query = select(Case, Requester).outerjoin(
        Requester, col(Case.requester_id) == col(Requester.id)
    )
    if order == "due":
        return query.order_by(repo.effective_due(), col(Case.id)).limit(50)
    return query.order_by(col(Case.received), col(Case.id)).limit(50)


def test_the_case_list_by_receipt_reads_its_index(engine: Engine) -> None:
    with Session(engine) as s:
        plan = _plan(engine, s, _list_statement("received"))
    assert "ix_case_received" in plan, plan


def test_the_overdue_filter_uses_the_due_index(engine: Engine) -> None:
    statement = select(Case).where(Case.due < datetime(2026, 6, 1).date()).limit(50)
    with Session(engine) as s:
        plan = _plan(engine, s, statement)
    assert "ix_case_due" in plan, plan


def test_r20_counts_earlier_replies_to_an_address_through_an_index(engine: Engine) -> None:
    now = datetime(2026, 6, 1, tzinfo=UTC)
    statement = select(OutboxItem.created).where(
        OutboxItem.to_address == "anna@example.nl",
        OutboxItem.automatic == True,  # noqa: E712
        OutboxItem.created > now - timedelta(days=7),
    )
    with Session(engine) as s:
        plan = _plan(engine, s, statement)
    assert "ix_outbox_to_created" in plan, plan


def test_refreshing_statistics_leaves_sqlite_something_to_plan_with(engine: Engine) -> None:
    from privacybot.db.session import refresh_statistics

    refresh_statistics(engine)
    if engine.dialect.name == "sqlite":
        with Session(engine) as s:
            tables = s.execute(text("SELECT name FROM sqlite_master WHERE name='sqlite_stat1'"))
            assert tables.all(), "ANALYZE did not commit its statistics"
