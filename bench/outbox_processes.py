"""Outbox throughput with 1, 2 and 4 sender processes on PostgreSQL, and claim latency.

Throughput: real ``privacybot run --only sender`` processes share one PostgreSQL schema
and deliver to a local aiosmtpd relay that only counts. The queue is filled in one
transaction once every sender is up; the figure is messages per second from that
commit to the last delivery, and in the steady middle (10 % to 90 % delivered, which
leaves out the senders' poll interval at the start). Speed-up is against one process.
Targets (issue 13): at least 50 msg/s with one sender, at least 3x that with four.

Claim latency: worker processes do nothing but ``store.claim_next`` and ``mark_sent``
on a shared queue, so every claim contends with the others; printed as percentiles.

Prints figures only. Needs PostgreSQL: ``--database-url`` or PRIVACYBOT_TEST_DATABASE_URL.

    .venv/bin/python bench/outbox_processes.py [--count 1000] [--processes 1,2,4]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pg import database_url, pg_schema  # noqa: E402

from privacybot.db import migrate  # noqa: E402
from privacybot.db.session import make_engine  # noqa: E402
from privacybot.outbox import store  # noqa: E402
from privacybot.testing.outbox import queue_messages  # noqa: E402
from privacybot.testing.servers import free_port  # noqa: E402

DOMAIN = "conxillium.nl"
REPO = Path(__file__).resolve().parents[1]


class _Counting:
    """An SMTP relay that takes everything and notes when each message arrived."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.lock = threading.Lock()

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        with self.lock:
            self.times.append(time.perf_counter())
        return "250 2.0.0 OK"


