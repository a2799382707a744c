"""Case lifecycle: open, verify, extend, refuse, close, reopen — each through the case table.

Dates come from the pure clock (cases/deadline.py), the instant ``now`` is passed in,
and every change is a move of ``states.CASE`` with its audit event (service.moves),
so a case never changes without its trail (docs/design.md).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from privacybot.cases.deadline import (
    Clockwork,
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
from privacybot.db.models import Case, Draft, Requester
from privacybot.domain import CaseStatus, DraftStatus
from privacybot.service.moves import ANSWER_KINDS, move_case
from privacybot.states import CASE, REOPEN_UNVERIFIED, CaseEvent, IllegalTransition


class CaseError(Exception):
    """A staff action that the rules do not allow (one line, shown to the person)."""


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
        effective_due=due_date(receipt, clockwork.calendar),
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
    if case.needs_staff and case.staff_reason == reason[:200]:
        return
    case.needs_staff = True
    case.staff_reason = reason[:200]
    case.updated = now
    session.add(case)
    repo.audit(session, actor=actor, action="needs_staff", at=now, case=case, reason=reason)


def _move(session: Session, case: Case, event: CaseEvent, **kw: object) -> None:
    """A move refused by the table becomes a CaseError naming the case."""
    try:
        move_case(session, case, event, **kw)  # type: ignore[arg-type]
    except IllegalTransition as exc:
        raise CaseError(f"{case.reference}: {exc}") from None


def verify(
    session: Session,
    case: Case,
    *,
    clockwork: Clockwork,
    first_otp: datetime | None,
    now: datetime,
    method: str,
    actor: str = "privacybot",
) -> None:
    """Verified: codes deleted (R26), due dates moved by R6's pause, then the move."""
    before_due = case.due.isoformat()
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
    case.effective_due = case.extended_due or case.due
    case.verified = True
    case.verified_at = now
    _move(
        session,
        case,
        CaseEvent.VERIFY,
        actor=actor,
        now=now,
        method=method,
        pause_days=pause,
        due_before=before_due,
        due_after=case.due.isoformat(),
    )


def accept_unverified(session: Session, case: Case, *, now: datetime, effective: str) -> None:
    """R9: a withdrawal or marketing objection takes effect at receipt, without a code."""
    _move(
        session,
        case,
        CaseEvent.ACCEPT_UNVERIFIED,
        actor="privacybot",
        now=now,
        rights=case.rights,
        effective=effective,
        rule="R9",
    )


