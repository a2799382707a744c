"""Alembic environment: the engine comes from privacybot.db.migrate, never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import privacybot.db.chat_models  # noqa: F401  (the Telegram tables, issue 15)
import privacybot.db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `privacybot db upgrade`")
run_migrations_online()
