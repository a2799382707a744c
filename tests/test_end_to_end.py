"""The whole email path through real sockets, as a newcomer runs it (issue: email end to end).

`privacybot run` on its embedded defaults (built-in IMAP mailbox, SMTP receiver,
Maildir sink, SQLite) in a subprocess; `privacybot demo` appends mail; the citizen
replies with the code over SMTP; officers edit and approve over the CLI; the answer
lands in the sink exactly once; SIGTERM stops the service cleanly.
"""

from __future__ import annotations

import email
import json
import os
import re
import signal
import smtplib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(fn: Callable[[], T | None], timeout: float = 15.0, what: str = "condition") -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Desk:
    def __init__(self, tmp: Path) -> None:
        self.var = tmp / "var"
        self.ports = {"imap": free_port(), "smtp": free_port(), "web": free_port()}
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")},
            "PRIVACYBOT_VAR_DIR": str(self.var),
            "PRIVACYBOT_DEMO_IMAP_BIND": f"127.0.0.1:{self.ports['imap']}",
            "PRIVACYBOT_SMTP_IN_BIND": f"127.0.0.1:{self.ports['smtp']}",
            "PRIVACYBOT_WEB_BIND": f"127.0.0.1:{self.ports['web']}",
            "PRIVACYBOT_LOG_LEVEL": "INFO",
        }
        self.cwd = tmp

    def cli(
        self, *args: str, stdin: str | None = None, ok: bool = True
    ) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [*PRIVACYBOT, *args],
            env=self.env,
            cwd=self.cwd,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if ok:
            assert proc.returncode == 0, proc.stderr
        return proc

    def json(self, *args: str) -> Any:
        return json.loads(self.cli(*args, "--json").stdout)

    def sent(self) -> list[email.message.Message]:
        new = self.var / "sent" / "new"
        if not new.exists():
            return []
        return [email.message_from_bytes(p.read_bytes()) for p in sorted(new.iterdir())]


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = Desk(tmp_path)
    d.cli("db", "upgrade")
    log = (tmp_path / "service.log").open("w")
    proc = subprocess.Popen([*PRIVACYBOT, "run"], env=d.env, cwd=d.cwd, stdout=log, stderr=log)
    try:
        url = f"http://127.0.0.1:{d.ports['web']}/healthz"

        def healthy() -> bool:
            assert proc.poll() is None, (tmp_path / "service.log").read_text()
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    return bool(r.status == 200)
            except OSError:
                return False

        wait_for(healthy, 30, "the service to answer /healthz")
        yield d
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise AssertionError("the service did not stop within 15 s of SIGTERM") from None
            assert code == 0, (tmp_path / "service.log").read_text()
        log.close()


def _body(msg: email.message.Message) -> str:
    payload = msg.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(msg.get_content_charset() or "utf-8")


@pytest.mark.slow
def test_demo_mail_to_approved_answer_through_real_sockets(desk: Desk) -> None:
    started = time.monotonic()
    desk.cli("demo")
    acks = wait_for(
        lambda: [m for m in desk.sent() if "anna.devries@example.nl" in m["To"]], 10, "an ack"
    )
    first_ack_after = time.monotonic() - started
    assert first_ack_after < 5, f"acknowledgment took {first_ack_after:.1f}s"
    ack = acks[0]
    assert ack["Auto-Submitted"] == "auto-replied"
    ref = re.search(r"PRV-\d{4}-\d{5}", ack["Subject"])
    assert ref, ack["Subject"]
    code = re.search(r"\b\d{6}\b", _body(ack))
    assert code

    case = desk.json("cases", "show", ref.group(0))
    assert case["status"] == "awaiting_verification" and case["rights"] == ["access"]

    reply = EmailMessage()
    reply["From"] = "Anna de Vries <anna.devries@example.nl>"
    reply["To"] = "privacy@conxillium.nl"
    reply["Subject"] = "Re: " + ack["Subject"]
    reply["Message-ID"] = "<reply-1@example.nl>"
    reply["In-Reply-To"] = ack["Message-ID"]
    reply["References"] = ack["Message-ID"]
    reply.set_content(f"Dag,\n\nMijn code is {code.group(0)}.\n\nAnna\n\n> eerder bericht\n")
    with smtplib.SMTP("127.0.0.1", desk.ports["smtp"], timeout=10) as smtp:
        smtp.send_message(reply)

    wait_for(lambda: desk.json("cases", "show", ref.group(0))["verified"], 10, "verification")
    answer = wait_for(
        lambda: [
            d
            for d in desk.json("drafts", "list")
            if d["case"] == ref.group(0) and d["kind"] == "answer_access"
        ],
        10,
        "the answer draft",
    )[0]
    assert answer["status"] == "awaiting_approval"

    secret = "een lang wachtwoord\n"
    for who in ("olga@conxillium.nl", "bram@conxillium.nl"):
        desk.cli("staff", "add", who, "--role", "officer", "--password-stdin", stdin=secret)

    def as_staff(who: str, *args: str, stdin: str = "", ok: bool = True) -> Any:
        return desk.cli(*args, "--as", who, "--password-stdin", stdin=secret + stdin, ok=ok)

    refused = as_staff("olga@conxillium.nl", "drafts", "approve", str(answer["id"]), ok=False)
    assert refused.returncode != 0 and "placeholder" in refused.stderr
    text = "Beste mevrouw De Vries,\n\nHierbij uw gegevens: naam en e-mailadres.\n"
    as_staff("olga@conxillium.nl", "drafts", "edit", str(answer["id"]), "--file", "-", stdin=text)
    own = as_staff("olga@conxillium.nl", "drafts", "approve", str(answer["id"]), ok=False)
    assert own.returncode != 0 and "another officer" in own.stderr
    as_staff("bram@conxillium.nl", "drafts", "approve", str(answer["id"]))

    def answers() -> list[email.message.Message]:
        return [m for m in desk.sent() if "Hierbij uw gegevens" in _body(m)]

    wait_for(answers, 10, "the approved answer in the sink")
    again = as_staff("bram@conxillium.nl", "drafts", "approve", str(answer["id"]), ok=False)
    assert again.returncode != 0
    time.sleep(1.5)
    assert len(answers()) == 1
    sent_answer = answers()[0]
    assert sent_answer["Auto-Submitted"] is None
    assert sent_answer["To"] == "Anna de Vries <anna.devries@example.nl>"  # keeps her name
    message_ids = [m["Message-ID"] for m in desk.sent()]
    assert len(message_ids) == len(set(message_ids))
    shown = desk.json("cases", "show", ref.group(0))
    assert shown["status"] == "answered"
    trail = [e["action"] for e in shown["events"]]
    for action in (
        "case_opened",
        "code_issued",
        "verified",
        "draft_edited",
        "draft_approved",
        "sent",
    ):
        assert action in trail, trail
