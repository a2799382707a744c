"""The chat channel through a real ``privacybot run --only intake,sender,telegram`` process.

The loopback Bot API runs in this test process; the service talks to it through
PRIVACYBOT_TELEGRAM_API_URL with python-telegram-bot, keeps SQLite under a temp dir,
and mails through the built-in Maildir sink. The first test is issue 15's "done":
from /start to an approved answer (mail to the verified address, status in the chat),
approved from the staff group by a linked officer after another officer edited it.
The second kills the service with SIGKILL mid-conversation, again and again, and
checks that no update was lost or handled twice and the conversation carries on.
"""

from __future__ import annotations

import email
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path
from typing import IO, Any, TypeVar

import pytest

from privacybot.outbox.telegram_sender import DEFAULT_CONCURRENCY
from privacybot.testing.servers import free_port
from privacybot.testing.telegram_api import FakeBotApi, Sent

pytestmark = pytest.mark.slow

T = TypeVar("T")
PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]
STAFF_CHAT = -1009876543210
OLGA_TG = 4401
SECRET = "een lang wachtwoord\n"


def wait_for(fn: Callable[[], T | None], timeout: float = 20.0, what: str = "condition") -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Service:
    """The service as an operator runs it, with a bot token pointing at our fake API."""

    def __init__(self, tmp: Path, api: FakeBotApi) -> None:
        self.tmp = tmp
        self.api = api
        self.var = tmp / "var"
        self.log_path = tmp / "service.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")},
            "PRIVACYBOT_VAR_DIR": str(self.var),
            "PRIVACYBOT_DEMO_IMAP_BIND": f"127.0.0.1:{free_port()}",
            "PRIVACYBOT_SMTP_IN_BIND": "off",
            "PRIVACYBOT_TELEGRAM_TOKEN": api.token,
            "PRIVACYBOT_TELEGRAM_API_URL": api.base_url,
            "PRIVACYBOT_TELEGRAM_STAFF_CHAT": str(STAFF_CHAT),
            "PRIVACYBOT_LOG_LEVEL": "INFO",
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[str] | None = None

    def cli(self, *args: str, stdin: str | None = None) -> str:
        proc = subprocess.run(
            [*PRIVACYBOT, *args],
            env=self.env,
            cwd=self.tmp,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    def start(self) -> None:
        polls = len(self.api.calls_to("getUpdates"))
        if self._log is not None:  # a restart after a kill appends to the same log
            self._log.close()
        self._log = self.log_path.open("a")
        self.proc = subprocess.Popen(
            [*PRIVACYBOT, "run", "--only", "intake,sender,telegram"],
            env=self.env,
            cwd=self.tmp,
            stdout=self._log,
            stderr=self._log,
        )

        def polling() -> bool:
            assert self.proc is not None and self.proc.poll() is None, self.log_path.read_text()
            return len(self.api.calls_to("getUpdates")) > polls

        wait_for(polling, 30, "the service to long-poll the Bot API")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self.proc = None

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the service did not stop within 20 s of SIGTERM") from None
        self.proc = None
        return code

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if self._log is not None:
            self._log.close()

    def sent_mail(self) -> list[Message]:
        new = self.var / "sent" / "new"
        return (
            [email.message_from_bytes(p.read_bytes()) for p in sorted(new.iterdir())]
            if new.exists()
            else []
        )

    def code_for(self, address: str, count: int = 1) -> str:
        mails = wait_for(
            lambda: [m for m in self.sent_mail() if m["To"] == address][count - 1 :],
            15,
            f"mail {count} to {address}",
        )
        body = mails[0].get_payload(decode=True)
        assert isinstance(body, bytes)
        return str(re.findall(r"\b\d{6}\b", body.decode())[0])

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.var / "privacybot.db") as db:
            return db.execute(query).fetchall()


@pytest.fixture
def service(tmp_path: Path, bot_api: FakeBotApi) -> Iterator[Service]:
    svc = Service(tmp_path, bot_api)
    svc.cli("db", "upgrade")
    try:
        yield svc
    finally:
        svc.close()


def reply(api: FakeBotApi, chat_id: int, text: str, timeout: float = 15.0) -> Sent:
    """The citizen types ``text`` and waits for the bot's next message."""
    before = len(api.messages(chat_id))
    api.send_text(chat_id, text)
    api.wait_for(
        lambda s: sum(m.chat_id == chat_id for m in s) > before, timeout, f"reply to {text!r}"
    )
    return api.messages(chat_id)[before]


def press(api: FakeBotApi, chat_id: int, data: str, **kw: Any) -> None:
    api.press(chat_id, data, **kw)


