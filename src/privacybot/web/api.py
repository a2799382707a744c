"""The JSON API under /api/: the dashboard's reads and actions for scripts and tools.

Who may call it: a personal token (``Authorization: Bearer pbt_…``), a staff password
(HTTP Basic, throttled like every sign-in), or the dashboard's session cookie, which
must then send its CSRF token in ``X-CSRF-Token`` with every POST. Viewers read;
officers act. Every status an endpoint can answer is in the OpenAPI description
(``COMMON``), and a test runs schemathesis against it.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    File,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
    UploadFile,
)
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from pydantic import BaseModel, Field, StringConstraints

from privacybot.db import repo
from privacybot.db.models import Case, Draft
from privacybot.db.session import read_transaction
from privacybot.domain import CaseStatus, Channel, DraftStatus, Label
from privacybot.outbox import store
from privacybot.service import drafts, queue
from privacybot.staff import Client, SignInRefused, identify_by_token, sign_in
from privacybot.views import (
    case_detail_json,
    case_json,
    draft_json,
    message_json,
    queue_item_json,
    timeline_json,
)
from privacybot.web.actions import (
    Refusal,
    attach_upload,
    case_action,
    draft_action,
    outbox_action,
    queue_action,
)
from privacybot.web.auth import SAFE_METHODS, Who, client_address, session_who
from privacybot.web.filters import case_filter
from privacybot.web.sessions import csrf_matches
from privacybot.web.state import WebState

#: Text without NUL (PostgreSQL refuses it in text columns), bounded.
Line = Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")]
Text = Annotated[str, StringConstraints(max_length=200_000, pattern=r"^[^\x00]*$")]
Reference = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,32}$")]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Limit = Annotated[int, Query(ge=1, le=repo.MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]

COMMON: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed request"},
    401: {"description": "Not signed in: a token, a password or a session is needed"},
    403: {"description": "Signed in, but not allowed (a viewer acting, CSRF, cross-site)"},
    404: {"description": "No such case, draft, message or item"},
    409: {"description": "Refused by the rules (four eyes, state, already done)"},
    413: {"description": "Upload too large"},
    422: {"description": "Invalid input"},
    429: {"description": "Too many failed sign-ins: wait Retry-After seconds"},
}


class Reason(BaseModel):
    reason: Line = Field(min_length=1)


class Refuse(BaseModel):
    ground: Line
    reasons: Line = Field(min_length=1)
    partial: bool = False
    #: Which of the case's rights is refused; required when the case holds more than one.
    right: Line | None = None


class Edit(BaseModel):
    body: Text = Field(min_length=1)
    subject: Line | None = None


class Assign(BaseModel):
    reference: Line


class Open(BaseModel):
    rights: list[Line] = Field(min_length=1, max_length=10)
    company: Line | None = None
    language: Literal["nl", "en"] | None = None


class Done(BaseModel):
    ok: bool = True
    result: str


def _fail(refusal: Refusal) -> HTTPException:
    return HTTPException(refusal.status, str(refusal))


_basic = HTTPBasic(realm="privacybot", auto_error=False)
_bearer = HTTPBearer(auto_error=False)
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="privacybot", Basic realm="privacybot"'}


def staff_member(
    request: Request,
    token: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008
    credentials: HTTPBasicCredentials | None = Depends(_basic),  # noqa: B008
) -> Who:
    """Cases hold personal data: every /api call needs a token, a password or a session.

    A personal token costs one indexed lookup; a password goes through the same
    throttled sign-in as everywhere else; a session cookie needs its CSRF token
    (``X-CSRF-Token``) for anything but reading.
    """
    state: WebState = request.app.state.web
    challenge = _CHALLENGE
    now = state.clock.now()
    if token is not None and token.scheme.lower() == "bearer":
        identity = identify_by_token(state.engine, token.credentials, now)
        if identity is None:
            raise HTTPException(401, "unknown token", headers=challenge)
        return Who(identity.email, identity.role, "nl", "token")
    if credentials is not None:
        client = Client(client_address(request))
        try:
            identity = sign_in(
                state.engine, credentials.username, credentials.password, client, now
            )
        except SignInRefused as exc:
            if exc.retry_after:
                raise HTTPException(
                    429, str(exc), headers={"Retry-After": str(exc.retry_after)}
                ) from None
            raise HTTPException(401, str(exc), headers=challenge) from None
        return Who(identity.email, identity.role, "nl", "password")
    who = session_who(state, request)
    if who is None:
        raise HTTPException(401, "sign in", headers=challenge)
    if request.method not in SAFE_METHODS and (
        who.csrf is None or not csrf_matches(who.csrf, request.headers.get("x-csrf-token"))
    ):
        raise HTTPException(403, "missing or wrong X-CSRF-Token")
    return who


Staff = Annotated[Who, Depends(staff_member)]


def build(state: WebState) -> APIRouter:
    router = APIRouter(prefix="/api", responses=COMMON)

    @router.get("/cases")
    def api_cases(
        who: Staff,
        response: Response,
        status: CaseStatus | None = None,
        right: Label | None = None,
        company: Annotated[str | None, Query(max_length=64, pattern=r"^[^\x00]*$")] = None,
        channel: Channel | None = None,
        due_within: Annotated[int | None, Query(ge=0, le=366)] = None,
        overdue: bool = False,
        needs_staff: bool | None = None,
        order: Literal["received", "due"] = "received",
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> list[dict[str, Any]]:
        """One page of cases; a ``Link: <…>; rel="next"`` header when there may be more."""
        flt, _ = case_filter(
            state,
            {
                "status": status,
                "right": right,
                "company": company,
                "channel": channel,
                "due_within": str(due_within) if due_within is not None else None,
                "overdue": "1" if overdue else None,
            },
        )
        # The API takes any company name (the pages offer the list) and needs_staff=false.
        flt = replace(flt, company=company or None, needs_staff=needs_staff)
        with read_transaction(state.engine) as s:
            rows = [
                case_json(c, r)
                for c, r in repo.list_cases(s, flt, limit=limit, offset=offset, order=order)
            ]
        _next_link(response, "/api/cases", len(rows), limit, offset)
        return rows

    @router.get("/cases/{reference}")
    def api_case(who: Staff, reference: Reference) -> dict[str, Any]:
        """One case with its audit events and its timeline (messages in, letters out, events)."""
        with read_transaction(state.engine) as s:
            case = repo.case_by_reference(s, reference)
            if case is None:
                raise HTTPException(404, f"no case {reference}")
            events = repo.events_for(s, case)
            out = case_detail_json(case, repo.requester_of(s, case), events)
            out["timeline"] = timeline_json(
                repo.messages_of(s, case), repo.drafts_of(s, case), events
            )
            return out

    def _case_act(
        who: Who,
        reference: str,
        action: str,
        reason: str,
        ground: str = "",
        partial: bool = False,
        right: str = "",
    ) -> Done:
        try:
            return Done(
                result=case_action(state, who, reference, action, reason, ground, partial, right)
            )
        except Refusal as refusal:
            raise _fail(refusal) from None

    @router.post("/cases/{reference}/extend")
    def api_extend(who: Staff, reference: Reference, body: Reason) -> Done:
        return _case_act(who, reference, "extend", body.reason)

    @router.post("/cases/{reference}/refuse")
    def api_refuse(who: Staff, reference: Reference, body: Refuse) -> Done:
        return _case_act(
            who, reference, "refuse", body.reasons, body.ground, body.partial, body.right or ""
        )

    @router.post("/cases/{reference}/close")
    def api_close(who: Staff, reference: Reference, body: Reason) -> Done:
        return _case_act(who, reference, "close", body.reason)

    @router.post("/cases/{reference}/reopen")
    def api_reopen(who: Staff, reference: Reference, body: Reason) -> Done:
        return _case_act(who, reference, "reopen", body.reason)

    @router.get("/drafts")
    def api_drafts(
        who: Staff,
        response: Response,
        status: DraftStatus | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> list[dict[str, Any]]:
        with read_transaction(state.engine) as s:
            page = repo.list_drafts(s, status=status, limit=limit, offset=offset)
            rows = [draft_json(r.draft, r.reference, r.due) for r in page]
        _next_link(response, "/api/drafts", len(rows), limit, offset)
        return rows

    @router.get("/drafts/{draft_id}")
    def api_draft(who: Staff, draft_id: Id) -> dict[str, Any]:
        """A draft and its letter exactly as it will be sent (headers, text, file names)."""
        with read_transaction(state.engine) as s:
            draft = s.get(Draft, draft_id)
            if draft is None:
                raise HTTPException(404, f"no draft {draft_id}")
            case = s.get(Case, draft.case_id) if draft.case_id else None
            out = draft_json(draft, case.reference if case else None)
            out["body"] = draft.body
            try:
                letter = drafts.preview(s, draft_id, state.desk.outgoing, state.clock.now())
                data = asdict(letter)
                data["headers"] = dict(letter.headers)
                out["letter"] = data
            except drafts.DraftError as exc:
                out["letter"] = None
                out["letter_problem"] = str(exc)
        return out

    def _draft_act(who: Who, draft_id: int, action: str, **kw: str) -> dict[str, Any]:
        try:
            draft = draft_action(state, who, draft_id, action, **kw)
        except Refusal as refusal:
            raise _fail(refusal) from None
        return draft_json(draft, None)

    @router.post("/drafts/{draft_id}/approve")
    def api_approve(who: Staff, draft_id: Id) -> dict[str, Any]:
        """Four eyes: not the officer who last edited it; sent once however often it is posted."""
        return _draft_act(who, draft_id, "approve")

    @router.post("/drafts/{draft_id}/reject")
    def api_reject(who: Staff, draft_id: Id, body: Reason) -> dict[str, Any]:
        return _draft_act(who, draft_id, "reject", reason=body.reason)

    @router.post("/drafts/{draft_id}/edit")
    def api_edit(who: Staff, draft_id: Id, body: Edit) -> dict[str, Any]:
        return _draft_act(who, draft_id, "edit", body=body.body, subject=body.subject or "")

    @router.post("/drafts/{draft_id}/attach")
    def api_attach(who: Staff, draft_id: Id, file: UploadFile = File(...)) -> dict[str, Any]:  # noqa: B008
        """Add a file (multipart field ``file``) to an access or portability answer."""
        try:
            attachment = attach_upload(state, who, draft_id, file)
        except Refusal as refusal:
            raise _fail(refusal) from None
        return {"ok": True, "attachment": attachment}

    @router.get("/queue")
    def api_queue(who: Staff, limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        """The staff triage queue, oldest first."""
        with read_transaction(state.engine) as s:
            return [queue_item_json(r) for r in queue.waiting(s, limit=limit, offset=offset)]

    @router.get("/queue/{inbound_id}")
    def api_queue_item(who: Staff, inbound_id: Id, original: bool = False) -> dict[str, Any]:
        with read_transaction(state.engine) as s:
            try:
                return message_json(queue.get(s, inbound_id), original=original)
            except queue.QueueError as exc:
                raise HTTPException(404, str(exc)) from None

    def _queue_act(who: Who, inbound_id: int, action: str, fields: dict[str, Any]) -> Done:
        try:
            ref = queue_action(state, who, inbound_id, action, fields)
        except Refusal as refusal:
            raise _fail(refusal) from None
        return Done(result=ref or action)

    @router.post("/queue/{inbound_id}/assign")
    def api_assign(who: Staff, inbound_id: Id, body: Assign) -> Done:
        return _queue_act(who, inbound_id, "assign", {"reference": body.reference})

    @router.post("/queue/{inbound_id}/open")
    def api_open(who: Staff, inbound_id: Id, body: Open) -> Done:
        return _queue_act(who, inbound_id, "open", body.model_dump())

    @router.post("/queue/{inbound_id}/dismiss")
    def api_dismiss(who: Staff, inbound_id: Id, body: Reason) -> Done:
        return _queue_act(who, inbound_id, "dismiss", {"reason": body.reason})

    @router.post("/queue/{inbound_id}/retry")
    def api_retry(who: Staff, inbound_id: Id) -> Done:
        return _queue_act(who, inbound_id, "retry", {})

    @router.get("/outbox")
    def api_outbox(who: Staff, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Counts by status, and the failed and in-doubt items that wait for staff."""
        with read_transaction(state.engine) as s:
            failed = [
                {
                    "id": item.id,
                    "case": ref,
                    "draft": item.draft_id,
                    "attempts": item.attempts,
                    "error": item.last_error,
                }
                for item, ref in repo.failed_outbox(s, limit=limit, offset=offset)
            ]
        return {"counts": store.counts(state.engine), "failed": failed}

    @router.post("/outbox/{item_id}/requeue")
    def api_requeue(who: Staff, item_id: Id) -> Done:
        try:
            outbox_action(state, who, item_id, "retry")
        except Refusal as refusal:
            raise _fail(refusal) from None
        return Done(result="requeued")

    @router.post("/outbox/{item_id}/cancel")
    def api_cancel(who: Staff, item_id: Id, body: Reason) -> Done:
        try:
            outbox_action(state, who, item_id, "cancel", body.reason)
        except Refusal as refusal:
            raise _fail(refusal) from None
        return Done(result="cancelled")

    return router


def _next_link(response: Response, path: str, shown: int, limit: int, offset: int) -> None:
    if shown >= limit:
        response.headers["Link"] = f'<{path}?limit={limit}&offset={offset + shown}>; rel="next"'


def register(app: FastAPI, state: WebState) -> Any:
    app.state.web = state
    app.include_router(build(state))
    return staff_member
