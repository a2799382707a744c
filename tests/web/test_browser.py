"""A real browser on a real service: headless Chromium (Debian's) drives `privacybot run`.

Each flow is what an officer does on a working day: sign in, filter the work queue,
open the case, read the citizen's message, complete the answer, try to approve it
(the four-eyes rule refuses, and says why), sign out; a second officer signs in and
approves; the letter lands in the sent-mail Maildir of the built-in sink. Once with
JavaScript and once without. Screenshots of every page go to
``test-artifacts/screenshots/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import email
import os
import re
import shutil
import signal
import smtplib
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import pytest

from tests.test_end_to_end import PRIVACYBOT, Desk, wait_for

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "een lang wachtwoord"
OLGA, BRAM = "olga@conxillium.nl", "bram@conxillium.nl"

playwright = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python not installed"
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.access(CHROMIUM, os.X_OK),
        reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium; .ci/run does)",
    ),
]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    tmp = tmp_path_factory.mktemp("browser")
    d = Desk(tmp)
    d.env["PRIVACYBOT_SECRET_KEY"] = "browser-test-key-0123456789"
    d.cli("db", "upgrade")
    for who in (OLGA, BRAM):
        d.cli("staff", "add", who, "--role", "officer", "--password-stdin", stdin=PASSWORD + "\n")
    log = (tmp / "service.log").open("w")
    proc = subprocess.Popen([*PRIVACYBOT, "run"], env=d.env, cwd=d.cwd, stdout=log, stderr=log)
    try:

        def healthy() -> bool:
            assert proc.poll() is None, (tmp / "service.log").read_text()
            try:
                url = f"http://127.0.0.1:{d.ports['web']}/healthz"
                with urllib.request.urlopen(url, timeout=1) as r:
                    return bool(r.status == 200)
            except OSError:
                return False

        wait_for(healthy, 30, "the service to answer /healthz")
        yield d
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _send(desk: Desk, sender: str, subject: str, body: str, reply_to: Any = None) -> None:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "privacy@conxillium.nl"
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="example.nl")
    if reply_to is not None:
        msg["In-Reply-To"] = reply_to["Message-ID"]
        msg["References"] = reply_to["Message-ID"]
    msg.set_content(body)
    with smtplib.SMTP("127.0.0.1", desk.ports["smtp"], timeout=10) as smtp:
        smtp.send_message(msg)


def _text(msg: email.message.Message) -> str:
    part = (
        msg
        if not msg.is_multipart()
        else next(p for p in msg.walk() if p.get_content_type() == "text/plain")
    )
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(part.get_content_charset() or "utf-8")


def verified_case(desk: Desk, address: str, company: str) -> tuple[str, int, str]:
    """A citizen asks and sends back the code: (reference, answer draft id, their words)."""
    words = f"Goedemiddag, ik wil graag inzage in al mijn gegevens bij {company}. Groet, Anna"
    _send(desk, f"Anna <{address}>", "Inzageverzoek", words)
    ack = wait_for(
        lambda: [m for m in desk.sent() if address in m["To"]], 15, "the acknowledgment"
    )[0]
    ref = re.search(r"PRV-\d{4}-\d{5}", ack["Subject"])
    code = re.search(r"\b\d{6}\b", _text(ack))
    assert ref and code
    _send(desk, f"Anna <{address}>", "Re: " + ack["Subject"], f"Mijn code is {code.group(0)}.", ack)
    draft = wait_for(
        lambda: [
            d
            for d in desk.json("drafts", "list")
            if d["case"] == ref.group(0) and d["kind"] == "answer_access"
        ],
        20,
        "the answer draft",
    )[0]
    return ref.group(0), int(draft["id"]), words


@pytest.fixture
def browser_context(request: pytest.FixtureRequest) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    js = bool(request.param)
    profile = tempfile.mkdtemp(prefix="pb-chromium-")  # a fresh user-data-dir every time
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            java_script_enabled=js,
            viewport={"width": 1280, "height": 900},
            locale="nl-NL",
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def sign_in(page: Any, base: str, who: str) -> None:
    page.goto(base + "/")
    page.get_by_label("E-mailadres").fill(who)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r".*/cases.*"))


@pytest.mark.parametrize(
    "browser_context, company, address",
    [(True, "GeoTax", "anna.js@example.nl"), (False, "Pharox", "anna.nojs@example.nl")],
    indirect=["browser_context"],
    ids=["javascript", "no-javascript"],
)
def test_officers_read_edit_and_approve_in_a_real_browser(
    desk: Desk, browser_context: Any, company: str, address: str
) -> None:
    tag = "js" if company == "GeoTax" else "nojs"
    reference, draft_id, words = verified_case(desk, address, company)
    base = f"http://127.0.0.1:{desk.ports['web']}"
    page = browser_context.new_page()

    page.goto(base + "/")
    assert page.locator("input[name=csrf]").count() == 1
    shot(page, f"{tag}-01-sign-in")
    sign_in(page, base, OLGA)
    shot(page, f"{tag}-02-work-queue")

    page.get_by_label("Bedrijf").select_option(company)
    page.get_by_label("Recht").select_option("access")
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url(re.compile(rf".*company={company}.*"))
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1 and reference in rows.first.inner_text()
    assert "op tijd" in rows.first.inner_text()  # urgency in words
    shot(page, f"{tag}-03-work-queue-filtered")

    page.get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(rf".*/cases/{reference}$"))
    assert words in page.locator("pre.message").first.inner_text()
    assert "geverifieerd" in page.inner_text("body")
    shot(page, f"{tag}-04-case")

    page.locator(f"a[href='/drafts/{draft_id}']").first.click()
    page.wait_for_url(re.compile(rf".*/drafts/{draft_id}$"))
    assert words in page.inner_text("body")  # the citizen's message beside the letter
    shot(page, f"{tag}-05-draft")
    body = page.get_by_label("Tekst").input_value()
    completed = re.sub(r"\[AANVULLEN: ([^\]]*)\]", r"\1: zie de bijlage bij deze brief", body)
    completed += f"\nAangevuld door Olga ({tag})."
    page.get_by_label("Tekst").fill(completed)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r".*done=edit.*"))
    assert "vier-ogenprincipe" in page.inner_text("body")
    # The letter says its data is attached: Olga attaches the export (issue 12).
    export = f"gegevens;bedrijf\n{address};{company}\n".encode()
    page.get_by_label("Bestand", exact=True).set_input_files(
        {"name": "gegevens.csv", "mimeType": "text/csv", "buffer": export}
    )
    page.get_by_role("button", name="Bestand toevoegen").click()
    page.wait_for_url(re.compile(r".*done=attach.*"))
    assert "gegevens.csv" in page.inner_text("body")

    page.get_by_role("button", name="Goedkeuren en versturen").click()
    page.wait_for_load_state()
    refusal = page.get_by_role("alert").inner_text()
    assert "another officer must approve" in refusal and "Vier ogen" in refusal
    shot(page, f"{tag}-06-four-eyes-refusal")

    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(re.compile(r".*/login.*"))
    sign_in(page, base, BRAM)
    page.goto(f"{base}/drafts/{draft_id}")
    page.get_by_role("button", name="Goedkeuren en versturen").click()
    page.wait_for_url(re.compile(r".*done=approve.*"))
    shot(page, f"{tag}-07-approved")

    letter = wait_for(
        lambda: [
            m
            for m in desk.sent()
            if address in m["To"] and f"Aangevuld door Olga ({tag})" in _text(m)
        ],
        20,
        "the approved letter in the sent-mail Maildir",
    )
    assert len(letter) == 1 and reference in letter[0]["Subject"]
    [sent_file] = [p for p in letter[0].walk() if p.get_filename() == "gegevens.csv"]
    assert sent_file.get_payload(decode=True) == export

    if tag == "js":
        for path, name in (
            ("/drafts", "08-drafts"),
            ("/triage", "09-triage"),
            ("/outbox", "10-outbox"),
            ("/account", "11-account"),
        ):
            page.goto(base + path)
            shot(page, f"{tag}-{name}")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{base}/cases")
        shot(page, f"{tag}-12-phone-work-queue")
        page.goto(f"{base}/cases/{reference}")
        shot(page, f"{tag}-13-phone-case")
