"""Retention (docs/rules.md R24-R26), on SQLite and PostgreSQL: what goes, when, and what stays."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from privacybot.cases.retention import address_hmac
from privacybot.db import repo
from privacybot.db.models import (
    AuditEvent,
    Case,
    CodeAttempt,
    Draft,
    InboundMessage,
    OtpCode,
    OutboxItem,
    Requester,
)
from privacybot.db.session import read_transaction, transaction
from privacybot.scheduler import runs
from privacybot.scheduler.loop import Scheduler
from privacybot.service import cases, retention
from tests.flow.helpers import KEY, mail, make_flow
from tests.scheduler.conftest import AMS, PLANTED, Desk, local, staff_settings

ANNA = "anna@example.nl"
OFFICER = "officer@conxillium.nl"
#: R24 vector: closed 2026-03-02 -> purged 2027-03-02.
CLOSED = date(2026, 3, 2)


@pytest.fixture
def desk(engine: Engine) -> Desk:
    flow = make_flow(engine)
    return Desk(flow, Scheduler(engine, flow.desk, flow.clock, staff=staff_settings()))


def close(desk: Desk, reference: str, on: date) -> None:
    with transaction(desk.engine) as s:
        case = repo.case_by_reference(s, reference)
        assert case is not None
        cases.close(s, case, staff=OFFICER, now=local(on, 16))


def extend(desk: Desk, reference: str, on: date, reason: str) -> None:
    with transaction(desk.engine) as s:
        case = repo.case_by_reference(s, reference)
        assert case is not None
        cases.extend(
            s,
            case,
            clockwork=desk.flow.desk.clockwork,
            staff=OFFICER,
            reason=reason,
            today=on,
            now=local(on, 11),
        )


def plan(desk: Desk, on: date, days: int = 365) -> retention.PurgePlan:
    with read_transaction(desk.engine) as s:
        return retention.plan(s, today=on, tz=AMS, retention_days=days)


def purge(desk: Desk, on: date, days: int = 365) -> retention.PurgePlan:
    return retention.purge(
        desk.engine, now=local(on, 8), tz=AMS, retention_days=days, key=KEY, actor="scheduler"
    )


@dataclass(frozen=True)
class Snapshot:
    """Every row of a case, as bytes-stable text: equal snapshots mean untouched."""

    rows: str

    @classmethod
    def of(cls, engine: Engine, reference: str) -> Snapshot:
        with Session(engine) as s:
            case = repo.case_by_reference(s, reference)
            assert case is not None
            parts: list[object] = [case.model_dump()]
            for model in (InboundMessage, Draft, OutboxItem, OtpCode, CodeAttempt, AuditEvent):
                rows = s.exec(
                    select(model).where(model.case_id == case.id).order_by(col(model.id))
                ).all()
                for row in rows:
                    data = row.model_dump()
                    for k, v in data.items():
                        if isinstance(v, bytes):
                            data[k] = hashlib.sha256(v).hexdigest()
                    parts.append(data)
            parts.append(repo.requester_of(s, case).model_dump() if case.requester_id else None)  # type: ignore[union-attr]
        return cls(json.dumps(parts, default=str, sort_keys=True))


def _rows(engine: Engine, model: type, case_id: int) -> int:
    with Session(engine) as s:
        return len(s.exec(select(model).where(model.case_id == case_id)).all())  # type: ignore[attr-defined]


def _case(engine: Engine, reference: str) -> Case | None:
    with Session(engine) as s:
        return repo.case_by_reference(s, reference)


def test_R24_a_closed_case_is_purged_on_its_day_and_not_before(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10), sender=f"Anna <{ANNA}>")
    close(desk, ref, CLOSED)
    assert plan(desk, date(2027, 3, 1)).cases == ()
    [due] = plan(desk, date(2027, 3, 2)).cases
    assert (due.reference, due.closed_on, due.purge_on) == (ref, CLOSED, date(2027, 3, 2))
    assert due.messages == 2 and due.drafts >= 3 and due.outbox >= 2


def test_R24_messages_drafts_outbox_and_codes_go_the_trail_stays_pseudonymous(
    desk: Desk,
) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10), sender=f"Anna <{ANNA}>")
    # Staff typed the address into a reason: the trail must not keep it in clear (R25).
    extend(desk, ref, date(2026, 1, 20), f"verzoeker belde vanaf {ANNA} en vroeg om uitstel")
    close(desk, ref, CLOSED)
    case = _case(desk.engine, ref)
    assert case is not None and case.id is not None
    done = purge(desk, date(2027, 3, 2))
    assert [c.reference for c in done.cases] == [ref] and done.requesters == 1
    for model in (InboundMessage, Draft, OutboxItem, OtpCode, CodeAttempt):
        assert _rows(desk.engine, model, case.id) == 0, model
    with Session(desk.engine) as s:
        kept = repo.case_by_reference(s, ref)
        assert kept is not None and kept.purged_at == local(date(2027, 3, 2), 8)
        assert kept.requester_id is None and kept.staff_reason is None
        assert s.exec(select(Requester)).all() == []
        events = s.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all()
        everything = json.dumps([e.model_dump() for e in events], default=str)
        raws = b"".join(m.raw for m in s.exec(select(InboundMessage)).all())
    assert ANNA not in everything and "Bommel" not in everything
    assert "hmac:" + address_hmac(ANNA, KEY) in everything
    assert address_hmac(ANNA, KEY) in everything  # case_opened's requester pseudonym
    [purged] = [e for e in events if e.action == "purged"]
    assert purged.detail["rule"] == "R24" and purged.detail["requester_removed"] is True
    assert PLANTED.encode() not in raws
    assert purge(desk, date(2027, 3, 3)).empty  # nothing twice


def test_R24_nothing_of_an_open_case_is_touched(desk: Desk) -> None:
    old = desk.request(local(date(2026, 1, 5), 10), sender=f"Anna <{ANNA}>")
    close(desk, old, CLOSED)
    # The same requester has an open case, and someone else has an old unverified one.
    same = desk.request(local(date(2027, 2, 20), 10), sender=f"Anna <{ANNA}>")
    other = desk.request(local(date(2026, 1, 6), 10), sender="bob@example.nl", verify=False)
    answered = desk.request(local(date(2026, 1, 7), 10), sender="carla@example.nl")
    with transaction(desk.engine) as s:
        c = repo.case_by_reference(s, answered)
        assert c is not None
        c.status = "answered"  # settled but not closed: never purged
        s.add(c)
    before = {ref: Snapshot.of(desk.engine, ref) for ref in (same, other, answered)}
    done = purge(desk, date(2027, 3, 2))
    assert [c.reference for c in done.cases] == [old]
    assert done.requesters == 0  # Anna still has an open case
    for ref, snap in before.items():
        assert Snapshot.of(desk.engine, ref) == snap, ref
    with Session(desk.engine) as s:
        assert s.exec(select(Requester).where(Requester.address == ANNA)).first() is not None


def test_R24_a_case_reopened_before_its_day_is_not_purged(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10))
    close(desk, ref, CLOSED)
    with transaction(desk.engine) as s:
        case = repo.case_by_reference(s, ref)
        assert case is not None
        cases.reopen(s, case, staff=OFFICER, reason="new facts", now=local(date(2026, 9, 1), 9))
    assert plan(desk, date(2027, 3, 2)).empty
    assert purge(desk, date(2027, 3, 2)).cases == ()


def test_R24_a_purged_case_cannot_be_reopened(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10))
    close(desk, ref, CLOSED)
    purge(desk, date(2027, 3, 2))
    with transaction(desk.engine) as s:
        case = repo.case_by_reference(s, ref)
        assert case is not None
        with pytest.raises(cases.CaseError, match="deleted on 2027-03-02"):
            cases.reopen(s, case, staff=OFFICER, reason="alsnog", now=local(date(2027, 3, 3), 9))
    kept = _case(desk.engine, ref)
    assert kept is not None and kept.status == "closed"


def test_R24_mail_that_never_became_a_case_goes_but_not_what_waits_for_staff(
    desk: Desk,
) -> None:
    desk.at(local(date(2026, 1, 5), 10))
    desk.flow.receive(mail("Welke cookies gebruiken jullie op de website?", sender="q@example.nl"))
    desk.flow.receive(mail(f"{PLANTED}. Groetjes.", sender="x@example.nl", subject=PLANTED))
    with Session(desk.engine) as s:
        rows = s.exec(select(InboundMessage).order_by(col(InboundMessage.id))).all()
    states = {r.id: r.state for r in rows}
    assert sorted(states.values()) == ["needs_staff", "triaged"]
    assert all(r.case_id is None for r in rows)
    assert plan(desk, date(2027, 1, 4)).caseless_messages == 0
    assert plan(desk, date(2027, 1, 5)).caseless_messages == 1
    done = purge(desk, date(2027, 1, 5))
    assert done.caseless_messages == 1
    with Session(desk.engine) as s:
        left = s.exec(select(InboundMessage)).all()
        assert [m.state for m in left] == ["needs_staff"]  # still waits for a person
        assert all(d.inbound_id == left[0].id for d in s.exec(select(Draft)).all())


def test_R24_staff_mail_goes_once_sent_and_old(desk: Desk) -> None:
    desk.at(local(date(2026, 1, 5), 8))
    desk.scheduler.run_once()
    with transaction(desk.engine) as s:
        for item in s.exec(select(OutboxItem)).all():
            item.status = "sent"
            s.add(item)
    assert plan(desk, date(2027, 1, 5)).staff_mail == 2
    assert purge(desk, date(2027, 1, 5)).staff_mail == 2


def test_R25_the_trail_and_the_case_row_go_five_years_after_closure(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10))
    close(desk, ref, CLOSED)
    with transaction(desk.engine) as s:
        repo.audit(s, actor="operator:x", action="staff_added", at=local(date(2026, 1, 1), 9))
    purge(desk, date(2027, 3, 2))
    assert plan(desk, date(2031, 3, 1)).trails == (
        retention.TrailPurge(None, None, date(2026, 3, 1), 1),
    )
    assert purge(desk, date(2031, 3, 1)).trails[0].reference is None
    [trail] = plan(desk, date(2031, 3, 2)).trails
    assert (trail.reference, trail.closed_on, trail.purge_on) == (ref, CLOSED, date(2031, 3, 2))
    assert trail.events > 5
    purge(desk, date(2031, 3, 2))
    assert _case(desk.engine, ref) is None
    with Session(desk.engine) as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.case_reference == ref)).all() == []


def test_R25_a_retention_longer_than_five_years_keeps_the_trail_as_long(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10))
    close(desk, ref, CLOSED)
    days = 7 * 365
    assert plan(desk, date(2031, 3, 2), days).trails == ()
    assert [c.reference for c in plan(desk, CLOSED + timedelta(days=days), days).cases] == [ref]


def test_R26_codes_go_with_the_case_at_the_latest(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10), verify=False)
    close(desk, ref, CLOSED)  # closing deletes the code hashes already (R26)
    case = _case(desk.engine, ref)
    assert case is not None and case.id is not None
    assert _rows(desk.engine, OtpCode, case.id) == 0
    purge(desk, date(2027, 3, 2))
    assert _rows(desk.engine, CodeAttempt, case.id) == 0


@pytest.mark.parametrize("days", [0, -1, -365])
def test_a_retention_of_zero_or_less_is_refused(desk: Desk, days: int) -> None:
    with pytest.raises(retention.RetentionError):
        plan(desk, date(2027, 3, 2), days)
    with pytest.raises(retention.RetentionError):
        purge(desk, date(2027, 3, 2), days)


def test_an_empty_database_has_nothing_to_purge(desk: Desk) -> None:
    assert plan(desk, date(2027, 3, 2)).empty and purge(desk, date(2027, 3, 2)).empty


def test_the_scheduler_purges_once_a_day_and_takes_over_a_dead_run(desk: Desk) -> None:
    ref = desk.request(local(date(2026, 1, 5), 10))
    close(desk, ref, CLOSED)
    # A purge of 2027-03-02 that started and died (claimed, never finished).
    with transaction(desk.engine) as s:
        runs.claim_run(s, runs.PURGE, "2027-03-02", local(date(2027, 3, 2), 8))
    desk.at(local(date(2027, 3, 2), 8, 30))
    desk.scheduler.run_once()
    case = _case(desk.engine, ref)
    assert case is not None and case.purged_at is None  # the claim is still fresh
    desk.at(local(date(2027, 3, 2), 9, 31))
    desk.scheduler.run_once()
    case = _case(desk.engine, ref)
    assert case is not None and case.purged_at is not None
    [run] = desk.runs(runs.PURGE)
    assert run.finished_at is not None and "1 case(s)" in (run.outcome or "")
    desk.at(local(date(2027, 3, 2), 12))
    desk.scheduler.run_once()
    assert len(desk.runs(runs.PURGE)) == 1


def test_pseudonymise_replaces_every_address_in_nested_details() -> None:
    detail = {"reason": "mail a@b.nl of A@B.NL", "list": ["x c@d.org"], "n": 3, "none": None}
    swept = retention.pseudonymise(detail, KEY)
    dumped = json.dumps(swept)
    assert "@" not in dumped and swept["n"] == 3 and swept["none"] is None
    assert swept["reason"].count("hmac:" + address_hmac("a@b.nl", KEY)) == 2


def test_R24_a_draft_of_an_open_case_pointing_at_a_purged_message_is_left_alone(
    desk: Desk,
) -> None:
    old = desk.request(local(date(2026, 1, 5), 10), sender=f"Anna <{ANNA}>")
    close(desk, old, CLOSED)
    new = desk.request(local(date(2027, 2, 20), 10), sender="bob@example.nl")
    with transaction(desk.engine) as s:
        old_case = repo.case_by_reference(s, old)
        new_case = repo.case_by_reference(s, new)
        assert old_case is not None and new_case is not None
        first = s.exec(select(InboundMessage).where(InboundMessage.case_id == old_case.id)).first()
        draft = s.exec(select(Draft).where(Draft.case_id == new_case.id)).first()
        assert first is not None and draft is not None
        draft.inbound_id = first.id  # odd, but a foreign key the purge must respect
        s.add(draft)
        message_id = first.id
    before = Snapshot.of(desk.engine, new)
    purge(desk, date(2027, 3, 2))
    assert Snapshot.of(desk.engine, new) == before
    with Session(desk.engine) as s:
        kept = s.get(InboundMessage, message_id)
    assert kept is not None and kept.raw == b"" and kept.subject is None and kept.sender is None
