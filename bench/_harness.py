"""Shared parts of the intake benches: servers, the service as a subprocess, mail, figures.

Why a harness: the three intake benches measure the *real* service (``privacybot run``
in its own process, talking IMAP to a real server), so they all need the same pieces:
free ports, a migrated SQLite database, a way to start and stop the service and read its
peak memory, a throw-away Dovecot, varied citizen mail, and percentiles. Nothing here
asserts; the benches print figures only.

Dovecot comes from ``privacybot.testing.servers``, the same launcher the tests use.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formatdate
from pathlib import Path
from typing import IO, TypeVar

from imapclient import IMAPClient

from privacybot.testing.servers import DOVECOT, DovecotServer, DovecotUser

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[1]
PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]
LOOPBACK = "127.0.0.1"
USER = "privacy"
PASSWORD = "privacy"
OUR_ADDRESS = "privacy@conxillium.nl"


# -- small utilities ---------------------------------------------------------------------


def wait_for(fn: Callable[[], T | None], timeout: float, what: str, step: float = 0.05) -> T:
    """Poll `fn` until it returns something truthy; a clear error after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(step)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): the figure an SLO is usually stated in."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def print_table(rows: Sequence[Sequence[str]]) -> None:
    """Left-aligned columns, first row is the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def imap_client(port: int, user: str = USER, password: str = PASSWORD) -> IMAPClient:
    """A logged-in plain-text loopback IMAP connection (close it with logout()).

    TCP_NODELAY: imaplib sends an APPEND literal and its closing CRLF as two writes,
    and Nagle would hold the CRLF until the server's delayed ACK (about 40 ms), which
    would be measured as intake latency although it is the client's doing.
    """
    client = IMAPClient(LOOPBACK, port=port, ssl=False, timeout=30)
    client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client.login(user, password)
    return client


# -- citizen mail ------------------------------------------------------------------------

_FIRST = ("Anna", "Mark", "Sophie", "Peter", "Fatima", "Jeroen", "Ilse", "Ahmed", "Lotte", "Kees")
_LAST = ("de Vries", "Jansen", "Bakker", "van Dam", "El Amrani", "Visser", "Smit", "Mulder")
_COMPANIES = (
    "GeoTax",
    "Procura",
    "procurra",
    "JCC Software",
    "DataQuint",
    "Pharox",
    "SIM",
    "BeheerVisie",
    "I-Real",
)
_RIGHTS_NL = (
    (
        "Inzage",
        "Ik wil graag weten welke persoonsgegevens {company} van mij verwerkt. "
        "Kunt u mij een kopie sturen?",
    ),
    (
        "verwijderen aub",
        "hoi, ik krijg nog steeds mails van {company} terwijl ik daar allang "
        "weg ben. wil graag dat al mijn gegevens verwijderd worden.",
    ),
    (
        "Correctie adres",
        "Mijn adres klopt niet in het systeem van {company}. Wilt u mijn "
        "gegevens corrigeren? Het juiste adres is Dorpsstraat 12.",
    ),
    (
        "Bezwaar",
        "Ik maak bezwaar tegen het verwerken van mijn gegevens door {company} voor profilering.",
    ),
    (
        "Verzoek om inzage AVG",
        "Op grond van artikel 15 AVG verzoek ik u om inzage in alle "
        "persoonsgegevens die {company} over mij heeft.",
    ),
)
_RIGHTS_EN = (
    (
        "Access request",
        "Under the GDPR I would like to request access to the personal data "
        "{company} holds about me, and a copy of it.",
    ),
    (
        "Please delete my data",
        "Please erase all personal data {company} has about me. I no longer use the service.",
    ),
    (
        "Data portability",
        "I want a copy of my data from {company} in a machine-readable format "
        "so I can move it to another provider.",
    ),
)
_QUESTIONS = (
    (
        "Vraag over cookies",
        "Welke cookies gebruiken jullie op de website en hoe kan ik die weigeren?",
    ),
    ("Question", "How long do you keep log files of the municipal portal?"),
    ("Vraag", "Met welke partijen delen jullie gegevens van burgers?"),
)
_GREETINGS = ("Goedemiddag,", "Beste mensen,", "Hallo,", "Geachte heer/mevrouw,", "Hi,", "")
_CLOSINGS = ("Met vriendelijke groet,", "Groeten,", "gr", "Kind regards,", "Thanks,")


@dataclass(frozen=True)
class Mail:
    """One test message: its Message-ID (with angle brackets), sender, kind, bytes."""

    message_id: str
    sender: str
    kind: str  # "rights", "question" or "auto"
    raw: bytes


def citizen_mail(n: int, kind: str, rng: random.Random, tag: str = "bench") -> Mail:
    """A realistic message number `n` of `kind`, from a sender address unique to `n`.

    Unique senders keep every rights request a case of its own (and under the R20 cap
    of automatic replies per address), so figures and checks are per message.
    """
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    address = f"{first.lower()}.{last.lower().replace(' ', '')}.{tag}{n}@example.nl"
    message_id = f"<{tag}.{n}.{rng.getrandbits(48):012x}@example.nl>"
    msg = EmailMessage()
    msg["From"] = f"{first} {last} <{address}>"
    msg["To"] = OUR_ADDRESS
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    company = rng.choice(_COMPANIES)
    if kind == "rights":
        subject, text = rng.choice(_RIGHTS_NL + _RIGHTS_EN)
    elif kind == "question":
        subject, text = rng.choice(_QUESTIONS)
    elif kind == "auto":
        subject = "Afwezig / Out of office"
        text = "Ik ben afwezig tot maandag en lees mijn mail niet. I am out of the office."
        msg["Auto-Submitted"] = "auto-replied"
        msg["Precedence"] = "auto_reply"
    else:
        raise ValueError(kind)
    msg["Subject"] = subject
    body = f"{rng.choice(_GREETINGS)}\n\n{text.format(company=company)}\n\n"
    body += f"{rng.choice(_CLOSINGS)}\n{first} {last}\n"
    if rng.random() < 0.3:
        body += "\n--\nVerzonden vanaf mijn iPhone\n"
    if rng.random() < 0.2:
        body += f"\nOp {format_datetime(msg['Date'].datetime)} schreef iemand:\n> eerder bericht\n"
    msg.set_content(body)
    return Mail(message_id, address, kind, msg.as_bytes())


def mixed_mail(count: int, seed: int, tag: str = "bench") -> list[Mail]:
    """`count` messages: mostly rights requests, some questions and auto-replies."""
    rng = random.Random(seed)
    kinds = rng.choices(["rights", "question", "auto"], weights=[7, 2, 1], k=count)
    return [citizen_mail(n, kind, rng, tag) for n, kind in enumerate(kinds)]


# -- the service as a subprocess -----------------------------------------------------------


@dataclass
class ServiceProcess:
    """`privacybot run` in its own process, with its own var dir and database.

    `env` holds the PRIVACYBOT_* settings (nothing inherited from the caller's
    environment); `start()` runs `privacybot db upgrade` once, then the service.
    """

    workdir: Path
    settings: dict[str, str]
    roles: str | None = None
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None
    _upgraded: bool = False

    @property
    def var(self) -> Path:
        return self.workdir / "var"

    @property
    def db_path(self) -> Path:
        return self.var / "privacybot.db"

    @property
    def log_path(self) -> Path:
        return self.workdir / "service.log"

    @property
    def env(self) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
        return {
            **base,
            "PRIVACYBOT_VAR_DIR": str(self.var),
            "PRIVACYBOT_LOG_LEVEL": "WARNING",
            **self.settings,
        }

    def cli(self, *args: str) -> str:
        proc = subprocess.run(
            [*PRIVACYBOT, *args],
            env=self.env,
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"privacybot {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout

    def start(self) -> None:
        if not self._upgraded:
            self.cli("db", "upgrade")
            self._upgraded = True
        self._log = self.log_path.open("ab")
        command = [*PRIVACYBOT, "run"] + (["--only", self.roles] if self.roles else [])
        self.process = subprocess.Popen(
            command, env=self.env, cwd=self.workdir, stdout=self._log, stderr=self._log
        )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def check_alive(self) -> None:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"the service exited:\n{self.log_tail()}")

    def memory_kb(self) -> dict[str, int]:
        """VmRSS and VmHWM (peak RSS) of the service process, in kB, from /proc."""
        out: dict[str, int] = {}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    out[name] = int(value.split()[0])
        return out

    def stop(self) -> int | None:
        """SIGTERM, as an operator would; SIGKILL if it does not stop within 15 s."""
        process, self.process = self.process, None
        code: int | None = None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                code = process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                code = process.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None
        return code

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class TriageWatch:
    """Reads the service's SQLite database without ever taking its write lock.

    A plain sqlite3 connection in autocommit mode: each SELECT sees the latest commit
    (WAL), and readers never block the service's writers.
    """

    def __init__(self, db_path: Path) -> None:
        self.conn = sqlite3.connect(
            f"file:{db_path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        self.conn.execute("PRAGMA busy_timeout=5000")

    def done_ids(self) -> set[str]:
        """Message-IDs of inbound rows whose triage has committed."""
        rows = self.conn.execute(
            "SELECT message_id FROM inbound_message WHERE state != 'stored'"
        ).fetchall()
        return {r[0] for r in rows if r[0]}

    def counts(self) -> tuple[int, int]:
        """(rows stored, rows triaged or parked)."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(state != 'stored'), 0) FROM inbound_message"
        ).fetchone()
        return int(row[0]), int(row[1])

    def close(self) -> None:
        self.conn.close()


# -- a throw-away Dovecot ---------------------------------------------------------------------


class Dovecot(DovecotServer):
    """Dovecot with one user privacy/privacy: the launcher the tests use, without pytest."""

    def __init__(self) -> None:
        super().__init__(users=[DovecotUser(USER, PASSWORD)])

    @staticmethod
    def available() -> bool:
        return os.path.exists(DOVECOT)

    def stop(self) -> None:
        """Stop and remove its directory, as the benches expect of a throw-away server."""
        super().stop()
        shutil.rmtree(self.root, ignore_errors=True)
