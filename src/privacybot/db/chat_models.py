"""The Telegram tables: conversations, which chat may see which case, and the staff group.

A conversation lives in the database, not in the bot's memory, so a restart (or a
second process) carries on where the last committed update left it (issue 15). A
chat sees a case only through a *verified* link: the chat's user typed the code that
was mailed to the case's address (R14). Staff act from the staff group only as the
staff account their Telegram user is linked to.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from privacybot.db.models import _utc
from privacybot.db.types import UTCDateTime


def _big(*, primary_key: bool = False, nullable: bool = True, index: bool = False) -> Any:
    """Telegram ids need 64 bits (group chats are large negative numbers)."""
    return Field(
        default=None,
        sa_column=Column(
            BigInteger,
            primary_key=primary_key,
            autoincrement=False,
            nullable=nullable and not primary_key,
            index=index,
        ),
    )


class TelegramChat(SQLModel, table=True):
    """One private chat with a citizen: where the conversation stands, and its pending request."""

    __tablename__ = "telegram_chat"

    chat_id: int = _big(primary_key=True)
    user_id: int | None = _big()
    language: str = Field(default="nl", max_length=2)
    #: decision.chat_facts.ChatState: idle, choose_right, choose_company, ask_address,
    #: confirm_address, awaiting_code, stopped.
    state: str = Field(default="idle", max_length=24)
    #: The request being taken: rights asked, company (None: all eight), and whether
    #: the company question was answered (so "all" is not asked twice).
    rights: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    company: str | None = Field(default=None, max_length=64)
    company_settled: bool = False
    #: The inbound row that made the request: its receipt instant starts the clock (R1).
    request_inbound_id: int | None = Field(default=None, foreign_key="inbound_message.id")
    request_received: datetime | None = _utc()
    #: The address the citizen named, and the case waiting for the code mailed there.
    address: str | None = Field(default=None, max_length=320)
    case_id: int | None = Field(default=None, foreign_key="case.id")
    #: The codes issued for this chat (otp_code ids): only these count here, so a code
    #: mailed for another chat's request never verifies this one.
    code_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: Per-chat rate window (spam bursts): start, updates counted, slow-down note sent.
    window_start: datetime | None = _utc()
    window_count: int = 0
    window_noted: bool = False
    #: The citizen sent /stop (no status messages), or blocked the bot (403).
    stopped: bool = False
    blocked: bool = False
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class TelegramCaseLink(SQLModel, table=True):
    """A chat that asked about a case; it sees the case only once ``verified`` (R14)."""

    __tablename__ = "telegram_case_link"
    __table_args__ = (UniqueConstraint("chat_id", "case_id", name="uq_telegram_link"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = _big(nullable=False, index=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    user_id: int | None = _big()
    verified: bool = False
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    verified_at: datetime | None = _utc()


class TelegramStaffLink(SQLModel, table=True):
    """A staff account's Telegram user (``privacybot staff link-telegram EMAIL USER_ID``)."""

    __tablename__ = "telegram_staff_link"
    __table_args__ = (UniqueConstraint("telegram_user_id", name="uq_telegram_staff_user"),)

    staff_id: int = Field(foreign_key="staff.id", primary_key=True)
    telegram_user_id: int = _big(nullable=False)
    linked_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    #: Reject was pressed on this draft; the member's next message is the reason.
    reject_draft_id: int | None = Field(default=None, foreign_key="draft.id")
    reject_since: datetime | None = _utc()


class TelegramStaffPost(SQLModel, table=True):
    """A draft posted to the staff group, per version of its text (edits post anew)."""

    __tablename__ = "telegram_staff_post"
    __table_args__ = (UniqueConstraint("draft_id", "text_hash", name="uq_telegram_post"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="draft.id", index=True)
    #: Hash of the subject and text shown: a button press on an older version is refused.
    text_hash: str = Field(max_length=16)
    chat_id: int = _big(nullable=False)
    #: Telegram's id of the posted message, recorded by the sender once it is out.
    message_id: int | None = _big()
    #: open (buttons live) or closed (decided, withdrawn or superseded; edited to say so).
    state: str = Field(default="open", max_length=16, index=True)
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    closed_at: datetime | None = _utc()


class TelegramNotice(SQLModel, table=True):
    """An audit event already told to a chat (status messages go out once)."""

    __tablename__ = "telegram_notice"
    __table_args__ = (UniqueConstraint("event_id", "chat_id", name="uq_telegram_notice"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="audit_event.id", index=True)
    chat_id: int = _big(nullable=False)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
