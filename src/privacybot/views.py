"""JSON shapes of docs/operators.md, built from rows; shared by the CLI, the API and the digest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from privacybot.db.models import AuditEvent, Case, Draft, Requester


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


def draft_json(draft: Draft, case_reference: str | None) -> dict[str, Any]:
    return {
        "id": draft.id,
        "case": case_reference,
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
