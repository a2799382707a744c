"""One Telegram update: load the facts, let the chat chains judge, carry out the verdict.

Called by the triage worker inside the transaction that marks the update's inbound
row triaged (intake/worker.py), exactly as ``service.inbound`` is for mail: a crash
leaves either nothing of the update or all of it (the conversation row, the case,
the code, the drafts and the chat replies in the outbox). The conversation itself is
a row of ``telegram_chat``, so a restarted service carries on where it was.

What a chat may learn follows R14: before its user typed the code that was mailed to
the named address, the chat hears that a code is on its way and nothing about any
case; after, it hears the reference, the due date and how the case stands. Letters
(and anything else with personal data) go only by e-mail, through the drafts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from privacybot.cases.identity import ATTEMPT_WINDOW, OtpState
from privacybot.db import repo
from privacybot.db.chat_models import TelegramCaseLink, TelegramChat
from privacybot.db.models import Case, InboundMessage, OtpCode, Requester
from privacybot.decision.chain import answer_kinds
from privacybot.decision.chat import decide_chat
from privacybot.decision.chat_facts import (
    AddressFacts,
    CaseView,
    ChatEffect,
    ChatFacts,
    ChatLimits,
    ChatReply,
    ChatState,
    ChatVerdict,
    Conversation,
    StaffFacts,
)
from privacybot.decision.facts import CodeFacts
from privacybot.domain import CaseStatus, Channel, DraftStatus, Language
from privacybot.replies.chat import ChatText, button_label, render_chat
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.replies.policy import load_policy
from privacybot.service import cases, chat_outbox, chat_staff
from privacybot.service.codes import issue_code, record_attempt, wrong_attempts
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft
from privacybot.service.moves import move_inbound
from privacybot.states import InboundEvent
from privacybot.triage.chat import ChatTriage

log = logging.getLogger(__name__)

RATE_WINDOW = timedelta(minutes=1)
#: The case statuses a chat's request can join (R22-like: an open request of the address).
OPEN_STATUSES = (CaseStatus.AWAITING_VERIFICATION, CaseStatus.OPEN)


@dataclass(frozen=True)
class ChatDesk:
    """What the chat writer needs beyond the Desk: the staff group and the chat limits."""

    staff_chat: int | None = None
    limits: ChatLimits = field(default_factory=ChatLimits)


# --- loading the facts ---------------------------------------------------------------------------


def _conversation_row(session: Session, chat_id: int) -> TelegramChat | None:
    # FOR UPDATE on PostgreSQL: two workers never interleave one chat's updates.
    return session.get(TelegramChat, chat_id, with_for_update=True)


def _window(row: TelegramChat | None, at: datetime) -> tuple[datetime, int, bool]:
    """The rate window after this update: start, count, whether the note was sent."""
    if (
        row is None
        or row.window_start is None
        or not (row.window_start <= at < row.window_start + RATE_WINDOW)
    ):
        return at, 1, False
    return row.window_start, row.window_count + 1, row.window_noted


def _snapshot(row: TelegramChat | None, count: int, noted: bool) -> Conversation:
    if row is None:
        return Conversation(window_count=count, window_noted=noted)
    return Conversation(
        state=ChatState(row.state),
        language=Language(row.language),
        rights=frozenset(row.rights),
        company=row.company,
        company_settled=row.company_settled,
        address=row.address,
        window_count=count,
        window_noted=noted,
        stopped=row.stopped,
        known=True,
    )


def case_view(case: Case) -> CaseView:
    return CaseView(
        reference=case.reference,
        status=case.status,
        rights=tuple(sorted(case.rights)),
        company=case.company,
        due_date=case.extended_due or case.due,
    )


def linked_cases(session: Session, chat_id: int) -> list[Case]:
    """The cases this chat verified: the only ones it may hear of (R14)."""
    return list(
        session.exec(
            select(Case)
            .join(TelegramCaseLink, col(TelegramCaseLink.case_id) == Case.id)
            .where(
                TelegramCaseLink.chat_id == chat_id,
                TelegramCaseLink.verified == True,  # noqa: E712
                col(Case.purged_at).is_(None),
            )
            .order_by(col(Case.id))
        ).all()
    )


def _chat_codes(session: Session, row: TelegramChat, now: datetime) -> CodeFacts | None:
    """The codes mailed for this chat only (newest first), and R13's wrong counts."""
    case = session.get(Case, row.case_id) if row.case_id else None
    requester = repo.requester_of(session, case) if case is not None else None
    if case is None or requester is None:
        return None
    ids = [int(i) for i in row.code_ids]
    rows = (
        session.exec(
            select(OtpCode)
            .where(col(OtpCode.id).in_(ids), OtpCode.case_id == case.id)
            .order_by(col(OtpCode.issued_at).desc())
        ).all()
        if ids
        else []
    )
    states = tuple(OtpState(r.code_hmac, r.issued_at, r.attempts) for r in rows)
    wrong_case, wrong_address = wrong_attempts(session, case, requester.address_hmac, now)
    return CodeFacts(states, wrong_case, wrong_address)


