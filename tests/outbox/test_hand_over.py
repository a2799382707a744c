"""The hand-over mark: committed before the final dot, refused once the claim is gone.

A sender that runs late (its lease ran out, another process may settle the row) must
not complete DATA; and an item a dead sender left without the mark is resent without
asking the relay, which could not answer anyway.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from privacybot.outbox.sender import Outcome, Sender
from privacybot.outbox.transport import SmtpTransport
from tests.outbox.conftest import DOMAIN, T0, item, queue_message
from tests.servers import SmtpSink

LEASE = timedelta(minutes=5)


@dataclass
class LateClock:
    """The claim happens at T0; every later reading is past the lease."""

    readings: list[datetime] = field(default_factory=list)

    def now(self) -> datetime:
        instant = T0 if not self.readings else T0 + LEASE + timedelta(seconds=1)
        self.readings.append(instant)
        return instant


def test_a_sender_whose_lease_ran_out_withholds_the_final_dot(
    engine: Engine, smtp_sink: SmtpSink
) -> None:
    item_id, _ = queue_message(engine)
    sender = Sender(
        engine, SmtpTransport(smtp_sink.url, timeout=5), clock=LateClock(), bounce_domain=DOMAIN
    )
    assert sender.process_one() == Outcome.LOST_CLAIM
    time.sleep(0.3)
    assert smtp_sink.messages == []  # DATA was dropped with the connection
    row = item(engine, item_id)
    assert row.status == "sending" and row.handed_over_at is None  # left for recovery


def test_a_sent_item_carries_its_hand_over_instant(engine: Engine, smtp_sink: SmtpSink) -> None:
    from privacybot.clock import FixedClock

    item_id, _ = queue_message(engine)
    clock = FixedClock(T0)
    sender = Sender(
        engine, SmtpTransport(smtp_sink.url, timeout=5), clock=clock, bounce_domain=DOMAIN
    )
    assert sender.process_one() == Outcome.SENT
    row = item(engine, item_id)
    assert row.status == "sent" and row.handed_over_at == T0
    assert len(smtp_sink.messages) == 1
