"""The triage queue, one waiting message, and the outbox of failed and in-doubt sends."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from privacybot.db import repo
from privacybot.db.models import Case
from privacybot.db.session import read_transaction
from privacybot.domain import COMPANIES, InboundState
from privacybot.outbox import store
from privacybot.service import queue
from privacybot.staff import require_officer
from privacybot.views import message_json, queue_item_json
from privacybot.web.actions import Refusal, outbox, run
from privacybot.web.auth import Who
from privacybot.web.i18n import translator
from privacybot.web.pages import RIGHT_VALUES, _offset, _text, not_found
from privacybot.web.present import local_iso, page_links
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
        offset = _offset(request)
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
            "reason": _text(str(form.get("reason", ""))),
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
        offset = _offset(request)
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
        t = translator(who.language)
        try:
            outbox_action(state, who, item_id, action, reason)
        except Refusal as refusal:
            return render(request, who, "error.html", status=refusal.status, heading=str(refusal))
        del t
        return RedirectResponse(f"/outbox?done={action}", status_code=303)


def queue_action(
    state: WebState, who: Who, inbound_id: int, action: str, fields: dict[str, Any]
) -> str | None:
    """open, assign, dismiss or retry through service/queue; the case reference when one."""
    now = state.clock.now()
    if action not in ("open", "assign", "dismiss", "retry"):
        raise Refusal(404, f"no action {action[:40]}")

    def work(session: Session) -> str | None:
        if action == "open":
            opened = queue.open_case(
                session,
                inbound_id,
                state.desk,
                rights=list(fields.get("rights") or []),
                staff=who.email,
                now=now,
                company=fields.get("company"),
                language=fields.get("language"),
            )
            return opened.case.reference
        if action == "assign":
            case = queue.assign(
                session, inbound_id, str(fields.get("reference", "")), staff=who.email, now=now
            )
            return case.reference
        if action == "dismiss":
            reason = str(fields.get("reason", ""))
            queue.dismiss(session, inbound_id, staff=who.email, reason=reason, now=now)
            return None
        queue.retry(session, inbound_id, staff=who.email, now=now)
        return None

    return run(state, work)


def outbox_action(state: WebState, who: Who, item_id: int, action: str, reason: str = "") -> None:
    """retry (requeue) or cancel a failed send; officers only, the audit event names them."""
    if action not in ("retry", "cancel"):
        raise Refusal(404, f"no action {action[:40]}")
    run(state, lambda session: require_officer(session, who.email))
    now = state.clock.now()
    if action == "retry":
        outbox(state, lambda: store.requeue(state.engine, item_id, who.email, now))
    else:
        if not reason.strip():
            raise Refusal(422, "give a reason")
        outbox(state, lambda: store.cancel(state.engine, item_id, who.email, now, reason))
