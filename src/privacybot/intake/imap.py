"""The IMAP edge: watch one mailbox and hand every message to the inbound store.

imapclient is blocking, so the watcher runs in its own thread; `stop()` works from any
thread and returns within a few seconds because every wait is short (IDLE is checked
every `idle_check_interval` seconds, back-off waits on an Event).

The order of operations is the whole point (docs/design.md, Intake): a message is fetched with
``BODY.PEEK[]`` (so ``\\Seen`` is never touched and never relied on), committed through
`InboundSink.store`, and only then acknowledged on the server: a keyword is added
(default), or it is moved to `move_to`, or, on servers that keep no keywords, a UID
checkpoint is advanced. A crash in between means the message is seen again; the sink's
keys (``imap:<mailbox>:<uidvalidity>:<uid>`` and the Message-ID) make that harmless.
"""

from __future__ import annotations

import contextlib
import logging
import random
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError
from imapclient.imapclient import _parse_untagged_response

from privacybot.intake.base import InboundEnvelope, InboundSink, StoreOutcome, StoreUnavailable
from privacybot.intake.headers import message_id_of

__all__ = [
    "ImapSettings",
    "ImapWatcher",
    "MemoryCheckpoint",
    "UidCheckpoint",
    "parse_imap_url",
]

log = logging.getLogger(__name__)

TlsMode = Literal["imaps", "starttls-if-offered", "plain"]
_TLS_MODES: tuple[str, ...] = ("imaps", "starttls-if-offered", "plain")
_DELETED = b"\\Deleted"
#: Stored messages acknowledged with one command (keyword or move).
ACK_GROUP = 25


@dataclass(frozen=True)
class ImapSettings:
    """Where and how to watch. The password never appears in repr() or logs."""

    host: str
    port: int
    user: str
    password: str = field(repr=False)
    mailbox: str = "INBOX"
    tls_mode: TlsMode = "starttls-if-offered"
    keyword: str = "$PrivacybotStored"
    move_to: str | None = None
    poll_interval: float = 30.0
    # RFC 2177: re-issue IDLE at least every 29 minutes or the server may log us out.
    idle_renew: float = 25 * 60
    idle_check_interval: float = 1.0
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    batch_size: int = 100
    # Bigger messages are stored as their headers only, with `problem` set for staff.
    max_message_size: int = 50 * 1024 * 1024
    timeout: float = 60.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.tls_mode not in _TLS_MODES:
            raise ValueError(f"tls_mode must be one of {', '.join(_TLS_MODES)}")

    def describe(self) -> str:
        """host:port/mailbox for log lines (no credentials)."""
        return f"{self.host}:{self.port}/{self.mailbox}"


