"""R7 staff alerts (due - 7 days, due - 2 working days: one mail each) and the reminder's code."""

from __future__ import annotations

import email
import re
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from privacybot.cases.deadline import HolidayCalendar
from privacybot.db.models import AuditEvent, Case
from privacybot.db.session import transaction
from privacybot.scheduler.timers import StaffAlert, TimerAction, staff_alert_due
from tests.flow.helpers import mail
from tests.scheduler.conftest import PLANTED, STAFF_LIST, Desk, local, parts, staff_settings

CAL = HolidayCalendar.load()
#: Received Tuesday 12 May 2026: due Tuesday 9 June (R3).
RECEIVED = date(2026, 5, 12)
DUE = date(2026, 6, 9)


def test_R7_alert_days_pure() -> None:
    assert staff_alert_due(DUE, date(2026, 6, 1), CAL) is None
    assert staff_alert_due(DUE, date(2026, 6, 2), CAL) == StaffAlert.WEEK_BEFORE
    assert staff_alert_due(DUE, date(2026, 6, 4), CAL) == StaffAlert.WEEK_BEFORE
    assert staff_alert_due(DUE, date(2026, 6, 5), CAL) == StaffAlert.TWO_WORKING_DAYS
    assert staff_alert_due(DUE, DUE, CAL) == StaffAlert.TWO_WORKING_DAYS
    assert staff_alert_due(DUE, DUE + timedelta(days=1), CAL) is None  # overdue: digest only
    # Over Easter: due Tuesday 7 April 2026; two working days before skips Good Friday
    # and Easter Monday: Wednesday 1 April.
    assert staff_alert_due(date(2026, 4, 7), date(2026, 3, 31), CAL) == StaffAlert.WEEK_BEFORE
    assert staff_alert_due(date(2026, 4, 7), date(2026, 4, 1), CAL) == StaffAlert.TWO_WORKING_DAYS


def alerts(desk: Desk) -> list[tuple[str, str, str]]:
    """(job, run key, recipient) of every alert mail queued."""
    return [(r.job, r.run_key, o.to_address) for r, o in desk.staff_mail("alert_")]


def tick(desk: Desk, day: date, hh: int = 8) -> None:
    desk.at(local(day, hh))
    desk.scheduler.run_once()


def test_one_alert_mail_a_week_before_and_two_working_days_before(desk: Desk) -> None:
    ref = desk.request(local(RECEIVED, 10))
    tick(desk, date(2026, 6, 1))
    assert alerts(desk) == []
    tick(desk, date(2026, 6, 2), hh=7)  # before the digest time: nothing yet
    assert alerts(desk) == []
    tick(desk, date(2026, 6, 2))
    key = f"{ref}@{DUE.isoformat()}"
    assert alerts(desk) == [(StaffAlert.WEEK_BEFORE.value, key, to) for to in STAFF_LIST]
    tick(desk, date(2026, 6, 2), hh=12)
    tick(desk, date(2026, 6, 3))
    assert len(alerts(desk)) == len(STAFF_LIST)
    tick(desk, date(2026, 6, 5))
    assert alerts(desk)[-1][0] == StaffAlert.TWO_WORKING_DAYS.value
    for day in (date(2026, 6, 8), DUE, date(2026, 6, 10), date(2026, 6, 15)):
        tick(desk, day)
    assert len(alerts(desk)) == 2 * len(STAFF_LIST)  # overdue days: digest lines, no mail
    with Session(desk.engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "staff_alert")).all()
    assert [e.detail["alert"] for e in events] == [a.value for a in StaffAlert]
    assert all(e.case_reference == ref for e in events)


