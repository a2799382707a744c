"""Verification codes at rest: issue one for a case, and delete the ones that lapsed.

Only the HMAC is stored (R13); a code is kept no longer than it can be used (R26),
so a database copy never holds a working code older than a day.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlmodel import Session, col, delete, select

from privacybot.cases.identity import CODE_VALIDITY, hash_code, may_issue, new_code
from privacybot.cases.retention import address_hmac
from privacybot.db import repo
from privacybot.db.models import Case, OtpCode


def issue_code(session: Session, case: Case, address: str, key: bytes, now: datetime) -> str | None:
    """A fresh code for `case`, or None when three were issued in the last 24 h (R13)."""
    issued = session.exec(select(OtpCode.issued_at).where(OtpCode.case_id == case.id)).all()
    if not may_issue(list(issued), now):
        repo.audit(session, actor="privacybot", action="code_limit_reached", at=now, case=case)
        return None
    code = new_code(secrets.SystemRandom())
    session.add(
        OtpCode(
            case_id=case.id or 0,
            code_hmac=hash_code(code, key),
            issued_at=now,
            sent_to_hmac=address_hmac(address, key),
        )
    )
    repo.audit(session, actor="privacybot", action="code_issued", at=now, case=case, method="email")
    return code


def purge_expired_codes(session: Session, now: datetime) -> int:
    """R26: delete code hashes past their validity; returns how many went."""
    result = session.execute(delete(OtpCode).where(col(OtpCode.issued_at) <= now - CODE_VALIDITY))
    return int(getattr(result, "rowcount", 0) or 0)
