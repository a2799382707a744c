"""FastAPI application factory: the staff dashboard, the JSON API, /healthz and /metrics.

Only /healthz (counts and states, no personal data), the sign-in page and the static
files answer without a session. Pages (``pages``, ``queue_pages``, ``signin``) are
server-rendered and work without JavaScript; the API (``api``) takes a token, a
password or the session. /metrics and the OpenAPI description are for staff too:
give Prometheus a viewer's personal token (docs/operators.md).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from privacybot import __version__
from privacybot.clock import Clock, SystemClock
from privacybot.config import Settings
from privacybot.service.desk import Desk
from privacybot.web import api, pages, queue_pages, signin
from privacybot.web.auth import SAFE_METHODS, Forbidden, NotSignedIn
from privacybot.web.health import HealthCheck, default_checks, run_checks
from privacybot.web.i18n import translator
from privacybot.web.metrics import make_registry
from privacybot.web.metrics import render as render_metrics
from privacybot.web.render import render, web_dir
from privacybot.web.sessions import SessionPolicy
from privacybot.web.state import WebOptions, WebState

#: Largest request body outside file uploads (a long draft fits many times over).
MAX_FORM_BYTES = 2 * 1024 * 1024

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def options_from(settings: Settings) -> WebOptions:
    return WebOptions(
        policy=SessionPolicy(
            idle=timedelta(minutes=settings.web_session_idle_minutes),
            absolute=timedelta(hours=settings.web_session_max_hours),
        ),
        secure_cookies=settings.web_secure_cookies,
        max_upload_bytes=settings.max_attachment_bytes,
    )


def _default_desk() -> Desk:
    from privacybot.config import load_settings
    from privacybot.runner import Service

    return Service(load_settings(), ()).desk()


def create_app(
    engine: Engine,
    clock: Clock | None = None,
    *,
    desk: Desk | None = None,
    options: WebOptions | None = None,
    checks: Sequence[HealthCheck] | None = None,
    imap_status: Callable[[], str] | None = None,
) -> FastAPI:
    """The web role. ``checks`` replace the default /healthz checks (see web/health.py);
    ``imap_status`` is the IMAP watcher's state when intake runs in this process."""
    clock = clock or SystemClock()
    state = WebState(
        engine=engine,
        clock=clock,
        desk_factory=(lambda: desk) if desk is not None else _default_desk,
        options=options or WebOptions(),
        checks=(),
    )
    if desk is not None:
        # The sign-in form's token survives restarts and is the same in every process.
        state.key = hmac.new(desk.key, b"web-login-csrf", hashlib.sha256).digest()
    state.checks = (
        list(checks) if checks is not None else default_checks(engine, clock.now, imap_status)
    )
    app = FastAPI(
        title="privacybot",
        version=__version__,
        description="The staff API of the privacy desk: cases, drafts, triage queue, outbox.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.mount("/static", StaticFiles(directory=str(web_dir() / "static")), name="static")
    _middleware(app, state)
    _handlers(app)
    signin.register(app, state)
    pages.register(app, state)
    queue_pages.register(app, state)
    staff_member = api.register(app, state)
    staff_only = [Depends(staff_member)]
    registry = make_registry(engine, state.today, imap_status)

    @app.get("/openapi.json", include_in_schema=False, dependencies=staff_only)
    def openapi_schema() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=staff_only)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="privacybot API")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        code, body = run_checks(state.checks)
        db = body["checks"].get("database", {})
        body["database"] = "ok" if db.get("status") == "ok" else "unreachable"
        body["version"] = __version__
        return JSONResponse(body, status_code=code)

    @app.get("/metrics", include_in_schema=False, dependencies=staff_only)
    def metrics() -> Response:
        return Response(
            render_metrics(registry), media_type="text/plain; version=0.0.4; charset=utf-8"
        )

    return app


def _middleware(app: FastAPI, state: WebState) -> None:
    upload_limit = state.options.max_upload_bytes + 256 * 1024

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length", "")
        limit = upload_limit if request.url.path.endswith("/attach") else MAX_FORM_BYTES
        if length.isdigit() and int(length) > limit:
            return _too_large(request)
        if request.method not in SAFE_METHODS and (
            request.headers.get("sec-fetch-site") == "cross-site"
        ):
            # A browser says another site made this request: refuse, token or not.
            return JSONResponse({"detail": "cross-site request refused"}, status_code=403)
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            if name == "Content-Security-Policy" and request.url.path == "/docs":
                continue  # FastAPI's Swagger page loads its viewer from a CDN, inline
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _too_large(request: Request) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": "request too large"}, status_code=413)
    t = translator("nl")
    return HTMLResponse(f"<!doctype html><title>413</title><p>{t('toolarge')}</p>", status_code=413)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(NotSignedIn)
    async def to_sign_in(request: Request, exc: NotSignedIn) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "sign in"}, status_code=401)
        target = request.url.path if request.method == "GET" else "/cases"
        if request.method == "GET" and request.url.query:
            target += "?" + request.url.query
        done = "&done=expired" if exc.expired else ""
        return RedirectResponse(f"/login?next={quote(target, safe='')}{done}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        t = translator("nl")
        heading = t("csrf") if str(exc) == "csrf" else str(exc)
        return render(request, None, "error.html", status=403, heading=heading)