def fill(engine: Engine, count: int, now: datetime) -> None:
    """``count`` messages in one transaction, so every sender sees them at once."""
    body = "Beste heer/mevrouw,\n\nWij hebben uw verzoek ontvangen.\n" * 10
    queue_messages(engine, count, now, domain=DOMAIN, body=body)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def throughput(url: str, processes: int, count: int) -> tuple[float, float, float, float]:
    """(overall msg/s, steady msg/s, sender CPU ms/msg, relay CPU ms/msg)."""
    with pg_schema(url) as schema_url, tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(schema_url)
        migrate.upgrade(engine)
        relay = _Counting()
        port = free_port()
        controller = Controller(relay, hostname="127.0.0.1", port=port)
        controller.start()
        base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
        env = {
            **base,
            "PRIVACYBOT_DATABASE_URL": schema_url,
            "PRIVACYBOT_SMTP_URL": f"smtp://127.0.0.1:{port}",
            "PRIVACYBOT_SECRET_KEY": "bench-key-0123456789abcdef",
            "PRIVACYBOT_LOG_LEVEL": "INFO",
            "PRIVACYBOT_SMTP_IN_BIND": "off",
        }
        procs: list[tuple[subprocess.Popen[bytes], Path]] = []
        try:
            for n in range(processes):
                log = Path(tmp) / f"sender{n}.log"
                with log.open("wb") as out:
                    proc = subprocess.Popen(
                        [sys.executable, "-m", "privacybot.cli", "run", "--only", "sender"],
                        env={**env, "PRIVACYBOT_VAR_DIR": str(Path(tmp) / f"var{n}")},
                        cwd=REPO,
                        stdout=out,
                        stderr=out,
                    )
                procs.append((proc, log))
            deadline = time.monotonic() + 120
            for proc, log in procs:
                while "privacybot running" not in log.read_text(errors="replace"):
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"a sender did not start:\n{log.read_text()}")
                    time.sleep(0.1)
            cpu_before = sum(_cpu_seconds(p.pid) for p, _ in procs)
            fill(engine, count, datetime.now(UTC) - timedelta(seconds=1))
            started = time.perf_counter()
            relay_cpu = time.process_time()
            deadline = time.monotonic() + 600
            while len(relay.times) < count:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"only {len(relay.times)} of {count} delivered")
                time.sleep(0.05)
            # This process only slept and polled: its CPU is the relay's (and filling's end).
            relay_cpu = time.process_time() - relay_cpu
            time.sleep(0.5)  # let the last mark_sent commit before reading CPU
            sender_cpu = sum(_cpu_seconds(p.pid) for p, _ in procs) - cpu_before
        finally:
            for proc, _ in procs:
                proc.send_signal(signal.SIGTERM)
            for proc, _ in procs:
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
            controller.stop()
            engine.dispose()
    times = sorted(relay.times)
    overall = count / (times[-1] - started)
    lo, hi = times[count // 10], times[(count * 9) // 10]
    steady = (count * 8 // 10) / (hi - lo) if hi > lo else float("nan")
    return overall, steady, sender_cpu / count * 1000, relay_cpu / count * 1000


def _claimer(schema_url: str, worker: str, out: multiprocessing.Queue[list[float]]) -> None:
    engine = make_engine(schema_url)
    latencies: list[float] = []
    lease = timedelta(minutes=5)
    while True:
        now = datetime.now(UTC)
        t0 = time.perf_counter()
        item = store.claim_next(engine, worker, now, lease)
        latencies.append(time.perf_counter() - t0)
        if item is None:
            break
        store.mark_sent(engine, item.id, now)
    engine.dispose()
    out.put(latencies[:-1])  # the last one found the queue empty


def claim_latency(url: str, workers: int, count: int) -> list[float]:
    with pg_schema(url) as schema_url:
        engine = make_engine(schema_url)
        migrate.upgrade(engine)
        fill(engine, count, datetime.now(UTC) - timedelta(seconds=1))
        engine.dispose()
        ctx = multiprocessing.get_context("spawn")
        results: multiprocessing.Queue[list[float]] = ctx.Queue()
        procs = [
            ctx.Process(target=_claimer, args=(schema_url, f"w{n}", results))
            for n in range(workers)
        ]
        for p in procs:
            p.start()
        latencies: list[float] = []
        for _ in procs:
            latencies += results.get(timeout=600)
        for p in procs:
            p.join(30)
    return sorted(latencies)


def _pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--database-url", help="PostgreSQL (default PRIVACYBOT_TEST_DATABASE_URL)")
    parser.add_argument("--count", type=int, default=1000, help="messages per throughput run")
    parser.add_argument("--processes", default="1,2,4", help="sender process counts")
    parser.add_argument("--claim-workers", default="1,2,4,8", help="claiming process counts")
    parser.add_argument("--claim-count", type=int, default=2000)
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-claims", action="store_true")
    args = parser.parse_args()
    url = database_url(args.database_url)
    if not url:
        print("needs PostgreSQL: --database-url or PRIVACYBOT_TEST_DATABASE_URL")
        return
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    if not args.skip_throughput:
        print(f"\noutbox throughput, {args.count} messages, PostgreSQL, counting aiosmtpd relay")
        base: float | None = None
        for n in (int(x) for x in args.processes.split(",")):
            overall, steady, sender_ms, relay_ms = throughput(url, n, args.count)
            base = base or overall
            print(
                f"  {n} sender process(es): {overall:6.1f} msg/s overall, "
                f"{steady:6.1f} msg/s steady, speed-up {overall / base:4.2f}x   "
                f"(CPU per message: senders {sender_ms:4.1f} ms, relay {relay_ms:4.1f} ms; "
                f"load {os.getloadavg()[0]:.1f})"
            )
    if not args.skip_claims:
        print(f"\nclaim latency (claim_next), {args.claim_count} items, claim + mark_sent loop")
        for n in (int(x) for x in args.claim_workers.split(",")):
            lat = claim_latency(url, n, args.claim_count)
            print(
                f"  {n} claiming process(es): p50 {_pct(lat, 50):5.1f} ms  p95 {_pct(lat, 95):5.1f}"
                f" ms  p99 {_pct(lat, 99):5.1f} ms  max {lat[-1] * 1000:6.1f} ms"
            )


if __name__ == "__main__":
    main()
