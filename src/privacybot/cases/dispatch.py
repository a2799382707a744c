"""What a triaged message does to the desk: open or thread a case, verify, draft replies.

One call per inbound message, inside the transaction that marks the message
triaged, so a crash either leaves the message untriaged (and it is done again on
restart) or leaves all of its effects: exactly once in effect (docs/design.md, Invariants).
The decisions themselves are the pure functions of cases/threading.py,
cases/identity.py and triage/; this module only applies them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Session, col, select

from privacybot.cases import service
from privacybot.cases.codes import IssuedCode, issue_code, record_attempt, wrong_attempts
from privacybot.cases.identity import (
    CodeReply,
    OtpCheck,
    OtpState,
    Trust,
    asks_for_new_code,
    attempts_left,
    check_code,
    find_codes,
    judge_candidates,
    needs_staff_for_representation,
    parse_authentication_results,
)
from privacybot.cases.threading import (
    CandidateCase,
    ThreadAction,
    choose_case,
    repeat_of,
)
from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage, OtpCode, Requester
from privacybot.domain import RIGHTS, CaseStatus, Channel, DraftStatus, Label, Language
from privacybot.replies.context import reply_context
from privacybot.replies.drafts import Outgoing, Parent, create_draft
from privacybot.replies.headers import may_auto_reply_to
from privacybot.replies.kinds import ReplyKind
from privacybot.triage.addresses import reply_address_problem
from privacybot.triage.pipeline import TriageResult
from privacybot.triage.quotes import unquoted_text

log = logging.getLogger(__name__)

_MARKETING = re.compile(
    r"nieuwsbrie|marketing|reclame|mailing|aanbieding|newsletter|promoti|advertis|unsubscrib"
    r"|afmeld",
    re.IGNORECASE,
)

ANSWER_KIND: dict[Label, ReplyKind] = {
    Label.ACCESS: ReplyKind.ANSWER_ACCESS,
    Label.RECTIFICATION: ReplyKind.ANSWER_RECTIFICATION,
    Label.ERASURE: ReplyKind.ANSWER_ERASURE,
    Label.RESTRICTION: ReplyKind.ANSWER_RESTRICTION,
    Label.PORTABILITY: ReplyKind.ANSWER_PORTABILITY,
    Label.OBJECTION: ReplyKind.ANSWER_OBJECTION,
    Label.WITHDRAW_CONSENT: ReplyKind.ANSWER_WITHDRAW_CONSENT,
}


#: Cleaned text kept with the inbound row (for staff and the repeated-request rule).
MAX_CLEANED_CHARS = 20_000


class Outcome(StrEnum):
    CASE_OPENED = "case_opened"
    THREADED = "threaded"
    VERIFIED = "verified"
    AUTOMATIC = "automatic"
    BOUNCE = "bounce"
    QUESTION = "question"
    STAFF_TRIAGE = "staff_triage"
    PARKED = "parked"


@dataclass(frozen=True)
class Desk:
    """Everything the dispatcher needs besides the session and the message."""

    clockwork: service.Clockwork
    outgoing: Outgoing
    key: bytes
    trusted_authserv_id: str | None = None
    #: Below this classifier confidence a request waits for staff (setting MIN_CONFIDENCE).
    min_confidence: float = 0.5
    #: More new cases than this from one address in 24 h go to the staff queue instead.
    max_new_cases_per_address: int = 5
    #: The same request again within this window joins the open case.
    repeat_window: timedelta = timedelta(hours=24)


def is_marketing_objection(text: str) -> bool:
    """Art. 21(2): objecting to direct marketing needs no balancing and no verification (R9)."""
    return bool(_MARKETING.search(text))


def _no_verification_needed(rights: set[Label], text: str) -> bool:
    """R9/R12: consent withdrawal and marketing objections only reduce processing."""
    if not rights:
        return False
    allowed = {Label.WITHDRAW_CONSENT}
    if is_marketing_objection(text):
        allowed.add(Label.OBJECTION)
    return rights <= allowed


def _parent(result: TriageResult) -> Parent:
    p = result.parsed
    return Parent(
        message_id=p.message_id,
        references=tuple(p.references),
        in_reply_to=p.in_reply_to,
        subject=p.subject,
    )


def _to_staff_queue(row: InboundMessage, reason: str) -> Outcome:
    """The message waits in the staff triage queue, with why; nothing is sent."""
    row.staff_reason = reason[:2000]
    log.info("inbound %s to staff triage: %s", row.id, reason)
    return Outcome.STAFF_TRIAGE


def handle(
    session: Session, row: InboundMessage, result: TriageResult, desk: Desk, now: datetime
) -> Outcome:
    """Apply one triage result; the caller commits."""
    parsed = result.parsed
    c = result.classification
    row.automatic = result.automatic
    row.automatic_reason = result.automatic_reason
    row.labels = [label.value for label in c.labels]
    row.language = c.language.value
    row.company = c.company
    row.confidence = c.confidence
    row.sender = (parsed.sender or "").lower()[:320] or None
    row.subject = parsed.subject[:2000]
    row.cleaned = result.cleaned_body[:MAX_CLEANED_CHARS]
    if result.problems:
        row.problem = "; ".join(result.problems)[:4000]
    row.state = "triaged"
    row.triaged_at = now
    session.add(row)

    if result.automatic:
        return _automatic(session, row, result, now)
    if not row.sender:
        # No single From mailbox: nobody to verify or answer (R18); a person decides.
        count = len(parsed.from_mailboxes)
        reason = f"From holds {count} mailboxes" if count > 1 else "no mailbox in From"
        return _to_staff_queue(row, reason)

    sent_ids = _our_message_ids(session, result)
    candidates = _candidates(session, result, sent_ids)
    decision = choose_case(
        parsed.in_reply_to,
        list(parsed.references),
        sent_ids,
        result.case_ref_in_subject,
        row.sender,
        candidates,
    )
    if decision.action == ThreadAction.ATTACH:
        assert decision.case_id is not None
        case = session.get(Case, decision.case_id)
        assert case is not None
        row.case_id = case.id
        return _follow_up(session, row, result, case, desk, now, decision.rule)
    parent = (
        session.get(Case, decision.parent_case_id) if decision.parent_case_id is not None else None
    )
    return _new_request(session, row, result, desk, now, decision.action, decision.rule, parent)


# --- automatic mail ---------------------------------------------------------------


def _automatic(
    session: Session, row: InboundMessage, result: TriageResult, now: datetime
) -> Outcome:
    """R17: never answered; a bounce of our own mail marks that case, the rest waits for staff."""
    info = result.dsn
    if info is not None and info.original_message_id:
        draft = session.exec(
            select(Draft).where(Draft.message_id == info.original_message_id)
        ).first()
        if draft is not None:
            case = session.get(Case, draft.case_id) if draft.case_id else None
            draft.status = DraftStatus.FAILED
            draft.updated = now
            session.add(draft)
            row.case_id = case.id if case else None
            repo.audit(
                session,
                actor="privacybot",
                action="delivery_failed",
                at=now,
                case=case,
                draft=draft.id,
                message_id=draft.message_id,
                status=info.status,
            )
            if case is not None:
                service.flag_for_staff(session, case, "our reply bounced", now, "privacybot")
            log.info("bounce for draft %s (case %s)", draft.id, case.reference if case else "-")
            return Outcome.BOUNCE
    log.info("inbound %s is automatic (%s): not answered", row.id, row.automatic_reason)
    return Outcome.AUTOMATIC


# --- threading --------------------------------------------------------------------


def _our_message_ids(session: Session, result: TriageResult) -> dict[str, int]:
    wanted = [m for m in result.reply_ids if m]
    if not wanted:
        return {}
    rows = session.exec(
        select(Draft.message_id, Draft.case_id).where(col(Draft.message_id).in_(wanted))
    ).all()
    return {mid: cid for mid, cid in rows if cid is not None}


def _candidates(
    session: Session, result: TriageResult, sent_ids: dict[str, int]
) -> list[CandidateCase]:
    ids = set(sent_ids.values())
    query = select(Case, Requester).join(Requester, col(Case.requester_id) == Requester.id)
    found: list[tuple[Case, Requester]] = []
    if ids:
        found += session.exec(query.where(col(Case.id).in_(ids))).all()
    if result.case_ref_in_subject:
        found += session.exec(
            query.where(Case.reference == result.case_ref_in_subject.upper())
        ).all()
    return [
        CandidateCase(
            id=case.id or 0,
            reference=case.reference,
            requester=requester.address,
            closed=case.status == CaseStatus.CLOSED,
        )
        for case, requester in found
    ]


# --- a new request ------------------------------------------------------------------


def _new_request(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    desk: Desk,
    now: datetime,
    action: ThreadAction,
    rule: str,
    parent: Case | None,
) -> Outcome:
    c = result.classification
    text = result.cleaned_body
    rights = {label for label in c.labels if label in RIGHTS}
    language = Language.EN if result.foreign_language else c.language
    sender = row.sender or ""
    if not rights and parent is not None:
        rights = {Label(r) for r in parent.rights}
    if not rights:
        if result.foreign_language:
            return _clarify_foreign(session, row, result, desk, now)
        if Label.QUESTION in c.labels or Label.COMPLAINT in c.labels:
            return _question(session, row, result, desk, now)
        return _to_staff_queue(
            row, f"classification uncertain ({', '.join(row.labels or [])}, {c.confidence:.2f})"
        )

    requester = service.get_or_create_requester(
        session, channel=Channel.EMAIL, address=sender, key=desk.key, now=now
    )
    if parent is None:
        outcome = _repeat_or_flood(session, row, requester, rights, c.company, text, desk, now)
        if outcome is not None:
            return outcome
    staff_reasons: list[str] = []
    if action == ThreadAction.NEW_TOKEN_MISMATCH:
        staff_reasons.append("case reference from another address")
    trust = parse_authentication_results(
        result.parsed.header_all("Authentication-Results"), desk.trusted_authserv_id
    )
    untrusted = trust == Trust.UNTRUSTED
    if untrusted:
        staff_reasons.append("sender not authenticated (R15)")
    representation = needs_staff_for_representation(text)
    if representation:
        staff_reasons.append("request on behalf of someone else (R12)")
    if result.suppress_auto_answer:
        staff_reasons.append("sender asked for no automatic answers")
    address_problem = reply_address_problem(sender)
    if address_problem:
        staff_reasons.append(f"cannot write to this address: {address_problem}")
    auto_ok, auto_reason = may_auto_reply_to(sender)
    if not auto_ok:
        staff_reasons.append(auto_reason)
    if Label.OTHER in c.labels or c.confidence < desk.min_confidence:
        staff_reasons.append("classification uncertain")
    if result.foreign_language:
        staff_reasons.append("written in neither Dutch nor English")

    no_verification = _no_verification_needed(rights, text)
    case = service.open_case(
        session,
        clockwork=desk.clockwork,
        requester=requester,
        rights=[r.value for r in rights],
        company=c.company,
        language=language.value,
        channel=Channel.EMAIL,
        received=row.received,
        now=now,
        needs_staff=bool(staff_reasons),
        staff_reason="; ".join(staff_reasons)[:200] if staff_reasons else None,
        parent=parent,
        rule=rule,
    )
    if no_verification:
        service.set_status(session, case, CaseStatus.OPEN, actor="privacybot", now=now, reason="R9")
        repo.audit(
            session,
            actor="privacybot",
            action="processing_reduced",
            at=now,
            case=case,
            rights=case.rights,
            effective=row.received.isoformat(),
            rule="R9",
        )
    row.case_id = case.id
    may_send = not (untrusted or result.suppress_auto_answer or not auto_ok or address_problem)
    parent_msg = _parent(result)

    if representation:
        create_draft(
            session,
            case=case,
            kind=ReplyKind.REPRESENTATION_ACK,
            language=language,
            to_address=sender,
            context=reply_context(ReplyKind.REPRESENTATION_ACK, case, desk.clockwork),
            parent=parent_msg,
            outgoing=desk.outgoing,
            now=now,
            inbound_id=row.id,
            allow_automatic=may_send,
        )
        return Outcome.CASE_OPENED

    code: IssuedCode | None = None
    if not no_verification and may_send:
        code = issue_code(session, case, sender, desk.key, now)
    create_draft(
        session,
        case=case,
        kind=ReplyKind.ACKNOWLEDGMENT,
        language=language,
        to_address=sender,
        context=reply_context(
            ReplyKind.ACKNOWLEDGMENT, case, desk.clockwork, code=code.slot if code else None
        ),
        parent=parent_msg,
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=may_send,
        sealed_code=code.sealed if code else None,
    )
    if no_verification:
        _answer_drafts(session, case, row, result, desk, now)
    log.info("case %s opened from inbound %s", case.reference, row.id)
    return Outcome.CASE_OPENED


def _repeat_or_flood(
    session: Session,
    row: InboundMessage,
    requester: Requester,
    rights: set[Label],
    company: str | None,
    text: str,
    desk: Desk,
    now: datetime,
) -> Outcome | None:
    """One address writing again and again is one problem, not a case per message.

    The same request (same rights, same or nearly the same words) within the repeat
    window joins the open case it repeats; past the daily cap of new cases, the
    message waits in the staff triage queue without drafts.
    """
    since = now - max(desk.repeat_window, timedelta(hours=24))
    recent = repo.recent_cases_of(session, requester, since)
    repeated = repeat_of(
        {r.value for r in rights},
        company,
        text,
        [r for r in recent if r.opened > now - desk.repeat_window],
    )
    if repeated is not None:
        case = session.get(Case, repeated.id)
        assert case is not None
        row.case_id = case.id
        repo.audit(
            session,
            actor="privacybot",
            action="message_added",
            at=now,
            case=case,
            inbound=row.id,
            rule="repeat-request",
        )
        log.info("inbound %s repeats case %s: attached", row.id, case.reference)
        return Outcome.THREADED
    opened_today = sum(1 for r in recent if r.opened > now - timedelta(hours=24))
    if opened_today >= desk.max_new_cases_per_address:
        return _to_staff_queue(
            row,
            f"more than {desk.max_new_cases_per_address} new cases from this address in 24 h",
        )
    return None


def _question(
    session: Session, row: InboundMessage, result: TriageResult, desk: Desk, now: datetime
) -> Outcome:
    """A question or complaint without a right invoked: a draft for staff, no case clock."""
    c = result.classification
    kind = ReplyKind.ANSWER_COMPLAINT if Label.COMPLAINT in c.labels else ReplyKind.ANSWER_QUESTION
    create_draft(
        session,
        case=None,
        kind=kind,
        language=c.language,
        to_address=row.sender or "",
        context=reply_context(
            kind, None, desk.clockwork, language=c.language, question_text=result.cleaned_body
        ),
        parent=_parent(result),
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=False,
    )
    return Outcome.QUESTION


def _clarify_foreign(
    session: Session, row: InboundMessage, result: TriageResult, desk: Desk, now: datetime
) -> Outcome:
    """Another language and no right we could read: an English draft asking what is meant."""
    create_draft(
        session,
        case=None,
        kind=ReplyKind.CLARIFICATION,
        language=Language.EN,
        to_address=row.sender or "",
        context={"company": None, "ask_request": True, "ask_company": False},
        parent=_parent(result),
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=False,
    )
    log.info("inbound %s is in another language: English clarification drafted", row.id)
    return Outcome.STAFF_TRIAGE


def _answer_drafts(
    session: Session,
    case: Case,
    row: InboundMessage,
    result: TriageResult,
    desk: Desk,
    now: datetime,
) -> None:
    """One answer per right, each waiting for a staff member's approval."""
    requester = repo.requester_of(session, case)
    if requester is None:
        return
    marketing = is_marketing_objection(result.cleaned_body)
    for right in sorted(case.rights):
        kind = ANSWER_KIND[Label(right)]
        if kind == ReplyKind.ANSWER_OBJECTION and marketing:
            kind = ReplyKind.ANSWER_OBJECTION_MARKETING
        create_draft(
            session,
            case=case,
            kind=kind,
            language=Language(case.language),
            to_address=requester.address,
            context=reply_context(kind, case, desk.clockwork),
            parent=_parent(result),
            outgoing=desk.outgoing,
            now=now,
            inbound_id=row.id,
            allow_automatic=False,
        )


