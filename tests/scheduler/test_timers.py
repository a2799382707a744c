"""R7 verification timers, as a pure decision and on a real database."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from privacybot.scheduler.loop import Scheduler
from privacybot.scheduler.timers import TimerAction, verification_timer
from tests.flow.helpers import Flow, mail, make_flow

ACCESS = "Ik wil graag inzage in mijn persoonsgegevens bij SIM."


def test_R7_reminder_on_day_three_and_closure_on_day_28() -> None:
    first = date(2026, 6, 1)
    assert verification_timer(first, date(2026, 6, 3), False) is None
    assert verification_timer(first, date(2026, 6, 4), False) == TimerAction.REMIND
    assert verification_timer(first, date(2026, 6, 4), True) is None
    assert verification_timer(first, date(2026, 6, 28), True) is None
    assert verification_timer(first, date(2026, 6, 29), True) == TimerAction.CLOSE_UNVERIFIED
    assert verification_timer(first, date(2026, 7, 30), False) == TimerAction.CLOSE_UNVERIFIED
    assert verification_timer(None, date(2026, 7, 30), False) is None


@pytest.fixture
def flow(engine: Engine) -> Flow:
    return make_flow(engine)


def _at(flow: Flow, day: date) -> None:
    flow.clock.current = datetime(day.year, day.month, day.day, 7, 0, tzinfo=UTC)


def test_R7_no_reply_gets_one_reminder_then_an_unverified_closure(flow: Flow) -> None:
    _at(flow, date(2026, 6, 1))
    flow.receive(mail(ACCESS))
    scheduler = Scheduler(flow.engine, flow.desk, flow.clock)
    _at(flow, date(2026, 6, 3))
    assert scheduler.run_once() == []
    _at(flow, date(2026, 6, 4))
    [(ref, action)] = scheduler.run_once()
    assert action == TimerAction.REMIND
    assert scheduler.run_once() == []
    reminder = email.message_from_bytes(flow.outbox()[-1].raw)
    assert reminder["Auto-Submitted"] == "auto-generated"
    assert ref in reminder["Subject"]
    _at(flow, date(2026, 6, 28))
    assert scheduler.run_once() == []
    _at(flow, date(2026, 6, 29))
    [(_, action)] = scheduler.run_once()
    assert action == TimerAction.CLOSE_UNVERIFIED
    assert scheduler.run_once() == []
    [case] = flow.cases()
    assert case.status == "closed" and case.closed_reason == "unverified"
    closure = flow.outbox()[-1]
    text = email.message_from_bytes(closure.raw).get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Autoriteit Persoonsgegevens" in text and "rechter" in text
    assert len(flow.outbox()) == 3


def test_R26_lapsed_codes_are_deleted_and_a_late_code_gets_a_new_one(flow: Flow) -> None:
    _at(flow, date(2026, 6, 1))
    flow.receive(mail(ACCESS))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    flow.clock.advance(timedelta(days=2))
    Scheduler(flow.engine, flow.desk, flow.clock).run_once()
    flow.receive(mail(f"code {code}", subject=ack.subject, in_reply_to=ack.message_id))
    assert not flow.cases()[0].verified
    assert flow.drafts()[-1].kind == "verification_code"
    new_code = flow.code_sent()
    flow.receive(mail(f"nieuwe code {new_code}", subject=ack.subject, in_reply_to=ack.message_id))
    [case] = flow.cases()
    assert case.verified
    # R6: the first code went out on the receipt date, so the two days waiting count as pause.
    assert case.pause_days == 2
    assert case.due == date(2026, 7, 1)
