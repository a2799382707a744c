"""/metrics: counts read from the database at scrape time, plus this process's histograms.

Counts only, never names, addresses or text. Names (docs/operators.md):
``privacybot_messages_in_total{channel}``, ``privacybot_cases{status}``,
``privacybot_cases_overdue``, ``privacybot_drafts{status}``,
``privacybot_drafts_awaiting_approval``, ``privacybot_outbox_items{status}``,
``privacybot_inbound_messages{state}``, ``privacybot_imap_connected``,
``privacybot_imap_state{state}`` and ``privacybot_triage_latency_seconds``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine
from sqlmodel import col, func, select

from privacybot.db import repo
from privacybot.db.models import Case, Draft, InboundMessage, OutboxItem
from privacybot.db.session import read_transaction
from privacybot.domain import CaseStatus, DraftStatus
from privacybot.metrics import TRIAGE_LATENCY

#: Watcher states that mean "connected to the mailbox".
CONNECTED = frozenset({"idle", "polling", "catching-up"})


class DatabaseCollector(Collector):
    def __init__(
        self,
        engine: Engine,
        today: Callable[[], date],
        imap_status: Callable[[], str] | None = None,
    ) -> None:
        self._engine = engine
        self._today = today
        self._imap_status = imap_status

    def collect(self) -> Iterator[Metric]:
        with read_transaction(self._engine) as s:

            def grouped(column: object, model: object) -> list[tuple[str, int]]:
                rows = s.exec(select(column, func.count()).select_from(model).group_by(column))  # type: ignore[call-overload]
                return [(str(value), int(n)) for value, n in rows.all()]

            channels = grouped(InboundMessage.channel, InboundMessage)
            inbound = grouped(InboundMessage.state, InboundMessage)
            cases = grouped(Case.status, Case)
            drafts = grouped(Draft.status, Draft)
            outbox = grouped(OutboxItem.status, OutboxItem)
            overdue = s.exec(
                select(func.count())
                .select_from(Case)
                .where(
                    col(Case.status).in_([CaseStatus.AWAITING_VERIFICATION, CaseStatus.OPEN]),
                    repo.effective_due() < self._today(),
                )
            ).one()

        counter = CounterMetricFamily(
            "privacybot_messages_in", "Messages received, by channel.", labels=["channel"]
        )
        for channel, n in channels:
            counter.add_metric([channel], n)
        yield counter
        for name, doc, label, rows in (
            ("privacybot_cases", "Cases by status.", "status", cases),
            ("privacybot_drafts", "Drafts by status.", "status", drafts),
            ("privacybot_outbox_items", "Outbox items by status.", "status", outbox),
            ("privacybot_inbound_messages", "Inbound messages by state.", "state", inbound),
        ):
            gauge = GaugeMetricFamily(name, doc, labels=[label])
            for value, n in rows:
                gauge.add_metric([value], n)
            yield gauge
        yield GaugeMetricFamily(
            "privacybot_cases_overdue", "Open cases past their due date.", value=int(overdue)
        )
        yield GaugeMetricFamily(
            "privacybot_drafts_awaiting_approval",
            "Drafts waiting for an officer.",
            value=dict(drafts).get(DraftStatus.AWAITING_APPROVAL.value, 0),
        )
        if self._imap_status is not None:
            state = self._imap_status()
            yield GaugeMetricFamily(
                "privacybot_imap_connected",
                "1 while the IMAP watcher of this process is connected.",
                value=1 if state in CONNECTED else 0,
            )
            info = GaugeMetricFamily(
                "privacybot_imap_state", "The IMAP watcher's state (1).", labels=["state"]
            )
            info.add_metric([state], 1)
            yield info


def make_registry(
    engine: Engine, today: Callable[[], date], imap_status: Callable[[], str] | None = None
) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector(engine, today, imap_status))
    registry.register(TRIAGE_LATENCY)
    return registry


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
