"""The work queue's filters, read from a query string the same way by pages and API."""

from __future__ import annotations

from typing import Any

from privacybot.cases.deadline import add_working_days
from privacybot.db import repo
from privacybot.domain import COMPANIES, RIGHTS, CaseStatus, Channel
from privacybot.web.state import WebState

RIGHT_VALUES = tuple(sorted(r.value for r in RIGHTS))


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def case_filter(state: WebState, params: dict[str, Any]) -> tuple[repo.CaseFilter, dict[str, Any]]:
    """The work queue's filters from the query string; unknown values are ignored."""
    today = state.today()
    within_raw = str(params.get("due_within") or "").strip()
    within = int(within_raw) if within_raw.isdigit() and int(within_raw) <= 366 else None
    status = _choice(params.get("status"), tuple(s.value for s in CaseStatus))
    right = _choice(params.get("right"), RIGHT_VALUES)
    company = _choice(params.get("company"), COMPANIES)
    channel = _choice(params.get("channel"), tuple(c.value for c in Channel))
    overdue = params.get("overdue") in ("1", "true", "on")
    needs_staff = params.get("needs_staff") in ("1", "true", "on")
    flt = repo.CaseFilter(
        status=status,
        right=right,
        company=company,
        channel=channel,
        due_by=add_working_days(today, within, state.desk.clockwork.calendar)
        if within is not None
        else None,
        overdue_on=today if overdue else None,
        needs_staff=True if needs_staff else None,
    )
    shown = {
        "status": status,
        "right": right,
        "company": company,
        "channel": channel,
        "due_within": within,
        "overdue": overdue,
        "needs_staff": needs_staff,
    }
    return flt, shown
