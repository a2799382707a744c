"""Loading what the chat chains read about one update: the conversation, its codes, its cases.

Everything is read in the worker's transaction and handed over as frozen data
(``decision.chat_facts``); on PostgreSQL the conversation row is locked, so two
workers never interleave one chat's updates. A chat's codes are only those mailed
for it (``telegram_chat.code_ids``), and its cases only those it verified.
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
from privacybot.decision.chat_facts import (
    AddressFacts,
    CaseView,
    ChatFacts,
    ChatLimits,
    ChatState,
    Conversation,
    StaffFacts,
)
from privacybot.decision.facts import CodeFacts
from privacybot.domain import CaseStatus, Channel, Language
from privacybot.replies.policy import load_policy
from privacybot.service import chat_staff
from privacybot.service.codes import wrong_attempts
from privacybot.service.desk import Desk
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


def window(row: TelegramChat | None, at: datetime) -> tuple[datetime, int, bool]:
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


def request_text(session: Session, row: TelegramChat | None) -> str:
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
    start, count, noted = window(row, inbound.received)
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
        request_text=request_text(session, row),
        policy=load_policy().sections,
        desk_address=desk.outgoing.from_address,
    )
    return facts, row
