"""The outbox queue: enqueue, claim, and record what happened to each message.

Several sender processes may share the queue. A row is claimed atomically and the
claim is committed *before* any byte goes to the relay: ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, a conditional UPDATE on SQLite (healthchecks' ``process_one_flip``: only
the writer whose ``UPDATE … WHERE status='pending'`` changed one row owns the item).
The claim is a lease (``claimed_until``); the bytes and Message-ID never change.

Never a second copy. A claimed row whose lease ran out means a sender died (or lost
its connection) somewhere between claiming and recording the outcome. Just before the
final ``.`` of DATA the sender commits :func:`mark_handing_over` (``handed_over_at``),
and only if that still finds the claim its own and the lease running does the dot go
out. So a row left ``sending`` *without* the mark never reached the relay and goes
back to pending (safe to resend, whichever process died). With the mark, the relay
may or may not have it: :func:`recover_in_doubt` asks ``was_delivered`` (the built-in
Maildir sink can answer; a remote relay cannot): True → sent, False → back to pending,
None → ``failed`` "in doubt" with a ``send_in_doubt`` audit event, never resent
automatically; staff check the relay log and :func:`requeue` it. We prefer an
occasional message a human must look at over a duplicate legal letter. The window for
that is the relay's answer to the dot, milliseconds per message.
Clocks of sender hosts must agree (NTP): leases are compared across processes.

Backoff for transient failures: 30 s, 1 min, 2 min … capped at 1 h, ±20 % jitter so
a relay outage does not make every sender retry in the same second; after
``MAX_ATTEMPTS`` claims the item fails and staff see a ``delivery_failed`` event.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db.models import Case, Draft, OutboxItem
from privacybot.db.repo import audit
from privacybot.db.session import transaction
from privacybot.domain import DraftStatus
from privacybot.outbox.transport import redact_addresses
from privacybot.service.moves import move_draft
from privacybot.states import OUTBOX, DraftEvent, IllegalTransition, OutboxEvent, OutboxStatus

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
JITTER = 0.2
IN_DOUBT_ERROR = "in doubt after a crash: check the relay log before resending"
ACTOR = "outbox"

_rng = random.SystemRandom()


@dataclass(frozen=True)
class ClaimedItem:
    """What a sender needs to send one claimed message; a plain copy, detached from the DB."""

    id: int
    message_id: str
    case_id: int | None
    draft_id: int | None
    to_address: str
    raw: bytes
    automatic: bool
    attempts: int
    claimed_by: str
    claimed_until: datetime
    sealed_code: str | None = None


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Delay before the next try after ``attempts`` failed tries: 30 s·2^(n-1), capped, jittered."""
    n = max(attempts, 1)
    base = min(BACKOFF_BASE.total_seconds() * 2 ** min(n - 1, 20), BACKOFF_CAP.total_seconds())
    factor = 1.0 + (rng or _rng).uniform(-JITTER, JITTER)
    return timedelta(seconds=min(base * factor, BACKOFF_CAP.total_seconds()))


def enqueue(
    session: Session,
    *,
    draft: Draft | None,
    case_id: int | None,
    to_address: str,
    raw: bytes,
    message_id: str,
    automatic: bool,
    now: datetime,
    scheduler_run_id: int | None = None,
    channel: str = "email",
) -> OutboxItem:
    """Queue a built message in the caller's transaction (its draft was approved: ``queued``).

    The unique constraints on ``message_id`` and ``draft_id`` make a second enqueue of
    the same message fail with IntegrityError instead of sending it twice. Staff mail
    has no draft; ``scheduler_run_id`` names the run (digest, alert) that queued it.
    ``channel`` is ``telegram`` for chat messages (service/chat_outbox.py), which have
    no draft either.
    """
    if draft is not None and draft.message_id != message_id:
        raise ValueError("message_id differs from the draft's fixed Message-ID")
    if draft is not None and draft.status != DraftStatus.QUEUED:
        raise ValueError(f"draft {draft.id} is {draft.status}: only an approved draft is queued")
    item = OutboxItem(
        draft_id=draft.id if draft is not None else None,
        case_id=case_id,
        channel=channel,
        message_id=message_id,
        to_address=to_address,
        raw=raw,
        automatic=automatic,
        sealed_code=draft.sealed_code if draft is not None else None,
        scheduler_run_id=scheduler_run_id,
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created=now,
    )
    session.add(item)
    session.flush()
    return item


