"""The service itself: `run` it, and feed its built-in mailbox with `demo` mail."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.wiring import settings_of

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    p = commands.command("run", cmd_run, "run the service until SIGINT or SIGTERM")
    p.add_argument("--only", metavar="ROLE,…", help="some of: intake,sender,scheduler,web,telegram")

    commands.command("demo", cmd_demo, "put sample citizen mail in the built-in mailbox")


def cmd_run(args: argparse.Namespace) -> None:
    import asyncio

    from privacybot.runner import Service, StartupError, parse_roles

    settings = settings_of(args)
    logging.getLogger().setLevel(settings.log_level)
    # aiosmtpd logs every SMTP command (and so addresses) at INFO, and every line of
    # message data (codes, bodies) at DEBUG: the first only when debugging, never the second.
    quiet = logging.INFO if settings.log_level == "DEBUG" else logging.WARNING
    logging.getLogger("mail.log").setLevel(quiet)
    with refused_as_command_error(StartupError):
        roles = parse_roles(args.only)
        asyncio.run(Service(settings, roles).run())


def cmd_demo(args: argparse.Namespace) -> None:
    from privacybot.clock import SystemClock
    from privacybot.demo import demo_messages
    from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, append_messages

    settings = settings_of(args)
    if settings.imap_url is not None:
        raise CommandError("PRIVACYBOT_IMAP_URL is set: `demo` only feeds the built-in mailbox")
    bind = settings.demo_imap_bind
    raws = demo_messages(SystemClock().now())
    try:
        append_messages(bind.host, bind.port, DEMO_USER, DEMO_PASSWORD, raws)
    except OSError as exc:
        raise CommandError(
            f"no built-in mailbox on {bind} ({exc.strerror or exc}): start `privacybot run` first"
        ) from exc
    print(f"appended {len(raws)} sample messages to the built-in mailbox on {bind}")
