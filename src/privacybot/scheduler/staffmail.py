"""Queue a staff mail (the digest, an alert) through the outbox, one message per recipient.

Staff mail takes the same road as every letter: bytes built once, an outbox row in
the caller's transaction, the sender's claims, retries and in-doubt handling. So a
staff mailbox that refuses or cannot be reached is retried like any other, and what
finally fails shows up in the next digest and in ``scheduler.health``.

One message per recipient, each with its own Message-ID: compose refuses more than
one mailbox in To (R18), and one full staff mailbox must not hold up the others.
Headers: ``Auto-Submitted: auto-generated`` (RFC 3834: made by a timer, not a reply),
our loop marker, no draft and no requester. These rows are not "automatic replies"
for the R20 rate count, which is about mail to citizens.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from privacybot.outbox.compose import compose_email, new_message_id
from privacybot.outbox.store import enqueue
from privacybot.scheduler.render import StaffMail

log = logging.getLogger(__name__)

AUTO_SUBMITTED = "auto-generated"


def queue_staff_mail(
    session: Session,
    mail: StaffMail,
    *,
    recipients: tuple[str, ...],
    from_address: str,
    now: datetime,
    run_id: int | None,
    case_id: int | None = None,
) -> list[int]:
    """Compose and enqueue ``mail`` once per recipient; returns the outbox item ids.

    A recipient compose refuses (settings let through something that is not one
    mailbox) is logged and skipped: the others still get their mail.
    """
    domain = from_address.rsplit("@", 1)[-1]
    ids: list[int] = []
    for number, recipient in enumerate(recipients, start=1):
        message_id = new_message_id(domain)
        try:
            raw = compose_email(
                from_address=from_address,
                to_address=recipient,
                subject=mail.subject,
                body=mail.text,
                html_body=mail.html,
                message_id=message_id,
                date=now,
                in_reply_to=None,
                references=None,
                auto_submitted=AUTO_SUBMITTED,
                envelope_domain=domain,
            )
        except ValueError as exc:
            log.error(
                "staff mail: recipient %d of PRIVACYBOT_STAFF_EMAILS skipped: %s", number, exc
            )
            continue
        item = enqueue(
            session,
            draft=None,
            case_id=case_id,
            to_address=recipient,
            raw=raw,
            message_id=message_id,
            automatic=False,
            now=now,
            scheduler_run_id=run_id,
        )
        assert item.id is not None
        ids.append(item.id)
    return ids
