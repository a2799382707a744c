"""Failures as the operator sees them: one line on stderr and an exit code, no traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from sqlalchemy.exc import OperationalError, ProgrammingError

from privacybot.cli.wiring import settings_of
from privacybot.config import ConfigError
from privacybot.db.migrate import SchemaOutOfDate


class CommandError(Exception):
    """A one-line reason for a non-zero exit."""


@contextmanager
def refused_as_command_error(*errors: type[Exception]) -> Iterator[None]:
    """A use case's refusal (one of ``errors``) becomes the command's one-line reason."""
    try:
        yield
    except errors as exc:
        raise CommandError(str(exc)) from exc


def run_command(args: argparse.Namespace) -> None:
    """Run the parsed command; exit 2 for settings, 1 for the rest, 130 interrupted."""
    try:
        args.func(args)
    except ConfigError as exc:
        _fail(str(exc), 2)
    except CommandError as exc:
        _fail(str(exc))
    except SchemaOutOfDate as exc:
        _fail(str(exc))
    except (OperationalError, ProgrammingError) as exc:
        _fail(_database_problem(exc, args))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(141) from None


def _fail(message: str, code: int = 1) -> NoReturn:
    print(f"privacybot: {message}", file=sys.stderr)
    raise SystemExit(code)


def _database_problem(exc: Exception, args: argparse.Namespace) -> str:
    """Name the database without its password and the driver's first line, no traceback."""
    try:
        where = settings_of(args).database_url_redacted
    except ConfigError:
        where = "the database"
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return f"cannot use {where}: {first}"
