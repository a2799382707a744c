"""Questions answered without the database: `deadline` and `classify`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.output import print_json
from privacybot.cli.wiring import settings_of

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    p = commands.command(
        "deadline", cmd_deadline, "print the due date of a request received on YYYY-MM-DD"
    )
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument("--extended", action="store_true", help="the extended term (art. 12(3))")

    p = commands.command(
        "classify", cmd_classify, "show which rights, language and company a message names"
    )
    p.add_argument("file", nargs="?", metavar="FILE|-", help="text or RFC 822 message (- : stdin)")
    p.add_argument("--subject", default=None)
    p.add_argument("--json", action="store_true")


def cmd_deadline(args: argparse.Namespace) -> None:
    from privacybot.cases.deadline import HolidayCalendar, due_date, extended_due

    try:
        received = date.fromisoformat(args.date)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {args.date!r}") from exc
    settings = settings_of(args)
    try:
        calendar = HolidayCalendar.load(settings.equated_days_file)
    except ValueError as exc:
        raise CommandError(str(exc).splitlines()[0]) from exc
    result = extended_due(received, calendar) if args.extended else due_date(received, calendar)
    print(result.isoformat())


def cmd_classify(args: argparse.Namespace) -> None:
    from privacybot.triage.classify import IntentsError, classifier_for
    from privacybot.triage.pipeline import classify_input

    if args.file in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
    settings = settings_of(args)
    with refused_as_command_error(IntentsError):
        classifier = classifier_for(settings.min_confidence)
    result, problems = classify_input(data, args.subject, classifier)
    if args.json:
        print_json(result.as_json())
        return
    print(f"labels:     {', '.join(label.value for label in result.labels)}")
    print(f"language:   {result.language.value}")
    print(f"company:    {result.company or '-'}")
    print(f"confidence: {result.confidence:.2f}")
    if result.candidates:
        best = ", ".join(f"{label.value} {p:.2f}" for label, p in result.candidates)
        print(f"candidates: {best}")
    for problem in problems:
        print(f"problem:    {problem}")
