"""Kill -9 the sender at random moments while it drains: no message may arrive twice.

A real subprocess runs `Sender.run` against a loopback SMTP sink that writes a Maildir
(the built-in relay), and is killed with SIGKILL at random points, then restarted, until
the queue is empty. Every item must end up sent and in the Maildir exactly once; with
the Maildir as delivery check no item should even need a human (none failed in doubt).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.engine import Engine
from sqlmodel import select

from privacybot.db.models import OutboxItem
from privacybot.db.session import transaction
from privacybot.outbox.maildir_sink import MaildirSink
from privacybot.outbox.transport import MaildirDeliveryCheck
from privacybot.testing.servers import LOOPBACK, free_port
from tests.outbox.conftest import events, queue_message

ITEMS = 100
LEASE_SECONDS = 1.5
REPO = Path(__file__).resolve().parents[2]

WORKER = r"""
import asyncio, os, sys
from datetime import timedelta

from privacybot.clock import SystemClock
from privacybot.db.session import make_engine
from privacybot.outbox import store
from privacybot.outbox.sender import Sender
from privacybot.outbox.transport import MaildirDeliveryCheck, SmtpTransport

db_url, smtp_url, maildir, lease = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])


async def main() -> None:
    engine = make_engine(db_url)
    sender = Sender(
        engine,
        SmtpTransport(smtp_url, timeout=5),
        clock=SystemClock(),
        bounce_domain="conxillium.nl",
        was_delivered=MaildirDeliveryCheck(maildir),
        worker=f"kill-test-{os.getpid()}",
        lease=timedelta(seconds=lease),
        poll_interval=0.05,
        recover_interval=0.2,
    )
    stop = asyncio.Event()

    async def until_drained() -> None:
        while True:
            left = store.counts(engine)
            if not left.get("pending") and not left.get("sending"):
                stop.set()
                return
            await asyncio.sleep(0.1)

    print("ready", flush=True)
    await asyncio.gather(sender.run(stop), until_drained())


asyncio.run(main())
"""


class SlowMaildirHandler:
    """Like the built-in sink (250 only once on disk), but slow after the final dot.

    The pause sits exactly in the window where the relay has the whole message and the
    sender has no answer yet, so random kills often land where "in doubt" is real.
    """

    def __init__(self, sink: MaildirSink) -> None:
        self.sink = sink

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        await asyncio.sleep(random.uniform(0.005, 0.03))
        await asyncio.to_thread(self.sink.deliver, envelope.original_content or b"")
        return "250 2.0.0 Message accepted"


def start_worker(db_url: str, smtp_url: str, maildir: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, db_url, smtp_url, str(maildir), str(LEASE_SECONDS)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == b"ready", line
    return proc


def _close(proc: subprocess.Popen[bytes]) -> None:
    if proc.stdout is not None:
        proc.stdout.close()


@pytest.mark.slow
def test_killing_the_sender_never_sends_a_message_twice(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    rng = random.Random()
    now = datetime.now(UTC) - timedelta(seconds=1)
    mids = {queue_message(engine, now=now)[1] for _ in range(ITEMS)}
    maildir = tmp_path / "sent"
    check = MaildirDeliveryCheck(maildir)
    kills = 0
    port = free_port()
    controller = Controller(SlowMaildirHandler(MaildirSink(maildir)), hostname=LOOPBACK, port=port)
    controller.start()
    try:
        deadline = time.monotonic() + 45
        while True:
            proc = start_worker(db_url, f"smtp://{LOOPBACK}:{port}", maildir)
            if kills < 6:
                time.sleep(rng.uniform(0.1, 0.6))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    kills += 1
                proc.wait(10)
                _close(proc)
                continue
            assert proc.wait(max(deadline - time.monotonic(), 1)) == 0
            _close(proc)
            break
    finally:
        controller.stop()

    with transaction(engine) as session:
        rows = session.exec(select(OutboxItem.message_id, OutboxItem.status)).all()
    statuses = Counter(status for _, status in rows)
    delivered = Counter(check.message_ids())
    found_after_crash = [e for e in events(engine, "sent") if e.detail.get("how") != "relay"]
    print(
        f"kills={kills} recovered_as_delivered={len(found_after_crash)} statuses={dict(statuses)}"
    )
    assert kills == 6
    assert [mid for mid, n in delivered.items() if n > 1] == []  # never twice
    assert set(delivered) == mids  # everything arrived
    assert statuses == {"sent": ITEMS}  # nothing left in doubt with the Maildir check
    assert len(events(engine, "sent")) == ITEMS
