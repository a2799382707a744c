"""Kill -9 the intake process at random moments while mail arrives: nothing lost, nothing doubled.

docs/design.md's first invariant (a crash at any point leads to the message being processed
on restart, exactly once in effect) rests on an order of operations: the IMAP watcher
commits a message before it sets the keyword, and triage commits the outcome (case,
drafts, outbox, audit) in the same transaction that moves the row out of 'stored'. A
unit test cannot prove that order survives a real crash, so this one runs the real
service, ``privacybot run --only intake``, as a subprocess against the built-in pymap
mailbox (in this process, so it outlives the kills), while a thread appends 200 mixed
messages at a steady pace, and SIGKILLs the service 8-12 times at seeded random moments
(half anywhere in its life, half soon after it logged in, while it catches up on the
mail that came in during its downtime), restarting it each time. Then:

- every appended message is in ``inbound_message`` exactly once (and nothing else is);
- every row is triaged or parked exactly once: none left 'stored', every case opened
  once (cases = case_opened events, each case owned by exactly one inbound row), and
  no inbound row got the same kind of draft twice;
- nothing is flagged-but-not-stored: after each kill (when neither side can change any
  more) every message carrying ``$PrivacybotStored`` has its row; in the end every
  message carries it.

Which narrow windows the kills hit is luck (a commit whose keyword never went out is hit
in roughly one run of four); ``pytest -s`` prints it.
"""

from __future__ import annotations

import contextlib
import email
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import IO, Any

import pytest
from imapclient import IMAPClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, BackgroundDemoImapServer
from privacybot.testing.servers import LOOPBACK, free_port

pytestmark = pytest.mark.slow

PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]
KEYWORD = b"$PrivacybotStored"
MESSAGES = 200
APPEND_INTERVAL = 0.08  # 200 messages in about 16 s: kills land while mail keeps arriving
SEED = 20260601

_RIGHTS = (
    (
        "Inzage",
        "Ik wil graag weten welke persoonsgegevens GeoTax van mij verwerkt. "
        "Kunt u mij een kopie sturen?",
    ),
    (
        "verwijderen aub",
        "hoi, ik krijg nog steeds mails van procurra. wil graag dat al mijn "
        "gegevens verwijderd worden.",
    ),
    (
        "Access request",
        "Under the GDPR I would like to request access to the personal data "
        "JCC Software holds about me.",
    ),
    ("Please delete my data", "Please erase all personal data DataQuint has about me."),
    ("Correctie", "Mijn adres klopt niet bij Pharox. Wilt u mijn gegevens corrigeren?"),
)
_QUESTIONS = (
    ("Vraag over cookies", "Welke cookies gebruiken jullie op de website?"),
    ("Question", "How long do you keep log files of the municipal portal?"),
)


def _message(n: int, kind: str, rng: random.Random) -> tuple[str, bytes]:
    """Message `n` of `kind` from a sender of its own; returns (Message-ID, bytes)."""
    message_id = f"<kill.{n}.{rng.getrandbits(40):010x}@example.nl>"
    msg = EmailMessage()
    msg["From"] = f"Burger {n} <burger{n}@example.nl>"
    msg["To"] = "privacy@conxillium.nl"
    msg["Date"] = formatdate()
    msg["Message-ID"] = message_id
    if kind == "rights":
        subject, body = rng.choice(_RIGHTS)
    elif kind == "question":
        subject, body = rng.choice(_QUESTIONS)
    else:
        subject, body = "Afwezig", "Ik ben afwezig tot maandag."
        msg["Auto-Submitted"] = "auto-replied"
    msg["Subject"] = subject
    msg.set_content(f"Hallo,\n\n{body}\n\nGroeten,\nBurger {n}\n")
    return message_id, msg.as_bytes()


def _mails(rng: random.Random) -> list[tuple[str, str, bytes]]:
    kinds = rng.choices(["rights", "question", "auto"], weights=[6, 2, 2], k=MESSAGES)
    return [(kind, *_message(n, kind, rng)) for n, kind in enumerate(kinds)]


