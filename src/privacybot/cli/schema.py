"""`db upgrade`: bring the database schema up to this version."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from privacybot.cli.wiring import settings_of

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    dbsub = commands.group("db", "database schema (`db upgrade` after every install)")
    up = dbsub.add_parser("upgrade", help="bring the database schema up to this version")
    up.set_defaults(func=cmd_db_upgrade)


def cmd_db_upgrade(args: argparse.Namespace) -> None:
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    settings = settings_of(args)
    engine = make_engine(settings.database_url.reveal())
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    if before == after:
        print(f"database already at {after}")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")
