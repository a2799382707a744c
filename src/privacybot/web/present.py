"""How things read on a page: local times, urgency in words (and a colour class), paging.

Pure: the clock's ``today`` and the calendar come in; nothing here queries anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Request

from privacybot.cases.deadline import HolidayCalendar, working_days_between

#: Within this many working days a due date shows as "soon".
SOON_WORKING_DAYS = 5


@dataclass(frozen=True)
class Urgency:
    """``level`` picks the colour; ``text`` says the same in words (never colour alone)."""

    level: str
    text: str


def urgency(
    due: date, today: date, status: str, cal: HolidayCalendar, t: Callable[..., str]
) -> Urgency:
    if status in ("answered", "closed"):
        return Urgency("done", t("urg.done"))
    if due < today:
        days = (today - due).days
        return Urgency("late", t("urg.late", n=days))
    if due == today:
        return Urgency("today", t("urg.today"))
    left = working_days_between(today, due, cal)
    if left <= SOON_WORKING_DAYS:
        return Urgency("soon", t("urg.soon", n=left))
    return Urgency("ok", t("urg.ok", n=left))


def local(instant: datetime, tz: ZoneInfo) -> str:
    return instant.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def local_iso(value: str, tz: ZoneInfo) -> str:
    """An ISO instant of views.py (``…Z``) as local time."""
    return local(datetime.fromisoformat(value.replace("Z", "+00:00")), tz)


def page_links(
    path: str, params: Mapping[str, Any], offset: int, limit: int, shown: int
) -> tuple[str | None, str | None]:
    """Previous and next page URLs, keeping the filters; None at either end."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False) and k != "offset"}

    def url(at: int) -> str:
        query = urlencode({**kept, "offset": at} if at else kept)
        return f"{path}?{query}" if query else path

    prev_url = url(max(0, offset - limit)) if offset > 0 else None
    next_url = url(offset + limit) if shown >= limit else None
    return prev_url, next_url


def detail_text(detail: Mapping[str, Any]) -> str:
    """An audit event's detail as one short line (values are ids, states, reasons)."""
    parts = [f"{k}={v}" for k, v in detail.items() if k not in ("before",) and v not in (None, "")]
    return ", ".join(parts)[:300]


def form_text(value: str) -> str:
    """Form text as typed: browsers send CRLF line ends from a textarea."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def offset_of(request: Request) -> int:
    """The ``offset`` query parameter, or 0 when it is missing or not a number."""
    raw = request.query_params.get("offset", "0")
    return min(int(raw), 10_000_000) if raw.isdigit() else 0
