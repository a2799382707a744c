"""Mail to the staff list that cannot wait for the digest: a reported breach, the regulator.

Art. 33 gives a controller 72 hours from becoming aware of a breach to notify the
Autoriteit Persoonsgegevens, so a report must reach a person the same hour, not the
next morning. The alert holds what staff need to find the message (its number, when
it came, why it is urgent), never the citizen's text or address (R25 spirit: a staff
mailbox is not the case file). It goes through the outbox like every letter, so it
is sent once, retried, and never lost.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from privacybot.db import repo
from privacybot.outbox.compose import compose_email, new_message_id
from privacybot.outbox.store import enqueue
from privacybot.service.desk import Desk

log = logging.getLogger(__name__)


def alert_staff(
    session: Session, desk: Desk, *, subject: str, lines: list[str], now: datetime
) -> int:
    """One alert mail per staff address; returns how many were queued (0: none configured)."""
    if not desk.staff_emails:
        log.warning("urgent for staff, but PRIVACYBOT_STAFF_EMAILS is empty: %s", subject)
        return 0
    body = "\n".join([*lines, "", "— privacybot"]) + "\n"
    for address in desk.staff_emails:
        message_id = new_message_id(desk.outgoing.domain)
        raw = compose_email(
            from_address=desk.outgoing.from_address,
            to_address=address,
            subject=subject,
            body=body,
            message_id=message_id,
            date=now,
            in_reply_to=None,
            references=None,
            auto_submitted="auto-generated",
            envelope_domain=desk.outgoing.domain,
            from_name="privacybot",
        )
        enqueue(
            session,
            draft=None,
            case_id=None,
            to_address=address,
            raw=raw,
            message_id=message_id,
            automatic=True,
            now=now,
        )
    repo.audit(
        session, actor="privacybot", action="staff_alerted", at=now, subject=subject,
        recipients=len(desk.staff_emails),
    )  # fmt: skip
    return len(desk.staff_emails)
