"""The commands of docs/operators.md: parse arguments, wire the edges, print one result.

Every failure ends as one line on stderr and a non-zero exit, never a traceback: the
operator needs to know which setting or input is wrong, not where in the code it broke.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.exc import OperationalError, ProgrammingError

from privacybot.config import ConfigError, Settings, load_settings
from privacybot.db.migrate import SchemaOutOfDate
from privacybot.domain import RIGHTS, CaseStatus, DraftStatus

log = logging.getLogger("privacybot")

OPERATOR_HELP = "Conxillium's privacy desk: run the service, follow cases, approve replies."
SEE_ALSO = "Settings: PRIVACYBOT_* variables or --config; docs/operators.md explains them all."


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
    from privacybot.cases.deadline import HolidayCalendar, due_date, extended_due

    try:
        received = date.fromisoformat(args.date)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {args.date!r}") from exc
    settings = _settings(args)
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
    settings = _settings(args)
    try:
        classifier = classifier_for(settings.min_confidence)
    except IntentsError as exc:
        raise CommandError(str(exc)) from exc
    result, problems = classify_input(data, args.subject, classifier)
    if args.json:
        _print_json(result.as_json())
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


def _page_note(shown: int, args: argparse.Namespace) -> None:
    """A full page means there may be more: say how to get them (on stderr, JSON stays clean)."""
    if shown >= args.limit:
        print(
            f"privacybot: showing {shown} from offset {args.offset}; "
            f"more with --offset {args.offset + shown}",
            file=sys.stderr,
        )


def _case_filter(args: argparse.Namespace, settings: Settings) -> Any:
    from privacybot.cases.deadline import HolidayCalendar, add_working_days
    from privacybot.db.repo import CaseFilter

    today = _now().astimezone(settings.timezone).date()
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

    settings, engine = _open_db(args)
    flt = _case_filter(args, settings)
    with transaction(engine) as session:
        page = repo.list_cases(session, flt, limit=args.limit, offset=args.offset, order=args.order)
        rows = [case_json(case, requester) for case, requester in page]
    _page_note(len(rows), args)
    if args.json:
        _print_json(rows)
        return
    if not rows:
        print("no cases")
        return
    for row in rows:
        staff = "  needs staff" if row["needs_staff"] else ""
        print(
            f"{row['reference']}  {row['status']:<22} due {row['extended_due'] or row['due']}  "
            f"{','.join(row['rights']) or '-':<28} {row['company'] or '-'}{staff}"
        )


def cmd_cases_show(args: argparse.Namespace) -> None:
    from sqlmodel import col, select

    from privacybot.db import repo
    from privacybot.db.models import Draft, InboundMessage
    from privacybot.db.session import transaction
    from privacybot.views import case_detail_json, timeline_json

    _, engine = _open_db(args)
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
        _print_json(data)
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


def cmd_run(args: argparse.Namespace) -> None:
    import asyncio

    from privacybot.runner import Service, StartupError, parse_roles

    settings = _settings(args)
    logging.getLogger().setLevel(settings.log_level)
    # aiosmtpd logs every SMTP command (and so addresses) at INFO, and every line of
    # message data (codes, bodies) at DEBUG: the first only when debugging, never the second.
    quiet = logging.INFO if settings.log_level == "DEBUG" else logging.WARNING
    logging.getLogger("mail.log").setLevel(quiet)
    try:
        roles = parse_roles(args.only)
        asyncio.run(Service(settings, roles).run())
    except StartupError as exc:
        raise CommandError(str(exc)) from exc


def cmd_demo(args: argparse.Namespace) -> None:
    from privacybot.clock import SystemClock
    from privacybot.demo import demo_messages
    from privacybot.intake.demo_server import DEMO_PASSWORD, DEMO_USER, append_messages

    settings = _settings(args)
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


def _now() -> Any:
    from privacybot.clock import SystemClock

    return SystemClock().now()


def _desk(settings: Settings) -> Any:
    from privacybot.runner import Service

    return Service(settings, ()).desk()


_STDIN_REST: list[str] = []


def _stdin_password() -> str:
    """The first line of standard input; the rest stays for ``--file -``."""
    data = sys.stdin.read()
    first, _, rest = data.partition("\n")
    _STDIN_REST[:] = [rest]
    return first.rstrip("\r")


def _prove(args: argparse.Namespace, engine: Any) -> Any:
    """Who is acting, proven: a personal token or the staff member's own password.

    ``--as`` alone names someone; four eyes need the name to be theirs. A token in
    PRIVACYBOT_STAFF_TOKEN must belong to that member; otherwise the password comes
    from ``--password-stdin`` (its first line) or a prompt on a terminal.
    """
    import getpass
    import socket

    from privacybot.staff import Client, SignInRefused, identify_by_token, sign_in

    now = _now()
    token = os.environ.get("PRIVACYBOT_STAFF_TOKEN", "").strip()
    if token:
        identity = identify_by_token(engine, token, now)
        if identity is None or identity.email != args.staff.strip().lower():
            raise CommandError(f"PRIVACYBOT_STAFF_TOKEN is not a live token of {args.staff}")
        return identity
    if getattr(args, "password_stdin", False):
        password = _stdin_password()
    elif sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.staff}: ")
    else:
        raise CommandError(
            f"prove you are {args.staff}: --password-stdin, a terminal prompt, "
            "or a personal token in PRIVACYBOT_STAFF_TOKEN (`privacybot staff token EMAIL`)"
        )
    client = Client(f"cli:{os.getuid()}@{socket.gethostname()}")
    try:
        return sign_in(engine, args.staff, password, client, now)
    except SignInRefused as exc:
        raise CommandError(str(exc)) from exc


def cmd_drafts_list(args: argparse.Namespace) -> None:
    from privacybot.db import repo
    from privacybot.db.session import transaction
    from privacybot.views import draft_json

    _, engine = _open_db(args)
    with transaction(engine) as session:
        page = repo.list_drafts(session, status=args.status, limit=args.limit, offset=args.offset)
        rows = [draft_json(r.draft, r.reference, r.due) for r in page]
    _page_note(len(rows), args)
    if args.json:
        _print_json(rows)
        return
    if not rows:
        print("no drafts")
        return
    for row in rows:
        due = f"due {row['due']}" if row["due"] else ""
        print(
            f"{row['id']:>5}  {row['status']:<18} {row['case'] or '-':<15} {due:<14} "
            f"{row['kind']:<28} {row['language']}  {row['subject']}"
        )


def cmd_drafts_show(args: argparse.Namespace) -> None:
    from dataclasses import asdict

    from privacybot.db.session import transaction
    from privacybot.service import drafts

    settings, engine = _open_db(args)
    desk = _desk(settings)
    try:
        with transaction(engine) as session:
            letter = drafts.preview(session, args.id, desk.outgoing, _now())
    except drafts.DraftError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        data = asdict(letter)
        data["headers"] = dict(letter.headers)
        _print_json(data)
        return
    for name, value in letter.headers:
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            print(f"{name}: {value}")
    print()
    print(letter.body.rstrip("\n"))
    for name in letter.attachments:
        print(f"[attachment: {name}]")


def cmd_queue_list(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import queue
    from privacybot.views import queue_item_json

    _, engine = _open_db(args)
    with transaction(engine) as session:
        waiting = queue.waiting(session, limit=args.limit, offset=args.offset)
        rows = [queue_item_json(r) for r in waiting]
    _page_note(len(rows), args)
    if args.json:
        _print_json(rows)
        return
    if not rows:
        print("nothing waits for staff")
        return
    for row in rows:
        subject = (row["subject"] or "(no subject)")[:40]
        when = row["received"][:16]
        print(f"{row['id']:>6}  {row['state']:<11} {when}  {subject:<40}  {row['reason']}")


def cmd_queue_show(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import queue
    from privacybot.views import message_json

    _, engine = _open_db(args)
    try:
        with transaction(engine) as session:
            data = message_json(queue.get(session, args.id), original=args.original)
    except queue.QueueError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        _print_json(data)
        return
    for key in ("id", "state", "received", "sender", "subject", "reason", "labels", "confidence"):
        print(f"{key + ':':<12}{data[key]}")
    if data["candidates"]:
        best = ", ".join(f"{c['label']} {c['probability']:.2f}" for c in data["candidates"])
        print(f"{'candidates:':<12}{best}")
    print()
    print(data.get("original") or data.get("text") or "")


def _queue_action(args: argparse.Namespace, action: str) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import queue
    from privacybot.service.cases import CaseError
    from privacybot.staff import StaffError

    settings, engine = _open_db(args)
    desk = _desk(settings)
    staff = _prove(args, engine).email
    now = _now()
    try:
        with transaction(engine) as session:
            if action == "assign":
                case = queue.assign(session, args.id, args.reference, staff=staff, now=now)
                print(f"message {args.id}: added to {case.reference}")
            elif action == "open":
                opened = queue.open_case(
                    session,
                    args.id,
                    desk,
                    rights=args.rights.split(","),
                    company=args.company,
                    staff=staff,
                    now=now,
                )
                how = "acknowledged" if opened.acknowledged else "acknowledgment awaits approval"
                print(f"message {args.id}: opened {opened.case.reference} ({how})")
            elif action == "dismiss":
                queue.dismiss(session, args.id, staff=staff, reason=args.reason, now=now)
                print(f"message {args.id}: dismissed")
            else:
                queue.retry(session, args.id, staff=staff, now=now)
                print(f"message {args.id}: back in triage")
    except (queue.QueueError, CaseError, StaffError) as exc:
        raise CommandError(str(exc)) from exc


def cmd_queue_assign(args: argparse.Namespace) -> None:
    _queue_action(args, "assign")


def cmd_queue_open(args: argparse.Namespace) -> None:
    _queue_action(args, "open")


def cmd_queue_dismiss(args: argparse.Namespace) -> None:
    _queue_action(args, "dismiss")


def cmd_queue_retry(args: argparse.Namespace) -> None:
    _queue_action(args, "retry")


def _draft_action(args: argparse.Namespace, action: str) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import drafts
    from privacybot.staff import StaffError

    settings, engine = _open_db(args)
    desk = _desk(settings)
    staff = _prove(args, engine).email
    try:
        with transaction(engine) as session:
            if action == "approve":
                draft = drafts.approve(
                    session,
                    args.id,
                    staff=staff,
                    outgoing=desk.outgoing,
                    now=_now(),
                    mixed_language=args.mixed_language,
                )
            elif action == "reject":
                draft = drafts.reject(session, args.id, staff=staff, reason=args.reason, now=_now())
            else:
                body = _edited_text(args, session)
                draft = drafts.edit(session, args.id, staff=staff, body=body, now=_now())
    except (drafts.DraftError, StaffError) as exc:
        raise CommandError(str(exc)) from exc
    print(f"draft {draft.id}: {draft.status}")


def _edited_text(args: argparse.Namespace, session: Any) -> str:
    import os
    import shlex
    import subprocess
    import tempfile

    from privacybot.db.models import Draft

    if args.file == "-":
        return _STDIN_REST[0] if _STDIN_REST else sys.stdin.read()
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
    draft = session.get(Draft, args.id)
    if draft is None:
        raise CommandError(f"no draft {args.id}")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise CommandError("give --file F (or -), or set $EDITOR")
    with tempfile.NamedTemporaryFile("w+", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(draft.body)
        path = fh.name
    try:
        if subprocess.call([*shlex.split(editor), path]) != 0:
            raise CommandError("the editor exited with an error; draft unchanged")
        return Path(path).read_text(encoding="utf-8")
    finally:
        os.unlink(path)


def cmd_drafts_approve(args: argparse.Namespace) -> None:
    _draft_action(args, "approve")


def cmd_drafts_reject(args: argparse.Namespace) -> None:
    _draft_action(args, "reject")


def cmd_drafts_edit(args: argparse.Namespace) -> None:
    _draft_action(args, "edit")


def _case_action(args: argparse.Namespace, action: str) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import actions
    from privacybot.service.cases import CaseError
    from privacybot.staff import StaffError

    settings, engine = _open_db(args)
    desk = _desk(settings)
    staff = _prove(args, engine).email
    now = _now()
    try:
        with transaction(engine) as session:
            if action == "close":
                case = actions.close(session, args.reference, staff=staff, now=now)
                print(f"{case.reference}: closed")
            elif action == "letter":
                draft = actions.draft_letter(
                    session,
                    desk,
                    args.reference,
                    args.kind,
                    staff=staff,
                    now=now,
                    replaces=args.replaces,
                    reason=args.reason or "",
                )
                print(
                    f"{args.reference.upper()}: {args.kind} is draft {draft.id}, awaiting approval"
                )
            elif action == "reopen":
                case = actions.reopen(
                    session, args.reference, staff=staff, reason=args.reason, now=now
                )
                print(f"{case.reference}: {case.status}")
            elif action == "refuse":
                draft = actions.refuse(
                    session,
                    desk,
                    args.reference,
                    staff=staff,
                    ground=args.ground,
                    reasons=args.reason,
                    partial=args.partial,
                    right=args.right,
                    now=now,
                )
                ref = args.reference.upper()
                print(f"{ref}: refusal drafted as draft {draft.id}, awaiting approval")
            else:
                done = actions.extend(
                    session,
                    desk,
                    args.reference,
                    staff=staff,
                    reason=args.reason,
                    today=now.astimezone(settings.timezone).date(),
                    now=now,
                )
                ref, notice = done.case.reference, done.notice.id
                print(f"{ref}: extended to {done.due}; notice is draft {notice}")
    except (CaseError, StaffError, actions.ActionError) as exc:
        raise CommandError(str(exc)) from exc


def cmd_cases_refuse(args: argparse.Namespace) -> None:
    _case_action(args, "refuse")


def cmd_cases_extend(args: argparse.Namespace) -> None:
    _case_action(args, "extend")


def cmd_cases_close(args: argparse.Namespace) -> None:
    _case_action(args, "close")


def cmd_cases_reopen(args: argparse.Namespace) -> None:
    _case_action(args, "reopen")


def cmd_cases_letter(args: argparse.Namespace) -> None:
    _case_action(args, "letter")


def cmd_drafts_attach(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service import drafts
    from privacybot.staff import StaffError

    settings, engine = _open_db(args)
    staff = _prove(args, engine).email
    files: list[tuple[str, bytes]] = []
    for name in args.files:
        try:
            files.append((Path(name).name, Path(name).read_bytes()))
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror}") from exc
    try:
        with transaction(engine) as session:
            for filename, data in files:
                row = drafts.attach(
                    session,
                    args.id,
                    filename=filename,
                    data=data,
                    staff=staff,
                    now=_now(),
                    max_total=settings.max_attachment_bytes,
                )
                what = f"{row.filename} ({row.content_type}, {row.size} bytes)"
                print(f"draft {args.id}: attached {what}")
    except (drafts.DraftError, StaffError) as exc:
        raise CommandError(str(exc)) from exc


def cmd_staff_add(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.staff import StaffError, add_staff

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    _, engine = _open_db(args)
    try:
        with transaction(engine) as session:
            member = add_staff(
                session,
                email=args.email,
                role=args.role,
                password=password,
                now=_now(),
                actor=_operator(),
            )
    except StaffError as exc:
        raise CommandError(str(exc)) from exc
    print(f"added {member.email} as {member.role}")


def _operator() -> str:
    """Who ran an account command on this host: shown in the audit trail as such."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in a container
        user = str(os.getuid())
    return f"operator:{user}@{socket.gethostname()}"


