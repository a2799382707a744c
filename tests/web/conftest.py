"""A desk with one verified access request and its answer waiting, and staff to sign in.

``web`` gives a TestClient per staff member (each with its own cookie jar) on an app
wired exactly as ``privacybot run`` wires it, on the test's database and fixed clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from privacybot.attachments import SLOT
from privacybot.db.models import Draft
from privacybot.db.session import transaction
from privacybot.staff import add_staff, create_token
from privacybot.web.app import create_app
from privacybot.web.state import WebOptions
from tests.flow.helpers import Flow, mail, make_flow

PASSWORD = "een lang wachtwoord"
OLGA, BRAM, VERA = "olga@conxillium.nl", "bram@conxillium.nl", "vera@conxillium.nl"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, html[:2000]
    return found.group(1)


def verified_request(
    flow: Flow, text: str = "Ik wil graag inzage in al mijn gegevens bij GeoTax."
) -> Draft:
    """A citizen asks, gets a code, sends it back: the answer waits for approval."""
    flow.receive(mail(text))
    code = flow.code_sent()
    ack = flow.drafts()[-1]
    flow.receive(mail(f"Hier is de code: {code}", subject=ack.subject, in_reply_to=ack.message_id))
    answer = [d for d in flow.drafts() if d.kind == "answer_access"][-1]
    assert answer.status == "awaiting_approval"
    return answer


def filled(body: str, *, attaching: bool = False) -> str:
    """The officer's part of an answer: every [AANVULLEN: …] slot filled in.

    Unless files will be attached, the officer writes the data into the letter itself
    and the line that would list them goes (a letter says files are attached only
    when they are).
    """
    if not attaching:
        body = body.replace(SLOT + "\n", "").replace(SLOT, "")
    return re.sub(r"\[(AANVULLEN|TO COMPLETE): ([^\]]*)\]", r"(\2: hieronder)", body)


def fill_in(flow: Flow, draft: Draft, editor: str = OLGA, *, attaching: bool = False) -> None:
    """``editor`` completes the answer (so someone else must approve it)."""
    from privacybot.service import drafts

    body = filled(draft.body, attaching=attaching)
    with transaction(flow.engine) as s:
        drafts.edit(s, draft.id or 0, staff=editor, body=body, now=flow.clock.now())


@dataclass
class Web:
    flow: Flow
    app: object
    tokens: dict[str, str] = field(default_factory=dict)
    clients: list[TestClient] = field(default_factory=list)

    def client(self) -> TestClient:
        client = TestClient(self.app, follow_redirects=False)  # type: ignore[arg-type]
        self.clients.append(client)
        return client

    def signed_in(self, email: str, password: str = PASSWORD) -> TestClient:
        client = self.client()
        page = client.get("/login")
        done = client.post(
            "/login",
            data={
                "email": email,
                "password": password,
                "csrf": csrf_of(page.text),
                "next": "/cases",
            },
        )
        assert done.status_code == 303, done.text[:500]
        return client


@pytest.fixture
def web(engine: Engine) -> Iterator[Web]:
    flow = make_flow(engine)
    now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    tokens: dict[str, str] = {}
    with transaction(engine) as s:
        for email, role in ((OLGA, "officer"), (BRAM, "officer"), (VERA, "viewer")):
            member = add_staff(s, email=email, role=role, password=PASSWORD, now=now)
            s.flush()
            tokens[email] = create_token(s, member, "test", now)
    app = create_app(
        engine, flow.clock, desk=flow.desk, options=WebOptions(max_upload_bytes=64 * 1024)
    )
    web = Web(flow, app, tokens)
    yield web
    for client in web.clients:
        client.close()


def bearer(web: Web, email: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.tokens[email]}"}


Post = Callable[..., object]
