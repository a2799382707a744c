"""Health, metrics and the JSON API: open counts, personal data only for staff."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from privacybot.db.session import transaction
from privacybot.staff import add_staff
from privacybot.web.app import create_app
from tests.flow.helpers import mail, make_flow


def test_health_metrics_and_staff_only_api(engine: Engine) -> None:
    flow = make_flow(engine)
    flow.receive(mail("Ik wil graag inzage in mijn gegevens bij GeoTax."))
    with transaction(engine) as s:
        add_staff(
            s,
            email="olga@conxillium.nl",
            role="officer",
            password="lang genoeg wachtwoord",
            now=datetime(2026, 6, 1, tzinfo=UTC),
        )
    client = TestClient(create_app(engine))

    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"

    metrics = client.get("/metrics").text
    assert 'privacybot_cases{status="awaiting_verification"} 1' in metrics
    assert "anna@example.nl" not in metrics

    assert client.get("/api/cases").status_code == 401
    wrong = client.get("/api/cases", auth=("olga@conxillium.nl", "fout"))
    assert wrong.status_code == 401
    ok = client.get("/api/cases", auth=("olga@conxillium.nl", "lang genoeg wachtwoord"))
    assert ok.status_code == 200
    [case] = ok.json()
    assert case["reference"] == "PRV-2026-00001" and case["requester"] == "anna@example.nl"
    one = client.get(
        "/api/cases/PRV-2026-00001", auth=("olga@conxillium.nl", "lang genoeg wachtwoord")
    )
    assert one.json()["events"][0]["action"] == "case_opened"
    missing = client.get(
        "/api/cases/PRV-2026-09999", auth=("olga@conxillium.nl", "lang genoeg wachtwoord")
    )
    assert missing.status_code == 404
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/docs").status_code == 401
    schema = client.get("/openapi.json", auth=("olga@conxillium.nl", "lang genoeg wachtwoord"))
    assert "/api/cases" in schema.json()["paths"]
