"""Drain the outbox: claim a message, hand it to the relay, record the outcome.

Each item goes claim (committed) → ``transport.send`` → ``mark_sent`` / ``mark_retry`` /
``mark_failed``, all in a worker thread so the event loop (web, intake, bot) never
blocks on SMTP or the database. ``run`` wakes when the service calls :meth:`wake` after
enqueueing, or every ``poll_interval`` seconds for retries that came due, and settles
items a dead sender left behind (``store.recover_in_doubt``) at start and every minute.

Logs carry the Message-ID and case id, never bodies or addresses (relay replies are
redacted, they often quote the recipient).
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum

from sqlalchemy.engine import Engine

from privacybot.cases.codes import reveal
from privacybot.clock import Clock
from privacybot.outbox import store
from privacybot.outbox.compose import bounce_address
from privacybot.outbox.transport import ClaimLost, Transport, TransportError, redact_addresses
from privacybot.outbox.wake import wake_loop

log = logging.getLogger("privacybot.outbox")

DEFAULT_LEASE = timedelta(minutes=5)


class Outcome(StrEnum):
    """What became of one claimed item."""

    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    IN_DOUBT = "in_doubt"  # settled by was_delivered: sent, pending or failed in doubt
    LOST_CLAIM = "lost_claim"  # the row changed under us; nothing recorded


def _unknown(_message_id: str) -> bool | None:
    """``was_delivered`` of a remote relay: we cannot ask it."""
    return None


def default_worker_name() -> str:
    """Host, pid and a random suffix: unique per process, readable in ``claimed_by``."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"[:64]


