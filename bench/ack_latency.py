"""How long from IMAP APPEND until the citizen's acknowledgment is accepted by SMTP?

Why: the acknowledgment (with the verification code) is the first thing a citizen sees;
it crosses every stage of the flow: IMAP IDLE → inbound commit → triage → case and
draft → outbox → SMTP. This runs ``privacybot run`` on its embedded defaults (built-in
mailbox, SQLite, built-in Maildir sink) as a subprocess on free ports, appends rights
requests from distinct senders (R20 caps automatic mail per address per day), and
watches ``var/sent/new`` for the message whose In-Reply-To is the appended Message-ID.
The sink writes a file only once it has the message on disk, just before it answers
250, so the time the file appears is the time the ack was accepted.
Targets: p50 ≤ 0.5 s, p99 ≤ 1.5 s. Prints figures only.

    .venv/bin/python bench/ack_latency.py [--count 200] [--rate 10]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import tempfile
import threading
import time
import urllib.request
from email.parser import BytesHeaderParser
from pathlib import Path

from _harness import (
    ServiceProcess,
    citizen_mail,
    imap_client,
    percentile,
    print_table,
    wait_for,
)

from privacybot.testing.servers import free_port

WARM_UP = 3


class SentWatch:
    """Notes when each acknowledgment (by its In-Reply-To) first appears in the Maildir."""

    def __init__(self, new_dir: Path) -> None:
        self.new_dir = new_dir
        self.at: dict[str, float] = {}
        self._known: set[str] = set()
        self._parser = BytesHeaderParser()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            try:
                names = [n for n in os.listdir(self.new_dir) if n not in self._known]
            except FileNotFoundError:
                names = []
            for name in names:
                self._known.add(name)
                with (self.new_dir / name).open("rb") as handle:
                    headers = self._parser.parse(handle)
                parent = headers.get("In-Reply-To")
                if parent:
                    self.at.setdefault(str(parent).strip(), now)
            self._stop.wait(0.005)

    def __enter__(self) -> SentWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="messages per second")
    parser.add_argument("--seed", type=int, default=1500)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    mails = [citizen_mail(n, "rights", rng, tag="ack") for n in range(args.count + WARM_UP)]
    warm, timed = mails[:WARM_UP], mails[WARM_UP:]
    imap_port, web_port = free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
        service = ServiceProcess(
            Path(tmp),
            {
                "PRIVACYBOT_DEMO_IMAP_BIND": f"127.0.0.1:{imap_port}",
                "PRIVACYBOT_SMTP_IN_BIND": f"127.0.0.1:{free_port()}",
                "PRIVACYBOT_WEB_BIND": f"127.0.0.1:{web_port}",
            },
        )
        service.start()
        client = None
        try:

            def healthy() -> bool:
                service.check_alive()
                try:
                    url = f"http://127.0.0.1:{web_port}/healthz"
                    with urllib.request.urlopen(url, timeout=1) as reply:
                        return bool(reply.status == 200)
                except OSError:
                    return False

            wait_for(healthy, 60, "the service to answer /healthz")
            client = imap_client(imap_port)
            sent: dict[str, float] = {}
            with SentWatch(service.var / "sent" / "new") as acks:
                for mail in warm:
                    client.append("INBOX", mail.raw)
                wait_for(lambda: all(m.message_id in acks.at for m in warm), 60, "warm-up acks")
                print(f"appending {args.count} rights requests at {args.rate:g}/s …", flush=True)
                start = time.monotonic()
                for n, mail in enumerate(timed):
                    time.sleep(max(0.0, start + n / args.rate - time.monotonic()))
                    sent[mail.message_id] = time.monotonic()
                    client.append("INBOX", mail.raw)
                with contextlib.suppress(TimeoutError):
                    wait_for(lambda: all(m in acks.at for m in sent), 60, "every ack")
            latencies = [acks.at[m] - t for m, t in sent.items() if m in acks.at]
        finally:
            if client is not None:
                with contextlib.suppress(Exception):
                    client.logout()
            code = service.stop()

    missing = len(sent) - len(latencies)
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    print()
    print("APPEND → acknowledgment accepted by the sink (privacybot run, embedded defaults)")
    print_table(
        [
            ["n acked", "missing", "p50 ms", "p90 ms", "p99 ms", "max ms", "targets"],
            [
                f"{len(latencies)}/{len(sent)}",
                str(missing),
                f"{p50 * 1000:.0f}",
                f"{percentile(latencies, 90) * 1000:.0f}",
                f"{p99 * 1000:.0f}",
                f"{max(latencies, default=float('nan')) * 1000:.0f}",
                "p50<=500 p99<=1500: " + ("met" if p50 <= 0.5 and p99 <= 1.5 else "MISSED"),
            ],
        ]
    )
    print(f"service exit code after SIGTERM: {code}")


if __name__ == "__main__":
    main()