# --- a follow-up on an existing case -------------------------------------------------


def _follow_up(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    case: Case,
    desk: Desk,
    now: datetime,
    rule: str,
) -> Outcome:
    """R22: appended mail never moves the dates; a code in it may verify the requester."""
    repo.audit(
        session,
        actor="privacybot",
        action="message_added",
        at=now,
        case=case,
        inbound=row.id,
        rule=rule,
    )
    requester = repo.requester_of(session, case)
    same_sender = requester is not None and requester.address == row.sender
    if case.status == CaseStatus.AWAITING_VERIFICATION and same_sender:
        assert requester is not None
        outcome = _try_verify(session, row, result, case, requester, desk, now)
        if outcome is not None:
            return outcome
    elif case.status == CaseStatus.AWAITING_VERIFICATION and find_codes(
        unquoted_text(result.parsed.body)
    ):
        # A code from another address than the one it went to proves nothing (R13).
        service.flag_for_staff(
            session,
            case,
            "a code came from another address than the requester's",
            now,
            "privacybot",
        )
    elif case.verified:
        service.flag_for_staff(session, case, "new message from the requester", now, "privacybot")
    return Outcome.THREADED


def _state(otp: OtpCode) -> OtpState:
    return OtpState(hash=otp.code_hmac, issued_at=otp.issued_at, attempts=otp.attempts)


