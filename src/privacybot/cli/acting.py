"""Who acts, proven: a staff command runs only as a member who showed a token or password."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.wiring import desk_of, now, open_db
from privacybot.config import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

_STDIN_REST: list[str] = []


def acting_args(p: argparse.ArgumentParser) -> None:
    """``--as STAFF`` and how to prove it."""
    p.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the acting staff member's password from the first line of standard input "
        "(or set PRIVACYBOT_STAFF_TOKEN)",
    )


@dataclass(frozen=True)
class Acting:
    """A proven staff member about to act, with what the use case needs."""

    settings: Settings
    engine: Engine
    desk: Any
    staff: str
    now: datetime

    @contextmanager
    def transaction(self, refusals: tuple[type[Exception], ...]) -> Iterator[Session]:
        """One transaction; a refusal in ``refusals`` rolls it back and ends the command."""
        from privacybot.db.session import transaction

        with refused_as_command_error(*refusals), transaction(self.engine) as session:
            yield session


def acting(args: argparse.Namespace, *, desk: bool = True) -> Acting:
    """Open the database, build the desk (unless not needed), prove ``--as``."""
    settings, engine = open_db(args)
    the_desk = desk_of(settings) if desk else None
    staff = prove(args, engine).email
    return Acting(settings, engine, the_desk, staff, now())


def stdin_rest() -> str | None:
    """What standard input held after the password line, if the password was read from it."""
    return _STDIN_REST[0] if _STDIN_REST else None


def _stdin_password() -> str:
    """The first line of standard input; the rest stays for ``--file -``."""
    data = sys.stdin.read()
    first, _, rest = data.partition("\n")
    _STDIN_REST[:] = [rest]
    return first.rstrip("\r")


def prove(args: argparse.Namespace, engine: Engine) -> Any:
    """Who is acting, proven: a personal token or the staff member's own password.

    ``--as`` alone names someone; four eyes need the name to be theirs. A token in
    PRIVACYBOT_STAFF_TOKEN must belong to that member; otherwise the password comes
    from ``--password-stdin`` (its first line) or a prompt on a terminal.
    """
    import getpass
    import socket

    from privacybot.staff import Client, SignInRefused, identify_by_token, sign_in

    at = now()
    token = os.environ.get("PRIVACYBOT_STAFF_TOKEN", "").strip()
    if token:
        identity = identify_by_token(engine, token, at)
        if identity is None or identity.email != args.staff.strip().lower():
            raise CommandError(f"PRIVACYBOT_STAFF_TOKEN is not a live token of {args.staff}")
        return identity
    if getattr(args, "password_stdin", False):
        password = _stdin_password()
    elif sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.staff}: ")
    else:
        raise CommandError(
            f"prove you are {args.staff}: --password-stdin, a terminal prompt, "
            "or a personal token in PRIVACYBOT_STAFF_TOKEN (`privacybot staff token EMAIL`)"
        )
    client = Client(f"cli:{os.getuid()}@{socket.gethostname()}")
    try:
        return sign_in(engine, args.staff, password, client, at)
    except SignInRefused as exc:
        raise CommandError(str(exc)) from exc
