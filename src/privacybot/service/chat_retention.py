"""The retention purge's Telegram part (docs/rules.md R24, R25): a chat forgets a case.

The Telegram tables point at cases, drafts, inbound messages and audit events, so
``service.retention`` calls these before it deletes what they point at: without them
the purge of any case that was ever seen from a chat would stop at a foreign key.
What goes with a purged case: the chat's links to it, the staff-group posts of its
drafts, a staff member's pending rejection of one of them, and the chat's own pointers
to its request. A conversation that is idle and tied to nothing is personal data too
(its user id, an address typed into it); it goes ``CASE_RETENTION_DAYS`` after its
last update, like mail that never became a case.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from privacybot.db.chat_models import (
    TelegramCaseLink,
    TelegramChat,
    TelegramNotice,
    TelegramStaffLink,
    TelegramStaffPost,
)
from privacybot.db.models import AuditEvent

_QUIET = {"synchronize_session": False}


def forget_drafts(session: Session, draft_ids: list[int]) -> None:
    """Before the drafts go: their staff-group posts, and a rejection waiting for a reason."""
    if not draft_ids:
        return
    session.execute(
        delete(TelegramStaffPost)
        .where(col(TelegramStaffPost.draft_id).in_(draft_ids))
        .execution_options(**_QUIET)
    )
    session.execute(
        update(TelegramStaffLink)
        .where(col(TelegramStaffLink.reject_draft_id).in_(draft_ids))
        .values(reject_draft_id=None, reject_since=None)
        .execution_options(**_QUIET)
    )


def forget_messages(session: Session, inbound_ids: list[int]) -> None:
    """Before the messages go: a chat no longer points at the one that made its request."""
    if not inbound_ids:
        return
    session.execute(
        update(TelegramChat)
        .where(col(TelegramChat.request_inbound_id).in_(inbound_ids))
        .values(request_inbound_id=None, request_received=None)
        .execution_options(**_QUIET)
    )


def forget_case(
    session: Session, case_id: int, draft_ids: list[int], inbound_ids: list[int]
) -> int:
    """R24 for one case: every Telegram row about it or its drafts; returns links removed.

    A chat still waiting for a code for this case (it was closed before the citizen
    typed one) starts over: its address and code ids belonged to the case.
    """
    forget_drafts(session, draft_ids)
    forget_messages(session, inbound_ids)
    session.execute(
        update(TelegramChat)
        .where(col(TelegramChat.case_id) == case_id)
        .values(case_id=None, address=None, code_ids=[], state="idle", rights=[], company=None)
        .execution_options(**_QUIET)
    )
    result = session.execute(
        delete(TelegramCaseLink)
        .where(col(TelegramCaseLink.case_id) == case_id)
        .execution_options(**_QUIET)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def forget_events(session: Session, *conditions: Any) -> None:
    """R25, before audit events go: the record that a chat was told about them."""
    events = select(AuditEvent.id).where(*conditions)
    session.execute(
        delete(TelegramNotice)
        .where(col(TelegramNotice.event_id).in_(events))
        .execution_options(**_QUIET)
    )


def _idle_chats(
    cutoff: datetime, leaving_cases: list[int], leaving_messages: list[int]
) -> list[Any]:
    """Chats last touched before ``cutoff`` tied to nothing that stays.

    ``leaving_*``: cases and messages the same run purges, so that the dry run counts
    the chats their purge sets free.
    """
    linked = select(TelegramCaseLink.chat_id).where(
        col(TelegramCaseLink.case_id).not_in(leaving_cases or [0])
    )
    return [
        col(TelegramChat.updated) < cutoff,
        or_(col(TelegramChat.case_id).is_(None), col(TelegramChat.case_id).in_(leaving_cases)),
        or_(
            col(TelegramChat.request_inbound_id).is_(None),
            col(TelegramChat.request_inbound_id).in_(leaving_messages),
        ),
        col(TelegramChat.chat_id).not_in(linked),
    ]


def count_idle_chats(
    session: Session, cutoff: datetime, leaving_cases: list[int], leaving_messages: list[int]
) -> int:
    """Conversations the purge would remove (for ``purge --dry-run``)."""
    where = _idle_chats(cutoff, leaving_cases, leaving_messages)
    return len(session.exec(select(TelegramChat.chat_id).where(*where)).all())


def forget_idle_chats(session: Session, cutoff: datetime) -> int:
    """R24: conversations last touched before ``cutoff`` that no case or request needs."""
    result = session.execute(
        delete(TelegramChat).where(*_idle_chats(cutoff, [], [])).execution_options(**_QUIET)
    )
    return int(getattr(result, "rowcount", 0) or 0)
