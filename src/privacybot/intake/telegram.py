"""The Telegram intake edge: long polling with python-telegram-bot, store, then confirm.

The Bot API keeps an update until a ``getUpdates`` call asks for a higher offset, so
the offset is our acknowledgment (intake/base.py): each update is reduced to a
:class:`~privacybot.triage.chat.ChatUpdate` and committed to the inbound store under
the key ``telegram:<update_id>`` first, and only then does the offset move past it.
A crash before the commit means Telegram sends the update again; a crash after it
means it is sent again and recognised as a duplicate. Nothing is lost or doubled,
and the conversation itself is read back from the database by the triage worker.

Should python-telegram-bot fail to parse a batch, the same updates are fetched again
as raw JSON (``Bot.do_api_request``) and stored (an odd one as kind ``other``), so
one strange update never stops the intake. Files are never downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from telegram import Bot
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning

from privacybot.intake.base import InboundEnvelope, InboundSink, StoreOutcome, StoreUnavailable
from privacybot.outbox.telegram_sender import retry_seconds
from privacybot.triage.chat import from_telegram

log = logging.getLogger("privacybot.telegram.intake")

#: The update kinds the desk reads; others are not even fetched.
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")
CHANNEL = "telegram"


def update_key(update_id: int) -> str:
    return f"{CHANNEL}:{update_id}"


def envelope_for(update: dict[str, Any], now: datetime) -> InboundEnvelope:
    """One raw update as the inbound store keeps it; received = Telegram's message time (R1)."""
    chat = from_telegram(update)
    received = datetime.fromtimestamp(chat.date, UTC) if chat.date else now
    return InboundEnvelope(
        channel=CHANNEL,
        source="telegram",
        key=update_key(chat.update_id),
        raw=chat.to_bytes(),
        received=received,
        problem="text cut at 4096 characters" if chat.truncated else None,
    )


class TelegramPoller:
    """``getUpdates`` in a loop; an update's offset is confirmed only after its commit."""

    def __init__(
        self,
        bot: Bot,
        sink: InboundSink,
        *,
        clock: Callable[[], datetime],
        on_stored: Callable[[], None] | None = None,
        poll_timeout: int = 25,
    ) -> None:
        self.bot = bot
        self.sink = sink
        self.clock = clock
        self.on_stored = on_stored
        self.poll_timeout = poll_timeout
        self.offset: int | None = None
        self.stored = 0

    async def poll_once(self, timeout: int | None = None) -> int:
        """One getUpdates call; stores each update in order. Returns how many were new."""
        wait = self.poll_timeout if timeout is None else timeout
        kwargs: dict[str, Any] = {"timeout": wait, "allowed_updates": list(ALLOWED_UPDATES)}
        if self.offset is not None:
            kwargs["offset"] = self.offset
        raw = await self._fetch(kwargs, wait)
        updates = sorted(
            (u for u in raw or [] if isinstance(u, dict) and isinstance(u.get("update_id"), int)),
            key=lambda u: int(u["update_id"]),
        )
        if not updates:
            return 0
        now = self.clock()
        envelopes = [envelope_for(update, now) for update in updates]
        # Raises StoreUnavailable: the offset stays, Telegram keeps the updates.
        outcomes = await asyncio.to_thread(self._store, envelopes)
        self.offset = int(updates[-1]["update_id"]) + 1  # confirmed at the next call
        new = outcomes.count(StoreOutcome.STORED)
        if new:
            self.stored += new
            if self.on_stored is not None:
                self.on_stored()
        return new

    def _store(self, envelopes: list[InboundEnvelope]) -> list[StoreOutcome]:
        """The whole batch in one commit when the store can (DbInboundSink.store_all)."""
        store_all = getattr(self.sink, "store_all", None)
        if callable(store_all):
            return list(store_all(envelopes))
        return [self.sink.store(envelope) for envelope in envelopes]

    async def _fetch(self, kwargs: dict[str, Any], wait: int) -> list[Any]:
        """The updates as JSON dicts; raw JSON when python-telegram-bot cannot parse them."""
        try:
            parsed = await self.bot.get_updates(
                offset=kwargs.get("offset"),
                timeout=wait,
                allowed_updates=kwargs["allowed_updates"],
                read_timeout=wait + 10,
            )
        except TelegramError:
            raise
        except Exception as exc:  # an update PTB cannot parse: take the JSON as it came
            log.warning("telegram intake: unparseable update batch (%s); reading raw JSON", exc)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PTBUserWarning)
                raw = await self.bot.do_api_request(
                    "getUpdates", api_kwargs=kwargs, read_timeout=wait + 10
                )
            return list(raw or [])
        return [update.to_dict() for update in parsed]

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop``: poll, and on trouble wait and poll again (never give up)."""
        delay = 1.0
        log.info("telegram intake: long polling %s", _where(self.bot))
        ready = False
        while not stop.is_set():
            try:
                if not ready:
                    await self.bot.initialize()  # getMe: the token works
                    ready = True
                if not await self._poll_or_stop(stop):
                    break
                delay = 1.0
                continue
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                log.warning("telegram intake: flood control, polling again in %.0f s", wait)
            except Conflict:
                wait = 5.0
                log.warning(
                    "telegram intake: another getUpdates (a second process, or a webhook) "
                    "holds this bot; trying again in 5 s"
                )
            except InvalidToken:
                wait = 60.0
                log.error("telegram intake: the bot token was refused (PRIVACYBOT_TELEGRAM_TOKEN)")
            except StoreUnavailable as exc:
                wait = delay
                log.error("telegram intake: store unavailable (%s), not confirming", exc)
            except TelegramError as exc:
                wait = delay
                log.warning("telegram intake: %s; polling again in %.0f s", exc, wait)
            except Exception:
                wait = delay
                log.exception("telegram intake: unexpected error; polling again")
            delay = min(delay * 2, 30.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)
        log.info("telegram intake stopped (%d updates stored)", self.stored)

    async def _poll_or_stop(self, stop: asyncio.Event) -> bool:
        """One poll, cut short by ``stop`` (a long poll can last poll_timeout seconds).

        Cancelling while an update is being stored is harmless: the commit finishes in
        its thread, the offset is not moved, and the next run sees a duplicate.
        """
        poll = asyncio.ensure_future(self.poll_once())
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not poll.done():
            poll.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await poll
            return False
        poll.result()  # raises what the poll raised
        return True


def _where(bot: Bot) -> str:
    """The API host, never the token (it is part of the URL)."""
    url = bot.base_url
    return url.split("/bot", 1)[0] if "/bot" in url else "the Bot API"
