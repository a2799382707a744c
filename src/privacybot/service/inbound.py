"""One triaged message: load the facts, let the decision chain judge, carry out the verdict.

Runs inside the transaction that marks the message triaged, so a crash either leaves
the message untriaged (done again on restart) or leaves all of its effects: exactly
once in effect. The decision itself is ``decision.decide`` — pure; this module loads
what it reads and writes what it says, and nothing else.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from privacybot.cases.codes import IssuedCode
from privacybot.cases.threading import CandidateCase, RecentCase, choose_case
from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage, Requester
from privacybot.decision import (
    Action,
    BouncedDraft,
    CaseFacts,
    CodeFacts,
    CodeUse,
    Facts,
    PlannedReply,
    Verdict,
    decide,
)
from privacybot.domain import CaseStatus, Channel, DraftStatus, Language
from privacybot.replies.context import reply_context
from privacybot.replies.kinds import ReplyKind
from privacybot.service import cases
from privacybot.service.alerts import alert_staff
from privacybot.service.codes import (
    code_states,
    count_wrong_on_newest,
    issue_code,
    record_attempt,
    wrong_attempts,
)
from privacybot.service.desk import Desk, Parent
from privacybot.service.drafts import create_draft
from privacybot.service.moves import move_draft, move_inbound
from privacybot.states import DraftEvent, IllegalTransition, InboundEvent
from privacybot.triage.pipeline import TriageResult

log = logging.getLogger(__name__)

#: How far back a complaint that names no case may refer to the sender's latest case
#: (rule complaint-about-case): a year, the time a closed case's content is kept (R24).
COMPLAINT_LOOKBACK = timedelta(days=365)
#: Cleaned text kept with the inbound row (for staff and the repeated-request rule).
MAX_CLEANED_CHARS = 20_000


# --- loading the facts ------------------------------------------------------------------------


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


def _opening_text(session: Session, case: Case) -> str:
    text = session.exec(
        select(InboundMessage.cleaned)
        .where(InboundMessage.case_id == case.id)
        .order_by(col(InboundMessage.id))
    ).first()
    return text or ""


def case_facts(session: Session, case: Case) -> CaseFacts:
    requester = repo.requester_of(session, case)
    return CaseFacts(
        id=case.id or 0,
        reference=case.reference,
        status=CaseStatus(case.status),
        rights=frozenset(case.rights),
        company=case.company,
        language=Language(case.language),
        verified=case.verified,
        requester=requester.address if requester else "",
        refused=case.refusal_ground is not None and not case.refusal_partial,
        opening_text=_opening_text(session, case),
        drafted_kinds=frozenset(
            session.exec(
                select(Draft.kind).where(
                    Draft.case_id == case.id,
                    col(Draft.status).notin_([DraftStatus.REJECTED, DraftStatus.WITHDRAWN]),
                )
            ).all()
        ),
    )


def gather(
    session: Session, row: InboundMessage, result: TriageResult, desk: Desk, now: datetime
) -> Facts:
    """Everything the chains read about this message, as frozen data."""
    parsed = result.parsed
    sender = (parsed.sender or "").strip().lower()
    bounced = None
    if result.automatic and result.dsn is not None and result.dsn.original_message_id:
        draft = session.exec(
            select(Draft).where(Draft.message_id == result.dsn.original_message_id)
        ).first()
        if draft is not None:
            bounced = BouncedDraft(draft.id or 0, draft.case_id, draft.message_id)
    sent_ids = _our_message_ids(session, result)
    thread = choose_case(
        parsed.in_reply_to,
        list(parsed.references),
        sent_ids,
        result.case_ref_in_subject,
        sender,
        _candidates(session, result, sent_ids),
    )
    case_id = thread.case_id or thread.parent_case_id
    case = session.get(Case, case_id) if case_id else None
    facts_case = case_facts(session, case) if case is not None else None
    codes = None
    if case is not None and facts_case is not None and facts_case.requester == sender:
        requester = repo.requester_of(session, case)
        if requester is not None and case.status == CaseStatus.AWAITING_VERIFICATION:
            wrong_case, wrong_address = wrong_attempts(session, case, requester.address_hmac, now)
            codes = CodeFacts(tuple(code_states(session, case)), wrong_case, wrong_address)
    recent: tuple[RecentCase, ...] = ()
    earlier: RecentCase | None = None
    if sender:
        known = session.exec(
            select(Requester).where(Requester.channel == Channel.EMAIL, Requester.address == sender)
        ).first()
        if known is not None:
            window = max(desk.limits.repeat_window, timedelta(hours=24))
            recent = tuple(repo.recent_cases_of(session, known, now - window))
            earlier = repo.latest_case_of(session, known, now - COMPLAINT_LOOKBACK)
    return Facts(
        result=result,
        thread=thread,
        now=now,
        key=desk.key,
        limits=desk.limits,
        case=facts_case,
        codes=codes,
        recent=recent,
        bounced=bounced,
        earlier=earlier,
    )


# --- carrying out the verdict ------------------------------------------------------------------


def _parent(result: TriageResult) -> Parent:
    p = result.parsed
    return Parent(
        message_id=p.message_id,
        references=tuple(p.references),
        in_reply_to=p.in_reply_to,
        subject=p.subject,
    )


def _record(row: InboundMessage, result: TriageResult, verdict: Verdict, now: datetime) -> None:
    c = result.classification
    row.automatic = result.automatic
    row.automatic_reason = result.automatic_reason
    row.labels = [label.value for label in c.labels]
    row.language = c.language.value
    row.company = c.company
    row.confidence = c.confidence
    row.sender = (result.parsed.sender or "").lower()[:320] or None
    row.subject = result.parsed.subject[:2000]
    row.cleaned = result.cleaned_body[:MAX_CLEANED_CHARS]
    row.verdict = {
        **verdict.as_json(),
        "confidence": round(c.confidence, 3),
        "reasons": list(c.reasons),
        "candidates": [{"label": label.value, "probability": p} for label, p in c.candidates],
    }
    if result.problems:
        row.problem = "; ".join(result.problems)[:4000]
    row.triaged_at = now


def handle(
    session: Session, row: InboundMessage, result: TriageResult, desk: Desk, now: datetime
) -> Verdict:
    """Decide and apply one triage result; the caller commits."""
    verdict = decide(gather(session, row, result, desk, now))
    apply(session, row, result, verdict, desk, now)
    return verdict


def apply(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    verdict: Verdict,
    desk: Desk,
    now: datetime,
) -> None:
    _record(row, result, verdict, now)
    case: Case | None = None
    if verdict.action in (Action.STAFF, Action.AUTOMATIC):
        row.staff_reason = (verdict.queue_reason or "")[:2000]
        move_inbound(
            session,
            row,
            InboundEvent.TO_STAFF,
            actor="privacybot",
            now=now,
            rules=list(verdict.rule_ids),
        )
        _replies(session, row, result, verdict, None, desk, now)
        if verdict.urgent:
            alert_staff(
                session,
                desk,
                subject=f"[privacybot] Urgent: message {row.id} needs you now",
                lines=[
                    f"Message {row.id}, received {row.received:%Y-%m-%d %H:%M} UTC, waits in the",
                    "staff triage queue. Why it is urgent:",
                    "",
                    f"  {verdict.queue_reason}",
                    "",
                    f"See it with: privacybot queue show {row.id}",
                ],
                now=now,
            )
        log.info("inbound %s to staff triage: %s", row.id, verdict.queue_reason)
        return
    if verdict.action == Action.BOUNCE:
        case = _bounce(session, row, verdict, now)
    elif verdict.action == Action.OPEN:
        case = _open(session, row, result, verdict, desk, now)
    elif verdict.action == Action.ATTACH:
        case = _attach(session, row, result, verdict, desk, now)
    elif verdict.action == Action.NO_CASE_REPLY:
        _replies(session, row, result, verdict, None, desk, now)
    move_inbound(
        session,
        row,
        InboundEvent.TRIAGE,
        actor="privacybot",
        now=now,
        case=case,
        audit=False,  # the case's own events tell what the message did
    )


def _bounce(session: Session, row: InboundMessage, verdict: Verdict, now: datetime) -> Case | None:
    draft = session.get(Draft, verdict.bounced_draft_id) if verdict.bounced_draft_id else None
    case = session.get(Case, verdict.case_id) if verdict.case_id else None
    row.case_id = case.id if case else None
    if draft is not None:
        with contextlib.suppress(IllegalTransition):  # a second report on the same letter
            move_draft(session, draft, DraftEvent.BOUNCE, actor="privacybot", now=now, case=case)
    if case is not None:
        cases.bounced(
            session,
            case,
            now=now,
            draft=verdict.bounced_draft_id,
            message_id=draft.message_id if draft else None,
        )
    log.info(
        "bounce for draft %s (case %s)", verdict.bounced_draft_id, case.reference if case else "-"
    )
    return case


def _open(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    verdict: Verdict,
    desk: Desk,
    now: datetime,
) -> Case:
    requester = cases.get_or_create_requester(
        session, channel=Channel.EMAIL, address=row.sender or "", key=desk.key, now=now
    )
    parent = session.get(Case, verdict.parent_case_id) if verdict.parent_case_id else None
    case = cases.open_case(
        session,
        clockwork=desk.clockwork,
        requester=requester,
        rights=[r.value for r in verdict.rights],
        company=verdict.company,
        language=verdict.language.value,
        channel=Channel.EMAIL,
        received=row.received,
        now=now,
        needs_staff=bool(verdict.staff_flags),
        staff_reason="; ".join(verdict.staff_flags)[:200] if verdict.staff_flags else None,
        parent=parent,
        rule=",".join(verdict.rule_ids),
    )
    row.case_id = case.id
    if result.parsed.sender_name:
        requester.name = result.parsed.sender_name[:200]
        session.add(requester)
    if verdict.accept_unverified:
        cases.accept_unverified(session, case, now=now, effective=row.received.isoformat())
    elif verdict.reduce_now:
        cases.reduced_at_once(
            session,
            case,
            [r.value for r in verdict.reduce_now],
            now=now,
            effective=row.received.isoformat(),
        )
    _replies(session, row, result, verdict, case, desk, now)
    log.info("case %s opened from inbound %s", case.reference, row.id)
    return case


def _attach(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    verdict: Verdict,
    desk: Desk,
    now: datetime,
) -> Case:
    case = session.get(Case, verdict.case_id)
    assert case is not None
    row.case_id = case.id
    cases.message_added(session, case, inbound=row.id, rule=",".join(verdict.rule_ids), now=now)
    requester = repo.requester_of(session, case)
    if verdict.code_attempts and requester is not None:
        for ok in verdict.code_attempts:
            record_attempt(session, case, requester.address_hmac, ok, now)
        count_wrong_on_newest(session, case, sum(not ok for ok in verdict.code_attempts))
        if not verdict.verifies:
            repo.audit(
                session,
                actor="privacybot",
                action="verification_failed",
                at=now,
                case=case,
                tried=len(verdict.code_attempts),
            )
    if "R13-too-many-codes" in verdict.rule_ids:
        repo.audit(
            session,
            actor="privacybot",
            action="verification_refused",
            at=now,
            case=case,
            reason="too many candidate codes",
        )
    for reason in verdict.staff_flags:
        cases.flag_for_staff(session, case, reason, now, "privacybot")
    if verdict.verifies:
        cases.verify(
            session,
            case,
            clockwork=desk.clockwork,
            first_otp=repo.first_event_at(session, case, "code_issued"),
            now=now,
            method="email code",
        )
        log.info("case %s verified", case.reference)
    _replies(session, row, result, verdict, case, desk, now)
    return case


def _replies(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    verdict: Verdict,
    case: Case | None,
    desk: Desk,
    now: datetime,
) -> None:
    """Each planned reply becomes a draft; automatic ones go out through the send gate."""
    requester = repo.requester_of(session, case) if case is not None else None
    to = requester.address if requester is not None else (row.sender or "")
    for plan in verdict.replies:
        _draft(session, row, result, plan, case, to, desk, now)


def _draft(
    session: Session,
    row: InboundMessage,
    result: TriageResult,
    plan: PlannedReply,
    case: Case | None,
    to: str,
    desk: Desk,
    now: datetime,
) -> None:
    language = plan.language or (Language(case.language) if case else Language.NL)
    code: IssuedCode | None = None
    if plan.code == CodeUse.NEW:
        assert case is not None
        code = issue_code(session, case, to, desk.key, now)
        if code is None:
            cases.flag_for_staff(
                session, case, "no new code: three were issued in 24 hours", now, "privacybot"
            )
            if plan.kind == ReplyKind.VERIFICATION_CODE:
                return
    if plan.kind == ReplyKind.CLARIFICATION:
        context: dict[str, object] = {"company": None, **plan.extra}
    else:
        context = reply_context(
            plan.kind,
            case,
            desk.clockwork,
            language=language,
            code=code.slot if code else None,
            question_text=result.cleaned_body if case is None else None,
        )
        context.update(plan.extra)
    create_draft(
        session,
        case=case,
        kind=plan.kind,
        language=language,
        to_address=to,
        context=context,
        parent=_parent(result),
        outgoing=desk.outgoing,
        now=now,
        inbound_id=row.id,
        allow_automatic=plan.automatic,
        sealed_code=code.sealed if code else None,
    )
