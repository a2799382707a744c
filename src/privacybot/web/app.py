"""FastAPI application factory: /healthz, /metrics and a read-only JSON API.

Health and metrics need no sign-in so that an orchestrator and Prometheus can use
them; they expose counts only, never names, addresses or message text. The API
shows personal data, so it asks for a staff account (HTTP Basic over the loopback
default; put TLS in front when binding elsewhere).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response, status
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, func, select

from privacybot import __version__
from privacybot.clock import Clock, SystemClock
from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage, OutboxItem
from privacybot.domain import CaseStatus, Channel, DraftStatus, Label
from privacybot.staff import Client, SignInRefused, identify_by_token, sign_in
from privacybot.views import case_detail_json, case_json, draft_json


def _next_link(response: Response, path: str, shown: int, limit: int, offset: int) -> None:
    if shown >= limit:
        response.headers["Link"] = f'<{path}?limit={limit}&offset={offset + shown}>; rel="next"'


def create_app(engine: Engine, clock: Clock | None = None) -> FastAPI:
    clock = clock or SystemClock()
    # The schema and its viewer describe the staff API: signed-in staff only (see below).
    app = FastAPI(
        title="privacybot", version=__version__, docs_url=None, redoc_url=None, openapi_url=None
    )
    basic = HTTPBasic(realm="privacybot", auto_error=False)
    bearer = HTTPBearer(auto_error=False)

    def staff_member(
        request: Request,
        token: HTTPAuthorizationCredentials | None = Depends(bearer),  # noqa: B008
        credentials: HTTPBasicCredentials | None = Depends(basic),  # noqa: B008
    ) -> str:
        """Cases hold personal data: every /api call needs a staff token or password.

        A personal token (``Authorization: Bearer pbt_…``) costs one indexed lookup;
        a password goes through the same throttled sign-in as everywhere else.
        """
        now = clock.now()
        challenge = {"WWW-Authenticate": 'Bearer realm="privacybot", Basic realm="privacybot"'}
        if token is not None and token.scheme.lower() == "bearer":
            identity = identify_by_token(engine, token.credentials, now)
            if identity is None:
                raise HTTPException(
                    status.HTTP_401_UNAUTHORIZED, "unknown token", headers=challenge
                )
            return identity.email
        if credentials is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in", headers=challenge)
        client = Client(request.client.host if request.client else "unknown")
        try:
            return sign_in(engine, credentials.username, credentials.password, client, now).email
        except SignInRefused as exc:
            if exc.retry_after:
                raise HTTPException(
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    str(exc),
                    headers={"Retry-After": str(exc.retry_after)},
                ) from None
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc), headers=challenge) from None

    staff_only = [Depends(staff_member)]

    @app.get("/openapi.json", include_in_schema=False, dependencies=staff_only)
    def openapi_schema() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=staff_only)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="privacybot API")

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok", "version": __version__})

    @app.get("/metrics", response_class=PlainTextResponse)
    def metrics() -> str:
        lines: list[str] = []
        with Session(engine) as s:
            for name, model, column in (
                ("privacybot_cases", Case, Case.status),
                ("privacybot_drafts", Draft, Draft.status),
                ("privacybot_inbound_messages", InboundMessage, InboundMessage.state),
                ("privacybot_outbox_items", OutboxItem, OutboxItem.status),
            ):
                lines.append(f"# TYPE {name} gauge")
                rows = s.exec(
                    select(column, func.count()).select_from(model).group_by(column)
                ).all()
                for value, count in rows:
                    label = "state" if model is InboundMessage else "status"
                    lines.append(f'{name}{{{label}="{value}"}} {count}')
        return "\n".join(lines) + "\n"

    @app.get("/api/cases", dependencies=staff_only)
    def api_cases(
        response: Response,
        status: CaseStatus | None = None,
        right: Label | None = None,
        company: str | None = None,
        channel: Channel | None = None,
        overdue: bool = False,
        needs_staff: bool | None = None,
        order: Literal["received", "due"] = "received",
        limit: int = Query(50, ge=1, le=repo.MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> list[dict[str, Any]]:
        """One page of cases; a ``Link: <…>; rel="next"`` header when there may be more."""
        flt = repo.CaseFilter(
            status=status,
            right=right,
            company=company,
            channel=channel,
            overdue_on=clock.now().date() if overdue else None,
            needs_staff=needs_staff,
        )
        with Session(engine) as s:
            page = repo.list_cases(s, flt, limit=limit, offset=offset, order=order)
            rows = [case_json(case, requester) for case, requester in page]
        _next_link(response, "/api/cases", len(rows), limit, offset)
        return rows

    @app.get("/api/cases/{reference}", dependencies=staff_only)
    def api_case(reference: str) -> dict[str, Any]:
        with Session(engine) as s:
            case = repo.case_by_reference(s, reference)
            if case is None:
                raise HTTPException(404, f"no case {reference}")
            return case_detail_json(case, repo.requester_of(s, case), repo.events_for(s, case))

    @app.get("/api/drafts", dependencies=staff_only)
    def api_drafts(
        response: Response,
        status: DraftStatus | None = None,
        limit: int = Query(50, ge=1, le=repo.MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> list[dict[str, Any]]:
        with Session(engine) as s:
            page = repo.list_drafts(s, status=status, limit=limit, offset=offset)
            rows = [draft_json(r.draft, r.reference, r.due) for r in page]
        _next_link(response, "/api/drafts", len(rows), limit, offset)
        return rows

    return app