def _try_verify(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    case: Case,
    requester: Requester,
    desk: Desk,
    now: datetime,
) -> Outcome | None:
    """R13: try the reply's candidate codes, each one an attempt, within both limits.

    At most two candidates are tried (a retyped code); more verify nothing and go to
    staff. Wrong attempts count per case and per address across replies and cases,
    so guessing cannot be spread out. The requester hears back either way.
    """
    text = unquoted_text(result.parsed.body)
    candidates = find_codes(text)
    judged = judge_candidates(candidates)
    if judged == CodeReply.NONE:
        if asks_for_new_code(text):
            _send_new_code(session, row, result, case, requester, desk, now, renewed=False)
            return Outcome.THREADED
        return None
    if judged == CodeReply.TOO_MANY:
        repo.audit(
            session,
            actor="privacybot",
            action="verification_refused",
            at=now,
            case=case,
            reason="too many candidate codes",
            candidates=len(candidates),
        )
        service.flag_for_staff(
            session,
            case,
            f"a reply offered {len(candidates)} possible codes; none was tried",
            now,
            "privacybot",
        )
        return Outcome.THREADED

    wrong_case, wrong_address = wrong_attempts(session, case, requester.address_hmac, now)
    budget = attempts_left(wrong_case, wrong_address)
    otps = session.exec(
        select(OtpCode).where(OtpCode.case_id == case.id).order_by(col(OtpCode.issued_at).desc())
    ).all()
    live = [otp for otp in otps if check_code(_state(otp), "", now, desk.key) == OtpCheck.WRONG]
    if budget == 0:
        repo.audit(
            session,
            actor="privacybot",
            action="verification_failed",
            at=now,
            case=case,
            result="locked",
            attempts=wrong_case,
        )
        return Outcome.THREADED
    if not live:
        # Every code lapsed (or was purged, R26): nothing to try; a fresh code goes out.
        repo.audit(
            session,
            actor="privacybot",
            action="verification_failed",
            at=now,
            case=case,
            result="expired",
            attempts=wrong_case,
        )
        _send_new_code(session, row, result, case, requester, desk, now, renewed=True)
        return Outcome.THREADED

    wrong = 0
    for candidate in candidates[:budget]:
        if any(check_code(_state(otp), candidate, now, desk.key) == OtpCheck.OK for otp in live):
            record_attempt(session, case, requester.address_hmac, True, now)
            first_otp = repo.first_event_at(session, case, "code_issued")
            service.mark_verified(
                session,
                case,
                clockwork=desk.clockwork,
                first_otp=first_otp,
                now=now,
                method="email code",
            )
            _reply(
                session, row, result, case, requester, desk, now, ReplyKind.VERIFICATION_CONFIRMED
            )
            _answer_drafts(session, case, row, result, desk, now)
            log.info("case %s verified", case.reference)
            return Outcome.VERIFIED
        record_attempt(session, case, requester.address_hmac, False, now)
        wrong += 1
    newest = live[0]
    newest.attempts += wrong
    session.add(newest)
    locked = attempts_left(wrong_case + wrong, wrong_address + wrong) == 0
    repo.audit(
        session,
        actor="privacybot",
        action="verification_failed",
        at=now,
        case=case,
        result="locked" if locked else "wrong",
        attempts=wrong_case + wrong,
        tried=wrong,
    )
    if locked:
        service.flag_for_staff(
            session, case, "verification locked after too many wrong codes", now, "privacybot"
        )
    _reply(
        session,
        row,
        result,
        case,
        requester,
        desk,
        now,
        ReplyKind.VERIFICATION_FAILED,
        locked=locked,
    )
    return Outcome.THREADED


