"""The commands of docs/operators.md: parse arguments, wire the edges, print one result.

Every failure ends as one line on stderr and a non-zero exit, never a traceback: the
operator needs to know which setting or input is wrong, not where in the code it broke.

One module a command group (`cases`, `drafts`, `queue`, `staff`, ...), each registering
its own subcommands; `parser` puts them together, `errors` turns failures into exit codes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from privacybot.cli.errors import run_command
from privacybot.cli.parser import build_parser

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "config"):
        args.config = None
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    run_command(args)
