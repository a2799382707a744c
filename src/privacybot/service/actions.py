"""What staff do, as use-cases: the CLI, the API and the bots call these and nothing else.

Each takes the caller's session (one transaction), the acting staff member's address
(already proven by the caller: password, token or session) and ``now``; each checks
the officer role, moves the case or draft through its table, and drafts the letter
the move needs (an extension notice, a refusal), so every surface does the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from privacybot.db import repo
from privacybot.db.models import Case, Draft
from privacybot.domain import Language
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import REFUSAL_GROUNDS, ReplyKind
from privacybot.service import cases
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft
from privacybot.staff import require_officer


class ActionError(Exception):
    """The action cannot be done; one line for the person who asked."""


def case_by_reference(session: Session, reference: str) -> Case:
    case = repo.case_by_reference(session, reference)
    if case is None:
        raise ActionError(f"no case {reference}")
    return case


def _letter(
    session: Session,
    case: Case,
    kind: ReplyKind,
    desk: Desk,
    now: datetime,
    context: dict[str, object],
) -> Draft:
    requester = repo.requester_of(session, case)
    return create_draft(
        session,
        case=case,
        kind=kind,
        language=Language(case.language),
        to_address=requester.address if requester else "",
        context=context,
        parent=None,
        outgoing=desk.outgoing,
        now=now,
        allow_automatic=False,
    )


@dataclass(frozen=True)
class Extended:
    case: Case
    due: date
    notice: Draft


def extend(
    session: Session,
    desk: Desk,
    reference: str,
    *,
    staff: str,
    reason: str,
    today: date,
    now: datetime,
) -> Extended:
    """R5: extend once, with a reason, and draft the notice that must go out before ``due``."""
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    new_due = cases.extend(
        session, case, clockwork=desk.clockwork, staff=officer, reason=reason, today=today, now=now
    )
    notice = _letter(
        session,
        case,
        ReplyKind.EXTENSION_NOTICE,
        desk,
        now,
        reply_context(ReplyKind.EXTENSION_NOTICE, case, desk.clockwork),
    )
    return Extended(case, new_due, notice)


def refuse(
    session: Session,
    desk: Desk,
    reference: str,
    *,
    staff: str,
    ground: str,
    reasons: str,
    partial: bool,
    now: datetime,
) -> Draft:
    """R11: a named officer refuses on a listed ground; the letter waits for approval."""
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    cases.refuse(
        session,
        case,
        staff=officer,
        ground=ground,
        reasons=reasons,
        partial=partial,
        grounds=REFUSAL_GROUNDS,
        now=now,
    )
    return _letter(
        session,
        case,
        ReplyKind.REFUSAL,
        desk,
        now,
        {
            "company": case.company,
            "reference": case.reference,
            "ground": ground,
            "reasons": reasons.strip(),
            "partial": partial,
        },
    )


def close(session: Session, reference: str, *, staff: str, now: datetime, reason: str = "") -> Case:
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    cases.close(session, case, staff=officer, now=now, reason=reason.strip() or "closed")
    return case


def reopen(session: Session, reference: str, *, staff: str, reason: str, now: datetime) -> Case:
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    cases.reopen(session, case, staff=officer, reason=reason, now=now)
    return case
