"""Status messages to chats: a case a chat verified was extended, answered or closed.

The events already exist in the audit trail (service.moves writes one per move), so
this job reads them rather than hooking into every place a case moves: each
``extended``, ``answered``, ``closed`` or ``closed_unverified`` event of a case that a
chat verified, from the moment it verified on, is told to that chat once. A row in
``telegram_notice`` per (event, chat), written in the same transaction as the queued
message, makes it exactly once, whatever the number of processes or restarts. A chat
that sent /stop or blocked the bot is skipped (and the event marked as handled). The
texts carry the reference and dates only: the letter itself went by e-mail (R14).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from sqlalchemy import and_
from sqlmodel import Session, col, select

from privacybot.db.chat_models import TelegramCaseLink, TelegramChat, TelegramNotice
from privacybot.db.models import AuditEvent, Case
from privacybot.domain import Language
from privacybot.replies.chat import ChatText, render_chat
from privacybot.service import chat_outbox

log = logging.getLogger(__name__)

NOTICES: dict[str, ChatText] = {
    "extended": ChatText.NOTICE_EXTENDED,
    "answered": ChatText.NOTICE_ANSWERED,
    "closed": ChatText.NOTICE_CLOSED,
    "closed_unverified": ChatText.NOTICE_CLOSED,
}
#: Events older than this are not looked at (a chat linked long after hears nothing old).
LOOKBACK = timedelta(days=7)
BATCH = 200


def _context(text: ChatText, case: Case) -> dict[str, object]:
    ctx: dict[str, object] = {"reference": case.reference}
    if text == ChatText.NOTICE_EXTENDED:
        due: date = case.extended_due or case.due
        ctx["due_date"] = due
    return ctx


def notify_status(session: Session, now: datetime) -> int:
    """Queue the status messages not yet sent; returns how many were queued."""
    rows = session.exec(
        select(AuditEvent, TelegramCaseLink, TelegramChat, Case)
        .join(
            TelegramCaseLink,
            and_(
                col(TelegramCaseLink.case_id) == AuditEvent.case_id,
                col(TelegramCaseLink.verified).is_(True),
            ),
        )
        .join(TelegramChat, col(TelegramChat.chat_id) == TelegramCaseLink.chat_id)
        .join(Case, col(Case.id) == AuditEvent.case_id)
        .outerjoin(
            TelegramNotice,
            and_(
                col(TelegramNotice.event_id) == AuditEvent.id,
                col(TelegramNotice.chat_id) == TelegramCaseLink.chat_id,
            ),
        )
        .where(
            col(AuditEvent.action).in_(list(NOTICES)),
            col(AuditEvent.at) > now - LOOKBACK,
            col(AuditEvent.at) >= TelegramCaseLink.verified_at,
            col(TelegramNotice.id).is_(None),
        )
        .order_by(col(AuditEvent.id))
        .limit(BATCH)
    ).all()
    sent = 0
    for event, link, chat, case in rows:
        session.add(TelegramNotice(event_id=event.id or 0, chat_id=link.chat_id, at=now))
        if chat.stopped or chat.blocked:
            continue
        text = NOTICES[event.action]
        message = render_chat(text, Language(chat.language), _context(text, case))
        chat_outbox.send_message(session, link.chat_id, message, now=now, case_id=case.id)
        log.info("telegram: %s of case %s told to its chat", event.action, case.reference)
        sent += 1
    return sent
