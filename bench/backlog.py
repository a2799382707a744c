"""How fast does the service work off a full mailbox, and how much memory does it take?

Why: after an outage (or on first start against a busy mailbox) thousands of messages
wait. The watcher must store them one by one (commit before keyword) and triage must
keep up, without the process growing with the backlog. This appends N messages
(default 5,000) to a pymap server *before* the service starts, then runs
``privacybot run --only intake`` (SQLite) as a subprocess against it and reports
messages/second until every row is triaged, plus the service's peak RSS (VmHWM from
/proc). Target: at least 100 messages/second. Prints figures only.

    .venv/bin/python bench/backlog.py [--count 5000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _harness import (
    PASSWORD,
    USER,
    ServiceProcess,
    TriageWatch,
    imap_client,
    mixed_mail,
)

from privacybot.intake.demo_server import BackgroundDemoImapServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=170.0, help="give up after seconds")
    args = parser.parse_args()
    count: int = args.count

    mails = mixed_mail(count, args.seed, tag="backlog")
    server = BackgroundDemoImapServer("127.0.0.1", 0)
    server.start()
    try:
        t0 = time.monotonic()
        client = imap_client(server.port)
        for mail in mails:
            client.append("INBOX", mail.raw)
        client.logout()
        append_s = time.monotonic() - t0
        size_mb = sum(len(m.raw) for m in mails) / 1e6
        print(f"appended {count} messages ({size_mb:.1f} MB) to pymap in {append_s:.1f}s")

        with tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
            service = ServiceProcess(
                Path(tmp),
                {
                    "PRIVACYBOT_IMAP_URL": (
                        f"imap://{USER}:{PASSWORD}@127.0.0.1:{server.port}/INBOX?tls=plain"
                    ),
                    "PRIVACYBOT_SMTP_IN_BIND": "off",
                },
                roles="intake",
            )
            service.cli("db", "upgrade")
            watch = TriageWatch(service.db_path)
            service.start()
            started = time.monotonic()
            first_stored: float | None = None
            all_stored: float | None = None
            stored = triaged = 0
            peak_rss = 0
            try:
                while True:
                    service.check_alive()
                    stored, triaged = watch.counts()
                    now = time.monotonic()
                    if stored and first_stored is None:
                        first_stored = now
                    if stored >= count and all_stored is None:
                        all_stored = now
                    peak_rss = max(peak_rss, service.memory_kb().get("VmHWM", 0))
                    if triaged >= count:
                        break
                    if now - started > args.timeout:
                        print(
                            f"gave up after {args.timeout:.0f}s: {stored} stored, {triaged} triaged"
                        )
                        break
                    time.sleep(0.1)
                done = time.monotonic()
                peak_rss = max(peak_rss, service.memory_kb().get("VmHWM", 0))
            finally:
                watch.close()
                code = service.stop()

        total = done - started
        print()
        print(f"backlog of {count} messages, privacybot run --only intake, SQLite")
        print(f"  service start → all triaged  {total:7.1f} s   {triaged / total:7.1f} msg/s")
        if first_stored is not None:
            work = done - first_stored
            print(f"  first stored → all triaged   {work:7.1f} s   {triaged / work:7.1f} msg/s")
            print(f"  (startup until first stored  {first_stored - started:7.1f} s)")
        if first_stored is not None and all_stored is not None:
            intake = all_stored - first_stored
            print(f"  first stored → all stored    {intake:7.1f} s   {count / intake:7.1f} msg/s")
        print(f"  peak RSS of the service (VmHWM) {peak_rss / 1024:.0f} MB")
        print(
            f"  target >= 100 msg/s: {'met' if triaged / total >= 100 else 'MISSED'}"
            f"; service exit code after SIGTERM: {code}"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
