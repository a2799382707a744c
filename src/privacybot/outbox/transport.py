"""Hand one built message to an SMTP relay, and say how a failure should be treated.

``TransportError(message, permanent=…)`` follows healthchecks' transports: a 5xx reply
to MAIL/RCPT/DATA is permanent (retrying cannot help; staff must look), everything
else — 4xx, refused or dropped connections, timeouts, TLS or login trouble (a config
fault that would otherwise fail every queued letter at once) — is transient.

A third kind, ``in_doubt``, marks the one moment where we cannot know the outcome:
the final ``.`` of DATA was sent and no reply came back. Retrying that could send a
second copy, so the sender treats it like a crash (see ``store`` docstring). To keep
that moment inside our lease, ``send`` sends the final ``.`` only before ``deadline``
and only when ``before_final_dot`` (the sender's committed hand-over mark) says the
claim is still ours; otherwise the connection is closed mid-DATA, which makes the
relay drop the transaction (RFC 5321 §4.1.1.4), and the error is an ordinary
transient one.

Smtplib is blocking; the sender runs ``send`` in a thread. Passwords never appear in
reprs, errors or logs.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from privacybot.config import Secret

DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
_ADDRESS_RE = re.compile(r"[^\s<>()\[\]@\"',;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_LINE_END_RE = re.compile(rb"\r\n|\r|\n")
_LEADING_DOT_RE = re.compile(rb"^\.", re.MULTILINE)


def redact_addresses(text: str) -> str:
    """Replace anything that looks like an email address (relays quote recipients)."""
    return _ADDRESS_RE.sub("<address>", text)


class TransportError(Exception):
    """A send failed; ``permanent`` says whether retrying is pointless.

    ``in_doubt`` is set when the failure came after the message was handed over in
    full, so the relay may have it: the caller must not simply retry.
    """

    def __init__(self, message: str, permanent: bool = False, *, in_doubt: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.in_doubt = in_doubt


class ClaimLost(TransportError):
    """The hand-over check said the message is no longer ours: nothing to record."""


class Transport(Protocol):
    """What the sender needs from a relay; tests and other channels may provide their own."""

    timeout: float

    def send(
        self,
        raw: bytes,
        mail_from: str,
        rcpt: str,
        *,
        deadline: float | None = None,
        before_final_dot: Callable[[], bool] | None = None,
    ) -> None: ...


def _reply_error(
    stage: str, code: int, resp: bytes | str, *, in_doubt: bool = False
) -> TransportError:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else resp
    text = " ".join(text.split())
    return TransportError(f"{stage}: {code} {text}", permanent=500 <= code < 600, in_doubt=in_doubt)


def _wire(raw: bytes) -> bytes:
    """CRLF line ends and dot-stuffing (RFC 5321 §4.5.2), ending in CRLF, without the final dot."""
    data = _LINE_END_RE.sub(b"\r\n", raw)
    data = _LEADING_DOT_RE.sub(b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data


class SmtpTransport:
    """An SMTP relay given as ``smtp://``, ``smtp+starttls://user:pass@`` or ``smtps://`` URL.

    One connection per message: simple, and an in-doubt failure then concerns one
    message only. Credentials in the URL are percent-decoded (``%40`` for ``@``).
    """

    def __init__(
        self,
        url: str,
        timeout: float = 30,
        *,
        ssl_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
    ) -> None:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise ValueError(f"malformed SMTP URL: {exc}") from None
        if parts.scheme not in DEFAULT_PORTS:
            raise ValueError(
                f"SMTP URL scheme {parts.scheme!r} not supported (smtp, smtp+starttls, smtps)"
            )
        if not parts.hostname:
            raise ValueError("SMTP URL has no host")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = port or DEFAULT_PORTS[parts.scheme]
        self.username = unquote(parts.username) if parts.username else None
        self._password = Secret(unquote(parts.password)) if parts.password is not None else None
        self.timeout = float(timeout)
        self.ssl_context = ssl_context
        self.local_hostname = local_hostname

    def __repr__(self) -> str:
        user = f"{self.username}:***@" if self.username else ""
        return f"SmtpTransport('{self.scheme}://{user}{self.host}:{self.port}')"

    def _context(self) -> ssl.SSLContext:
        return self.ssl_context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        try:
            if self.scheme == "smtps":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host,
                    self.port,
                    local_hostname=self.local_hostname,
                    timeout=self.timeout,
                    context=self._context(),
                )
            else:
                conn = smtplib.SMTP(
                    self.host, self.port, local_hostname=self.local_hostname, timeout=self.timeout
                )
        except smtplib.SMTPResponseException as exc:
            # A refusing greeting is the relay's state, not this message's fault.
            raise TransportError(
                f"greeting: {exc.smtp_code} {exc.smtp_error!r}", permanent=False
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TransportError(
                f"cannot connect to {self.host}:{self.port}: {exc}", permanent=False
            ) from None
        # The final dot goes in its own small write (after the deadline check); without
        # NODELAY, Nagle holds it for the peer's delayed ACK, ~40 ms per message.
        if conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn

    def _handshake(self, conn: smtplib.SMTP) -> None:
        """EHLO, STARTTLS, AUTH; failures here are relay or config trouble, hence transient."""
        try:
            conn.ehlo()
            if self.scheme == "smtp+starttls":
                conn.starttls(context=self._context())
                conn.ehlo()
            if self.username is not None and self._password is not None:
                conn.login(self.username, self._password.reveal())
        except smtplib.SMTPResponseException as exc:
            raise TransportError(
                f"session setup: {exc.smtp_code} (check relay URL, TLS and credentials)",
                permanent=False,
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise TransportError(f"session setup: {exc}", permanent=False) from None

    def send(
        self,
        raw: bytes,
        mail_from: str,
        rcpt: str,
        *,
        deadline: float | None = None,
        before_final_dot: Callable[[], bool] | None = None,
    ) -> None:
        """Deliver ``raw`` to one recipient; raises TransportError on any failure.

        ``deadline`` is a ``time.monotonic()`` instant after which the message must not
        be completed (the sender's lease): the final dot is then withheld. So is it
        when ``before_final_dot`` returns False or raises: it records the hand-over
        and says whether the message is still ours to complete.
        """
        conn = self._connect()
        handed_over = False
        ok = False
        try:
            self._handshake(conn)
            options: list[str] = []
            if not (mail_from.isascii() and rcpt.isascii()):
                if not conn.has_extn("smtputf8"):
                    raise TransportError("relay lacks SMTPUTF8 for a non-ASCII address", True)
                options.append("SMTPUTF8")
            code, resp = conn.mail(mail_from, options)
            if code != 250:
                raise _reply_error("MAIL FROM", code, resp)
            code, resp = conn.rcpt(rcpt)
            if code not in (250, 251):
                raise _reply_error("RCPT TO", code, resp)
            code, resp = conn.docmd("DATA")
            if code != 354:
                raise _reply_error("DATA", code, resp)
            conn.send(_wire(raw))
            if deadline is not None and time.monotonic() >= deadline:
                raise TransportError("lease ran out before the end of DATA; withdrawn", False)
            if before_final_dot is not None:
                try:
                    still_ours = before_final_dot()
                except Exception as exc:  # noqa: BLE001 - the dot stays unsent either way
                    raise TransportError(
                        f"could not record the hand-over, DATA withdrawn: {type(exc).__name__}",
                        False,
                    ) from None
                if not still_ours:
                    raise ClaimLost("the claim was lost before the end of DATA; withdrawn")
            handed_over = True
            conn.send(b".\r\n")
            code, resp = conn.getreply()
            if code != 250:
                # The relay answered: it did not take the message, so not in doubt.
                raise _reply_error("end of DATA", code, resp)
            ok = True
        except TransportError:
            raise
        except smtplib.SMTPResponseException as exc:
            raise _reply_error("SMTP", exc.smtp_code, exc.smtp_error) from None
        except (OSError, smtplib.SMTPException) as exc:
            stage = "after the end of DATA, outcome unknown" if handed_over else "connection lost"
            raise TransportError(f"{stage}: {exc}", permanent=False, in_doubt=handed_over) from None
        finally:
            if ok:
                try:
                    conn.quit()
                except (OSError, smtplib.SMTPException):
                    conn.close()
            else:
                conn.close()


class MaildirDeliveryCheck:
    """``was_delivered`` for the built-in sink: is a Message-ID in the Maildir's new/ or cur/?

    A message in tmp/ is not delivered yet. If the Maildir does not exist at all the
    answer is None (unknown), so a wrong path can never cause a resend. Parsed files
    are remembered by their unique base name (flags after ``:`` change on rename).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._seen: dict[str, str] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _normal(message_id: str) -> str:
        return "".join(message_id.split())

    def _message_id_of(self, file: Path) -> str:
        head = bytearray()
        with file.open("rb") as fh:
            for line in fh:
                if line in (b"\r\n", b"\n"):
                    break
                head += line
        headers = BytesHeaderParser(policy=compat32).parsebytes(bytes(head))
        return self._normal(str(headers.get("Message-ID", "")))

    def message_ids(self) -> list[str]:
        """Every Message-ID delivered so far (one entry per file, duplicates kept)."""
        with self._lock:
            present: set[str] = set()
            for sub in ("new", "cur"):
                folder = self.path / sub
                if not folder.is_dir():
                    continue
                for file in folder.iterdir():
                    key = file.name.split(":", 1)[0]
                    present.add(key)
                    if key not in self._seen:
                        try:
                            self._seen[key] = self._message_id_of(file)
                        except FileNotFoundError:  # moved new/ -> cur/ meanwhile
                            present.discard(key)
            return [mid for key, mid in self._seen.items() if key in present]

    def __call__(self, message_id: str) -> bool | None:
        if not (self.path / "new").is_dir():
            return None
        wanted = self._normal(message_id)
        if wanted in self.message_ids():
            return True
        # A file can move new/ -> cur/ between our two listings; look once more.
        return wanted in self.message_ids()