class Sender:
    """The outbox drain loop; one per process is enough, several processes may share a DB."""

    def __init__(
        self,
        engine: Engine,
        transport: Transport,
        *,
        clock: Clock,
        bounce_domain: str,
        was_delivered: Callable[[str], bool | None] | None = None,
        worker: str | None = None,
        lease: timedelta = DEFAULT_LEASE,
        poll_interval: float = 1.0,
        recover_interval: float = 60.0,
        concurrency: int = 1,
        key: bytes = b"",
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.engine = engine
        self.transport = transport
        self.clock = clock
        self.bounce_domain = bounce_domain
        self.was_delivered = was_delivered or _unknown
        self.worker = worker or default_worker_name()
        self.lease = lease
        self.poll_interval = poll_interval
        self.recover_interval = recover_interval
        self.concurrency = concurrency
        #: Opens the sealed verification code of a message, in memory only (cases/codes).
        self.key = key
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        if lease.total_seconds() < 2 * (transport.timeout + 5):
            log.warning(
                "outbox lease %.0fs is short for a %.0fs relay timeout: slow sends will be "
                "withdrawn and retried",
                lease.total_seconds(),
                transport.timeout,
            )

    def wake(self) -> None:
        """Ask the loop to look at the queue now; safe to call from any thread.

        Call it after the enqueueing transaction has committed, or the sender may look
        before the row is visible (it would then find it at the next poll).
        """
        wake_loop(self._loop, self._wake)

    def _deadline(self, remaining: float) -> float:
        """Last monotonic instant for the final dot: leaves time for the reply and commit."""
        margin = self.transport.timeout + 5
        if remaining < 2 * margin:
            margin = remaining / 2
        return time.monotonic() + remaining - margin

    def recover(self) -> list[int]:
        """Settle items whose sender died mid-send (see ``store.recover_in_doubt``)."""
        settled = store.recover_in_doubt(
            self.engine, self.clock.now(), self.was_delivered, channel="email"
        )
        if settled:
            log.warning("outbox: settled %d item(s) left sending by a stopped sender", len(settled))
        return settled

    def process_one(self) -> Outcome | None:
        """Claim and send one due item (blocking); None when nothing is due."""
        now = self.clock.now()
        item = store.claim_next(self.engine, self.worker, now, self.lease)
        if item is None:
            return None
        deadline = self._deadline((item.claimed_until - now).total_seconds())
        mail_from = bounce_address(item.message_id, self.bounce_domain)
        try:
            raw = reveal(item.raw, item.sealed_code, self.key)
        except ValueError as exc:
            # A seal we cannot open (a changed server key): never send a letter without
            # the code it promises; staff see it as a failed send.
            return self._failed(item, TransportError(f"verification code: {exc}", True))

        def hand_over() -> bool:
            return store.mark_handing_over(self.engine, item, self.clock.now())

        try:
            self.transport.send(
                raw, mail_from, item.to_address, deadline=deadline, before_final_dot=hand_over
            )
        except TransportError as exc:
            return self._failed(item, exc)
        except Exception as exc:
            # A bug, not a relay answer: we do not know how far the send got.
            log.exception("outbox: unexpected error sending %s", item.message_id)
            return self._failed(item, TransportError(repr(exc), False, in_doubt=True))
        if not store.mark_sent(self.engine, item.id, self.clock.now()):
            log.warning("outbox: %s was already recorded as sent", item.message_id)
        log.info("outbox: sent %s case=%s attempt=%d", item.message_id, item.case_id, item.attempts)
        return Outcome.SENT

    def _failed(self, item: store.ClaimedItem, exc: TransportError) -> Outcome:
        if isinstance(exc, ClaimLost):
            # Recovery (or another sender) owns the row now; whatever we record is wrong.
            log.warning("outbox: %s case=%s: %s", item.message_id, item.case_id, exc.message)
            return Outcome.LOST_CLAIM
        now = self.clock.now()
        error = redact_addresses(exc.message)
        if exc.in_doubt:
            delivered = self.was_delivered(item.message_id)
            status = store.settle_in_doubt(
                self.engine,
                item.id,
                now,
                delivered,
                reason=f"in doubt ({exc.message}): check the relay log before resending",
            )
            log.error(
                "outbox: %s case=%s in doubt (%s) -> %s",
                item.message_id,
                item.case_id,
                error,
                status or "left alone",
            )
            return Outcome.IN_DOUBT if status else Outcome.LOST_CLAIM
        if exc.permanent:
            if not store.mark_failed(self.engine, item.id, now, exc.message):
                return Outcome.LOST_CLAIM
            log.error(
                "outbox: %s case=%s failed permanently: %s", item.message_id, item.case_id, error
            )
            return Outcome.FAILED
        status = store.mark_retry(self.engine, item.id, now, exc.message)
        if not status:
            return Outcome.LOST_CLAIM
        log.warning(
            "outbox: %s case=%s attempt %d failed (%s) -> %s",
            item.message_id,
            item.case_id,
            item.attempts,
            error,
            "retry later" if status == "pending" else "given up",
        )
        return Outcome.RETRY if status == "pending" else Outcome.FAILED

    async def drain_once(self, stop: asyncio.Event | None = None) -> int:
        """Send everything due now with ``concurrency`` workers; returns items processed."""

        async def worker() -> int:
            done = 0
            while stop is None or not stop.is_set():
                if await asyncio.to_thread(self.process_one) is None:
                    break
                done += 1
            return done

        # Let every worker finish its item before reporting a failure, so a database
        # hiccup in one never leaves the others running on behind the loop's back.
        results = await asyncio.gather(
            *(worker() for _ in range(self.concurrency)), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return sum(r for r in results if isinstance(r, int))

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop`` is set: recover, drain, sleep until woken or the poll interval."""
        self._loop = asyncio.get_running_loop()
        next_recovery = 0.0
        log.info("outbox sender %s started", self.worker)
        while not stop.is_set():
            try:
                if time.monotonic() >= next_recovery:
                    next_recovery = time.monotonic() + self.recover_interval
                    await asyncio.to_thread(self.recover)
                await self.drain_once(stop)
            except Exception:
                # A database hiccup must not end the sender; the next tick tries again.
                log.exception("outbox: sender tick failed")
            await self._sleep(stop)
        log.info("outbox sender %s stopped", self.worker)

    async def _sleep(self, stop: asyncio.Event) -> None:
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waits, timeout=self.poll_interval, return_when="FIRST_COMPLETED")
        finally:
            for task in waits:
                task.cancel()
            self._wake.clear()
