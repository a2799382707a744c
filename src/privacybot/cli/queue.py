"""`queue`: messages waiting for staff (triage queue and parked) and what staff do with them.

Actions print after their transaction has committed (a closed pipe undoes nothing).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from privacybot.cli.acting import acting, acting_args
from privacybot.cli.errors import refused_as_command_error
from privacybot.cli.output import page_args, print_json, print_page
from privacybot.cli.wiring import open_db

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    qsub = commands.group("queue", "messages waiting for staff: triage queue and parked")
    ql = qsub.add_parser("list", help="what waits, oldest first")
    ql.add_argument("--json", action="store_true")
    page_args(ql)
    ql.set_defaults(func=cmd_queue_list)
    qw = qsub.add_parser("show", help="one waiting message")
    qw.add_argument("id", type=int, metavar="ID")
    qw.add_argument("--json", action="store_true")
    qw.add_argument("--original", action="store_true", help="the message as it arrived")
    qw.set_defaults(func=cmd_queue_show)
    qa = qsub.add_parser("assign", help="add the message to an existing case")
    qa.add_argument("id", type=int, metavar="ID")
    qa.add_argument("reference", metavar="REF")
    acting_args(qa)
    qa.set_defaults(func=cmd_queue_assign)
    qo = qsub.add_parser("open", help="open a case from the message, dated from its receipt")
    qo.add_argument("id", type=int, metavar="ID")
    qo.add_argument("--rights", required=True, help="comma-separated, e.g. access,erasure")
    qo.add_argument("--company", default=None)
    acting_args(qo)
    qo.set_defaults(func=cmd_queue_open)
    qd = qsub.add_parser("dismiss", help="nothing needs doing: take it off the queue")
    qd.add_argument("id", type=int, metavar="ID")
    qd.add_argument("--reason", required=True)
    acting_args(qd)
    qd.set_defaults(func=cmd_queue_dismiss)
    qr = qsub.add_parser("retry", help="send a parked message through triage again")
    qr.add_argument("id", type=int, metavar="ID")
    acting_args(qr)
    qr.set_defaults(func=cmd_queue_retry)


def cmd_queue_list(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import queue
    from privacybot.views import queue_item_json

    _, engine = open_db(args)
    with transaction(engine) as session:
        waiting = queue.waiting(session, limit=args.limit, offset=args.offset)
        rows = [queue_item_json(r) for r in waiting]
    print_page(rows, args, _waiting_line, empty="nothing waits for staff")


def _waiting_line(row: dict[str, Any]) -> str:
    subject = (row["subject"] or "(no subject)")[:40]
    when = row["received"][:16]
    return f"{row['id']:>6}  {row['state']:<11} {when}  {subject:<40}  {row['reason']}"


def cmd_queue_show(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import queue
    from privacybot.views import message_json

    _, engine = open_db(args)
    with refused_as_command_error(queue.QueueError), transaction(engine) as session:
        data = message_json(queue.get(session, args.id), original=args.original)
    if args.json:
        print_json(data)
        return
    for key in ("id", "state", "received", "sender", "subject", "reason", "labels", "confidence"):
        print(f"{key + ':':<12}{data[key]}")
    if data["candidates"]:
        best = ", ".join(f"{c['label']} {c['probability']:.2f}" for c in data["candidates"])
        print(f"{'candidates:':<12}{best}")
    print()
    print(data.get("original") or data.get("text") or "")


def _refusals() -> tuple[type[Exception], ...]:
    from privacybot.service.cases import CaseError
    from privacybot.service.queue import QueueError
    from privacybot.staff import StaffError

    return QueueError, CaseError, StaffError


def cmd_queue_assign(args: argparse.Namespace) -> None:
    from privacybot.service import queue

    me = acting(args)
    with me.transaction(_refusals()) as session:
        case = queue.assign(session, args.id, args.reference, staff=me.staff, now=me.now)
        said = f"message {args.id}: added to {case.reference}"
    print(said)


def cmd_queue_open(args: argparse.Namespace) -> None:
    from privacybot.service import queue

    me = acting(args)
    with me.transaction(_refusals()) as session:
        opened = queue.open_case(
            session,
            args.id,
            me.desk,
            rights=args.rights.split(","),
            company=args.company,
            staff=me.staff,
            now=me.now,
        )
        how = "acknowledged" if opened.acknowledged else "acknowledgment awaits approval"
        said = f"message {args.id}: opened {opened.case.reference} ({how})"
    print(said)


def cmd_queue_dismiss(args: argparse.Namespace) -> None:
    from privacybot.service import queue

    me = acting(args)
    with me.transaction(_refusals()) as session:
        queue.dismiss(session, args.id, staff=me.staff, reason=args.reason, now=me.now)
        said = f"message {args.id}: dismissed"
    print(said)


def cmd_queue_retry(args: argparse.Namespace) -> None:
    from privacybot.service import queue

    me = acting(args)
    with me.transaction(_refusals()) as session:
        queue.retry(session, args.id, staff=me.staff, now=me.now)
        said = f"message {args.id}: back in triage"
    print(said)
