"""Statutory deadline math (docs/rules.md R1-R7): receipt date, working days, due dates, timers.

Everything here is a pure function of its arguments: instants and dates are
passed in, the wall clock is never read. The only I/O is reading the data file
of *gelijkgestelde dagen* when a :class:`HolidayCalendar` is built, which the
service does once at start.
"""

from __future__ import annotations

import calendar
import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from privacybot.paths import package_data

#: "Local" of docs/rules.md: receipt dates and deadlines are dates in this zone.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: R3: "vier weken", the term the privacy statement promises.
TERM_DAYS = 28
#: R7: one reminder when a code has not been used after this many days.
REMINDER_AFTER_DAYS = 3
#: R7: an unverified case is closed this many days after the first code.
UNVERIFIED_CLOSURE_DAYS = 28
#: R7: staff alerts this many calendar days before the due date ...
ALERT_DAYS_BEFORE = 7
#: ... and this many working days before it.
ALERT_WORKING_DAYS_BEFORE = 2

EQUATED_DAYS_FILE = "gelijkgestelde_dagen.toml"


# --- R1 -----------------------------------------------------------------------


def receipt_date(instant: datetime, tz: ZoneInfo = AMSTERDAM) -> date:
    """R1: the local date of the receipt instant (weekends and holidays count).

    The instant must be aware (IMAP INTERNALDATE or Telegram's Unix time): a
    naive value has no defined local date, so guessing would move deadlines.
    """
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"receipt instant must be timezone-aware, got naive {instant!r}")
    return instant.astimezone(tz).date()


# --- R2 -----------------------------------------------------------------------


def easter(year: int) -> date:
    """R2: Gregorian Easter Sunday (anonymous computus, Meeus/Jones/Butcher).

    Works for every year ``date`` can hold; the Atw holidays hang off it.
    """
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@functools.cache
def _statutory(year: int) -> frozenset[date]:
    e = easter(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # Sunday: Koningsdag moves to Saturday the 26th
        kings_day = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),  # Nieuwjaarsdag
            e - timedelta(days=2),  # Goede Vrijdag (lid 2)
            e + timedelta(days=1),  # tweede Paasdag
            kings_day,  # Koningsdag
            date(year, 5, 5),  # Bevrijdingsdag, every year
            e + timedelta(days=39),  # Hemelvaartsdag
            e + timedelta(days=50),  # tweede Pinksterdag
            date(year, 12, 25),  # eerste Kerstdag
            date(year, 12, 26),  # tweede Kerstdag
        }
    )


def statutory_holidays(year: int) -> set[date]:
    """R2: the feestdagen of Atw art. 3 lid 1 and 2 for one year.

    Easter Sunday and Whit Sunday are not listed: they are Sundays anyway.
    Koningsdag follows the current rule for every year (27 April, 26 April
    when the 27th is a Sunday); older Koninginnedag dates are not modelled.
    """
    return set(_statutory(year))


