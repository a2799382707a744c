"""Drain the outbox's Telegram items through the Bot API (python-telegram-bot).

Each item is claimed (committed) before the call, like mail (outbox/store.py), then
recorded: ``sent``, retried, or failed. What Telegram answers decides which:

- 429 Too Many Requests: flood control. The item goes back to the queue for the
  ``retry_after`` Telegram named, without using one of its attempts, and this sender
  sends nothing at all until then (the limit is the bot's, not the chat's).
- 403 Forbidden (the citizen blocked the bot): the item fails for good and the
  conversation is marked blocked, so no status message tries again.
- 400 Bad Request: the item fails, except "message is not modified" on an edit,
  which means the edit is already there.
- Network trouble and time-outs: retried with the outbox's backoff. A chat message
  sent twice after a lost answer is a small harm, unlike a letter, so it is resent.

Two guards hold R14 here too: an item tied to a draft (a letter) is never sent on
Telegram, and a staff-group item goes nowhere but the configured staff chat.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine
from telegram import Bot, ForceReply, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from privacybot.clock import Clock
from privacybot.db.chat_models import TelegramStaffPost
from privacybot.db.session import read_transaction, transaction
from privacybot.outbox import store
from privacybot.outbox.sender import Outcome, default_worker_name
from privacybot.outbox.wake import wake_loop

log = logging.getLogger("privacybot.telegram.sender")

#: Longer than one Bot API call can take (python-telegram-bot: 5 s connect, read, write).
DEFAULT_LEASE = timedelta(seconds=20)
#: Sends in flight at once (never two to one chat); Telegram allows ~30 messages a second.
DEFAULT_CONCURRENCY = 4
#: How often claims a dead sender left behind are looked for.
RECOVER_EVERY = 5.0
#: An edit of a staff post whose own message is not out yet waits this long.
POST_NOT_OUT_YET = timedelta(seconds=2)


class Refused(Exception):
    """An item this sender will not send (R14 guards, a broken payload)."""


class _Paused(Exception):
    """Flood control began while this item was being claimed: it waits like the rest."""


def retry_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked us to wait (python-telegram-bot 22 keeps a timedelta)."""
    # The private field holds the number as Telegram sent it (int, or a timedelta once
    # PTB_TIMEDELTA is on); the public property warns about its coming type change.
    value: Any = getattr(exc, "_retry_after", None)
    if value is None:
        value = exc.retry_after
    return float(value.total_seconds()) if isinstance(value, timedelta) else float(value)


def _reply_markup(payload: dict[str, Any]) -> InlineKeyboardMarkup | ForceReply | None:
    """Buttons under a new message, or the reply box (staff asked for a reason)."""
    return ForceReply() if payload.get("force_reply") else _markup(payload)