def _requester(session: Session, address: str) -> Requester | None:
    return session.exec(
        select(Requester).where(
            Requester.channel == Channel.EMAIL, Requester.address == address.strip().lower()
        )
    ).first()


def _address_facts(session: Session, address: str, now: datetime) -> AddressFacts:
    requester = _requester(session, address)
    if requester is None:
        return AddressFacts()
    found = session.exec(select(Case).where(Case.requester_id == requester.id)).all()
    return AddressFacts(
        new_cases_today=sum(1 for c in found if c.created > now - timedelta(hours=24)),
        open_cases=tuple(case_view(c) for c in found if c.status in OPEN_STATUSES),
    )


def _addresses_today(session: Session, chat_id: int, now: datetime) -> frozenset[str]:
    rows = session.exec(
        select(Requester.address)
        .join(Case, col(Case.requester_id) == Requester.id)
        .join(TelegramCaseLink, col(TelegramCaseLink.case_id) == Case.id)
        .where(
            TelegramCaseLink.chat_id == chat_id,
            col(TelegramCaseLink.created) > now - ATTEMPT_WINDOW,
        )
    ).all()
    return frozenset(rows)


def _staff_facts(
    session: Session, user_id: int | None, now: datetime, window: timedelta
) -> StaffFacts:
    found = chat_staff.member_for_user(session, user_id)
    if found is None:
        return StaffFacts()
    member, link = found
    pending = link.reject_draft_id
    if link.reject_since is None or link.reject_since <= now - window:
        pending = None
    return StaffFacts(member=member.email, pending_reject=pending)


def _request_text(session: Session, row: TelegramChat | None) -> str:
    if row is None or row.request_inbound_id is None:
        return ""
    origin = session.get(InboundMessage, row.request_inbound_id)
    return (origin.cleaned or "") if origin is not None else ""


def gather(
    session: Session,
    inbound: InboundMessage,
    triaged: ChatTriage,
    desk: Desk,
    chat_desk: ChatDesk,
    now: datetime,
) -> tuple[ChatFacts, TelegramChat | None]:
    """Everything the chat chains read, and the conversation row (None: none yet)."""
    update = triaged.update
    chat_id = update.chat_id
    is_staff = chat_id is not None and chat_id == chat_desk.staff_chat
    row = _conversation_row(session, chat_id) if chat_id is not None and not is_staff else None
    start, count, noted = _window(row, inbound.received)
    state = ChatState(row.state) if row is not None else ChatState.IDLE
    address = row.address if row is not None else None
    facts = ChatFacts(
        update=update,
        reading=triaged.reading,
        conversation=_snapshot(row, count, noted),
        now=now,
        key=desk.key,
        limits=chat_desk.limits,
        staff_chat=chat_desk.staff_chat,
        codes=_chat_codes(session, row, now)
        if row is not None and state == ChatState.AWAITING_CODE
        else None,
        linked=tuple(case_view(c) for c in linked_cases(session, chat_id))
        if chat_id is not None and update.command == "status"
        else (),
        address=_address_facts(session, address, now)
        if address and state == ChatState.CONFIRM_ADDRESS
        else None,
        staff=_staff_facts(session, update.user_id, now, chat_desk.limits.reject_reason_window)
        if is_staff
        else None,
        addresses_today=_addresses_today(session, chat_id, now)
        if chat_id is not None and state == ChatState.CONFIRM_ADDRESS
        else frozenset(),
        request_text=_request_text(session, row),
        policy=load_policy().sections,
        desk_address=desk.outgoing.from_address,
    )
    return facts, row


