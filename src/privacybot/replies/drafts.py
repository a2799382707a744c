"""Drafts: render a reply, decide whether it may go out now, and the four-eyes gate.

A draft's Message-ID is fixed when it is created, so whatever happens later (edits,
approval, retries after a crash) the outbound message keeps one identity. Automatic
kinds are approved by the bot itself only when every loop and rate rule allows it
(R16, R18, R20); otherwise they wait for staff like every substantive answer.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from privacybot.cases.service import flag_for_staff
from privacybot.db import repo
from privacybot.db.models import Case, Draft, OutboxItem, Staff
from privacybot.domain import CaseStatus, DraftStatus, Language
from privacybot.outbox.compose import compose_email, new_message_id
from privacybot.outbox.store import enqueue
from privacybot.replies.context import has_placeholder
from privacybot.replies.headers import (
    OutboundKind,
    auto_submitted_value,
    may_auto_reply_to,
    rate_limit_decision,
    reply_headers,
    reply_subject,
    strip_subject,
)
from privacybot.replies.kinds import ReplyKind, kind_info
from privacybot.replies.render import render_reply
from privacybot.staff import require_officer
from privacybot.triage.addresses import reply_address_problem

log = logging.getLogger(__name__)


class DraftError(Exception):
    """A draft action the rules refuse; the message says why in one line."""


@dataclass(frozen=True)
class Parent:
    """The inbound message a draft answers, for R19's threading headers and subject."""

    message_id: str | None
    references: tuple[str, ...]
    in_reply_to: str | None
    subject: str


@dataclass(frozen=True)
class Outgoing:
    """Sender identity and policy for outbound mail."""

    from_address: str
    auto_send_kinds: frozenset[str]

    @property
    def domain(self) -> str:
        return self.from_address.rsplit("@", 1)[-1]


def create_draft(
    session: Session,
    *,
    case: Case | None,
    kind: ReplyKind,
    language: Language,
    to_address: str,
    context: Mapping[str, object],
    parent: Parent | None,
    outgoing: Outgoing,
    now: datetime,
    inbound_id: int | None = None,
    timer: bool = False,
    allow_automatic: bool = True,
    sealed_code: str | None = None,
) -> Draft:
    """Render and store a draft; send it at once when its kind is automatic and allowed.

    ``sealed_code`` is the seal of a verification code whose slot the context put in
    the text (cases/codes.py): the draft keeps the seal, never the code.
    """
    info = kind_info(kind)
    rendered = render_reply(kind, language, context)
    automatic = allow_automatic and kind.value in outgoing.auto_send_kinds
    subject = rendered.subject
    if parent is not None and strip_subject(parent.subject):
        subject = (
            reply_subject(case.reference, parent.subject, automatic)
            if case is not None
            else f"{'Auto' if automatic else 'Re'}: {strip_subject(parent.subject)}"
        )
    headers = (
        reply_headers(parent.message_id, list(parent.references), parent.in_reply_to)
        if parent is not None
        else {}
    )
    outbound_kind = (
        OutboundKind.STAFF
        if not automatic
        else OutboundKind.TIMER
        if timer
        else OutboundKind.BOT_RESPONSE
    )
    draft = Draft(
        case_id=case.id if case else None,
        inbound_id=inbound_id,
        kind=kind.value,
        language=language.value,
        status=DraftStatus.AWAITING_APPROVAL,
        to_address=to_address,
        subject=subject,
        body=rendered.body,
        contains_personal_data=info.contains_personal_data,
        automatic=automatic,
        message_id=new_message_id(outgoing.domain),
        in_reply_to=headers.get("In-Reply-To"),
        references=headers.get("References"),
        auto_submitted=auto_submitted_value(outbound_kind),
        sealed_code=sealed_code,
        created=now,
        updated=now,
    )
    session.add(draft)
    session.flush()
    repo.audit(
        session,
        actor="privacybot",
        action="draft_created",
        at=now,
        case=case,
        draft=draft.id,
        kind=kind.value,
        automatic=automatic,
    )
    if automatic:
        _send_automatically(session, draft, case, outgoing, now)
    return draft


def _send_automatically(
    session: Session, draft: Draft, case: Case | None, outgoing: Outgoing, now: datetime
) -> None:
    problem = reply_address_problem(draft.to_address)
    if problem:
        allowed, reason = False, f"cannot write to this address: {problem}"
    else:
        allowed, reason = may_auto_reply_to(draft.to_address)
    if allowed:
        previous = session.exec(
            select(OutboxItem.created).where(
                OutboxItem.to_address == draft.to_address,
                OutboxItem.automatic == True,  # noqa: E712
                OutboxItem.created > now - timedelta(days=7),
            )
        ).all()
        acks = 0
        if case is not None:
            acks = session.exec(
                select(func.count())
                .select_from(Draft)
                .where(
                    Draft.case_id == case.id,
                    Draft.kind == ReplyKind.ACKNOWLEDGMENT.value,
                    col(Draft.status).in_([DraftStatus.QUEUED, DraftStatus.SENT]),
                )
            ).one()
        allowed, reason = rate_limit_decision(
            list(previous), now, int(acks), draft.kind == ReplyKind.ACKNOWLEDGMENT.value
        )
    if allowed:
        draft.status = DraftStatus.APPROVED
        draft.decided_by = "privacybot"
        try:
            queue(session, draft, case, outgoing, now)
            return
        except DraftError as exc:
            draft.status = DraftStatus.AWAITING_APPROVAL
            draft.decided_by = None
            reason = str(exc)
    _withhold(session, draft, case, reason, now)


