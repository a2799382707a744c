"""Staff accounts: who may approve (officer) or only read (viewer).

Passwords are stored as scrypt hashes from the standard library (memory-hard, salted);
the dashboard issue uses them to sign in, the CLI uses the account to know who acts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, select

from privacybot.db import repo
from privacybot.db.models import Staff

_N, _R, _P = 2**14, 8, 1
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Role(StrEnum):
    OFFICER = "officer"
    VIEWER = "viewer"


class StaffError(Exception):
    pass


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=32,
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def add_staff(
    session: Session, *, email: str, role: str, password: str | None, now: datetime
) -> Staff:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise StaffError(f"not an email address: {email!r}")
    try:
        role_value = Role(role)
    except ValueError as exc:
        raise StaffError(f"role must be officer or viewer, not {role!r}") from exc
    if password is not None and len(password) < 10:
        raise StaffError("password too short (at least 10 characters)")
    existing = session.exec(select(Staff).where(Staff.email == email)).first()
    if existing is not None:
        raise StaffError(f"{email} already has an account")
    member = Staff(
        email=email,
        role=role_value.value,
        password_hash=hash_password(password) if password else None,
        created=now,
    )
    session.add(member)
    repo.audit(
        session, actor="cli", action="staff_added", at=now, staff=email, role=role_value.value
    )
    return member


def require_officer(session: Session, email: str) -> Staff:
    """Only a known, active officer may decide on drafts and cases (four-eyes needs names)."""
    email = email.strip().lower()
    member = session.exec(select(Staff).where(Staff.email == email)).first()
    if member is None or not member.active:
        raise StaffError(
            f"unknown staff member {email}: add them with "
            f"`privacybot staff add {email} --role officer`"
        )
    if member.role != Role.OFFICER:
        raise StaffError(f"{email} is a viewer and may not do this")
    return member