# --- carrying out the verdict --------------------------------------------------------------------


@dataclass
class _Work:
    """What applying one verdict needs at hand, and the replies as they end up."""

    session: Session
    inbound: InboundMessage
    triaged: ChatTriage
    verdict: ChatVerdict
    desk: Desk
    chat_desk: ChatDesk
    now: datetime
    row: TelegramChat | None
    replies: list[ChatReply]

    @property
    def chat_id(self) -> int:
        assert self.triaged.update.chat_id is not None
        return self.triaged.update.chat_id


def handle_chat(
    session: Session,
    inbound: InboundMessage,
    triaged: ChatTriage,
    desk: Desk,
    chat_desk: ChatDesk,
    now: datetime,
) -> str:
    """Decide and apply one stored Telegram update; the caller commits. Returns a log line."""
    facts, row = gather(session, inbound, triaged, desk, chat_desk, now)
    verdict = decide_chat(facts)
    work = _Work(
        session, inbound, triaged, verdict, desk, chat_desk, now, row, list(verdict.replies)
    )
    _record(work)
    if triaged.update.chat_id is not None:
        _apply(work, facts)
    move_inbound(session, inbound, InboundEvent.TRIAGE, actor="privacybot", now=now, audit=False)
    summary = f"{verdict.effect.value} ({', '.join(verdict.rule_ids)})"
    log.info("telegram update %s: %s", triaged.update.update_id, summary)
    return summary


def _record(work: _Work) -> None:
    """The inbound row keeps what staff need: who (the chat), the reading, the verdict."""
    row, update, reading = work.inbound, work.triaged.update, work.triaged.reading
    row.sender = f"telegram:{update.chat_id}" if update.chat_id is not None else None
    if reading is not None:
        c = reading.classification
        row.labels = [label.value for label in c.labels]
        row.language = c.language.value
        row.company = c.company
        row.confidence = c.confidence
        row.cleaned = reading.cleaned
    row.verdict = work.verdict.as_json()
    row.triaged_at = work.now


def _apply(work: _Work, facts: ChatFacts) -> None:
    update, verdict = work.triaged.update, work.verdict
    if update.private and update.chat_id != work.chat_desk.staff_chat:
        work.row = _update_conversation(work, facts)
    effect = verdict.effect
    handler = _EFFECTS.get(effect)
    if handler is not None:
        handler(work)
    if verdict.clear_request and work.row is not None:
        _clear_request(work.row)  # after the effect, which may still need the request
    _send_replies(work)


