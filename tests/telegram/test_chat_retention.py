"""R24/R25 reach the Telegram tables: a case seen from a chat is purged like any other.

Without ``service.chat_retention`` the purge of such a case stops at a foreign key
(a staff-group post of its draft, a chat's link, a notice about its events), so the
case would be kept for ever. Each test runs a real conversation first.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.db.chat_models import (
    TelegramCaseLink,
    TelegramChat,
    TelegramNotice,
    TelegramStaffLink,
    TelegramStaffPost,
)
from privacybot.db.models import AuditEvent, Case
from privacybot.db.session import read_transaction, transaction
from privacybot.service import actions, retention
from tests.flow.helpers import KEY
from tests.telegram.conftest import OLGA_TG, ChatDesk
from tests.telegram.test_chat_flow import verified_chat
from tests.telegram.test_staff_group import _link, _posted, _press

AMS = ZoneInfo("Europe/Amsterdam")
ANNA = 501
DAYS = 365


def _purge(chat: ChatDesk, later: timedelta) -> retention.PurgePlan:
    return retention.purge(
        chat.engine,
        now=chat.clock.now() + later,
        tz=AMS,
        retention_days=DAYS,
        key=KEY,
        actor="scheduler",
    )


def _plan(chat: ChatDesk, later: timedelta) -> retention.PurgePlan:
    with read_transaction(chat.engine) as s:
        today = (chat.clock.now() + later).astimezone(AMS).date()
        return retention.plan(s, today=today, tz=AMS, retention_days=DAYS)


def _close(chat: ChatDesk, reference: str) -> None:
    with transaction(chat.engine) as s:
        actions.close(s, reference, staff="olga@conxillium.nl", now=chat.clock.now())


def _count(chat: ChatDesk, model: type) -> int:
    with Session(chat.engine) as s:
        return len(s.exec(select(model)).all())


async def test_R24_a_case_posted_to_the_staff_group_and_pending_a_reason_is_purged(
    chat: ChatDesk,
) -> None:
    _link(chat)
    post = await _posted(chat)
    reject = next(d for d in post.callback_data if d.startswith("reject:"))
    await _press(chat, post, reject, OLGA_TG)  # Olga owes a reason: her link points at the draft
    with Session(chat.engine) as s:
        pending = s.exec(
            select(TelegramStaffLink).where(TelegramStaffLink.telegram_user_id == OLGA_TG)
        ).one()
        assert pending.reject_draft_id is not None
        assert s.exec(select(TelegramStaffPost)).all() and s.exec(select(TelegramCaseLink)).all()
    [case] = chat.cases()
    _close(chat, case.reference)
    await chat.step()  # the chat is told the case closed: a notice row about its event
    assert _count(chat, TelegramNotice) >= 1

    assert _plan(chat, timedelta(days=DAYS - 2)).cases == ()
    due = _plan(chat, timedelta(days=DAYS + 1))
    assert [c.reference for c in due.cases] == [case.reference] and due.chats == 1
    done = _purge(chat, timedelta(days=DAYS + 1))
    assert [c.reference for c in done.cases] == [case.reference] and done.chats == 1
    with Session(chat.engine) as s:
        kept = s.exec(select(Case)).one()
        assert kept.purged_at is not None and kept.requester_id is None
        assert s.exec(select(TelegramCaseLink)).all() == []
        assert s.exec(select(TelegramStaffPost)).all() == []
        assert s.get(TelegramChat, ANNA) is None  # idle and tied to nothing any more
        links = s.exec(select(TelegramStaffLink)).all()
        assert links and all(link.reject_draft_id is None for link in links)
    # R25: five years on, the trail goes, and with it the record of what the chat was told.
    trail = _purge(chat, timedelta(days=5 * 366 + 2))
    assert case.reference in [t.reference for t in trail.trails]  # (and events of no case)
    assert _count(chat, TelegramNotice) == 0 and _count(chat, Case) == 0


async def test_R24_a_chat_with_an_open_case_or_a_fresh_conversation_is_kept(
    chat: ChatDesk,
) -> None:
    await verified_chat(chat)  # Anna: an open case
    await chat.say(502, "Hallo, ik wil iets vragen")  # Bert: talking, nothing filed
    chat.advance(days=DAYS + 5)
    await chat.say(503, "/start")  # Carla: started today
    done = _purge(chat, timedelta(days=1))
    assert done.cases == () and done.chats == 1  # only Bert's stale conversation goes
    with Session(chat.engine) as s:
        assert s.get(TelegramChat, ANNA) is not None and s.get(TelegramChat, 503) is not None
        assert s.get(TelegramChat, 502) is None
        assert len(s.exec(select(TelegramCaseLink)).all()) == 1


async def test_R24_a_chat_waiting_for_the_code_of_a_closed_case_starts_over(
    chat: ChatDesk,
) -> None:
    await chat.say(ANNA, "Ik wil graag inzage in mijn persoonsgegevens bij Procura")
    await chat.say(ANNA, "anna@example.nl")
    await chat.press(ANNA, "confirm:yes")
    [case] = chat.cases()
    _close(chat, case.reference)
    chat.advance(days=DAYS + 3)
    await chat.say(ANNA, "hallo?")  # the conversation itself is fresh, so it stays
    _purge(chat, timedelta(days=0))
    with Session(chat.engine) as s:
        conversation = s.get(TelegramChat, ANNA)
        assert conversation is not None and conversation.case_id is None
        assert conversation.address is None and conversation.code_ids == []
        assert conversation.request_inbound_id is None
        events = s.exec(select(AuditEvent).where(col(AuditEvent.action) == "purged")).all()
        assert len(events) == 1
    # The chat still works after its case went: a new request starts from the beginning.
    said = await chat.say(ANNA, "Ik wil graag inzage in mijn persoonsgegevens bij Procura")
    assert "e-mailadres" in said[-1].text


def test_the_purge_runs_where_telegram_was_never_used(engine: Engine) -> None:
    done = retention.purge(
        engine,
        now=datetime(2030, 1, 1, 8, tzinfo=AMS),
        tz=AMS,
        retention_days=DAYS,
        key=KEY,
        actor="scheduler",
    )
    assert done.empty and done.chats == 0
