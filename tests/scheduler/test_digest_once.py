"""The digest goes once per local date: at its time, late rather than never, never twice.

Restarts, crashes between claim and enqueue (an injected failure and a real SIGKILL),
two schedulers at once, DST Sundays, a digest time that does not exist that day,
no recipients, and a staff mailbox that refuses or cannot be reached.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.engine import Engine

from privacybot.db.session import make_engine, read_transaction
from privacybot.outbox.sender import Outcome, Sender
from privacybot.outbox.transport import SmtpTransport
from privacybot.scheduler import jobs, runs, staffmail
from privacybot.scheduler.health import scheduler_health
from privacybot.scheduler.loop import Scheduler
from privacybot.scheduler.timers import daily_instant
from privacybot.testing.servers import LOOPBACK, free_port
from tests.scheduler.conftest import AMS, STAFF_LIST, Desk, local, parts, staff_settings
from tests.servers import SmtpSink

REPO = Path(__file__).resolve().parents[2]
MONDAY = date(2026, 6, 1)


def digests(desk: Desk) -> list[str]:
    """Run key of every digest message queued so far (one per recipient)."""
    return [run.run_key for run, _ in desk.staff_mail(runs.DIGEST)]


def tick(desk: Desk, instant: object) -> None:
    desk.at(instant)  # type: ignore[arg-type]
    desk.scheduler.run_once()


# -- the instant, pure -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "at", "utc_hour", "utc_minute"),
    [
        (date(2026, 3, 28), time(8, 0), 7, 0),  # Saturday, winter time
        (date(2026, 3, 29), time(8, 0), 6, 0),  # last Sunday of March, summer time
        (date(2026, 10, 25), time(8, 0), 7, 0),  # last Sunday of October, winter time again
        (date(2026, 10, 24), time(8, 0), 6, 0),
        # 02:30 does not exist on 29 March: the first instant after the gap, 03:00 CEST.
        (date(2026, 3, 29), time(2, 30), 1, 0),
        # 02:30 happens twice on 25 October: the first time, still CEST.
        (date(2026, 10, 25), time(2, 30), 0, 30),
    ],
)
def test_the_daily_instant_is_local_wall_time_on_dst_days(
    day: date, at: time, utc_hour: int, utc_minute: int
) -> None:
    instant = daily_instant(day, at, AMS)
    assert (instant.hour, instant.minute, instant.date()) == (utc_hour, utc_minute, day)


# -- once, and at the right time -------------------------------------------------------------


def test_the_digest_goes_at_eight_local_once_and_again_the_next_day(desk: Desk) -> None:
    tick(desk, local(MONDAY, 7, 59, 59))
    assert digests(desk) == []
    tick(desk, local(MONDAY, 8, 0))
    assert digests(desk) == ["2026-06-01"] * len(STAFF_LIST)
    tick(desk, local(MONDAY, 8, 1))
    tick(desk, local(MONDAY, 23, 59))
    assert len(digests(desk)) == len(STAFF_LIST)
    tick(desk, local(MONDAY + timedelta(days=1), 8, 0))
    assert sorted(set(digests(desk))) == ["2026-06-01", "2026-06-02"]


def test_a_restarted_scheduler_does_not_send_it_again(desk: Desk) -> None:
    tick(desk, local(MONDAY, 8, 0))
    restarted = Scheduler(desk.engine, desk.flow.desk, desk.flow.clock, staff=staff_settings())
    desk.at(local(MONDAY, 8, 5))
    restarted.run_once()
    assert len(digests(desk)) == len(STAFF_LIST)


def test_a_scheduler_started_after_the_digest_time_sends_it_late(desk: Desk) -> None:
    tick(desk, local(MONDAY, 15, 30))
    assert set(digests(desk)) == {"2026-06-01"}
    [run] = desk.runs(runs.DIGEST)
    assert run.started_at == local(MONDAY, 15, 30)


def test_three_days_down_make_one_digest_not_three(desk: Desk) -> None:
    tick(desk, local(MONDAY, 8, 0))
    tick(desk, local(MONDAY + timedelta(days=3), 10, 0))  # Thursday, after a long outage
    assert sorted(set(digests(desk))) == ["2026-06-01", "2026-06-04"]
    # Before Thursday's time on Thursday nothing is owed for the missed days either.
    assert [r.run_key for r in desk.runs(runs.DIGEST)] == ["2026-06-01", "2026-06-04"]


@pytest.mark.parametrize("sunday", [date(2026, 3, 29), date(2026, 10, 25)])
def test_on_both_dst_sundays_the_digest_arrives_at_eight_local(desk: Desk, sunday: date) -> None:
    for day in (sunday - timedelta(days=1), sunday, sunday + timedelta(days=1)):
        eight = daily_instant(day, time(8, 0), AMS)
        tick(desk, eight - timedelta(seconds=1))
        assert day.isoformat() not in digests(desk)
        tick(desk, eight)
        assert day.isoformat() in digests(desk)
        assert eight.astimezone(AMS).hour == 8
    assert len(desk.runs(runs.DIGEST)) == 3


def test_a_digest_time_that_does_not_exist_that_day_goes_right_after_the_gap(
    desk: Desk,
) -> None:
    desk.scheduler.staff = staff_settings(digest_time=time(2, 30))
    sunday = date(2026, 3, 29)
    tick(desk, local(sunday, 1, 59, 59))  # 00:59:59 UTC, the last second of winter time
    assert digests(desk) == []
    tick(desk, local(sunday, 3, 0))  # clocks jumped from 02:00 to 03:00: due now
    assert set(digests(desk)) == {"2026-03-29"}


def test_the_digest_waits_when_the_settings_time_is_later_than_now(desk: Desk) -> None:
    desk.scheduler.staff = staff_settings(digest_time=time(17, 45))
    tick(desk, local(MONDAY, 17, 44))
    assert digests(desk) == []
    tick(desk, local(MONDAY, 17, 45))
    assert digests(desk)


# -- crashes ------------------------------------------------------------------------------------


def test_a_failure_between_claim_and_enqueue_leaves_no_claim_and_the_next_round_sends(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = staffmail.queue_staff_mail
    calls = {"n": 0}

    def flaky(*args: object, **kwargs: object) -> list[int]:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the database went away mid-digest")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs, "queue_staff_mail", flaky)
    with caplog.at_level(logging.ERROR):
        tick(desk, local(MONDAY, 8, 0))
    assert digests(desk) == [] and desk.runs(runs.DIGEST) == []
    assert "digest of 2026-06-01 failed" in caplog.text
    with read_transaction(desk.engine) as session:
        health = scheduler_health(session)
    assert health["last_failure"]["state"] == "not built"
    assert "went away" in health["last_failure"]["reason"]
    tick(desk, local(MONDAY, 8, 1))
    assert digests(desk) == ["2026-06-01"] * len(STAFF_LIST)


KILLER = r"""
import os, signal, sys
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from privacybot.cases.deadline import Clockwork, HolidayCalendar
from privacybot.db.session import make_engine
from privacybot.scheduler import jobs
from privacybot.service.desk import Desk, Outgoing

