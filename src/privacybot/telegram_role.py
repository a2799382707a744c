"""The ``telegram`` role of ``privacybot run``: intake, sender and the staff-group jobs.

Three tasks share one python-telegram-bot ``Bot`` (it keeps separate connections for
long polling and for sending): the poller (intake/telegram.py) stores updates for the
triage worker, the sender (outbox/telegram_sender.py) drains chat messages from the
outbox, and a ticker, once a second, posts drafts that wait for approval to the staff
group, edits posts whose draft was decided elsewhere, and queues status messages
(service/chat_staff.py, service/chat_notify.py). The updates themselves are answered by
the triage worker, which runs with the ``intake`` role (or here, when that role runs
elsewhere).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine
from telegram import Bot
from telegram.request import HTTPXRequest

from privacybot.clock import Clock
from privacybot.db.session import transaction
from privacybot.intake.store import DbInboundSink
from privacybot.intake.telegram import TelegramPoller
from privacybot.outbox.telegram_sender import TelegramSender
from privacybot.service.chat import mark_blocked
from privacybot.service.chat_notify import notify_status
from privacybot.service.chat_staff import close_settled_posts, post_waiting_drafts

log = logging.getLogger("privacybot.telegram")


class ChatTicker:
    """Once a second: staff posts and status messages, each in its own transaction."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        staff_chat: int | None,
        on_outbox: Callable[[], None] | None = None,
        interval: float = 1.0,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.staff_chat = staff_chat
        self.on_outbox = on_outbox
        self.interval = interval

    def tick(self) -> int:
        queued = 0
        if self.staff_chat is not None:
            with transaction(self.engine) as session:
                queued += close_settled_posts(session, self.clock.now())
                queued += post_waiting_drafts(session, self.staff_chat, self.clock.now())
        with transaction(self.engine) as session:
            queued += notify_status(session, self.clock.now())
        if queued and self.on_outbox is not None:
            self.on_outbox()
        return queued

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.tick)
            except Exception:
                # Two processes posting the same draft collide on a unique row: next tick.
                log.exception("telegram: staff-group and status tick failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval)


def quiet_http_logs() -> None:
    """The bot token is part of every Bot API URL: no HTTP library may log URLs.

    httpx logs each request line at INFO and python-telegram-bot the URL and the
    arguments (message texts) at DEBUG; neither belongs in our logs.
    """
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(logging.INFO)


def make_bot(token: str, api_url: str) -> Bot:
    """A Bot for ``api_url`` (``…/bot``, the token is appended), with room to send while polling.

    Opts in to python-telegram-bot's coming timedelta durations (``PTB_TIMEDELTA``):
    without it every flood-control answer raises a deprecation warning inside the
    library, and ``retry_seconds`` reads both forms anyway.
    """
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    return Bot(
        token,
        base_url=api_url,
        request=HTTPXRequest(connection_pool_size=8),
        get_updates_request=HTTPXRequest(connection_pool_size=1, read_timeout=40),
    )


class TelegramRole:
    """Start and stop the role's tasks; ``wake_sender`` is handed to the triage worker."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        token: str,
        api_url: str,
        staff_chat: int | None,
        on_stored: Callable[[], None],
        poll_timeout: int = 25,
    ) -> None:
        quiet_http_logs()
        self.bot = make_bot(token, api_url)
        self.poller = TelegramPoller(
            self.bot,
            DbInboundSink(engine, clock),
            clock=clock.now,
            on_stored=on_stored,
            poll_timeout=poll_timeout,
        )
        self.sender = TelegramSender(
            engine,
            self.bot,
            clock=clock,
            staff_chat=staff_chat,
            on_blocked=lambda chat_id: self._blocked(engine, clock, chat_id),
        )
        self.ticker = ChatTicker(engine, clock, staff_chat=staff_chat, on_outbox=self.sender.wake)
        self.staff_chat = staff_chat

    @staticmethod
    def _blocked(engine: Engine, clock: Clock, chat_id: int) -> None:
        with transaction(engine) as session:
            mark_blocked(session, chat_id, clock.now())

    def wake_sender(self) -> None:
        self.sender.wake()

    def tasks(self, stop: asyncio.Event) -> list[asyncio.Task[Any]]:
        log.info(
            "telegram channel on%s",
            f" (staff group {self.staff_chat})" if self.staff_chat is not None else "",
        )
        return [
            asyncio.create_task(self.poller.run(stop), name="telegram-intake"),
            asyncio.create_task(self.sender.run(stop), name="telegram-sender"),
            asyncio.create_task(self.ticker.run(stop), name="telegram-ticker"),
        ]

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.bot.shutdown()
