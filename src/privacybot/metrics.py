"""Process-wide measurements that the web role's /metrics exports (prometheus-client).

Counts of cases, drafts and outbox items are read from the database at scrape time,
so they are right whichever process did the work. A latency, though, is only seen by
the process that did the work: the triage worker observes
:data:`TRIAGE_LATENCY` here, and /metrics exports it when the web role runs in the
same process (``privacybot run`` with both ``intake`` and ``web``, the default). A
web-only process exports the histogram empty.
"""

from __future__ import annotations

from prometheus_client import Histogram

#: Seconds from storing an inbound message to its triage outcome committed.
TRIAGE_LATENCY = Histogram(
    "privacybot_triage_latency_seconds",
    "Seconds from an inbound message stored to its triage committed (this process).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900),
    registry=None,
)


def observe_triage(seconds: float) -> None:
    TRIAGE_LATENCY.observe(max(0.0, seconds))
