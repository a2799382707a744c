"""The read path at 1k, 10k and 100k cases: first pages of the lists and a case page.

Builds the cases with bulk inserts (one requester per ten cases, a draft and two audit
events per case), then times, over ``--requests`` calls each, through the JSON API
with a personal token (what the dashboard and scripts use):

- ``/api/cases`` (first page, by receipt) and ``/api/cases?order=due&overdue=true``
- ``/api/drafts`` (first page)
- ``/api/cases/{REF}`` (one case with its events)

and prints p50/p95 per call, with the process's resident memory before and after, so a
list that loads every row shows up as growing memory. Target: p95 <= 50 ms and flat
memory at 100k, on SQLite and on PostgreSQL.

    .venv/bin/python bench/read_path.py [--sizes 1000,10000,100000] [--requests 200]
    PRIVACYBOT_BENCH_DATABASE_URL=postgresql+psycopg://… .venv/bin/python bench/read_path.py
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import percentile, print_table  # noqa: E402

from privacybot.clock import FixedClock  # noqa: E402
from privacybot.db import migrate  # noqa: E402
from privacybot.db.models import AuditEvent, Case, Draft, Requester  # noqa: E402
from privacybot.db.session import make_engine, refresh_statistics, transaction  # noqa: E402
from privacybot.staff import add_staff, create_token  # noqa: E402
from privacybot.web.app import create_app  # noqa: E402

NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def fill(engine: Engine, total: int) -> None:
    """Bulk-insert ``total`` cases (and their requesters, drafts, events), wiping first."""
    with transaction(engine) as s:
        for model in (AuditEvent, Draft, Case, Requester):
            s.execute(delete(model))
    batch = 5000
    for start in range(0, total, batch):
        n = range(start, min(total, start + batch))
        with transaction(engine) as s:
            s.execute(
                insert(Requester),
                [
                    {
                        "id": i + 1,
                        "channel": "email",
                        "address": f"burger{i}@example.nl",
                        "address_hmac": f"{i:064x}",
                        "created": NOW,
                    }
                    for i in n
                    if i % 10 == 0
                ],
            )
            s.execute(
                insert(Case),
                [
                    {
                        "id": i + 1,
                        "reference": f"PRV-{2020 + i // 99999}-{i % 99999 + 1:05d}",
                        "year": 2020 + i // 99999,
                        "seq": i % 99999 + 1,
                        "status": ("open", "awaiting_verification", "answered", "closed")[i % 4],
                        "rights": ["access"] if i % 3 else ["erasure", "objection"],
                        "company": ("Procura", "GeoTax", None)[i % 3],
                        "language": "nl",
                        "channel": "email",
                        "requester_id": i - i % 10 + 1,
                        "received": NOW - timedelta(minutes=i),
                        "receipt_date": date(2026, 9, 1) - timedelta(days=i % 90),
                        "due": date(2026, 9, 29) - timedelta(days=i % 90),
                        "effective_due": date(2026, 9, 29) - timedelta(days=i % 90),
                        "gdpr_due": date(2026, 10, 1) - timedelta(days=i % 90),
                        "verified": i % 4 != 1,
                        "pause_days": 0,
                        "needs_staff": i % 7 == 0,
                        "refusal_partial": False,
                        "created": NOW,
                        "updated": NOW,
                    }
                    for i in n
                ],
            )
            s.execute(
                insert(Draft),
                [
                    {
                        "case_id": i + 1,
                        "kind": "answer_access",
                        "language": "nl",
                        "status": "awaiting_approval",
                        "channel": "email",
                        "to_address": f"burger{i - i % 10}@example.nl",
                        "subject": "Re: [PRV] Inzage",
                        "body": "Goedendag,\n\n" + "Uw gegevens. " * 40,
                        "contains_personal_data": True,
                        "automatic": False,
                        "message_id": f"<prv.bench{i}@conxillium.nl>",
                        "created": NOW,
                        "updated": NOW,
                    }
                    for i in n
                ],
            )
            s.execute(
                insert(AuditEvent),
                [
                    {
                        "case_id": i + 1,
                        "case_reference": None,
                        "actor": "privacybot",
                        "action": action,
                        "detail": {"rule": "bench"},
                        "at": NOW,
                    }
                    for i in n
                    for action in ("case_opened", "code_issued")
                ],
            )


def timed(client: TestClient, path: str, headers: dict[str, str], requests: int) -> list[float]:
    times: list[float] = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = client.get(path, headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:200])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    url = os.environ.get("PRIVACYBOT_BENCH_DATABASE_URL")
    workdir = tempfile.mkdtemp(prefix="privacybot-read-path-")
    engine = make_engine(url or f"sqlite:///{workdir}/bench.db")
    migrate.upgrade(engine)
    with transaction(engine) as s:
        from sqlmodel import select

        from privacybot.db.models import Staff

        member = s.exec(select(Staff).where(Staff.email == "bench@conxillium.nl")).first()
        if member is None:
            member = add_staff(
                s, email="bench@conxillium.nl", role="viewer", password=None, now=NOW
            )
            s.flush()
        token = create_token(s, member, "bench", NOW)
    headers = {"Authorization": f"Bearer {token}"}
    client = TestClient(create_app(engine, FixedClock(NOW)))
    print(f"database: {engine.dialect.name}; {args.requests} requests per call")
    rows = [["cases", "call", "p50 ms", "p95 ms", "RSS before MB", "RSS after MB"]]
    for size in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        fill(engine, size)
        refresh_statistics(engine)  # what the scheduler does daily (db/session.py)
        print(f"  {size} cases built in {time.perf_counter() - started:.1f} s")
        calls = {
            "/api/cases": "/api/cases",
            "work queue (due, overdue)": "/api/cases?order=due&overdue=true",
            "/api/drafts": "/api/drafts",
            "case page": f"/api/cases/PRV-2020-{size // 2 % 99999 + 1:05d}",
        }
        for name, path in calls.items():
            before = rss_mb()
            times = timed(client, path, headers, args.requests)
            rows.append(
                [
                    str(size),
                    name,
                    f"{percentile(times, 50):.1f}",
                    f"{percentile(times, 95):.1f}",
                    f"{before:.0f}",
                    f"{rss_mb():.0f}",
                ]
            )
    print_table(rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the whole run: {peak:.0f} MB (includes building the data)")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