def _new_password(args: argparse.Namespace) -> str:
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError("give the new password with --password-stdin or on a terminal")
    first = getpass.getpass("new password: ")
    if getpass.getpass("again: ") != first:
        raise CommandError("the two passwords differ")
    return first


def cmd_staff_list(args: argparse.Namespace) -> None:
    from sqlmodel import col, select

    from privacybot.db.models import Staff
    from privacybot.db.session import transaction

    _, engine = _open_db(args)
    with transaction(engine) as session:
        rows = [
            {
                "email": m.email,
                "role": m.role,
                "active": m.active,
                "password": bool(m.password_hash),
            }
            for m in session.exec(select(Staff).order_by(col(Staff.email))).all()
        ]
    if args.json:
        _print_json(rows)
        return
    if not rows:
        print("no staff accounts")
    for row in rows:
        state = "active" if row["active"] else "disabled"
        print(f"{row['email']:<40} {row['role']:<8} {state}")


def cmd_staff_token(args: argparse.Namespace) -> None:
    from privacybot.db.models import Staff
    from privacybot.db.session import transaction
    from privacybot.staff import create_token

    _, engine = _open_db(args)
    args.staff = args.email
    identity = _prove(args, engine)
    with transaction(engine) as session:
        member = session.get(Staff, identity.id)
        assert member is not None
        token = create_token(session, member, args.label, _now())
    print(token)


