"""JSON shapes of docs/operators.md, built from rows; shared by the CLI, the API and the digest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from privacybot.cases.codes import mask
from privacybot.db.models import AuditEvent, Case, Draft, InboundMessage, Requester


def _utc_iso(instant: datetime) -> str:
    """ISO 8601 with a Z, as docs/operators.md shows instants."""
    return instant.isoformat().replace("+00:00", "Z")


def case_json(case: Case, requester: Requester | None) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "status": case.status,
        "rights": list(case.rights),
        "company": case.company,
        "language": case.language,
        "channel": case.channel,
        "requester": requester.address if requester else None,
        "verified": case.verified,
        "needs_staff": case.needs_staff,
        "received": _utc_iso(case.received),
        "due": case.due.isoformat(),
        "gdpr_due": case.gdpr_due.isoformat(),
        "extended_due": case.extended_due.isoformat() if case.extended_due else None,
        "parent_case_id": case.parent_case_id,
    }


def event_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": _utc_iso(event.at),
        "actor": event.actor,
        "action": event.action,
        "detail": event.detail,
    }


def case_detail_json(
    case: Case, requester: Requester | None, events: Sequence[AuditEvent]
) -> dict[str, Any]:
    out = case_json(case, requester)
    out["events"] = [event_json(e) for e in events]
    return out


def draft_json(draft: Draft, case_reference: str | None, due: date | None = None) -> dict[str, Any]:
    return {
        "id": draft.id,
        "case": case_reference,
        "due": due.isoformat() if due else None,
        "kind": draft.kind,
        "language": draft.language,
        "status": draft.status,
        "subject": draft.subject,
        "to": draft.to_address,
        "automatic": draft.automatic,
        "edited_by": draft.edited_by,
        "decided_by": draft.decided_by,
        "created": _utc_iso(draft.created),
    }


def queue_item_json(row: InboundMessage) -> dict[str, Any]:
    """A message in the staff triage queue: why it waits and what the classifier thought."""
    verdict = row.verdict or {}
    return {
        "id": row.id,
        "state": row.state,
        "channel": row.channel,
        "received": _utc_iso(row.received),
        "sender": row.sender,
        "subject": row.subject,
        "reason": row.staff_reason or row.problem,
        "labels": list(row.labels or []),
        "confidence": row.confidence,
        "candidates": verdict.get("candidates", []),
        "rules": [hit["rule"] for hit in verdict.get("hits", [])],
        "automatic": row.automatic,
        "case_id": row.case_id,
    }


def message_json(row: InboundMessage, original: bool = False) -> dict[str, Any]:
    """One inbound message for staff: the cleaned text, and the raw one on request."""
    out = queue_item_json(row)
    out["text"] = row.cleaned
    out["verdict"] = row.verdict
    out["problem"] = row.problem
    if original:
        out["original"] = row.raw.decode("utf-8", "replace")
    return out


def timeline_json(
    messages: Sequence[InboundMessage],
    drafts: Sequence[Draft],
    events: Sequence[AuditEvent],
    original: bool = False,
) -> list[dict[str, Any]]:
    """Messages in, letters out and audit events of one case, in the order they happened."""
    items: list[tuple[datetime, int, dict[str, Any]]] = []
    for row in messages:
        items.append((row.received, 0, {"type": "in", **message_json(row, original)}))
    for draft in drafts:
        items.append(
            (
                draft.created,
                1,
                {
                    "type": "out",
                    "draft": draft.id,
                    "kind": draft.kind,
                    "status": draft.status,
                    "subject": draft.subject,
                    "text": mask(draft.body),
                },
            )
        )
    for event in events:
        items.append((event.at, 2, {"type": "event", **event_json(event)}))
    items.sort(key=lambda item: (item[0], item[1]))
    return [{"at": _utc_iso(at), **body} for at, _, body in items]
