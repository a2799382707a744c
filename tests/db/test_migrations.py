"""Every migration runs up and down, and the models agree with the migrations."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from privacybot.db import migrate
from privacybot.db.session import make_engine


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config_for_scripts())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_every_migration_goes_up_and_down_step_by_step(db_url: str) -> None:
    engine = make_engine(db_url)
    revisions = _revisions()
    assert revisions, "no migrations found"
    for rev in revisions:
        migrate.upgrade(engine, rev)
        assert migrate.current_revision(engine) == rev
    assert "case" in inspect(engine).get_table_names()
    for previous in reversed([None, *revisions[:-1]]):
        migrate.downgrade(engine, previous or "base")
        assert migrate.current_revision(engine) == previous
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_models_and_migrations_agree(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == [], f"models differ from migrations, write a migration: {diff}"


def test_an_old_database_is_refused_until_upgraded(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate.check_up_to_date(engine)
    except migrate.SchemaOutOfDate as exc:
        assert "privacybot db upgrade" in str(exc)
    else:
        raise AssertionError("an empty database passed the schema check")
    migrate.upgrade(engine)
    migrate.check_up_to_date(engine)
    engine.dispose()
