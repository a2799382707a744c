"""Verification codes in the database: issue one, count attempts, delete what lapsed (R13, R26).

Only the HMAC of a code is stored to check it, and the code itself only sealed
(cases/codes.py); attempts are rows so the limits hold across replies and cases.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlmodel import Session, col, delete, func, select

from privacybot.cases.codes import IssuedCode, seal
from privacybot.cases.identity import (
    ATTEMPT_WINDOW,
    CODE_VALIDITY,
    OtpState,
    hash_code,
    may_issue,
    new_code,
)
from privacybot.cases.retention import address_hmac
from privacybot.db import repo
from privacybot.db.models import Case, CodeAttempt, OtpCode
from privacybot.domain import CaseStatus


def issue_code(
    session: Session, case: Case, address: str, key: bytes, now: datetime
) -> IssuedCode | None:
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
    return seal(code, key)


def wrong_attempts(
    session: Session, case: Case, address_key: str, now: datetime
) -> tuple[int, int]:
    """R13: wrong attempts so far for this case (ever) and this address (in the window)."""
    for_case = session.exec(
        select(func.count())
        .select_from(CodeAttempt)
        .where(CodeAttempt.case_id == case.id, CodeAttempt.ok == False)  # noqa: E712
    ).one()
    for_address = session.exec(
        select(func.count())
        .select_from(CodeAttempt)
        .where(
            CodeAttempt.address_hmac == address_key,
            CodeAttempt.ok == False,  # noqa: E712
            col(CodeAttempt.at) > now - ATTEMPT_WINDOW,
        )
    ).one()
    return int(for_case), int(for_address)


def record_attempt(session: Session, case: Case, address_key: str, ok: bool, now: datetime) -> None:
    session.add(CodeAttempt(case_id=case.id or 0, address_hmac=address_key, ok=ok, at=now))


def purge_expired_codes(session: Session, now: datetime) -> int:
    """R26: delete code hashes past their validity, and attempts past their window."""
    result = session.execute(delete(OtpCode).where(col(OtpCode.issued_at) <= now - CODE_VALIDITY))
    session.execute(
        delete(CodeAttempt).where(
            col(CodeAttempt.at) <= now - max(ATTEMPT_WINDOW, CODE_VALIDITY),
            col(CodeAttempt.case_id).in_(
                select(Case.id).where(Case.status != CaseStatus.AWAITING_VERIFICATION)
            ),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def code_states(session: Session, case: Case) -> list[OtpState]:
    """The case's codes as the rules see them, newest first."""
    rows = session.exec(
        select(OtpCode).where(OtpCode.case_id == case.id).order_by(col(OtpCode.issued_at).desc())
    ).all()
    return [OtpState(hash=r.code_hmac, issued_at=r.issued_at, attempts=r.attempts) for r in rows]


def count_wrong_on_newest(session: Session, case: Case, wrong: int) -> None:
    """R13: wrong attempts also count against the newest code (void after five)."""
    if not wrong:
        return
    newest = session.exec(
        select(OtpCode).where(OtpCode.case_id == case.id).order_by(col(OtpCode.issued_at).desc())
    ).first()
    if newest is not None:
        newest.attempts += wrong
        session.add(newest)


def delete_codes(session: Session, case: Case) -> None:
    """R26: a case that is verified or closed keeps no code hashes."""
    for otp in session.exec(select(OtpCode).where(OtpCode.case_id == case.id)).all():
        session.delete(otp)
