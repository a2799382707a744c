"""The outbox queue: atomic claims, backoff, outcomes, and settling what a crash left behind."""

from __future__ import annotations

import json
import random
import threading
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from privacybot.db.session import make_engine, transaction
from privacybot.outbox import store
from privacybot.outbox.store import (
    IN_DOUBT_ERROR,
    MAX_ATTEMPTS,
    backoff,
    claim_next,
    mark_failed,
    mark_retry,
    mark_sent,
    recover_in_doubt,
    requeue,
)
from tests.outbox.conftest import T0, draft_status, events, item, make_case, queue_message

LEASE = timedelta(minutes=5)


def test_enqueue_queues_the_draft_and_the_fixed_bytes(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True)
    row = item(engine, item_id)
    assert (row.status, row.attempts, row.message_id, row.case_id) == ("pending", 0, mid, case_id)
    assert row.next_attempt_at == T0
    assert mid.encode() in row.raw
    assert draft_status(engine, mid) == "queued"


def test_the_same_message_cannot_be_queued_twice(engine: Engine) -> None:
    item_id, mid = queue_message(engine)
    raw = item(engine, item_id).raw
    with pytest.raises(IntegrityError), transaction(engine) as session:
        store.enqueue(
            session,
            draft=None,
            case_id=None,
            to_address="jan@example.nl",
            raw=raw,
            message_id=mid,
            automatic=True,
            now=T0,
        )


def test_a_claim_is_committed_with_its_lease_before_sending(engine: Engine) -> None:
    item_id, mid = queue_message(engine)
    claimed = claim_next(engine, "w1", T0, LEASE)
    assert claimed is not None
    assert (claimed.id, claimed.message_id, claimed.attempts) == (item_id, mid, 1)
    # Visible to anyone else straight away: committed, not pending any more.
    row = item(engine, item_id)
    assert (row.status, row.claimed_by, row.claimed_until) == ("sending", "w1", T0 + LEASE)
    assert claim_next(engine, "w2", T0, LEASE) is None


def test_items_not_yet_due_are_not_claimed(engine: Engine) -> None:
    queue_message(engine, now=T0 + timedelta(seconds=10))
    assert claim_next(engine, "w", T0, LEASE) is None
    assert claim_next(engine, "w", T0 + timedelta(seconds=10), LEASE) is not None


def test_oldest_due_item_goes_first(engine: Engine) -> None:
    late, _ = queue_message(engine, now=T0 + timedelta(seconds=5))
    early, _ = queue_message(engine, now=T0)
    first = claim_next(engine, "w", T0 + timedelta(minutes=1), LEASE)
    second = claim_next(engine, "w", T0 + timedelta(minutes=1), LEASE)
    assert first is not None and second is not None
    assert (first.id, second.id) == (early, late)


def test_claims_are_exclusive_across_engines_and_threads(db_url: str, engine: Engine) -> None:
    ids = {queue_message(engine)[0] for _ in range(100)}
    claims: dict[str, list[int]] = {}
    start = threading.Barrier(4)

    def worker(name: str) -> None:
        own = make_engine(db_url)
        got: list[int] = []
        try:
            start.wait()
            while (claimed := claim_next(own, name, T0, LEASE)) is not None:
                got.append(claimed.id)
        finally:
            own.dispose()
        claims[name] = got

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    everything = [i for got in claims.values() for i in got]
    assert len(claims) == 4
    assert sorted(everything) == sorted(ids)  # each item claimed once, none missed
    assert store.counts(engine) == {"sending": 100}


def test_backoff_doubles_from_thirty_seconds_and_caps_at_an_hour() -> None:
    rng = random.Random(7)
    for attempts, base in [(1, 30), (2, 60), (3, 120), (4, 240), (8, 3600), (30, 3600)]:
        delays = [backoff(attempts, rng).total_seconds() for _ in range(200)]
        assert min(delays) >= base * 0.8 - 1e-6
        assert max(delays) <= min(base * 1.2, 3600) + 1e-6
        assert len(set(delays)) > 1  # jittered


