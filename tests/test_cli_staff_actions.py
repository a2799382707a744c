"""Staff actions from the CLI on a real case: extend, refuse, edit in $EDITOR, close (R5, R11)."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest
from sqlmodel import Session, select

from privacybot.db import migrate
from privacybot.db.models import AuditEvent, Case
from privacybot.db.session import make_engine
from privacybot.domain import CaseStatus
from tests.flow.helpers import mail, make_flow
from tests.test_cli import run as run_cli

#: Each test runs the CLI as a separate process: real, and slow (scripts/test --fast skips).
pytestmark = pytest.mark.slow

PASSWORD = "een lang wachtwoord"
#: Personal tokens made in `setup`, by staff address: each `--as` proves itself with one.
TOKENS: dict[str, str] = {}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI, with the acting staff member's own token when the command names one."""
    env = dict(env or {})
    if "--as" in args:
        who = args[args.index("--as") + 1]
        env.setdefault("PRIVACYBOT_STAFF_TOKEN", TOKENS.get(who, ""))
    return run_cli(*args, env=env)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[dict[str, str], str]:
    var = tmp_path / "var"
    env = {"PRIVACYBOT_VAR_DIR": str(var)}
    assert run("db", "upgrade", env=env).returncode == 0
    engine = make_engine(f"sqlite:///{var / 'privacybot.db'}")
    migrate.check_up_to_date(engine)
    flow = make_flow(engine)
    # Today is after 2026-06-29, so put the case in the future for the extension window.
    flow.clock.current = flow.clock.current.replace(year=2027)
    flow.receive(mail("Ik wil graag inzage in al mijn gegevens bij Pharox."))
    [case] = flow.cases()
    engine.dispose()
    roles = {
        "olga@conxillium.nl": "officer",
        "bram@conxillium.nl": "officer",
        "vera@conxillium.nl": "viewer",
    }
    for who, role in roles.items():
        added = run_cli(
            "staff", "add", who, "--role", role, "--password-stdin", env=env, stdin=PASSWORD
        )
        assert added.returncode == 0, added.stderr
        token = run_cli("staff", "token", who, "--password-stdin", env=env, stdin=PASSWORD)
        assert token.returncode == 0, token.stderr
        TOKENS[who] = token.stdout.strip()
    return env, case.reference


def test_R5_extend_drafts_the_notice_and_refuses_a_second_time(
    setup: tuple[dict[str, str], str],
) -> None:
    env, ref = setup
    proc = run(
        "cases", "extend", ref, "--as", "olga@conxillium.nl", "--reason", "acht systemen", env=env
    )
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(run("cases", "show", ref, "--json", env=env).stdout)
    assert shown["extended_due"] == "2027-09-01"
    drafts = json.loads(run("drafts", "list", "--json", env=env).stdout)
    notice = [d for d in drafts if d["kind"] == "extension_notice"]
    assert len(notice) == 1 and notice[0]["status"] == "awaiting_approval"
    again = run("cases", "extend", ref, "--as", "olga@conxillium.nl", "--reason", "x", env=env)
    assert again.returncode != 0 and "already extended" in again.stderr


def test_R11_a_refusal_needs_an_officer_and_a_listed_ground(
    setup: tuple[dict[str, str], str],
) -> None:
    env, ref = setup
    viewer = run(
        "cases",
        "refuse",
        ref,
        "--as",
        "vera@conxillium.nl",
        "--ground",
        "excessive",
        "--reason",
        "x",
        env=env,
    )
    assert viewer.returncode != 0 and "viewer" in viewer.stderr
    bad = run(
        "cases",
        "refuse",
        ref,
        "--as",
        "olga@conxillium.nl",
        "--ground",
        "too_busy",
        "--reason",
        "x",
        env=env,
    )
    assert bad.returncode != 0 and "unknown refusal ground" in bad.stderr
    ok = run(
        "cases",
        "refuse",
        ref,
        "--as",
        "olga@conxillium.nl",
        "--ground",
        "excessive",
        "--reason",
        "Vier identieke verzoeken deze week.",
        env=env,
    )
    assert ok.returncode == 0, ok.stderr
    events = json.loads(run("cases", "show", ref, "--json", env=env).stdout)["events"]
    decided = [e for e in events if e["action"] == "refused"]
    assert decided and decided[0]["actor"] == "olga@conxillium.nl"
    assert decided[0]["detail"]["ground"] == "excessive"


def test_edit_in_the_editor_then_another_officer_approves(
    setup: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, ref = setup
    drafts = json.loads(run("drafts", "list", "--json", env=env).stdout)
    ack = drafts[0]
    assert ack["status"] == "queued"
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Nieuwe tekst van de redactie.\\n" > "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    queued = run(
        "drafts",
        "edit",
        str(ack["id"]),
        "--as",
        "olga@conxillium.nl",
        env={**env, "EDITOR": str(editor)},
    )
    assert queued.returncode != 0 and "not awaiting approval" in queued.stderr
    run("cases", "extend", ref, "--as", "olga@conxillium.nl", "--reason", "veel werk", env=env)
    notice = [
        d
        for d in json.loads(run("drafts", "list", "--json", env=env).stdout)
        if d["kind"] == "extension_notice"
    ][0]
    edited = run(
        "drafts",
        "edit",
        str(notice["id"]),
        "--as",
        "olga@conxillium.nl",
        env={**env, "EDITOR": str(editor)},
    )
    assert edited.returncode == 0, edited.stderr
    same = run("drafts", "approve", str(notice["id"]), "--as", "olga@conxillium.nl", env=env)
    assert same.returncode != 0 and "another officer" in same.stderr
    other = run("drafts", "approve", str(notice["id"]), "--as", "bram@conxillium.nl", env=env)
    assert other.returncode == 0, other.stderr
    rejected = run(
        "drafts",
        "reject",
        str(notice["id"]),
        "--as",
        "bram@conxillium.nl",
        "--reason",
        "te laat",
        env=env,
    )
    assert rejected.returncode != 0


def test_close_is_recorded_and_final(setup: tuple[dict[str, str], str]) -> None:
    env, ref = setup
    assert run("cases", "close", ref, "--as", "bram@conxillium.nl", env=env).returncode == 0
    shown = json.loads(run("cases", "show", ref, "--json", env=env).stdout)
    assert shown["status"] == "closed"
    again = run("cases", "close", ref, "--as", "bram@conxillium.nl", env=env)
    assert again.returncode != 0 and "already closed" in again.stderr
    engine = make_engine(f"sqlite:///{Path(env['PRIVACYBOT_VAR_DIR']) / 'privacybot.db'}")
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        closed = s.exec(select(AuditEvent).where(AuditEvent.action == "closed")).all()
    assert case.closed_at is not None
    assert closed[-1].actor == "bram@conxillium.nl"
    assert case.status == CaseStatus.CLOSED
    engine.dispose()


def test_cases_show_prints_plain_values_not_python_reprs(
    setup: tuple[dict[str, str], str],
) -> None:
    env, ref = setup
    text = run("cases", "show", ref, env=env).stdout
    head = text.split("timeline:")[0]
    assert "rights:" in head and "['" not in head and "None" not in head
    assert "True" not in head and "False" not in head
    assert "parent case:" in head and "parent_case_id" not in head