def _update_conversation(work: _Work, facts: ChatFacts) -> TelegramChat:
    update, verdict, now = work.triaged.update, work.verdict, work.now
    row = work.row
    if row is None:
        row = TelegramChat(chat_id=work.chat_id, created=now, updated=now)
        work.session.add(row)
    row.user_id = update.user_id
    row.language = verdict.language.value
    start, count, noted = _window(work.row, work.inbound.received)
    row.window_start, row.window_count = start, count
    row.window_noted = noted or ("tg-rate-limit" in verdict.rule_ids and bool(verdict.replies))
    if update.kind != "member":
        row.blocked = False  # they are writing to us, so they have not blocked the bot
    if verdict.rights is not None:
        row.rights = sorted(verdict.rights)
        row.request_inbound_id = work.inbound.id
        row.request_received = work.inbound.received
    if verdict.company_settled is not None:
        row.company = verdict.company
        row.company_settled = verdict.company_settled
    if verdict.address is not None:
        row.address = verdict.address
    if verdict.state is not None:
        row.state = verdict.state.value
        row.stopped = verdict.state == ChatState.STOPPED
    row.updated = now
    work.session.add(row)
    return row


def _clear_request(row: TelegramChat) -> None:
    row.rights = []
    row.company = None
    row.company_settled = False
    row.request_inbound_id = None
    row.request_received = None
    row.address = None
    row.case_id = None
    row.code_ids = []


# --- the effects ---------------------------------------------------------------------------------


def _replace(work: _Work, old: tuple[ChatText, ...], new: ChatReply) -> None:
    """An effect that could not be done changes what the chat is told."""
    work.replies = [r for r in work.replies if r.text not in old] + [new]


def _mail_code(work: _Work, case: Case, address: str, *, renewed: bool) -> str:
    """R13/R14: a code for this chat's request, mailed to the named address.

    Returns ``sent``, ``limit`` (three codes in 24 hours) or ``withheld`` (the send
    gate kept the mail back for staff: R18 address or R20 rate).
    """
    session, row, desk, now = work.session, work.row, work.desk, work.now
    assert row is not None
    code = issue_code(session, case, address, desk.key, now)
    if code is None:
        return "limit"
    session.flush()
    newest = session.exec(
        select(OtpCode.id).where(OtpCode.case_id == case.id).order_by(col(OtpCode.id).desc())
    ).first()
    row.code_ids = [*row.code_ids, int(newest or 0)]
    draft = create_draft(
        session,
        case=case,
        kind=ReplyKind.VERIFICATION_CODE,
        language=Language(row.language),
        to_address=address,
        context={
            "reference": case.reference,
            "code": code.slot,
            "channel": Channel.TELEGRAM.value,
            "renewed": renewed,
            "company": case.company,
        },
        parent=None,
        outgoing=desk.outgoing,
        now=now,
        inbound_id=work.inbound.id,
        sealed_code=code.sealed,
    )
    return "sent" if draft.status == DraftStatus.QUEUED else "withheld"


def _after_code(work: _Work, case: Case, outcome: str) -> None:
    sent_texts = (ChatText.CODE_SENT, ChatText.CODE_SENT_AGAIN, ChatText.CODE_EXPIRED)
    if outcome == "limit":
        _replace(work, sent_texts, ChatReply(ChatText.CODE_LIMIT))
    elif outcome == "withheld":
        addr = work.desk.outgoing.from_address
        _replace(work, sent_texts, ChatReply(ChatText.CODE_NOT_SENT, {"desk_address": addr}))
        cases.flag_for_staff(
            work.session, case, "telegram: the code mail was held back", work.now, "privacybot"
        )


def _link(work: _Work, case: Case) -> TelegramCaseLink:
    link = work.session.exec(
        select(TelegramCaseLink).where(
            TelegramCaseLink.chat_id == work.chat_id, TelegramCaseLink.case_id == case.id
        )
    ).first()
    if link is None:
        link = TelegramCaseLink(
            chat_id=work.chat_id,
            case_id=case.id or 0,
            user_id=work.triaged.update.user_id,
            created=work.now,
        )
        work.session.add(link)
    return link


