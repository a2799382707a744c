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
from datetime import datetime

from sqlmodel import Session

from privacybot.db.chat_models import TelegramChat
from privacybot.db.models import InboundMessage
from privacybot.decision.chat import decide_chat
from privacybot.decision.chat_facts import (
    ChatFacts,
    ChatReply,
    ChatState,
)
from privacybot.domain import Language
from privacybot.replies.chat import button_label, render_chat
from privacybot.service import chat_outbox
from privacybot.service.chat_effects import EFFECTS, ChatWork
from privacybot.service.chat_gather import ChatDesk, gather, window
from privacybot.service.desk import Desk
from privacybot.service.moves import move_inbound
from privacybot.states import InboundEvent
from privacybot.triage.chat import ChatTriage

log = logging.getLogger(__name__)


__all__ = ["ChatDesk", "handle_chat", "mark_blocked"]


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
    work = ChatWork(
        session, inbound, triaged, verdict, desk, chat_desk, now, row, list(verdict.replies)
    )
    _record(work)
    if triaged.update.chat_id is not None:
        _apply(work, facts)
    move_inbound(session, inbound, InboundEvent.TRIAGE, actor="privacybot", now=now, audit=False)
    summary = f"{verdict.effect.value} ({', '.join(verdict.rule_ids)})"
    log.info("telegram update %s: %s", triaged.update.update_id, summary)
    return summary


def _record(work: ChatWork) -> None:
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


def _apply(work: ChatWork, facts: ChatFacts) -> None:
    update, verdict = work.triaged.update, work.verdict
    if update.private and update.chat_id != work.chat_desk.staff_chat:
        work.row = _update_conversation(work, facts)
    effect = verdict.effect
    handler = EFFECTS.get(effect)
    if handler is not None:
        handler(work)
    if verdict.clear_request and work.row is not None:
        _clear_request(work.row)  # after the effect, which may still need the request
    _send_replies(work)


def _update_conversation(work: ChatWork, facts: ChatFacts) -> TelegramChat:
    update, verdict, now = work.triaged.update, work.verdict, work.now
    row = work.row
    if row is None:
        row = TelegramChat(chat_id=work.chat_id, created=now, updated=now)
        work.session.add(row)
    row.user_id = update.user_id
    row.language = verdict.language.value
    start, count, noted = window(work.row, work.inbound.received)
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


# --- saying it -----------------------------------------------------------------------------------


def _keyboard(reply: ChatReply, language: Language) -> list[list[tuple[str, str]]]:
    return [
        [(b.label or button_label(b.key or "", language.value), b.data) for b in row]
        for row in reply.buttons
    ]


def _send_replies(work: ChatWork) -> None:
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
