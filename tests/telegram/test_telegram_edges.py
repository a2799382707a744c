"""The Telegram edges on their own: the fake Bot API, the poller's offsets, the sender's errors."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from telegram import Bot
from telegram.error import Conflict, Forbidden, RetryAfter
from telegram.request import HTTPXRequest

from privacybot.clock import FixedClock, SystemClock
from privacybot.db.models import InboundMessage, OutboxItem
from privacybot.db.session import transaction
from privacybot.intake.base import InboundEnvelope, StoreOutcome, StoreUnavailable
from privacybot.intake.store import DbInboundSink
from privacybot.intake.telegram import TelegramPoller
from privacybot.outbox import store
from privacybot.outbox.telegram_sender import TelegramSender, retry_seconds
from privacybot.service import chat_outbox
from privacybot.telegram_role import make_bot
from privacybot.testing.telegram_api import FakeBotApi

# --- the fake Bot API behaves as Telegram does ---------------------------------------------------


async def test_get_updates_confirms_by_offset_and_long_polls(bot_api: FakeBotApi) -> None:
    bot = make_bot(bot_api.token, bot_api.base_url)
    async with bot:
        first = bot_api.send_text(1, "a")
        bot_api.send_text(1, "b")
        got = await bot.get_updates(timeout=0)
        assert [u.update_id for u in got] == [first, first + 1]
        again = await bot.get_updates(timeout=0)  # nothing confirmed yet: the same two
        assert len(again) == 2
        assert await bot.get_updates(offset=first + 2, timeout=0) == ()
        assert bot_api.pending_updates() == 0
        started = time.monotonic()
        assert await bot.get_updates(offset=first + 2, timeout=1) == ()
        assert time.monotonic() - started >= 0.9  # a long poll waits for its timeout

        async def later() -> None:
            await asyncio.sleep(0.3)
            bot_api.send_text(1, "c")

        task = asyncio.create_task(later())
        started = time.monotonic()
        got = await bot.get_updates(offset=first + 2, timeout=10)
        await task
        assert [u.message.text for u in got if u.message] == ["c"]
        assert time.monotonic() - started < 3  # ...or returns as soon as an update comes


async def test_the_fake_api_answers_403_429_and_409_like_telegram(bot_api: FakeBotApi) -> None:
    bot = make_bot(bot_api.token, bot_api.base_url)
    async with bot:
        bot_api.block(5)
        with pytest.raises(Forbidden):
            await bot.send_message(5, "hallo")
        bot_api.storm("sendMessage", 1, retry_after=3)
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(6, "hallo")
        assert retry_seconds(caught.value) == 3
        await bot.send_message(6, "hallo")
        poll = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.3)
        async with make_bot(bot_api.token, bot_api.base_url) as second:
            await second.get_updates(timeout=0)  # a second poller ends the first
        with pytest.raises(Conflict):
            await poll


# --- intake: the offset moves only after the commit ---------------------------------------------


class FlakySink:
    """Refuses to store (database down) until told otherwise."""

    def __init__(self, engine: Engine) -> None:
        self.inner = DbInboundSink(engine, SystemClock())
        self.down = True

    def store(self, envelope: InboundEnvelope) -> StoreOutcome:
        if self.down:
            raise StoreUnavailable("OperationalError")
        return self.inner.store(envelope)

    def has_key(self, key: str) -> bool:
        return self.inner.has_key(key)


async def test_an_update_is_confirmed_only_after_it_is_committed(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    sink = FlakySink(engine)
    bot = make_bot(bot_api.token, bot_api.base_url)
    poller = TelegramPoller(bot, sink, clock=SystemClock().now, poll_timeout=0)
    async with bot:
        update_id = bot_api.send_text(1, "Ik wil inzage")
        with pytest.raises(StoreUnavailable):
            await poller.poll_once()
        assert poller.offset is None and bot_api.pending_updates() == 1
        sink.down = False
        assert await poller.poll_once() == 1
        assert poller.offset == update_id + 1
        await poller.poll_once()  # confirms it
        assert bot_api.pending_updates() == 0
    with Session(engine) as s:
        [row] = s.exec(select(InboundMessage)).all()
    assert row.channel_key == f"telegram:{update_id}"


async def test_a_redelivered_update_is_not_stored_twice(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    bot = make_bot(bot_api.token, bot_api.base_url)
    sink = DbInboundSink(engine, SystemClock())
    async with bot:
        bot_api.send_text(1, "een")
        first = TelegramPoller(bot, sink, clock=SystemClock().now, poll_timeout=0)
        assert await first.poll_once() == 1
        # The process dies before the next poll confirms: a new one gets the update again.
        second = TelegramPoller(bot, sink, clock=SystemClock().now, poll_timeout=0)
        assert await second.poll_once() == 0
    with Session(engine) as s:
        assert len(s.exec(select(InboundMessage)).all()) == 1


async def test_the_poller_stops_promptly_during_a_long_poll(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    bot = make_bot(bot_api.token, bot_api.base_url)
    poller = TelegramPoller(bot, DbInboundSink(engine, SystemClock()), clock=SystemClock().now)
    stop = asyncio.Event()
    task = asyncio.create_task(poller.run(stop))
    await asyncio.sleep(0.5)  # now inside a 25 s getUpdates
    started = time.monotonic()
    stop.set()
    await asyncio.wait_for(task, 5)
    assert time.monotonic() - started < 2
    await bot.shutdown()


# --- the sender ---------------------------------------------------------------------------------


def _queue(engine: Engine, clock: FixedClock, n: int, chat_id: int = 10) -> None:
    with transaction(engine) as s:
        for i in range(n):
            chat_outbox.send_message(s, chat_id + i, f"bericht {i}", now=clock.now())


class _TimedRequest(HTTPXRequest):
    """Notes when each call leaves this process and when its answer comes back.

    The fake API's own log shows when a request arrived, which on a loaded machine can be
    long after it left; flood control is about what the sender starts, so it is judged here.
    """

    def __init__(self) -> None:
        super().__init__(connection_pool_size=8)
        self.calls: list[tuple[float, float, int]] = []  # (left, answered, status)

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        left = time.monotonic()
        status, payload = await super().do_request(*args, **kwargs)
        self.calls.append((left, time.monotonic(), status))
        return status, payload


async def test_a_429_storm_delays_everything_and_loses_nothing(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    clock = SystemClock()
    make_bot(bot_api.token, bot_api.base_url)  # sets what the service's bots set
    timed = _TimedRequest()
    bot = Bot(bot_api.token, base_url=bot_api.base_url, request=timed)
    sender = TelegramSender(engine, bot, clock=clock, staff_chat=None, poll_interval=0.05)
    with transaction(engine) as s:
        for i in range(20):
            chat_outbox.send_message(s, 100 + i, f"bericht {i}", now=clock.now())
    bot_api.storm("sendMessage", 6, retry_after=1)
    stop = asyncio.Event()
    started = time.monotonic()
    async with bot:
        task = asyncio.create_task(sender.run(stop))
        await asyncio.to_thread(bot_api.wait_for, lambda sent: len(sent) >= 20, 30, "20 messages")
        stop.set()
        await asyncio.wait_for(task, 5)
    elapsed = time.monotonic() - started
    texts = sorted(s.text for s in bot_api.messages())
    assert texts == sorted(f"bericht {i}" for i in range(20))  # each exactly once
    calls = bot_api.calls_to("sendMessage")
    refused = [c for c in calls if c.status == 429]
    assert len(refused) == 6 and len(calls) == 26  # each 429 cost one call, no hammering
    assert elapsed >= 1.0
    sends = timed.calls
    answers_429 = [answered for _, answered, status in sends if status == 429]
    assert len(answers_429) == 6
    for answered in answers_429:
        # Requests already on the wire may come back after a 429; nothing new leaves
        # until retry_after (1 s) has passed since the sender heard it.
        left_meanwhile = [left for left, _, _ in sends if answered < left < answered + 0.95]
        assert not left_meanwhile, (answered, left_meanwhile)
    with Session(engine) as s:
        items = s.exec(select(OutboxItem)).all()
    assert {i.status for i in items} == {"sent"}
    assert max(i.attempts for i in items) == 1  # flood control used no attempts


async def test_a_429_heard_while_claiming_holds_the_claimed_item_back(
    engine: Engine, bot_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claim is a database round trip; another worker's 429 may land during it."""
    clock = FixedClock()
    bot = make_bot(bot_api.token, bot_api.base_url)
    sender = TelegramSender(engine, bot, clock=clock, staff_chat=None)
    _queue(engine, clock, 1)
    claim = store.claim_next

    def claim_then_429(*args: Any, **kwargs: Any) -> store.ClaimedItem | None:
        item = claim(*args, **kwargs)
        sender.paused_until = time.monotonic() + 30  # what a 429 elsewhere just did
        return item

    monkeypatch.setattr(store, "claim_next", claim_then_429)
    async with bot:
        await sender.process_one()
    assert bot_api.calls_to("sendMessage") == []
    with Session(engine) as s:
        [item] = s.exec(select(OutboxItem)).all()
    assert item.status == "pending" and item.attempts == 0
    assert item.next_attempt_at >= clock.now() + timedelta(seconds=29)


