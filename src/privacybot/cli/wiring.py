"""What commands take from outside: settings, the database, the clock, the desk, the operator."""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacybot.config import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine


def settings_of(args: argparse.Namespace) -> Settings:
    return load_settings(config_file=Path(args.config) if args.config else None)


def open_db(args: argparse.Namespace) -> tuple[Settings, Engine]:
    """The settings and an engine on a database whose schema is up to date."""
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    settings = settings_of(args)
    engine = make_engine(settings.database_url.reveal())
    migrate.check_up_to_date(engine)
    return settings, engine


def now() -> datetime:
    from privacybot.clock import SystemClock

    return SystemClock().now()


def desk_of(settings: Settings) -> Any:
    from privacybot.runner import Service

    return Service(settings, ()).desk()


def operator() -> str:
    """Who ran an account command on this host: shown in the audit trail as such."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in a container
        user = str(os.getuid())
    return f"operator:{user}@{socket.gethostname()}"
