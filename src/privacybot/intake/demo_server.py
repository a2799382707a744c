"""The built-in mailbox: pymap's in-memory IMAP server, embedded, with one empty INBOX.

Used when PRIVACYBOT_IMAP_URL is unset (and by the tests), so that the service always
reads mail through the same IMAP watcher as in production. Nothing persists: a restart
gives an empty INBOX with a new UIDVALIDITY, which the watcher handles like any server.

Two deviations from stock ``pymap dict``, both without patching pymap:
- the mailboxes accept keywords (PERMANENTFLAGS includes ``\\*``); the stock dict
  backend only keeps system flags, which would push the watcher onto its UID-checkpoint
  fallback. ``keywords=False`` gives the stock behaviour, for tests of that fallback;
- ``idle=False`` hides the IDLE capability, for tests of the polling fallback.
The INBOX starts empty because the demo sample data is simply not loaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from argparse import Namespace
from collections.abc import Iterable
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from imapclient import IMAPClient
from proxyprotocol.reader import ProxyProtocolReader
from proxyprotocol.sock import SocketInfo
from pymap.backend.dict import Config as DictConfig
from pymap.backend.dict import DictBackend, Login
from pymap.backend.dict.filter import FilterSet
from pymap.backend.dict.mailbox import MailboxData, MailboxSet
from pymap.concurrent import Event, Subsystem
from pymap.config import BackendCapability
from pymap.imap import IMAPServer
from pymap.parsing.specials.flag import Flag, Wildcard
from pymap.parsing.specials.objectid import ObjectId
from pymap.selected import SelectedMailbox
from pymap.user import Passwords, UserMetadata
from pysasl.hashing import BuiltinHash

__all__ = ["DemoImapServer", "BackgroundDemoImapServer", "append_messages"]

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 1143
DEMO_USER = "privacy"
DEMO_PASSWORD = "privacy"


class _KeywordMailboxData(MailboxData):
    """A dict-backend mailbox that behaves like a real server in two details.

    It keeps any keyword, and IDLE reports changes that happened since the client's
    last command at once; stock pymap waits for the *next* change, so mail appended
    between a client's SEARCH and its IDLE would go unannounced.
    """

    @property
    def permanent_flags(self) -> frozenset[Flag]:
        return super().permanent_flags | {Wildcard}

    async def update_selected(
        self, selected: SelectedMailbox, *, wait_on: Event | None = None
    ) -> SelectedMailbox:
        known = selected.mod_sequence
        if wait_on is not None and known is not None and known != self._mod_sequences.highest:
            wait_on = None  # news is already waiting: report it without blocking
        return await super().update_selected(selected, wait_on=wait_on)


class _KeywordMailboxSet(MailboxSet):
    """A dict-backend mailbox set whose INBOX and new folders keep keywords."""

    def __init__(self) -> None:
        super().__init__()
        self._inbox = _KeywordMailboxData(self._content_cache, self._thread_cache)

    async def add_mailbox(self, name: str) -> ObjectId:
        async with self._set_lock.read_lock():
            if name in self._set:
                raise ValueError(name)
        async with self._set_lock.write_lock():
            self._set[name] = mbx = _KeywordMailboxData(self._content_cache, self._thread_cache)
            return mbx.mailbox_id

    async def rename_mailbox(self, before: str, after: str) -> None:
        # Renaming INBOX leaves a new, empty INBOX behind: make that one keep keywords too.
        await super().rename_mailbox(before, after)
        if before.upper() == "INBOX":
            async with self._set_lock.write_lock():
                self._inbox = _KeywordMailboxData(self._content_cache, self._thread_cache)


class _DemoConfig(DictConfig):
    """The dict config with a switchable IDLE and a greeting that needs no DNS."""

    def __init__(self, args: Namespace, *, idle: bool, **kwargs: Any) -> None:
        super().__init__(args, **kwargs)
        self._idle = idle

    @property
    def backend_capability(self) -> BackendCapability:
        return BackendCapability(idle=self._idle, object_id=True, multi_append=True)

    @property
    def greeting(self) -> bytes:
        # pymap's default calls socket.getfqdn() per connection, slow without DNS.
        return b"privacybot demo mailbox ready"


class DemoImapServer:
    """pymap on the running asyncio loop: ``async with DemoImapServer() as srv: ...``.

    `port=0` picks a free port; read the bound one from `srv.port` after start.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        *,
        user: str = DEMO_USER,
        password: str = DEMO_PASSWORD,
        idle: bool = True,
        keywords: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.idle = idle
        self.keywords = keywords
        self._server: asyncio.AbstractServer | None = None
        self._connections: dict[asyncio.Task[Any], asyncio.StreamWriter] = {}

    async def start(self) -> None:
        """Build a fresh in-memory backend and listen; every start begins empty."""
        if self._server is not None:
            raise RuntimeError("demo IMAP server already started")
        pymap_log = logging.getLogger("pymap")
        if pymap_log.level == logging.NOTSET:
            # pymap logs every protocol line at DEBUG: passwords and bodies included.
            pymap_log.setLevel(logging.INFO)
        args = Namespace(passlib_cfg=None, proxy_protocol=None)
        config = _DemoConfig(
            args,
            idle=self.idle,
            host=self.host,
            port=self.port,
            demo_data=False,
            demo_user=self.user,
            demo_password=self.password,
            tls_enabled=False,  # loopback demo: LOGIN without STARTTLS
            hash_context=BuiltinHash(rounds=1000),  # the demo password is public anyway
            cpu_subsystem=Subsystem.for_asyncio(),
            invalid_user_sleep=0.0,
        )
        login = Login(config)
        hashed = await Passwords(config).hash_password(self.password)
        await login.demo_user_identity.set(UserMetadata(config, self.user, password=hashed))
        if self.keywords:
            # pymap creates a user's mailboxes on first login unless they are cached.
            config.set_cache[self.user] = (_KeywordMailboxSet(), FilterSet())
        backend = DictBackend(login, config)
        config.apply_context()
        imap = IMAPServer(backend.login, config)
        callback = ProxyProtocolReader(config.proxy_protocol).get_callback(self._tracked(imap))
        self._server = await asyncio.start_server(callback, host=self.host, port=self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("demo imap server listening host=%s port=%s", self.host, self.port)

    def _tracked(self, imap: IMAPServer) -> Any:
        """Wrap pymap's connection handler so stop() can cut live sessions."""

        async def handle(
            reader: asyncio.StreamReader, writer: asyncio.StreamWriter, info: SocketInfo
        ) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._connections[task] = writer
            try:
                await imap(reader, writer, info)
            except (ConnectionError, asyncio.IncompleteReadError):
                pass
            finally:
                self._connections.pop(task, None)

        return handle

    async def stop(self) -> None:
        """Stop listening and drop every client, like a server going down."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        tasks = list(self._connections)
        for task, writer in list(self._connections.items()):
            writer.close()
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
        await server.wait_closed()
        log.info("demo imap server stopped host=%s port=%s", self.host, self.port)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


class BackgroundDemoImapServer:
    """The demo server on its own loop in a daemon thread, for synchronous callers.

    Tests and the ``privacybot demo`` path use this so that blocking IMAP clients in
    the caller's thread never starve the server's event loop.
    """

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, **kwargs: Any) -> None:
        self.server = DemoImapServer(host, port, **kwargs)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def port(self) -> int:
        return self.server.port

    def start(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="demo-imap", daemon=True)
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), loop).result(timeout=10)

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self.server.stop(), loop).result(timeout=10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()
            self._loop = self._thread = None

    def restart(self) -> None:
        """Stop and start on the same port: clients are cut and the INBOX is new."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("demo IMAP server not running")
        asyncio.run_coroutine_threadsafe(self.server.stop(), loop).result(timeout=10)
        asyncio.run_coroutine_threadsafe(self.server.start(), loop).result(timeout=10)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def append_messages(
    host: str,
    port: int,
    user: str,
    password: str,
    raws: Iterable[bytes],
    *,
    mailbox: str = "INBOX",
    flags: Iterable[bytes | str] = (),
    msg_time: datetime | None = None,
    ssl: bool = False,
) -> list[int]:
    """APPEND each raw message to `mailbox`; returns the new UIDs when the server says.

    Blocking (imapclient); call it from a thread when an event loop is involved.
    """
    uids: list[int] = []
    with IMAPClient(host, port=port, ssl=ssl, timeout=30) as client:
        client.login(user, password)
        for raw in raws:
            response = client.append(mailbox, raw, flags=tuple(flags), msg_time=msg_time)
            uid = _appended_uid(response)
            if uid is not None:
                uids.append(uid)
    return uids


def _appended_uid(response: bytes) -> int | None:
    """The UID from an ``[APPENDUID validity uid]`` response code (UIDPLUS), if any."""
    text = response.decode("ascii", "replace") if isinstance(response, bytes) else str(response)
    start = text.find("APPENDUID")
    if start < 0:
        return None
    parts = text[start:].split("]", 1)[0].split()
    try:
        return int(parts[2])
    except (IndexError, ValueError):
        return None