def parse_imap_url(url: str, **overrides: Any) -> ImapSettings:
    """``imap://user:pass@host:port/INBOX`` or ``imaps://…`` to settings.

    User, password and mailbox are percent-decoded. Optional query parameters:
    ``tls=plain|starttls-if-offered|imaps``, ``keyword=…``, ``move_to=…``. Error
    messages never quote the URL, because it holds the password.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ValueError("IMAP URL is malformed (check host and port)") from None
    scheme = parts.scheme.lower()
    if scheme not in ("imap", "imaps"):
        raise ValueError("IMAP URL must start with imap:// or imaps://")
    if not parts.hostname:
        raise ValueError("IMAP URL has no host")
    if parts.username is None or parts.password is None:
        raise ValueError("IMAP URL needs user and password (imap://user:pass@host/INBOX)")
    mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
    tls_mode: str = "imaps" if scheme == "imaps" else "starttls-if-offered"
    options: dict[str, Any] = {}
    for name, values in parse_qs(parts.query, keep_blank_values=True).items():
        value = values[-1]
        if name == "tls":
            if value not in _TLS_MODES:
                raise ValueError(f"IMAP URL tls= must be one of {', '.join(_TLS_MODES)}")
            tls_mode = value
        elif name == "keyword":
            options["keyword"] = value
        elif name == "move_to":
            options["move_to"] = value or None
        else:
            raise ValueError(f"IMAP URL has an unknown parameter {name!r}")
    default_port = 993 if tls_mode == "imaps" else 143
    settings = ImapSettings(
        host=parts.hostname,
        port=port or default_port,
        user=unquote(parts.username),
        password=unquote(parts.password),
        mailbox=mailbox,
        tls_mode=tls_mode,  # type: ignore[arg-type]
        **options,
    )
    return replace(settings, **overrides) if overrides else settings


class UidCheckpoint(Protocol):
    """Where the watcher remembers progress on servers that keep no keywords.

    `get_last_uid` returns the highest UID below which every message is committed
    (0 when unknown); `set_last_uid` is called only after the commit of that UID.
    """

    def get_last_uid(self, mailbox: str, uidvalidity: int) -> int: ...

    def set_last_uid(self, mailbox: str, uidvalidity: int, uid: int) -> None: ...


class MemoryCheckpoint:
    """A checkpoint that lasts as long as the process; `has_key` covers restarts."""

    def __init__(self) -> None:
        self._uids: dict[tuple[str, int], int] = {}

    def get_last_uid(self, mailbox: str, uidvalidity: int) -> int:
        return self._uids.get((mailbox, uidvalidity), 0)

    def set_last_uid(self, mailbox: str, uidvalidity: int, uid: int) -> None:
        self._uids[(mailbox, uidvalidity)] = uid


class _Stopped(Exception):
    """stop() was called: unwind the session quietly."""


class _Reselect(Exception):
    """The mailbox changed identity (UIDVALIDITY) or vanished: start a new session."""


class _MailboxMissing(Exception):
    """SELECT or STATUS says the mailbox does not exist."""


class _ConnectionClosed(Exception):
    """The server went away while we were idling."""


class _Backoff:
    """Capped exponential back-off with jitter: about 1, 2, 4 … `maximum` seconds."""

    def __init__(self, initial: float, maximum: float) -> None:
        self.initial = initial
        self.maximum = maximum
        self.attempt = 0

    def next_delay(self) -> float:
        delay = min(self.maximum, self.initial * (2**self.attempt))
        self.attempt = min(self.attempt + 1, 32)
        return random.uniform(delay / 2, delay)

    def reset(self) -> None:
        self.attempt = 0


@dataclass
class _Selected:
    """What SELECT told us about the mailbox for this session."""

    uidvalidity: int
    mode: Literal["keyword", "move", "checkpoint"]
    idle: bool
    move: bool
    uidplus: bool


class ImapWatcher:
    """Watches one mailbox in a thread and stores what arrives; see the module docstring.

    `on_stored` is called (in the watcher thread) after each newly stored message so the
    service can wake its triage worker at once. `clock` gives the fallback receive time
    when a server sends no INTERNALDATE.
    """

    def __init__(
        self,
        settings: ImapSettings,
        sink: InboundSink,
        *,
        checkpoint: UidCheckpoint | None = None,
        on_stored: Callable[[InboundEnvelope], None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self.sink = sink
        self.checkpoint: UidCheckpoint = checkpoint or MemoryCheckpoint()
        self.on_stored = on_stored
        self.clock = clock or (lambda: datetime.now(UTC))
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = "new"
        self._status_changed = threading.Condition()
        self._uidvalidity: int | None = None
        self._client: IMAPClient | None = None
        # Sessions that ended in an error and were retried after a back-off (for health
        # checks and tests: on a healthy connection it stays 0).
        self.reconnects = 0

    # -- control, from any thread -------------------------------------------------

    def start(self) -> None:
        """Run the watcher in a daemon thread."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("IMAP watcher already running")
        self._stop.clear()
        _quiet_protocol_logs()
        self._thread = threading.Thread(
            target=self.run, name=f"imap-watcher {self.settings.mailbox}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the thread to finish and wait for it; True when it has ended.

        If the thread is stuck in a blocking read (a slow LOGIN, a big FETCH), the
        socket is shut down under it after a short grace period: the session then
        fails with EOF and the loop sees the stop request.
        """
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        deadline = time.monotonic() + timeout
        thread.join(min(timeout, max(1.0, 2 * self.settings.idle_check_interval)))
        client = self._client
        if thread.is_alive() and client is not None:
            with contextlib.suppress(OSError):
                client.socket().shutdown(socket.SHUT_RDWR)
        thread.join(max(0.0, deadline - time.monotonic()))
        return not thread.is_alive()

    def wake(self) -> None:
        """Look for new mail now (e.g. after `privacybot demo` appended some)."""
        self._wake.set()

    @property
    def status(self) -> str:
        """new, connecting, catching-up, idle, polling, store-unavailable, backoff, stopped."""
        return self._status

    def wait_for_status(self, *statuses: str, timeout: float = 10.0) -> bool:
        """Block until the watcher reaches one of `statuses` (for tests and health)."""
        with self._status_changed:
            return self._status_changed.wait_for(lambda: self._status in statuses, timeout)

    def _set_status(self, status: str) -> None:
        with self._status_changed:
            self._status = status
            self._status_changed.notify_all()

    # -- the loop -------------------------------------------------------------------

    def run(self) -> None:
        """The thread body: sessions, separated by back-off; never raises."""
        backoff = _Backoff(self.settings.backoff_initial, self.settings.backoff_max)
        where = self.settings.describe()
        while not self._stop.is_set():
            try:
                self._session(backoff)
            except _Stopped:
                break
            except _Reselect as exc:
                log.warning("imap re-selecting mailbox %s: %s", where, exc)
            except LoginError as exc:
                log.error(
                    "imap login failed for user %s at %s: %s",
                    self.settings.user,
                    where,
                    _short(exc),
                )
            except _MailboxMissing as exc:
                log.error("imap mailbox missing %s: %s", where, _short(exc))
            except (_ConnectionClosed, IMAPClientAbortError, OSError) as exc:
                log.warning("imap connection to %s lost: %s", where, _short(exc))
            except IMAPClientError as exc:
                log.warning("imap error on %s: %s", where, _short(exc))
            except Exception:
                log.exception("imap watcher error on %s", where)
            if self._stop.is_set():
                break
            delay = backoff.next_delay()
            self.reconnects += 1
            self._set_status("backoff")
            log.info("imap reconnecting to %s in %.1fs", where, delay)
            self._stop.wait(delay)
        self._set_status("stopped")

    def _session(self, backoff: _Backoff) -> None:
        """One connection: login, select, catch up, then IDLE (or poll) until it breaks."""
        self._set_status("connecting")
        client = self._connect()
        self._client = client
        try:
            client.login(self.settings.user, self.settings.password)
            client.normalise_times = False  # aware INTERNALDATEs, converted to UTC below
            sel = self._select(client)
            self._catch_up_until_stored(client, sel)
            backoff.reset()
            while True:
                self._check_stop()
                if sel.idle:
                    self._idle_once(client)
                else:
                    self._poll_once(client)
                self._check_mailbox(client, sel)
                self._catch_up_until_stored(client, sel)
        finally:
            self._client = None
            self._close(client)

    def _connect(self) -> IMAPClient:
        s = self.settings
        # A short connect timeout keeps stop() prompt when the host blackholes us.
        timeout = SocketTimeout(connect=min(10.0, s.timeout), read=s.timeout)
        if s.tls_mode == "imaps":
            return IMAPClient(
                s.host, port=s.port, ssl=True, ssl_context=s.ssl_context, timeout=timeout
            )
        client = IMAPClient(s.host, port=s.port, ssl=False, timeout=timeout)
        if s.tls_mode == "starttls-if-offered" and client.has_capability("STARTTLS"):
            client.starttls(s.ssl_context or ssl.create_default_context())
        return client

    def _close(self, client: IMAPClient) -> None:
        try:
            client.logout()
        except Exception:
            try:
                client.shutdown()
            except Exception:
                log.debug("imap socket already closed")

    def _select(self, client: IMAPClient) -> _Selected:
        s = self.settings
        try:
            info = client.select_folder(s.mailbox)
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            raise _MailboxMissing(_short(exc)) from exc
        uidvalidity = int(info[b"UIDVALIDITY"])
        if self._uidvalidity is not None and uidvalidity != self._uidvalidity:
            log.warning(
                "imap uidvalidity of %s changed from %s to %s: re-scanning the mailbox",
                s.describe(),
                self._uidvalidity,
                uidvalidity,
            )
        self._uidvalidity = uidvalidity
        permanent = {bytes(flag).lower() for flag in info.get(b"PERMANENTFLAGS", ())}
        writable = b"READ-ONLY" not in info
        keywords = writable and (b"\\*" in permanent or s.keyword.encode().lower() in permanent)
        move_ok = client.has_capability("MOVE")
        if s.move_to:
            mode: Literal["keyword", "move", "checkpoint"] = "move"
            if not client.folder_exists(s.move_to):
                client.create_folder(s.move_to)
        elif keywords:
            mode = "keyword"
        else:
            mode = "checkpoint"
        sel = _Selected(
            uidvalidity=uidvalidity,
            mode=mode,
            idle=client.has_capability("IDLE"),
            move=move_ok,
            uidplus=client.has_capability("UIDPLUS"),
        )
        log.info(
            "imap watching %s uidvalidity=%s mode=%s idle=%s",
            s.describe(),
            uidvalidity,
            mode,
            sel.idle,
        )
        return sel

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise _Stopped()

    def _check_mailbox(self, client: IMAPClient, sel: _Selected) -> None:
        """Notice a mailbox deleted or re-created under us (some servers stay silent)."""
        try:
            status = client.folder_status(self.settings.mailbox, [b"UIDVALIDITY"])
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            raise _MailboxMissing(_short(exc)) from exc
        current = int(status.get(b"UIDVALIDITY", sel.uidvalidity))
        if current != sel.uidvalidity:
            raise _Reselect(f"uidvalidity changed from {sel.uidvalidity} to {current}")

    # -- waiting for news ----------------------------------------------------------

    def _idle_once(self, client: IMAPClient) -> None:
        """IDLE until the server reports new mail, the renew time, a wake() or stop().

        imapclient's ``idle_check`` is not used: it reads on a non-blocking socket, so a
        response line that arrives in two TCP segments fails with "unterminated line"
        (mjs/imapclient#519) and would cost a reconnect. Instead the socket is waited on
        for at most `idle_check_interval` (so stop() is seen promptly), and each line is
        then read whole, blocking with the session's read timeout.
        """
        self._set_status("idle")
        self._wake.clear()
        client.idle()
        deadline = time.monotonic() + self.settings.idle_renew
        sock = client.socket()
        # _stop is checked too: a stop() racing with the clear above is not lost.
        while time.monotonic() < deadline and not (self._wake.is_set() or self._stop.is_set()):
            # Bytes already read off the socket (e.g. sent with the "+ idling"
            # continuation) are invisible to select(): look in the buffers first.
            if not _input_buffered(client, sock):
                readable, _, _ = select.select([sock], [], [], self.settings.idle_check_interval)
                if not readable:
                    continue
            response = _read_idle_response(client)
            if _announces_bye([response]):
                raise _ConnectionClosed(f"server said BYE: {_bye_text([response])}")
            if _announces_mail([response]):
                break
        client.idle_done()
        self._check_stop()

    def _poll_once(self, client: IMAPClient) -> None:
        """Without IDLE: wait `poll_interval` (or a wake/stop), then NOOP."""
        self._set_status("polling")
        self._wake.clear()
        self._check_stop()  # after the clear: a stop() that raced with it is seen here
        self._wake.wait(self.settings.poll_interval)
        self._check_stop()
        client.noop()

    # -- catching up ---------------------------------------------------------------

    def _catch_up_until_stored(self, client: IMAPClient, sel: _Selected) -> None:
        """Catch up; while the store is down, wait with back-off and retry (no ack)."""
        backoff = _Backoff(self.settings.backoff_initial, self.settings.backoff_max)
        while True:
            try:
                self._catch_up(client, sel)
                return
            except StoreUnavailable as exc:
                delay = backoff.next_delay()
                log.warning(
                    "imap store unavailable, nothing acknowledged on %s; retrying in %.1fs: %s",
                    self.settings.describe(),
                    delay,
                    _short(exc),
                )
                self._set_status("store-unavailable")
                self._stop.wait(delay)
                self._check_stop()
                client.noop()  # keep the session alive and collect news

    def _catch_up(self, client: IMAPClient, sel: _Selected) -> None:
        """Store every unacknowledged message, oldest UID first, until a search finds none.

        Searching again after each pass catches mail that arrived meanwhile: the
        server may announce it (EXISTS) in the reply to any command, even in the reply
        to a SEARCH whose result predates it (pymap does that).
        """
        self._set_status("catching-up")
        handled: set[int] = set()
        while True:
            self._check_stop()
            _take_announcements(client)
            uids = [uid for uid in self._pending_uids(client, sel) if uid not in handled]
            if not uids:
                if _take_announcements(client):
                    continue  # the reply to that SEARCH announced mail it did not list
                return
            blocked = False  # checkpoint mode: a failed UID holds the checkpoint back
            for batch in _chunks(uids, self.settings.batch_size):
                self._check_stop()
                sizes = self._sizes(client, batch)
                # Acknowledged in groups, one command each, but only ever after the
                # store committed: a crash in between leaves committed messages
                # unflagged, which the next pass recognises by key (has_key).
                stored: list[int] = []
                try:
                    for uid in batch:
                        self._check_stop()
                        handled.add(uid)
                        done = self._process(client, sel, uid, sizes.get(uid))
                        if done:
                            stored.append(uid)
                        if sel.mode == "checkpoint":
                            if not done:
                                blocked = True
                            elif not blocked:
                                self.checkpoint.set_last_uid(
                                    self.settings.mailbox, sel.uidvalidity, uid
                                )
                        if len(stored) >= ACK_GROUP:
                            self._acknowledge(client, sel, stored)
                            stored = []
                finally:
                    if stored:
                        self._acknowledge(client, sel, stored)

    def _pending_uids(self, client: IMAPClient, sel: _Selected) -> list[int]:
        if sel.mode == "keyword":
            uids = client.search(["UNKEYWORD", self.settings.keyword])
        elif sel.mode == "move":
            uids = client.search(["ALL"])
        else:
            last = self.checkpoint.get_last_uid(self.settings.mailbox, sel.uidvalidity)
            # "N:*" always matches the highest UID, even below N: filter it out.
            uids = [uid for uid in client.search(["UID", f"{last + 1}:*"]) if uid > last]
        return sorted(int(uid) for uid in uids)

    def _sizes(self, client: IMAPClient, uids: list[int]) -> dict[int, int]:
        """RFC822.SIZE for a batch in one round trip; empty when the server balks."""
        try:
            data = client.fetch(uids, [b"RFC822.SIZE"])
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            log.warning("imap size fetch failed on %s: %s", self.settings.describe(), _short(exc))
            return {}
        return {
            int(uid): int(item[b"RFC822.SIZE"])
            for uid, item in data.items()
            if b"RFC822.SIZE" in item
        }

    def _key(self, sel: _Selected, uid: int) -> str:
        return f"imap:{self.settings.mailbox}:{sel.uidvalidity}:{uid}"

    def _process(self, client: IMAPClient, sel: _Selected, uid: int, size: int | None) -> bool:
        """Store one message; True when it is committed (now or before) and may be acknowledged.

        StoreUnavailable propagates (nothing after it can be stored either); any other
        failure is logged with the UID and leaves this message for the next pass.
        """
        key = self._key(sel, uid)
        where = self.settings.describe()
        if self._has_key(key):
            log.debug("imap message already stored %s uid=%s", where, uid)
            return True
        fetched = self._fetch(client, uid, size)
        if fetched is None:
            return False
        raw, received, problem = fetched
        envelope = InboundEnvelope(
            channel="email",
            source="imap",
            key=key,
            raw=raw,
            received=received,
            message_id=message_id_of(raw),
            problem=problem,
        )
        try:
            outcome = self.sink.store(envelope)
        except StoreUnavailable:
            raise
        except Exception:
            log.exception("imap store failed, not acknowledged: %s uid=%s", where, uid)
            return False
        log.info(
            "imap message %s %s uid=%s size=%s%s",
            outcome.value,
            where,
            uid,
            len(raw),
            f" problem={problem!r}" if problem else "",
        )
        if outcome is StoreOutcome.STORED and self.on_stored is not None:
            try:
                self.on_stored(envelope)
            except Exception:
                log.exception("imap on_stored callback failed %s uid=%s", where, uid)
        return True

    def _has_key(self, key: str) -> bool:
        try:
            return self.sink.has_key(key)
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"has_key failed: {_short(exc)}") from exc

    def _fetch(
        self, client: IMAPClient, uid: int, size: int | None
    ) -> tuple[bytes, datetime, str | None] | None:
        """Raw bytes, receive time and a problem note; None when nothing could be read."""
        where = self.settings.describe()
        problem: str | None = None
        if size is not None and size > self.settings.max_message_size:
            problem = (
                f"message of {size} bytes exceeds the limit of "
                f"{self.settings.max_message_size}: only the headers were stored"
            )
            parts = [b"BODY.PEEK[HEADER]", b"INTERNALDATE"]
        else:
            parts = [b"BODY.PEEK[]", b"INTERNALDATE"]
        try:
            item = client.fetch([uid], parts).get(uid)
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            log.warning("imap fetch failed %s uid=%s: %s", where, uid, _short(exc))
            item = self._fetch_headers_only(client, uid)
            problem = f"the server would not return the message body: {_short(exc)}"
        if item is None:
            log.warning("imap message vanished or unreadable %s uid=%s: skipped", where, uid)
            return None
        raw = item.get(b"BODY[]")
        if raw is None:
            raw = item.get(b"BODY[HEADER]")
        if raw is None:
            log.error("imap fetch returned no bytes %s uid=%s: not acknowledged", where, uid)
            return None
        raw = bytes(raw)
        if not raw and problem is None:
            problem = "empty message"
        received = item.get(b"INTERNALDATE")
        if isinstance(received, datetime) and received.tzinfo is not None:
            received = received.astimezone(UTC)
        elif isinstance(received, datetime):
            received = received.replace(tzinfo=UTC)
        else:
            received = self.clock()
        return raw, received, problem

    def _fetch_headers_only(self, client: IMAPClient, uid: int) -> dict[bytes, Any] | None:
        try:
            item: dict[bytes, Any] | None = client.fetch([uid], [b"BODY.PEEK[HEADER]"]).get(uid)
            return item
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            log.error(
                "imap header fetch failed too %s uid=%s: %s",
                self.settings.describe(),
                uid,
                _short(exc),
            )
            return None

    def _acknowledge(self, client: IMAPClient, sel: _Selected, uids: list[int]) -> None:
        """Tell the server we have these; called only after their store returned."""
        if sel.mode == "keyword":
            client.add_flags(uids, [self.settings.keyword.encode()], silent=True)
        elif sel.mode == "move":
            target = self.settings.move_to
            assert target is not None
            if sel.move:
                client.move(uids, target)
            else:
                client.copy(uids, target)
                client.add_flags(uids, [_DELETED], silent=True)
                if sel.uidplus:
                    client.uid_expunge(uids)
                else:
                    client.expunge()
        # checkpoint mode: _catch_up advances the checkpoint in UID order.


def _quiet_protocol_logs() -> None:
    """imapclient logs raw traffic at DEBUG, message bodies included: cap it at INFO.

    Only when nobody configured that logger explicitly, so an operator can still opt in.
    """
    logger = logging.getLogger("imapclient")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)


def _take_announcements(client: IMAPClient) -> bool:
    """Pop EXISTS/RECENT that arrived with other replies; True if there were any.

    imaplib files unsolicited responses in `untagged_responses` and imapclient has no
    public accessor for them, hence the private attribute.
    """
    untagged = getattr(getattr(client, "_imap", None), "untagged_responses", None)
    if not isinstance(untagged, dict):
        return False
    found = False
    for name in ("EXISTS", "RECENT"):
        if untagged.pop(name, None):
            found = True
    return found


def _input_buffered(client: IMAPClient, sock: Any) -> bool:
    """True if bytes of a response already wait in a buffer, where select() cannot see them.

    That is imaplib's read buffer (a BufferedReader over the socket; its own list of
    chunks since Python 3.14) or, for TLS, decrypted bytes held by the SSL object. The
    BufferedReader is peeked with the socket briefly non-blocking, so this never waits.
    """
    if isinstance(sock, ssl.SSLSocket) and sock.pending() > 0:
        return True
    imap = client._imap
    readbuf = getattr(imap, "_readbuf", None)
    if isinstance(readbuf, list):
        return any(readbuf)
    peek = getattr(vars(imap).get("file"), "peek", None)
    if peek is None:
        return False
    timeout = sock.gettimeout()
    sock.setblocking(False)
    try:
        # Returns the buffered bytes; only when there are none does it try one raw read,
        # which on a non-blocking socket returns what has arrived (or nothing).
        return bool(peek(1))
    except (BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
        return False
    finally:
        sock.settimeout(timeout)


def _read_idle_response(client: IMAPClient) -> tuple[Any, ...]:
    """Read one whole IDLE response line (blocking, with the read timeout) and parse it.

    Uses imaplib's line reader and imapclient's parser for untagged responses, the two
    pieces ``idle_check`` is made of, but leaves the socket blocking so that a line split
    across TCP segments is simply waited for.
    """
    try:
        line = client._imap._get_line()
    except IMAPClientAbortError as exc:
        if "EOF" in str(exc):
            raise _ConnectionClosed("connection closed by the server while idling") from exc
        raise
    response: tuple[Any, ...] = tuple(_parse_untagged_response(line))
    return response


def _announces_mail(responses: Iterable[tuple[Any, ...]]) -> bool:
    return any(len(r) >= 2 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


def _announces_bye(responses: Iterable[tuple[Any, ...]]) -> bool:
    return any(r and r[0] == b"BYE" for r in responses)


def _bye_text(responses: Iterable[tuple[Any, ...]]) -> str:
    for r in responses:
        if r and r[0] == b"BYE":
            return " ".join(
                x.decode("utf-8", "replace") if isinstance(x, bytes) else str(x) for x in r[1:]
            )
    return ""


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + size]


def _short(exc: BaseException) -> str:
    """An exception as one short log-safe line (server text, never our secrets)."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, socket.timeout):
        text = "timed out"
    return " ".join(text.split())[:300]