def _claimed(item: OutboxItem) -> ClaimedItem:
    assert item.id is not None and item.claimed_by and item.claimed_until
    return ClaimedItem(
        id=item.id,
        message_id=item.message_id,
        case_id=item.case_id,
        draft_id=item.draft_id,
        to_address=item.to_address,
        raw=item.raw,
        automatic=item.automatic,
        attempts=item.attempts,
        claimed_by=item.claimed_by,
        claimed_until=item.claimed_until,
        sealed_code=item.sealed_code,
    )


def claim_next(
    engine: Engine, worker: str, now: datetime, lease: timedelta, *, channel: str = "email"
) -> ClaimedItem | None:
    """Claim the oldest due pending item for ``worker``; committed before this returns.

    PostgreSQL: the candidate row is locked with SKIP LOCKED, so concurrent workers
    each get a different row without waiting. SQLite: the conditional UPDATE's
    rowcount tells whether we won (our BEGIN IMMEDIATE makes losing rare, but the
    check keeps it correct whatever the locking mode).
    """
    with transaction(engine) as session:
        postgres = session.get_bind().dialect.name == "postgresql"
        query = (
            select(OutboxItem.id)
            .where(
                OutboxItem.status == OutboxStatus.PENDING,
                OutboxItem.channel == channel,
                OutboxItem.next_attempt_at <= now,
            )
            .order_by(OutboxItem.next_attempt_at, OutboxItem.id)  # type: ignore[arg-type]
            .limit(1 if postgres else 5)
        )
        if postgres:
            query = query.with_for_update(skip_locked=True)
        for item_id in session.exec(query).all():
            result = session.execute(
                update(OutboxItem)
                .where(OutboxItem.id == item_id, OutboxItem.status == OutboxStatus.PENDING)  # type: ignore[arg-type]
                .values(
                    status=OUTBOX.step(OutboxStatus.PENDING, OutboxEvent.CLAIM).to,
                    attempts=OutboxItem.attempts + 1,
                    claimed_by=worker,
                    claimed_until=now + lease,
                    handed_over_at=None,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                item = session.get(OutboxItem, item_id, populate_existing=True)
                assert item is not None
                return _claimed(item)
    return None


def mark_handing_over(engine: Engine, item: ClaimedItem, now: datetime) -> bool:
    """Record, just before the final dot, that the relay may now get the message.

    Committed only while the claim is still ours (same worker, same claim: ``attempts``
    counts claims, so it fences off a re-claim by a thread of the same process) and
    its lease is running. False means: do not send the dot, the claim is gone.
    """
    with transaction(engine) as session:
        result = session.execute(
            update(OutboxItem)
            .where(
                OutboxItem.id == item.id,  # type: ignore[arg-type]
                OutboxItem.status == OutboxStatus.SENDING,  # type: ignore[arg-type]
                OutboxItem.claimed_by == item.claimed_by,  # type: ignore[arg-type]
                OutboxItem.attempts == item.attempts,  # type: ignore[arg-type]
                OutboxItem.claimed_until > now,  # type: ignore[arg-type,operator]
            )
            .values(handed_over_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _move(item: OutboxItem, event: OutboxEvent) -> None:
    """The only assignment of an outbox status: through the outbox table."""
    item.status = OUTBOX.step(OutboxStatus(item.status), event).to


def _case(session: Session, case_id: int | None) -> Case | None:
    return session.get(Case, case_id) if case_id is not None else None


def _draft_event(session: Session, item: OutboxItem, event: DraftEvent, now: datetime) -> None:
    """The draft follows its outbox item (its own table; the outbox event is the audit)."""
    if item.draft_id is None:
        return
    draft = session.get(Draft, item.draft_id)
    if draft is None:
        return
    # A draft that already says so (a late 250 after a bounce was recorded) keeps it.
    with contextlib.suppress(IllegalTransition):
        move_draft(session, draft, event, actor=ACTOR, now=now, audit=False)


def _record_sent(session: Session, item: OutboxItem, now: datetime, how: str) -> None:
    _move(item, OutboxEvent.SENT)
    item.sent_at = now
    item.claimed_until = None
    item.last_error = None
    item.sealed_code = None  # delivered: the code lives on only in the recipient's mailbox
    session.add(item)
    _draft_event(session, item, DraftEvent.SEND, now)
    case = _case(session, item.case_id)
    draft = session.get(Draft, item.draft_id) if item.draft_id is not None else None
    if draft is not None and draft.sealed_code is not None:
        draft.sealed_code = None
        session.add(draft)
    if case is not None and draft is not None:
        from privacybot.service.cases import reply_sent

        reply_sent(session, case, draft.kind, now)
    audit(
        session,
        actor=ACTOR,
        action="sent",
        at=now,
        case=_case(session, item.case_id),
        message_id=item.message_id,
        attempts=item.attempts,
        how=how,
    )


def _record_failed(
    session: Session, item: OutboxItem, now: datetime, error: str, action: str
) -> None:
    _move(item, OutboxEvent.FAIL)
    item.claimed_until = None
    item.last_error = error
    session.add(item)
    _draft_event(session, item, DraftEvent.FAIL, now)
    audit(
        session,
        actor=ACTOR,
        action=action,
        at=now,
        case=_case(session, item.case_id),
        message_id=item.message_id,
        attempts=item.attempts,
        error=redact(error),
    )


def redact(text: str) -> str:
    """Relay replies often quote the recipient; audit events and logs never hold addresses."""
    return redact_addresses(text)[:500]


def mark_sent(engine: Engine, item_id: int, now: datetime) -> bool:
    """The relay accepted the message: item and draft ``sent``, audit event ``sent``.

    Accepted whatever the row's state (short of already sent): if the relay said 250,
    that is the truth, even if recovery had meanwhile marked the row in doubt.
    Returns False when it was already recorded as sent.
    """
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None or item.status == OutboxStatus.SENT:
            return False
        _record_sent(session, item, now, how="relay")
        return True


def mark_retry(
    engine: Engine,
    item_id: int,
    now: datetime,
    error: str,
    *,
    rng: random.Random | None = None,
    retry_in: timedelta | None = None,
    count_attempt: bool = True,
) -> str:
    """A transient failure: back to ``pending`` after a backoff, or ``failed`` after N tries.

    Only a row still ``sending`` is touched (recovery may have decided already).
    Returns the new status, or "" when the row was not ours to change. ``retry_in``
    replaces the backoff when the far side said how long to wait (Telegram's
    ``retry_after``); ``count_attempt=False`` gives the claim back without using one
    of the item's attempts (flood control is not the message's fault).
    """
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None or item.status != OutboxStatus.SENDING:
            return ""
        if not count_attempt:
            item.attempts = max(item.attempts - 1, 0)
        elif item.attempts >= MAX_ATTEMPTS:
            _record_failed(
                session,
                item,
                now,
                f"gave up after {item.attempts} attempts: {error}",
                "delivery_failed",
            )
            return "failed"
        _move(item, OutboxEvent.RETRY)
        item.next_attempt_at = now + (
            retry_in if retry_in is not None else backoff(item.attempts, rng)
        )
        item.claimed_until = None
        item.last_error = error
        session.add(item)
        return "pending"


def mark_failed(engine: Engine, item_id: int, now: datetime, error: str) -> bool:
    """A permanent failure (5xx): item and draft ``failed``, audit ``delivery_failed`` for staff."""
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None or item.status != OutboxStatus.SENDING:
            return False
        _record_failed(session, item, now, error, "delivery_failed")
        return True


def mark_in_doubt(engine: Engine, item_id: int, now: datetime, error: str) -> bool:
    """The relay may have the message and we cannot tell: ``failed``, ``send_in_doubt``."""
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None or item.status != OutboxStatus.SENDING:
            return False
        _record_failed(session, item, now, error, "send_in_doubt")
        return True


def settle_in_doubt(
    engine: Engine,
    item_id: int,
    now: datetime,
    delivered: bool | None,
    *,
    reason: str = IN_DOUBT_ERROR,
    expected_until: datetime | None = None,
    never_handed_over: bool = False,
) -> str:
    """Apply the answer of ``was_delivered`` to a ``sending`` row; returns the new status.

    ``expected_until`` guards against a row that was re-claimed since it was read.
    ``never_handed_over``: the caller saw no hand-over mark, so ``delivered`` is False
    by construction; if the mark appeared meanwhile the row is left for the next round.
    Returns "" when the row changed under us and was left alone.
    """
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None or item.status != OutboxStatus.SENDING:
            return ""
        if expected_until is not None and item.claimed_until != expected_until:
            return ""
        if never_handed_over and item.handed_over_at is not None:
            return ""
        if delivered is True:
            _record_sent(session, item, now, how="found delivered after a crash")
            return "sent"
        if delivered is None:
            _record_failed(session, item, now, reason, "send_in_doubt")
            return "failed"
        if item.attempts >= MAX_ATTEMPTS:
            # A message that keeps killing its sender must not loop forever.
            _record_failed(
                session,
                item,
                now,
                f"gave up after {item.attempts} attempts (sender died each time)",
                "delivery_failed",
            )
            return "failed"
        _move(item, OutboxEvent.RETRY)
        item.next_attempt_at = now
        item.claimed_until = None
        item.last_error = "not delivered before the sender stopped; resending"
        session.add(item)
        return "pending"


def recover_in_doubt(
    engine: Engine,
    now: datetime,
    was_delivered: Callable[[str], bool | None],
    *,
    channel: str | None = None,
) -> list[int]:
    """Settle items left ``sending`` past their lease; returns the ids settled.

    ``was_delivered(message_id)`` is called outside any transaction (it may scan a
    Maildir); True → sent, False → pending, None → failed in doubt (see module doc).
    ``channel`` limits it to one channel's items (each sender settles its own).
    """
    with Session(engine) as session:
        query = select(
            OutboxItem.id,
            OutboxItem.message_id,
            OutboxItem.claimed_until,
            OutboxItem.handed_over_at,
        ).where(
            OutboxItem.status == OutboxStatus.SENDING,
            OutboxItem.claimed_until < now,  # type: ignore[operator]
        )
        if channel is not None:
            query = query.where(OutboxItem.channel == channel)
        rows = session.exec(query).all()
    settled: list[int] = []
    for item_id, message_id, claimed_until, handed_over_at in rows:
        assert item_id is not None
        # No mark: the dot never went out, so the relay cannot have it (module doc).
        unmarked = handed_over_at is None
        delivered = False if unmarked else was_delivered(message_id)
        if settle_in_doubt(
            engine,
            item_id,
            now,
            delivered,
            expected_until=claimed_until,
            never_handed_over=unmarked,
        ):
            settled.append(item_id)
    return settled


def _staff_move(
    engine: Engine,
    item_id: int,
    event: OutboxEvent,
    draft_event: DraftEvent,
    action: str,
    actor: str,
    now: datetime,
    **detail: str,
) -> None:
    """A staff member settles a ``failed`` item: one move, the draft follows, one audit event."""
    with transaction(engine) as session:
        item = session.get(OutboxItem, item_id, with_for_update=True)
        if item is None:
            raise LookupError(f"no outbox item {item_id}")
        if item.status != OutboxStatus.FAILED:
            raise ValueError(f"outbox item {item_id} is {item.status}, only failed ones {event}")
        previous = item.last_error or ""
        _move(item, event)
        if event == OutboxEvent.REQUEUE:
            item.attempts = 0
            item.next_attempt_at = now
            item.last_error = None
            detail["previous_error"] = redact(previous)
        item.claimed_by = None
        item.claimed_until = None
        session.add(item)
        _draft_event(session, item, draft_event, now)
        audit(
            session,
            actor=actor,
            action=action,
            at=now,
            case=_case(session, item.case_id),
            message_id=item.message_id,
            **detail,
        )


def requeue(engine: Engine, item_id: int, actor: str, now: datetime) -> None:
    """Staff resend a ``failed`` (or in-doubt) item on purpose; audit ``requeued`` names them.

    Attempts restart at zero; the bytes and Message-ID stay the same, so a recipient's
    client that did get the first copy shows the second as the same message.
    """
    _staff_move(engine, item_id, OutboxEvent.REQUEUE, DraftEvent.REQUEUE, "requeued", actor, now)


def cancel(engine: Engine, item_id: int, actor: str, now: datetime, reason: str = "") -> None:
    """Staff give up on a ``failed`` (or in-doubt) item: it is never sent; audit ``cancelled``.

    The draft follows (``withdrawn``). A relay that later reports it delivered after
    all still wins (a late 250 is the truth, see ``states.OUTBOX``).
    """
    _staff_move(
        engine,
        item_id,
        OutboxEvent.CANCEL,
        DraftEvent.CANCEL,
        "cancelled",
        actor,
        now,
        reason=reason.strip()[:200],
    )


def counts(engine: Engine) -> dict[str, int]:
    """Items per status, for the dashboard, metrics and tests."""
    with Session(engine) as session:
        rows = session.exec(
            select(OutboxItem.status, func.count()).group_by(OutboxItem.status)
        ).all()
    return {status: int(n) for status, n in rows}
