"""How fast is the dashboard with 100,000 cases? The work queue's first page and a case page.

Loads 100,000 cases (with requesters, one opening message and audit event each) into
SQLite, and into PostgreSQL when a URL is given, signs in one officer and times 200
requests of each page through the whole app (session lookup, query, template) in
process. Prints p50/p95 per page; the target is p95 <= 100 ms. Nothing is asserted.

    .venv/bin/python bench/web_speed.py [--cases 100000] [--requests 200]
        [--postgres postgresql+psycopg://privacybot:privacybot@127.0.0.1:5432/privacybot_test]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine

from privacybot.cases.deadline import Clockwork, HolidayCalendar
from privacybot.clock import FixedClock
from privacybot.db import migrate
from privacybot.db.models import AuditEvent, Case, Draft, InboundMessage, Requester
from privacybot.db.session import make_engine, transaction
from privacybot.domain import COMPANIES, RIGHTS
from privacybot.service.desk import Desk, Outgoing
from privacybot.staff import add_staff

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
PASSWORD = "een lang wachtwoord"
STATUSES = ("awaiting_verification", "open", "open", "answered", "closed", "closed")
RIGHT_LIST = sorted(r.value for r in RIGHTS)


def _rows(n: int, rng: random.Random) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """Batches of rows per table, in foreign-key order."""
    requesters = max(1, n // 5)
    yield (
        "requester",
        [
            {
                "id": i + 1,
                "channel": "email",
                "address": f"burger{i}@example.nl",
                "address_hmac": hashlib.sha256(str(i).encode()).hexdigest(),
                "created": NOW,
            }
            for i in range(requesters)
        ],
    )
    batch: list[dict[str, object]] = []
    for i in range(n):
        received = NOW - timedelta(days=rng.randint(0, 420), minutes=rng.randint(0, 1440))
        receipt = received.date()
        due = receipt + timedelta(days=28)
        status = rng.choice(STATUSES)
        year = 2025 if i < n // 2 else 2026
        seq = i + 1 if year == 2025 else i + 1 - n // 2
        batch.append(
            {
                "id": i + 1,
                "reference": f"PRV-{year}-{seq:05d}",
                "year": year,
                "seq": seq,
                "status": status,
                "rights": rng.sample(RIGHT_LIST, rng.choice((1, 1, 2))),
                "company": rng.choice(COMPANIES),
                "language": rng.choice(("nl", "nl", "en")),
                "channel": "email" if rng.random() < 0.9 else "telegram",
                "requester_id": rng.randint(1, requesters),
                "received": received,
                "receipt_date": receipt,
                "due": due,
                "gdpr_due": due,
                "extended_due": due + timedelta(days=56) if rng.random() < 0.05 else None,
                "verified": status != "awaiting_verification",
                "needs_staff": rng.random() < 0.05,
                "effective_due": due,  # the writer keeps extended_due or due here (below)
                "created": received,
                "updated": received,
            }
        )
        row = batch[-1]
        row["effective_due"] = row["extended_due"] or due
    yield "case", batch
    yield (
        "inbound_message",
        [
            {
                "channel": "email",
                "source": "bench",
                "channel_key": f"bench:{c['id']}",
                "raw": b"Subject: Verzoek\r\n\r\nIk wil graag inzage in mijn gegevens.\r\n" * 3,
                "size": 200,
                "received": c["received"],
                "stored_at": c["received"],
                "state": "triaged",
                "labels": c["rights"],
                "language": "nl",
                "confidence": 0.9,
                "sender": "burger@example.nl",
                "subject": "Verzoek",
                "case_id": c["id"],
                "cleaned": "Ik wil graag inzage in mijn gegevens bij " + str(c["company"]) + ".",
                "verdict": {
                    "action": "open",
                    "hits": [{"rule": "R13-verify-first", "reason": "x"}],
                },
            }
            for c in batch
        ],
    )
    yield (
        "audit_event",
        [
            {
                "case_id": c["id"],
                "case_reference": c["reference"],
                "actor": "privacybot",
                "action": "case_opened",
                "detail": {"rule": "R13-verify-first"},
                "at": c["received"],
            }
            for c in batch
        ],
    )


def load(engine: Engine, n: int) -> str:
    """Fill the tables; returns the reference of a busy case for the case page."""
    rng = random.Random(14)
    tables = {
        "requester": Requester.__table__,  # type: ignore[attr-defined]
        "case": Case.__table__,  # type: ignore[attr-defined]
        "inbound_message": InboundMessage.__table__,  # type: ignore[attr-defined]
        "audit_event": AuditEvent.__table__,  # type: ignore[attr-defined]
    }
    with engine.begin() as conn:
        for name, rows in _rows(n, rng):
            for start in range(0, len(rows), 5000):
                conn.execute(insert(tables[name]), rows[start : start + 5000])
    busy = "PRV-2026-00042"
    with transaction(engine) as s:
        case = s.exec(text('SELECT id FROM "case" WHERE reference = :r').bindparams(r=busy)).one()  # type: ignore[call-overload]
        case_id = case[0]
        for k in range(8):
            s.add(
                Draft(
                    case_id=case_id,
                    kind="answer_access",
                    language="nl",
                    status="sent" if k < 7 else "awaiting_approval",
                    to_address="burger@example.nl",
                    subject=f"Re: [{busy}] Verzoek",
                    body="Geachte heer/mevrouw,\n\n" + "Tekst van de brief. " * 80,
                    message_id=f"<bench.{k}.{uuid.uuid4().hex}@conxillium.nl>",
                    created=NOW,
                    updated=NOW,
                )
            )
            for e in range(5):
                s.add(
                    AuditEvent(
                        case_id=case_id,
                        case_reference=busy,
                        actor="olga@conxillium.nl",
                        action="draft_edited",
                        detail={"draft": k, "n": e},
                        at=NOW,
                    )
                )
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    return busy


def measure(engine: Engine, busy: str, requests: int) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from privacybot.web.app import create_app

    clock = FixedClock(NOW)
    desk = Desk(
        clockwork=Clockwork(ZoneInfo("Europe/Amsterdam"), HolidayCalendar.load()),
        outgoing=Outgoing("privacy@conxillium.nl", frozenset()),
        key=b"bench-key-0123456789",
    )
    with transaction(engine) as s:
        add_staff(s, email="olga@conxillium.nl", role="officer", password=PASSWORD, now=NOW)
    client = TestClient(create_app(engine, clock, desk=desk), follow_redirects=False)
    page = client.get("/login").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    signed = client.post(
        "/login", data={"email": "olga@conxillium.nl", "password": PASSWORD, "csrf": csrf.group(1)}
    )
    assert signed.status_code == 303, signed.text[:300]
    urls = {
        "work queue, status=open & company": "/cases?status=open&company=GeoTax",
        "work queue, right=access & due within 10": "/cases?right=access&due_within=10",
        "work queue, overdue & needs staff": "/cases?overdue=1&needs_staff=1",
        "case page (8 letters, 41 events)": f"/cases/{busy}",
    }
    times: dict[str, list[float]] = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200  # warm: templates compiled, caches filled
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            answer = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200
        times[name] = samples
    client.close()
    return times


def report(label: str, times: dict[str, list[float]]) -> None:
    print(f"\n{label}")
    for name, samples in times.items():
        ordered = sorted(samples)
        p50 = statistics.median(ordered)
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        flag = "ok" if p95 <= 100 else "OVER TARGET"
        print(f"  {name:<42} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({flag})")


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def run(url: str, label: str, cases: int, requests: int) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    started = time.perf_counter()
    busy = load(engine, cases)
    print(f"{label}: loaded {cases:,} cases in {time.perf_counter() - started:.1f} s")
    report(f"{label}, {cases:,} cases, {requests} requests each:", measure(engine, busy, requests))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--postgres", help="a PostgreSQL URL; a throw-away schema is used")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", "SQLite", args.cases, args.requests)
    if args.postgres:
        with postgres_schema(args.postgres) as url:
            run(url, "PostgreSQL", args.cases, args.requests)
    else:
        print("\n(PostgreSQL skipped: give --postgres URL)")


if __name__ == "__main__":
    main()
