"""Drafts: make one from a template, the automatic-send gate, and the four-eyes actions.

A draft's Message-ID is fixed when it is created, so whatever happens later (edits,
approval, retries after a crash) the outbound message keeps one identity. Automatic
kinds go out at once only when every loop and rate rule allows it (R16, R18, R20);
otherwise they wait for staff like every substantive answer. Every status change is
a move of ``states.DRAFT`` (service.moves).
"""

from __future__ import annotations

import email
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from functools import cache

from sqlmodel import Session, col, func, select

from privacybot.attachments import (
    DEFAULT_MAX_TOTAL_BYTES,
    SLOT,
    AttachmentRefused,
    Checked,
    check,
    fill_slot,
    letter_problem,
    restore_slot,
)
from privacybot.cases.codes import mask
from privacybot.cases.retention import EXPORT_RETENTION_DAYS
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
from privacybot.replies.one_language import foreign_paragraphs
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


class FileRefused(DraftError):
    """The file itself may not be attached (type, content, name or size), not the draft."""


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
    to_name: str | None = None,
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
    requester = repo.requester_of(session, case) if case is not None else None
    draft = Draft(
        case_id=case.id if case else None,
        inbound_id=inbound_id,
        kind=kind.value,
        language=language.value,
        status=DraftStatus.AWAITING_APPROVAL,
        to_address=to_address,
        from_name=team_name(case.company if case else None, language),
        to_name=to_name if to_name is not None else (requester.name or "" if requester else ""),
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
            raw = _compose(session, draft, outgoing, now)
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


def _files(session: Session, draft: Draft) -> list[DraftAttachment]:
    return list(
        session.exec(
            select(DraftAttachment)
            .where(DraftAttachment.draft_id == draft.id)
            .order_by(col(DraftAttachment.id))
        ).all()
    )


def _checked(files: list[DraftAttachment]) -> list[Checked]:
    return [Checked(f.filename, f.content_type, f.size) for f in files]


def _compose(session: Session, draft: Draft, outgoing: Outgoing, now: datetime) -> bytes:
    """The message bytes, built once; DraftError when an address or header is refused."""
    problem = reply_address_problem(draft.to_address)
    if problem:
        raise DraftError(f"draft {draft.id} cannot be sent: {problem}")
    files = _files(session, draft)
    body = fill_slot(draft.body, _checked(files), draft.language)
    try:
        return compose_email(
            from_address=outgoing.from_address,
            to_address=draft.to_address,
            subject=draft.subject,
            body=body,
            message_id=draft.message_id,
            date=now,
            in_reply_to=draft.in_reply_to,
            references=draft.references,
            auto_submitted=draft.auto_submitted,
            envelope_domain=outgoing.domain,
            attachments=[(f.filename, f.content_type, f.data or b"") for f in files],
            from_name=draft.from_name,
            to_name=draft.to_name,
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


@cache
def _stopwords() -> dict[Language, frozenset[str]]:
    from privacybot.triage.classify import load_intents

    return load_intents().stopwords


@dataclass(frozen=True)
class Blocker:
    """Why a letter cannot go out yet, whoever approves it: a code for the pages, a line."""

    code: str
    message: str


def approval_blockers(
    session: Session, draft: Draft, case: Case | None, *, mixed_language: bool = False
) -> list[Blocker]:
    """What stops this letter, in the order ``approve`` checks it (four eyes aside).

    The dashboard lists these before anyone presses Approve, so staff fix the letter
    first instead of learning one refusal at a time.
    """
    found: list[Blocker] = []
    draft_id = draft.id
    if has_placeholder(draft.subject + draft.body):
        found.append(
            Blocker(
                "placeholders",
                f"draft {draft_id} still has placeholders to fill in: "
                f"`privacybot drafts edit {draft_id} --as STAFF`",
            )
        )
    files = _checked(_files(session, draft))
    mismatch = letter_problem(draft.body, files, draft.kind)
    if mismatch:
        code = "no_files" if not files else "files_unlisted" if SLOT not in draft.body else "format"
        found.append(Blocker(code, f"draft {draft_id}: {mismatch}"))
    language = Language(draft.language)
    foreign = foreign_paragraphs(draft.body, language, _stopwords())
    if foreign and not mixed_language:
        name = "English" if language == Language.EN else "Dutch"
        found.append(
            Blocker(
                "mixed_language",
                f"draft {draft_id} is a {name} letter but a paragraph reads as the other "
                f"language ({foreign[0]!r}…): translate it, or approve with --mixed-language "
                "if it must stay",
            )
        )
    if draft.contains_personal_data and (case is None or not case.verified):
        found.append(
            Blocker(
                "unverified",
                f"draft {draft_id} contains personal data and the requester is not verified",
            )
        )
    if case is not None and case.status == CaseStatus.CLOSED:
        found.append(Blocker("closed", f"draft {draft_id} belongs to closed case {case.reference}"))
    return found


def approve(
    session: Session,
    draft_id: int,
    *,
    staff: str,
    outgoing: Outgoing,
    now: datetime,
    mixed_language: bool = False,
) -> Draft:
    """Four eyes: an officer other than the last editor; personal data only if verified.

    A letter is in one language: a paragraph staff typed in the other one stops the
    approval, unless the officer says it must stay (``mixed_language``).
    """
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.APPROVE)
    if draft.edited_by is not None and draft.edited_by == officer:
        raise DraftError(
            f"draft {draft_id} was edited by {officer}: another officer must approve it"
        )
    blockers = approval_blockers(session, draft, case, mixed_language=mixed_language)
    if blockers:
        raise DraftError(blockers[0].message)
    raw = _compose(session, draft, outgoing, now)
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
    body = restore_slot(body, _checked(_files(session, draft)), draft.language)
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
    raw = item.raw if item is not None else _compose(session, draft, outgoing, now)
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


#: Kinds whose letter may carry files: a copy of the data (art. 15(3), art. 20).
ATTACHABLE = frozenset({"answer_access", "answer_portability"})
#: At most this many files on one letter.
MAX_ATTACHMENTS = 20


def attachments_of(session: Session, draft_id: int) -> list[DraftAttachment]:
    """The files on a draft, oldest first (for the draft page and the API)."""
    return list(
        session.exec(
            select(DraftAttachment)
            .where(DraftAttachment.draft_id == draft_id)
            .order_by(col(DraftAttachment.id))
        ).all()
    )


def attach(
    session: Session,
    draft_id: int,
    *,
    filename: str,
    data: bytes,
    staff: str,
    now: datetime,
    max_total: int = DEFAULT_MAX_TOTAL_BYTES,
) -> DraftAttachment:
    """Add one checked file to an access or portability answer that waits for approval."""
    draft, case, officer = _pending(session, draft_id, staff, DraftEvent.ATTACH)
    if draft.kind not in ATTACHABLE:
        raise DraftError(f"draft {draft_id}: only an access or portability answer carries files")
    files = _files(session, draft)
    room = max_total - sum(f.size for f in files)
    try:
        checked = check(filename, data, room=room)
    except AttachmentRefused as exc:
        raise FileRefused(str(exc)) from None
    if any(f.filename == checked.filename for f in files):
        raise DraftError(f"draft {draft_id} already has a file named {checked.filename}")
    if len(files) >= MAX_ATTACHMENTS:
        raise DraftError(f"draft {draft_id} already has {MAX_ATTACHMENTS} files")
    row = DraftAttachment(
        draft_id=draft.id or 0,
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        added_by=officer,
        created=now,
    )
    session.add(row)
    session.flush()
    # Attaching changes the letter: like an edit, another officer must approve it.
    draft.edited_by = officer
    move_draft(
        session,
        draft,
        DraftEvent.ATTACH,
        actor=officer,
        now=now,
        case=case,
        attachment=row.id,
        size=checked.size,
        content_type=checked.content_type,  # not the name: names may hold personal data
    )
    return row


def team_name(company: str | None, language: Language | str) -> str:
    """Whose letter: the member company's privacy team, or Conxillium's for all eight."""
    who = company or "Conxillium"
    return f"Privacyteam {who}" if Language(language) == Language.NL else f"{who} Privacy Team"


def purge_sent_attachments(session: Session, now: datetime) -> int:
    """R26: export files go 30 days after their letter was sent; the letter's record stays.

    The files' bytes are deleted, and so are the copies inside the sent message kept
    in the outbox (their parts are emptied, the rest of the letter is kept).
    """
    due = now - timedelta(days=EXPORT_RETENTION_DAYS)
    rows = session.exec(
        select(DraftAttachment, OutboxItem)
        .join(OutboxItem, col(OutboxItem.draft_id) == col(DraftAttachment.draft_id))
        .where(
            col(DraftAttachment.data).is_not(None),
            col(OutboxItem.sent_at).is_not(None),
            col(OutboxItem.sent_at) <= due,
        )
    ).all()
    emptied: set[int] = set()
    for attachment, item in rows:
        attachment.data = None
        attachment.purged_at = now
        session.add(attachment)
        if item.id is not None and item.id not in emptied:
            item.raw = _without_attachments(item.raw)
            session.add(item)
            emptied.add(item.id)
    if rows:
        repo.audit(session, actor="privacybot", action="exports_purged", at=now, files=len(rows))
    return len(rows)


def _without_attachments(raw: bytes) -> bytes:
    msg = email.message_from_bytes(raw, policy=policy.default)
    if not isinstance(msg, EmailMessage) or not msg.is_multipart():
        return raw
    for part in msg.iter_attachments():
        name = (part.get_filename() or "file") + ".deleted"
        part.set_content(
            b"",
            maintype="application",
            subtype="octet-stream",
            disposition="attachment",
            filename=name,
        )
    return msg.as_bytes()
