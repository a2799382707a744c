"""Queue what the bot says on Telegram: outbox items with channel ``telegram``.

Chat messages go through the same outbox as mail, in the caller's transaction, so an
update's replies exist exactly when its handling committed, and a crash before the
send means the sender sends them after the restart (outbox/telegram_sender.py). A
chat item is a small JSON payload (a Bot API method and its arguments), never a
draft: letters go by e-mail only, and the sender refuses any item tied to a draft
(R14). Staff-group items carry ``audience: staff`` and may only go to the staff chat.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from privacybot.db.models import OutboxItem
from privacybot.outbox.store import enqueue
from privacybot.replies.chat import MAX_CALLBACK_TEXT, cut

CHANNEL = "telegram"
CITIZEN = "citizen"
STAFF = "staff"

#: An inline keyboard as rows of (label, callback data).
Keyboard = Sequence[Sequence[tuple[str, str]]]


def chat_address(chat_id: int) -> str:
    """What an outbox row holds as its recipient: never an e-mail address."""
    return f"telegram:{chat_id}"


def _queue(
    session: Session,
    payload: dict[str, Any],
    *,
    chat_id: int,
    now: datetime,
    case_id: int | None = None,
) -> OutboxItem:
    return enqueue(
        session,
        draft=None,
        case_id=case_id,
        to_address=chat_address(chat_id),
        raw=json.dumps(payload, ensure_ascii=False).encode(),
        message_id=f"<tg.{uuid.uuid4().hex}@telegram.invalid>",
        automatic=True,
        now=now,
        channel=CHANNEL,
    )


def send_message(
    session: Session,
    chat_id: int,
    text: str,
    *,
    now: datetime,
    buttons: Keyboard = (),
    audience: str = CITIZEN,
    case_id: int | None = None,
    post_id: int | None = None,
    force_reply: bool = False,
) -> OutboxItem:
    """``force_reply`` opens the reply box in Telegram (a bot in a group with privacy mode
    on only receives messages that reply to it)."""
    payload: dict[str, Any] = {
        "audience": audience,
        "method": "sendMessage",
        "chat_id": chat_id,
        "text": text,
        "buttons": [[list(b) for b in row] for row in buttons],
    }
    if post_id is not None:
        payload["post_id"] = post_id
    if force_reply:
        payload["force_reply"] = True
    return _queue(session, payload, chat_id=chat_id, now=now, case_id=case_id)


def edit_post(
    session: Session, chat_id: int, post_id: int, text: str, *, now: datetime
) -> OutboxItem:
    """Edit a staff-group post once its message id is known (the sender looks it up)."""
    payload = {
        "audience": STAFF,
        "method": "editMessageText",
        "chat_id": chat_id,
        "post_id": post_id,
        "text": text,
        "buttons": [],
    }
    return _queue(session, payload, chat_id=chat_id, now=now)


def answer_button(
    session: Session,
    chat_id: int,
    callback_id: str,
    text: str = "",
    *,
    now: datetime,
    alert: bool = False,
    audience: str = CITIZEN,
) -> OutboxItem:
    """Answer a pressed button (stops the spinner; ``text`` shows as a short notice)."""
    payload = {
        "audience": audience,
        "method": "answerCallbackQuery",
        "chat_id": chat_id,
        "callback_query_id": callback_id,
        "text": cut(text, MAX_CALLBACK_TEXT),
        "show_alert": alert,
    }
    return _queue(session, payload, chat_id=chat_id, now=now)


def leave_chat(session: Session, chat_id: int, *, now: datetime) -> OutboxItem:
    payload = {"audience": CITIZEN, "method": "leaveChat", "chat_id": chat_id}
    return _queue(session, payload, chat_id=chat_id, now=now)
