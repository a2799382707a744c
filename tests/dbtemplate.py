"""A migrated database per test without migrating it per test.

Running every Alembic revision for each of ~2,500 database tests cost about 0.15 s a
test, most of the suite's time. The migrations run once per session instead: on SQLite
into a template file that each test copies; on PostgreSQL into a template schema whose
statements are recorded and replayed into each test's own schema in one transaction.
The replay is checked once against the template (same tables, columns and indexes), and
a mismatch falls back to migrating per test, so a test never runs on a schema that
differs from what `privacybot db upgrade` makes. Migrations themselves stay tested in
tests/db/test_migrations.py, which migrates for real.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from privacybot.db import migrate
from privacybot.db.session import make_engine

#: Statements Alembic and the driver use to look around; replaying them is pointless.
_LOOKING = ("select", "show")


@dataclass
class Recorded:
    """The statements one full upgrade sent, with their parameters, in order."""

    statements: list[tuple[str, Any, bool]] = field(default_factory=list)

    def replay(self, engine: Engine) -> None:
        """Send the statements again; runs of plain DDL go as one batch (one round trip)."""
        with engine.begin() as conn:
            cursor = conn.connection.cursor()
            batch: list[str] = []
            for statement, parameters, many in self.statements:
                if not many and not parameters:
                    batch.append(statement)
                    continue
                if batch:
                    cursor.execute(";\n".join(batch))
                    batch = []
                if many:
                    cursor.executemany(statement, parameters)
                else:
                    cursor.execute(statement, parameters)
            if batch:
                cursor.execute(";\n".join(batch))


def schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def sqlite_template(directory: Path) -> Path:
    """A SQLite file at the head revision."""
    path = directory / "migrated.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


def lay_sqlite(template: Path, url: str) -> bool:
    """Copy the template to the file ``url`` names, if the test has not made one yet."""
    target = Path(url.removeprefix("sqlite:///"))
    if target.exists():
        return False
    shutil.copyfile(template, target)
    return True


def _shape(url: str, schema: str) -> list[tuple[str, ...]]:
    """Tables, columns and index definitions of ``schema``, without the schema's name."""
    admin = create_engine(url)
    try:
        with admin.connect() as conn:
            columns = conn.execute(
                text(
                    "SELECT table_name, column_name, data_type, is_nullable, "
                    "coalesce(column_default, '') FROM information_schema.columns "
                    "WHERE table_schema = :s ORDER BY 1, 2"
                ),
                {"s": schema},
            ).all()
            indexes = conn.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = :s ORDER BY 1"),
                {"s": schema},
            ).all()
            version = conn.execute(text(f"SELECT version_num FROM {schema}.alembic_version")).all()
    finally:
        admin.dispose()
    shape = [tuple(str(v).replace(schema, "S") for v in row) for row in columns]
    shape += [tuple(str(v).replace(schema, "S") for v in row) for row in indexes]
    shape += [tuple(row) for row in version]
    return shape


def create_schema(url: str) -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    return schema


def drop_schema(url: str, schema: str) -> None:
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def pg_recording(url: str) -> Recorded | None:
    """Record one upgrade into a scratch schema; None when a replay would differ."""
    recorded = Recorded()
    template = create_schema(url)
    check = create_schema(url)
    try:
        engine = make_engine(schema_url(url, template))

        def keep(
            conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
        ) -> None:
            if not statement.lstrip().lower().startswith(_LOOKING):
                recorded.statements.append((statement, parameters, many))

        event.listen(engine, "before_cursor_execute", keep)
        migrate.upgrade(engine)
        engine.dispose()
        replayed = make_engine(schema_url(url, check))
        recorded.replay(replayed)
        replayed.dispose()
        same = _shape(url, template) == _shape(url, check)
    finally:
        drop_schema(url, template)
        drop_schema(url, check)
    return recorded if same else None