def test_from_start_to_an_approved_answer_by_mail_with_status_in_the_chat(
    service: Service, bot_api: FakeBotApi
) -> None:
    service.start()
    anna = 88001
    assert reply(bot_api, anna, "/start").text.startswith("Goedendag")
    reply(bot_api, anna, "Ik wil graag inzage in mijn persoonsgegevens bij Procura")
    confirm = reply(bot_api, anna, "anna@example.nl")
    assert confirm.callback_data == ["confirm:yes", "confirm:no"]
    before = len(bot_api.messages(anna))
    press(bot_api, anna, "confirm:yes")
    bot_api.wait_for_count(anna, before + 1)
    code = service.code_for("anna@example.nl")
    verified = reply(bot_api, anna, code)
    reference = re.search(r"PRV-\d{4}-\d{5}", verified.text)
    assert reference, verified.text

    for who in ("olga@conxillium.nl", "bram@conxillium.nl"):
        service.cli("staff", "add", who, "--role", "officer", "--password-stdin", stdin=SECRET)
    service.cli("staff", "link-telegram", "olga@conxillium.nl", str(OLGA_TG))
    listed = service.cli("drafts", "list", "--json")
    draft_id = re.search(
        r'"id": (\d+),\s*"case": "' + reference.group(0) + r'",[^}]*"kind": "answer_access"',
        listed,
        re.S,
    )
    assert draft_id, listed
    letter = "Beste mevrouw,\n\nHierbij uw gegevens bij Procura: naam en e-mailadres.\n"
    service.cli(
        "drafts",
        "edit",
        draft_id.group(1),
        "--as",
        "bram@conxillium.nl",
        "--password-stdin",
        "--file",
        "-",
        stdin=SECRET + letter,
    )

    post = bot_api.wait_for(
        lambda s: any(m.chat_id == STAFF_CHAT and "Hierbij uw gegevens" in m.text for m in s),
        15,
        "the draft in the staff group",
    )
    [posted] = [m for m in post if m.chat_id == STAFF_CHAT and m.method == "sendMessage"]
    approve = next(d for d in posted.callback_data if d.startswith("approve:"))
    press(
        bot_api,
        STAFF_CHAT,
        approve,
        user_id=OLGA_TG,
        chat_type="supergroup",
        message_id=posted.message_id,
    )

    answers = wait_for(
        lambda: [m for m in service.sent_mail() if "Hierbij uw gegevens" in str(m)],
        15,
        "the answer mail",
    )
    assert [m["To"] for m in answers] == ["anna@example.nl"]
    bot_api.wait_for(
        lambda s: any(
            m.chat_id == STAFF_CHAT and "Approved by olga@conxillium.nl" in m.text for m in s
        ),
        15,
        "the post edited to say who approved",
    )
    notice = bot_api.wait_for(
        lambda s: any(m.chat_id == anna and "per e-mail gestuurd" in m.text for m in s),
        15,
        "the answered status in the chat",
    )
    assert all("Hierbij uw gegevens" not in m.text for m in notice if m.chat_id == anna)
    assert service.stop() == 0
    log = service.log_path.read_text()
    assert bot_api.token.split(":")[1] not in log  # the token is in every API URL
    assert "Hierbij uw gegevens" not in log and code not in log


def test_sigkill_mid_conversation_loses_and_doubles_nothing(
    service: Service, bot_api: FakeBotApi
) -> None:
    rng = random.Random(20260615)
    chats = list(range(90001, 90011))
    service.start()
    # Anna gets as far as the code before the first kill.
    anna = 90100
    reply(bot_api, anna, "Ik wil graag inzage in mijn persoonsgegevens bij Procura")
    reply(bot_api, anna, "anna@example.nl")
    before = len(bot_api.messages(anna))
    press(bot_api, anna, "confirm:yes")
    bot_api.wait_for_count(anna, before + 1)
    sent_updates: list[int] = []
    script = ["/start", "hallo", "/status"]
    for text in script:
        for chat_id in chats:
            sent_updates.append(bot_api.send_text(chat_id, text))
            time.sleep(rng.uniform(0, 0.02))
        time.sleep(rng.uniform(0.05, 0.4))  # the kill lands somewhere in the handling
        service.kill()
        service.start()
    code = service.code_for("anna@example.nl")
    verified = reply(bot_api, anna, code, timeout=40)
    assert re.search(r"PRV-\d{4}-\d{5}", verified.text), verified.text
    # Every citizen update is answered (the sender may need a lease to pass after a kill).
    bot_api.wait_for(
        lambda s: all(sum(m.chat_id == c for m in s) >= len(script) for c in chats),
        60,
        "every chat answered",
    )
    assert service.stop() == 0

    keys = [k for (k,) in service.rows("select channel_key from inbound_message")]
    assert len(keys) == len(set(keys))  # nothing stored twice
    for update_id in sent_updates:
        assert f"telegram:{update_id}" in keys  # nothing lost
    states = {s for (s,) in service.rows("select state from inbound_message")}
    assert states == {"triaged"}
    # Each update was handled once: three replies queued per chat, no more.
    per_chat = service.rows(
        "select to_address, count(*) from outbox_item"
        " where channel = 'telegram' group by to_address"
    )
    counts = dict(per_chat)
    for chat_id in chats:
        assert counts[f"telegram:{chat_id}"] == len(script)
    # What reached the chats: each queued reply at least once, and at most once more for a
    # send a kill cut between Telegram's answer and our record of it.
    kills = len(script)
    got = [len(bot_api.messages(chat_id)) for chat_id in chats]
    assert all(n >= len(script) for n in got)
    # A kill can cut each send in flight between Telegram's answer and our record of it.
    assert sum(got) <= len(script) * len(chats) + kills * DEFAULT_CONCURRENCY
    [(cases,)] = service.rows("select count(*) from 'case'")
    assert cases == 1
