"""Shared fixtures: databases here, real servers on loopback in tests/servers.py.

`db_url` runs a test on SQLite always and on PostgreSQL when
PRIVACYBOT_TEST_DATABASE_URL is set (CI sets it); each PostgreSQL test gets a schema
of its own, so tests never see each other's rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import Engine

from privacybot import staff
from tests.dbtemplate import Recorded, create_schema, drop_schema, schema_url

pytest_plugins = ["tests.servers"]

PG_URL = os.environ.get("PRIVACYBOT_TEST_DATABASE_URL")
NO_PG = "PostgreSQL not configured: set PRIVACYBOT_TEST_DATABASE_URL (see scripts/start-postgres)"


@pytest.fixture(autouse=True)
def _no_privacybot_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never inherit an operator's settings; each gets its own var dir."""
    for name in list(os.environ):
        if name.startswith("PRIVACYBOT_") and name != "PRIVACYBOT_TEST_DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("PRIVACYBOT_VAR_DIR", str(tmp_path / "var"))


def pg_schema_url() -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards."""
    assert PG_URL
    schema = create_schema(PG_URL)
    try:
        yield schema_url(PG_URL, schema)
    finally:
        drop_schema(PG_URL, schema)


#: Fixtures that start a real server or another program (tests/servers.py, the loop and
#: outbox relays, the fake Telegram API): a test using one is end to end, marked ``slow``
#: whatever else it does, so ``scripts/test --fast`` is the in-process suite.
END_TO_END_FIXTURES = frozenset(
    {
        "pymap_server",
        "dovecot_factory",
        "dovecot_server",
        "imap_server",
        "smtp_sink",
        "relay",
        "privacybot_factory",
        "scripted_relay",
        "silent_server",
        "bot_api",
    }
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark end-to-end tests ``slow`` (before ``-m`` selects), and leave out the SQLite
    variant of a postgresql_only test: it is not a test at all."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        if END_TO_END_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        spec = getattr(item, "callspec", None)
        on_sqlite = spec is not None and spec.params.get("db_url") == "sqlite"
        marked = item.get_closest_marker("postgresql_only") is not None
        (dropped if on_sqlite and marked else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


#: argon2-cffi's own defaults, kept for the tests that check what production uses.
REAL_HASHER = staff._hasher


@pytest.fixture(autouse=True)
def _cheap_password_hashes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Staff passwords hash at the lowest argon2id cost in tests, unless a test is marked
    ``real_password_cost``: the production cost (tens of milliseconds a hash, on purpose)
    spent a third of the in-process suite's time on sign-ins.  Hashes still say
    ``$argon2id$`` and verify the same way; `tests/test_staff.py` checks the real cost."""
    if request.node.get_closest_marker("real_password_cost"):
        return
    monkeypatch.setattr(staff, "_hasher", _cheap_hasher)
    monkeypatch.setattr(staff, "_dummy_hash", _cheap_dummy_hash)


@cache
def _cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@cache
def _cheap_dummy_hash() -> str:
    return _cheap_hasher().hash("nobody knows this")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_URL:
        pytest.skip(NO_PG)
    yield from pg_schema_url()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.dbtemplate import sqlite_template

    return sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def _pg_recording() -> Recorded | None:
    from tests.dbtemplate import pg_recording

    return pg_recording(PG_URL) if PG_URL else None


@pytest.fixture
def engine(db_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database at the head revision (tests/dbtemplate.py: migrated once per session)."""
    from privacybot.db import migrate
    from privacybot.db.session import make_engine
    from tests.dbtemplate import lay_sqlite

    if db_url.startswith("sqlite:///"):
        ready = lay_sqlite(request.getfixturevalue("_sqlite_template"), db_url)
        eng = make_engine(db_url)
    else:
        eng = make_engine(db_url)
        recorded = request.getfixturevalue("_pg_recording")
        ready = recorded is not None
        if recorded is not None:
            recorded.replay(eng)
    if not ready:
        migrate.upgrade(eng)
    yield eng
    eng.dispose()
