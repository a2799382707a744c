"""Case lifecycle inside one transaction: open, verify, extend, close, with audit events.

Each function takes the caller's Session and writes its audit event into it, so a
case never changes without its trail (docs/design.md). Dates come from the pure
clock in cases/deadline.py; the instant `now` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from privacybot.cases.deadline import (
    HolidayCalendar,
    add_months,
    due_date,
    extended_due,
    gdpr_due,
    receipt_date,
    verification_pause_days,
)
from privacybot.cases.retention import address_hmac
from privacybot.cases.threading import format_reference
from privacybot.db import repo
from privacybot.db.models import Case, Draft, OtpCode, Requester
from privacybot.domain import CaseStatus, DraftStatus


class CaseError(Exception):
    """A staff action that the rules do not allow (one line, shown to the operator)."""


@dataclass(frozen=True)
class Clockwork:
    """What the date arithmetic needs: the local zone, the calendar, R6's switch."""

    tz: ZoneInfo
    calendar: HolidayCalendar
    pause_during_verification: bool = True


def get_or_create_requester(
    session: Session, *, channel: str, address: str, key: bytes, now: datetime
) -> Requester:
    address = address.strip().lower()
    found = session.exec(
        select(Requester).where(Requester.channel == channel, Requester.address == address)
    ).first()
    if found is not None:
        return found
    requester = Requester(
        channel=channel, address=address, address_hmac=address_hmac(address, key), created=now
    )
    session.add(requester)
    session.flush()
    return requester


def open_case(
    session: Session,
    *,
    clockwork: Clockwork,
    requester: Requester,
    rights: list[str],
    company: str | None,
    language: str,
    channel: str,
    received: datetime,
    now: datetime,
    actor: str = "privacybot",
    needs_staff: bool = False,
    staff_reason: str | None = None,
    verified: bool = False,
    parent: Case | None = None,
    rule: str | None = None,
) -> Case:
    """A new case numbered in its receipt-date year (R21), due per R3/R4."""
    receipt = receipt_date(received, clockwork.tz)
    seq = repo.next_case_number(session, receipt.year)
    case = Case(
        reference=format_reference(receipt.year, seq),
        year=receipt.year,
        seq=seq,
        status=CaseStatus.OPEN if verified else CaseStatus.AWAITING_VERIFICATION,
        rights=sorted(set(rights)),
        company=company,
        language=language,
        channel=channel,
        requester_id=requester.id,
        received=received,
        receipt_date=receipt,
        due=due_date(receipt, clockwork.calendar),
        gdpr_due=gdpr_due(receipt, clockwork.calendar),
        verified=verified,
        verified_at=now if verified else None,
        needs_staff=needs_staff,
        staff_reason=staff_reason,
        parent_case_id=parent.id if parent else None,
        created=now,
        updated=now,
    )
    session.add(case)
    session.flush()
    repo.audit(
        session,
        actor=actor,
        action="case_opened",
        at=now,
        case=case,
        channel=channel,
        received=received.isoformat(),
        rights=case.rights,
        company=company,
        due=case.due.isoformat(),
        gdpr_due=case.gdpr_due.isoformat(),
        requester=requester.address_hmac,
        parent=parent.reference if parent else None,
        rule=rule,
    )
    if needs_staff:
        repo.audit(
            session, actor=actor, action="needs_staff", at=now, case=case, reason=staff_reason
        )
    return case


def flag_for_staff(session: Session, case: Case, reason: str, now: datetime, actor: str) -> None:
    if case.needs_staff and case.staff_reason == reason:
        return
    case.needs_staff = True
    case.staff_reason = reason[:200]
    case.updated = now
    session.add(case)
    repo.audit(session, actor=actor, action="needs_staff", at=now, case=case, reason=reason)


def mark_verified(
    session: Session,
    case: Case,
    *,
    clockwork: Clockwork,
    first_otp: datetime | None,
    now: datetime,
    method: str,
    actor: str = "privacybot",
) -> None:
    """Verified: status open, codes deleted (R26), due dates moved by R6's pause."""
    before = {"status": case.status, "due": case.due.isoformat()}
    pause = 0
    if first_otp is not None:
        pause = verification_pause_days(
            case.receipt_date,
            receipt_date(first_otp, clockwork.tz),
            receipt_date(now, clockwork.tz),
            clockwork.calendar,
            enabled=clockwork.pause_during_verification,
        )
    case.pause_days = pause
    case.due = due_date(case.receipt_date, clockwork.calendar, pause)
    case.gdpr_due = gdpr_due(case.receipt_date, clockwork.calendar, pause)
    if case.extended_due is not None:
        case.extended_due = extended_due(case.receipt_date, clockwork.calendar, pause)
    case.verified = True
    case.verified_at = now
    if case.status == CaseStatus.AWAITING_VERIFICATION:
        case.status = CaseStatus.OPEN
    case.updated = now
    session.add(case)
    for otp in session.exec(select(OtpCode).where(OtpCode.case_id == case.id)).all():
        session.delete(otp)
    repo.audit(
        session,
        actor=actor,
        action="verified",
        at=now,
        case=case,
        method=method,
        pause_days=pause,
        before=before,
        after={"status": case.status, "due": case.due.isoformat()},
    )


