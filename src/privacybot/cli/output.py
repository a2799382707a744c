"""How results are printed: JSON for scripts, paged lists with a note when there is more."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def page_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=100, help="rows per page (at most 500)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")


def print_page(
    rows: list[dict[str, Any]],
    args: argparse.Namespace,
    line: Callable[[dict[str, Any]], str],
    *,
    empty: str,
) -> None:
    """One page of a list: the note on stderr, then the rows."""
    _page_note(len(rows), args)
    print_rows(rows, args, line, empty=empty)


def print_rows(
    rows: list[dict[str, Any]],
    args: argparse.Namespace,
    line: Callable[[dict[str, Any]], str],
    *,
    empty: str,
) -> None:
    """JSON (--json), or a line a row, or ``empty`` when there are none."""
    if args.json:
        print_json(rows)
        return
    if not rows:
        print(empty)
        return
    for row in rows:
        print(line(row))


def _page_note(shown: int, args: argparse.Namespace) -> None:
    """A full page means there may be more: say how to get them (on stderr, JSON stays clean)."""
    if shown >= args.limit:
        print(
            f"privacybot: showing {shown} from offset {args.offset}; "
            f"more with --offset {args.offset + shown}",
            file=sys.stderr,
        )
