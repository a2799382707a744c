"""`cases list` and `cases show`; the staff actions on a case are in `case_actions`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from privacybot.cli import case_actions
from privacybot.cli.errors import CommandError
from privacybot.cli.output import page_args, print_json, print_page
from privacybot.cli.wiring import now, open_db
from privacybot.config import Settings
from privacybot.domain import RIGHTS, CaseStatus

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands

RIGHTS_LABELS = sorted(RIGHTS)


def register(commands: Commands) -> None:
    csub = commands.group("cases", "list and show cases; extend, refuse or close one")
    cl = csub.add_parser("list", help="cases, filtered and paged")
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--status", choices=[s.value for s in CaseStatus])
    cl.add_argument("--right", choices=[label.value for label in RIGHTS_LABELS])
    cl.add_argument("--company")
    cl.add_argument("--channel", choices=["email", "telegram"])
    cl.add_argument("--due-within", type=int, metavar="N", help="due within N working days")
    cl.add_argument("--overdue", action="store_true")
    cl.add_argument("--needs-staff", action="store_true")
    cl.add_argument("--order", choices=["received", "due"], default="received")
    page_args(cl)
    cl.set_defaults(func=cmd_cases_list)
    cs = csub.add_parser("show", help="one case: its timeline of messages, letters and events")
    cs.add_argument("reference", metavar="REF")
    cs.add_argument("--json", action="store_true")
    cs.add_argument("--original", action="store_true", help="show messages as they arrived")
    cs.set_defaults(func=cmd_cases_show)
    case_actions.register(csub)


def _case_filter(args: argparse.Namespace, settings: Settings) -> Any:
    from privacybot.cases.deadline import HolidayCalendar, add_working_days
    from privacybot.db.repo import CaseFilter

    today = now().astimezone(settings.timezone).date()
    due_by = None
    if args.due_within is not None:
        calendar = HolidayCalendar.load(settings.equated_days_file)
        due_by = add_working_days(today, args.due_within, calendar)
    return CaseFilter(
        status=args.status,
        right=args.right,
        company=args.company,
        channel=args.channel,
        due_by=due_by,
        overdue_on=today if args.overdue else None,
        needs_staff=True if args.needs_staff else None,
    )


def cmd_cases_list(args: argparse.Namespace) -> None:
    from privacybot.db import repo
    from privacybot.db.session import transaction
    from privacybot.views import case_json

    settings, engine = open_db(args)
    flt = _case_filter(args, settings)
    with transaction(engine) as session:
        page = repo.list_cases(session, flt, limit=args.limit, offset=args.offset, order=args.order)
        rows = [case_json(case, requester) for case, requester in page]
    print_page(rows, args, _case_line, empty="no cases")


def _case_line(row: dict[str, Any]) -> str:
    staff = "  needs staff" if row["needs_staff"] else ""
    return (
        f"{row['reference']}  {row['status']:<22} due {row['extended_due'] or row['due']}  "
        f"{','.join(row['rights']) or '-':<28} {row['company'] or '-'}{staff}"
    )


def cmd_cases_show(args: argparse.Namespace) -> None:
    from sqlmodel import col, select

    from privacybot.db import repo
    from privacybot.db.models import Draft, InboundMessage
    from privacybot.db.session import transaction
    from privacybot.views import case_detail_json, timeline_json

    _, engine = open_db(args)
    with transaction(engine) as session:
        case = repo.case_by_reference(session, args.reference)
        if case is None:
            raise CommandError(f"no case {args.reference}")
        events = repo.events_for(session, case)
        data = case_detail_json(case, repo.requester_of(session, case), events)
        messages = session.exec(
            select(InboundMessage)
            .where(InboundMessage.case_id == case.id)
            .order_by(col(InboundMessage.id))
        ).all()
        drafts = session.exec(
            select(Draft).where(Draft.case_id == case.id).order_by(col(Draft.id))
        ).all()
        data["timeline"] = timeline_json(messages, drafts, events, original=args.original)
        parent = session.get(type(case), case.parent_case_id) if case.parent_case_id else None
    if args.json:
        print_json(data)
        return
    for key, value in data.items():
        if key == "parent_case_id":
            print(f"{'parent case:':<16}{parent.reference if parent else '-'}")
        elif key not in ("events", "timeline"):
            print(f"{key + ':':<16}{_plain(value)}")
    print("timeline:")
    for item in data["timeline"]:
        _print_timeline_item(item)


def _plain(value: object) -> str:
    """A value as staff read it: lists joined, yes/no, a dash for nothing (no Python reprs)."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value) or "-"
    return str(value)


def _print_timeline_item(item: dict[str, Any]) -> None:
    at = item["at"]
    if item["type"] == "event":
        detail = json.dumps(item["detail"], ensure_ascii=False)
        print(f"  {at}  {item['actor']:<24} {item['action']}  {detail}")
        return
    if item["type"] == "in":
        verdict = item.get("verdict") or {}
        rules = ", ".join(f"{h['rule']} ({h['reason']})" for h in verdict.get("hits", []))
        print(f"  {at}  IN  message {item['id']}: {item['subject'] or '(no subject)'}")
        print(f"        read as {', '.join(item['labels'])} ({item['confidence'] or 0:.2f})")
        if rules:
            print(f"        because {rules}")
        text = item.get("original") or item.get("text") or ""
    else:
        print(f"  {at}  OUT draft {item['draft']} {item['kind']} [{item['status']}]")
        text = item["text"]
    for line in text.splitlines():
        print(f"        | {line}")
