"""Drafts: make one from a template, the automatic-send gate, and the four-eyes actions.

A draft's Message-ID is fixed when it is created, so whatever happens later (edits,
approval, retries after a crash) the outbound message keeps one identity. Automatic
kinds go out at once only when every loop and rate rule allows it (R16, R18, R20);
otherwise they wait for staff like every substantive answer. Every status change is
a move of ``states.DRAFT`` (service.moves).
"""

from __future__ import annotations

import email
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage

from sqlmodel import Session, col, func, select

from privacybot.cases.codes import mask
from privacybot.db import repo
from privacybot.db.models import Case, Draft, DraftAttachment, OutboxItem
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
from privacybot.service.cases import flag_for_staff
from privacybot.service.desk import Outgoing, Parent
from privacybot.service.moves import move_draft
from privacybot.staff import require_officer
from privacybot.states import DraftEvent, IllegalTransition
from privacybot.triage.addresses import reply_address_problem

log = logging.getLogger(__name__)


class DraftError(Exception):
    """A draft action the rules refuse; the message says why in one line."""


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


def _auto_gate(session: Session, draft: Draft, case: Case | None, now: datetime) -> str | None:
    """Why an automatic draft may not go out now (R18 address, R20 rate), or None."""
    problem = reply_address_problem(draft.to_address)
    if problem:
        return f"cannot write to this address: {problem}"
    allowed, reason = may_auto_reply_to(draft.to_address)
    if not allowed:
        return reason
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
    return None if allowed else reason


def _send_automatically(
    session: Session, draft: Draft, case: Case | None, outgoing: Outgoing, now: datetime
) -> None:
    reason = _auto_gate(session, draft, case, now)
    if reason is None:
        try:
            raw = _compose(draft, outgoing, now, _attachments(session, draft))
        except DraftError as exc:
            reason = str(exc)
        else:
            draft.decided_by = "privacybot"
            move_draft(session, draft, DraftEvent.APPROVE, actor="privacybot", now=now, case=case)
            _enqueue(session, draft, case, raw, now)
            return
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


def _attachments(session: Session, draft: Draft) -> list[tuple[str, str, bytes]]:
    rows = session.exec(
        select(DraftAttachment)
        .where(DraftAttachment.draft_id == draft.id)
        .order_by(col(DraftAttachment.id))
    ).all()
    return [(row.filename, row.content_type, row.data) for row in rows]


def _compose(
    draft: Draft,
    outgoing: Outgoing,
    now: datetime,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    """The message bytes, built once; DraftError when an address or header is refused."""
    problem = reply_address_problem(draft.to_address)
    if problem:
        raise DraftError(f"draft {draft.id} cannot be sent: {problem}")
    try:
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
            attachments=attachments or (),
        )
    except ValueError as exc:
        raise DraftError(f"draft {draft.id} cannot be sent: {exc}") from None


def _enqueue(session: Session, draft: Draft, case: Case | None, raw: bytes, now: datetime) -> None:
    enqueue(
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


def _load(session: Session, draft_id: int) -> tuple[Draft, Case | None]:
    draft = session.get(Draft, draft_id)
    if draft is None:
        raise DraftError(f"no draft {draft_id}")
    case = session.get(Case, draft.case_id) if draft.case_id else None
    return draft, case


def _pending(
    session: Session, draft_id: int, staff: str, event: DraftEvent
) -> tuple[Draft, Case | None, str]:
    """The acting officer and a draft whose table allows ``event`` now."""
    member = require_officer(session, staff)
    draft, case = _load(session, draft_id)
    try:
        from privacybot.states import DRAFT

        DRAFT.step(DraftStatus(draft.status), event)
    except IllegalTransition:
        raise DraftError(f"draft {draft_id} is {draft.status}, not awaiting approval") from None
    return draft, case, member.email


def approve(
    session: Session, draft_id: int, *, staff: str, outgoing: Outgoing, now: datetime
) -> Draft:
    """Four eyes: an officer other than the last editor; personal data only if verified."""
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.APPROVE)
    if draft.edited_by is not None and draft.edited_by == officer:
        raise DraftError(
            f"draft {draft_id} was edited by {officer}: another officer must approve it"
        )
    if has_placeholder(draft.subject + draft.body):
        raise DraftError(
            f"draft {draft_id} still has placeholders to fill in: "
            f"`privacybot drafts edit {draft_id} --as STAFF`"
        )
    if draft.contains_personal_data and (case is None or not case.verified):
        raise DraftError(
            f"draft {draft_id} contains personal data and the requester is not verified"
        )
    if case is not None and case.status == CaseStatus.CLOSED:
        raise DraftError(f"draft {draft_id} belongs to closed case {case.reference}")
    raw = _compose(draft, outgoing, now, _attachments(session, draft))
    draft.decided_by = officer
    move_draft(session, draft, DraftEvent.APPROVE, actor=officer, now=now, case=case)
    _enqueue(session, draft, case, raw, now)
    return draft


