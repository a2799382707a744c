"""The dashboard's pages as a person uses them, through a TestClient (no browser)."""

from __future__ import annotations

import pytest

from privacybot.web.i18n import M
from tests.web.conftest import BRAM, OLGA, VERA, Web, csrf_of, fill_in, verified_request


def test_an_anonymous_visitor_gets_the_sign_in_form_with_its_csrf_token(web: Web) -> None:
    client = web.client()
    page = client.get("/")
    assert page.status_code == 200
    assert '<form method="post" action="/login">' in page.text
    assert len(csrf_of(page.text)) >= 32
    assert "pb_login" in page.headers["set-cookie"]
    for path in ("/cases", "/drafts", "/triage", "/outbox", "/account", "/cases/PRV-2026-00001"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login?next=")
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_the_session_cookie_is_httponly_lax_and_secure_behind_tls(web: Web) -> None:
    client = web.client()
    page = client.get("/login")
    done = client.post(
        "/login",
        data={"email": OLGA, "password": "een lang wachtwoord", "csrf": csrf_of(page.text)},
        headers={"X-Forwarded-Proto": "https"},
    )
    cookie = done.headers["set-cookie"]
    assert "pb_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" in cookie
    plain = web.signed_in(BRAM)
    assert plain.get("/cases").status_code == 200


def test_the_work_queue_filters_sorts_by_due_date_and_says_urgency_in_words(web: Web) -> None:
    verified_request(web.flow)
    web.flow.receive(
        __import__("tests.flow.helpers", fromlist=["mail"]).mail(
            "I would like to have my data erased at Procura please.", sender="john@example.com"
        )
    )
    client = web.signed_in(OLGA)
    page = client.get("/cases")
    assert page.status_code == 200
    assert "PRV-2026-00001" in page.text and "PRV-2026-00002" in page.text
    assert "op tijd" in page.text  # urgency in words, not colour alone
    only = client.get("/cases", params={"right": "erasure"})
    assert "PRV-2026-00002" in only.text and "PRV-2026-00001" not in only.text
    company = client.get("/cases", params={"company": "GeoTax", "status": "open"})
    assert "PRV-2026-00001" in company.text and "PRV-2026-00002" not in company.text
    soon = client.get("/cases", params={"due_within": "3"})
    assert "Geen zaken" in soon.text
    late = client.get("/cases", params={"overdue": "1"})
    assert "Geen zaken" in late.text
    junk = client.get("/cases", params={"status": "<script>", "due_within": "x", "offset": "-5"})
    assert junk.status_code == 200 and "<script>" not in junk.text


def test_every_page_renders_in_dutch_and_english(web: Web) -> None:
    answer = verified_request(web.flow)
    client = web.signed_in(OLGA)
    paths = [
        "/cases",
        "/cases/PRV-2026-00001",
        "/cases/PRV-2026-00001?original=1",
        f"/drafts/{answer.id}",
        "/drafts",
        "/triage",
        "/outbox",
        "/account",
    ]
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        assert 'lang="nl"' in page.text
    csrf = csrf_of(client.get("/account").text)
    assert (
        client.post("/account/language", data={"csrf": csrf, "language": "en"}).status_code == 303
    )
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200 and 'lang="en"' in page.text
    assert "Work queue" in client.get("/cases").text


def test_the_case_page_shows_timeline_classification_verification_and_audit(web: Web) -> None:
    verified_request(web.flow)
    client = web.signed_in(VERA)
    page = client.get("/cases/PRV-2026-00001")
    assert "Ik wil graag inzage in al mijn gegevens bij GeoTax." in page.text
    assert "geverifieerd" in page.text
    assert "case_opened" in page.text
    assert "inzage" in page.text
    # A viewer sees no action forms.
    assert 'action="/cases/PRV-2026-00001/close"' not in page.text
    assert M["viewer.readonly"][0] in page.text
    original = client.get("/cases/PRV-2026-00001?original=1")
    assert "Message-ID:" in original.text or "Message-Id:" in original.text


def test_the_draft_page_says_what_still_stops_the_letter_before_approval(web: Web) -> None:
    answer = verified_request(web.flow)
    client = web.signed_in(BRAM)
    page = client.get(f"/drafts/{answer.id}").text
    assert M["draft.blocked"][0] in page
    assert M["block.placeholders"][0] in page and M["block.no_files"][0] in page
    fill_in(web.flow, answer)  # Olga fills it in and writes the data into the letter
    page = client.get(f"/drafts/{answer.id}").text
    assert M["draft.blocked"][0] not in page and M["block.placeholders"][0] not in page
    approved = client.post(
        f"/drafts/{answer.id}/approve", data={"csrf": csrf_of(page)}, follow_redirects=False
    )
    assert approved.status_code == 303


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_key_has_both_languages(language: str) -> None:
    for key, (nl, en) in M.items():
        assert nl.strip() and en.strip(), key


def test_a_member_creates_a_token_on_the_account_page_uses_it_and_revokes_it(web: Web) -> None:
    import re

    client = web.signed_in(BRAM)
    page = client.get("/account")
    made = client.post("/account/tokens", data={"csrf": csrf_of(page.text), "label": "laptop"})
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    found = re.search(r"pbt_[A-Za-z0-9_-]{20,}", made.text)
    assert found
    api = web.client()
    auth = {"Authorization": f"Bearer {found.group(0)}"}
    assert api.get("/api/cases", headers=auth).status_code == 200
    page = client.get("/account")
    assert "laptop" in page.text and found.group(0) not in page.text  # shown once
    token_id = re.search(r"laptop.*?/account/tokens/(\d+)/revoke", page.text, re.DOTALL)
    assert token_id
    revoked = client.post(
        f"/account/tokens/{token_id.group(1)}/revoke", data={"csrf": csrf_of(page.text)}
    )
    assert revoked.status_code == 303
    assert api.get("/api/cases", headers=auth).status_code == 401
