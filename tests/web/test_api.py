"""Health, metrics and the JSON API: open counts, personal data and actions only for staff."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

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
    assert body["checks"]["scheduler"]["digest"]["last_sent_at"] is None
    assert "anna@example.nl" not in health.text


def _triaged_count(text: str) -> float:
    found = re.search(r"^privacybot_triage_latency_seconds_count (\S+)$", text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


def test_metrics_are_for_staff_and_count_without_names(web: Web) -> None:
    client = web.client()
    before = _triaged_count(client.get("/metrics", headers=bearer(web, VERA)).text)
    # The triage worker of this process observes the latency histogram (roles combined).
    web.flow.receive(mail("Ik wil graag inzage in mijn gegevens bij GeoTax."))
    assert client.get("/metrics").status_code == 401
    text = client.get("/metrics", headers=bearer(web, VERA)).text
    assert 'privacybot_cases{status="awaiting_verification"} 1.0' in text
    assert 'privacybot_messages_in_total{channel="email"} 1.0' in text
    assert "privacybot_cases_overdue 0.0" in text
    assert "privacybot_drafts_awaiting_approval" in text
    assert "privacybot_triage_latency_seconds_bucket" in text
    assert _triaged_count(text) == before + 1
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
    assert draft["letter"]["headers"]["To"] == "Anna de Vries <anna@example.nl>"
    assert client.get("/openapi.json").status_code == 401
    schema = client.get("/openapi.json", headers=bearer(web, VERA)).json()
    for path in ("/api/cases", "/api/drafts/{draft_id}/approve", "/api/queue/{inbound_id}/open"):
        assert path in schema["paths"]

    fill_in(web.flow, answer, OLGA, attaching=True)
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


def test_the_imap_watchers_state_shows_in_health_and_metrics(web: Web) -> None:
    from privacybot.web.app import create_app

    state = {"now": "backoff"}
    app = create_app(
        web.flow.engine, web.flow.clock, desk=web.flow.desk, imap_status=lambda: state["now"]
    )
    with TestClient(app) as client:
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["checks"]["intake"]["imap"] == "backoff"
        assert "intake" in health["warnings"]
        metrics = client.get("/metrics", headers=bearer(web, VERA)).text
        assert "privacybot_imap_connected 0.0" in metrics
        assert 'privacybot_imap_state{state="backoff"} 1.0' in metrics
        state["now"] = "idle"
        assert (
            "privacybot_imap_connected 1.0"
            in client.get("/metrics", headers=bearer(web, VERA)).text
        )
        assert "intake" not in client.get("/healthz").json()["warnings"]


def test_healthz_is_503_when_the_database_is_unreachable(web: Web) -> None:
    from privacybot.db.session import make_engine
    from privacybot.web.app import create_app
    from privacybot.web.health import database_check, outbox_check

    gone = make_engine("postgresql+psycopg://nobody:x@127.0.0.1:9/none")
    app = create_app(
        web.flow.engine,
        web.flow.clock,
        desk=web.flow.desk,
        checks=[database_check(gone), outbox_check(gone, web.flow.clock.now)],
    )
    with TestClient(app) as client:
        answer = client.get("/healthz")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "error" and body["database"] == "unreachable"
    assert body["checks"]["outbox"]["status"] == "error"
    gone.dispose()
