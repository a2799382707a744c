"""What the chat writer does beyond replying: open or join a case, mail a code, verify.

Each function carries out one ``ChatEffect`` of a verdict through the same service
functions mail uses (``service.cases``, ``service.codes``, ``service.drafts``), in
the worker's transaction. When an effect cannot be done (three codes in a day, a code
mail held back by the send gate) the chat is told so instead of what was planned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.chat_models import TelegramCaseLink, TelegramChat
from privacybot.db.models import Case, InboundMessage, OtpCode, Requester
from privacybot.decision.chain import answer_kinds
from privacybot.decision.chat_facts import (
    ChatEffect,
    ChatReply,
    ChatVerdict,
)
from privacybot.domain import CaseStatus, Channel, DraftStatus, Language
from privacybot.replies.chat import ChatText
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.service import cases, chat_outbox, chat_staff
from privacybot.service.chat_gather import OPEN_STATUSES, ChatDesk, case_view
from privacybot.service.codes import issue_code, record_attempt
from privacybot.service.desk import Desk
from privacybot.service.drafts import create_draft
from privacybot.triage.chat import ChatTriage

log = logging.getLogger(__name__)


@dataclass
class ChatWork:
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


# --- the effects ---------------------------------------------------------------------------------


def _replace(work: ChatWork, old: tuple[ChatText, ...], new: ChatReply) -> None:
    """An effect that could not be done changes what the chat is told."""
    work.replies = [r for r in work.replies if r.text not in old] + [new]


def _mail_code(work: ChatWork, case: Case, address: str, *, renewed: bool) -> str:
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


def _after_code(work: ChatWork, case: Case, outcome: str) -> None:
    sent_texts = (ChatText.CODE_SENT, ChatText.CODE_SENT_AGAIN, ChatText.CODE_EXPIRED)
    if outcome == "limit":
        _replace(work, sent_texts, ChatReply(ChatText.CODE_LIMIT))
    elif outcome == "withheld":
        addr = work.desk.outgoing.from_address
        _replace(work, sent_texts, ChatReply(ChatText.CODE_NOT_SENT, {"desk_address": addr}))
        cases.flag_for_staff(
            work.session, case, "telegram: the code mail was held back", work.now, "privacybot"
        )


def _link(work: ChatWork, case: Case) -> TelegramCaseLink:
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


def _start_verification(work: ChatWork) -> None:
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
        case = _open(work, requester)
        log.info("case %s opened from telegram update %s", case.reference, work.inbound.id)
    elif existing:
        log.info("telegram request joins case %s, pending the code", case.reference)
    if row.case_id != case.id:
        row.code_ids = []
    row.case_id = case.id
    _link(work, case)
    _after_code(work, case, _mail_code(work, case, row.address, renewed=False))


def _open(work: ChatWork, requester: Requester) -> Case:
    """The chat's request as a case of the named address, dated from its message (R1)."""
    row = work.row
    assert row is not None
    case = cases.open_case(
        work.session,
        clockwork=work.desk.clockwork,
        requester=requester,
        rights=list(row.rights),
        company=row.company,
        language=row.language,
        channel=Channel.TELEGRAM,
        received=row.request_received or work.inbound.received,
        now=work.now,
        rule=",".join(work.verdict.rule_ids),
    )
    _opened_by(work, case)
    return case


def _opened_by(work: ChatWork, case: Case) -> None:
    """The message that made the request becomes the case's first (its opening text)."""
    assert work.row is not None
    origin_id = work.row.request_inbound_id or work.inbound.id
    origin = work.session.get(InboundMessage, origin_id)
    if origin is not None and origin.case_id is None:
        origin.case_id = case.id
        work.session.add(origin)


def _pending_case(work: ChatWork) -> Case | None:
    row = work.row
    return work.session.get(Case, row.case_id) if row is not None and row.case_id else None


def _new_code(work: ChatWork) -> None:
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


def _record_attempts(work: ChatWork, case: Case) -> None:
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


def _verify(work: ChatWork) -> None:
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


def _letter(work: ChatWork, case: Case, to: str, kind: ReplyKind, *, automatic: bool) -> None:
    """A draft to the case's address, in the case's language (by e-mail only: R14)."""
    language = Language(case.language)
    create_draft(
        work.session,
        case=case,
        kind=kind,
        language=language,
        to_address=to,
        context=reply_context(kind, case, work.desk.clockwork, language=language),
        parent=None,
        outgoing=work.desk.outgoing,
        now=work.now,
        inbound_id=work.inbound.id,
        allow_automatic=automatic,
    )


def _draft_answers(work: ChatWork, case: Case) -> None:
    """As after a mail code (R13-code-ok): one answer per right, waiting for an officer."""
    requester = repo.requester_of(work.session, case)
    if requester is None or (case.refusal_ground is not None and not case.refusal_partial):
        return
    opening = work.session.exec(
        select(InboundMessage.cleaned)
        .where(InboundMessage.case_id == case.id)
        .order_by(col(InboundMessage.id))
    ).first()
    for kind in answer_kinds(frozenset(case.rights), opening or ""):
        _letter(work, case, requester.address, kind, automatic=False)


def _wrong_code(work: ChatWork) -> None:
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


def _open_reduced(work: ChatWork) -> None:
    """R9 in the chat: the request acts at once for the named address; no code, no link."""
    row = work.row
    assert row is not None
    if not row.address:
        return
    requester = cases.get_or_create_requester(
        work.session, channel=Channel.EMAIL, address=row.address, key=work.desk.key, now=work.now
    )
    case = _open(work, requester)
    cases.accept_unverified(work.session, case, now=work.now, effective=case.received.isoformat())
    # As R9-reduces-only for mail: the acknowledgment goes at once, the answers to staff.
    _letter(work, case, requester.address, ReplyKind.ACKNOWLEDGMENT, automatic=True)
    _draft_answers(work, case)
    log.info("case %s opened from telegram under R9 (no code)", case.reference)


def _leave(work: ChatWork) -> None:
    chat_outbox.leave_chat(work.session, work.chat_id, now=work.now)
    log.info(
        "telegram: leaving %s chat %s (R16: only private chats; if this is the staff group, "
        "set PRIVACYBOT_TELEGRAM_STAFF_CHAT=%s and add the bot again)",
        work.triaged.update.chat_type,
        work.chat_id,
        work.chat_id,
    )


def _blocked(work: ChatWork) -> None:
    if work.row is not None:
        work.row.blocked = work.verdict.effect == ChatEffect.MARK_BLOCKED
        work.session.add(work.row)


def _staff(work: ChatWork) -> None:
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


EFFECTS = {
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
