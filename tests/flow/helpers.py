"""Building blocks for flow tests: a desk on a real database, mail in, outbox out."""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.cases.codes import reveal
from privacybot.cases.deadline import Clockwork, HolidayCalendar
from privacybot.clock import FixedClock
from privacybot.db.models import AuditEvent, Case, Draft, InboundMessage, OutboxItem
from privacybot.decision import Limits
from privacybot.intake.base import InboundEnvelope
from privacybot.intake.store import DbInboundSink
from privacybot.intake.worker import TriageWorker
from privacybot.service.desk import Desk, Outgoing

OUR = "privacy@conxillium.nl"
KEY = b"test-key-0123456789abcdef"
AUTO_KINDS = frozenset(
    {
        "acknowledgment",
        "verification_code",
        "verification_reminder",
        "verification_failed",
        "verification_confirmed",
        "representation_ack",
        "unverified_closure",
        "answer_objection_marketing",
        "answer_withdraw_consent",
    }
)


def mail(
    body: str,
    *,
    sender: str = "Anna de Vries <anna@example.nl>",
    subject: str = "Verzoek",
    headers: dict[str, str] | None = None,
    in_reply_to: str | None = None,
    cte: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = OUR
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    msg["Message-ID"] = make_msgid(domain="example.nl")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for name, value in (headers or {}).items():
        msg[name] = value
    if cte:
        msg.set_content(body, cte=cte)
    else:
        msg.set_content(body)
    return msg.as_bytes()


@dataclass
class Flow:
    engine: Engine
    clock: FixedClock
    desk: Desk
    worker: TriageWorker
    sink: DbInboundSink
    n: int = 0

    def receive(self, raw: bytes) -> None:
        self.n += 1
        msgid = email.message_from_bytes(raw).get("Message-ID")
        self.sink.store(
            InboundEnvelope(
                channel="email",
                source="test",
                key=f"test:{self.n}",
                raw=raw,
                received=self.clock.now(),
                message_id=str(msgid).strip() if msgid else None,
            )
        )
        self.worker.drain()

    def cases(self) -> list[Case]:
        with Session(self.engine) as s:
            return list(s.exec(select(Case).order_by(col(Case.id))).all())

    def drafts(self) -> list[Draft]:
        with Session(self.engine) as s:
            return list(s.exec(select(Draft).order_by(col(Draft.id))).all())

    def outbox(self) -> list[OutboxItem]:
        with Session(self.engine) as s:
            return list(s.exec(select(OutboxItem).order_by(col(OutboxItem.id))).all())

    def events(self, action: str | None = None) -> list[AuditEvent]:
        with Session(self.engine) as s:
            q = select(AuditEvent).order_by(col(AuditEvent.id))
            if action:
                q = q.where(AuditEvent.action == action)
            return list(s.exec(q).all())

    def inbound(self) -> list[InboundMessage]:
        with Session(self.engine) as s:
            return list(s.exec(select(InboundMessage).order_by(col(InboundMessage.id))).all())

    def sent_bytes(self, item: OutboxItem) -> bytes:
        """What the sender hands to the relay: the stored bytes with the code unsealed."""
        return reveal(item.raw, item.sealed_code, KEY)

    def code_sent(self) -> str:
        """The verification code in the newest outbound message (as the citizen gets it)."""
        raw = self.sent_bytes(self.outbox()[-1])
        body = email.message_from_bytes(raw).get_payload(decode=True).decode()  # type: ignore[union-attr]
        found = re.findall(r"\b\d{6}\b", body)
        assert found, body
        return str(found[0])

    def advance(self, **kw: float) -> None:
        self.clock.advance(timedelta(**kw))


def make_flow(engine: Engine, trusted: str | None = None) -> Flow:
    clock = FixedClock(datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    desk = Desk(
        clockwork=Clockwork(ZoneInfo("Europe/Amsterdam"), HolidayCalendar.load()),
        outgoing=Outgoing(OUR, AUTO_KINDS),
        key=KEY,
        limits=Limits(trusted_authserv_id=trusted),
    )
    worker = TriageWorker(engine, desk, clock, our_address=OUR, min_confidence=0.5)
    return Flow(engine, clock, desk, worker, DbInboundSink(engine, clock))
