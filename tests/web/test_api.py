"""Health, metrics and the JSON API: open counts, personal data and actions only for staff."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from privacybot.metrics import observe_triage
from tests.flow.helpers import mail
from tests.web.conftest import BRAM, OLGA, PASSWORD, VERA, Web, bearer, fill_in, verified_request


def test_healthz_lists_named_checks_and_needs_no_sign_in(web: Web) -> None:
    web.flow.receive(mail("Ik wil graag inzage in mijn gegevens bij GeoTax."))
    health = web.client().get("/healthz")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert set(body["checks"]) == {"database", "intake", "outbox", "scheduler"}
    assert body["checks"]["intake"]["imap"] == "not in this process"
    assert "last_digest" in body["checks"]["scheduler"]
    assert "anna@example.nl" not in health.text


def test_metrics_are_for_staff_and_count_without_names(web: Web) -> None:
    web.flow.receive(mail("Ik wil graag inzage in mijn gegevens bij GeoTax."))
    observe_triage(0.3)
    client = web.client()
    assert client.get("/metrics").status_code == 401
    text = client.get("/metrics", headers=bearer(web, VERA)).text
    assert 'privacybot_cases{status="awaiting_verification"} 1.0' in text
    assert 'privacybot_messages_in_total{channel="email"} 1.0' in text
    assert "privacybot_cases_overdue 0.0" in text
    assert "privacybot_drafts_awaiting_approval" in text
    assert "privacybot_triage_latency_seconds_bucket" in text
    assert "anna@example.nl" not in text


def test_the_api_reads_with_a_token_or_password_and_acts_for_officers(web: Web) -> None:
    answer = verified_request(web.flow)
    client: TestClient = web.client()
    assert client.get("/api/cases").status_code == 401
    assert client.get("/api/cases", auth=(OLGA, "fout")).status_code == 401
    [case] = client.get("/api/cases", auth=(OLGA, PASSWORD)).json()
    assert case["reference"] == "PRV-2026-00001" and case["verified"] is True
    one = client.get("/api/cases/PRV-2026-00001", headers=bearer(web, VERA)).json()
    assert one["events"][0]["action"] == "case_opened" and one["timeline"]
    assert client.get("/api/cases/PRV-2026-09999", headers=bearer(web, VERA)).status_code == 404
    draft: dict[str, Any] = client.get(f"/api/drafts/{answer.id}", headers=bearer(web, VERA)).json()
    assert draft["letter"]["headers"]["To"] == "anna@example.nl"
    assert client.get("/openapi.json").status_code == 401
    schema = client.get("/openapi.json", headers=bearer(web, VERA)).json()
    for path in ("/api/cases", "/api/drafts/{draft_id}/approve", "/api/queue/{inbound_id}/open"):
        assert path in schema["paths"]

    fill_in(web.flow, answer, OLGA)
    attach = client.post(
        f"/api/drafts/{answer.id}/attach",
        files={"file": ("gegevens.csv", b"naam;adres\n", "text/csv")},
        headers=bearer(web, OLGA),
    )
    assert attach.status_code == 200
    refused = client.post(f"/api/drafts/{answer.id}/approve", headers=bearer(web, OLGA))
    assert refused.status_code == 409 and "another officer" in refused.json()["detail"]
    done = client.post(f"/api/drafts/{answer.id}/approve", headers=bearer(web, BRAM))
    assert done.status_code == 200 and done.json()["status"] == "queued"
    letter = client.get(f"/api/drafts/{answer.id}", headers=bearer(web, BRAM)).json()["letter"]
    assert letter["attachments"] == ["gegevens.csv"]

    extend = client.post(
        "/api/cases/PRV-2026-00001/extend",
        json={"reason": "veel systemen"},
        headers=bearer(web, BRAM),
    )
    assert extend.status_code == 200, extend.text
    close = client.post(
        "/api/cases/PRV-2026-00001/close", json={"reason": "klaar"}, headers=bearer(web, VERA)
    )
    assert close.status_code == 403
    assert client.get("/api/queue", headers=bearer(web, VERA)).json() == []
    assert client.get("/api/outbox", headers=bearer(web, VERA)).json()["failed"] == []
