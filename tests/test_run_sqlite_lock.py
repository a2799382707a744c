"""SQLite serves one `privacybot run`: a second one on the same file is refused in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]


def _env(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
    return {**base, "PRIVACYBOT_VAR_DIR": str(tmp_path / "var")}


def _wait_running(proc: subprocess.Popen[str], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while "privacybot running" not in log.read_text():
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


@pytest.mark.slow  # another program: a subprocess or a server
def test_a_second_run_on_the_same_sqlite_file_is_refused(tmp_path: Path) -> None:
    env = _env(tmp_path)
    subprocess.run([*PRIVACYBOT, "db", "upgrade"], env=env, check=True, capture_output=True)
    log = tmp_path / "first.log"
    with log.open("w") as out:
        first = subprocess.Popen(
            [*PRIVACYBOT, "run", "--only", "scheduler"], env=env, stdout=out, stderr=out, text=True
        )
    try:
        _wait_running(first, log)
        second = subprocess.run(
            [*PRIVACYBOT, "run", "--only", "sender"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        [line] = second.stderr.strip().splitlines()
        assert "in use by another `privacybot run`" in line and f"pid {first.pid}" in line
        assert "PostgreSQL" in line
        # Commands beside the service stay fine.
        listing = subprocess.run(
            [*PRIVACYBOT, "cases", "list"], env=env, capture_output=True, text=True, timeout=60
        )
        assert listing.returncode == 0, listing.stderr
    finally:
        first.send_signal(signal.SIGKILL)  # the kernel drops the lock, however it dies
        first.wait(10)
    log2 = tmp_path / "third.log"
    with log2.open("w") as out:
        third = subprocess.Popen(
            [*PRIVACYBOT, "run", "--only", "scheduler"], env=env, stdout=out, stderr=out, text=True
        )
    try:
        _wait_running(third, log2)
    finally:
        third.send_signal(signal.SIGTERM)
        assert third.wait(20) == 0