def _account_change(args: argparse.Namespace, change: str) -> None:
    from privacybot import staff as accounts
    from privacybot.db.session import transaction

    _, engine = _open_db(args)
    password = _new_password(args) if change == "reset-password" else ""
    actor = _operator()
    try:
        with transaction(engine) as session:
            if change == "disable":
                member = accounts.disable(session, args.email, _now(), actor)
            elif change == "set-role":
                member = accounts.set_role(session, args.email, args.role, _now(), actor)
            else:
                member = accounts.reset_password(session, args.email, password, _now(), actor)
    except accounts.StaffError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{member.email}: {member.role}, {'active' if member.active else 'disabled'}")


def cmd_staff_disable(args: argparse.Namespace) -> None:
    _account_change(args, "disable")


def cmd_staff_set_role(args: argparse.Namespace) -> None:
    _account_change(args, "set-role")


def cmd_staff_reset_password(args: argparse.Namespace) -> None:
    _account_change(args, "reset-password")


def cmd_digest(args: argparse.Namespace) -> None:
    """Today's staff digest: printed (--dry-run) or queued for the staff list now."""
    from privacybot.scheduler import jobs
    from privacybot.scheduler.render import StaffMailError

    settings, engine = _open_db(args)
    desk = _desk(settings)
    staff = jobs.StaffSettings.from_settings(settings)
    now = _now()
    try:
        if args.dry_run:
            mail = jobs.preview_digest(engine, desk, staff, now)
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
        result = jobs.send_digest(engine, desk, staff, now, manual=True)
    except StaffMailError as exc:
        raise CommandError(str(exc)) from exc
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

    settings, engine = _open_db(args)
    tz = settings.timezone
    now = _now()
    days = settings.case_retention_days
    if args.dry_run:
        with read_transaction(engine) as session:
            result = retention.plan(
                session, today=now.astimezone(tz).date(), tz=tz, retention_days=days
            )
    else:
        key = _desk(settings).key
        result = retention.purge(
            engine, now=now, tz=tz, retention_days=days, key=key, actor=_operator()
        )
    if args.json:
        _print_json(json.loads(json.dumps(asdict(result), default=str)))
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