class Intake:
    """`privacybot run --only intake` as a subprocess that may be killed and restarted."""

    def __init__(self, env: dict[str, str], cwd: Path, log_path: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        assert self.process is None
        self._log = self.log_path.open("ab")
        self._log.write(f"--- start {self.starts}\n".encode())
        self._log.flush()
        self.process = subprocess.Popen(
            [*PRIVACYBOT, "run", "--only", "intake"],
            env=self.env,
            cwd=self.cwd,
            stdout=self._log,
            stderr=self._log,
        )
        self.starts += 1

    def kill(self) -> None:
        process, self.process = self.process, None
        assert process is not None
        assert process.poll() is None, f"the service died by itself:\n{self.log_tail()}"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        self._close_log()

    def terminate(self) -> int:
        process, self.process = self.process, None
        if process is None:
            return 0
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
            raise AssertionError("the service did not stop within 15 s of SIGTERM") from None
        finally:
            self._close_log()

    def wait_for_log(self, marker: str, timeout: float) -> None:
        """Wait until this run of the service has logged `marker`."""
        deadline = time.monotonic() + timeout
        while True:
            self.check_alive()
            current = self.log_path.read_text(errors="replace").rsplit("--- start", 1)[-1]
            if marker in current:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"the service never logged {marker!r}:\n{self.log_tail()}")
            time.sleep(0.02)

    def check_alive(self) -> None:
        assert self.process is not None and self.process.poll() is None, (
            f"the service exited:\n{self.log_tail()}"
        )

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def _mailbox(port: int) -> tuple[int, dict[int, tuple[set[bytes], str | None]]]:
    """UIDVALIDITY, and UID -> (flags, Message-ID) of every message, read-only."""
    client = IMAPClient(LOOPBACK, port=port, ssl=False, timeout=30)
    try:
        client.login(DEMO_USER, DEMO_PASSWORD)
        selected = client.select_folder("INBOX", readonly=True)
        uids = client.search(["ALL"])
        data = client.fetch(uids, [b"FLAGS", b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    finally:
        with contextlib.suppress(Exception):
            client.logout()
    out: dict[int, tuple[set[bytes], str | None]] = {}
    for uid, item in data.items():
        header = item.get(b"BODY[HEADER.FIELDS (MESSAGE-ID)]", b"")
        mid = email.message_from_bytes(header).get("Message-ID")
        out[int(uid)] = (set(item[b"FLAGS"]), str(mid).strip() if mid else None)
    return int(selected[b"UIDVALIDITY"]), out


def _rows(engine: Engine, sql: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)).all())


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def mailbox() -> Iterator[BackgroundDemoImapServer]:
    server = BackgroundDemoImapServer(LOOPBACK, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_sigkill_during_intake_loses_and_doubles_nothing(
    db_url: str, tmp_path: Path, mailbox: BackgroundDemoImapServer
) -> None:
    rng = random.Random(SEED)
    mails = _mails(rng)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")},
        "PRIVACYBOT_DATABASE_URL": db_url,
        "PRIVACYBOT_IMAP_URL": (
            f"imap://{DEMO_USER}:{DEMO_PASSWORD}@{LOOPBACK}:{mailbox.port}/INBOX?tls=plain"
        ),
        "PRIVACYBOT_SMTP_IN_BIND": "off",
        "PRIVACYBOT_VAR_DIR": str(tmp_path / "var"),
        "PRIVACYBOT_LOG_LEVEL": "DEBUG",
    }
    upgrade = subprocess.run(
        [*PRIVACYBOT, "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True, timeout=60
    )
    assert upgrade.returncode == 0, upgrade.stderr.decode(errors="replace")
    engine = create_engine(db_url)
    intake = Intake(env, tmp_path, tmp_path / "service.log")

    appended: list[str] = []
    append_error: list[BaseException] = []

    def append_all() -> None:
        try:
            client = IMAPClient(LOOPBACK, port=mailbox.port, ssl=False, timeout=30)
            client.login(DEMO_USER, DEMO_PASSWORD)
            start = time.monotonic()
            for n, (_kind, message_id, raw) in enumerate(mails):
                time.sleep(max(0.0, start + n * APPEND_INTERVAL - time.monotonic()))
                client.append("INBOX", raw)
                appended.append(message_id)
            client.logout()
        except BaseException as exc:  # reported by the main thread
            append_error.append(exc)

    def stored() -> int:
        return int(_rows(engine, "SELECT count(*) FROM inbound_message")[0][0])

    appender = threading.Thread(target=append_all, name="appender", daemon=True)
    kills = rng.randint(8, 12)
    checked_flags = 0
    try:
        appender.start()
        for n in range(kills):
            intake.start()
            if n % 2:
                # Any moment from start-up (still importing, migrating) to idling.
                time.sleep(rng.uniform(0.2, 2.5))
            else:
                # A moment soon after the watcher logged in, while it catches up on the
                # mail that arrived during the downtime and triage works it off.
                intake.wait_for_log("imap watching", timeout=15)
                time.sleep(rng.uniform(0.0, 0.15))
            intake.kill()
            # The moment a flagged-but-not-stored message would show: the process is
            # dead, so the keyword set and the committed rows can no longer change.
            _, box = _mailbox(mailbox.port)
            flagged = {mid for flags, mid in box.values() if KEYWORD in flags}
            rows = {r.message_id for r in _rows(engine, "SELECT message_id FROM inbound_message")}
            assert flagged <= rows, f"flagged but not stored after kill {n}: {flagged - rows}"
            checked_flags += len(flagged)
            # Stay down a while, so the next start finds a backlog to catch up on.
            time.sleep(rng.uniform(0.2, 1.2))
        appender.join(timeout=60)
        assert not appender.is_alive() and not append_error, append_error
        assert len(appended) == MESSAGES

        intake.start()

        def finished() -> bool:
            intake.check_alive()
            query = "SELECT count(*) FROM inbound_message WHERE state = 'stored'"
            pending = _rows(engine, query)[0][0]
            if stored() < MESSAGES or pending:
                return False
            _, box = _mailbox(mailbox.port)
            return all(KEYWORD in flags for flags, _ in box.values())

        _wait(finished, 40, "every message stored, flagged and triaged")
        # SIGTERM before the service installed its handler would just end Python.
        intake.wait_for_log("privacybot running", timeout=15)
        assert intake.terminate() == 0, intake.log_tail()
    finally:
        if intake.process is not None:
            intake.process.kill()
            intake.process.wait(timeout=10)
        engine.dispose()

    log = intake.log_path.read_text(errors="replace")
    assert intake.starts == kills + 1
    assert "Traceback" not in log, intake.log_tail(80)
    # Which critical windows the kills hit (random, so reported, not asserted): a commit
    # whose keyword never reached the server, and a triage rolled back by the kill.
    unflagged = log.count("imap message already stored")
    begun = Counter(re.findall(r"opened from inbound (\d+)|inbound (\d+) is automatic", log))
    print(
        f"{kills} kills ({checked_flags} keywords checked against rows after them); "
        f"stored but not flagged when killed: {unflagged}; "
        f"triage rolled back by a kill: {sum(n - 1 for n in begun.values())}"
    )

    engine = create_engine(db_url)
    try:
        inbound = _rows(
            engine,
            "SELECT id, message_id, channel_key, state, case_id, automatic FROM inbound_message",
        )
        cases = _rows(engine, 'SELECT id FROM "case"')
        opened = _rows(engine, "SELECT case_id FROM audit_event WHERE action = 'case_opened'")
        drafts = _rows(engine, "SELECT inbound_id, kind FROM draft")
    finally:
        engine.dispose()

    # Stored exactly once: one row per appended message, nothing else.
    message_ids = [row.message_id for row in inbound]
    assert len(inbound) == MESSAGES
    assert sorted(message_ids) == sorted(appended)
    assert len({row.channel_key for row in inbound}) == MESSAGES

    # Nothing flagged but not stored; every row's key names a message in the mailbox.
    uidvalidity, box = _mailbox(mailbox.port)
    assert len(box) == MESSAGES
    flagged = {mid for flags, mid in box.values() if KEYWORD in flags}
    assert flagged == set(message_ids)
    keys = {f"imap:INBOX:{uidvalidity}:{uid}" for uid in box}
    assert {row.channel_key for row in inbound} == keys

    # Triaged exactly once.
    states = Counter(row.state for row in inbound)
    assert set(states) <= {"triaged", "needs_staff", "parked"}, states  # never "stored"
    case_ids = [row.id for row in cases]
    assert len(opened) == len(case_ids), "a case_opened event without its case or vice versa"
    assert sorted(row.case_id for row in opened) == sorted(case_ids)
    owners = Counter(row.case_id for row in inbound if row.case_id is not None)
    assert set(owners) == set(case_ids), "a case no inbound message owns: opened twice?"
    assert all(n == 1 for n in owners.values()), owners  # every sender is new
    doubled = [key for key, n in Counter((d.inbound_id, d.kind) for d in drafts).items() if n > 1]
    assert not doubled, f"drafts created twice for one inbound message: {doubled}"

    # And the triage did its job on this mix (so the checks above are not vacuous).
    kind_of = {mid: kind for kind, mid, _raw in mails}
    by_kind = {row.message_id: row for row in inbound}
    for mid, kind in kind_of.items():
        row = by_kind[mid]
        if kind == "auto":
            assert row.automatic and row.case_id is None, mid
        elif kind == "rights":
            assert row.case_id is not None, mid
