"""docs/rules.md R1-R7: receipt date, working days, due dates, pause and timers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacybot.cases.deadline import (
    AMSTERDAM,
    HolidayCalendar,
    StaffAlertDates,
    add_months,
    default_calendar,
    due_date,
    easter,
    extended_due,
    gdpr_due,
    is_overdue,
    receipt_date,
    staff_alert_dates,
    statutory_holidays,
    subtract_working_days,
    unverified_closure_date,
    verification_pause_days,
    verification_reminder_date,
)

CAL = default_calendar()
D = date.fromisoformat

receipts_2000_2035 = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))


def _days(year: int, *month_days: str) -> set[date]:
    return {D(f"{year}-{md}") for md in month_days}


def _all_days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# --- R1 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        ("2026-01-14T23:30:00+00:00", "2026-01-15"),
        ("2026-07-14T21:59:59+00:00", "2026-07-14"),
        ("2026-07-14T22:00:00+00:00", "2026-07-15"),
    ],
)
def test_R1_receipt_date_is_the_amsterdam_date(instant: str, expected: str) -> None:
    assert receipt_date(datetime.fromisoformat(instant), AMSTERDAM) == D(expected)


def test_R1_receipt_date_defaults_to_amsterdam() -> None:
    assert receipt_date(datetime(2026, 1, 14, 23, 30, tzinfo=UTC)) == D("2026-01-15")


def test_R1_receipt_date_uses_the_given_zone() -> None:
    instant = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)
    assert receipt_date(instant, ZoneInfo("America/New_York")) == D("2026-01-14")


def test_R1_telegram_unix_time_gives_the_local_date() -> None:
    # 2026-03-28T23:30:00Z, the night the clocks go forward: 00:30 CET on the 29th.
    instant = datetime.fromtimestamp(1774740600, tz=UTC)
    assert receipt_date(instant) == D("2026-03-29")


def test_R1_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        receipt_date(datetime(2026, 1, 14, 23, 30), AMSTERDAM)


# --- R2 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2028, "2028-04-16"),
        (1818, "1818-03-22"),
        (1943, "1943-04-25"),
        (2000, "2000-04-23"),
        (2019, "2019-04-21"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ],
)
def test_R2_easter_gregorian_computus(year: int, expected: str) -> None:
    assert easter(year) == D(expected)


@given(st.integers(min_value=1583, max_value=9999))
def test_R2_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    e = easter(year)
    assert e.weekday() == 6
    assert date(year, 3, 22) <= e <= date(year, 4, 25)


def test_R2_holidays_2026_exactly() -> None:
    assert CAL.non_working_days(2026) == _days(
        2026, "01-01", "01-02", "04-03", "04-06", "04-27", "05-05", "05-14", "05-15", "05-25",
        "12-25", "12-26",
    )  # fmt: skip


def test_R2_holidays_2027_exactly() -> None:
    assert CAL.non_working_days(2027) == _days(
        2027, "01-01", "03-26", "03-29", "04-27", "05-05", "05-06", "05-07", "05-17", "12-25",
        "12-26",
    )  # fmt: skip


def test_R2_2027_04_26_is_a_working_day() -> None:
    assert CAL.is_working_day(D("2027-04-26"))


def test_R2_holidays_2028_include_the_equated_days() -> None:
    days = CAL.non_working_days(2028)
    assert {D("2028-04-28"), D("2028-05-26")} <= days
    assert D("2028-04-14") in days  # Goede Vrijdag, E-2
    assert D("2028-04-27") in days  # Koningsdag on a Thursday


def test_R2_statutory_2026_has_no_equated_days() -> None:
    assert statutory_holidays(2026) == CAL.non_working_days(2026) - _days(2026, "01-02", "05-15")


def test_R2_koningsdag_moves_to_26_april_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert D("2025-04-26") in statutory_holidays(2025)
    assert D("2025-04-27") not in statutory_holidays(2025)


def test_R2_fifth_of_may_every_year() -> None:
    assert all(date(y, 5, 5) in statutory_holidays(y) for y in range(2000, 2036))


def test_R2_weekends_are_not_working_days() -> None:
    assert not CAL.is_working_day(D("2026-06-06"))  # Saturday
    assert not CAL.is_working_day(D("2026-06-07"))  # Sunday
    assert CAL.is_working_day(D("2026-06-08"))


def test_R2_roll_returns_the_first_working_day_on_or_after() -> None:
    assert CAL.roll(D("2026-06-08")) == D("2026-06-08")
    assert CAL.roll(D("2026-04-03")) == D("2026-04-07")
    assert CAL.roll(D("2027-05-05")) == D("2027-05-10")


def test_R2_shipped_file_holds_the_besluit_gelijkstelling_2026_2028() -> None:
    assert CAL.equated_days == {
        D("2026-01-02"),
        D("2026-05-15"),
        D("2027-05-07"),
        D("2028-04-28"),
        D("2028-05-26"),
    }
    assert CAL.years_covered == {2026, 2027, 2028}
    assert CAL.sources[0].startswith("Besluit gelijkstelling van 2 januari 2026")


def test_R2_year_without_entry_uses_statutory_days_alone() -> None:
    assert CAL.non_working_days(2029) == statutory_holidays(2029)


@pytest.mark.parametrize(
    ("today", "missing"),
    [
        ("2026-06-01", []),
        ("2027-12-31", []),
        ("2028-01-01", [2029]),
        ("2030-03-01", [2030, 2031]),
        ("2025-06-01", [2025]),
    ],
)
def test_R2_warns_when_current_or_next_year_has_no_entry(today: str, missing: list[int]) -> None:
    assert CAL.missing_equated_years(D(today)) == missing
    warning = CAL.coverage_warning(D(today))
    if missing:
        assert warning is not None
        assert all(str(y) in warning for y in missing)
        assert "Besluit gelijkstelling" in warning
    else:
        assert warning is None


OPERATOR_FILE = """
[[besluit]]
title = "Besluit gelijkstelling 2029 (voorbeeld)"
years = [2029, 2030]
dates = [2029-05-11]
"""


def test_R2_operator_file_adds_equated_days(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(OPERATOR_FILE, encoding="utf-8")
    cal = HolidayCalendar.load(extra)
    assert not cal.is_working_day(D("2029-05-11"))
    assert D("2029-05-11") in cal.non_working_days(2029)
    assert cal.equated_days >= CAL.equated_days
    assert cal.years_covered == {2026, 2027, 2028, 2029, 2030}
    assert cal.missing_equated_years(D("2029-01-01")) == []
    assert CAL.is_working_day(D("2029-05-11"))  # the shipped calendar is unchanged


def test_R2_years_default_to_those_of_the_dates() -> None:
    cal = HolidayCalendar.from_toml('[[besluit]]\ntitle = "x"\ndates = [2031-05-02]\n')
    assert cal.years_covered == {2031}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[besluit]\n", "not valid TOML"),
        ('[[besluit]]\ntitle = "x"\ndates = ["2029-05-11"]\n', "not a TOML local date"),
        ('[[besluit]]\ntitle = "x"\ndates = [2029-05-11T00:00:00]\n', "not a TOML local date"),
        ('[[besluit]]\ntitle = "x"\nyears = [2030]\ndates = [2029-05-11]\n', "outside the listed"),
        ("[[besluit]]\ndates = [2029-05-11]\n", "'title'"),
        ('[[besluit]]\ntitle = "x"\n', "'dates'"),
        ('[[besluit]]\ntitle = "x"\ndate = [2029-05-11]\n', "unknown key"),
        ('[[besluit]]\ntitle = "x"\nyears = ["2029"]\ndates = []\n', "'years'"),
        ('besluit = "x"\n', "array of tables"),
        ("[besluiten]\n", "unknown top-level"),
    ],
)
def test_R2_bad_data_file_names_file_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem) as info:
        HolidayCalendar.load(bad)
    assert str(bad) in str(info.value)


def test_R2_missing_operator_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ValueError, match="cannot read") as info:
        HolidayCalendar.load(missing)
    assert str(missing) in str(info.value)


# --- R3 -----------------------------------------------------------------------


def test_R3_good_friday_2026_moves_to_tuesday() -> None:
    assert due_date(D("2026-03-06"), CAL) == D("2026-04-07")


def test_R3_good_friday_2027_moves_to_tuesday() -> None:
    assert due_date(D("2027-02-26"), CAL) == D("2027-03-30")


def test_R3_sunday_then_koningsdag_moves_to_tuesday() -> None:
    assert due_date(D("2026-03-29"), CAL) == D("2026-04-28")


@pytest.mark.parametrize(
    ("receipt", "due"),
    [
        ("2027-04-07", "2027-05-10"),  # 5 mei, Hemelvaart, 7 mei (gelijkgesteld), weekend
        ("2026-11-27", "2026-12-28"),
        ("2025-12-04", "2026-01-05"),  # 1 Jan, 2 Jan gelijkgesteld, weekend
        ("2026-12-04", "2027-01-04"),
        ("2026-10-03", "2026-11-02"),  # received on a Saturday
    ],
)
def test_R3_vectors(receipt: str, due: str) -> None:
    assert due_date(D(receipt), CAL) == D(due)


def test_R3_negative_pause_is_refused() -> None:
    with pytest.raises(ValueError):
        due_date(D("2026-06-01"), CAL, pause_days=-1)


@given(receipts_2000_2035)
def test_R3_due_is_a_working_day_between_28_and_33_days(receipt: date) -> None:
    due = due_date(receipt, CAL)
    assert due.weekday() < 5
    assert due not in CAL.non_working_days(due.year)
    assert receipt + timedelta(days=28) <= due <= receipt + timedelta(days=33)
    # ... and the first such day: nothing between receipt+28 and due is a working day.
    assert not any(CAL.is_working_day(d) for d in _all_days(receipt + timedelta(days=28), due)[:-1])


@given(receipts_2000_2035, st.integers(min_value=0, max_value=60))
def test_R3_pause_never_brings_the_due_date_forward(receipt: date, pause: int) -> None:
    assert due_date(receipt, CAL, pause) >= due_date(receipt, CAL)
    assert due_date(receipt, CAL, pause) >= receipt + timedelta(days=28 + pause)


# --- R4 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        ("2027-01-31", 1, "2027-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2024-02-29", 60, "2029-02-28"),
    ],
)
def test_R4_add_months_clamps_to_month_end(d: str, n: int, expected: str) -> None:
    assert add_months(D(d), n) == D(expected)


def test_R4_gdpr_due_month_end_clamp_then_roll() -> None:
    assert gdpr_due(D("2027-01-31"), CAL) == D("2027-03-01")


def test_R4_gdpr_due_new_year_then_weekend() -> None:
    assert gdpr_due(D("2026-12-01"), CAL) == D("2027-01-04")


def test_R4_due_never_after_gdpr_due_for_every_2026_2027_receipt() -> None:
    for receipt in _all_days(D("2026-01-01"), D("2027-12-31")):
        assert due_date(receipt, CAL) <= gdpr_due(receipt, CAL), receipt


@given(receipts_2000_2035, st.integers(min_value=0, max_value=40))
def test_R4_due_never_after_gdpr_due_with_the_same_pause(receipt: date, pause: int) -> None:
    assert due_date(receipt, CAL, pause) <= gdpr_due(receipt, CAL, pause)


# --- R5 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("receipt", "ext_due"),
    [
        ("2026-11-27", "2027-03-01"),  # 02-27 is a Saturday
        ("2027-01-31", "2027-04-28"),  # 02-28 then 04-28, not 04-30
        ("2027-01-27", "2027-04-28"),  # 04-27 Koningsdag
    ],
)
def test_R5_extended_due(receipt: str, ext_due: str) -> None:
    assert extended_due(D(receipt), CAL) == D(ext_due)


@given(receipts_2000_2035, st.integers(min_value=0, max_value=40))
def test_R5_extended_due_never_before_gdpr_due(receipt: date, pause: int) -> None:
    assert extended_due(receipt, CAL, pause) >= gdpr_due(receipt, CAL, pause)
    assert CAL.is_working_day(extended_due(receipt, CAL, pause))


# --- R6 -----------------------------------------------------------------------


def test_R6_pause_from_code_to_verification_moves_both_due_dates() -> None:
    receipt = D("2026-06-01")
    p = verification_pause_days(receipt, D("2026-06-01"), D("2026-06-04"), CAL)
    assert p == 3
    assert due_date(receipt, CAL, p) == D("2026-07-02")
    assert gdpr_due(receipt, CAL, p) == D("2026-07-06")


def test_R6_verified_same_day_means_no_pause() -> None:
    receipt = D("2026-06-01")
    p = verification_pause_days(receipt, D("2026-06-01"), D("2026-06-01"), CAL)
    assert p == 0
    assert due_date(receipt, CAL, p) == D("2026-06-29")


def test_R6_first_code_two_days_late_means_no_pause() -> None:
    p = verification_pause_days(D("2026-06-01"), D("2026-06-03"), D("2026-06-05"), CAL)
    assert p == 0


def test_R6_first_code_on_next_working_day_still_pauses() -> None:
    assert verification_pause_days(D("2026-06-01"), D("2026-06-02"), D("2026-06-05"), CAL) == 3


def test_R6_next_working_day_skips_weekend_and_holidays() -> None:
    # Received Thursday 2026-04-02; Good Friday, weekend and Easter Monday follow.
    receipt = D("2026-04-02")
    assert verification_pause_days(receipt, D("2026-04-07"), D("2026-04-09"), CAL) == 2
    assert verification_pause_days(receipt, D("2026-04-08"), D("2026-04-09"), CAL) == 0


def test_R6_disabled_means_no_pause() -> None:
    args = (D("2026-06-01"), D("2026-06-01"), D("2026-06-04"), CAL)
    assert verification_pause_days(*args, enabled=False) == 0


def test_R6_no_pause_while_unverified_or_without_code() -> None:
    assert verification_pause_days(D("2026-06-01"), D("2026-06-01"), None, CAL) == 0
    assert verification_pause_days(D("2026-06-01"), None, None, CAL) == 0


def test_R6_inconsistent_dates_are_refused() -> None:
    with pytest.raises(ValueError):
        verification_pause_days(D("2026-06-01"), D("2026-05-31"), D("2026-06-02"), CAL)
    with pytest.raises(ValueError):
        verification_pause_days(D("2026-06-01"), D("2026-06-02"), D("2026-06-01"), CAL)


# --- R7 -----------------------------------------------------------------------


def test_R7_reminder_after_3_days_and_closure_after_28() -> None:
    assert verification_reminder_date(D("2026-06-01")) == D("2026-06-04")
    assert unverified_closure_date(D("2026-06-01")) == D("2026-06-29")


def test_R7_staff_alerts_a_week_and_two_working_days_before() -> None:
    alerts = staff_alert_dates(D("2026-07-02"), CAL)
    assert alerts == StaffAlertDates(D("2026-06-25"), D("2026-06-30"))


def test_R7_two_working_days_before_skip_easter() -> None:
    week_before, two_working_days_before = staff_alert_dates(D("2026-04-07"), CAL)
    assert week_before == D("2026-03-31")
    assert two_working_days_before == D("2026-04-01")


def test_R7_subtract_working_days_zero_is_the_day_itself() -> None:
    assert subtract_working_days(D("2026-04-06"), 0, CAL) == D("2026-04-06")
    with pytest.raises(ValueError):
        subtract_working_days(D("2026-04-06"), -1, CAL)


def test_R7_overdue_only_after_the_due_day() -> None:
    assert not is_overdue(D("2026-06-29"), D("2026-06-28"))
    assert not is_overdue(D("2026-06-29"), D("2026-06-29"))
    assert is_overdue(D("2026-06-29"), D("2026-06-30"))