def _start_verification(work: _Work) -> None:
    session, row, desk, now = work.session, work.row, work.desk, work.now
    assert row is not None and row.address is not None
    requester = cases.get_or_create_requester(
        session, channel=Channel.EMAIL, address=row.address, key=desk.key, now=now
    )
    case: Case | None = None
    existing = False
    if work.verdict.existing_reference:
        found = repo.case_by_reference(session, work.verdict.existing_reference)
        if found is not None and found.requester_id == requester.id:
            case, existing = found, True
    if case is None and row.case_id is not None:
        pending = session.get(Case, row.case_id)
        if pending is not None and pending.requester_id == requester.id:
            case = pending if pending.status in OPEN_STATUSES else None
    if case is None:
        case = cases.open_case(
            session,
            clockwork=desk.clockwork,
            requester=requester,
            rights=list(row.rights),
            company=row.company,
            language=row.language,
            channel=Channel.TELEGRAM,
            received=row.request_received or work.inbound.received,
            now=now,
            rule=",".join(work.verdict.rule_ids),
        )
        _opened_by(work, case)
        log.info("case %s opened from telegram update %s", case.reference, work.inbound.id)
    elif existing:
        log.info("telegram request joins case %s, pending the code", case.reference)
    if row.case_id != case.id:
        row.code_ids = []
    row.case_id = case.id
    _link(work, case)
    _after_code(work, case, _mail_code(work, case, row.address, renewed=False))


def _opened_by(work: _Work, case: Case) -> None:
    """The message that made the request becomes the case's first (its opening text)."""
    assert work.row is not None
    origin_id = work.row.request_inbound_id or work.inbound.id
    origin = work.session.get(InboundMessage, origin_id)
    if origin is not None and origin.case_id is None:
        origin.case_id = case.id
        work.session.add(origin)


def _pending_case(work: _Work) -> Case | None:
    row = work.row
    return work.session.get(Case, row.case_id) if row is not None and row.case_id else None


def _new_code(work: _Work) -> None:
    case = _pending_case(work)
    if case is None or work.row is None or work.row.address is None:
        _replace(
            work,
            (ChatText.CODE_SENT_AGAIN, ChatText.CODE_EXPIRED),
            ChatReply(ChatText.CODE_UNEXPECTED),
        )
        return
    renewed = work.verdict.effect == ChatEffect.RENEW_CODE
    _after_code(work, case, _mail_code(work, case, work.row.address, renewed=renewed))


def _record_attempts(work: _Work, case: Case) -> None:
    requester = repo.requester_of(work.session, case)
    if requester is None or work.row is None:
        return
    for ok in work.verdict.code_attempts:
        record_attempt(work.session, case, requester.address_hmac, ok, work.now)
    wrong = sum(not ok for ok in work.verdict.code_attempts)
    ids = [int(i) for i in work.row.code_ids]
    if wrong and ids:
        newest = work.session.get(OtpCode, max(ids))
        if newest is not None:
            newest.attempts += wrong
            work.session.add(newest)


def _verify(work: _Work) -> None:
    session, now, desk = work.session, work.now, work.desk
    case = _pending_case(work)
    if case is None:
        _replace(work, (ChatText.VERIFIED,), ChatReply(ChatText.CODE_UNEXPECTED))
        return
    _record_attempts(work, case)
    existing = case.verified
    if case.status == CaseStatus.AWAITING_VERIFICATION:
        cases.verify(
            session,
            case,
            clockwork=desk.clockwork,
            first_otp=repo.first_event_at(session, case, "code_issued"),
            now=now,
            method="telegram code",
        )
        _draft_answers(work, case)
        log.info("case %s verified in telegram", case.reference)
    else:
        repo.audit(
            session,
            actor="privacybot",
            action="telegram_linked",
            at=now,
            case=case,
            method="telegram code",
        )
    for otp_id in work.row.code_ids if work.row else []:
        spent = session.get(OtpCode, int(otp_id))
        if spent is not None:
            session.delete(spent)  # R26: a used code is not kept
    link = _link(work, case)
    link.verified = True
    link.verified_at = now
    link.user_id = work.triaged.update.user_id
    session.add(link)
    view = case_view(case)
    verified = ChatReply(
        ChatText.VERIFIED,
        {
            "reference": view.reference,
            "due_date": view.due_date,
            "rights": list(view.rights),
            "company": view.company,
            "existing": existing,
        },
    )
    _replace(work, (ChatText.VERIFIED,), verified)