def _markup(payload: dict[str, Any]) -> InlineKeyboardMarkup | None:
    rows = payload.get("buttons") or []
    keyboard = [
        [InlineKeyboardButton(str(label), callback_data=str(data)) for label, data in row]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(keyboard) if keyboard else None


class TelegramSender:
    """The drain loop for channel ``telegram``; one per process that runs the telegram role."""

    def __init__(
        self,
        engine: Engine,
        bot: Bot,
        *,
        clock: Clock,
        staff_chat: int | None,
        on_blocked: Callable[[int], None] | None = None,
        worker: str | None = None,
        lease: timedelta = DEFAULT_LEASE,
        poll_interval: float = 0.5,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        self.engine = engine
        self.bot = bot
        self.clock = clock
        self.staff_chat = staff_chat
        self.on_blocked = on_blocked
        self.worker = worker or default_worker_name()
        self.lease = lease
        self.poll_interval = poll_interval
        self.concurrency = max(1, concurrency)
        self.paused_until = 0.0  # monotonic: flood control from a 429
        #: One send at a time per chat, in the order the items were claimed (oldest first):
        #: the chat's lock, and how many of our tasks hold or wait for it.
        self._chats: dict[str, tuple[asyncio.Lock, list[int]]] = {}
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def wake(self) -> None:
        """Look at the queue now; safe from any thread (the triage worker calls it)."""
        wake_loop(self._loop, self._wake)

    # --- one item -------------------------------------------------------------------------------

    async def process_one(self) -> Outcome | None:
        """Claim and send one due item; None when nothing is due (or while paused)."""
        if time.monotonic() < self.paused_until:
            return None
        now = self.clock.now()
        item = await asyncio.to_thread(
            store.claim_next, self.engine, self.worker, now, self.lease, channel="telegram"
        )
        if item is None:
            return None
        lock, users = self._chats.setdefault(item.to_address, (asyncio.Lock(), [0]))
        users[0] += 1
        try:
            async with lock:  # queued before any await: claim order is send order per chat
                return await self._send(item)
        finally:
            users[0] -= 1
            if users[0] == 0:
                del self._chats[item.to_address]

    async def _send(self, item: store.ClaimedItem) -> Outcome:
        payload: dict[str, Any] = {}
        try:
            payload = self._payload(item)
            message_id = await self._call(payload)
        except Refused as exc:
            return await self._fail(item, f"refused: {exc}")
        except _Paused:
            wait = max(0.0, self.paused_until - time.monotonic())
            return await self._put_back(item, "waiting for flood control", timedelta(seconds=wait))
        except RetryAfter as exc:
            wait = retry_seconds(exc)
            self.paused_until = time.monotonic() + wait
            log.warning("telegram: flood control, nothing is sent for %.0f s", wait)
            return await self._put_back(
                item, f"429: retry after {wait:.0f} s", timedelta(seconds=wait)
            )
        except Forbidden as exc:
            chat_id = int(payload.get("chat_id") or 0)
            log.warning("telegram: chat %s refuses the bot (%s)", chat_id, exc.message)
            if self.on_blocked is not None:
                await asyncio.to_thread(self.on_blocked, chat_id)
            return await self._fail(item, f"403: {exc.message}")
        except _NotOutYet:
            return await self._put_back(item, "the post to edit is not out yet", POST_NOT_OUT_YET)
        except BadRequest as exc:
            if "not modified" in exc.message:
                await asyncio.to_thread(store.mark_sent, self.engine, item.id, self.clock.now())
                return Outcome.SENT
            return await self._fail(item, f"400: {exc.message}")
        except (NetworkError, TelegramError) as exc:
            status = await asyncio.to_thread(
                store.mark_retry, self.engine, item.id, self.clock.now(), f"telegram: {exc}"
            )
            log.warning("telegram: item %s not sent (%s), %s", item.id, exc, status or "left")
            return Outcome.RETRY if status == "pending" else Outcome.FAILED
        except Exception as exc:
            log.exception("telegram: unexpected error sending item %s", item.id)
            await asyncio.to_thread(
                store.mark_retry, self.engine, item.id, self.clock.now(), repr(exc)[:500]
            )
            return Outcome.RETRY
        await asyncio.to_thread(self._sent, item.id, payload, message_id)
        return Outcome.SENT

    async def _put_back(self, item: store.ClaimedItem, why: str, wait: timedelta) -> Outcome:
        """Back to the queue for ``wait`` without using an attempt: nothing went wrong."""
        await asyncio.to_thread(
            store.mark_retry,
            self.engine,
            item.id,
            self.clock.now(),
            why,
            retry_in=wait,
            count_attempt=False,
        )
        return Outcome.RETRY

    def _payload(self, item: store.ClaimedItem) -> dict[str, Any]:
        if item.draft_id is not None:
            raise Refused("a letter goes by e-mail only, never on Telegram (R14)")
        try:
            payload = json.loads(item.raw)
        except ValueError as exc:
            raise Refused(f"unreadable payload: {exc}") from None
        if not isinstance(payload, dict) or "method" not in payload:
            raise Refused("payload without a method")
        if payload.get("audience") == "staff" and payload.get("chat_id") != self.staff_chat:
            raise Refused("a staff text goes only to the staff chat")
        return payload

    def _not_paused(self) -> None:
        """Checked with no await between it and the request leaving.

        A worker may have claimed its item (a database round trip) while another got a
        429; without this check it would send into the pause Telegram asked for.
        """
        if time.monotonic() < self.paused_until:
            raise _Paused

    async def _call(self, payload: dict[str, Any]) -> int | None:
        method = payload["method"]
        chat_id = int(payload.get("chat_id") or 0)
        if method != "editMessageText":
            self._not_paused()
        if method == "sendMessage":
            message = await self.bot.send_message(
                chat_id=chat_id, text=str(payload["text"]), reply_markup=_reply_markup(payload)
            )
            return int(message.message_id)
        if method == "editMessageText":
            given = payload.get("message_id")
            message_id = (
                int(given)
                if isinstance(given, int)
                else await asyncio.to_thread(self._post_message_id, payload.get("post_id"))
            )
            self._not_paused()
            await self.bot.edit_message_text(
                text=str(payload["text"]),
                chat_id=chat_id,
                message_id=message_id,
                reply_markup=_markup(payload),
            )
            return None
        if method == "answerCallbackQuery":
            await self.bot.answer_callback_query(
                callback_query_id=str(payload["callback_query_id"]),
                text=str(payload.get("text") or "") or None,
                show_alert=bool(payload.get("show_alert")),
            )
            return None
        if method == "leaveChat":
            await self.bot.leave_chat(chat_id=chat_id)
            return None
        raise Refused(f"unknown method {method!r}")

    def _post_message_id(self, post_id: object) -> int:
        """The Telegram message id of a staff post, once its sendMessage went out."""
        if not isinstance(post_id, int):
            raise Refused("an edit names no message")
        with read_transaction(self.engine) as session:
            post = session.get(TelegramStaffPost, post_id)
            if post is None:
                raise Refused(f"no staff post {post_id}")
            if post.message_id is None:
                raise _NotOutYet
            return int(post.message_id)

    def _sent(self, item_id: int, payload: dict[str, Any], message_id: int | None) -> None:
        """Record the send and, for a staff post, the message id later edits need."""
        with transaction(self.engine) as session:
            post_id = payload.get("post_id")
            if payload.get("method") == "sendMessage" and isinstance(post_id, int):
                post = session.get(TelegramStaffPost, post_id)
                if post is not None and message_id is not None:
                    post.message_id = message_id
                    session.add(post)
        if not store.mark_sent(self.engine, item_id, self.clock.now()):
            log.warning("telegram: item %s was already recorded as sent", item_id)

    async def _fail(self, item: store.ClaimedItem, error: str) -> Outcome:
        await asyncio.to_thread(store.mark_failed, self.engine, item.id, self.clock.now(), error)
        log.error("telegram: item %s failed: %s", item.id, error)
        return Outcome.FAILED

    # --- the loop -----------------------------------------------------------------------------

    def recover(self) -> list[int]:
        """Items a dead sender left claimed go back to the queue (a chat message may repeat)."""
        return store.recover_in_doubt(
            self.engine, self.clock.now(), lambda _mid: False, channel="telegram"
        )

    async def drain_once(self, stop: asyncio.Event | None = None) -> int:
        """Send everything due with ``concurrency`` workers; returns items processed."""

        async def worker() -> int:
            done = 0
            while stop is None or not stop.is_set():
                if await self.process_one() is None:
                    break
                done += 1
            return done

        results = await asyncio.gather(*(worker() for _ in range(self.concurrency)))
        return sum(results)

    async def run(self, stop: asyncio.Event) -> None:
        self._loop = asyncio.get_running_loop()
        next_recovery = 0.0
        log.info("telegram sender %s started", self.worker)
        while not stop.is_set():
            try:
                if time.monotonic() >= next_recovery:
                    next_recovery = time.monotonic() + RECOVER_EVERY
                    settled = await asyncio.to_thread(self.recover)
                    if settled:
                        log.warning(
                            "telegram: %d item(s) of a stopped sender requeued", len(settled)
                        )
                await self.drain_once(stop)
            except Exception:
                log.exception("telegram sender: tick failed")
            pause = max(0.0, self.paused_until - time.monotonic())
            await self._sleep(stop, max(pause, 0.0) or self.poll_interval)
        log.info("telegram sender %s stopped", self.worker)

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when="FIRST_COMPLETED")
        finally:
            for task in waits:
                task.cancel()
            self._wake.clear()


class _NotOutYet(Exception):
    """The staff post an edit targets has no Telegram message id yet."""
