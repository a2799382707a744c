"""Staff accounts: who they are, how they prove it, and how guessing is slowed down.

Officers approve, viewers read. Passwords are argon2id hashes (argon2-cffi, the
maintained binding of the reference implementation); hashes from the earlier
scrypt scheme still verify and are replaced at the next sign-in. Every sign-in
path (dashboard, API, CLI) goes through :func:`authenticate`, which

- spends the same work on an unknown account as on a known one (a dummy hash),
  so response times do not tell which staff addresses exist;
- counts failures per account and per client address and, past a few, refuses
  everything for a growing delay (1 s, 2 s, 4 s … up to 15 min), the right
  password included, so 300 guesses at 29/s are not 300 guesses;
- logs each failure with the client and (for known accounts) the account, never
  the password.

Personal API tokens have 256 random bits, so a plain SHA-256 at rest is enough and
checking one costs microseconds, not a password hash per API call.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db import repo
from privacybot.db.models import AuthThrottle, Staff, StaffToken
from privacybot.db.session import transaction

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "pbt_"

#: Failures allowed before the growing lock-out starts, per account and per client.
ACCOUNT_FREE_FAILURES = 5
CLIENT_FREE_FAILURES = 20
LOCK_BASE = timedelta(seconds=1)
LOCK_CAP = timedelta(minutes=15)
#: A client's failures are forgotten after this long without one.
FAILURE_MEMORY = timedelta(hours=1)


class Role(StrEnum):
    OFFICER = "officer"
    VIEWER = "viewer"


class StaffError(Exception):
    """A staff action or sign-in the rules refuse; one line for the person."""


class SignInRefused(StaffError):
    """Wrong account, password or token, or locked out; ``retry_after`` when locked."""

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# --- passwords ------------------------------------------------------------------------


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash of nothing anyone knows: verified for unknown accounts, to spend the same time."""
    return _hasher().hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _verify_scrypt(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def verify_password(password: str, stored: str) -> bool:
    """argon2id, or the older scrypt hashes (``scrypt$…``) of accounts made before."""
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return stored.startswith("scrypt$") or _hasher().check_needs_rehash(stored)


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError(f"password too short (at least {MIN_PASSWORD_LENGTH} characters)")


# --- throttling (pure) ------------------------------------------------------------------


def lockout(failures: int, free: int) -> timedelta | None:
    """How long to refuse everything after ``failures`` in a row (None: not locked)."""
    if failures < free:
        return None
    step = min(failures - free, 20)
    wait: timedelta = LOCK_BASE * (2**step)
    return min(LOCK_CAP, wait)


@dataclass(frozen=True)
class Client:
    """Where a sign-in comes from: an IP address, or ``cli`` for the command line."""

    address: str


def _key(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()


def _locked_for(session: Session, scope: str, key: str, now: datetime) -> int | None:
    row = session.get(AuthThrottle, (scope, key))
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return max(1, int((row.locked_until - now).total_seconds() + 0.999))


def _record_failure(session: Session, scope: str, key: str, free: int, now: datetime) -> None:
    row = session.get(AuthThrottle, (scope, key))
    if row is None:
        row = AuthThrottle(scope=scope, key=key, failures=0, last_failure=now)
    elif row.last_failure <= now - FAILURE_MEMORY and (
        row.locked_until is None or row.locked_until <= now
    ):
        row.failures = 0
    row.failures += 1
    row.last_failure = now
    wait = lockout(row.failures, free)
    row.locked_until = now + wait if wait is not None else None
    session.add(row)


def _clear(session: Session, scope: str, key: str) -> None:
    row = session.get(AuthThrottle, (scope, key))
    if row is not None:
        session.delete(row)


def authenticate(
    session: Session, email: str, password: str, client: Client, now: datetime
) -> Staff:
    """The active staff member with this password, or SignInRefused (same words either way).

    The caller commits the session even when this raises: the failure count is the
    point. Locked accounts and clients are refused before any hash is computed.
    """
    account_key, client_key = _key(email), _key(client.address)
    wait = max(
        _locked_for(session, "account", account_key, now) or 0,
        _locked_for(session, "client", client_key, now) or 0,
    )
    if wait:
        log.warning("sign-in refused while locked out, client=%s", client.address)
        raise SignInRefused(f"too many failed sign-ins: try again in {wait} s", retry_after=wait)
    member = session.exec(select(Staff).where(Staff.email == email.strip().lower())).first()
    usable = member is not None and member.active and member.password_hash is not None
    stored = member.password_hash if usable and member is not None else None
    ok = verify_password(password, stored or _dummy_hash())
    if not (usable and ok) or member is None or stored is None:
        _record_failure(session, "account", account_key, ACCOUNT_FREE_FAILURES, now)
        _record_failure(session, "client", client_key, CLIENT_FREE_FAILURES, now)
        log.warning(
            "sign-in failed: account=%s client=%s",
            member.email if member is not None else "(unknown)",
            client.address,
        )
        raise SignInRefused("unknown staff member or wrong password")
    _clear(session, "account", account_key)
    if needs_rehash(stored):
        member.password_hash = hash_password(password)
        session.add(member)
    return member


@dataclass(frozen=True)
class Identity:
    """Who proved who they are: a plain copy, safe to keep after the session closed."""

    id: int
    email: str
    role: Role

    @classmethod
    def of(cls, member: Staff) -> Identity:
        return cls(member.id or 0, member.email, Role(member.role))


def sign_in(engine: Engine, email: str, password: str, client: Client, now: datetime) -> Identity:
    """:func:`authenticate` in its own transaction, committed whether or not it refuses."""
    refused: SignInRefused | None = None
    with transaction(engine) as session:
        try:
            identity = Identity.of(authenticate(session, email, password, client, now))
        except SignInRefused as exc:
            refused = exc
    if refused is not None:
        raise refused
    return identity


def identify_by_token(engine: Engine, token: str, now: datetime) -> Identity | None:
    with transaction(engine) as session:
        member = member_for_token(session, token, now)
        return Identity.of(member) if member is not None else None


# --- tokens -------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(session: Session, member: Staff, label: str, now: datetime) -> str:
    """A new personal API token for ``member``; only its hash is stored, so show it once."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        StaffToken(
            staff_id=member.id or 0,
            token_hash=_token_hash(token),
            label=label.strip()[:64],
            created=now,
        )
    )
    repo.audit(session, actor=member.email, action="token_created", at=now, label=label[:64])
    return token


def member_for_token(session: Session, token: str, now: datetime) -> Staff | None:
    """The active staff member whose live token this is (constant work per lookup)."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.exec(
        select(StaffToken).where(StaffToken.token_hash == _token_hash(token))
    ).first()
    if row is None or row.revoked_at is not None:
        return None
    member = session.get(Staff, row.staff_id)
    if member is None or not member.active:
        return None
    if row.last_used_at is None or row.last_used_at < now - timedelta(minutes=1):
        row.last_used_at = now
        session.add(row)
    return member


def revoke_tokens(session: Session, member: Staff, now: datetime, actor: str) -> int:
    rows = session.exec(
        select(StaffToken).where(StaffToken.staff_id == member.id, StaffToken.revoked_at == None)  # noqa: E711
    ).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    if rows:
        repo.audit(session, actor=actor, action="tokens_revoked", at=now, staff=member.email)
    return len(rows)


def revoke_token(session: Session, member: Staff, token_id: int, now: datetime) -> bool:
    """A member revokes one of their own tokens (the dashboard's token page)."""
    row = session.get(StaffToken, token_id)
    if row is None or row.staff_id != member.id or row.revoked_at is not None:
        return False
    row.revoked_at = now
    session.add(row)
    repo.audit(session, actor=member.email, action="token_revoked", at=now, label=row.label)
    return True


def live_tokens(session: Session, member: Staff) -> list[StaffToken]:
    return list(
        session.exec(
            select(StaffToken)
            .where(StaffToken.staff_id == member.id, StaffToken.revoked_at == None)  # noqa: E711
            .order_by(StaffToken.id)  # type: ignore[arg-type]
        ).all()
    )


# --- accounts -----------------------------------------------------------------------


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError as exc:
        raise StaffError(f"role must be officer or viewer, not {role!r}") from exc


def find(session: Session, email: str) -> Staff | None:
    return session.exec(select(Staff).where(Staff.email == email.strip().lower())).first()


def add_staff(
    session: Session,
    *,
    email: str,
    role: str,
    password: str | None,
    now: datetime,
    actor: str = "cli",
) -> Staff:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise StaffError(f"not an email address: {email!r}")
    role_value = _role(role)
    if password is not None:
        check_new_password(password)
    if find(session, email) is not None:
        raise StaffError(f"{email} already has an account")
    member = Staff(
        email=email,
        role=role_value.value,
        password_hash=hash_password(password) if password else None,
        created=now,
    )
    session.add(member)
    repo.audit(
        session, actor=actor, action="staff_added", at=now, staff=email, role=role_value.value
    )
    return member


def _existing(session: Session, email: str) -> Staff:
    member = find(session, email)
    if member is None:
        raise StaffError(f"unknown staff member {email.strip().lower()}")
    return member


def set_role(session: Session, email: str, role: str, now: datetime, actor: str) -> Staff:
    member = _existing(session, email)
    member.role = _role(role).value
    session.add(member)
    repo.audit(session, actor=actor, action="staff_role_set", at=now, staff=member.email, role=role)
    return member


def disable(session: Session, email: str, now: datetime, actor: str) -> Staff:
    """A disabled account signs in nowhere, and its tokens stop working."""
    member = _existing(session, email)
    member.active = False
    session.add(member)
    revoke_tokens(session, member, now, actor)
    repo.audit(session, actor=actor, action="staff_disabled", at=now, staff=member.email)
    return member


def reset_password(session: Session, email: str, password: str, now: datetime, actor: str) -> Staff:
    """An operator sets a new password; the old tokens go, and the trail says who did it."""
    check_new_password(password)
    member = _existing(session, email)
    member.password_hash = hash_password(password)
    member.active = True
    session.add(member)
    revoke_tokens(session, member, now, actor)
    _clear(session, "account", _key(member.email))
    repo.audit(session, actor=actor, action="staff_password_reset", at=now, staff=member.email)
    return member


def require_officer(session: Session, email: str) -> Staff:
    """Only a known, active officer may decide on drafts and cases (four-eyes needs names)."""
    member = find(session, email)
    if member is None or not member.active:
        raise StaffError(
            f"unknown staff member {email.strip().lower()}: add them with "
            f"`privacybot staff add {email.strip().lower()} --role officer`"
        )
    if member.role != Role.OFFICER:
        raise StaffError(f"{member.email} is a viewer and may not do this")
    return member


# --- preferences --------------------------------------------------------------------

#: Languages the dashboard speaks; Dutch first.
LANGUAGES = ("nl", "en")


def set_language(session: Session, member: Staff, language: str) -> Staff:
    """The dashboard language of one staff member (a preference: no audit event)."""
    if language not in LANGUAGES:
        raise StaffError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    member.language = language
    session.add(member)
    return member
