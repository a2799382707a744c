"""The tables: what docs/design.md names, nothing the core needs to import.

Queue-like tables (inbound, outbox) carry their own state and claim columns so that
workers in several processes can share them safely; once-a-day jobs are guarded by a
unique (job, run_key) row.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    LargeBinary,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from privacybot.db.types import UTCDateTime


def _utc(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class InboundMessage(SQLModel, table=True):
    """Everything that arrived, raw, committed before the source is told we have it."""

    __tablename__ = "inbound_message"
    __table_args__ = (
        UniqueConstraint("channel_key", name="uq_inbound_channel_key"),
        UniqueConstraint("channel", "message_id", name="uq_inbound_message_id"),
        Index("ix_inbound_state", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    source: str = Field(max_length=16)
    channel_key: str = Field(max_length=512)
    message_id: str | None = Field(default=None, max_length=998)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0
    received: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    stored_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    state: str = Field(default="stored", max_length=16)
    attempts: int = 0
    claimed_until: datetime | None = _utc()
    problem: str | None = Field(default=None, sa_column=Column(Text))
    triaged_at: datetime | None = _utc()
    automatic: bool | None = None
    automatic_reason: str | None = Field(default=None, max_length=200)
    labels: list[str] | None = Field(default=None, sa_column=Column(JSON))
    language: str | None = Field(default=None, max_length=2)
    company: str | None = Field(default=None, max_length=64)
    confidence: float | None = None
    sender: str | None = Field(default=None, max_length=320)
    subject: str | None = Field(default=None, sa_column=Column(Text))
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    #: The cleaned text triage classified (for staff, and to spot a repeated request).
    cleaned: str | None = Field(default=None, sa_column=Column(Text))
    #: Why the message waits in the staff triage queue (None: it does not).
    staff_reason: str | None = Field(default=None, sa_column=Column(Text))
    #: The decision's rule hits and reasons (decision.Verdict.as_json), for staff.
    verdict: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class Requester(SQLModel, table=True):
    """Who asked: an email address, or a Telegram user bound to one after verification."""

    __tablename__ = "requester"
    __table_args__ = (UniqueConstraint("channel", "address", name="uq_requester_address"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    address: str = Field(max_length=320)
    address_hmac: str = Field(max_length=64, index=True)
    telegram_user_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, nullable=True, index=True)
    )
    verified_email: str | None = Field(default=None, max_length=320)
    #: The display name the requester wrote under (decoded, one line): our To: keeps it.
    name: str | None = Field(default=None, max_length=200)
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class CaseSequence(SQLModel, table=True):
    """One row per year; incremented inside the case's own transaction, so no gaps (R21)."""

    __tablename__ = "case_sequence"

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_seq: int = 0


class Case(SQLModel, table=True):
    __tablename__ = "case"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_case_year_seq"),
        # The lists: cases by receipt (cases list) and by due date (the work queue).
        Index("ix_case_received", "received", "id"),
        Index("ix_case_due", "due"),
        # The work queue sorts by the due date that counts (extended, else the first).
        Index("ix_case_effective_due", "effective_due", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=16, unique=True)
    year: int
    seq: int
    status: str = Field(default="awaiting_verification", max_length=32, index=True)
    rights: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    company: str | None = Field(default=None, max_length=64)
    language: str = Field(default="nl", max_length=2)
    channel: str = Field(default="email", max_length=16)
    requester_id: int | None = Field(default=None, foreign_key="requester.id", index=True)
    received: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    receipt_date: date
    due: date
    gdpr_due: date
    extended_due: date | None = None
    #: The due date that counts: ``extended_due`` when extended, else ``due``. Kept by
    #: the writer (service/cases) so the work queue can sort on an index.
    effective_due: date
    extension_reason: str | None = Field(default=None, sa_column=Column(Text))
    verified: bool = False
    verified_at: datetime | None = _utc()
    pause_days: int = 0
    needs_staff: bool = False
    staff_reason: str | None = Field(default=None, max_length=200)
    parent_case_id: int | None = Field(default=None, foreign_key="case.id")
    closed_at: datetime | None = _utc()
    closed_reason: str | None = Field(default=None, max_length=64)
    #: R11: the ground a staff member refused the request on (whole or in part).
    refusal_ground: str | None = Field(default=None, max_length=40)
    refusal_partial: bool = False
    purged_at: datetime | None = _utc()
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class OtpCode(SQLModel, table=True):
    """A verification code, only its HMAC kept (R13); deleted at success or expiry (R26)."""

    __tablename__ = "otp_code"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    code_hmac: str = Field(max_length=64)
    issued_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    attempts: int = 0
    sent_to_hmac: str = Field(max_length=64)