def cmd_staff_link_telegram(args: argparse.Namespace) -> None:
    """Issue 15: this Telegram user may press Approve / Reject as this staff member."""
    from privacybot.db.session import transaction
    from privacybot.service.chat_staff import LinkError, link_staff

    _, engine = _open_db(args)
    try:
        user_id = int(args.user_id)
    except ValueError:
        raise CommandError(
            f"USER_ID is a number (Telegram's user id), not {args.user_id!r}"
        ) from None
    try:
        with transaction(engine) as session:
            member = link_staff(session, args.email, user_id, _now(), _operator())
    except LinkError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{member.email} is Telegram user {user_id} in the staff group")


def cmd_staff_unlink_telegram(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service.chat_staff import LinkError, unlink_staff

    _, engine = _open_db(args)
    try:
        with transaction(engine) as session:
            member = unlink_staff(session, args.email, _now(), _operator())
    except LinkError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{member.email} has no Telegram user any more")


# --- parser -------------------------------------------------------------------------


def _page_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=100, help="rows per page (at most 500)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")


RIGHTS_LABELS = sorted(RIGHTS)


def _proof_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the acting staff member's password from the first line of standard input "
        "(or set PRIVACYBOT_STAFF_TOKEN)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privacybot", description=OPERATOR_HELP, epilog=SEE_ALSO)
    parser.add_argument("--config", metavar="FILE", help="TOML settings (the environment wins)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, fn: Callable[[argparse.Namespace], None], help: str, **kw: Any) -> Any:
        p = sub.add_parser(name, help=help, **kw)
        p.add_argument("--config", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
        p.set_defaults(func=fn)
        return p

    p = add("deadline", cmd_deadline, "print the due date of a request received on YYYY-MM-DD")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument("--extended", action="store_true", help="the extended term (art. 12(3))")

    p = add("classify", cmd_classify, "show which rights, language and company a message names")
    p.add_argument("file", nargs="?", metavar="FILE|-", help="text or RFC 822 message (- : stdin)")
    p.add_argument("--subject", default=None)
    p.add_argument("--json", action="store_true")

    db = add("db", lambda a: None, "database schema (`db upgrade` after every install)")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="SUBCOMMAND")
    up = dbsub.add_parser("upgrade", help="bring the database schema up to this version")
    up.set_defaults(func=cmd_db_upgrade)

    cases = add("cases", lambda a: None, "list and show cases; extend, refuse or close one")
    csub = cases.add_subparsers(dest="cases_command", required=True, metavar="SUBCOMMAND")
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
    _page_args(cl)
    cl.set_defaults(func=cmd_cases_list)
    cs = csub.add_parser("show", help="one case: its timeline of messages, letters and events")
    cs.add_argument("reference", metavar="REF")
    cs.add_argument("--json", action="store_true")
    cs.add_argument("--original", action="store_true", help="show messages as they arrived")
    cs.set_defaults(func=cmd_cases_show)

    p = add("run", cmd_run, "run the service until SIGINT or SIGTERM")
    p.add_argument("--only", metavar="ROLE,…", help="some of: intake,sender,scheduler,web,telegram")

    add("demo", cmd_demo, "put sample citizen mail in the built-in mailbox")

    drafts = add("drafts", lambda a: None, "list reply drafts; edit, approve or reject one")
    dsub = drafts.add_subparsers(dest="drafts_command", required=True, metavar="SUBCOMMAND")
    dl = dsub.add_parser("list", help="drafts with their case and due date, paged")
    dl.add_argument("--json", action="store_true")
    dl.add_argument("--status", choices=[s.value for s in DraftStatus])
    _page_args(dl)
    dl.set_defaults(func=cmd_drafts_list)
    dt = dsub.add_parser("attach", help="add files to an access or portability answer")
    dt.add_argument("id", type=int, metavar="ID")
    dt.add_argument("files", nargs="+", metavar="FILE")
    dt.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(dt)
    dt.set_defaults(func=cmd_drafts_attach)
    dw = dsub.add_parser("show", help="a letter exactly as it will be sent")
    dw.add_argument("id", type=int, metavar="ID")
    dw.add_argument("--json", action="store_true")
    dw.set_defaults(func=cmd_drafts_show)
    da = dsub.add_parser("approve", help="approve a draft (not your own edit) and send it")
    da.add_argument(
        "--mixed-language",
        action="store_true",
        help="send even though a paragraph reads as the other language",
    )
    da.add_argument("id", type=int, metavar="ID")
    da.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(da)
    da.set_defaults(func=cmd_drafts_approve)
    dr = dsub.add_parser("reject", help="reject a draft")
    dr.add_argument("id", type=int, metavar="ID")
    dr.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(dr)
    dr.add_argument("--reason", required=True)
    dr.set_defaults(func=cmd_drafts_reject)
    de = dsub.add_parser("edit", help="replace a draft's text (from --file or $EDITOR)")
    de.add_argument("id", type=int, metavar="ID")
    de.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(de)
    de.add_argument("--file", metavar="F", help="new text; - for standard input")
    de.set_defaults(func=cmd_drafts_edit)

    ce = csub.add_parser("extend", help="extend a case once by up to two months (art. 12(3))")
    ce.add_argument("reference", metavar="REF")
    ce.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(ce)
    ce.add_argument("--reason", required=True)
    ce.set_defaults(func=cmd_cases_extend)
    cc = csub.add_parser("close", help="close a case")
    cc.add_argument("reference", metavar="REF")
    cc.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(cc)
    cc.set_defaults(func=cmd_cases_close)
    co = csub.add_parser("reopen", help="reopen a closed or answered case, with a reason")
    co.add_argument("reference", metavar="REF")
    co.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(co)
    co.add_argument("--reason", required=True)
    co.set_defaults(func=cmd_cases_reopen)
    cr = csub.add_parser("refuse", help="refuse a request on a legal ground and draft the letter")
    cr.add_argument("reference", metavar="REF")
    cr.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(cr)
    cr.add_argument("--ground", required=True, help="e.g. excessive, manifestly_unfounded")
    cr.add_argument("--reason", required=True)
    cr.add_argument("--partial", action="store_true", help="only part of the request is refused")
    cr.add_argument("--right", default=None, help="the right refused, when the case asks several")
    ct = csub.add_parser("letter", help="draft a staff letter: no data held, processor, ...")
    ct.add_argument("reference", metavar="REF")
    ct.add_argument(
        "kind",
        choices=sorted(
            [
                "answer_access_none",
                "answer_access_processor",
                "not_identifiable",
                "id_copy_request",
                "representation_proof",
                "deceased",
                "answer_complaint",
            ]
        ),
    )
    ct.add_argument("--replaces", type=int, metavar="ID", help="withdraw this draft instead")
    ct.add_argument("--reason", help="why (an ID check must say why)")
    ct.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(ct)
    ct.set_defaults(func=cmd_cases_letter)
    cr.set_defaults(func=cmd_cases_refuse)

    queue = add("queue", lambda a: None, "messages waiting for staff: triage queue and parked")
    qsub = queue.add_subparsers(dest="queue_command", required=True, metavar="SUBCOMMAND")
    ql = qsub.add_parser("list", help="what waits, oldest first")
    ql.add_argument("--json", action="store_true")
    _page_args(ql)
    ql.set_defaults(func=cmd_queue_list)
    qw = qsub.add_parser("show", help="one waiting message")
    qw.add_argument("id", type=int, metavar="ID")
    qw.add_argument("--json", action="store_true")
    qw.add_argument("--original", action="store_true", help="the message as it arrived")
    qw.set_defaults(func=cmd_queue_show)
    qa = qsub.add_parser("assign", help="add the message to an existing case")
    qa.add_argument("id", type=int, metavar="ID")
    qa.add_argument("reference", metavar="REF")
    qa.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(qa)
    qa.set_defaults(func=cmd_queue_assign)
    qo = qsub.add_parser("open", help="open a case from the message, dated from its receipt")
    qo.add_argument("id", type=int, metavar="ID")
    qo.add_argument("--rights", required=True, help="comma-separated, e.g. access,erasure")
    qo.add_argument("--company", default=None)
    qo.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(qo)
    qo.set_defaults(func=cmd_queue_open)
    qd = qsub.add_parser("dismiss", help="nothing needs doing: take it off the queue")
    qd.add_argument("id", type=int, metavar="ID")
    qd.add_argument("--reason", required=True)
    qd.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(qd)
    qd.set_defaults(func=cmd_queue_dismiss)
    qr = qsub.add_parser("retry", help="send a parked message through triage again")
    qr.add_argument("id", type=int, metavar="ID")
    qr.add_argument("--as", dest="staff", required=True, metavar="STAFF")
    _proof_args(qr)
    qr.set_defaults(func=cmd_queue_retry)

    staff = add("staff", lambda a: None, "staff accounts and personal API tokens (operator)")
    ssub = staff.add_subparsers(dest="staff_command", required=True, metavar="SUBCOMMAND")
    sa = ssub.add_parser("add", help="create an account")
    sa.add_argument("email", metavar="EMAIL")
    sa.add_argument("--role", required=True, choices=["officer", "viewer"])
    sa.add_argument("--password-stdin", action="store_true")
    sa.set_defaults(func=cmd_staff_add)
    sl = ssub.add_parser("list", help="all accounts")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(func=cmd_staff_list)
    st = ssub.add_parser("token", help="a personal API token (shown once); asks the password")
    st.add_argument("email", metavar="EMAIL")
    st.add_argument("--label", default="cli", help="what the token is for")
    st.add_argument("--password-stdin", action="store_true")
    st.set_defaults(func=cmd_staff_token, staff=None)
    sd = ssub.add_parser("disable", help="disable an account and revoke its tokens")
    sd.add_argument("email", metavar="EMAIL")
    sd.set_defaults(func=cmd_staff_disable)
    sr = ssub.add_parser("set-role", help="make an account officer or viewer")
    sr.add_argument("email", metavar="EMAIL")
    sr.add_argument("role", choices=["officer", "viewer"])
    sr.set_defaults(func=cmd_staff_set_role)
    sp = ssub.add_parser("reset-password", help="set a new password (prompt or stdin)")
    sp.add_argument("email", metavar="EMAIL")
    sp.add_argument("--password-stdin", action="store_true")
    sp.set_defaults(func=cmd_staff_reset_password)
    stl = ssub.add_parser(
        "link-telegram", help="let a Telegram user approve and reject in the staff group"
    )
    stl.add_argument("email", metavar="EMAIL")
    stl.add_argument("user_id", metavar="USER_ID", help="the member's numeric Telegram user id")
    stl.set_defaults(func=cmd_staff_link_telegram)
    stu = ssub.add_parser("unlink-telegram", help="remove a member's Telegram user")
    stu.add_argument("email", metavar="EMAIL")
    stu.set_defaults(func=cmd_staff_unlink_telegram)

    p = add("digest", cmd_digest, "today's staff digest: print it (--dry-run) or send it now")
    p.add_argument("--dry-run", action="store_true", help="print it, send nothing")
    p.add_argument("--html", action="store_true", help="with --dry-run: print the HTML part")

    p = add("purge", cmd_purge, "remove closed cases past the retention period (R24-R26)")
    p.add_argument("--dry-run", action="store_true", help="list what would go, delete nothing")
    p.add_argument("--json", action="store_true")
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
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(141) from None


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
