"""The commands of CONTRACT.md: parse arguments, wire the edges, print one result.

Every failure ends as one line on stderr and a non-zero exit, never a traceback: the
operator needs to know which setting or input is wrong, not where in the code it broke.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.exc import OperationalError, ProgrammingError

from privacybot.config import ConfigError, Settings, load_settings
from privacybot.db.migrate import SchemaOutOfDate

log = logging.getLogger("privacybot")


class CommandError(Exception):
    """A one-line reason for a non-zero exit."""


def _fail(message: str, code: int = 1) -> NoReturn:
    print(f"privacybot: {message}", file=sys.stderr)
    raise SystemExit(code)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(config_file=Path(args.config) if args.config else None)


# --- commands -----------------------------------------------------------------------


def cmd_deadline(args: argparse.Namespace) -> None:
    from privacybot.cases.deadline import due_date, extended_due, load_calendar

    try:
        received = date.fromisoformat(args.date)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {args.date!r}") from exc
    settings = _settings(args)
    calendar = load_calendar(settings.equated_days_file)
    result = extended_due(received, calendar) if args.extended else due_date(received, calendar)
    print(result.isoformat())


def cmd_classify(args: argparse.Namespace) -> None:
    from privacybot.triage.pipeline import classify_input

    if args.file in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
    settings = _settings(args)
    result, problems = classify_input(data, args.subject, min_confidence=settings.min_confidence)
    if args.json:
        _print_json(result.as_json())
        return
    print(f"labels:     {', '.join(label.value for label in result.labels)}")
    print(f"language:   {result.language.value}")
    print(f"company:    {result.company or '-'}")
    print(f"confidence: {result.confidence:.2f}")
    for problem in problems:
        print(f"problem:    {problem}")


def cmd_db_upgrade(args: argparse.Namespace) -> None:
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    settings = _settings(args)
    engine = make_engine(settings.database_url.reveal())
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    if before == after:
        print(f"database already at {after}")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")


def _open_db(args: argparse.Namespace) -> Any:
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    settings = _settings(args)
    engine = make_engine(settings.database_url.reveal())
    migrate.check_up_to_date(engine)
    return settings, engine


def cmd_cases_list(args: argparse.Namespace) -> None:
    from privacybot.db import repo
    from privacybot.db.session import transaction
    from privacybot.views import case_json

    _, engine = _open_db(args)
    with transaction(engine) as session:
        rows = [case_json(c, repo.requester_of(session, c)) for c in repo.list_cases(session)]
    if args.json:
        _print_json(rows)
        return
    if not rows:
        print("no cases")
        return
    for row in rows:
        print(
            f"{row['reference']}  {row['status']:<22} due {row['extended_due'] or row['due']}  "
            f"{','.join(row['rights']) or '-':<28} {row['company'] or '-'}"
        )


def cmd_cases_show(args: argparse.Namespace) -> None:
    from privacybot.db import repo
    from privacybot.db.session import transaction
    from privacybot.views import case_detail_json

    _, engine = _open_db(args)
    with transaction(engine) as session:
        case = repo.case_by_reference(session, args.reference)
        if case is None:
            raise CommandError(f"no case {args.reference}")
        data = case_detail_json(
            case, repo.requester_of(session, case), repo.events_for(session, case)
        )
    if args.json:
        _print_json(data)
        return
    for key, value in data.items():
        if key != "events":
            print(f"{key + ':':<15}{value}")
    print("events:")
    for ev in data["events"]:
        print(f"  {ev['at']}  {ev['actor']:<20} {ev['action']}  {json.dumps(ev['detail'])}")


# --- parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privacybot", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="TOML settings file (the environment wins)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, fn: Callable[[argparse.Namespace], None], help: str, **kw: Any) -> Any:
        p = sub.add_parser(name, help=help, **kw)
        p.add_argument("--config", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
        p.set_defaults(func=fn)
        return p

    p = add("deadline", cmd_deadline, "due date for a request received on DATE")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument("--extended", action="store_true", help="the extended term (art. 12(3))")

    p = add("classify", cmd_classify, "classify one message (text or RFC 822)")
    p.add_argument("file", nargs="?", metavar="FILE|-")
    p.add_argument("--subject", default=None)
    p.add_argument("--json", action="store_true")

    db = add("db", lambda a: None, "database commands")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="SUBCOMMAND")
    up = dbsub.add_parser("upgrade", help="apply migrations")
    up.set_defaults(func=cmd_db_upgrade)

    cases = add("cases", lambda a: None, "tracked cases")
    csub = cases.add_subparsers(dest="cases_command", required=True, metavar="SUBCOMMAND")
    cl = csub.add_parser("list", help="all cases")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(func=cmd_cases_list)
    cs = csub.add_parser("show", help="one case with its audit trail")
    cs.add_argument("reference", metavar="REF")
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(func=cmd_cases_show)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "config"):
        args.config = None
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
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


def _database_problem(exc: Exception, args: argparse.Namespace) -> str:
    """Name the database without its password and the driver's first line, no traceback."""
    try:
        where = _settings(args).database_url_redacted
    except ConfigError:
        where = "the database"
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return f"cannot use {where}: {first}"


if __name__ == "__main__":
    main()
