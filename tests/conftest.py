"""Shared fixtures: databases here, real servers on loopback in tests/servers.py.

`db_url` runs a test on SQLite always and on PostgreSQL when
PRIVACYBOT_TEST_DATABASE_URL is set (CI sets it); each PostgreSQL test gets a schema
of its own, so tests never see each other's rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the SQLite variant of a postgresql_only test: it is not a test at all."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        spec = getattr(item, "callspec", None)
        on_sqlite = spec is not None and spec.params.get("db_url") == "sqlite"
        marked = item.get_closest_marker("postgresql_only") is not None
        (dropped if on_sqlite and marked else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


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