url, when = sys.argv[1], datetime.fromisoformat(sys.argv[2])
desk = Desk(
    clockwork=Clockwork(ZoneInfo("Europe/Amsterdam"), HolidayCalendar.load()),
    outgoing=Outgoing("privacy@conxillium.nl", frozenset()),
    key=b"test-key-0123456789abcdef",
)
staff = jobs.StaffSettings(recipients=("fg@conxillium.nl",), from_address="privacy@conxillium.nl")


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # after the claim, before the enqueue


jobs.queue_staff_mail = die
jobs.send_digest(make_engine(url), desk, staff, when)
"""


@pytest.mark.slow  # another program: a subprocess or a server
def test_a_scheduler_killed_between_claim_and_enqueue_is_replaced_by_one_digest(
    desk: Desk, db_url: str
) -> None:
    when = local(MONDAY, 8, 0)
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, db_url, when.isoformat()],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    assert desk.runs(runs.DIGEST) == []  # the claim died with its transaction
    tick(desk, local(MONDAY, 8, 1))
    assert digests(desk) == ["2026-06-01"] * len(STAFF_LIST)


def test_two_schedulers_at_the_same_moment_send_one_digest(desk: Desk, db_url: str) -> None:
    """Two processes' worth: each scheduler has its own engine (own connections)."""
    engines = [make_engine(db_url) for _ in range(2)]
    try:
        for offset in range(3):
            when = local(MONDAY + timedelta(days=offset), 8, 0)
            barrier = threading.Barrier(len(engines))
            results: list[object] = []

            def race(
                engine: Engine,
                when: datetime = when,
                barrier: threading.Barrier = barrier,
                results: list[object] = results,
            ) -> None:
                barrier.wait()
                results.append(jobs.send_digest(engine, desk.flow.desk, staff_settings(), when))

            threads = [threading.Thread(target=race, args=(e,)) for e in engines]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            assert len(results) == 2 and sum(r is not None for r in results) == 1
    finally:
        for e in engines:
            e.dispose()
    assert sorted(set(digests(desk))) == ["2026-06-01", "2026-06-02", "2026-06-03"]
    assert len(digests(desk)) == 3 * len(STAFF_LIST)


# -- who gets it --------------------------------------------------------------------------------