class Draft(SQLModel, table=True):
    """A reply rendered from a template; its Message-ID is fixed when it is created."""

    __tablename__ = "draft"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    inbound_id: int | None = Field(default=None, foreign_key="inbound_message.id")
    kind: str = Field(max_length=48)
    language: str = Field(max_length=2)
    status: str = Field(default="awaiting_approval", max_length=32, index=True)
    channel: str = Field(default="email", max_length=16)
    to_address: str = Field(max_length=320)
    #: Display names for From (whose letter: the member company) and To (the citizen).
    from_name: str = Field(default="", max_length=120)
    to_name: str = Field(default="", max_length=200)
    subject: str = Field(sa_column=Column(Text, nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    contains_personal_data: bool = False
    automatic: bool = False
    message_id: str = Field(max_length=255, unique=True)
    in_reply_to: str | None = Field(default=None, max_length=998)
    references: str | None = Field(default=None, sa_column=Column(Text))
    auto_submitted: str | None = Field(default=None, max_length=32)
    edited_by: str | None = Field(default=None, max_length=320)
    decided_by: str | None = Field(default=None, max_length=320)
    #: A verification code sealed under the server key (cases/codes.py); the body holds
    #: only its slot, so no code is ever at rest in clear. Cleared once sent.
    sealed_code: str | None = Field(default=None, max_length=64)
    decision_reason: str | None = Field(default=None, sa_column=Column(Text))
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class DraftAttachment(SQLModel, table=True):
    """A file staff attach to an access or portability answer (R8); data gone at R26."""

    __tablename__ = "draft_attachment"

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="draft.id", index=True)
    filename: str = Field(max_length=120)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)
    data: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    added_by: str = Field(max_length=320)
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    #: R26: export files go 30 days after sending, or at the case's purge.
    purged_at: datetime | None = _utc()


class OutboxItem(SQLModel, table=True):
    """One message to send, built once (bytes and Message-ID fixed) so a retry is identical."""

    __tablename__ = "outbox_item"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        # R20: every automatic reply counts what went to this address in the last week.
        Index("ix_outbox_to_created", "to_address", "created"),
    )

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int | None = Field(default=None, foreign_key="draft.id", unique=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    channel: str = Field(default="email", max_length=16)
    message_id: str = Field(max_length=255, unique=True)
    to_address: str = Field(max_length=320)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    automatic: bool = False
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_until: datetime | None = _utc()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    sent_at: datetime | None = _utc()
    #: The draft's sealed code, opened by the sender only in memory (see Draft).
    sealed_code: str | None = Field(default=None, max_length=64)
    #: Set (and committed) by the sender just before the final dot of DATA: an item left
    #: ``sending`` without it never reached the relay, so it may be sent again safely.
    handed_over_at: datetime | None = _utc()
    #: Staff mail (digest, alerts) has no draft: the scheduler run that queued it.
    scheduler_run_id: int | None = Field(default=None, foreign_key="scheduler_run.id", index=True)


class CodeAttempt(SQLModel, table=True):
    """One candidate code tried against a case (R13): limits hold across replies and cases."""

    __tablename__ = "code_attempt"
    __table_args__ = (Index("ix_code_attempt_address_at", "address_hmac", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    address_hmac: str = Field(max_length=64)
    ok: bool = False
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class AuditEvent(SQLModel, table=True):
    """Append-only trail (R25): who did what to which case; never bodies, codes or addresses."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    case_reference: str | None = Field(default=None, max_length=16, index=True)
    actor: str = Field(max_length=320)
    action: str = Field(max_length=64)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


class Staff(SQLModel, table=True):
    __tablename__ = "staff"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True)
    role: str = Field(max_length=16)
    password_hash: str | None = Field(default=None, max_length=255)
    active: bool = True
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    #: The dashboard's language for this member: nl (default) or en.
    language: str = Field(default="nl", max_length=2, sa_column_kwargs={"server_default": "nl"})


class StaffToken(SQLModel, table=True):
    """A personal API token; only its SHA-256 is kept (the token has 256 random bits)."""

    __tablename__ = "staff_token"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    label: str = Field(default="", max_length=64)
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    last_used_at: datetime | None = _utc()
    revoked_at: datetime | None = _utc()


class StaffSession(SQLModel, table=True):
    """A signed-in dashboard session; the cookie holds a random id, the row its SHA-256.

    ``password_stamp`` ties the session to the password it was opened with: a reset
    ends every session at once. ``csrf`` is the synchronizer token of its forms.
    """

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff.id", index=True)
    csrf: str = Field(max_length=64)
    password_stamp: str = Field(max_length=32)
    client: str = Field(default="", max_length=64)
    created: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    last_seen: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class AuthThrottle(SQLModel, table=True):
    """Failed sign-ins per account or per client address, with a growing lock-out."""

    __tablename__ = "auth_throttle"

    scope: str = Field(primary_key=True, max_length=16)
    key: str = Field(primary_key=True, max_length=64)
    failures: int = 0
    last_failure: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    locked_until: datetime | None = _utc()


class SchedulerRun(SQLModel, table=True):
    """A unique (job, run_key) row makes a once-a-day job run once, whatever the process count."""

    __tablename__ = "scheduler_run"
    __table_args__ = (UniqueConstraint("job", "run_key", name="uq_scheduler_job_key"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=64)
    run_key: str = Field(max_length=64)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    finished_at: datetime | None = _utc()
    outcome: str | None = Field(default=None, max_length=200)


class ImapCheckpoint(SQLModel, table=True):
    """Highest UID stored per mailbox and UIDVALIDITY, for servers that cannot keep our keyword."""

    __tablename__ = "imap_checkpoint"

    mailbox: str = Field(primary_key=True, max_length=255)
    uidvalidity: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_uid: int = 0
