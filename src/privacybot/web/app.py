"""FastAPI application factory: /healthz, /metrics and a read-only JSON API.

Health and metrics need no sign-in so that an orchestrator and Prometheus can use
them; they expose counts only, never names, addresses or message text. The API
shows personal data, so it asks for a staff account (HTTP Basic over the loopback
default; put TLS in front when binding elsewhere).
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, func, select

from privacybot import __version__
from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage, OutboxItem, Staff
from privacybot.staff import verify_password
from privacybot.views import case_detail_json, case_json, draft_json


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="privacybot", version=__version__)
    basic = HTTPBasic(realm="privacybot")

    def staff_member(credentials: HTTPBasicCredentials = Depends(basic)) -> str:  # noqa: B008
        """Cases hold personal data: every /api call needs a staff account's password."""
        with Session(engine) as s:
            member = s.exec(
                select(Staff).where(Staff.email == credentials.username.strip().lower())
            ).first()
        if (
            member is None
            or not member.active
            or member.password_hash is None
            or not verify_password(credentials.password, member.password_hash)
        ):
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "unknown staff member or wrong password",
                headers={"WWW-Authenticate": 'Basic realm="privacybot"'},
            )
        return member.email

    staff_only = [Depends(staff_member)]

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
    def api_cases() -> list[dict[str, Any]]:
        with Session(engine) as s:
            return [case_json(c, repo.requester_of(s, c)) for c in repo.list_cases(s)]

    @app.get("/api/cases/{reference}", dependencies=staff_only)
    def api_case(reference: str) -> dict[str, Any]:
        with Session(engine) as s:
            case = repo.case_by_reference(s, reference)
            if case is None:
                raise HTTPException(404, f"no case {reference}")
            return case_detail_json(case, repo.requester_of(s, case), repo.events_for(s, case))

    @app.get("/api/drafts", dependencies=staff_only)
    def api_drafts() -> list[dict[str, Any]]:
        with Session(engine) as s:
            refs = dict(s.exec(select(Case.id, Case.reference)).all())
            drafts = s.exec(select(Draft).order_by(col(Draft.id))).all()
            return [draft_json(d, refs.get(d.case_id)) for d in drafts]

    return app
