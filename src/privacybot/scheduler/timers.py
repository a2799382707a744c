"""Which timer is due (R7 reminders and closures, the daily jobs, staff alerts); pure.

A requester who never sends the code gets one reminder three days after the first
code and, 28 days after it, the case is closed as unverified with an art. 12(4)
message. Closing wins when both are due (a service that was down for weeks must
not remind someone whose case it is about to close).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from privacybot.cases.deadline import (
    HolidayCalendar,
    staff_alert_dates,
    unverified_closure_date,
    verification_reminder_date,
)


class TimerAction(StrEnum):
    REMIND = "verification_reminder"
    CLOSE_UNVERIFIED = "unverified_closure"


def verification_timer(
    first_code: date | None, today: date, reminder_sent: bool
) -> TimerAction | None:
    if first_code is None:
        return None
    if today >= unverified_closure_date(first_code):
        return TimerAction.CLOSE_UNVERIFIED
    if not reminder_sent and today >= verification_reminder_date(first_code):
        return TimerAction.REMIND
    return None


# --- the daily jobs and staff alerts ------------------------------------------------------


def daily_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant at which a daily job set for local time ``at`` is due on ``day``.

    The first instant at which the local wall clock reads ``at`` or later on that day:

    - a normal day: simply ``at`` local (08:00 on both DST Sundays is an ordinary 08:00);
    - ``at`` repeated (the autumn hour, e.g. 02:30 on the last Sunday of October in
      Europe/Amsterdam): the first of the two, still in summer time;
    - ``at`` skipped (the spring gap, e.g. 02:30 on the last Sunday of March): the
      first instant after the gap, 03:00 summer time (01:00 UTC), rather than
      Python's default of moving the wall time forward by the gap (03:30).
    """
    wall = datetime.combine(day, at)
    after = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if after.astimezone(tz).replace(tzinfo=None) == wall:
        return after  # exists; fold=0 is the earlier of two when repeated
    # Inside a gap: fold=1 maps to before it, fold=0 past it. Bisect on whole seconds
    # for the first instant whose wall clock is at or past ``wall``: the gap's end.
    before = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = 0, int((after - before).total_seconds())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if (before + timedelta(seconds=mid)).astimezone(tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return before + timedelta(seconds=hi)


class StaffAlert(StrEnum):
    """R7: the two alert mails ahead of a due date (overdue cases are in the digest daily)."""

    #: ``due`` - 7 days: the last day to decide on an extension (its notice must reach
    #: the requester within the first month); for an extended case, "due in a week".
    WEEK_BEFORE = "alert_week_before"
    #: ``due`` - 2 working days.
    TWO_WORKING_DAYS = "alert_two_working_days"


def staff_alert_due(due: date, today: date, cal: HolidayCalendar) -> StaffAlert | None:
    """Which alert a case due on ``due`` should have had by ``today``, if any.

    The later alert wins: a service that was down through the week-before date but
    is back before the due date sends only the two-working-days alert. Past the due
    date there is no mail; the digest lists the case every day instead.
    """
    if today > due:
        return None
    week_before, two_days = staff_alert_dates(due, cal)
    if today >= two_days:
        return StaffAlert.TWO_WORKING_DAYS
    if today >= week_before:
        return StaffAlert.WEEK_BEFORE
    return None


def alert_key(reference: str, due: date) -> str:
    """The run key of a case's alert: per due date, so an extension gets its own alerts."""
    return f"{reference}@{due.isoformat()}"
