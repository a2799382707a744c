"""The triage queue and the outbox pages: each staff action is one audit event naming them."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from privacybot.db.models import AuditEvent, InboundMessage, OutboxItem
from privacybot.outbox import store
from tests.flow.helpers import mail
from tests.web.conftest import BRAM, OLGA, VERA, Web, csrf_of


def _actors(web: Web, action: str) -> list[str]:
    with Session(web.flow.engine) as s:
        rows = s.exec(select(AuditEvent).where(AuditEvent.action == action)).all()
    return [e.actor for e in rows]


def _waiting(web: Web) -> list[InboundMessage]:
    with Session(web.flow.engine) as s:
        return list(
            s.exec(select(InboundMessage).where(InboundMessage.state == "needs_staff")).all()
        )


def test_staff_open_a_case_from_the_triage_queue_and_dismiss_another(web: Web) -> None:
    web.flow.receive(mail("Hallo, ik heb een vraagje over iets.", subject="vraagje"))
    web.flow.receive(
        mail("Out of office", sender="robot@example.nl", headers={"Auto-Submitted": "auto-replied"})
    )
    waiting = _waiting(web)
    assert len(waiting) == 2, [w.staff_reason for w in waiting]
    olga = web.signed_in(OLGA)
    queue = olga.get("/triage")
    assert queue.status_code == 200 and "vraagje" in queue.text
    first, second = waiting
    page = olga.get(f"/messages/{first.id}")
    assert "Hallo, ik heb een vraagje" in page.text
    opened = olga.post(
        f"/messages/{first.id}/open",
        data={"csrf": csrf_of(page.text), "rights": ["access", "erasure"], "language": "nl"},
    )
    assert opened.status_code == 303 and opened.headers["location"].startswith("/cases/PRV-")
    case = olga.get(opened.headers["location"])
    assert "inzage" in case.text and "verwijdering" in case.text
    page = olga.get(f"/messages/{second.id}")
    no_reason = olga.post(f"/messages/{second.id}/dismiss", data={"csrf": csrf_of(page.text)})
    assert no_reason.status_code == 409 and "reason" in no_reason.text
    dismissed = olga.post(
        f"/messages/{second.id}/dismiss",
        data={"csrf": csrf_of(page.text), "reason": "afwezigheidsmelding"},
    )
    assert dismissed.status_code == 303
    assert _waiting(web) == []
    assert OLGA in _actors(web, "message_dismissed")
    vera = web.signed_in(VERA)
    assert "/dismiss" not in vera.get(f"/messages/{second.id}").text


def test_a_failed_send_is_retried_or_cancelled_from_the_outbox_page(web: Web) -> None:
    web.flow.receive(mail("Ik wil inzage in mijn gegevens bij GeoTax."))
    engine, now = web.flow.engine, web.flow.clock.now()
    claimed = store.claim_next(engine, "test", now, timedelta(minutes=1))
    assert claimed is not None
    store.mark_failed(engine, claimed.id, now, "550 5.1.1 mailbox unknown")
    bram = web.signed_in(BRAM)
    page = bram.get("/outbox")
    assert "550 5.1.1" in page.text and "mislukt" in page.text
    retried = bram.post(f"/outbox/{claimed.id}/retry", data={"csrf": csrf_of(page.text)})
    assert retried.status_code == 303
    assert _actors(web, "requeued") == [BRAM]
    again = bram.post(f"/outbox/{claimed.id}/retry", data={"csrf": csrf_of(page.text)})
    assert again.status_code == 409
    claimed = store.claim_next(engine, "test", now, timedelta(minutes=1))
    assert claimed is not None
    store.mark_failed(engine, claimed.id, now, "550 again")
    page = bram.get("/outbox")
    cancelled = bram.post(
        f"/outbox/{claimed.id}/cancel", data={"csrf": csrf_of(page.text), "reason": "adres fout"}
    )
    assert cancelled.status_code == 303
    with Session(engine) as s:
        item = s.get(OutboxItem, claimed.id)
        assert item is not None and item.status == "cancelled"
    assert _actors(web, "cancelled") == [BRAM]
    vera = web.signed_in(VERA)
    assert (
        vera.post(
            f"/outbox/{claimed.id}/retry", data={"csrf": csrf_of(vera.get("/outbox").text)}
        ).status_code
        == 403
    )