def test_without_recipients_the_digest_is_logged_once_a_day_not_sent(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    desk.scheduler.staff = staff_settings(recipients=())
    with caplog.at_level(logging.INFO, logger="privacybot.scheduler.jobs"):
        tick(desk, local(MONDAY, 8, 0))
        tick(desk, local(MONDAY, 8, 1))
    assert digests(desk) == []
    [run] = desk.runs(runs.DIGEST)
    assert "no recipients" in (run.outcome or "")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "PRIVACYBOT_STAFF_EMAILS" in warnings[0].getMessage()
    assert any("Niets te doen" in r.getMessage() for r in caplog.records)


def test_a_digest_asked_for_by_hand_counts_as_todays_or_comes_extra(desk: Desk) -> None:
    staff = staff_settings()
    early = jobs.send_digest(desk.engine, desk.flow.desk, staff, local(MONDAY, 7, 0), manual=True)
    assert early is not None and early.run_key == "2026-06-01"
    tick(desk, local(MONDAY, 8, 0))  # already done by hand: the scheduler adds none
    assert len(digests(desk)) == len(STAFF_LIST)
    extra = jobs.send_digest(desk.engine, desk.flow.desk, staff, local(MONDAY, 9, 0), manual=True)
    assert extra is not None and extra.run_key == "2026-06-01#2"


# -- a staff mailbox that refuses, or a relay that is down ----------------------------------------


class _Refusing:
    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        return "550 5.1.1 <" + address + ">: mailbox unavailable"


def _sender(desk: Desk, url: str) -> Sender:
    return Sender(
        desk.engine,
        SmtpTransport(url, timeout=5),
        clock=desk.flow.clock,
        bounce_domain="conxillium.nl",
    )


def test_a_refusing_staff_mailbox_fails_and_shows_in_health_and_the_next_digest(
    desk: Desk,
) -> None:
    desk.scheduler.staff = staff_settings(recipients=(STAFF_LIST[0],))
    port = free_port()
    relay = Controller(_Refusing(), hostname=LOOPBACK, port=port)
    relay.start()
    try:
        tick(desk, local(MONDAY, 8, 0))
        assert _sender(desk, f"smtp://{LOOPBACK}:{port}").process_one() == Outcome.FAILED
    finally:
        relay.stop()
    with read_transaction(desk.engine) as session:
        health = scheduler_health(session, local(MONDAY, 9))
    failure = health["last_failure"]
    assert (failure["job"], failure["for"], failure["state"]) == ("digest", "2026-06-01", "failed")
    assert "550 5.1.1" in failure["reason"] and STAFF_LIST[0] not in failure["reason"]
    assert health["digest"]["last_sent_at"] is None and health["outbox"]["failed"] == 1
    tick(desk, local(MONDAY + timedelta(days=1), 8, 0))
    [*_, (_, latest)] = desk.staff_mail(runs.DIGEST)
    _, text, _ = parts(latest.raw)
    assert "MAIL DIE NIET AANKWAM (1)" in text and "(digest)" in text and "550 5.1.1" in text


def test_an_unreachable_relay_is_retried_and_shows_as_retrying(desk: Desk) -> None:
    desk.scheduler.staff = staff_settings(recipients=(STAFF_LIST[0],))
    tick(desk, local(MONDAY, 8, 0))
    assert _sender(desk, f"smtp://{LOOPBACK}:{free_port()}").process_one() == Outcome.RETRY
    with read_transaction(desk.engine) as session:
        health = scheduler_health(session)
    assert health["last_failure"]["state"] == "retrying"
    assert health["outbox"]["retrying"] == 1 and health["digest"]["waiting_in_outbox"] == 1


def test_health_says_when_the_last_digest_left(desk: Desk, smtp_sink: SmtpSink) -> None:
    desk.scheduler.staff = staff_settings(recipients=(STAFF_LIST[0],))
    tick(desk, local(MONDAY, 8, 0))
    url = smtp_sink.url
    desk.at(local(MONDAY, 8, 0, 3))
    assert _sender(desk, url).process_one() == Outcome.SENT
    with read_transaction(desk.engine) as session:
        health = scheduler_health(session, local(MONDAY, 10, 0, 3))
    assert health["digest"]["last_sent_for"] == "2026-06-01"
    assert health["digest"]["last_sent_at"] == "2026-06-01T06:00:03Z"
    assert health["digest"]["hours_since_last_sent"] == 2.0
    assert health["last_failure"] is None


def test_health_of_an_empty_database(desk: Desk) -> None:
    with read_transaction(desk.engine) as session:
        health = scheduler_health(session)
    assert health["digest"]["last_sent_at"] is None and health["last_failure"] is None
    assert health["outbox"] == {"failed": 0, "retrying": 0} and health["purge"] is None
