"""Retention dates and audit pseudonyms (docs/rules.md R24-R26).

Pure: dates in, dates out. The purge job asks these functions when something
must go; it never decides that itself.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

from privacybot.cases.deadline import add_months

#: R24 [CX]: CASE_RETENTION_DAYS default. A repeat request after a year is never
#: excessive (EDPB §185), so older history cannot support art. 12(5).
CASE_RETENTION_DAYS = 365
#: R25: the AP's fining power lapses 5 years after the violation (Awb 5:45(1)).
AUDIT_RETENTION_YEARS = 5
#: R26 [CX]: export files go 30 days after sending (or at purge, if sooner).
EXPORT_RETENTION_DAYS = 30


def purge_due(closed_at: date, retention_days: int = CASE_RETENTION_DAYS) -> date:
    """R24: the day a closed case's messages, attachments and exports are deleted."""
    if retention_days < 0:
        raise ValueError(f"retention_days must be >= 0, got {retention_days}")
    return closed_at + timedelta(days=retention_days)


def audit_purge_due(closed: date) -> date:
    """R25: audit rows go 5 calendar years after closure (29 Feb -> 28 Feb)."""
    return add_months(closed, 12 * AUDIT_RETENTION_YEARS)


def export_purge_date(sent: date, case_purge: date | None) -> date:
    """R26: an export file goes 30 days after sending or at the case purge, whichever first."""
    own = sent + timedelta(days=EXPORT_RETENTION_DAYS)
    return own if case_purge is None else min(own, case_purge)


def address_hmac(address: str, key: bytes) -> str:
    """R25: the audit log holds addresses only as keyed HMAC-SHA256 of the lowercased address.

    Keyed, so that the log alone cannot be searched for a guessed address;
    lowercased, so that ``A@B.nl`` and ``a@b.nl`` stay one requester.
    """
    if not key:
        raise ValueError("an HMAC key is required to pseudonymise an address")
    return hmac.new(key, address.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()