def reduced_at_once(
    session: Session, case: Case, rights: list[str], *, now: datetime, effective: str
) -> None:
    """R9 beside other rights: these take effect at receipt; the case still awaits the code."""
    repo.audit(
        session,
        actor="privacybot",
        action="processing_reduced",
        at=now,
        case=case,
        rights=sorted(rights),
        effective=effective,
        rule="R9",
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
    if case.extended_due is not None:
        raise CaseError(f"{case.reference} was already extended to {case.extended_due}")
    if not reason.strip():
        raise CaseError("an extension needs a reason (art. 12(3))")
    if case.status != CaseStatus.CLOSED and today > case.due:
        raise CaseError(
            f"{case.reference} was due {case.due}: the extension notice must go out by then"
        )
    try:
        move = CASE.step(CaseStatus(case.status), CaseEvent.EXTEND)
    except IllegalTransition as exc:
        raise CaseError(f"{case.reference}: {exc}") from None
    new_due = extended_due(case.receipt_date, clockwork.calendar, case.pause_days)
    case.extended_due = new_due
    case.effective_due = new_due
    case.extension_reason = reason.strip()
    move_case(
        session,
        case,
        CaseEvent.EXTEND,
        actor=staff,
        now=now,
        move=move,
        reason=reason.strip(),
        due=case.due.isoformat(),
        extended_due=new_due.isoformat(),
        limit=add_months(add_months(case.receipt_date, 1), 2).isoformat(),
    )
    return new_due


def refuse(
    session: Session,
    case: Case,
    *,
    staff: str,
    ground: str,
    reasons: str,
    partial: bool,
    grounds: frozenset[str],
    now: datetime,
) -> None:
    """R11: only a named staff member refuses, on a listed ground, with reasons.

    A full refusal withdraws the answers still waiting for approval (they would
    contradict it) and stops the verification timers; a partial one keeps them.
    The letter itself is a draft that waits for approval like every answer.
    """
    if not staff.strip():
        raise CaseError("a refusal needs the staff member who decides it (art. 12(4))")
    if ground not in grounds:
        raise CaseError(f"unknown refusal ground {ground!r} (one of: {', '.join(sorted(grounds))})")
    if not reasons.strip():
        raise CaseError("a refusal needs its reasons (art. 12(4))")
    event = CaseEvent.REFUSE_PART if partial else CaseEvent.REFUSE
    _move(session, case, event, actor=staff, now=now, ground=ground, reasons=reasons.strip())
    case.refusal_ground = ground
    case.refusal_partial = partial
    session.add(case)


def close(
    session: Session, case: Case, *, staff: str, now: datetime, reason: str = "closed"
) -> None:
    if case.status == CaseStatus.CLOSED:
        raise CaseError(f"{case.reference} is already closed")
    _move(session, case, CaseEvent.CLOSE, actor=staff, now=now, reason=reason)


def close_unverified(session: Session, case: Case, *, now: datetime) -> None:
    """R7: 28 days after the first code and still no proof of the address."""
    _move(
        session, case, CaseEvent.CLOSE_UNVERIFIED, actor="scheduler", now=now, reason="unverified"
    )


def reopen(session: Session, case: Case, *, staff: str, reason: str, now: datetime) -> None:
    """Staff reopen a closed or answered case, with a reason; unverified ones wait for a code."""
    if not reason.strip():
        raise CaseError("reopening a case needs a reason")
    if case.purged_at is not None:
        # R24 left only the trail's anchor: no requester, no letters, nobody to answer.
        raise CaseError(
            f"{case.reference}: its content was deleted on {case.purged_at.date()} "
            "(retention); a new request opens a new case"
        )
    try:
        move = CASE.step(CaseStatus(case.status), CaseEvent.REOPEN)
    except IllegalTransition as exc:
        raise CaseError(f"{case.reference}: {exc}") from None
    if not case.verified:
        move = REOPEN_UNVERIFIED
    case.refusal_ground = None
    case.refusal_partial = False
    move_case(
        session, case, CaseEvent.REOPEN, actor=staff, now=now, move=move, reason=reason.strip()
    )


def message_added(
    session: Session, case: Case, *, inbound: int | None, rule: str, now: datetime
) -> None:
    """R22: mail appended to a case never moves its dates (a reminder is not a request)."""
    if case.status == CaseStatus.CLOSED:
        repo.audit(
            session,
            actor="privacybot",
            action="message_added",
            at=now,
            case=case,
            inbound=inbound,
            rule=rule,
        )
        return
    _move(session, case, CaseEvent.MESSAGE, actor="privacybot", now=now, inbound=inbound, rule=rule)


def bounced(session: Session, case: Case, *, now: datetime, **detail: object) -> None:
    """R17: one of our letters bounced: the trail says so and staff look."""
    _move(session, case, CaseEvent.BOUNCE, actor="privacybot", now=now, **detail)
    flag_for_staff(session, case, "our reply bounced", now, "privacybot")


#: Letters that settle a request: when the last of them is out, the case is answered.
SETTLING_KINDS = ANSWER_KINDS | {"refusal"}


def reply_sent(session: Session, case: Case, kind: str, now: datetime) -> None:
    """The relay took a reply: when no settling letter still waits, the case is answered.

    A case asking for several rights gets one answer per right; it is answered when
    none of them is still waiting. Personal-data answers can only have been approved
    for a verified requester, so an unverified access case never reaches answered (R12).
    """
    if kind not in SETTLING_KINDS or case.status not in (CaseStatus.OPEN, CaseStatus.ANSWERED):
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
    if waiting is not None or case.status == CaseStatus.ANSWERED:
        return
    _move(session, case, CaseEvent.ANSWER, actor="privacybot", now=now, reply=kind)
