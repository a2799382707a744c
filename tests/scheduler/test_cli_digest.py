"""`privacybot digest` and `privacybot purge` as an operator runs them, and their settings."""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from privacybot.config import ConfigError, load_settings
from privacybot.db import migrate, repo
from privacybot.db.models import Case, OutboxItem
from privacybot.db.session import make_engine, transaction
from privacybot.service import cases
from tests.flow.helpers import mail, make_flow

PRIVACYBOT = [sys.executable, "-m", "privacybot.cli"]
ACCESS = "Ik wil graag inzage in mijn persoonsgegevens bij SIM."


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACYBOT_")}
    return subprocess.run(
        [*PRIVACYBOT, *args], env={**base, **env}, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def var(tmp_path: Path) -> dict[str, str]:
    env = {"PRIVACYBOT_VAR_DIR": str(tmp_path / "var")}
    assert run("db", "upgrade", env=env).returncode == 0
    return env


def db(env: dict[str, str]) -> str:
    return f"sqlite:///{env['PRIVACYBOT_VAR_DIR']}/privacybot.db"


@pytest.mark.slow  # another program: a subprocess or a server
def test_digest_dry_run_prints_it_and_sends_nothing(var: dict[str, str]) -> None:
    proc = run("digest", "--dry-run", env={**var, "PRIVACYBOT_STAFF_EMAILS": "fg@cx.nl"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Subject: Privacybot dagoverzicht ")
    assert "Niets te doen op" in proc.stdout
    html = run("digest", "--dry-run", "--html", env={**var, "PRIVACYBOT_DIGEST_LANGUAGE": "en"})
    assert html.returncode == 0 and html.stdout.startswith("<!DOCTYPE html>")
    assert "Nothing to do on" in html.stdout
    engine = make_engine(db(var))
    with Session(engine) as s:
        assert s.exec(select(OutboxItem)).all() == []
    engine.dispose()


@pytest.mark.slow  # another program: a subprocess or a server
def test_digest_sends_it_now_through_the_outbox(var: dict[str, str]) -> None:
    env = {**var, "PRIVACYBOT_STAFF_EMAILS": "fg@cx.nl,team@cx.nl"}
    proc = run("digest", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "queued for 2 recipient(s)" in proc.stdout
    again = run("digest", env=env)
    assert again.returncode == 0 and "#2 queued" in again.stdout
    engine = make_engine(db(var))
    with Session(engine) as s:
        items = s.exec(select(OutboxItem)).all()
    engine.dispose()
    assert sorted(i.to_address for i in items) == [
        "fg@cx.nl",
        "fg@cx.nl",
        "team@cx.nl",
        "team@cx.nl",
    ]
    assert all(email.message_from_bytes(i.raw)["Auto-Submitted"] == "auto-generated" for i in items)


@pytest.mark.slow  # another program: a subprocess or a server
def test_digest_without_recipients_says_so_in_one_line(var: dict[str, str]) -> None:
    proc = run("digest", env=var)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "PRIVACYBOT_STAFF_EMAILS" in proc.stderr


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("PRIVACYBOT_TIMEZONE", "Mars/Olympus_Mons", "unknown timezone"),
        ("PRIVACYBOT_DIGEST_TIME", "24:00", "PRIVACYBOT_DIGEST_TIME"),
        ("PRIVACYBOT_DIGEST_LANGUAGE", "fr", "PRIVACYBOT_DIGEST_LANGUAGE"),
        ("PRIVACYBOT_DASHBOARD_URL", "ftp://x", "PRIVACYBOT_DASHBOARD_URL"),
        ("PRIVACYBOT_DASHBOARD_URL", "https://u:secret@x/?q=1", "PRIVACYBOT_DASHBOARD_URL"),
        ("PRIVACYBOT_CASE_RETENTION_DAYS", "0", "at least 1"),
        ("PRIVACYBOT_CASE_RETENTION_DAYS", "-30", "at least 1"),
        ("PRIVACYBOT_CASE_RETENTION_DAYS", "a year", "PRIVACYBOT_CASE_RETENTION_DAYS"),
        ("PRIVACYBOT_OUTBOX_LEASE_SECONDS", "5", "PRIVACYBOT_OUTBOX_LEASE_SECONDS"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(name: str, value: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({name: value})
    assert fragment in str(info.value) and "secret" not in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.slow  # another program: a subprocess or a server
@pytest.mark.parametrize(
    ("command", "name", "value"),
    [
        (("digest", "--dry-run"), "PRIVACYBOT_TIMEZONE", "Mars/Olympus_Mons"),
        (("purge",), "PRIVACYBOT_CASE_RETENTION_DAYS", "0"),
    ],
)
def test_a_bad_setting_stops_the_command_with_exit_2(
    command: tuple[str, ...], name: str, value: str, var: dict[str, str]
) -> None:
    proc = run(*command, env={**var, name: value})
    assert proc.returncode == 2
    assert name in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_the_dashboard_url_is_kept_without_its_trailing_slash() -> None:
    settings = load_settings({"PRIVACYBOT_DASHBOARD_URL": "https://privacy.cx.nl/desk/"})
    assert settings.dashboard_url == "https://privacy.cx.nl/desk"
    assert load_settings({}).dashboard_url is None and load_settings({}).digest_language == "nl"


@pytest.mark.slow  # another program: a subprocess or a server
def test_purge_dry_run_lists_and_purge_removes(var: dict[str, str]) -> None:
    engine = make_engine(db(var))
    migrate.check_up_to_date(engine)
    flow = make_flow(engine)
    now = datetime.now(UTC)
    flow.clock.current = now - timedelta(days=500)
    flow.receive(mail(ACCESS))
    with transaction(engine) as s:
        [case] = s.exec(select(Case)).all()
        cases.close(s, case, staff="officer@cx.nl", now=now - timedelta(days=400))
        reference = case.reference
    dry = run("purge", "--dry-run", env=var)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("would purge (retention 365 days") and reference in dry.stdout
    as_json = json.loads(run("purge", "--dry-run", "--json", env=var).stdout)
    assert [c["reference"] for c in as_json["cases"]] == [reference]
    with Session(engine) as s:
        assert repo.case_by_reference(s, reference).purged_at is None  # type: ignore[union-attr]
    done = run("purge", env=var)
    assert done.returncode == 0 and done.stdout.startswith("purged ") and reference in done.stdout
    with Session(engine) as s:
        purged = repo.case_by_reference(s, reference)
        assert purged is not None and purged.purged_at is not None
        [event] = [e for e in repo.events_for(s, purged) if e.action == "purged"]
    assert event.actor.startswith("operator:")
    assert run("purge", env=var).stdout.startswith("nothing to purge today")
    engine.dispose()
