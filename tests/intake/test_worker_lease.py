"""PostgreSQL: triage workers share the queue with SKIP LOCKED; a hung worker's claim lapses.

A worker holds its row locked for as long as its transaction is open. If it dies the
connection goes and the row is free at once; if it hangs, the lease
(``idle_in_transaction_session_timeout`` for that transaction, db/lease.py) ends its
session and another worker takes the message.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from privacybot.db.lease import hold_for
from privacybot.db.models import InboundMessage
from privacybot.db.session import make_engine, transaction
from privacybot.intake.base import InboundEnvelope
from privacybot.intake.worker import TriageWorker
from tests.flow.helpers import OUR, mail, make_flow


@pytest.fixture
def pg(engine: Engine, db_url: str) -> str:
    # Row locks and leases across processes are PostgreSQL's (SQLite: one process).
    assert engine.dialect.name == "postgresql"
    return db_url


@pytest.mark.postgresql_only
def test_a_hung_worker_loses_its_row_when_the_lease_runs_out(engine: Engine, pg: str) -> None:
    flow = make_flow(engine)
    flow.sink.store(  # stored, not triaged yet
        InboundEnvelope(
            channel="email",
            source="test",
            key="test:hung",
            raw=mail("Ik wil graag inzage in mijn gegevens bij SIM."),
            received=flow.clock.now(),
            message_id="<hung@example.nl>",
        )
    )
    holder = make_engine(pg)
    second = make_engine(pg)
    locked = threading.Event()
    outcome: list[str] = []

    def hang() -> None:
        try:
            with transaction(holder) as session:
                hold_for(session, timedelta(seconds=1))
                row = session.exec(select(InboundMessage).with_for_update(skip_locked=True)).first()
                assert row is not None
                locked.set()
                time.sleep(3)  # hung with the transaction open
                row.problem = "the hung worker came back"
                session.add(row)
        except DBAPIError:
            outcome.append("session ended by the server")

    thread = threading.Thread(target=hang)
    thread.start()
    try:
        assert locked.wait(10)
        other = TriageWorker(second, flow.desk, flow.clock, our_address=OUR, min_confidence=0.5)
        assert other.process_one() is False  # held: skipped, not waited for
        deadline = time.monotonic() + 10
        while not other.process_one():
            assert time.monotonic() < deadline, "the hung worker's claim never lapsed"
            time.sleep(0.2)
        thread.join(10)
    finally:
        holder.dispose()
        second.dispose()
    assert outcome == ["session ended by the server"]
    [row] = flow.inbound()
    assert row.state != "stored" and row.problem is None
    assert len(flow.cases()) == 1