def _withhold(
    session: Session, draft: Draft, case: Case | None, reason: str, now: datetime
) -> None:
    """An automatic draft that may not go out now waits for staff, once, with its reason."""
    draft.automatic = False
    draft.auto_submitted = None
    draft.updated = now
    session.add(draft)
    repo.audit(
        session,
        actor="privacybot",
        action="rate_limited" if reason.startswith("rate_limited") else "auto_reply_withheld",
        at=now,
        case=case,
        draft=draft.id,
        reason=reason,
    )
    if case is not None and not reason.startswith("rate_limited"):
        flag_for_staff(session, case, reason, now, "privacybot")
    log.info("draft %s withheld for staff: %s", draft.id, reason)


def queue(
    session: Session, draft: Draft, case: Case | None, outgoing: Outgoing, now: datetime
) -> OutboxItem:
    """Build the message bytes once and put them in the outbox (same transaction).

    Raises DraftError when the message cannot be built (an address or header the
    composer refuses): the draft then stays where it was, for staff.
    """
    problem = reply_address_problem(draft.to_address)
    if problem:
        raise DraftError(f"draft {draft.id} cannot be sent: {problem}")
    try:
        raw = _compose(draft, outgoing, now)
    except ValueError as exc:
        raise DraftError(f"draft {draft.id} cannot be sent: {exc}") from None
    item = enqueue(
        session,
        draft=draft,
        case_id=case.id if case else None,
        to_address=draft.to_address,
        raw=raw,
        message_id=draft.message_id,
        automatic=draft.automatic,
        now=now,
    )
    repo.audit(
        session,
        actor=draft.decided_by or "privacybot",
        action="queued",
        at=now,
        case=case,
        draft=draft.id,
        message_id=draft.message_id,
    )
    return item


def _compose(draft: Draft, outgoing: Outgoing, now: datetime) -> bytes:
    return compose_email(
        from_address=outgoing.from_address,
        to_address=draft.to_address,
        subject=draft.subject,
        body=draft.body,
        message_id=draft.message_id,
        date=now,
        in_reply_to=draft.in_reply_to,
        references=draft.references,
        auto_submitted=draft.auto_submitted,
        envelope_domain=outgoing.domain,
    )


def _load(session: Session, draft_id: int) -> tuple[Draft, Case | None]:
    draft = session.get(Draft, draft_id)
    if draft is None:
        raise DraftError(f"no draft {draft_id}")
    case = session.get(Case, draft.case_id) if draft.case_id else None
    return draft, case


def _pending(session: Session, draft_id: int, staff: str) -> tuple[Staff, Draft, Case | None]:
    """The acting officer and a draft that is still waiting for a decision."""
    member = require_officer(session, staff)
    draft, case = _load(session, draft_id)
    if draft.status != DraftStatus.AWAITING_APPROVAL:
        raise DraftError(f"draft {draft_id} is {draft.status}, not awaiting approval")
    return member, draft, case


def approve(
    session: Session, draft_id: int, *, staff: str, outgoing: Outgoing, now: datetime
) -> Draft:
    """Four eyes: an officer other than the last editor; personal data only if verified."""
    member, draft, case = _pending(session, draft_id, staff)
    if draft.edited_by is not None and draft.edited_by == member.email:
        raise DraftError(
            f"draft {draft_id} was edited by {member.email}: another officer must approve it"
        )
    if has_placeholder(draft.subject + draft.body):
        raise DraftError(
            f"draft {draft_id} still has placeholders to fill in: "
            f"`privacybot drafts edit {draft_id} --as STAFF`"
        )
    if draft.contains_personal_data and (case is None or not case.verified):
        raise DraftError(
            f"draft {draft_id} contains personal data and the requester is not verified (R12)"
        )
    if case is not None and case.status == CaseStatus.CLOSED:
        raise DraftError(f"draft {draft_id} belongs to closed case {case.reference}")
    draft.status = DraftStatus.APPROVED
    draft.decided_by = member.email
    draft.updated = now
    session.add(draft)
    repo.audit(
        session,
        actor=member.email,
        action="draft_approved",
        at=now,
        case=case,
        draft=draft.id,
        kind=draft.kind,
    )
    queue(session, draft, case, outgoing, now)
    return draft


def reject(session: Session, draft_id: int, *, staff: str, reason: str, now: datetime) -> Draft:
    member, draft, case = _pending(session, draft_id, staff)
    if not reason.strip():
        raise DraftError("a rejection needs a reason")
    draft.status = DraftStatus.REJECTED
    draft.decided_by = member.email
    draft.decision_reason = reason.strip()
    draft.updated = now
    session.add(draft)
    repo.audit(
        session,
        actor=member.email,
        action="draft_rejected",
        at=now,
        case=case,
        draft=draft.id,
        reason=reason.strip(),
    )
    return draft


def edit(
    session: Session,
    draft_id: int,
    *,
    staff: str,
    body: str,
    now: datetime,
    subject: str | None = None,
) -> Draft:
    member, draft, case = _pending(session, draft_id, staff)
    if not body.strip():
        raise DraftError("the new text is empty")
    changed = body != draft.body or (subject is not None and subject != draft.subject)
    if not changed:
        raise DraftError("nothing changed")
    chars_before = len(draft.body)
    draft.body = body
    if subject is not None:
        draft.subject = subject
    draft.edited_by = member.email
    draft.updated = now
    session.add(draft)
    repo.audit(
        session,
        actor=member.email,
        action="draft_edited",
        at=now,
        case=case,
        draft=draft.id,
        chars_before=chars_before,
        chars_after=len(body),
    )
    return draft