def extend(
    session: Session,
    case: Case,
    *,
    clockwork: Clockwork,
    staff: str,
    reason: str,
    today: date,
    now: datetime,
) -> date:
    """Art. 12(3) extension, once, by staff with a reason, before the first due date (R5)."""
    if case.status == CaseStatus.CLOSED:
        raise CaseError(f"{case.reference} is closed")
    if case.extended_due is not None:
        raise CaseError(f"{case.reference} was already extended to {case.extended_due}")
    if not reason.strip():
        raise CaseError("an extension needs a reason (art. 12(3))")
    if today > case.due:
        raise CaseError(
            f"{case.reference} was due {case.due}: the extension notice must go out by then"
        )
    new_due = extended_due(case.receipt_date, clockwork.calendar, case.pause_days)
    case.extended_due = new_due
    case.extension_reason = reason.strip()
    case.updated = now
    session.add(case)
    repo.audit(
        session,
        actor=staff,
        action="extended",
        at=now,
        case=case,
        reason=reason.strip(),
        before={"due": case.due.isoformat(), "extended_due": None},
        after={"extended_due": new_due.isoformat()},
        limit=add_months(add_months(case.receipt_date, 1), 2).isoformat(),
    )
    return new_due


def set_status(
    session: Session, case: Case, status: CaseStatus, *, actor: str, now: datetime, **detail: object
) -> None:
    if case.status == status:
        return
    before = case.status
    case.status = status
    case.updated = now
    if status == CaseStatus.CLOSED:
        case.closed_at = now
        case.closed_reason = str(detail.get("reason", "closed"))[:64]
    session.add(case)
    repo.audit(
        session,
        actor=actor,
        action="status_changed",
        at=now,
        case=case,
        before=before,
        after=status.value,
        **detail,
    )


def close(
    session: Session, case: Case, *, staff: str, now: datetime, reason: str = "closed"
) -> None:
    if case.status == CaseStatus.CLOSED:
        raise CaseError(f"{case.reference} is already closed")
    set_status(session, case, CaseStatus.CLOSED, actor=staff, now=now, reason=reason)


#: Replies that settle a request: once one is sent, the case is answered.
SETTLING_KINDS = frozenset(
    {
        "answer_access",
        "answer_rectification",
        "answer_erasure",
        "answer_restriction",
        "answer_portability",
        "answer_objection",
        "answer_objection_marketing",
        "answer_withdraw_consent",
        "refusal",
    }
)


def reply_sent(session: Session, case: Case, kind: str, now: datetime) -> None:
    """The relay took a reply: when the last settling one is out, the case is answered.

    A case asking for several rights gets one answer per right; it is answered when
    none of them is still waiting. Personal-data answers can only have been approved
    for a verified requester (drafts.approve), so an unverified access case never
    reaches answered (R12).
    """
    if kind not in SETTLING_KINDS or case.status != CaseStatus.OPEN:
        return
    waiting = session.exec(
        select(Draft.id).where(
            Draft.case_id == case.id,
            col(Draft.kind).in_(SETTLING_KINDS),
            col(Draft.status).in_(
                [DraftStatus.AWAITING_APPROVAL, DraftStatus.APPROVED, DraftStatus.QUEUED]
            ),
        )
    ).first()
    if waiting is not None:
        return
    set_status(session, case, CaseStatus.ANSWERED, actor="privacybot", now=now, reply=kind)


def decide_refusal(
    session: Session,
    case: Case,
    *,
    staff: str,
    ground: str,
    reasons: str,
    grounds: frozenset[str],
    now: datetime,
) -> None:
    """R11: only a named staff member refuses, on a listed ground, with reasons.

    The refusal letter itself is a draft that waits for approval like every answer;
    this records the decision so the trail says who refused and why.
    """
    if not staff.strip():
        raise CaseError("a refusal needs the staff member who decides it (R11)")
    if ground not in grounds:
        raise CaseError(f"unknown refusal ground {ground!r} (one of: {', '.join(sorted(grounds))})")
    if not reasons.strip():
        raise CaseError("a refusal needs its reasons (art. 12(4))")
    if case.status == CaseStatus.CLOSED:
        raise CaseError(f"{case.reference} is closed")
    repo.audit(
        session,
        actor=staff,
        action="refusal_decided",
        at=now,
        case=case,
        ground=ground,
        reasons=reasons.strip(),
    )
