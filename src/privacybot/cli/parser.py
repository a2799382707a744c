"""The argument parser: the top level here, each command group adds its own commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TypeAlias

from privacybot.cli import cases, drafts, jobs, lookup, queue, running, schema, staff

OPERATOR_HELP = "Conxillium's privacy desk: run the service, follow cases, approve replies."
SEE_ALSO = "Settings: PRIVACYBOT_* variables or --config; docs/operators.md explains them all."

Handler = Callable[[argparse.Namespace], None]
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Commands:
    """Where a group module adds its top-level commands, in the order `--help` lists them."""

    def __init__(self, sub: SubParsers) -> None:
        self._sub = sub

    def command(self, name: str, fn: Handler, help: str, **kw: Any) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = self._sub.add_parser(name, help=help, **kw)
        p.add_argument("--config", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
        p.set_defaults(func=fn)
        return p

    def group(self, name: str, help: str) -> SubParsers:
        """A command that only has subcommands (`cases list`, `cases show`, ...)."""
        p = self.command(name, lambda a: None, help)
        return p.add_subparsers(dest=f"{name}_command", required=True, metavar="SUBCOMMAND")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privacybot", description=OPERATOR_HELP, epilog=SEE_ALSO)
    parser.add_argument("--config", metavar="FILE", help="TOML settings (the environment wins)")
    commands = Commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    for group in (lookup, schema, cases, running, drafts, queue, staff, jobs):
        group.register(commands)
    return parser
