"""The daily jobs on demand: the staff `digest` and the retention `purge`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.output import print_json
from privacybot.cli.wiring import desk_of, now, open_db, operator

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    p = commands.command(
        "digest", cmd_digest, "today's staff digest: print it (--dry-run) or send it now"
    )
    p.add_argument("--dry-run", action="store_true", help="print it, send nothing")
    p.add_argument("--html", action="store_true", help="with --dry-run: print the HTML part")

    p = commands.command(
        "purge", cmd_purge, "remove closed cases past the retention period (R24-R26)"
    )
    p.add_argument("--dry-run", action="store_true", help="list what would go, delete nothing")
    p.add_argument("--json", action="store_true")


def cmd_digest(args: argparse.Namespace) -> None:
    """Today's staff digest: printed (--dry-run) or queued for the staff list now."""
    from privacybot.scheduler import jobs
    from privacybot.scheduler.render import StaffMailError

    settings, engine = open_db(args)
    desk = desk_of(settings)
    staff = jobs.StaffSettings.from_settings(settings)
    at = now()
    with refused_as_command_error(StaffMailError):
        if args.dry_run:
            mail = jobs.preview_digest(engine, desk, staff, at)
            if args.html:
                sys.stdout.write(mail.html)
            else:
                print(f"Subject: {mail.subject}\n")
                sys.stdout.write(mail.text)
            return
        if not staff.recipients:
            raise CommandError(
                "PRIVACYBOT_STAFF_EMAILS is empty: nobody to send the digest to "
                "(see it with --dry-run)"
            )
        result = jobs.send_digest(engine, desk, staff, at, manual=True)
    if result is None:
        raise CommandError("a scheduler is sending the digest right now; try again in a minute")
    items = ", ".join(str(i) for i in result.outbox_ids)
    print(
        f"digest {result.run_key} queued for {len(result.outbox_ids)} recipient(s) "
        f"(outbox {items}); the sender role of `privacybot run` delivers it"
    )


def cmd_purge(args: argparse.Namespace) -> None:
    """R24-R26: list (--dry-run) or delete what retention says must go today."""
    from dataclasses import asdict

    from privacybot.db.session import read_transaction
    from privacybot.service import retention

    settings, engine = open_db(args)
    tz = settings.timezone
    at = now()
    days = settings.case_retention_days
    if args.dry_run:
        with read_transaction(engine) as session:
            result = retention.plan(
                session, today=at.astimezone(tz).date(), tz=tz, retention_days=days
            )
    else:
        key = desk_of(settings).key
        result = retention.purge(
            engine, now=at, tz=tz, retention_days=days, key=key, actor=operator()
        )
    if args.json:
        print_json(json.loads(json.dumps(asdict(result), default=str)))
        return
    verb = "would purge" if args.dry_run else "purged"
    if result.empty:
        print(f"nothing to purge today (retention {days} days)")
        return
    print(f"{verb} (retention {days} days, {result.today}):")
    for c in result.cases:
        print(
            f"  {c.reference}  closed {c.closed_on}, due {c.purge_on} (R24): "
            f"{c.messages} message(s), {c.drafts} draft(s), {c.outbox} outbox item(s), "
            f"{c.codes} code row(s)"
        )
    for t in result.trails:
        what = (
            f"audit trail of {t.reference} (closed {t.closed_on})"
            if t.reference
            else (f"audit events of no case before {t.purge_on}")
        )
        print(f"  {what} (R25): {t.events} event(s)")
    if result.caseless_messages:
        print(f"  {result.caseless_messages} message(s) that never became a case (R24)")
    if result.staff_mail:
        print(f"  {result.staff_mail} staff mail(s) already sent (R24)")
    if result.requesters:
        print(f"  {result.requesters} requester(s) no case refers to any more")
    if result.chats:
        print(f"  {result.chats} idle Telegram chat(s) tied to nothing that stays (R24)")
