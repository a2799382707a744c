"""The triage queue, one waiting message, and the outbox of failed and in-doubt sends."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response

from privacybot.db import repo
from privacybot.db.models import Case
from privacybot.db.session import read_transaction
from privacybot.domain import COMPANIES, InboundState
from privacybot.outbox import store
from privacybot.service import queue
from privacybot.views import message_json, queue_item_json
from privacybot.web.actions import Refusal, outbox_action, queue_action
from privacybot.web.auth import Who
from privacybot.web.filters import RIGHT_VALUES
from privacybot.web.pages import not_found
from privacybot.web.present import form_text, local_iso, offset_of, page_links
from privacybot.web.render import render
from privacybot.web.signin import check_csrf, signed_in
from privacybot.web.state import WebState


def _confidence(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "–"


def register(app: FastAPI, state: WebState) -> None:
    tz = state.desk.clockwork.tz
    size = state.options.page_size

    @app.get("/triage", include_in_schema=False)
    def triage(request: Request) -> Response:
        who = signed_in(state, request)
        offset = offset_of(request)
        with read_transaction(state.engine) as session:
            rows = [queue_item_json(r) for r in queue.waiting(session, limit=size, offset=offset)]
        for row in rows:
            row["at_shown"] = local_iso(row["received"], tz)
            row["confidence_shown"] = _confidence(row["confidence"])
        prev_url, next_url = page_links("/triage", {}, offset, size, len(rows))
        return render(
            request,
            who,
            "triage.html",
            nav="triage",
            rows=rows,
            prev_url=prev_url,
            next_url=next_url,
        )

    def message_page(
        request: Request, who: Who, inbound_id: int, *, error: Refusal | None = None
    ) -> Response:
        original = request.query_params.get("original") == "1"
        with read_transaction(state.engine) as session:
            try:
                row = queue.get(session, inbound_id)
            except queue.QueueError:
                return not_found(request, who)
            m = message_json(row, original=original)
            m["language"] = row.language
            m["company"] = row.company
            case = session.get(Case, row.case_id) if row.case_id else None
            case_ref = case.reference if case else None
        m["at_shown"] = local_iso(m["received"], tz)
        m["confidence_shown"] = _confidence(m["confidence"])
        return render(
            request,
            who,
            "message.html",
            status=error.status if error else 200,
            nav="triage",
            m=m,
            hits=(m["verdict"] or {}).get("hits", []),
            show_original=original,
            case_ref=case_ref,
            waiting=m["state"] in (InboundState.NEEDS_STAFF, InboundState.PARKED),
            rights=RIGHT_VALUES,
            companies=COMPANIES,
            error=str(error) if error else None,
        )

    @app.get("/messages/{inbound_id}", include_in_schema=False)
    def show_message(request: Request, inbound_id: int) -> Response:
        return message_page(request, signed_in(state, request), inbound_id)

    @app.post("/messages/{inbound_id}/{action}", include_in_schema=False)
    async def act_on_message(request: Request, inbound_id: int, action: str) -> Response:
        # async to read the repeated ``rights`` checkboxes; the work runs in a thread.
        from starlette.concurrency import run_in_threadpool

        form = await request.form()
        who = await run_in_threadpool(signed_in, state, request)
        check_csrf(who, str(form.get("csrf", "")))
        fields: dict[str, Any] = {
            "reference": str(form.get("reference", "")),
            "reason": form_text(str(form.get("reason", ""))),
            "rights": [str(r) for r in form.getlist("rights")],
            "company": str(form.get("company", "")) or None,
            "language": str(form.get("language", "")) or None,
        }
        try:
            done = await run_in_threadpool(queue_action, state, who, inbound_id, action, fields)
        except Refusal as refusal:
            return await run_in_threadpool(message_page, request, who, inbound_id, error=refusal)
        if done:
            return RedirectResponse(f"/cases/{done}?done=triaged", status_code=303)
        return RedirectResponse(f"/triage?done={action}", status_code=303)

    @app.get("/outbox", include_in_schema=False)
    def outbox_page(request: Request) -> Response:
        who = signed_in(state, request)
        offset = offset_of(request)
        with read_transaction(state.engine) as session:
            items = repo.failed_outbox(session, limit=size, offset=offset)
            rows = [
                {
                    "id": item.id,
                    "draft_id": item.draft_id,
                    "reference": ref,
                    "attempts": item.attempts,
                    "error": item.last_error,
                    "in_doubt": (item.last_error or "").startswith("in doubt")
                    or "in doubt" in (item.last_error or "")[:40],
                }
                for item, ref in items
            ]
        counts = sorted(store.counts(state.engine).items())
        prev_url, next_url = page_links("/outbox", {}, offset, size, len(rows))
        return render(
            request,
            who,
            "outbox.html",
            nav="outbox",
            rows=rows,
            counts=counts,
            prev_url=prev_url,
            next_url=next_url,
        )

    @app.post("/outbox/{item_id}/{action}", include_in_schema=False)
    def act_on_outbox(
        request: Request,
        item_id: int,
        action: str,
        csrf: str = Form(""),
        reason: str = Form(""),
    ) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            outbox_action(state, who, item_id, action, reason)
        except Refusal as refusal:
            return render(request, who, "error.html", status=refusal.status, heading=str(refusal))
        return RedirectResponse(f"/outbox?done={action}", status_code=303)
