"""`privacybot run`: wire the roles together and run them until SIGINT/SIGTERM.

Roles (docs/operators.md): intake (IMAP watcher, SMTP receiver, triage worker), sender
(outbox to SMTP), scheduler, web, telegram. With no IMAP URL the built-in pymap
mailbox is started and watched with the same IMAP code as production; with no SMTP
URL the built-in sink (an SMTP server writing ./var/sent/) receives outbound mail
through the same SMTP code path.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy.engine import Engine, make_url

from privacybot.cases.deadline import Clockwork, HolidayCalendar
from privacybot.clock import Clock, SystemClock
from privacybot.config import Settings
from privacybot.db import migrate
from privacybot.db.session import make_engine
from privacybot.decision import Limits
from privacybot.decision.chat_facts import ChatLimits
from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, BackgroundDemoImapServer
from privacybot.intake.imap import ImapSettings, ImapWatcher, parse_imap_url
from privacybot.intake.smtp_in import SmtpReceiver
from privacybot.intake.store import DbInboundSink
from privacybot.intake.worker import TriageWorker
from privacybot.keys import secret_key
from privacybot.outbox.maildir_sink import MaildirSmtpServer
from privacybot.outbox.sender import Sender
from privacybot.outbox.transport import MaildirDeliveryCheck, SmtpTransport
from privacybot.service.chat import ChatDesk
from privacybot.service.desk import Desk, Outgoing
from privacybot.telegram_role import TelegramRole

log = logging.getLogger("privacybot.run")

ROLES = ("intake", "sender", "scheduler", "web", "telegram")


class StartupError(Exception):
    """The service cannot start; one line for the operator."""


def parse_roles(value: str | None) -> tuple[str, ...]:
    if not value:
        return ROLES
    roles = tuple(r.strip() for r in value.split(",") if r.strip())
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise StartupError(f"--only: unknown role(s) {', '.join(unknown)} (use {', '.join(ROLES)})")
    return roles


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _port_is_free(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


class _EmbeddedServer(uvicorn.Server):
    """uvicorn without its own signal handlers: the service owns SIGINT/SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@dataclass