def test_a_transient_failure_goes_back_to_pending_after_a_backoff(engine: Engine) -> None:
    item_id, _ = queue_message(engine)
    claim_next(engine, "w", T0, LEASE)
    assert mark_retry(engine, item_id, T0, "451 4.3.0 try later") == "pending"
    row = item(engine, item_id)
    assert row.status == "pending" and row.claimed_until is None
    assert timedelta(seconds=24) <= row.next_attempt_at - T0 <= timedelta(seconds=36)
    assert row.last_error == "451 4.3.0 try later"


def test_it_gives_up_after_max_attempts(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True)
    now = T0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert claim_next(engine, "w", now, LEASE) is not None
        status = mark_retry(engine, item_id, now, "451 later")
        assert status == ("failed" if attempt == MAX_ATTEMPTS else "pending")
        now += timedelta(hours=2)
    assert item(engine, item_id).status == "failed"
    assert draft_status(engine, mid) == "failed"
    [event] = events(engine, "delivery_failed")
    assert event.case_id == case_id and event.detail["attempts"] == MAX_ATTEMPTS


def test_sent_marks_item_and_draft_and_audits_without_addresses(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True, to="piet@example.nl")
    claim_next(engine, "w", T0, LEASE)
    assert mark_sent(engine, item_id, T0 + timedelta(seconds=1))
    assert not mark_sent(engine, item_id, T0 + timedelta(seconds=2))  # idempotent
    row = item(engine, item_id)
    assert (row.status, row.sent_at) == ("sent", T0 + timedelta(seconds=1))
    assert draft_status(engine, mid) == "sent"
    [event] = events(engine, "sent")
    assert event.case_id == case_id and event.case_reference == "PRV-2026-00001"
    assert event.detail["message_id"] == mid
    assert "piet@example.nl" not in json.dumps(event.detail)


def test_a_permanent_failure_is_failed_with_an_event_for_staff(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=True, to="piet@example.nl")
    claim_next(engine, "w", T0, LEASE)
    error = "RCPT TO: 550 5.1.1 <piet@example.nl>: Recipient address rejected"
    assert mark_failed(engine, item_id, T0, error)
    assert item(engine, item_id).status == "failed"
    assert draft_status(engine, mid) == "failed"
    [event] = events(engine, "delivery_failed")
    assert event.case_id == case_id and event.detail["message_id"] == mid
    assert "550" in event.detail["error"]
    assert "piet@example.nl" not in json.dumps(event.detail)


def test_outcomes_only_touch_a_row_still_sending(engine: Engine) -> None:
    item_id, _ = queue_message(engine)
    assert mark_retry(engine, item_id, T0, "x") == ""
    assert not mark_failed(engine, item_id, T0, "x")
    assert item(engine, item_id).status == "pending"


def _crashed(
    engine: Engine, case_id: int | None = None, *, handed_over: bool = True
) -> tuple[int, str]:
    """An item whose sender claimed it and died: still sending, lease run out at T0+LEASE.

    ``handed_over``: it died after committing the hand-over mark (the relay may have it).
    """
    item_id, mid = queue_message(engine, case_id=case_id, with_draft=case_id is not None)
    claimed = claim_next(engine, "dead", T0, LEASE)
    assert claimed is not None
    if handed_over:
        assert store.mark_handing_over(engine, claimed, T0 + timedelta(seconds=1))
    return item_id, mid


def test_an_item_that_never_reached_the_final_dot_is_resent_without_asking(
    engine: Engine,
) -> None:
    item_id, _ = _crashed(engine, handed_over=False)
    asked: list[str] = []

    def unknown(message_id: str) -> None:
        asked.append(message_id)

    later = T0 + LEASE + timedelta(seconds=1)
    assert recover_in_doubt(engine, later, unknown) == [item_id]
    assert asked == []  # no mark: the relay cannot have it, a remote one need not be asked
    assert item(engine, item_id).status == "pending"
    assert events(engine, "send_in_doubt") == []


