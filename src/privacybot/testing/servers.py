"""Real servers on loopback for tests and benchmarks: a throw-away Dovecot and IMAP helpers.

Kept in the package (as Mailman keeps its testing/ layers) so that the pytest fixtures
in tests/servers.py and the scripts in bench/ start Dovecot the same way.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from imapclient import IMAPClient

from privacybot.intake.demo_server import append_messages

DOVECOT = "/usr/sbin/dovecot"
DOVECOT_LDA = "/usr/lib/dovecot/dovecot-lda"
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def wait_for_port(host: str, port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@dataclass
class ImapTestServer:
    """What the IMAP fixtures yield: where to connect, and a few blocking helpers."""

    kind: str
    host: str
    port: int
    user: str
    password: str
    restart: Callable[[], None]

    @property
    def url(self) -> str:
        return f"imap://{self.user}:{self.password}@{self.host}:{self.port}/INBOX"

    def client(self) -> IMAPClient:
        """A logged-in imapclient connection (plain, loopback); close it with logout()."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        client.login(self.user, self.password)
        client.normalise_times = False
        return client

    def append(
        self, *raws: bytes, mailbox: str = "INBOX", flags: Iterable[bytes] = ()
    ) -> list[int]:
        return append_messages(
            self.host, self.port, self.user, self.password, raws, mailbox=mailbox, flags=flags
        )

    def flags(self, mailbox: str = "INBOX") -> dict[int, set[bytes]]:
        """UID -> flags of every message in `mailbox` (read-only look)."""
        client = self.client()
        try:
            client.select_folder(mailbox, readonly=True)
            uids = client.search(["ALL"])
            data = client.fetch(uids, [b"FLAGS"]) if uids else {}
            return {int(uid): set(item[b"FLAGS"]) for uid, item in data.items()}
        finally:
            client.logout()


# -- Dovecot ---------------------------------------------------------------------------


@dataclass
class DovecotUser:
    """A mailbox account; `sieve` (a Sieve script) runs on delivery through `deliver()`."""

    name: str
    password: str
    sieve: str | None = None


@dataclass
class DovecotServer:
    """A Dovecot instance in a private directory, run in the foreground by this process.

    The directory is a fresh one under the system temp dir (not pytest's tmp_path):
    Dovecot's login processes run as another user when we are root, and UNIX socket
    paths must stay short.
    """

    users: list[DovecotUser]
    port: int = field(default_factory=free_port)
    host: str = LOOPBACK
    submission_port: int | None = None
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pb-dovecot-")))
    process: subprocess.Popen[bytes] | None = None

    @property
    def config_path(self) -> Path:
        return self.root / "dovecot.conf"

    @property
    def log_path(self) -> Path:
        return self.root / "dovecot.log"

    def home(self, user: str) -> Path:
        return self.root / "home" / user

    def maildir(self, user: str) -> Path:
        return self.home(user) / "Maildir"

    def write_config(self) -> None:
        """Render dovecot.conf, the passwd-file, homes and Sieve scripts."""
        os.chmod(self.root, 0o755)
        me = pwd.getpwuid(os.getuid())
        if os.getuid() == 0:
            # Dovecot refuses root for logins and mail access: use Debian's users.
            login_user, internal_user, internal_group = "dovenull", "dovecot", "dovecot"
            mail_uid, mail_gid = _nobody()
        else:
            login_user = internal_user = me.pw_name
            internal_group = grp.getgrgid(os.getgid()).gr_name
            mail_uid, mail_gid = os.getuid(), os.getgid()
        for sub in ("run", "state"):
            (self.root / sub).mkdir(exist_ok=True)
        lines = []
        for user in self.users:
            home = self.home(user.name)
            home.mkdir(parents=True, exist_ok=True)
            if user.sieve is not None:
                (home / ".dovecot.sieve").write_text(user.sieve)
            lines.append(f"{user.name}:{{PLAIN}}{user.password}:{mail_uid}:{mail_gid}::{home}::")
            if os.getuid() == 0:
                for path in [home, *home.rglob("*")]:
                    os.chown(path, mail_uid, mail_gid)
        (self.root / "passwd").write_text("\n".join(lines) + "\n")
        submission = (
            f"submission_host = 127.0.0.1:{self.submission_port}"
            if self.submission_port
            else "sendmail_path = /bin/false"
        )
        self.config_path.write_text(
            _DOVECOT_CONF.format(
                root=self.root,
                port=self.port,
                login_user=login_user,
                internal_user=internal_user,
                internal_group=internal_group,
                first_uid=min(mail_uid, 500),
                first_gid=min(mail_gid, 100),
                submission=submission,
            )
        )

    def start(self) -> None:
        self.write_config()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config_path)],
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group, so stop() reaches the children
        )
        log.close()
        try:
            wait_for_port(self.host, self.port)
        except OSError:
            self.stop()
            raise RuntimeError(f"dovecot did not start:\n{self.log_text()}") from None

    def stop(self) -> None:
        """Terminate the master and its children together (master alone takes ~1 s)."""
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

    def restart(self) -> None:
        """A server restart: connections drop, the mail and UIDVALIDITY stay."""
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def deliver(
        self,
        user: str,
        raw: bytes,
        *,
        sender: str | None = None,
        recipient: str | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        """Deliver through dovecot-lda, so the user's Sieve script runs (e.g. vacation)."""
        command = [DOVECOT_LDA, "-c", str(self.config_path), "-d", user]
        if sender:
            command += ["-f", sender]
        if recipient:
            command += ["-a", recipient]
        return subprocess.run(command, input=raw, capture_output=True, timeout=30, check=False)

    def imap(self, user: DovecotUser | None = None) -> ImapTestServer:
        account = user or self.users[0]
        return ImapTestServer(
            kind="dovecot",
            host=self.host,
            port=self.port,
            user=account.name,
            password=account.password,
            restart=self.restart,
        )


def _nobody() -> tuple[int, int]:
    try:
        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        return 65534, 65534


_DOVECOT_CONF = """\
# Throw-away test instance, written by tests/servers.py.
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = {first_uid}
first_valid_gid = {first_gid}
mail_location = maildir:~/Maildir
postmaster_address = postmaster@example.test
hostname = dovecot.example.test
{submission}

passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%n {root}/passwd
}}

service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}

protocol lda {{
  mail_plugins = $mail_plugins sieve
}}
plugin {{
  sieve = file:~/sieve;active=~/.dovecot.sieve
}}
"""
