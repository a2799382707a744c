"""The built-in sent-mail sink: every message the service "sends" lands in a Maildir.

Used when PRIVACYBOT_SMTP_URL is unset. `MaildirSmtpServer` is a loopback SMTP server,
so the sender talks real SMTP to it exactly as it would to a production relay, and only
the far end differs. Delivery follows the Maildir rules: write under ``tmp/``, fsync,
then rename into ``new/`` (atomic), so a reader never sees half a message.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import mailbox
import os
import socket
import time
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session

from privacybot.smtpd import ControlledSmtpServer

__all__ = ["MaildirSink", "MaildirSmtpServer"]

log = logging.getLogger(__name__)

_counter = itertools.count()


class MaildirSink:
    """Writes raw messages into the Maildir at `path` (created with tmp/new/cur)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        # The stdlib creates the tmp/new/cur layout and is what readers use.
        self.maildir = mailbox.Maildir(self.path, create=True)

    def deliver(self, raw: bytes) -> str:
        """Store `raw` durably and return its Maildir file name (unique, in new/)."""
        name = _unique_name()
        tmp_path = self.path / "tmp" / name
        new_path = self.path / "new" / name
        fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.rename(tmp_path, new_path)
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        _fsync_dir(self.path / "new")
        log.info("maildir delivered name=%s size=%s", name, len(raw))
        return name

    def messages(self) -> list[bytes]:
        """Every message in the Maildir, oldest first by delivery name (for tests and demo)."""
        return [self.maildir.get_bytes(key) for key in sorted(self.maildir.keys())]


def _unique_name() -> str:
    """A Maildir name: seconds.M<micro>P<pid>Q<n>.<host>, unique per host and process."""
    now = time.time()
    host = socket.gethostname().replace("/", "\\057").replace(":", "\\072")
    return f"{int(now)}.M{int(now % 1 * 1_000_000)}P{os.getpid()}Q{next(_counter)}.{host}"


def _fsync_dir(path: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _DeliverHandler:
    """aiosmtpd handler: 250 only once the message is on disk."""

    def __init__(self, sink: MaildirSink) -> None:
        self.sink = sink

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        raw = envelope.original_content or b""
        trace = (
            f"Return-Path: <{envelope.mail_from or ''}>\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8", "surrogateescape")
        try:
            await asyncio.to_thread(self.sink.deliver, trace + raw)
        except OSError:
            log.exception("maildir delivery failed")
            return "451 4.3.0 Could not write the message, try again later"
        return "250 2.0.0 Message accepted"


class MaildirSmtpServer(ControlledSmtpServer):
    """A loopback SMTP server that delivers every accepted message into a Maildir.

    Each message gets ``Return-Path`` and ``X-Envelope-To`` lines prepended, as a local
    delivery agent would, so tests can see the envelope recipients (e.g. of the digest).
    """

    def __init__(
        self, host: str, port: int, path: str | os.PathLike[str], *, max_size: int = 50 << 20
    ) -> None:
        self.label = "maildir smtp sink"
        self.sink = MaildirSink(path)
        super().__init__(_DeliverHandler(self.sink), host, port, max_size=max_size)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"
