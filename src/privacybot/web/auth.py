"""Who is asking, for the pages (a session cookie) and the API (token, password or session).

Pages know only sessions: an anonymous visitor is sent to the sign-in page. The API
takes ``Authorization: Bearer pbt_…`` (a personal token), HTTP Basic (the throttled
password check of ``staff.sign_in``), or the dashboard's session cookie, which then
needs the session's CSRF token in ``X-CSRF-Token`` for anything that changes state.
State-changing requests a browser marks as cross-site (``Sec-Fetch-Site``) are
refused whatever they carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from privacybot.staff import Role
from privacybot.web.sessions import lookup
from privacybot.web.state import WebState

COOKIE = "pb_session"
LOGIN_COOKIE = "pb_login"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Who:
    email: str
    role: Role
    language: str
    via: Literal["session", "token", "password"]
    csrf: str | None = None

    @property
    def officer(self) -> bool:
        return self.role == Role.OFFICER


class NotSignedIn(Exception):
    """A page asked for without a live session: the handler sends the visitor to sign in."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("sign in")
        self.expired = expired


class Forbidden(Exception):
    """A request refused before any use-case ran (CSRF, cross-site); one line why."""


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def over_tls(request: Request, setting: str) -> bool:
    """Secure cookies: always, never, or when this request came (or was forwarded) over TLS."""
    if setting in ("true", "false"):
        return setting == "true"
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def session_who(state: WebState, request: Request) -> Who | None:
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return None
    found = lookup(state.engine, cookie, state.clock.now(), state.options.policy)
    if found is None:
        return None
    return Who(found.identity.email, found.identity.role, found.language, "session", found.csrf)


def refuse_cross_site(request: Request) -> None:
    if request.method not in SAFE_METHODS and request.headers.get("sec-fetch-site") == "cross-site":
        raise Forbidden("cross-site request refused")
