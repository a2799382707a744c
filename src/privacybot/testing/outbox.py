"""Fill the outbox with many ready-built messages, for the multi-process test and the benches.

Both need the same thing: N citizen-like automatic replies, each composed once and
queued, all visible at the same moment (one transaction), so that every sender
process starts on a full queue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine

from privacybot.db.session import transaction
from privacybot.outbox import store
from privacybot.outbox.compose import compose_email, new_message_id

BODY = "Beste heer/mevrouw,\n\nWij hebben uw verzoek ontvangen.\n"


def queue_messages(
    engine: Engine, count: int, now: datetime, *, domain: str, body: str = BODY
) -> list[str]:
    """Queue ``count`` messages to distinct addresses in one transaction; their Message-IDs."""
    mids: list[str] = []
    with transaction(engine) as session:
        for n in range(count):
            mid = new_message_id(domain)
            to = f"burger{n}@example.nl"
            raw = compose_email(
                from_address=f"privacy@{domain}",
                to_address=to,
                subject=f"Auto: [PRV-2026-{n + 1:05d}] Uw verzoek",
                body=body,
                message_id=mid,
                date=now,
                in_reply_to=None,
                references=None,
                auto_submitted="auto-replied",
                envelope_domain=domain,
            )
            store.enqueue(
                session,
                draft=None,
                case_id=None,
                to_address=to,
                raw=raw,
                message_id=mid,
                automatic=True,
                now=now,
            )
            mids.append(mid)
    return mids
