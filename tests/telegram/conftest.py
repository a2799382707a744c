"""A chat desk on a real database and the loopback Bot API, stepped by hand.

`ChatDesk` runs the real parts in order, one step at a time: python-telegram-bot
long-polls the fake Bot API (intake/telegram.py), the triage worker answers the
stored updates (service/chat.py), the ticker posts to the staff group, and the
Telegram sender delivers the outbox's chat messages back to the fake API. What the
bot said is read from the fake API, the mail it queued from the outbox.
"""

from __future__ import annotations

import email
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import Message

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.cases.codes import reveal
from privacybot.clock import FixedClock
from privacybot.db.chat_models import TelegramChat
from privacybot.db.models import Case, Draft, OutboxItem
from privacybot.db.session import transaction
from privacybot.decision.chat_facts import ChatLimits
from privacybot.intake.store import DbInboundSink
from privacybot.intake.telegram import TelegramPoller
from privacybot.intake.worker import TriageWorker
from privacybot.outbox.telegram_sender import TelegramSender
from privacybot.service.chat import ChatDesk as ChatSettings
from privacybot.service.chat import mark_blocked
from privacybot.service.desk import Desk
from privacybot.staff import add_staff
from privacybot.telegram_role import ChatTicker, make_bot
from privacybot.testing.telegram_api import FakeBotApi, Sent
from tests.flow.helpers import KEY, OUR, make_flow

STAFF_CHAT = -1001234567890
OLGA_TG = 7001
BRAM_TG = 7002


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    api = FakeBotApi().start()
    try:
        yield api
    finally:
        api.stop()


@dataclass
class ChatDesk:
    engine: Engine
    api: FakeBotApi
    clock: FixedClock
    worker: TriageWorker
    poller: TelegramPoller
    sender: TelegramSender
    ticker: ChatTicker
    desk: Desk
    settings: ChatSettings = field(default_factory=ChatSettings)

    async def step(self) -> None:
        """Everything that is waiting, until nothing moves: poll, answer, post, send."""
        for _ in range(10):
            stored = await self.poller.poll_once(timeout=0)
            handled = self.worker.drain()
            posted = self.ticker.tick()
            sent = await self.sender.drain_once()
            if not (stored or handled or posted or sent):
                return

    async def say(self, chat_id: int, text: str, **kw: object) -> list[Sent]:
        """The citizen types ``text``; returns what the bot said back to that chat."""
        before = len(self.api.messages(chat_id))
        self.api.send_text(chat_id, text, **kw)
        await self.step()
        return self.api.messages(chat_id)[before:]

    async def press(self, chat_id: int, data: str, **kw: object) -> list[Sent]:
        before = len(self.api.messages(chat_id))
        self.api.press(chat_id, data, **kw)  # type: ignore[arg-type]
        await self.step()
        return self.api.messages(chat_id)[before:]

    def last(self, chat_id: int) -> str:
        return self.api.messages(chat_id)[-1].text

    def conversation(self, chat_id: int) -> TelegramChat | None:
        with Session(self.engine) as s:
            return s.get(TelegramChat, chat_id)

    def cases(self) -> list[Case]:
        with Session(self.engine) as s:
            return list(s.exec(select(Case).order_by(col(Case.id))).all())

    def drafts(self) -> list[Draft]:
        with Session(self.engine) as s:
            return list(s.exec(select(Draft).order_by(col(Draft.id))).all())

    def mail(self) -> list[OutboxItem]:
        with Session(self.engine) as s:
            return list(
                s.exec(
                    select(OutboxItem)
                    .where(OutboxItem.channel == "email")
                    .order_by(col(OutboxItem.id))
                ).all()
            )

    def mail_to(self, address: str) -> list[Message]:
        return [
            email.message_from_bytes(reveal(m.raw, m.sealed_code, KEY))
            for m in self.mail()
            if m.to_address == address
        ]

    def code_for(self, address: str) -> str:
        """The code in the newest mail to ``address``, as its owner reads it."""
        msg = self.mail_to(address)[-1]
        body = msg.get_payload(decode=True)
        assert isinstance(body, bytes)
        found = re.findall(r"\b\d{6}\b", body.decode())
        assert found, body
        return str(found[0])

    def advance(self, **kw: float) -> None:
        self.clock.advance(timedelta(**kw))

    def block(self, chat_id: int) -> None:
        with transaction(self.engine) as s:
            mark_blocked(s, chat_id, self.clock.now())


def _now_clock() -> FixedClock:
    """A fixed clock at the real time: the fake API dates messages from it too."""
    return FixedClock(datetime.now(UTC).replace(microsecond=0))


async def make_chat_desk(
    engine: Engine,
    api: FakeBotApi,
    *,
    staff_chat: int | None = STAFF_CHAT,
    limits: ChatLimits | None = None,
) -> ChatDesk:
    flow = make_flow(engine)
    clock = _now_clock()
    api.clock = lambda: clock.now().timestamp()
    settings = ChatSettings(staff_chat=staff_chat, limits=limits or ChatLimits())
    worker = TriageWorker(
        engine, flow.desk, clock, our_address=OUR, min_confidence=0.5, chat_desk=settings
    )
    bot = make_bot(api.token, api.base_url)
    await bot.initialize()
    poller = TelegramPoller(bot, DbInboundSink(engine, clock), clock=clock.now, poll_timeout=0)
    sender = TelegramSender(engine, bot, clock=clock, staff_chat=staff_chat)
    ticker = ChatTicker(engine, clock, staff_chat=staff_chat)
    desk = ChatDesk(engine, api, clock, worker, poller, sender, ticker, flow.desk, settings)

    def blocked(chat_id: int) -> None:
        desk.block(chat_id)

    sender.on_blocked = blocked
    return desk


@pytest.fixture
async def chat(engine: Engine, bot_api: FakeBotApi) -> AsyncIterator[ChatDesk]:
    desk = await make_chat_desk(engine, bot_api)
    with transaction(engine) as s:
        for who in ("olga@conxillium.nl", "bram@conxillium.nl"):
            add_staff(s, email=who, role="officer", password=None, now=desk.clock.now())
    try:
        yield desk
    finally:
        await desk.poller.bot.shutdown()
