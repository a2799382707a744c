"""The dashboard's case and draft pages: the work queue, a case, a draft, the drafts list.

Every page reads in one read-only transaction; every form posts to a route that checks
the session's CSRF token, calls one use-case through ``web.actions`` and redirects
(303) back, or shows the same page again with the refusal in words.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage
from privacybot.db.session import read_transaction
from privacybot.domain import COMPANIES, CaseStatus, Channel, DraftStatus
from privacybot.replies.kinds import REFUSAL_GROUNDS
from privacybot.service import drafts
from privacybot.views import case_json, draft_json, message_json, timeline_json
from privacybot.web.actions import Refusal, attach_upload, case_action, draft_action
from privacybot.web.auth import Who
from privacybot.web.filters import RIGHT_VALUES, case_filter
from privacybot.web.i18n import translator
from privacybot.web.present import (
    detail_text,
    form_text,
    local_iso,
    offset_of,
    page_links,
    urgency,
)
from privacybot.web.render import render
from privacybot.web.signin import check_csrf, signed_in
from privacybot.web.state import WebState


def register(app: FastAPI, state: WebState) -> None:
    cal = state.desk.clockwork.calendar
    tz = state.desk.clockwork.tz
    size = state.options.page_size

    @app.get("/cases", include_in_schema=False)
    def work_queue(request: Request) -> Response:
        who = signed_in(state, request)
        t = translator(who.language)
        flt, shown = case_filter(state, dict(request.query_params))
        offset = offset_of(request)
        today = state.today()
        with read_transaction(state.engine) as session:
            page = repo.list_cases(session, flt, limit=size, offset=offset, order="due")
            rows = []
            for case, requester in page:
                row = case_json(case, requester)
                due = case.extended_due or case.due
                row["due_shown"] = due.isoformat()
                row["urgency"] = urgency(due, today, case.status, cal, t)
                rows.append(row)
        prev_url, next_url = page_links("/cases", shown, offset, size, len(rows))
        return render(
            request,
            who,
            "cases.html",
            nav="cases",
            rows=rows,
            f=shown,
            statuses=[s.value for s in CaseStatus],
            rights=RIGHT_VALUES,
            companies=COMPANIES,
            channels=[c.value for c in Channel],
            prev_url=prev_url,
            next_url=next_url,
        )

    def case_page(
        request: Request, who: Who, reference: str, *, error: Refusal | None = None
    ) -> Response:
        t = translator(who.language)
        raw_original = request.query_params.get("original", "")
        original_id = int(raw_original) if raw_original.isdigit() else None
        with read_transaction(state.engine) as session:
            case = repo.case_by_reference(session, reference)
            if case is None:
                return not_found(request, who)
            data = case_json(case, repo.requester_of(session, case))
            messages = repo.messages_of(session, case)
            letters = repo.drafts_of(session, case)
            timeline = timeline_json(messages, letters, repo.events_for(session, case))
            originals = {
                m.id: message_json(m, original=True)["original"]
                for m in messages
                if m.id == original_id
            }
            classification = _classification(messages[0]) if messages else None
            staff_reason = case.staff_reason
            due = case.extended_due or case.due
            drafts_list = [draft_json(d, case.reference) for d in letters]
        for item in timeline:
            item["at_shown"] = local_iso(item["at"], tz)
            if item["type"] == "event":
                item["detail_shown"] = detail_text(item["detail"])
            if item["type"] == "in" and item["id"] in originals:
                item["original"] = originals[item["id"]]
        data["received_shown"] = local_iso(data["received"], tz)
        return render(
            request,
            who,
            "case.html",
            status=error.status if error else 200,
            nav="cases",
            case=data,
            due_shown=due.isoformat(),
            urg=urgency(due, state.today(), data["status"], cal, t),
            timeline=timeline,
            drafts=drafts_list,
            classification=classification,
            staff_reason=staff_reason,
            original_id=original_id if originals else None,
            grounds=sorted(REFUSAL_GROUNDS),
            error=str(error) if error else None,
        )

    @app.get("/cases/{reference}", include_in_schema=False)
    def show_case(request: Request, reference: str) -> Response:
        return case_page(request, signed_in(state, request), reference)

    @app.post("/cases/{reference}/{action}", include_in_schema=False)
    def act_on_case(
        request: Request,
        reference: str,
        action: str,
        csrf: str = Form(""),
        reason: str = Form(""),
        ground: str = Form(""),
        partial: str = Form(""),
        right: str = Form(""),
    ) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            case_action(
                state, who, reference, action, form_text(reason), ground, partial == "1", right
            )
        except Refusal as refusal:
            return case_page(request, who, reference, error=refusal)
        return RedirectResponse(f"/cases/{reference.upper()}?done={action}", status_code=303)

    def draft_page(
        request: Request, who: Who, draft_id: int, *, error: Refusal | None = None
    ) -> Response:
        t = translator(who.language)
        now = state.clock.now()
        with read_transaction(state.engine) as session:
            draft = session.get(Draft, draft_id)
            if draft is None:
                return not_found(request, who)
            case = session.get(Case, draft.case_id) if draft.case_id else None
            letter, problem = None, None
            try:
                letter = drafts.preview(session, draft_id, state.desk.outgoing, now)
            except drafts.DraftError as exc:
                problem = str(exc)
            messages = _answered_messages(session, draft, case)
            files = [
                {
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "size": a.size,
                    "added_by": a.added_by,
                }
                for a in drafts.attachments_of(session, draft_id)
            ]
            data = draft_json(draft, case.reference if case else None)
            data["body"] = draft.body
            blockers = [b.code for b in drafts.approval_blockers(session, draft, case)]
        for message in messages:
            message["at_shown"] = local_iso(message["received"], tz)
        explain = t("foureyes.explain") if error is not None and error.four_eyes else None
        return render(
            request,
            who,
            "draft.html",
            status=error.status if error else 200,
            nav="drafts",
            draft=data,
            reference=data["case"],
            letter=letter,
            letter_problem=problem,
            messages=messages,
            attachments=files,
            pending=data["status"] == DraftStatus.AWAITING_APPROVAL,
            own_edit=data["edited_by"] == who.email,
            attachable=data["kind"] in drafts.ATTACHABLE,
            max_mb=state.options.max_upload_bytes // (1024 * 1024),
            error=str(error) if error else None,
            explain=explain,
            blockers=blockers,
        )

    @app.get("/drafts/{draft_id}", include_in_schema=False)
    def show_draft(request: Request, draft_id: int) -> Response:
        return draft_page(request, signed_in(state, request), draft_id)

    @app.post("/drafts/{draft_id}/attach", include_in_schema=False)
    def attach(
        request: Request,
        draft_id: int,
        csrf: str = Form(""),
        file: UploadFile | None = File(None),  # noqa: B008
    ) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            attach_upload(state, who, draft_id, file)
        except Refusal as refusal:
            return draft_page(request, who, draft_id, error=refusal)
        return RedirectResponse(f"/drafts/{draft_id}?done=attach", status_code=303)

    @app.post("/drafts/{draft_id}/{action}", include_in_schema=False)
    def act_on_draft(
        request: Request,
        draft_id: int,
        action: str,
        csrf: str = Form(""),
        reason: str = Form(""),
        body: str = Form(""),
        subject: str = Form(""),
    ) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            draft_action(state, who, draft_id, action, form_text(reason), form_text(body), subject)
        except Refusal as refusal:
            return draft_page(request, who, draft_id, error=refusal)
        return RedirectResponse(f"/drafts/{draft_id}?done={action}", status_code=303)

    @app.get("/drafts", include_in_schema=False)
    def list_drafts(request: Request) -> Response:
        who = signed_in(state, request)
        t = translator(who.language)
        offset = offset_of(request)
        today = state.today()
        with read_transaction(state.engine) as session:
            page = repo.list_drafts(
                session, status=DraftStatus.AWAITING_APPROVAL, limit=size, offset=offset
            )
            rows = []
            for r in page:
                row = draft_json(r.draft, r.reference, r.due)
                row["urgency"] = urgency(r.due, today, "open", cal, t) if r.due else None
                rows.append(row)
        prev_url, next_url = page_links("/drafts", {}, offset, size, len(rows))
        return render(
            request,
            who,
            "drafts.html",
            nav="drafts",
            rows=rows,
            prev_url=prev_url,
            next_url=next_url,
        )


def not_found(request: Request, who: Who) -> Response:
    t = translator(who.language)
    return render(request, who, "error.html", status=404, heading=t("notfound"))


def _classification(first: InboundMessage) -> dict[str, Any]:
    verdict = first.verdict or {}
    confidence = f"{first.confidence:.2f}" if first.confidence is not None else "–"
    return {
        "labels": list(first.labels or []),
        "confidence": confidence,
        "action": verdict.get("action", "–"),
        "hits": verdict.get("hits", []),
    }


def _answered_messages(session: Session, draft: Draft, case: Case | None) -> list[dict[str, Any]]:
    """What the citizen wrote: the request that opened the case, and the message this
    draft replies to when that is another one (a code, a follow-up)."""
    rows: list[InboundMessage] = []
    if case is not None:
        rows.extend(repo.messages_of(session, case)[:1])
    own = session.get(InboundMessage, draft.inbound_id) if draft.inbound_id else None
    if own is not None and all(own.id != row.id for row in rows):
        rows.append(own)
    return [message_json(row) for row in rows]