def reject(session: Session, draft_id: int, *, staff: str, reason: str, now: datetime) -> Draft:
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.REJECT)
    if not reason.strip():
        raise DraftError("a rejection needs a reason")
    draft.decided_by = officer
    draft.decision_reason = reason.strip()
    move_draft(
        session, draft, DraftEvent.REJECT, actor=officer, now=now, case=case, reason=reason.strip()
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
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.EDIT)
    if not body.strip():
        raise DraftError("the new text is empty")
    changed = body != draft.body or (subject is not None and subject != draft.subject)
    if not changed:
        raise DraftError("nothing changed")
    chars_before = len(draft.body)
    draft.body = body
    if subject is not None:
        draft.subject = subject
    draft.edited_by = officer
    move_draft(
        session,
        draft,
        DraftEvent.EDIT,
        actor=officer,
        now=now,
        case=case,
        chars_before=chars_before,
        chars_after=len(body),
    )
    return draft


@dataclass(frozen=True)
class Letter:
    """A draft exactly as it goes (or went) out: headers and text, any code masked."""

    draft_id: int
    status: str
    headers: tuple[tuple[str, str], ...]
    body: str
    attachments: tuple[str, ...] = ()


def preview(session: Session, draft_id: int, outgoing: Outgoing, now: datetime) -> Letter:
    """The bytes in the outbox when there are some, else the bytes approval would build."""
    draft, _ = _load(session, draft_id)
    item = session.exec(select(OutboxItem).where(OutboxItem.draft_id == draft.id)).first()
    raw = (
        item.raw
        if item is not None
        else _compose(draft, outgoing, now, _attachments(session, draft))
    )
    msg = email.message_from_bytes(raw, policy=policy.default)
    headers = tuple((name, str(value)) for name, value in msg.items())
    part = msg.get_body(("plain",))
    text = part.get_content() if isinstance(part, EmailMessage) else ""
    names = (
        tuple(a.get_filename() or "(unnamed)" for a in msg.iter_attachments())
        if msg.is_multipart()
        else ()
    )
    return Letter(draft.id or 0, draft.status, headers, mask(text), names)


#: Kinds that may carry files (docs/operators.md: "an access or portability answer").
ATTACHABLE_KINDS = frozenset({ReplyKind.ANSWER_ACCESS.value, ReplyKind.ANSWER_PORTABILITY.value})
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 20
_CONTENT_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")


def safe_filename(name: str) -> str:
    """The last path element of ``name``, without control characters; DraftError if none.

    A browser or script may send ``../../etc/passwd`` or ``C:\\x\\brief.pdf``: we keep
    ``passwd`` and ``brief.pdf``. Names are never used as paths here, but the recipient's
    mail program might, and staff read them on pages (escaped there).
    """
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    base = base.lstrip(". ").strip()
    if not base:
        raise DraftError(f"unusable file name {name[:80]!r}")
    if len(base) > 120:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 119 - len(ext)] + dot + ext) if dot and len(ext) <= 10 else base[:120]
    return base


def attach(
    session: Session,
    draft_id: int,
    filename: str,
    content_type: str,
    data: bytes,
    *,
    staff: str,
    now: datetime,
    max_bytes: int = MAX_ATTACHMENT_BYTES,
) -> DraftAttachment:
    """An officer adds a file to an access or portability answer that awaits approval.

    Attaching changes the letter, so it counts as an edit: the four-eyes rule then
    needs another officer to approve (``edited_by``). The audit event records the
    size and type, not the name (names may hold personal data, R25).
    """
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.ATTACH)
    if draft.kind not in ATTACHABLE_KINDS:
        raise DraftError(
            f"draft {draft_id} is a {draft.kind}: only access and portability answers take files"
        )
    name = safe_filename(filename)
    if not data:
        raise DraftError(f"{name} is empty")
    if len(data) > max_bytes:
        raise DraftError(f"{name} is larger than {max_bytes // (1024 * 1024)} MB")
    count = session.exec(
        select(func.count())
        .select_from(DraftAttachment)
        .where(DraftAttachment.draft_id == draft.id)
    ).one()
    if int(count) >= MAX_ATTACHMENTS:
        raise DraftError(f"draft {draft_id} already has {MAX_ATTACHMENTS} files")
    ctype = content_type.split(";")[0].strip().lower()
    if not _CONTENT_TYPE.fullmatch(ctype):
        ctype = "application/octet-stream"
    row = DraftAttachment(
        draft_id=draft.id or 0,
        filename=name,
        content_type=ctype,
        size=len(data),
        data=data,
        added_by=officer,
        created=now,
    )
    session.add(row)
    session.flush()
    draft.edited_by = officer
    move_draft(
        session,
        draft,
        DraftEvent.ATTACH,
        actor=officer,
        now=now,
        case=case,
        attachment=row.id,
        size=len(data),
        content_type=ctype,
    )
    return row


def attachments_of(session: Session, draft_id: int) -> list[DraftAttachment]:
    """The files on a draft, oldest first (for the draft page and the API)."""
    return list(
        session.exec(
            select(DraftAttachment)
            .where(DraftAttachment.draft_id == draft_id)
            .order_by(col(DraftAttachment.id))
        ).all()
    )
