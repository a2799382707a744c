"""A throw-away PostgreSQL schema for a bench run, and the bench's database URL.

The benches that need PostgreSQL take ``--database-url`` or, failing that,
``PRIVACYBOT_TEST_DATABASE_URL`` (the one the tests use); each run gets a schema of
its own, dropped afterwards, so nothing is left behind and runs never mix.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text


def database_url(given: str | None) -> str | None:
    return given or os.environ.get("PRIVACYBOT_TEST_DATABASE_URL") or None


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """The URL of a fresh, empty schema on ``url``'s server."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
