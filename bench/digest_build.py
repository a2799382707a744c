"""How long does the daily digest take to build with 100,000 cases? Target: at most 1 s.

Fills a database with ``--cases`` cases spread over ten years (most closed, some
answered, open, awaiting verification, a few extended), drafts waiting for approval,
messages in the staff queue and failed outbox items, then times ``build_digest``
(the queries) plus ``render_digest`` (text and HTML) several times. SQLite always,
PostgreSQL too when ``--database-url`` or PRIVACYBOT_TEST_DATABASE_URL is set.
Prints figures only.

    .venv/bin/python bench/digest_build.py [--cases 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlmodel import col

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pg import database_url, pg_schema  # noqa: E402

from privacybot.cases.deadline import HolidayCalendar, due_date, gdpr_due  # noqa: E402
from privacybot.db import migrate  # noqa: E402
from privacybot.db.models import Case, Draft, InboundMessage, OutboxItem  # noqa: E402
from privacybot.db.session import make_engine, read_transaction  # noqa: E402
from privacybot.scheduler.digest import build_digest  # noqa: E402
from privacybot.scheduler.render import render_digest  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 6, 1)
NOW = datetime.combine(TODAY, dtime(8, 0), AMS).astimezone(UTC)
RIGHTS = ["access", "erasure", "rectification", "objection", "portability", "restriction"]
COMPANIES = ["GeoTax", "Procura", "JCC Software", "DataQuint", "Pharox", "SIM", None]


def fill(engine: Engine, cases: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    cal = HolidayCalendar.load()
    rows = []
    for n in range(cases):
        days = rng.uniform(0, 60) if n % 10 == 0 else rng.uniform(0, 3650)
        received = NOW - timedelta(days=days)
        receipt = received.astimezone(AMS).date()
        status = rng.choices(
            ["closed", "answered", "open", "awaiting_verification"], weights=[70, 20, 7, 3]
        )[0]
        if receipt > TODAY - timedelta(days=60) and status == "closed" and rng.random() < 0.5:
            status = "open"
        due = due_date(receipt, cal)
        extended = due + timedelta(days=61) if rng.random() < 0.05 else None
        rows.append(
            {
                "reference": f"PRV-{receipt.year}-{n + 1:06d}"[:16],
                "year": receipt.year,
                "seq": n + 1,
                "status": status,
                "rights": rng.sample(RIGHTS, rng.randint(1, 2)),
                "company": rng.choice(COMPANIES),
                "language": "nl",
                "channel": "email",
                "received": received,
                "receipt_date": receipt,
                "due": due,
                "gdpr_due": gdpr_due(receipt, cal),
                "extended_due": extended,
                # Kept by the writer (service/cases.py) and indexed; the digest reads it.
                "effective_due": extended or due,
                "verified": status != "awaiting_verification",
                "closed_at": received + timedelta(days=20) if status == "closed" else None,
                "created": received,
                "updated": received,
                "pause_days": 0,
                "needs_staff": False,
                "refusal_partial": False,
            }
        )
    with engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            conn.execute(insert(Case), rows[start : start + 5000])
        open_ids = [
            r[0]
            for r in conn.execute(
                select(col(Case.id)).where(col(Case.status).in_(["open", "awaiting_verification"]))
            )
        ]
        conn.execute(
            insert(Draft),
            [
                {
                    "case_id": rng.choice(open_ids),
                    "kind": "answer_access",
                    "language": "nl",
                    "status": "awaiting_approval",
                    "channel": "email",
                    "to_address": f"burger{n}@example.nl",
                    "subject": "Re: verzoek",
                    "body": "tekst",
                    "message_id": f"<prv.bench{n}@conxillium.nl>",
                    "created": NOW - timedelta(hours=rng.uniform(1, 500)),
                    "updated": NOW,
                    "contains_personal_data": True,
                    "automatic": False,
                }
                for n in range(2000)
            ],
        )
        conn.execute(
            insert(InboundMessage),
            [
                {
                    "channel": "email",
                    "source": "bench",
                    "channel_key": f"bench:{n}",
                    "message_id": f"<in{n}@example.nl>",
                    "raw": b"Subject: x\r\n\r\nbody\r\n",
                    "size": 20,
                    "received": NOW - timedelta(hours=rng.uniform(1, 200)),
                    "stored_at": NOW - timedelta(hours=rng.uniform(1, 200)),
                    "state": "needs_staff" if n < 300 else "triaged",
                    "attempts": 0,
                    "verdict": {"hits": [{"rule": "low-confidence", "reason": "x"}]},
                }
                for n in range(3000)
            ],
        )
        conn.execute(
            insert(OutboxItem),
            [
                {
                    "channel": "email",
                    "message_id": f"<prv.out{n}@conxillium.nl>",
                    "to_address": f"burger{n}@example.nl",
                    "raw": b"x",
                    "automatic": True,
                    "status": "failed",
                    "attempts": 8,
                    "next_attempt_at": NOW,
                    "last_error": "RCPT TO: 550 5.1.1 no such user",
                    "created": NOW - timedelta(days=1),
                }
                for n in range(200)
            ],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", help="PostgreSQL (default PRIVACYBOT_TEST_DATABASE_URL)")
    args = parser.parse_args()
    url = database_url(args.database_url)
    cal = HolidayCalendar.load()
    print(f"digest build, {args.cases} cases, {args.runs} runs each (target <= 1 s)")
    targets = [("SQLite", None)] + ([("PostgreSQL", url)] if url else [])
    for name, pg in targets:
        with _database(pg) as db:
            engine = make_engine(db)
            migrate.upgrade(engine)
            t0 = time.perf_counter()
            fill(engine, args.cases)
            filled = time.perf_counter() - t0
            times: list[float] = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                with read_transaction(engine) as session:
                    digest = build_digest(
                        session, today=TODAY, now=NOW, calendar=cal, since=NOW - timedelta(days=1)
                    )
                mail = render_digest(digest, "nl")
                times.append(time.perf_counter() - t0)
            engine.dispose()
        counts = ", ".join(f"{k} {v}" for k, v in digest.counts().items())
        print(
            f"  {name:10s} build+render: min {min(times):.3f} s, median "
            f"{statistics.median(times):.3f} s, max {max(times):.3f} s "
            f"(filled in {filled:.0f} s; text {len(mail.text)} chars, html {len(mail.html)})"
        )
        print(f"  {'':10s} {counts}")


@contextmanager
def _database(pg: str | None) -> Iterator[str]:
    if pg is None:
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{Path(tmp) / 'digest.db'}"
    else:
        with pg_schema(pg) as schema_url:
            yield schema_url


if __name__ == "__main__":
    main()
