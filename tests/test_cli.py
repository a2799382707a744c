"""The commands of docs/operators.md, run as an operator runs them: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Each test runs the CLI as a separate process: real, and slow (scripts/test --fast skips).
pytestmark = pytest.mark.slow

PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
    return subprocess.run(
        [*PRIVACYBOT, *args],
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


@pytest.fixture
def var(tmp_path: Path) -> dict[str, str]:
    return {"PRIVACYBOT_VAR_DIR": str(tmp_path / "var")}


@pytest.mark.parametrize(
    ("day", "extended", "expected"),
    [
        ("2026-03-06", False, "2026-04-07"),
        ("2027-04-07", False, "2027-05-10"),
        ("2025-12-04", False, "2026-01-05"),
        ("2026-11-27", True, "2027-03-01"),
        ("2027-01-31", True, "2027-04-28"),
    ],
)
def test_R3_R5_deadline_prints_the_iso_date(
    day: str, extended: bool, expected: str, var: dict[str, str]
) -> None:
    proc = run("deadline", day, *(["--extended"] if extended else []), env=var)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == expected


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow", "2026/03/06", ""])
def test_a_bad_date_is_one_line_and_non_zero(bad: str, var: dict[str, str]) -> None:
    proc = run("deadline", bad, env=var)
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_an_empty_database_lists_no_cases(var: dict[str, str]) -> None:
    assert run("db", "upgrade", env=var).returncode == 0
    proc = run("cases", "list", "--json", env=var)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []
    assert json.loads(run("drafts", "list", "--json", env=var).stdout) == []
    missing = run("cases", "show", "PRV-2026-00001", env=var)
    assert missing.returncode != 0 and "no case" in missing.stderr


def test_a_database_at_an_older_migration_is_refused(var: dict[str, str]) -> None:
    proc = run("cases", "list", env=var)
    assert proc.returncode != 0
    assert "privacybot db upgrade" in proc.stderr
    assert "Traceback" not in proc.stderr
    service = run("run", env=var)
    assert service.returncode != 0 and "privacybot db upgrade" in service.stderr


def test_an_unreachable_database_is_one_clear_line_without_the_password(
    var: dict[str, str],
) -> None:
    env = {**var, "PRIVACYBOT_DATABASE_URL": "postgresql+psycopg://u:s3cr3t@127.0.0.1:9/x"}
    proc = run("cases", "list", env=env)
    assert proc.returncode != 0
    assert "s3cr3t" not in proc.stderr
    assert "cannot use" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PRIVACYBOT_DIGEST_TIME", "25:00"),
        ("PRIVACYBOT_TIMEZONE", "Nowhere/Atlantis"),
        ("PRIVACYBOT_DATABASE_URL", "not a url"),
    ],
)
def test_a_bad_setting_stops_every_command(name: str, value: str, var: dict[str, str]) -> None:
    proc = run("cases", "list", env={**var, name: value})
    assert proc.returncode == 2
    assert name in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_malformed_config_file_is_named(tmp_path: Path, var: dict[str, str]) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("digest_time = [\n")
    proc = run("--config", str(cfg), "cases", "list", env=var)
    assert proc.returncode == 2 and "bad.toml" in proc.stderr


def test_classify_plain_text_as_json(var: dict[str, str]) -> None:
    text = "Beste, ik wil graag een kopie van al mijn gegevens die JCC software heeft.\n"
    proc = run("classify", "-", "--json", env=var, stdin=text)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"labels", "language", "company", "confidence"} <= set(data)
    assert data["labels"] == ["access"]
    assert data["candidates"][0] == {"label": "access", "probability": pytest.approx(1, abs=0.2)}
    assert data["language"] == "nl"
    assert data["company"] == "JCC Software"
    assert 0 <= data["confidence"] <= 1


def test_classify_a_whole_message_from_a_file(tmp_path: Path, var: dict[str, str]) -> None:
    eml = tmp_path / "m.eml"
    eml.write_bytes(
        b"From: Tom <tom@example.com>\r\nSubject: please delete my account\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Hi, I want you to erase all my personal data at Pharox. Thanks, Tom\r\n"
    )
    data = json.loads(run("classify", str(eml), "--json", env=var).stdout)
    assert data["labels"] == ["erasure"]
    assert data["language"] == "en"
    assert data["company"] == "Pharox"


def test_classify_a_missing_file_is_one_line(var: dict[str, str]) -> None:
    proc = run("classify", "/nonexistent/mail.eml", env=var)
    assert proc.returncode != 0 and "cannot read" in proc.stderr


def test_staff_accounts_and_unknown_staff(var: dict[str, str]) -> None:
    run("db", "upgrade", env=var)
    ok = run(
        "staff",
        "add",
        "Olga@Conxillium.nl",
        "--role",
        "officer",
        "--password-stdin",
        env=var,
        stdin="correct horse battery\n",
    )
    assert ok.returncode == 0, ok.stderr
    again = run("staff", "add", "olga@conxillium.nl", "--role", "viewer", env=var)
    assert again.returncode != 0 and "already" in again.stderr
    nobody = run(
        "drafts", "approve", "1", "--as", "mallory@example.nl", "--password-stdin",
        env=var, stdin="anything at all\n",
    )  # fmt: skip
    assert nobody.returncode != 0 and "unknown staff member" in nobody.stderr
    missing = run(
        "drafts", "approve", "1", "--as", "olga@conxillium.nl", "--password-stdin",
        env=var, stdin="correct horse battery\n",
    )  # fmt: skip
    assert missing.returncode != 0 and "no draft 1" in missing.stderr


def test_run_refuses_an_unknown_role(var: dict[str, str]) -> None:
    run("db", "upgrade", env=var)
    proc = run("run", "--only", "intake,mailman", env=var)
    assert proc.returncode != 0 and "mailman" in proc.stderr