class Service:
    settings: Settings
    roles: tuple[str, ...]
    clock: Clock = field(default_factory=SystemClock)
    engine: Engine | None = None
    _stoppers: list[Callable[[], Any]] = field(default_factory=list)
    _tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    sender: Sender | None = None
    worker: TriageWorker | None = None
    watcher: ImapWatcher | None = None
    _sqlite_claimed: bool = False
    telegram: TelegramRole | None = None

    def desk(self) -> Desk:
        s = self.settings
        calendar = HolidayCalendar.load(s.equated_days_file)
        warning = calendar.coverage_warning(self.clock.now().date())
        if warning:
            log.warning("%s", warning)
        return Desk(
            clockwork=Clockwork(s.timezone, calendar, s.pause_during_verification),
            outgoing=Outgoing(s.from_address, frozenset(s.auto_send_kinds)),
            key=secret_key(s),
            limits=Limits(
                min_confidence=s.min_confidence,
                review_confidence=s.review_confidence,
                max_new_cases_per_address=s.max_new_cases_per_address,
                repeat_window=timedelta(hours=s.repeat_window_hours),
                trusted_authserv_id=s.trusted_authserv_id,
            ),
            staff_emails=s.staff_emails,
        )

    def _claim_sqlite(self) -> None:
        """SQLite serves one service process: hold an exclusive lock file beside it.

        A second ``privacybot run`` on the same file would share SQLite's single writer
        and the in-process write lock would no longer keep the threads of both in line,
        while the outbox and scheduler count on one process; it is refused with one
        line. Commands (``cases list``, ``drafts approve``) take no lock and stay fine.
        The kernel drops the lock when the process dies, however it dies.
        """
        url = make_url(self.settings.database_url.reveal())
        if self._sqlite_claimed or url.get_backend_name() != "sqlite":
            return
        if url.database in (None, "", ":memory:"):
            return
        path = Path(f"{url.database}.run-lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StartupError(
                f"the SQLite database {url.database} is in use by another `privacybot run` "
                f"({holder}); SQLite serves one service process: run all roles in that one, "
                "or use PostgreSQL (PRIVACYBOT_DATABASE_URL) to spread them over several"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()

        def release() -> None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
            self._sqlite_claimed = False

        self._sqlite_claimed = True
        self._stoppers.append(release)

    async def start(self) -> None:
        s = self.settings
        self._claim_sqlite()
        engine = self.engine = make_engine(s.database_url.reveal())
        await asyncio.to_thread(migrate.check_up_to_date, engine)
        desk = self.desk()
        if "sender" in self.roles:
            smtp_url = s.smtp_url.reveal() if s.smtp_url else None
            was_delivered: Callable[[str], bool | None] | None = None
            if smtp_url is None:
                sink = MaildirSmtpServer("127.0.0.1", _free_port("127.0.0.1"), s.sent_dir)
                await asyncio.to_thread(sink.start)
                self._stoppers.append(sink.stop)
                smtp_url = sink.url
                was_delivered = MaildirDeliveryCheck(s.sent_dir)
                log.info("outbound mail goes to the built-in sink %s", s.sent_dir)
            lease = timedelta(seconds=s.outbox_lease_seconds)
            self.sender = Sender(
                engine,
                SmtpTransport(smtp_url),
                clock=self.clock,
                bounce_domain=s.from_domain,
                was_delivered=was_delivered,
                key=desk.key,
                lease=lease,
                # Settle a dead sender's items at least twice per lease.
                recover_interval=min(60.0, lease.total_seconds() / 2),
            )

        if "intake" in self.roles:
            worker = self._start_worker(engine, desk)
            store = DbInboundSink(engine, self.clock)
            imap = self._imap_settings()
            self.watcher = ImapWatcher(
                imap,
                store,
                checkpoint=store,
                on_stored=lambda _env: worker.wake(),
                clock=self.clock.now,
            )
            self.watcher.start()
            self._stoppers.append(self.watcher.stop)
            if s.smtp_in_bind is not None:
                receiver = SmtpReceiver(
                    s.smtp_in_bind.host,
                    s.smtp_in_bind.port,
                    store,
                    self.clock.now,
                    on_stored=lambda _env: worker.wake(),
                )
                try:
                    await asyncio.to_thread(receiver.start)
                except Exception as exc:
                    raise StartupError(
                        f"cannot listen for SMTP on {s.smtp_in_bind}: {exc} "
                        "(set PRIVACYBOT_SMTP_IN_BIND=off to disable)"
                    ) from exc
                self._stoppers.append(receiver.stop)
                log.info("SMTP receiver listening on %s", s.smtp_in_bind)

        if self.sender is not None:
            self._tasks.append(asyncio.create_task(self._run_sender(), name="sender"))

        if "web" in self.roles:
            from privacybot.web.app import create_app, options_from

            if not _port_is_free(s.web_bind.host, s.web_bind.port):
                raise StartupError(f"PRIVACYBOT_WEB_BIND {s.web_bind} is already in use")
            watcher = self.watcher
            app = create_app(
                engine,
                self.clock,
                desk=desk,
                options=options_from(s),
                # The IMAP watcher's state, when intake runs in this process (health, metrics).
                imap_status=(lambda: watcher.status) if watcher is not None else None,
            )
            config = uvicorn.Config(
                app,
                host=s.web_bind.host,
                port=s.web_bind.port,
                log_level="warning",
                lifespan="off",
            )
            server = _EmbeddedServer(config)
            self._web = server
            self._tasks.append(asyncio.create_task(server.serve(), name="web"))
            log.info("dashboard and API on http://%s", s.web_bind)

        if "scheduler" in self.roles:
            from privacybot.scheduler.jobs import StaffSettings
            from privacybot.scheduler.loop import Scheduler

            scheduler = Scheduler(engine, desk, self.clock, staff=StaffSettings.from_settings(s))
            self._tasks.append(
                asyncio.create_task(scheduler.run(self._stop_event), name="scheduler")
            )

        if "telegram" in self.roles:
            self._start_telegram(engine, desk)

    def _outbox_ready(self) -> None:
        """Wake every sender of this process once a transaction queued something."""
        for sender in (self.sender, self.telegram.sender if self.telegram else None):
            if sender is not None:
                sender.wake()

    def _start_worker(self, engine: Engine, desk: Desk) -> TriageWorker:
        """The triage worker (mail and chat updates alike), in a thread of its own."""
        s = self.settings
        worker = self.worker = TriageWorker(
            engine,
            desk,
            self.clock,
            our_address=s.from_address,
            min_confidence=s.min_confidence,
            on_outbox=self._outbox_ready,
            chat_desk=ChatDesk(
                staff_chat=s.telegram_staff_chat,
                limits=ChatLimits(max_new_cases_per_address=s.max_new_cases_per_address),
            ),
        )
        thread = threading.Thread(target=worker.run, name="triage", daemon=True)
        thread.start()

        def stop_worker() -> None:
            worker.stop()
            thread.join(10)

        self._stoppers.append(stop_worker)
        return worker

    def _start_telegram(self, engine: Engine, desk: Desk) -> None:
        """Issue 15: the chat channel, when a bot token is set."""
        s = self.settings
        if s.telegram_token is None:
            log.info("Telegram channel off: PRIVACYBOT_TELEGRAM_TOKEN is not set")
            return
        worker = self.worker or self._start_worker(engine, desk)
        role = self.telegram = TelegramRole(
            engine,
            self.clock,
            token=s.telegram_token.reveal(),
            api_url=s.telegram_api_url,
            staff_chat=s.telegram_staff_chat,
            on_stored=worker.wake,
        )
        self._tasks.extend(role.tasks(self._stop_event))

    def _imap_settings(self) -> ImapSettings:
        s = self.settings
        if s.imap_url is not None:
            try:
                return parse_imap_url(s.imap_url.reveal())
            except ValueError as exc:
                raise StartupError(f"PRIVACYBOT_IMAP_URL: {exc}") from exc
        bind = s.demo_imap_bind
        if not _port_is_free(bind.host, bind.port):
            raise StartupError(
                f"PRIVACYBOT_DEMO_IMAP_BIND {bind} is already in use (another privacybot running?)"
            )
        demo = BackgroundDemoImapServer(bind.host, bind.port)
        demo.start()
        self._stoppers.append(demo.stop)
        log.info(
            "built-in mailbox on imap://%s (user %s, password %s)", bind, DEMO_USER, DEMO_PASSWORD
        )
        return ImapSettings(
            host=bind.host, port=bind.port, user=DEMO_USER, password=DEMO_PASSWORD, tls_mode="plain"
        )

    async def _run_sender(self) -> None:
        assert self.sender is not None
        await self.sender.run(self._stop_event)

    async def run(self) -> None:
        self._stop_event = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self._stop_event.set)
        self._claim_sqlite()  # refused before anything starts (or logs that it stopped)
        try:
            await self.start()
            log.info("privacybot running (roles: %s)", ",".join(self.roles))
            await self._stop_event.wait()
            log.info("stopping")
        finally:
            await self.shutdown()

    def request_stop(self) -> None:
        self._stop_event.set()

    async def shutdown(self) -> None:
        self._stop_event.set()
        web = getattr(self, "_web", None)
        if web is not None:
            web.should_exit = True
        if self._tasks:
            done, pending = await asyncio.wait(self._tasks, timeout=5)
            for task in pending:
                task.cancel()
        for stop in reversed(self._stoppers):
            try:
                await asyncio.to_thread(stop)
            except Exception:
                log.exception("error while stopping")
        self._stoppers.clear()
        if self.telegram is not None:
            await self.telegram.close()
        if self.engine is not None:
            self.engine.dispose()
        log.info("stopped")
