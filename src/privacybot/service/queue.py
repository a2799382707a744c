"""The staff triage queue: messages a person must look at, and what staff do with them.

Nothing waits unseen: a message the decision chain could not settle (``needs_staff``:
uncertain, automatic-looking, over the daily cap, no single sender) and one whose
triage failed (``parked``) are listed here until a staff member assigns it to a case,
opens a case from it, retries it after a fix, or dismisses it. Each of those is a
move of ``states.INBOUND`` with an audit event that names the staff member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.models import Case, InboundMessage
from privacybot.domain import RIGHTS, Channel, InboundState, Language
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.service import cases
from privacybot.service.codes import issue_code
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft
from privacybot.service.moves import move_inbound
from privacybot.staff import require_officer
from privacybot.states import INBOUND, IllegalTransition, InboundEvent

#: The states that wait for a person.
WAITING = (InboundState.NEEDS_STAFF, InboundState.PARKED)


class QueueError(Exception):
    """A queue action that cannot be done; one line for the person."""


def waiting(session: Session, *, limit: int = 100, offset: int = 0) -> list[InboundMessage]:
    """Oldest first: the queue is worked in order of receipt (R17: receipt time counts)."""
    return list(
        session.exec(
            select(InboundMessage)
            .where(col(InboundMessage.state).in_([s.value for s in WAITING]))
            .order_by(col(InboundMessage.received), col(InboundMessage.id))
            .offset(max(offset, 0))
            .limit(max(1, min(limit, repo.MAX_PAGE)))
        ).all()
    )


def get(session: Session, inbound_id: int) -> InboundMessage:
    row = session.get(InboundMessage, inbound_id)
    if row is None:
        raise QueueError(f"no message {inbound_id}")
    return row


def _move(
    session: Session,
    row: InboundMessage,
    event: InboundEvent,
    staff: str,
    now: datetime,
    case: Case | None = None,
    **detail: Any,
) -> None:
    try:
        INBOUND.step(InboundState(row.state), event)
    except IllegalTransition as exc:
        raise QueueError(f"message {row.id}: {exc}") from None
    move_inbound(session, row, event, actor=staff, now=now, case=case, **detail)


def assign(session: Session, inbound_id: int, reference: str, *, staff: str, now: datetime) -> Case:
    """The message belongs to an existing case; its dates do not move (R22)."""
    officer = require_officer(session, staff).email
    row = get(session, inbound_id)
    case = repo.case_by_reference(session, reference)
    if case is None:
        raise QueueError(f"no case {reference}")
    _move(session, row, InboundEvent.ASSIGN, officer, now, case=case, reference=case.reference)
    row.case_id = case.id
    row.staff_reason = None
    cases.message_added(session, case, inbound=row.id, rule="staff-assigned", now=now)
    return case


@dataclass(frozen=True)
class Opened:
    case: Case
    acknowledged: bool


def open_case(
    session: Session,
    inbound_id: int,
    desk: Desk,
    *,
    rights: list[str],
    staff: str,
    now: datetime,
    company: str | None = None,
    language: str | None = None,
) -> Opened:
    """Staff read the message and open the case it asks for, dated from its receipt (R17).

    The requester gets the acknowledgment with a code like any other; to a message
    that was automatic-looking nothing goes out by itself: the acknowledgment waits
    for approval, since a person judged it and a person should send it.
    """
    officer = require_officer(session, staff).email
    row = get(session, inbound_id)
    chosen = [r.strip() for r in rights if r.strip()]
    unknown = [r for r in chosen if r not in {label.value for label in RIGHTS}]
    if not chosen or unknown:
        raise QueueError(
            f"name the rights asked ({', '.join(sorted(label.value for label in RIGHTS))})"
        )
    if not row.sender:
        raise QueueError(f"message {row.id} has no single sender to answer")
    _move(session, row, InboundEvent.ASSIGN, officer, now, opened=True)
    requester = cases.get_or_create_requester(
        session, channel=Channel.EMAIL, address=row.sender, key=desk.key, now=now
    )
    lang = Language(language or row.language or "nl")
    case = cases.open_case(
        session,
        clockwork=desk.clockwork,
        requester=requester,
        rights=chosen,
        company=company if company is not None else row.company,
        language=lang.value,
        channel=row.channel,
        received=row.received,
        now=now,
        actor=officer,
        rule="staff-opened",
    )
    row.case_id = case.id
    row.staff_reason = None
    automatic = not row.automatic
    code = issue_code(session, case, row.sender, desk.key, now) if automatic else None
    create_draft(
        session,
        case=case,
        kind=ReplyKind.ACKNOWLEDGMENT,
        language=lang,
        to_address=row.sender,
        context=reply_context(
            ReplyKind.ACKNOWLEDGMENT, case, desk.clockwork, code=code.slot if code else None
        ),
        parent=None,
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=automatic,
        sealed_code=code.sealed if code else None,
    )
    return Opened(case, automatic)


def dismiss(session: Session, inbound_id: int, *, staff: str, reason: str, now: datetime) -> None:
    officer = require_officer(session, staff).email
    if not reason.strip():
        raise QueueError("dismissing a message needs a reason")
    row = get(session, inbound_id)
    _move(session, row, InboundEvent.DISMISS, officer, now, reason=reason.strip()[:200])


def retry(session: Session, inbound_id: int, *, staff: str, now: datetime) -> None:
    """A parked message goes through triage again (after a fix was deployed)."""
    officer = require_officer(session, staff).email
    row = get(session, inbound_id)
    _move(session, row, InboundEvent.RETRY, officer, now)
    row.attempts = 0
