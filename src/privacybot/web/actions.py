"""The staff use-cases as the web calls them: one transaction each, refusals as status + line.

The dashboard and the JSON API both come through here, so a viewer gets 403 and a
draft that is no longer waiting gets 409 whichever way they ask. The use-cases
(service/actions, drafts, queue; outbox/store) do the checking and the audit events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import UploadFile
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from privacybot.db.models import Draft
from privacybot.db.session import transaction
from privacybot.outbox import store
from privacybot.service import actions, drafts, queue
from privacybot.service.actions import ActionError
from privacybot.service.cases import CaseError
from privacybot.service.drafts import DraftError, FileRefused
from privacybot.service.queue import QueueError
from privacybot.staff import StaffError, require_officer
from privacybot.states import IllegalTransition
from privacybot.web.auth import Who
from privacybot.web.state import WebState

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The words of service.drafts.approve when the four-eyes rule refuses.
FOUR_EYES = "another officer must approve"


class Refusal(Exception):
    """A use-case said no; ``status`` for HTTP, the message for the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

    @property
    def four_eyes(self) -> bool:
        return FOUR_EYES in str(self)


def _status(message: str) -> int:
    return 404 if message.startswith("no ") else 409


def run(state: WebState, work: Callable[[Session], T]) -> T:
    try:
        with transaction(state.engine) as session:
            return work(session)
    except StaffError as exc:
        raise Refusal(403, str(exc)) from None
    except FileRefused as exc:
        raise Refusal(422, str(exc)) from None
    except (DraftError, ActionError, CaseError, QueueError, IllegalTransition) as exc:
        raise Refusal(_status(str(exc)), str(exc)) from None
    except LookupError as exc:
        raise Refusal(404, str(exc).strip("'\"")) from None
    except ValueError as exc:
        raise Refusal(409, str(exc)) from None
    except IntegrityError:
        # Two people (or one double click) did the same at the same moment: one won.
        raise Refusal(409, "this was just done by another request; reload the page") from None


def _outbox(state: WebState, work: Callable[[], None]) -> None:
    """outbox/store opens its own transaction; map its refusals the same way."""
    try:
        work()
    except LookupError as exc:
        raise Refusal(404, str(exc).strip("'\"")) from None
    except (ValueError, IllegalTransition) as exc:
        raise Refusal(409, str(exc)) from None


def case_action(
    state: WebState,
    who: Who,
    reference: str,
    action: str,
    reason: str,
    ground: str = "",
    partial: bool = False,
    right: str = "",
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
                right=right or None,
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
        # The type is taken from what the file is (privacybot.attachments), not the
        # browser's claim (``ctype``), which is only kept for the log.
        row = drafts.attach(
            session, draft_id, filename=name, data=data, staff=who.email, now=now, max_total=limit
        )
        log.info("draft %s: file attached (browser said %s)", draft_id, ctype[:60])
        return row.id or 0

    return run(state, work)


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
        _outbox(state, lambda: store.requeue(state.engine, item_id, who.email, now))
    else:
        if not reason.strip():
            raise Refusal(422, "give a reason")
        _outbox(state, lambda: store.cancel(state.engine, item_id, who.email, now, reason))
