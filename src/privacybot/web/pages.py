"""The dashboard's case and draft pages: the work queue, a case, a draft, the drafts list.

Every page reads in one read-only transaction; every form posts to a route that checks
the session's CSRF token, calls one use-case through ``web.actions.run`` and redirects
(303) back, or shows the same page again with the refusal in words.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from privacybot.cases.deadline import add_working_days
from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage
from privacybot.db.session import read_transaction
from privacybot.domain import COMPANIES, RIGHTS, CaseStatus, Channel, DraftStatus
from privacybot.replies.kinds import REFUSAL_GROUNDS
from privacybot.service import actions, drafts
from privacybot.views import case_json, draft_json, message_json, timeline_json
from privacybot.web.actions import Refusal, run
from privacybot.web.auth import Who
from privacybot.web.i18n import translator
from privacybot.web.present import detail_text, local_iso, page_links, urgency
from privacybot.web.render import render
from privacybot.web.signin import check_csrf, signed_in
from privacybot.web.state import WebState

RIGHT_VALUES = tuple(sorted(r.value for r in RIGHTS))


def _text(value: str) -> str:
    """Form text as typed: browsers send CRLF line ends from a textarea."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def case_filter(state: WebState, params: dict[str, Any]) -> tuple[repo.CaseFilter, dict[str, Any]]:
    """The work queue's filters from the query string; unknown values are ignored."""
    today = state.today()
    within_raw = str(params.get("due_within") or "").strip()
    within = int(within_raw) if within_raw.isdigit() and int(within_raw) <= 366 else None
    status = _choice(params.get("status"), tuple(s.value for s in CaseStatus))
    right = _choice(params.get("right"), RIGHT_VALUES)
    company = _choice(params.get("company"), COMPANIES)
    channel = _choice(params.get("channel"), tuple(c.value for c in Channel))
    overdue = params.get("overdue") in ("1", "true", "on")
    needs_staff = params.get("needs_staff") in ("1", "true", "on")
    flt = repo.CaseFilter(
        status=status,
        right=right,
        company=company,
        channel=channel,
        due_by=add_working_days(today, within, state.desk.clockwork.calendar)
        if within is not None
        else None,
        overdue_on=today if overdue else None,
        needs_staff=True if needs_staff else None,
    )
    shown = {
        "status": status,
        "right": right,
        "company": company,
        "channel": channel,
        "due_within": within,
        "overdue": overdue,
        "needs_staff": needs_staff,
    }
    return flt, shown


def _offset(request: Request) -> int:
    raw = request.query_params.get("offset", "0")
    return min(int(raw), 10_000_000) if raw.isdigit() else 0


def register(app: FastAPI, state: WebState) -> None:
    cal = state.desk.clockwork.calendar
    tz = state.desk.clockwork.tz
    size = state.options.page_size

    @app.get("/cases", include_in_schema=False)
    def work_queue(request: Request) -> Response:
        who = signed_in(state, request)
        t = translator(who.language)
        flt, shown = case_filter(state, dict(request.query_params))
        offset = _offset(request)
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
    ) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            case_action(state, who, reference, action, _text(reason), ground, partial == "1")
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
            attachable=data["kind"] in drafts.ATTACHABLE_KINDS,
            max_mb=state.options.max_upload_bytes // (1024 * 1024),
            error=str(error) if error else None,
            explain=explain,
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
            draft_action(state, who, draft_id, action, _text(reason), _text(body), subject)
        except Refusal as refusal:
            return draft_page(request, who, draft_id, error=refusal)
        return RedirectResponse(f"/drafts/{draft_id}?done={action}", status_code=303)

    @app.get("/drafts", include_in_schema=False)
    def list_drafts(request: Request) -> Response:
        who = signed_in(state, request)
        t = translator(who.language)
        offset = _offset(request)
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


def case_action(
    state: WebState,
    who: Who,
    reference: str,
    action: str,
    reason: str,
    ground: str = "",
    partial: bool = False,
) -> str:
    """extend, refuse, close or reopen through service/actions; returns a line for the person."""
    now = state.clock.now()
    desk = state.desk
    if action not in ("extend", "refuse", "close", "reopen"):
        raise Refusal(404, f"no action {action[:40]}")
    if not reason.strip():
        raise Refusal(422, "give a reason")

    def work(session: Session) -> str:
        if action == "extend":
            done = actions.extend(
                session,
                desk,
                reference,
                staff=who.email,
                reason=reason,
                today=state.today(),
                now=now,
            )
            return f"extended to {done.due}; the notice is draft {done.notice.id}"
        if action == "refuse":
            letter = actions.refuse(
                session,
                desk,
                reference,
                staff=who.email,
                ground=ground,
                reasons=reason,
                partial=partial,
                now=now,
            )
            return f"refusal drafted as draft {letter.id}"
        if action == "close":
            actions.close(session, reference, staff=who.email, now=now, reason=reason)
            return "closed"
        case = actions.reopen(session, reference, staff=who.email, reason=reason, now=now)
        return f"reopened: {case.status}"

    return run(state, work)


def draft_action(
    state: WebState,
    who: Who,
    draft_id: int,
    action: str,
    reason: str = "",
    body: str = "",
    subject: str = "",
) -> Draft:
    now = state.clock.now()
    if action not in ("approve", "reject", "edit"):
        raise Refusal(404, f"no action {action[:40]}")

    def work(session: Session) -> Draft:
        if action == "approve":
            return drafts.approve(
                session, draft_id, staff=who.email, outgoing=state.desk.outgoing, now=now
            )
        if action == "reject":
            return drafts.reject(session, draft_id, staff=who.email, reason=reason, now=now)
        if "\n" in subject or "\r" in subject:
            raise Refusal(422, "the subject is one line")
        return drafts.edit(
            session, draft_id, staff=who.email, body=body, subject=subject or None, now=now
        )

    return run(state, work)


def attach_upload(state: WebState, who: Who, draft_id: int, upload: UploadFile | None) -> int:
    """Read at most the limit plus one byte, so an oversized upload is refused, not stored."""
    if upload is None or not upload.filename:
        raise Refusal(422, "choose a file")
    limit = state.options.max_upload_bytes
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise Refusal(413, f"the file is larger than {limit // (1024 * 1024)} MB")
    name, ctype = upload.filename, upload.content_type or "application/octet-stream"
    now = state.clock.now()

    def work(session: Session) -> int:
        row = drafts.attach(
            session, draft_id, name, ctype, data, staff=who.email, now=now, max_bytes=limit
        )
        return row.id or 0

    return run(state, work)
