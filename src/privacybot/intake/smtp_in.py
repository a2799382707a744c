"""The SMTP edge: an aiosmtpd receiver for an MTA that delivers to us.

The reply code is the acknowledgement (docs/design.md, Intake): ``250`` goes out only after
`InboundSink.store` returned, so a crash before the commit leaves the message with the
sending MTA, which retries on ``451``. Unknown recipients are refused while the session
is still open (``550 5.1.1``), as healthchecks' smtpd does.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from privacybot.intake.base import InboundEnvelope, InboundSink, StoreOutcome, StoreUnavailable
from privacybot.intake.headers import message_id_of
from privacybot.smtpd import ControlledSmtpServer

__all__ = ["DEFAULT_MAX_SIZE", "SmtpInHandler", "SmtpReceiver", "smtp_key"]

log = logging.getLogger(__name__)

DEFAULT_MAX_SIZE = 25 * 1024 * 1024


def _utc_now() -> datetime:
    return datetime.now(UTC)


_PATH_UNSAFE = re.compile(r"[^\x21-\x7e]")


def return_path_header(mail_from: str | None) -> bytes:
    """RFC 5321 §4.4: final delivery records the envelope sender as ``Return-Path``.

    We are the final delivery for mail that reaches this receiver, so we add it: a
    bounce arrives with ``MAIL FROM:<>``, and R16(6) can only see that if the
    stored message says so. Anything but printable ASCII is dropped from the path,
    so the header is always one well-formed line.
    """
    path = _PATH_UNSAFE.sub("", (mail_from or "").strip().strip("<>"))
    return f"Return-Path: <{path}>\r\n".encode("ascii")


def smtp_key(raw: bytes, message_id: str | None) -> str:
    """``smtp:<message-id>``, or ``smtp:sha256:<hex>`` of the bytes when there is none."""
    if message_id:
        return f"smtp:{message_id}"
    return f"smtp:sha256:{hashlib.sha256(raw).hexdigest()}"


class SmtpInHandler:
    """aiosmtpd handler: refuse unknown recipients, store, then answer.

    `accept` holds addresses (``privacy@example.nl``) and/or domains (``example.nl``
    or ``@example.nl``), case-insensitive; None accepts every recipient.
    """

    def __init__(
        self,
        sink: InboundSink,
        *,
        clock: Callable[[], datetime] = _utc_now,
        max_size: int = DEFAULT_MAX_SIZE,
        accept: Iterable[str] | None = None,
        on_stored: Callable[[InboundEnvelope], None] | None = None,
    ) -> None:
        self.sink = sink
        self.clock = clock
        self.max_size = max_size
        self.accept = None if accept is None else {a.lower().lstrip("@") for a in accept}
        self.on_stored = on_stored

    def accepts(self, address: str) -> bool:
        if self.accept is None:
            return True
        address = address.lower()
        domain = address.rpartition("@")[2]
        return address in self.accept or domain in self.accept

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not self.accepts(address):
            log.info("smtp recipient refused peer=%s", _peer(session))
            return "550 5.1.1 Recipient address rejected: no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        raw = envelope.original_content or b""
        if isinstance(raw, str):  # only when decode_data=True, which we never set
            raw = raw.encode("utf-8", "surrogateescape")
        if len(raw) > self.max_size:
            log.warning("smtp message refused: %s bytes over the limit", len(raw))
            return "552 5.3.4 Message too big"
        message_id = message_id_of(raw)
        inbound = InboundEnvelope(
            channel="email",
            source="smtp",
            key=smtp_key(raw, message_id),
            raw=return_path_header(envelope.mail_from) + raw,
            received=self.clock(),
            message_id=message_id,
            problem=None if raw else "empty message",
        )
        try:
            outcome = await asyncio.to_thread(self.sink.store, inbound)
        except StoreUnavailable as exc:
            log.warning("smtp store unavailable, answered 451 key=%s: %s", inbound.key, exc)
            return "451 4.3.0 Temporary failure storing the message, try again later"
        except Exception:
            log.exception("smtp store failed, answered 451 key=%s", inbound.key)
            return "451 4.3.0 Temporary failure storing the message, try again later"
        log.info(
            "smtp message %s key=%s size=%s peer=%s",
            outcome.value,
            inbound.key,
            len(raw),
            _peer(session),
        )
        if outcome is StoreOutcome.STORED and self.on_stored is not None:
            try:
                self.on_stored(inbound)
            except Exception:
                log.exception("smtp on_stored callback failed key=%s", inbound.key)
        return "250 2.0.0 Message accepted"


def _peer(session: Session) -> str:
    peer: Any = session.peer
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return str(peer)


class SmtpReceiver(ControlledSmtpServer):
    """Runs `SmtpInHandler` on host:port (aiosmtpd's Controller, in its own thread).

    ``start()``/``stop()`` block briefly; from asyncio use ``async with``, which runs
    them in a worker thread.
    """

    def __init__(
        self,
        host: str,
        port: int,
        sink: InboundSink,
        clock: Callable[[], datetime] = _utc_now,
        *,
        max_size: int = DEFAULT_MAX_SIZE,
        accept: Iterable[str] | None = None,
        on_stored: Callable[[InboundEnvelope], None] | None = None,
        hostname: str | None = None,
    ) -> None:
        self.label = "smtp receiver"
        self.handler = SmtpInHandler(
            sink, clock=clock, max_size=max_size, accept=accept, on_stored=on_stored
        )
        super().__init__(self.handler, host, port, max_size=max_size, server_hostname=hostname)