def _draft_answers(work: _Work, case: Case) -> None:
    """As after a mail code (R13-code-ok): one answer per right, waiting for an officer."""
    requester = repo.requester_of(work.session, case)
    if requester is None:
        return
    opening = work.session.exec(
        select(InboundMessage.cleaned)
        .where(InboundMessage.case_id == case.id)
        .order_by(col(InboundMessage.id))
    ).first()
    if case.refusal_ground is not None and not case.refusal_partial:
        return
    language = Language(case.language)
    for kind in answer_kinds(frozenset(case.rights), opening or ""):
        create_draft(
            work.session,
            case=case,
            kind=kind,
            language=language,
            to_address=requester.address,
            context=reply_context(kind, case, work.desk.clockwork, language=language),
            parent=None,
            outgoing=work.desk.outgoing,
            now=work.now,
            inbound_id=work.inbound.id,
            allow_automatic=False,
        )


def _wrong_code(work: _Work) -> None:
    case = _pending_case(work)
    if case is None:
        return
    _record_attempts(work, case)
    repo.audit(
        work.session,
        actor="privacybot",
        action="verification_failed",
        at=work.now,
        case=case,
        tried=len(work.verdict.code_attempts),
        channel="telegram",
    )
    if work.verdict.locked_now:
        cases.flag_for_staff(
            work.session,
            case,
            "verification locked after too many wrong codes (telegram)",
            work.now,
            "privacybot",
        )


def _open_reduced(work: _Work) -> None:
    """R9 in the chat: the request acts at once for the named address; no code, no link."""
    session, row, desk, now = work.session, work.row, work.desk, work.now
    assert row is not None
    address = row.address or ""
    if not address:
        return
    requester = cases.get_or_create_requester(
        session, channel=Channel.EMAIL, address=address, key=desk.key, now=now
    )
    received = row.request_received or work.inbound.received
    case = cases.open_case(
        session,
        clockwork=desk.clockwork,
        requester=requester,
        rights=list(row.rights),
        company=row.company,
        language=row.language,
        channel=Channel.TELEGRAM,
        received=received,
        now=now,
        rule=",".join(work.verdict.rule_ids),
    )
    _opened_by(work, case)
    cases.accept_unverified(session, case, now=now, effective=received.isoformat())
    language = Language(row.language)
    create_draft(
        session,
        case=case,
        kind=ReplyKind.ACKNOWLEDGMENT,
        language=language,
        to_address=requester.address,
        context=reply_context(ReplyKind.ACKNOWLEDGMENT, case, desk.clockwork, language=language),
        parent=None,
        outgoing=desk.outgoing,
        now=now,
        inbound_id=work.inbound.id,
    )
    text = _request_text(session, row)
    for kind in answer_kinds(frozenset(case.rights), text):
        create_draft(
            session,
            case=case,
            kind=kind,
            language=language,
            to_address=requester.address,
            context=reply_context(kind, case, desk.clockwork, language=language),
            parent=None,
            outgoing=desk.outgoing,
            now=now,
            inbound_id=work.inbound.id,
        )
    log.info("case %s opened from telegram under R9 (no code)", case.reference)


def _leave(work: _Work) -> None:
    chat_outbox.leave_chat(work.session, work.chat_id, now=work.now)
    log.info(
        "telegram: leaving %s chat %s (R16: only private chats)",
        work.triaged.update.chat_type,
        work.chat_id,
    )


def _blocked(work: _Work) -> None:
    if work.row is not None:
        work.row.blocked = work.verdict.effect == ChatEffect.MARK_BLOCKED
        work.session.add(work.row)