async def test_403_fails_the_item_and_tells_who_blocked(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    clock = FixedClock()
    blocked: list[int] = []
    bot = make_bot(bot_api.token, bot_api.base_url)
    sender = TelegramSender(engine, bot, clock=clock, staff_chat=None, on_blocked=blocked.append)
    _queue(engine, clock, 1, chat_id=77)
    bot_api.block(77)
    async with bot:
        assert await sender.drain_once() == 1
    assert blocked == [77]
    with Session(engine) as s:
        [item] = s.exec(select(OutboxItem)).all()
    assert item.status == "failed" and "blocked" in (item.last_error or "")


async def test_R14_a_letter_is_never_sent_on_telegram(engine: Engine, bot_api: FakeBotApi) -> None:
    """Even a row forged to tie a chat item to a draft (a letter) is refused by the sender."""
    from tests.flow.helpers import mail, make_flow

    flow = make_flow(engine)
    flow.receive(mail("Ik wil inzage in mijn gegevens bij Procura"))
    draft_id = flow.drafts()[0].id
    with transaction(engine) as s:
        item = chat_outbox.send_message(s, 5, "een brief", now=flow.clock.now())
        item.draft_id = None
        s.add(item)
    with transaction(engine) as s:  # the forgery: point the chat item at the letter
        email_item = s.exec(select(OutboxItem).where(OutboxItem.channel == "email")).one()
        email_item.draft_id = None
        s.add(email_item)
        s.flush()
        forged = s.exec(select(OutboxItem).where(OutboxItem.channel == "telegram")).one()
        forged.draft_id = draft_id
        s.add(forged)
    bot = make_bot(bot_api.token, bot_api.base_url)
    sender = TelegramSender(engine, bot, clock=flow.clock, staff_chat=None)
    async with bot:
        await sender.drain_once()
    assert bot_api.messages() == []
    with Session(engine) as s:
        forged = s.exec(select(OutboxItem).where(OutboxItem.channel == "telegram")).one()
    assert forged.status == "failed" and "R14" in (forged.last_error or "")


async def test_a_staff_text_goes_only_to_the_staff_chat(
    engine: Engine, bot_api: FakeBotApi
) -> None:
    clock = FixedClock()
    with transaction(engine) as s:
        chat_outbox.send_message(s, 5, "draft 1 …", now=clock.now(), audience=chat_outbox.STAFF)
        chat_outbox.send_message(s, -100, "draft 2 …", now=clock.now(), audience=chat_outbox.STAFF)
    bot = make_bot(bot_api.token, bot_api.base_url)
    sender = TelegramSender(engine, bot, clock=clock, staff_chat=-100)
    async with bot:
        await sender.drain_once()
    assert [(s.chat_id, s.text) for s in bot_api.messages()] == [(-100, "draft 2 …")]
    with Session(engine) as s:
        statuses = s.exec(select(OutboxItem.status).order_by(col(OutboxItem.id))).all()
    assert statuses == ["failed", "sent"]


def test_store_mark_retry_can_give_a_claim_back_without_using_an_attempt(engine: Engine) -> None:
    clock = FixedClock()
    _queue(engine, clock, 1)
    item = store.claim_next(engine, "w", clock.now(), timedelta(minutes=1), channel="telegram")
    assert item is not None and item.attempts == 1
    status = store.mark_retry(
        engine, item.id, clock.now(), "429", retry_in=timedelta(seconds=7), count_attempt=False
    )
    assert status == "pending"
    with Session(engine) as s:
        row = s.get(OutboxItem, item.id)
    assert row is not None and row.attempts == 0
    assert row.next_attempt_at == clock.now() + timedelta(seconds=7)
