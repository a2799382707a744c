"""Issue 9, points 7 and 8: staff sign-in resists guessing, and a typed name proves nothing."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from privacybot import staff
from privacybot.clock import FixedClock
from privacybot.db.session import transaction
from privacybot.staff import add_staff, create_token
from privacybot.web.app import create_app
from tests.test_cli import run

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
PASSWORD = "lang genoeg wachtwoord"


@pytest.fixture
def officer(engine: Engine) -> str:
    with transaction(engine) as s:
        add_staff(s, email="olga@conxillium.nl", role="officer", password=PASSWORD, now=T0)
    return "olga@conxillium.nl"


def test_guessing_a_staff_password_is_slowed_to_a_crawl(engine: Engine, officer: str) -> None:
    clock = FixedClock(T0)
    client = TestClient(create_app(engine, clock))
    answers = [client.get("/api/cases", auth=(officer, f"gok {n}")) for n in range(300)]
    checked = [a for a in answers if a.status_code == 401]
    locked = [a for a in answers if a.status_code == 429]
    assert len(checked) == staff.ACCOUNT_FREE_FAILURES
    assert len(locked) == 300 - staff.ACCOUNT_FREE_FAILURES
    assert int(locked[-1].headers["Retry-After"]) >= 1
    # While locked, the right password is refused too: a hit cannot be told from a miss.
    assert client.get("/api/cases", auth=(officer, PASSWORD)).status_code == 429
    clock.advance(timedelta(minutes=16))
    assert client.get("/api/cases", auth=(officer, PASSWORD)).status_code == 200


def test_each_lockout_is_longer_than_the_one_before(engine: Engine, officer: str) -> None:
    clock = FixedClock(T0)
    client = TestClient(create_app(engine, clock))
    waits: list[int] = []
    for _ in range(staff.ACCOUNT_FREE_FAILURES + 4):
        answer = client.get("/api/cases", auth=(officer, "fout"))
        if answer.status_code == 429:
            waits.append(int(answer.headers["Retry-After"]))
            clock.advance(timedelta(seconds=waits[-1]))
            answer = client.get("/api/cases", auth=(officer, "fout"))
    assert waits == sorted(waits) and len(set(waits)) == len(waits) >= 3


def test_an_unknown_account_costs_the_same_work_as_a_known_one(
    engine: Engine, officer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashes: list[str] = []
    real = staff.verify_password

    def counting(password: str, stored: str) -> bool:
        hashes.append(stored)
        return real(password, stored)

    monkeypatch.setattr(staff, "verify_password", counting)
    client = TestClient(create_app(engine, FixedClock(T0)))
    assert client.get("/api/cases", auth=("nobody@conxillium.nl", "fout")).status_code == 401
    assert client.get("/api/cases", auth=(officer, "fout")).status_code == 401
    unknown, known = hashes
    assert unknown.startswith("$argon2id$") and known.startswith("$argon2id$")
    assert unknown.split("$")[3] == known.split("$")[3]  # the same cost parameters


def test_one_client_guessing_many_accounts_is_locked_out(engine: Engine) -> None:
    client = TestClient(create_app(engine, FixedClock(T0)))
    codes = [
        client.get("/api/cases", auth=(f"guess{n}@conxillium.nl", "fout")).status_code
        for n in range(staff.CLIENT_FREE_FAILURES + 3)
    ]
    assert codes[: staff.CLIENT_FREE_FAILURES] == [401] * staff.CLIENT_FREE_FAILURES
    assert set(codes[staff.CLIENT_FREE_FAILURES :]) == {429}


def test_failed_sign_ins_are_logged_without_the_password(
    engine: Engine, officer: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client = TestClient(create_app(engine, FixedClock(T0)))
    client.get("/api/cases", auth=(officer, "geheim-gok-123"))
    client.get("/api/cases", auth=("nobody@conxillium.nl", "geheim-gok-456"))
    failures = [r.getMessage() for r in caplog.records if "sign-in failed" in r.getMessage()]
    assert len(failures) == 2
    assert officer in failures[0] and "(unknown)" in failures[1]
    assert "geheim-gok" not in caplog.text and "nobody@" not in caplog.text


def test_the_api_description_is_for_signed_in_staff_only(engine: Engine, officer: str) -> None:
    client = TestClient(create_app(engine, FixedClock(T0)))
    for path in ("/docs", "/openapi.json", "/redoc"):
        assert client.get(path).status_code in (401, 404), path
    assert client.get("/openapi.json", auth=(officer, PASSWORD)).status_code == 200


def test_a_personal_token_works_until_the_account_is_disabled(engine: Engine) -> None:
    with transaction(engine) as s:
        member = add_staff(s, email="bram@conxillium.nl", role="officer", password=None, now=T0)
        s.flush()
        token = create_token(s, member, "laptop", T0)
    client = TestClient(create_app(engine, FixedClock(T0)))
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/cases", headers=bearer).status_code == 200
    forged = {"Authorization": f"Bearer {token[:-2]}xx"}
    assert client.get("/api/cases", headers=forged).status_code == 401
    with transaction(engine) as s:
        staff.disable(s, "bram@conxillium.nl", T0, "operator:test")
    assert client.get("/api/cases", headers=bearer).status_code == 401


# --- 8. four eyes cannot be bypassed by typing a name ---------------------------------


@pytest.fixture
def cli(tmp_path: Path) -> dict[str, str]:
    """Real CLI processes (slow): every test using this fixture is marked slow."""
    env = {"PRIVACYBOT_VAR_DIR": str(tmp_path / "var")}
    assert run("db", "upgrade", env=env).returncode == 0
    for who in ("olga@conxillium.nl", "bram@conxillium.nl"):
        added = run(
            "staff", "add", who, "--role", "officer", "--password-stdin", env=env,
            stdin=f"{who} wachtwoord\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    return env


@pytest.mark.slow
def test_approving_by_typing_a_name_is_refused(cli: dict[str, str]) -> None:
    typed = run("drafts", "approve", "1", "--as", "olga@conxillium.nl", env=cli)
    assert typed.returncode != 0 and "prove you are olga@conxillium.nl" in typed.stderr


@pytest.mark.slow
def test_a_wrong_password_approves_nothing(cli: dict[str, str]) -> None:
    wrong = run(
        "drafts", "approve", "1", "--as", "olga@conxillium.nl", "--password-stdin",
        env=cli, stdin="bram@conxillium.nl wachtwoord\n",
    )  # fmt: skip
    assert wrong.returncode != 0 and "wrong password" in wrong.stderr
    right = run(
        "drafts", "approve", "1", "--as", "olga@conxillium.nl", "--password-stdin",
        env=cli, stdin="olga@conxillium.nl wachtwoord\n",
    )  # fmt: skip
    assert right.returncode != 0 and "no draft 1" in right.stderr  # proven; nothing to approve


@pytest.mark.slow
def test_another_officers_token_does_not_prove_a_name(cli: dict[str, str]) -> None:
    made = run(
        "staff", "token", "bram@conxillium.nl", "--password-stdin", env=cli,
        stdin="bram@conxillium.nl wachtwoord\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    as_olga = run(
        "drafts", "approve", "1", "--as", "olga@conxillium.nl",
        env={**cli, "PRIVACYBOT_STAFF_TOKEN": token},
    )  # fmt: skip
    assert as_olga.returncode != 0 and "not a live token of olga" in as_olga.stderr
    as_bram = run(
        "drafts", "approve", "1", "--as", "bram@conxillium.nl",
        env={**cli, "PRIVACYBOT_STAFF_TOKEN": token},
    )  # fmt: skip
    assert "no draft 1" in as_bram.stderr


@pytest.mark.slow
def test_an_operator_password_reset_is_on_the_record_and_kills_old_tokens(
    cli: dict[str, str],
) -> None:
    token = run(
        "staff", "token", "olga@conxillium.nl", "--password-stdin", env=cli,
        stdin="olga@conxillium.nl wachtwoord\n",
    ).stdout.strip()  # fmt: skip
    reset = run(
        "staff", "reset-password", "olga@conxillium.nl", "--password-stdin", env=cli,
        stdin="een heel nieuw wachtwoord\n",
    )  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    old = run(
        "drafts", "approve", "1", "--as", "olga@conxillium.nl",
        env={**cli, "PRIVACYBOT_STAFF_TOKEN": token},
    )  # fmt: skip
    assert "not a live token" in old.stderr
    accounts = json.loads(run("staff", "list", "--json", env=cli).stdout)
    assert {a["email"] for a in accounts} == {"olga@conxillium.nl", "bram@conxillium.nl"}
    from privacybot.db.models import AuditEvent
    from privacybot.db.session import make_engine

    engine = make_engine(f"sqlite:///{Path(cli['PRIVACYBOT_VAR_DIR']) / 'privacybot.db'}")
    with transaction(engine) as s:
        from sqlmodel import select

        events = s.exec(select(AuditEvent).where(AuditEvent.action == "staff_password_reset")).all()
        assert [e.actor.split(":")[0] for e in events] == ["operator"]
    engine.dispose()