def _staff(work: _Work) -> None:
    update, verdict, session, now = work.triaged.update, work.verdict, work.session, work.now
    effect = verdict.effect
    if effect == ChatEffect.STAFF_NOT_LINKED:
        chat_staff.not_linked(session, work.chat_id, update.callback_id, update.user_id, now)
    elif effect == ChatEffect.STAFF_APPROVE and verdict.draft_id is not None:
        chat_staff.press_approve(
            session,
            chat_id=work.chat_id,
            callback_id=update.callback_id,
            user_id=update.user_id,
            draft_id=verdict.draft_id,
            digest=verdict.text_hash,
            outgoing=work.desk.outgoing,
            now=now,
        )
    elif effect == ChatEffect.STAFF_REJECT_ASK and verdict.draft_id is not None:
        chat_staff.press_reject(
            session,
            chat_id=work.chat_id,
            callback_id=update.callback_id,
            user_id=update.user_id,
            draft_id=verdict.draft_id,
            digest=verdict.text_hash,
            now=now,
        )
    elif effect == ChatEffect.STAFF_REJECT:
        chat_staff.give_reason(
            session,
            chat_id=work.chat_id,
            user_id=update.user_id,
            reason=verdict.reason or "",
            now=now,
        )
    elif effect == ChatEffect.STAFF_CANCEL:
        chat_staff.cancel_reject(session, chat_id=work.chat_id, user_id=update.user_id, now=now)


_EFFECTS = {
    ChatEffect.START_VERIFICATION: _start_verification,
    ChatEffect.NEW_CODE: _new_code,
    ChatEffect.RENEW_CODE: _new_code,
    ChatEffect.VERIFY: _verify,
    ChatEffect.WRONG_CODE: _wrong_code,
    ChatEffect.OPEN_REDUCED: _open_reduced,
    ChatEffect.LEAVE: _leave,
    ChatEffect.MARK_BLOCKED: _blocked,
    ChatEffect.MARK_UNBLOCKED: _blocked,
    ChatEffect.STAFF_NOT_LINKED: _staff,
    ChatEffect.STAFF_APPROVE: _staff,
    ChatEffect.STAFF_REJECT_ASK: _staff,
    ChatEffect.STAFF_REJECT: _staff,
    ChatEffect.STAFF_CANCEL: _staff,
}


# --- saying it -----------------------------------------------------------------------------------


def _keyboard(reply: ChatReply, language: Language) -> list[list[tuple[str, str]]]:
    return [
        [(b.label or button_label(b.key or "", language.value), b.data) for b in row]
        for row in reply.buttons
    ]


def _send_replies(work: _Work) -> None:
    """Queue the replies; a pressed button is always answered (it stops the spinner)."""
    update = work.triaged.update
    language = work.verdict.language
    is_staff = work.chat_id == work.chat_desk.staff_chat
    answered = False
    for reply in work.replies:
        lang = reply.language or language
        text = render_chat(reply.text, lang, dict(reply.context))
        if reply.as_answer:
            if update.callback_id and not answered:
                chat_outbox.answer_button(
                    work.session, work.chat_id, update.callback_id, text, now=work.now
                )
                answered = True
            continue
        if is_staff:
            continue  # the staff group hears only the staff texts (service.chat_staff)
        chat_outbox.send_message(
            work.session, work.chat_id, text, now=work.now, buttons=_keyboard(reply, lang)
        )
    staff_answers = work.verdict.effect.value.startswith("staff_")
    if update.kind == "callback" and update.callback_id and not answered and not staff_answers:
        chat_outbox.answer_button(work.session, work.chat_id, update.callback_id, now=work.now)


def mark_blocked(session: Session, chat_id: int, now: datetime) -> None:
    """The sender got 403 for this chat: no status messages go to it any more."""
    row = session.get(TelegramChat, chat_id)
    if row is not None and not row.blocked:
        row.blocked = True
        row.updated = now
        session.add(row)
