"""The dashboard under attack: each test is the attacker's move, and what stops it.

Hostile citizens (markup and script in their mail and file names, huge messages),
curious insiders (a viewer approving, an officer approving their own edit) and
forged requests (no or wrong CSRF token, an expired or stolen session).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from privacybot.db.models import AuditEvent, DraftAttachment, OutboxItem, StaffSession
from privacybot.db.session import transaction
from privacybot.staff import reset_password
from tests.flow.helpers import mail
from tests.web.conftest import (
    BRAM,
    OLGA,
    PASSWORD,
    VERA,
    Web,
    bearer,
    csrf_of,
    fill_in,
    filled,
    verified_request,
)


def _events(web: Web, action: str) -> list[AuditEvent]:
    """Events of ``action`` by staff (the bot approves automatic letters itself)."""
    with Session(web.flow.engine) as s:
        rows = s.exec(select(AuditEvent).where(AuditEvent.action == action)).all()
    return [e for e in rows if e.actor != "privacybot"]


def test_a_wrong_password_is_refused_and_counted_then_locked_out(web: Web) -> None:
    client = web.client()
    for attempt in range(5):
        page = client.get("/login")
        answer = client.post(
            "/login", data={"email": OLGA, "password": f"fout{attempt}", "csrf": csrf_of(page.text)}
        )
        assert answer.status_code == 401
        assert "verkeerd wachtwoord" in answer.text
        assert "pb_session" not in answer.headers.get("set-cookie", "")
    page = client.get("/login")
    locked = client.post(
        "/login", data={"email": OLGA, "password": PASSWORD, "csrf": csrf_of(page.text)}
    )
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1


def test_a_sign_in_without_or_with_a_forged_csrf_token_is_refused(web: Web) -> None:
    client = web.client()
    client.get("/login")
    for forged in ("", "0" * 64):
        answer = client.post("/login", data={"email": OLGA, "password": PASSWORD, "csrf": forged})
        assert answer.status_code == 403 and "pb_session" not in answer.headers.get(
            "set-cookie", ""
        )
    # A token from another visitor's cookie does not fit this visitor's cookie either.
    other = web.client()
    stolen = csrf_of(other.get("/login").text)
    answer = client.post("/login", data={"email": OLGA, "password": PASSWORD, "csrf": stolen})
    assert answer.status_code == 403


def test_a_form_without_or_with_a_forged_csrf_token_changes_nothing(web: Web) -> None:
    answer = verified_request(web.flow)
    client = web.signed_in(OLGA)
    for forged in ({}, {"csrf": "forged"}):
        refused = client.post(f"/drafts/{answer.id}/approve", data=forged)
        assert refused.status_code == 403
        refused = client.post("/cases/PRV-2026-00001/close", data={"reason": "x", **forged})
        assert refused.status_code == 403
    assert not _events(web, "draft_approved") and web.flow.cases()[0].status != "closed"
    # A cross-site POST is refused even with the right token (a browser says so).
    csrf = csrf_of(client.get("/cases/PRV-2026-00001").text)
    cross = client.post(
        "/cases/PRV-2026-00001/close",
        data={"reason": "x", "csrf": csrf},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross.status_code == 403
    # The API with the session cookie needs the token in a header.
    assert client.post(f"/api/drafts/{answer.id}/approve").status_code == 403


def test_an_expired_session_sends_the_person_to_sign_in_again(web: Web) -> None:
    client = web.signed_in(OLGA)
    assert client.get("/cases").status_code == 200
    web.flow.advance(minutes=31)  # idle expiry: 30 minutes
    gone = client.get("/cases")
    assert gone.status_code == 303 and "done=expired" in gone.headers["location"]
    # Absolute expiry: active every 29 minutes all along, and still out after 12 hours.
    client = web.signed_in(OLGA)
    signed_in_at = web.flow.clock.now()
    while client.get("/cases").status_code == 200:
        web.flow.advance(minutes=29)
    elapsed = web.flow.clock.now() - signed_in_at
    assert timedelta(hours=12) <= elapsed < timedelta(hours=12, minutes=30)


def test_sign_out_and_a_password_reset_end_the_session_at_once(web: Web) -> None:
    client = web.signed_in(OLGA)
    csrf = csrf_of(client.get("/cases").text)
    cookie = client.cookies.get("pb_session")
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    thief = web.client()
    thief.cookies.set("pb_session", cookie or "")
    assert thief.get("/cases").status_code == 303
    client = web.signed_in(OLGA)
    with transaction(web.flow.engine) as s:
        reset_password(s, OLGA, "een ander lang wachtwoord", web.flow.clock.now(), "operator")
    assert client.get("/cases").status_code == 303
    with Session(web.flow.engine) as s:
        assert len(s.exec(select(StaffSession)).all()) <= 2


def test_a_viewer_cannot_approve_through_the_page_or_the_api(web: Web) -> None:
    answer = verified_request(web.flow)
    vera = web.signed_in(VERA)
    page = vera.get(f"/drafts/{answer.id}")
    assert "/approve" not in page.text
    refused = vera.post(f"/drafts/{answer.id}/approve", data={"csrf": csrf_of(page.text)})
    assert refused.status_code == 403 and "viewer" in refused.text
    api = web.client().post(f"/api/drafts/{answer.id}/approve", headers=bearer(web, VERA))
    assert api.status_code == 403
    assert not _events(web, "draft_approved")


def test_an_officer_cannot_approve_their_own_edit_and_is_told_why(web: Web) -> None:
    answer = verified_request(web.flow)
    olga = web.signed_in(OLGA)
    page = olga.get(f"/drafts/{answer.id}")
    edited = olga.post(
        f"/drafts/{answer.id}/edit",
        data={
            "csrf": csrf_of(page.text),
            "subject": answer.subject,
            "body": filled(answer.body) + "\r\nOlga",
        },
    )
    assert edited.status_code == 303
    page = olga.get(f"/drafts/{answer.id}")
    assert "vier-ogenprincipe" in page.text
    refused = olga.post(f"/drafts/{answer.id}/approve", data={"csrf": csrf_of(page.text)})
    assert refused.status_code == 409
    assert "another officer must approve" in refused.text and "Vier ogen" in refused.text
    bram = web.signed_in(BRAM)
    done = bram.post(
        f"/drafts/{answer.id}/approve",
        data={"csrf": csrf_of(bram.get(f"/drafts/{answer.id}").text)},
    )
    assert done.status_code == 303, re.findall(r"Niet gelukt:</strong>[^<]*", done.text)
    [event] = _events(web, "draft_approved")
    assert event.actor == BRAM


def test_a_double_submit_of_approve_sends_once_and_a_sent_draft_stays_sent(web: Web) -> None:
    answer = verified_request(web.flow)
    fill_in(web.flow, answer, OLGA)
    bram = web.signed_in(BRAM)
    csrf = csrf_of(bram.get(f"/drafts/{answer.id}").text)
    first = bram.post(f"/drafts/{answer.id}/approve", data={"csrf": csrf})
    second = bram.post(f"/drafts/{answer.id}/approve", data={"csrf": csrf})
    assert first.status_code == 303 and second.status_code == 409
    assert "queued" in second.text
    with Session(web.flow.engine) as s:
        items = s.exec(select(OutboxItem).where(OutboxItem.draft_id == answer.id)).all()
    assert len(items) == 1
    again = web.client().post(f"/api/drafts/{answer.id}/approve", headers=bearer(web, OLGA))
    assert again.status_code == 409
    edit = web.client().post(
        f"/api/drafts/{answer.id}/edit", json={"body": "nieuw"}, headers=bearer(web, OLGA)
    )
    assert edit.status_code == 409
    # Sent for real: approving, editing or rejecting it now is refused, and says so.
    from datetime import timedelta

    from privacybot.outbox import store

    engine, now = web.flow.engine, web.flow.clock.now()
    while (claimed := store.claim_next(engine, "test", now, timedelta(minutes=1))) is not None:
        store.mark_sent(engine, claimed.id, now)
    sent = bram.post(f"/drafts/{answer.id}/approve", data={"csrf": csrf})
    assert sent.status_code == 409 and "is sent" in sent.text
    reject = bram.post(f"/drafts/{answer.id}/reject", data={"csrf": csrf, "reason": "toch niet"})
    assert reject.status_code == 409


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Ik wil inzage bij GeoTax.'


def test_markup_and_script_in_a_citizens_mail_are_shown_as_text(web: Web) -> None:
    web.flow.receive(mail(HOSTILE, subject='<b onmouseover="alert(2)">Verzoek</b>'))
    client = web.signed_in(OLGA)
    for path in (
        "/cases",
        "/cases/PRV-2026-00001",
        "/cases/PRV-2026-00001?original=1",
        "/drafts/1",
    ):
        page = client.get(path)
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<img src=x" not in page.text
        assert "<b onmouseover" not in page.text
    page = client.get("/cases/PRV-2026-00001")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_very_long_message_renders(web: Web) -> None:
    long_text = "Ik wil inzage in mijn gegevens bij GeoTax. " + ("blabla " * 60_000)
    web.flow.receive(mail(long_text))
    client = web.signed_in(OLGA)
    page = client.get("/cases/PRV-2026-00001")
    assert page.status_code == 200 and page.text.count("blabla") > 1000


def test_hostile_attachment_names_are_cut_to_a_file_name_and_escaped(web: Web) -> None:
    answer = verified_request(web.flow)
    olga = web.signed_in(OLGA)

    def attach(name: str) -> Any:
        csrf = csrf_of(olga.get(f"/drafts/{answer.id}").text)
        return olga.post(
            f"/drafts/{answer.id}/attach",
            data={"csrf": csrf},
            files={"file": (name, b"%PDF-1.4 gegevens", "application/pdf")},
        )

    # A path is cut to its last part; a name without a permitted extension is refused.
    refused = attach("../../../etc/passwd")
    assert refused.status_code == 422 and "passwd" in refused.text
    for name in ("..\\..\\export.pdf", "<img src=x onerror=alert(1)>.pdf"):
        done = attach(name)
        assert done.status_code == 303, done.text[:300]
    with Session(web.flow.engine) as s:
        names = [a.filename for a in s.exec(select(DraftAttachment)).all()]
    assert names == ["export.pdf", "_img src_x onerror_alert(1)_.pdf"]
    page = olga.get(f"/drafts/{answer.id}")
    assert "<img src=x" not in page.text and "onerror_alert(1)_.pdf" in page.text


def test_an_oversized_upload_is_refused_and_nothing_is_stored(web: Web) -> None:
    answer = verified_request(web.flow)
    olga = web.signed_in(OLGA)
    csrf = csrf_of(olga.get(f"/drafts/{answer.id}").text)
    big = olga.post(
        f"/drafts/{answer.id}/attach",
        data={"csrf": csrf},
        files={"file": ("groot.bin", b"x" * (64 * 1024 + 1), "application/octet-stream")},
    )
    assert big.status_code == 413
    huge = olga.post(
        f"/drafts/{answer.id}/attach",
        data={"csrf": csrf},
        files={"file": ("enorm.bin", b"x" * (2 * 1024 * 1024), "application/octet-stream")},
    )
    assert huge.status_code == 413
    with Session(web.flow.engine) as s:
        assert not s.exec(select(DraftAttachment)).all()


def test_the_next_parameter_cannot_send_a_signed_in_officer_elsewhere(web: Web) -> None:
    client = web.client()
    page = client.get("/login?next=//evil.example/x")
    assert re.search(r'name="next" value="/cases"', page.text)
    answer = client.post(
        "/login",
        data={
            "email": OLGA,
            "password": PASSWORD,
            "csrf": csrf_of(page.text),
            "next": "https://evil.example",
        },
    )
    assert answer.headers["location"] == "/cases"
