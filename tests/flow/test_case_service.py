"""Case changes and their audit trail commit together (issue: audit; R5, R25)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.cases.deadline import Clockwork, HolidayCalendar
from privacybot.db.models import AuditEvent, Case
from privacybot.db.session import transaction
from privacybot.service import cases as service

CLOCKWORK = Clockwork(ZoneInfo("Europe/Amsterdam"), HolidayCalendar.load())
KEY = b"k" * 32
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _open(s: Session, address: str = "a@b.nl") -> Case:
    requester = service.get_or_create_requester(
        s, channel="email", address=address, key=KEY, now=NOW
    )
    return service.open_case(
        s,
        clockwork=CLOCKWORK,
        requester=requester,
        rights=["access"],
        company=None,
        language="nl",
        channel="email",
        received=NOW,
        now=NOW,
    )


def test_a_case_and_its_event_roll_back_together(engine: Engine) -> None:
    with pytest.raises(RuntimeError), transaction(engine) as s:
        _open(s)
        raise RuntimeError("crash before commit")
    with Session(engine) as s:
        assert s.exec(select(Case)).all() == []
        assert s.exec(select(AuditEvent)).all() == []


def test_R3_R21_a_new_case_has_its_reference_and_due_date(engine: Engine) -> None:
    with transaction(engine) as s:
        case = _open(s)
    assert case.reference == "PRV-2026-00001"
    assert case.due == date(2026, 12, 28)
    assert case.gdpr_due == date(2026, 12, 28)


def test_R5_extension_once_with_reason_and_event(engine: Engine) -> None:
    with transaction(engine) as s:
        case = _open(s)
        new_due = service.extend(
            s,
            case,
            clockwork=CLOCKWORK,
            staff="olga@x.nl",
            reason="acht bedrijven",
            today=date(2026, 12, 1),
            now=NOW,
        )
    assert new_due == date(2027, 3, 1)
    with Session(engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "extended")).all()
    assert len(events) == 1
    assert events[0].actor == "olga@x.nl"
    assert events[0].detail["extended_due"] == "2027-03-01"
    with transaction(engine) as s, pytest.raises(service.CaseError, match="already extended"):
        c = s.get(Case, case.id)
        assert c is not None
        service.extend(
            s,
            c,
            clockwork=CLOCKWORK,
            staff="olga@x.nl",
            reason="nog eens",
            today=date(2026, 12, 2),
            now=NOW,
        )


def test_R5_no_extension_without_reason_or_after_the_due_date(engine: Engine) -> None:
    with transaction(engine) as s:
        case = _open(s)
        with pytest.raises(service.CaseError, match="reason"):
            service.extend(
                s,
                case,
                clockwork=CLOCKWORK,
                staff="o@x.nl",
                reason=" ",
                today=date(2026, 12, 1),
                now=NOW,
            )
        with pytest.raises(service.CaseError, match="must go out by then"):
            service.extend(
                s,
                case,
                clockwork=CLOCKWORK,
                staff="o@x.nl",
                reason="druk",
                today=date(2026, 12, 29),
                now=NOW,
            )


def test_closing_is_an_event_and_happens_once(engine: Engine) -> None:
    with transaction(engine) as s:
        case = _open(s)
        service.close(s, case, staff="o@x.nl", now=NOW)
        with pytest.raises(service.CaseError, match="already closed"):
            service.close(s, case, staff="o@x.nl", now=NOW)
    with Session(engine) as s:
        [event] = s.exec(select(AuditEvent).where(AuditEvent.action == "closed")).all()
    assert event.detail["before"] == "awaiting_verification"
    assert event.detail["after"] == "closed"


def test_R25_audit_rows_never_hold_the_address(engine: Engine) -> None:
    with transaction(engine) as s:
        case = _open(s, "a@b.nl")
        service.close(s, case, staff="o@x.nl", now=NOW)
    with Session(engine) as s:
        events = s.exec(select(AuditEvent)).all()
    assert events
    for event in events:
        assert "a@b.nl" not in json.dumps(event.detail)
