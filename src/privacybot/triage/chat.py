"""A Telegram update as the desk keeps it, and the reading of its text (pure).

The intake edge turns Telegram's JSON into a :class:`ChatUpdate` before anything is
stored: only what the desk uses is kept (ids, chat type, the text, whether it was
forwarded, edited or sent by a bot), never the sender's names, and never a photo,
voice note or document: of those only the kind is kept, so the citizen can be told
to send documents by e-mail (data minimisation, art. 5(1)(c)). The stored form is
small, versioned JSON; :func:`read_chat` classifies its text with the same
classifier as mail (``triage.pipeline.classify_text``).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from privacybot.cases.identity import needs_staff_for_representation
from privacybot.domain import Classification
from privacybot.triage.classify import Classifier
from privacybot.triage.language import looks_foreign
from privacybot.triage.pipeline import classify_text

#: Telegram sends at most 4096 characters of text; more than this is cut and marked.
MAX_TEXT = 4096
STORED_VERSION = 1

#: Message fields that carry a file or a card rather than text: kept by kind only.
MEDIA_FIELDS: tuple[str, ...] = (
    "photo",
    "document",
    "sticker",
    "voice",
    "video",
    "video_note",
    "audio",
    "animation",
    "contact",
    "location",
    "venue",
    "poll",
    "dice",
    "game",
    "story",
    "paid_media",
)
_FORWARD_FIELDS = ("forward_origin", "forward_from", "forward_from_chat", "forward_date")
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s|$)")


class UnreadableUpdate(ValueError):
    """Stored bytes that are not a ChatUpdate (a bug, or a row written by hand)."""


@dataclass(frozen=True)
class ChatUpdate:
    """One Telegram update, reduced to what the desk reads."""

    update_id: int
    #: message, edited, callback, member (the bot was added, removed or blocked), other
    kind: str
    chat_id: int | None = None
    chat_type: str = ""
    user_id: int | None = None
    is_bot: bool = False
    language_code: str | None = None
    #: Unix time Telegram gives the message (R1: the receipt instant of a chat).
    date: int | None = None
    message_id: int | None = None
    text: str = ""
    truncated: bool = False
    media: str | None = None
    forwarded: bool = False
    reply_to_message_id: int | None = None
    callback_id: str | None = None
    callback_data: str | None = None
    member_status: str | None = None

    @property
    def private(self) -> bool:
        return self.chat_type == "private"

    @property
    def command(self) -> str | None:
        """``start`` for "/start" or "/start@privacy_bot …"; None for plain text."""
        if self.kind != "message":
            return None
        match = _COMMAND.match(self.text.strip())
        return match.group(1).lower() if match else None

    def to_bytes(self) -> bytes:
        return json.dumps({"v": STORED_VERSION, **asdict(self)}, ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> ChatUpdate:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise UnreadableUpdate(f"not JSON: {exc}") from None
        if not isinstance(data, dict) or data.get("v") != STORED_VERSION:
            raise UnreadableUpdate("not a stored chat update (version)")
        data.pop("v")
        try:
            return cls(**data)
        except TypeError as exc:
            raise UnreadableUpdate(str(exc)) from None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> tuple[str, bool]:
    if not isinstance(value, str):
        return "", False
    return value[:MAX_TEXT], len(value) > MAX_TEXT


def from_telegram(update: dict[str, Any]) -> ChatUpdate:
    """Reduce Telegram's update JSON; never raises (odd shapes give kind ``other``)."""
    update_id = _int(update.get("update_id")) or 0
    for field_name, kind in (("message", "message"), ("edited_message", "edited")):
        msg = update.get(field_name)
        if isinstance(msg, dict):
            return _from_message(update_id, kind, msg)
    query = update.get("callback_query")
    if isinstance(query, dict):
        user = _dict(query.get("from"))
        msg = _dict(query.get("message"))
        chat = _dict(msg.get("chat"))
        data, _ = _text(query.get("data"))
        return ChatUpdate(
            update_id=update_id,
            kind="callback",
            chat_id=_int(chat.get("id")),
            chat_type=str(chat.get("type") or ""),
            user_id=_int(user.get("id")),
            is_bot=bool(user.get("is_bot")),
            language_code=_language(user),
            message_id=_int(msg.get("message_id")),
            callback_id=str(query.get("id") or "") or None,
            callback_data=data[:64] or None,
        )
    member = update.get("my_chat_member")
    if isinstance(member, dict):
        chat = _dict(member.get("chat"))
        user = _dict(member.get("from"))
        new = _dict(member.get("new_chat_member"))
        return ChatUpdate(
            update_id=update_id,
            kind="member",
            chat_id=_int(chat.get("id")),
            chat_type=str(chat.get("type") or ""),
            user_id=_int(user.get("id")),
            is_bot=bool(user.get("is_bot")),
            date=_int(member.get("date")),
            member_status=str(new.get("status") or "") or None,
        )
    return ChatUpdate(update_id=update_id, kind="other")


def _language(user: dict[str, Any]) -> str | None:
    code = user.get("language_code")
    return code[:8] if isinstance(code, str) and code else None


def _from_message(update_id: int, kind: str, msg: dict[str, Any]) -> ChatUpdate:
    user = _dict(msg.get("from"))
    chat = _dict(msg.get("chat"))
    text, truncated = _text(msg.get("text"))
    media = next((name for name in MEDIA_FIELDS if name in msg), None)
    reply = msg.get("reply_to_message")
    return ChatUpdate(
        update_id=update_id,
        kind=kind,
        chat_id=_int(chat.get("id")),
        chat_type=str(chat.get("type") or ""),
        user_id=_int(user.get("id")),
        is_bot=bool(user.get("is_bot")) or bool(msg.get("via_bot")),
        language_code=_language(user),
        date=_int(msg.get("date")),
        message_id=_int(msg.get("message_id")),
        # A caption belongs to the file, which is not kept: neither is its caption.
        text="" if media else text,
        truncated=truncated and not media,
        media=media,
        forwarded=any(name in msg for name in _FORWARD_FIELDS),
        reply_to_message_id=_int(reply.get("message_id")) if isinstance(reply, dict) else None,
    )


@dataclass(frozen=True)
class ChatReading:
    """What the text of a message asks, as the mail classifier reads it."""

    cleaned: str
    classification: Classification
    foreign_language: bool
    on_behalf: bool
    #: Enough words to tell the language from (short answers like "ja" are not).
    language_reliable: bool


def read_chat(update: ChatUpdate, classifier: Classifier) -> ChatReading | None:
    """Classify a plain text message; None for commands, buttons and messages without text."""
    if update.kind != "message" or not update.text.strip() or update.command is not None:
        return None
    cleaned, classification, _ = classify_text(update.text, "", classifier)
    return ChatReading(
        cleaned=cleaned,
        classification=classification,
        foreign_language=looks_foreign(cleaned, classifier.stopwords),
        on_behalf=needs_staff_for_representation(cleaned),
        language_reliable=len(cleaned.split()) >= 4,
    )


@dataclass(frozen=True)
class ChatTriage:
    """A stored chat update read back, with its text classified: what the worker hands on."""

    update: ChatUpdate
    reading: ChatReading | None


def read_stored(raw: bytes, classifier: Classifier) -> ChatTriage:
    """The triage worker's pure step for a Telegram row (outside any database lock)."""
    update = ChatUpdate.from_bytes(raw)
    return ChatTriage(update, read_chat(update, classifier))