def test_the_hand_over_mark_is_refused_once_the_claim_is_gone(engine: Engine) -> None:
    queue_message(engine)
    stale = claim_next(engine, "w1", T0, LEASE)
    assert stale is not None
    # Lease over: the mark is refused, so the dot is never sent by a sender running late.
    assert not store.mark_handing_over(engine, stale, T0 + LEASE + timedelta(seconds=1))
    later = T0 + LEASE + timedelta(seconds=2)
    recover_in_doubt(engine, later, lambda _: None)
    again = claim_next(engine, "w1", later, LEASE)
    assert again is not None and again.attempts == stale.attempts + 1
    # Same worker name (another thread of that process), but a new claim: still refused.
    assert not store.mark_handing_over(engine, stale, later)
    assert store.mark_handing_over(engine, again, later)


def test_recovery_leaves_live_leases_alone(engine: Engine) -> None:
    _crashed(engine)
    assert recover_in_doubt(engine, T0 + LEASE - timedelta(seconds=1), lambda _: True) == []


def test_recovery_marks_sent_what_the_relay_has(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = _crashed(engine, case_id)
    asked: list[str] = []

    def delivered(message_id: str) -> bool:
        asked.append(message_id)
        return True

    assert recover_in_doubt(engine, T0 + LEASE + timedelta(seconds=1), delivered) == [item_id]
    assert asked == [mid]
    assert item(engine, item_id).status == "sent"
    assert draft_status(engine, mid) == "sent"
    assert [e.detail["message_id"] for e in events(engine, "sent")] == [mid]


def test_recovery_requeues_what_the_relay_never_got(engine: Engine) -> None:
    item_id, _ = _crashed(engine)
    later = T0 + LEASE + timedelta(seconds=1)
    assert recover_in_doubt(engine, later, lambda _: False) == [item_id]
    row = item(engine, item_id)
    assert (row.status, row.next_attempt_at, row.attempts) == ("pending", later, 1)
    again = claim_next(engine, "w2", later, LEASE)
    assert again is not None and again.attempts == 2


def test_recovery_never_resends_when_it_cannot_know(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = _crashed(engine, case_id)
    later = T0 + LEASE + timedelta(seconds=1)
    assert recover_in_doubt(engine, later, lambda _: None) == [item_id]
    row = item(engine, item_id)
    assert (row.status, row.last_error) == ("failed", IN_DOUBT_ERROR)
    assert draft_status(engine, mid) == "failed"
    [event] = events(engine, "send_in_doubt")
    assert event.case_id == case_id and event.detail["message_id"] == mid
    assert claim_next(engine, "w2", later + timedelta(days=1), LEASE) is None


def test_a_sender_that_keeps_dying_on_one_item_stops_after_max_attempts(engine: Engine) -> None:
    item_id, _ = queue_message(engine)
    now = T0
    for _ in range(MAX_ATTEMPTS):
        assert claim_next(engine, "w", now, LEASE) is not None
        now += LEASE + timedelta(seconds=1)
        recover_in_doubt(engine, now, lambda _: False)
    assert item(engine, item_id).status == "failed"
    assert len(events(engine, "delivery_failed")) == 1


def test_staff_can_requeue_a_failed_item_on_purpose(engine: Engine) -> None:
    case_id = make_case(engine)
    item_id, mid = _crashed(engine, case_id)
    later = T0 + LEASE + timedelta(seconds=1)
    recover_in_doubt(engine, later, lambda _: None)
    requeue(engine, item_id, "officer@conxillium.nl", later)
    row = item(engine, item_id)
    assert (row.status, row.attempts, row.last_error) == ("pending", 0, None)
    assert draft_status(engine, mid) == "queued"
    [event] = events(engine, "requeued")
    assert event.actor == "officer@conxillium.nl" and event.detail["message_id"] == mid
    assert claim_next(engine, "w", later, LEASE) is not None


def test_only_failed_items_can_be_requeued(engine: Engine) -> None:
    item_id, _ = queue_message(engine)
    with pytest.raises(ValueError):
        requeue(engine, item_id, "officer@conxillium.nl", T0)
    with pytest.raises(LookupError):
        requeue(engine, 999_999, "officer@conxillium.nl", T0)
