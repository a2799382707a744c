"""An aiosmtpd handler served on a loopback port, started from sync or async code.

aiosmtpd's Controller runs the server loop in its own thread; this wrapper gives the
SMTP receiver and the built-in sent-mail sink one start/stop/context-manager shape.
"""

from __future__ import annotations

import asyncio
import logging
from types import TracebackType
from typing import Any, Self

from aiosmtpd.controller import Controller

log = logging.getLogger(__name__)


class ControlledSmtpServer:
    #: Name for log lines.
    label = "smtp server"

    def __init__(
        self,
        handler: Any,
        host: str,
        port: int,
        *,
        max_size: int,
        server_hostname: str | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self._controller = Controller(
            handler,
            hostname=host,
            port=port,
            server_hostname=server_hostname,
            data_size_limit=max_size,
            enable_SMTPUTF8=True,
            ready_timeout=10.0,
        )
        self._running = False

    def start(self) -> None:
        self._controller.start()
        self._running = True
        log.info("%s listening host=%s port=%s", self.label, self.host, self.port)

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._controller.stop()
        log.info("%s stopped host=%s port=%s", self.label, self.host, self.port)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        await asyncio.to_thread(self.start)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.stop)
