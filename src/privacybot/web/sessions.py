"""Dashboard sessions: a random id in an HttpOnly cookie, the row (its SHA-256) on the server.

Server-side rows, not signed cookies, so that signing out, disabling an account or
resetting its password ends a session at once and everywhere. A session ends

- after ``idle`` without a request, and ``absolute`` after sign-in, whatever happens;
- when the account is disabled, or its password changes (``password_stamp``);
- when its owner signs out.

Each session has its own CSRF token (the synchronizer pattern): every form of the
dashboard carries it, every state-changing request must return it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db.models import Staff, StaffSession
from privacybot.db.session import read_transaction, transaction
from privacybot.staff import Identity, Role

#: A request within this long of the last one does not rewrite ``last_seen``.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class SignedIn:
    """Who a cookie belongs to, read fresh from the database on every request."""

    session_id: int
    identity: Identity
    language: str
    csrf: str
    expires: datetime


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def _stamp(password_hash: str | None) -> str:
    return _hash(password_hash or "")[:32]


def open_session(
    engine: Engine, identity: Identity, client: str, now: datetime, policy: SessionPolicy
) -> str:
    """A new session for a member who just proved their password; returns the cookie value.

    Always a new id (never one the browser brought along: no session fixation), and
    the member's expired sessions are cleared on the way.
    """
    cookie = secrets.token_urlsafe(32)
    with transaction(engine) as session:
        member = session.get(Staff, identity.id)
        if member is None:
            raise LookupError(f"no staff member {identity.id}")
        session.execute(
            delete(StaffSession).where(
                StaffSession.staff_id == member.id,  # type: ignore[arg-type]
                or_(
                    StaffSession.last_seen < now - policy.idle,  # type: ignore[arg-type]
                    StaffSession.created < now - policy.absolute,  # type: ignore[arg-type]
                ),
            )
        )
        session.add(
            StaffSession(
                token_hash=_hash(cookie),
                staff_id=member.id or 0,
                csrf=secrets.token_urlsafe(32),
                password_stamp=_stamp(member.password_hash),
                client=client[:64],
                created=now,
                last_seen=now,
            )
        )
    return cookie


def lookup(engine: Engine, cookie: str, now: datetime, policy: SessionPolicy) -> SignedIn | None:
    """The live session of this cookie, or None (unknown, expired, disabled, password reset)."""
    if not cookie or len(cookie) > 100:
        return None
    with read_transaction(engine) as session:
        row = session.exec(
            select(StaffSession).where(StaffSession.token_hash == _hash(cookie))
        ).first()
        if row is None:
            return None
        member = session.get(Staff, row.staff_id)
        expires = min(row.last_seen + policy.idle, row.created + policy.absolute)
        live = (
            member is not None
            and member.active
            and now < expires
            and hmac.compare_digest(row.password_stamp, _stamp(member.password_hash))
        )
        if not live or member is None:
            stale = row.id
        else:
            stale = None
            found = SignedIn(
                session_id=row.id or 0,
                identity=Identity(member.id or 0, member.email, Role(member.role)),
                language=member.language,
                csrf=row.csrf,
                expires=expires,
            )
            touch = row.last_seen < now - TOUCH_EVERY
    if stale is not None:
        _delete(engine, stale)
        return None
    if touch:
        with transaction(engine) as session:
            live_row = session.get(StaffSession, found.session_id)
            if live_row is not None:
                live_row.last_seen = now
                session.add(live_row)
    return found


def _delete(engine: Engine, session_id: int | None) -> None:
    with transaction(engine) as session:
        session.execute(delete(StaffSession).where(StaffSession.id == session_id))  # type: ignore[arg-type]


def close_session(engine: Engine, cookie: str) -> None:
    """Sign-out: the row goes, so the cookie is worthless even if someone copied it."""
    with transaction(engine) as session:
        session.execute(delete(StaffSession).where(StaffSession.token_hash == _hash(cookie)))  # type: ignore[arg-type]


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


def login_token(key: bytes, cookie: str) -> str:
    """The sign-in form's CSRF token: an HMAC of its pre-session cookie under the app key.

    An attacker who can plant a cookie (a sibling subdomain) still cannot compute the
    matching form field without the key.
    """
    return hmac.new(key, b"login:" + cookie.encode(), hashlib.sha256).hexdigest()


def session_count(session: Session, staff_id: int) -> int:
    return len(session.exec(select(StaffSession.id).where(StaffSession.staff_id == staff_id)).all())
