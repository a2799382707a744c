"""Case numbers come out gap-free and unique even with concurrent writers (R21)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db import repo
from privacybot.db.models import AuditEvent, Case, CaseSequence
from privacybot.db.session import transaction


def test_R21_numbers_start_at_one_per_year(engine: Engine) -> None:
    with transaction(engine) as s:
        assert repo.next_case_number(s, 2026) == 1
        assert repo.next_case_number(s, 2026) == 2
        assert repo.next_case_number(s, 2027) == 1


def test_R21_a_rolled_back_transaction_leaves_no_gap(engine: Engine) -> None:
    with pytest.raises(RuntimeError), transaction(engine) as s:
        repo.next_case_number(s, 2026)
        raise RuntimeError("boom")
    with transaction(engine) as s:
        assert repo.next_case_number(s, 2026) == 1


def test_R21_concurrent_writers_get_distinct_consecutive_numbers(engine: Engine) -> None:
    workers, per_worker = 6, 15
    got: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(workers)

    def work() -> None:
        try:
            start.wait()
            for _ in range(per_worker):
                with transaction(engine) as s:
                    n = repo.next_case_number(s, 2026)
                with lock:
                    got.append(n)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(got) == list(range(1, workers * per_worker + 1))
    with Session(engine) as s:
        assert s.get(CaseSequence, 2026).last_seq == workers * per_worker  # type: ignore[union-attr]


def test_times_come_back_as_aware_utc(engine: Engine) -> None:
    instant = datetime(2026, 7, 14, 21, 59, 59, tzinfo=UTC)
    with transaction(engine) as s:
        repo.audit(s, actor="test", action="noted", at=instant, note="x")
    with Session(engine) as s:
        event = s.exec(select(AuditEvent)).one()
    assert event.at == instant
    assert event.at.tzinfo is not None
    assert event.at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive"), transaction(engine) as s:
        repo.audit(s, actor="test", action="noted", at=datetime(2026, 1, 1))
        s.flush()
    with Session(engine) as s:
        assert s.exec(select(Case)).all() == []
