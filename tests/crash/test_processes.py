"""Several processes on one PostgreSQL database: every message once, one digest, a sender killed.

Four real ``privacybot run --only sender`` processes and two ``--only scheduler``
processes share one PostgreSQL schema holding 1,000 queued messages, and deliver to a
loopback aiosmtpd sink in this process. When a third of the mail has arrived, one
sender is killed with SIGKILL. Then, once the queue is settled:

- every queued Message-ID arrived at the sink exactly once (but see in doubt below),
  and nothing else but the digest did;
- exactly one digest was queued and arrived (two schedulers, each claiming it at start);
- every outbox row is ``sent``, except at most the one the killed sender was
  completing, which may be ``failed`` "in doubt" (it had committed the hand-over mark
  before the final dot): that one is at the sink at most once, since the kill may
  land before or after the dot, and staff are told to check the relay log.

The killed sender's row waits for its lease (15 s here) before another sender settles
it: resent when it had not reached the final dot, in doubt when it had.
"""

from __future__ import annotations

import contextlib
import email
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from privacybot.db.models import OutboxItem
from privacybot.testing.outbox import queue_messages
from tests.servers import SmtpSink

pytestmark = pytest.mark.slow

MESSAGES = 1000
SENDERS = 4
SCHEDULERS = 2
LEASE_SECONDS = 15
DOMAIN = "conxillium.nl"
STAFF = "staff@conxillium.nl"
REPO = Path(__file__).resolve().parents[2]


def _statuses(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as s:
        return [(m, st) for m, st in s.exec(select(OutboxItem.message_id, OutboxItem.status))]


def _in_doubt(engine: Engine) -> int:
    return sum(1 for _, status in _statuses(engine) if status == "failed")


def _report(
    engine: Engine, sink: SmtpSink, procs: list[tuple[str, subprocess.Popen[bytes], Path]]
) -> str:
    """Why the wait ended: the sink's count, the outbox's statuses, the processes' logs."""
    lines = [
        f"sink has {len(sink.messages)}; outbox {dict(Counter(st for _, st in _statuses(engine)))}"
    ]
    for role, proc, log in procs:
        lines.append(f"--- {role} (exit {proc.poll()}): {log.read_text(errors='replace')[-2000:]}")
    return "\n".join(lines)


def _settled(engine: Engine) -> bool:
    with Session(engine) as s:
        busy = s.exec(
            select(func.count())
            .select_from(OutboxItem)
            .where(OutboxItem.status.in_(["pending", "sending"]))  # type: ignore[attr-defined]
        ).one()
    return int(busy) == 0


@pytest.mark.postgresql_only
def test_four_senders_and_two_schedulers_send_every_message_once_and_one_digest(
    engine: Engine, db_url: str, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    assert engine.dialect.name == "postgresql"
    queued = set(queue_messages(engine, MESSAGES, datetime.now(UTC), domain=DOMAIN))
    base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
    settings = {
        "PRIVACYBOT_DATABASE_URL": db_url,
        "PRIVACYBOT_SMTP_URL": smtp_sink.url,
        "PRIVACYBOT_SECRET_KEY": "multi-process-test-key-0123456789",
        "PRIVACYBOT_STAFF_EMAILS": STAFF,
        "PRIVACYBOT_DIGEST_TIME": "00:00",
        "PRIVACYBOT_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "PRIVACYBOT_LOG_LEVEL": "WARNING",
        "PRIVACYBOT_SMTP_IN_BIND": "off",
    }
    procs: list[tuple[str, subprocess.Popen[bytes], Path]] = []
    roles = ["sender"] * SENDERS + ["scheduler"] * SCHEDULERS
    try:
        for n, role in enumerate(roles):
            log = tmp_path / f"{role}{n}.log"
            env = {**base, **settings, "PRIVACYBOT_VAR_DIR": str(tmp_path / f"var{n}")}
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "privacybot.cli", "run", "--only", role],
                    env=env,
                    cwd=REPO,
                    stdout=out,
                    stderr=out,
                )
            procs.append((role, proc, log))
        victim = procs[0][1]
        deadline = time.monotonic() + 180
        while len(smtp_sink.messages) < MESSAGES // 3:
            assert time.monotonic() < deadline, "the senders made no progress"
            for role, proc, log in procs:
                assert proc.poll() is None, f"{role} exited:\n{log.read_text()}"
            time.sleep(0.05)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        deadline = time.monotonic() + 180
        while not (_settled(engine) and len(smtp_sink.messages) >= MESSAGES - 1):
            assert time.monotonic() < deadline, f"not settled; sink has {len(smtp_sink.messages)}"
            time.sleep(0.2)
        # All citizens' mail and the digest, less an in-doubt row the relay never got.
        digest_deadline = time.monotonic() + 60
        while len(smtp_sink.messages) < MESSAGES + 1 - _in_doubt(engine):
            assert time.monotonic() < digest_deadline, _report(engine, smtp_sink, procs)
            time.sleep(0.2)
        time.sleep(2)  # anything duplicated would arrive now
    finally:
        for _, proc, _ in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for _, proc, _ in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)

    received = [email.message_from_bytes(m.raw) for m in smtp_sink.messages]
    counts = Counter(str(m["Message-ID"]) for m in received)
    assert max(counts.values()) == 1, [mid for mid, n in counts.items() if n > 1]
    with Session(engine) as s:
        rows = s.exec(select(OutboxItem.message_id, OutboxItem.status, OutboxItem.last_error)).all()
    statuses = Counter(status for _, status, _ in rows)
    in_doubt = {mid: err for mid, status, err in rows if status == "failed"}
    assert statuses["sent"] + len(in_doubt) == MESSAGES + 1 and len(in_doubt) <= 1
    assert all("in doubt" in (err or "") for err in in_doubt.values())
    # Only an in-doubt row may be missing at the sink; nothing else arrived.
    assert set(counts) <= {mid for mid, _, _ in rows}, "something arrived that was never queued"
    missing = {mid for mid, _, _ in rows} - set(counts)
    assert missing <= set(in_doubt), f"lost without being in doubt: {missing}"
    digests = [m for m in received if m["To"] == STAFF]
    digest_rows = {mid for mid, _, _ in rows} - queued
    assert len(digest_rows) == 1, "one digest queued, by one of the two schedulers"
    assert len(digests) == 1 or digest_rows <= missing
    for digest in digests:
        assert "dagoverzicht" in str(digest["Subject"])
        assert digest["Auto-Submitted"] == "auto-generated"
    print(f"statuses={dict(statuses)} in_doubt={len(in_doubt)} missing_at_sink={len(missing)}")