@dataclass(frozen=True)
class HolidayCalendar:
    """R2: the non-working days: weekends, Atw feestdagen and gelijkgestelde dagen.

    The equated days come from a Besluit gelijkstelling that covers a few
    years at a time, so they are data (shipped file plus an optional operator
    file), not code. A year with no entry uses the statutory days alone.
    """

    equated_days: frozenset[date] = frozenset()
    years_covered: frozenset[int] = frozenset()
    sources: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra: Path | None = None) -> HolidayCalendar:
        """The shipped equated days, plus those of the operator's file ``extra``."""
        cal = cls.from_file(package_data(EQUATED_DAYS_FILE))
        if extra is not None:
            cal = cal.merged(cls.from_file(extra))
        return cal

    @classmethod
    def from_file(cls, path: Path) -> HolidayCalendar:
        """Read one equated-days TOML file; any problem is a ValueError naming the file."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read equated-days file: {exc}") from exc
        return cls.from_toml(text, source=str(path))

    @classmethod
    def from_toml(cls, text: str, source: str = "<string>") -> HolidayCalendar:
        """Parse the TOML of an equated-days file (see the shipped file for the shape)."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{source}: not valid TOML: {exc}") from exc
        return cls.from_mapping(data, source=source)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<data>") -> HolidayCalendar:
        unknown = set(data) - {"besluit"}
        if unknown:
            raise ValueError(f"{source}: unknown top-level key(s) {sorted(unknown)}")
        tables = data.get("besluit", [])
        if not isinstance(tables, list):
            raise ValueError(f"{source}: 'besluit' must be an array of tables ([[besluit]])")
        days: set[date] = set()
        years: set[int] = set()
        titles: list[str] = []
        for n, table in enumerate(tables, start=1):
            where = f"{source}: besluit #{n}"
            title, table_years, table_days = _parse_besluit(table, where)
            titles.append(title)
            years |= table_years
            days |= table_days
        return cls(frozenset(days), frozenset(years), tuple(titles))

    def merged(self, other: HolidayCalendar) -> HolidayCalendar:
        """Both calendars' equated days: an operator file only ever adds days."""
        return HolidayCalendar(
            self.equated_days | other.equated_days,
            self.years_covered | other.years_covered,
            self.sources + other.sources,
        )

    def non_working_days(self, year: int) -> set[date]:
        """R2: the named non-working days of a year (feestdagen and equated days).

        Saturdays and Sundays are non-working by weekday and are not listed;
        this is the set the R2 test enumerates.
        """
        return set(_statutory(year)) | {d for d in self.equated_days if d.year == year}

    def is_working_day(self, d: date) -> bool:
        """R2: not a Saturday, Sunday, feestdag or gelijkgestelde dag."""
        return d.weekday() < 5 and d not in self.equated_days and d not in _statutory(d.year)

    def roll(self, d: date) -> date:
        """R2 ``roll(d)``: the first day on or after ``d`` that is a working day."""
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def missing_equated_years(self, today: date) -> list[int]:
        """R2: current or next year without an equated-days entry (a new Besluit is due)."""
        return [y for y in (today.year, today.year + 1) if y not in self.years_covered]

    def coverage_warning(self, today: date) -> str | None:
        """R2: the warning for the start log and the digest, or None when covered."""
        missing = self.missing_equated_years(today)
        if not missing:
            return None
        listed = ", ".join(str(y) for y in missing)
        return (
            f"No gelijkgestelde dagen known for {listed}: deadlines there use the statutory "
            "feestdagen only. Add the new Besluit gelijkstelling to the equated-days file."
        )


def _parse_besluit(table: object, where: str) -> tuple[str, set[int], set[date]]:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: must be a table")
    unknown = set(table) - {"title", "years", "dates"}
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}")
    title = table.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"{where}: 'title' must be a non-empty string")
    raw_dates = table.get("dates")
    if not isinstance(raw_dates, list):
        raise ValueError(f"{where}: 'dates' must be a list of dates (YYYY-MM-DD)")
    days: set[date] = set()
    for value in raw_dates:
        # tomllib gives datetime for date-times; datetime is a date subclass, so check exactly.
        if type(value) is not date:
            raise ValueError(f"{where}: {value!r} in 'dates' is not a TOML local date (YYYY-MM-DD)")
        days.add(value)
    raw_years = table.get("years", sorted({d.year for d in days}))
    if not isinstance(raw_years, list) or not all(
        type(y) is int and 1 <= y <= 9999 for y in raw_years
    ):
        raise ValueError(f"{where}: 'years' must be a list of years (integers)")
    years = set(raw_years)
    stray = sorted(d.isoformat() for d in days if d.year not in years)
    if stray:
        raise ValueError(f"{where}: date(s) {stray} outside the listed years {sorted(years)}")
    return title.strip(), years, days


@functools.cache
def default_calendar() -> HolidayCalendar:
    """The shipped calendar alone, read once; the service passes its own if extended."""
    return HolidayCalendar.load()


# --- R3-R5 --------------------------------------------------------------------


def add_months(d: date, n: int) -> date:
    """``addMonths``: same day-of-month ``n`` months on, clamped to month end (Reg. 1182/71)."""
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _check_pause(pause_days: int) -> timedelta:
    if pause_days < 0:
        raise ValueError(f"pause_days must be >= 0, got {pause_days}")
    return timedelta(days=pause_days)


