"""Building blocks for the daily jobs: a desk on a real database, cases at chosen dates."""

from __future__ import annotations

import email
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.message import Message
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.db.models import OutboxItem, SchedulerRun
from privacybot.scheduler.jobs import StaffSettings
from privacybot.scheduler.loop import Scheduler
from tests.flow.helpers import OUR, Flow, mail, make_flow

AMS = ZoneInfo("Europe/Amsterdam")
STAFF_LIST = ("fg@conxillium.nl", "team@conxillium.nl")
DASHBOARD = "https://privacy.conxillium.example"
#: Planted in every citizen message of these tests; no staff mail may ever contain it.
PLANTED = "Mijn kat Bommel eet spruitjes op dinsdag"
ACCESS = f"Ik wil graag inzage in mijn persoonsgegevens bij SIM. {PLANTED}."


def staff_settings(**overrides: object) -> StaffSettings:
    values: dict[str, object] = {
        "recipients": STAFF_LIST,
        "from_address": OUR,
        "digest_time": time(8, 0),
        "language": "nl",
        "dashboard_url": DASHBOARD,
    }
    values.update(overrides)
    return StaffSettings(**values)  # type: ignore[arg-type]


def local(day: date, hh: int = 8, mm: int = 0, ss: int = 0, *, fold: int = 0) -> datetime:
    """The UTC instant of a wall-clock time in Amsterdam."""
    return datetime.combine(day, time(hh, mm, ss), AMS).replace(fold=fold).astimezone(UTC)


@dataclass
class Desk:
    """A flow plus a scheduler with the daily jobs, sharing one clock."""

    flow: Flow
    scheduler: Scheduler

    @property
    def engine(self) -> Engine:
        return self.flow.engine

    def at(self, instant: datetime) -> None:
        self.flow.clock.current = instant

    def request(
        self,
        received: datetime,
        *,
        body: str = ACCESS,
        sender: str = "Anna de Vries <anna@example.nl>",
        verify: bool = True,
    ) -> str:
        """A citizen's request received at ``received``; verified at once when asked."""
        self.at(received)
        before = {c.reference for c in self.flow.cases()}
        self.flow.receive(mail(body, sender=sender, subject=f"Bommel: {PLANTED}"))
        [case] = [c for c in self.flow.cases() if c.reference not in before]
        if verify:
            code = self.flow.code_sent()
            ack = [d for d in self.flow.drafts() if d.case_id == case.id][0]
            self.flow.receive(
                mail(f"code {code}", sender=sender, subject=ack.subject, in_reply_to=ack.message_id)
            )
        return case.reference

    def staff_mail(self, job_prefix: str = "") -> list[tuple[SchedulerRun, OutboxItem]]:
        with Session(self.engine) as s:
            rows = s.exec(
                select(SchedulerRun, OutboxItem)
                .join(OutboxItem, col(OutboxItem.scheduler_run_id) == col(SchedulerRun.id))
                .where(col(SchedulerRun.job).startswith(job_prefix))
                .order_by(col(OutboxItem.id))
            ).all()
            return [(r, o) for r, o in rows]

    def runs(self, job: str) -> list[SchedulerRun]:
        with Session(self.engine) as s:
            return list(
                s.exec(
                    select(SchedulerRun)
                    .where(SchedulerRun.job == job)
                    .order_by(col(SchedulerRun.id))
                ).all()
            )


def parts(raw: bytes) -> tuple[Message, str, str]:
    """The message, its plain-text part and its HTML part, decoded."""
    msg = email.message_from_bytes(raw)
    text = html = ""
    for part in msg.walk():
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if part.get_content_type() == "text/plain":
            text = payload.decode(part.get_content_charset() or "utf-8")
        elif part.get_content_type() == "text/html":
            html = payload.decode(part.get_content_charset() or "utf-8")
    return msg, text, html


@pytest.fixture
def desk(engine: Engine) -> Desk:
    flow = make_flow(engine)
    return Desk(flow, Scheduler(engine, flow.desk, flow.clock, staff=staff_settings()))
