"""What staff do, as use-cases: the CLI, the API and the bots call these and nothing else.

Each takes the caller's session (one transaction), the acting staff member's address
(already proven by the caller: password, token or session) and ``now``; each checks
the officer role, moves the case or draft through its table, and drafts the letter
the move needs (an extension notice, a refusal), so every surface does the same.
Letters drafted here answer the requester's latest message (R19 threading), are
signed for the company the case concerns, and wait for approval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32

from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage
from privacybot.domain import Language
from privacybot.intake.headers import header_block
from privacybot.replies.context import kept_placeholder, reply_context
from privacybot.replies.kinds import REFUSAL_GROUNDS, ReplyKind
from privacybot.service import cases
from privacybot.service.desk import Desk, Parent
from privacybot.service.drafts import create_draft
from privacybot.service.moves import move_draft
from privacybot.staff import require_officer
from privacybot.states import DraftEvent, IllegalTransition

_MSGID = re.compile(r"<[^<>\s]+>")


class ActionError(Exception):
    """The action cannot be done; one line for the person who asked."""


def case_by_reference(session: Session, reference: str) -> Case:
    case = repo.case_by_reference(session, reference)
    if case is None:
        raise ActionError(f"no case {reference}")
    return case


def case_parent(session: Session, case: Case) -> Parent | None:
    """The requester's latest message on the case: staff letters answer it (R19 threading)."""
    row = session.exec(
        select(InboundMessage)
        .where(InboundMessage.case_id == case.id, col(InboundMessage.sender).is_not(None))
        .order_by(col(InboundMessage.id).desc())
    ).first()
    if row is None:
        return None
    headers = BytesHeaderParser(policy=compat32).parsebytes(header_block(row.raw))
    references = _MSGID.findall(" ".join(str(v) for v in headers.get_all("References", [])))
    replied = _MSGID.findall(str(headers.get("In-Reply-To", "")))
    return Parent(
        message_id=row.message_id,
        references=tuple(references),
        in_reply_to=replied[0] if replied else None,
        subject=row.subject or "",
    )


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
        parent=case_parent(session, case),
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
    right: str | None = None,
) -> Draft:
    """R11: a named officer refuses on a listed ground; the letter waits for approval.

    Art. 15(4) limits the copy, never the information of art. 15(1): on that ground
    a refusal is always partial. An erasure refusal must say what is kept, on which
    art. 17(3) ground and until when: the letter holds a placeholder until staff do.
    """
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    if ground == "rights_of_others" and not partial:
        raise ActionError(
            "art. 15(4) limits only the copy: refuse in part (--partial) and send the "
            "information about the data"
        )
    if right is not None and right not in case.rights:
        raise ActionError(f"{case.reference} does not ask for {right}")
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
    language = Language(case.language)
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
            "right": right,
            "kept": kept_placeholder(language) if ground == "erasure_exception" else "",
        },
    )


#: Letters staff may draft on a case by hand, instead of or beside the drafted answers.
STAFF_LETTERS: frozenset[ReplyKind] = frozenset(
    {
        ReplyKind.ANSWER_ACCESS_NONE,
        ReplyKind.ANSWER_ACCESS_PROCESSOR,
        ReplyKind.NOT_IDENTIFIABLE,
        ReplyKind.ID_COPY_REQUEST,
        ReplyKind.REPRESENTATION_PROOF,
        ReplyKind.DECEASED,
        ReplyKind.ANSWER_COMPLAINT,
    }
)


def _staff_letter(kind: str) -> ReplyKind:
    try:
        letter = ReplyKind(kind)
    except ValueError:
        letter = None
    if letter is None or letter not in STAFF_LETTERS:
        names = ", ".join(sorted(k.value for k in STAFF_LETTERS))
        raise ActionError(f"no such staff letter {kind!r} (one of: {names})")
    return letter


def draft_letter(
    session: Session,
    desk: Desk,
    reference: str,
    kind: str,
    *,
    staff: str,
    now: datetime,
    replaces: int | None = None,
    reason: str = "",
) -> Draft:
    """Draft one of the staff letters on a case, optionally withdrawing the one it replaces.

    "We process no data about you" replaces the access answer; so does "we are the
    processor"; "we cannot find you" (art. 11(2)) may go to an unverified requester,
    since it holds no personal data. The new draft waits for approval like every letter.
    """
    officer = require_officer(session, staff).email
    case = case_by_reference(session, reference)
    letter = _staff_letter(kind)
    if letter == ReplyKind.ID_COPY_REQUEST and not reason.strip():
        raise ActionError("asking to see an ID needs the reason, which the letter gives")
    if replaces is not None:
        old = session.get(Draft, replaces)
        if old is None or old.case_id != case.id:
            raise ActionError(f"draft {replaces} is not a letter of {case.reference}")
        try:
            move_draft(
                session,
                old,
                DraftEvent.WITHDRAW,
                actor=officer,
                now=now,
                case=case,
                replaced_by=letter.value,
            )
        except IllegalTransition as exc:
            raise ActionError(f"draft {replaces}: {exc}") from None
    context = reply_context(letter, case, desk.clockwork)
    if letter == ReplyKind.ID_COPY_REQUEST:
        context["reason"] = reason.strip()
    if letter == ReplyKind.REPRESENTATION_PROOF:
        context["minor"] = "minor" in (case.staff_reason or "")
    return _letter(session, case, letter, desk, now, context)


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