def _reply(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    case: Case,
    requester: Requester,
    desk: Desk,
    now: datetime,
    kind: ReplyKind,
    **extra: object,
) -> None:
    """A short automatic reply to the requester about their code (loop- and rate-safe)."""
    context = reply_context(kind, case, desk.clockwork)
    context.update(extra)
    create_draft(
        session,
        case=case,
        kind=kind,
        language=Language(case.language),
        to_address=requester.address,
        context=context,
        parent=_parent(result),
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=not result.suppress_auto_answer,
    )


def _send_new_code(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    case: Case,
    requester: Requester,
    desk: Desk,
    now: datetime,
    *,
    renewed: bool,
) -> None:
    code = issue_code(session, case, requester.address, desk.key, now)
    if code is None:
        service.flag_for_staff(
            session, case, "no new code: three were issued in 24 hours", now, "privacybot"
        )
        return
    context = reply_context(ReplyKind.VERIFICATION_CODE, case, desk.clockwork, code=code.slot)
    context["renewed"] = renewed
    create_draft(
        session,
        case=case,
        kind=ReplyKind.VERIFICATION_CODE,
        language=Language(case.language),
        to_address=requester.address,
        context=context,
        parent=_parent(result),
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=not result.suppress_auto_answer,
        sealed_code=code.sealed,
    )
