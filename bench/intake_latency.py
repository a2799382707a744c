"""How long from IMAP APPEND until the message is committed and triaged?

Why: docs/design.md promises that intake commits before it acknowledges and that triage runs
from the store; this measures what that costs a citizen's message end to end, through
the real service (``privacybot run --only intake`` in its own process, SQLite) watching a
real IMAP server over IDLE: the built-in pymap mailbox, and a throw-away Dovecot when
/usr/sbin/dovecot exists. Messages are appended one at a time at a modest rate; the
latency is APPEND sent → inbound row seen in state triaged/parked (polled every 5 ms
from a read-only connection). Targets: p50 ≤ 0.3 s, p99 ≤ 1 s. Prints figures only.

    .venv/bin/python bench/intake_latency.py [--count 200] [--rate 10]
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from _harness import (
    PASSWORD,
    USER,
    Dovecot,
    ServiceProcess,
    TriageWatch,
    imap_client,
    mixed_mail,
    percentile,
    print_table,
    wait_for,
)

from privacybot.intake.demo_server import BackgroundDemoImapServer

WARM_UP = 5


@contextlib.contextmanager
def pymap() -> Iterator[int]:
    server = BackgroundDemoImapServer("127.0.0.1", 0)
    server.start()
    try:
        yield server.port
    finally:
        server.stop()


@contextlib.contextmanager
def dovecot() -> Iterator[int]:
    server = Dovecot()
    server.start()
    try:
        yield server.port
    finally:
        server.stop()


class Seen:
    """Polls the database and notes when each Message-ID first shows as triaged."""

    def __init__(self, watch: TriageWatch) -> None:
        self.watch = watch
        self.at: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            for mid in self.watch.done_ids():
                self.at.setdefault(mid, now)
            self._stop.wait(0.005)

    def __enter__(self) -> Seen:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def measure(
    name: str,
    server: Callable[[], contextlib.AbstractContextManager[int]],
    count: int,
    rate: float,
    seed: int,
) -> list[float]:
    """Latencies in seconds for `count` messages through the service watching `server`."""
    mails = mixed_mail(count + WARM_UP, seed, tag=f"lat{name}")
    warm, timed = mails[:WARM_UP], mails[WARM_UP:]
    with server() as port, tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
        service = ServiceProcess(
            Path(tmp),
            {
                "PRIVACYBOT_IMAP_URL": f"imap://{USER}:{PASSWORD}@127.0.0.1:{port}/INBOX?tls=plain",
                "PRIVACYBOT_SMTP_IN_BIND": "off",
            },
            roles="intake",
        )
        service.start()
        client = imap_client(port)
        try:
            # Warm up: the service connects, and the classifier loads, before timing.
            for mail in warm:
                client.append("INBOX", mail.raw)
            wait_for(lambda: service.db_path.exists(), 30, "the database")
            watch = TriageWatch(service.db_path)

            def warmed() -> bool:
                service.check_alive()
                return len(watch.done_ids()) >= WARM_UP

            wait_for(warmed, 60, "the warm-up messages to be triaged")
            sent: dict[str, float] = {}
            with Seen(watch) as seen:
                start = time.monotonic()
                for n, mail in enumerate(timed):
                    time.sleep(max(0.0, start + n / rate - time.monotonic()))
                    sent[mail.message_id] = time.monotonic()
                    client.append("INBOX", mail.raw)

                def all_seen() -> bool:
                    service.check_alive()
                    return all(m in seen.at for m in sent)

                wait_for(all_seen, 60, f"{count} messages to be triaged ({name})")
            watch.close()
        finally:
            with contextlib.suppress(Exception):
                client.logout()
            service.stop()
    return [seen.at[m] - t for m, t in sent.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="messages per second")
    parser.add_argument("--seed", type=int, default=20260601)
    args = parser.parse_args()

    servers: list[tuple[str, Callable[[], contextlib.AbstractContextManager[int]]]] = [
        ("pymap", pymap)
    ]
    if Dovecot.available():
        servers.append(("dovecot", dovecot))
    else:
        print("dovecot: skipped, /usr/sbin/dovecot not installed")

    rows = [["server", "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "targets p50<=300 p99<=1000"]]
    for name, server in servers:
        print(f"{name}: appending {args.count} messages at {args.rate:g}/s …", flush=True)
        lat = measure(name, server, args.count, args.rate, args.seed)
        p50, p99 = percentile(lat, 50), percentile(lat, 99)
        verdict = "met" if p50 <= 0.3 and p99 <= 1.0 else "MISSED"
        rows.append(
            [
                name,
                str(len(lat)),
                f"{p50 * 1000:.0f}",
                f"{percentile(lat, 90) * 1000:.0f}",
                f"{p99 * 1000:.0f}",
                f"{max(lat) * 1000:.0f}",
                verdict,
            ]
        )
    print()
    print("APPEND → committed and triaged (privacybot run --only intake, SQLite, IDLE)")
    print_table(rows)


if __name__ == "__main__":
    main()