def due_date(receipt: date, cal: HolidayCalendar, pause_days: int = 0) -> date:
    """R3: ``roll(receipt + 28 days + p)``, the four weeks the privacy statement promises."""
    return cal.roll(receipt + timedelta(days=TERM_DAYS) + _check_pause(pause_days))


def gdpr_due(receipt: date, cal: HolidayCalendar, pause_days: int = 0) -> date:
    """R4: ``roll(addMonths(receipt, 1) + p)``, the art. 12(3) month; never before R3's due."""
    return cal.roll(add_months(receipt, 1) + _check_pause(pause_days))


def extended_due(receipt: date, cal: HolidayCalendar, pause_days: int = 0) -> date:
    """R5: ``roll(addMonths(addMonths(receipt, 1), 2) + p)``.

    The two extra months run from the end of the first month, unrolled, so
    2027-01-31 gives 02-28 and then 04-28 (clamping happens twice).
    """
    return cal.roll(add_months(add_months(receipt, 1), 2) + _check_pause(pause_days))


# --- R6 -----------------------------------------------------------------------


def verification_pause_days(
    receipt: date,
    first_otp: date | None,
    verified: date | None,
    cal: HolidayCalendar,
    enabled: bool = True,
) -> int:
    """R6: days the clock stands still while we wait for the requester's code.

    EDPB 01/2022 §159 allows the pause only when the controller asked
    "without undue delay": here, when the first code went out on the receipt
    date or by the next working day. ``p`` counts local days from that code to
    the successful verification; before verification it is 0 (the due date
    shown meanwhile is the earliest possible one). ``enabled`` is
    PAUSE_DURING_VERIFICATION [CX].
    """
    if not enabled or first_otp is None or verified is None:
        return 0
    if first_otp < receipt:
        raise ValueError(f"first code {first_otp} predates receipt {receipt}")
    if verified < first_otp:
        raise ValueError(f"verification {verified} predates the first code {first_otp}")
    if first_otp > cal.roll(receipt + timedelta(days=1)):
        return 0
    return (verified - first_otp).days


# --- R7 -----------------------------------------------------------------------


def verification_reminder_date(first_otp: date) -> date:
    """R7: the one reminder when the code is still unused 3 days after the first one."""
    return first_otp + timedelta(days=REMINDER_AFTER_DAYS)


def unverified_closure_date(first_otp: date) -> date:
    """R7: close as ``unverified`` (with an art. 12(4) message) 28 days after the first code."""
    return first_otp + timedelta(days=UNVERIFIED_CLOSURE_DAYS)


class StaffAlertDates(NamedTuple):
    """R7: when staff are warned ahead of a due date."""

    week_before: date
    two_working_days_before: date


def subtract_working_days(d: date, n: int, cal: HolidayCalendar) -> date:
    """The ``n``-th working day before ``d`` (``d`` itself never counts)."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    while n:
        d -= timedelta(days=1)
        if cal.is_working_day(d):
            n -= 1
    return d


def add_working_days(d: date, n: int, cal: HolidayCalendar) -> date:
    """The ``n``-th working day after ``d`` (``d`` itself never counts); 0 gives ``d``."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    while n:
        d += timedelta(days=1)
        if cal.is_working_day(d):
            n -= 1
    return d


def working_days_between(start: date, end: date, cal: HolidayCalendar) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is past."""
    if end < start:
        return -working_days_between(end, start, cal)
    count, d = 0, start
    while d < end:
        d += timedelta(days=1)
        count += cal.is_working_day(d)
    return count


def staff_alert_dates(due: date, cal: HolidayCalendar) -> StaffAlertDates:
    """R7: ``due`` - 7 days (also the extension decision point) and ``due`` - 2 working days."""
    return StaffAlertDates(
        due - timedelta(days=ALERT_DAYS_BEFORE),
        subtract_working_days(due, ALERT_WORKING_DAYS_BEFORE, cal),
    )


def is_overdue(due: date, today: date) -> bool:
    """R7: past the due date (the due day itself is still in time); alerts go daily."""
    return today > due


@dataclass(frozen=True)
class Clockwork:
    """What the date arithmetic of a desk needs: the local zone, the calendar, R6's switch."""

    tz: ZoneInfo
    calendar: HolidayCalendar
    pause_during_verification: bool = True
