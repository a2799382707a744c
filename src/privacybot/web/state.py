"""What every route of the web role needs, made once by ``create_app``."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.engine import Engine

from privacybot.clock import Clock
from privacybot.service.desk import Desk
from privacybot.web.health import HealthCheck
from privacybot.web.sessions import SessionPolicy


@dataclass(frozen=True)
class WebOptions:
    """The web settings of docs/operators.md (PRIVACYBOT_WEB_*), with their defaults."""

    policy: SessionPolicy = field(default_factory=SessionPolicy)
    #: "auto", "true" or "false" (see config.Settings.web_secure_cookies).
    secure_cookies: str = "auto"
    max_upload_bytes: int = 10 * 1024 * 1024
    page_size: int = 50


@dataclass
class WebState:
    engine: Engine
    clock: Clock
    desk_factory: Callable[[], Desk]
    options: WebOptions
    checks: Sequence[HealthCheck]
    #: HMAC key for the sign-in form's CSRF token (per process unless a desk key is given).
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    _desk: Desk | None = None

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            self._desk = self.desk_factory()
        return self._desk

    def today(self) -> date:
        return self.clock.now().astimezone(self.desk.clockwork.tz).date()