def test_the_alert_mail_names_the_case_and_the_decision_day_and_nothing_the_citizen_wrote(
    desk: Desk,
) -> None:
    ref = desk.request(local(RECEIVED, 10))
    tick(desk, date(2026, 6, 2))
    _, item = desk.staff_mail("alert_")[0]
    msg, text, html = parts(item.raw)
    assert f"[{ref}]" in msg["Subject"] and "verlenging" in msg["Subject"]
    assert msg["Auto-Submitted"] == "auto-generated" and item.case_id is not None
    assert "di 2026-06-02" in text and "di 2026-06-09" in text
    assert f"privacybot cases extend {ref}" in text and f"/cases/{ref}" in html
    for blob in (text, html, msg["Subject"]):
        assert "Bommel" not in blob and PLANTED not in blob


def test_a_service_down_through_the_first_alert_sends_only_the_later_one(desk: Desk) -> None:
    desk.request(local(RECEIVED, 10))
    tick(desk, date(2026, 6, 5))
    assert [a[0] for a in alerts(desk)] == [StaffAlert.TWO_WORKING_DAYS.value] * len(STAFF_LIST)


def test_an_extended_case_gets_alerts_for_its_new_due_date(desk: Desk) -> None:
    ref = desk.request(local(RECEIVED, 10))
    tick(desk, date(2026, 6, 2))
    with transaction(desk.engine) as session:
        case = session.exec(select(Case).where(Case.reference == ref)).one()
        case.extended_due = case.effective_due = date(2026, 8, 12)  # as service/cases keeps them
        session.add(case)
    tick(desk, date(2026, 6, 5))  # no two-day alert for the old due date
    assert len(alerts(desk)) == len(STAFF_LIST)
    tick(desk, date(2026, 8, 5))
    [*_, (job, key, _)] = alerts(desk)
    assert (job, key) == (StaffAlert.WEEK_BEFORE.value, f"{ref}@2026-08-12")
    _, item = desk.staff_mail("alert_")[-1]
    assert "Termijn over een week" in parts(item.raw)[0]["Subject"]


def test_a_settled_case_gets_no_alert(desk: Desk) -> None:
    ref = desk.request(local(RECEIVED, 10))
    with transaction(desk.engine) as session:
        case = session.exec(select(Case).where(Case.reference == ref)).one()
        case.status = "answered"
        session.add(case)
    tick(desk, date(2026, 6, 2))
    assert alerts(desk) == []


def test_without_recipients_the_alert_is_recorded_once_and_not_sent(desk: Desk) -> None:
    desk.scheduler.staff = staff_settings(recipients=())
    desk.request(local(RECEIVED, 10))
    tick(desk, date(2026, 6, 2))
    tick(desk, date(2026, 6, 2), hh=9)
    assert alerts(desk) == []
    [run] = desk.runs(StaffAlert.WEEK_BEFORE.value)
    assert run.outcome == "queued for 0 recipient(s)"


# -- R7: the reminder carries a fresh code ------------------------------------------------------


def _code(raw: bytes) -> str:
    body = email.message_from_bytes(raw).get_payload(decode=True)
    assert isinstance(body, bytes)
    found = re.findall(r"\b\d{6}\b", body.decode())
    assert found
    return str(found[0])


@pytest.mark.parametrize("reply_with", ["reminder", "first"])
def test_R7_the_reminder_carries_a_fresh_code_when_the_first_has_expired(
    desk: Desk, reply_with: str
) -> None:
    desk.request(local(date(2026, 6, 1), 10), verify=False)
    first = _code(desk.flow.sent_bytes(desk.flow.outbox()[-1]))
    ack = desk.flow.drafts()[0]
    desk.at(local(date(2026, 6, 4), 10))
    [(_, action)] = desk.scheduler.run_once()
    assert action == TimerAction.REMIND
    [*_, reminder] = [o for o in desk.flow.outbox() if o.draft_id is not None]
    assert b"Herinnering" in reminder.raw
    fresh = _code(desk.flow.sent_bytes(reminder))
    assert fresh != first
    desk.flow.receive(
        mail(
            f"code {fresh if reply_with == 'reminder' else first}",
            subject=ack.subject,
            in_reply_to=ack.message_id,
        )
    )
    [case] = desk.flow.cases()
    # The fresh code verifies; the expired first one does not (and gets another code).
    assert case.verified is (reply_with == "reminder")
