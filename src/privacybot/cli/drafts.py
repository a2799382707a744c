"""`drafts`: list and show reply drafts; attach files, edit, approve or reject one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacybot.cli.acting import acting, acting_args, stdin_rest
from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.output import page_args, print_json, print_page
from privacybot.cli.wiring import desk_of, now, open_db
from privacybot.domain import DraftStatus

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    dsub = commands.group("drafts", "list reply drafts; edit, approve or reject one")
    dl = dsub.add_parser("list", help="drafts with their case and due date, paged")
    dl.add_argument("--json", action="store_true")
    dl.add_argument("--status", choices=[s.value for s in DraftStatus])
    page_args(dl)
    dl.set_defaults(func=cmd_drafts_list)
    dt = dsub.add_parser("attach", help="add files to an access or portability answer")
    dt.add_argument("id", type=int, metavar="ID")
    dt.add_argument("files", nargs="+", metavar="FILE")
    acting_args(dt)
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
    acting_args(da)
    da.set_defaults(func=cmd_drafts_approve)
    dr = dsub.add_parser("reject", help="reject a draft")
    dr.add_argument("id", type=int, metavar="ID")
    acting_args(dr)
    dr.add_argument("--reason", required=True)
    dr.set_defaults(func=cmd_drafts_reject)
    de = dsub.add_parser("edit", help="replace a draft's text (from --file or $EDITOR)")
    de.add_argument("id", type=int, metavar="ID")
    acting_args(de)
    de.add_argument("--file", metavar="F", help="new text; - for standard input")
    de.set_defaults(func=cmd_drafts_edit)


def _refusals() -> tuple[type[Exception], ...]:
    from privacybot.service.drafts import DraftError
    from privacybot.staff import StaffError

    return DraftError, StaffError


def cmd_drafts_list(args: argparse.Namespace) -> None:
    from privacybot.db import repo
    from privacybot.db.session import transaction
    from privacybot.views import draft_json

    _, engine = open_db(args)
    with transaction(engine) as session:
        page = repo.list_drafts(session, status=args.status, limit=args.limit, offset=args.offset)
        rows = [draft_json(r.draft, r.reference, r.due) for r in page]
    print_page(rows, args, _draft_line, empty="no drafts")


def _draft_line(row: dict[str, Any]) -> str:
    due = f"due {row['due']}" if row["due"] else ""
    return (
        f"{row['id']:>5}  {row['status']:<18} {row['case'] or '-':<15} {due:<14} "
        f"{row['kind']:<28} {row['language']}  {row['subject']}"
    )


def cmd_drafts_show(args: argparse.Namespace) -> None:
    from dataclasses import asdict

    from privacybot.db.session import transaction
    from privacybot.service import drafts

    settings, engine = open_db(args)
    desk = desk_of(settings)
    with refused_as_command_error(drafts.DraftError), transaction(engine) as session:
        letter = drafts.preview(session, args.id, desk.outgoing, now())
    if args.json:
        data = asdict(letter)
        data["headers"] = dict(letter.headers)
        print_json(data)
        return
    for name, value in letter.headers:
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            print(f"{name}: {value}")
    print()
    print(letter.body.rstrip("\n"))
    for name in letter.attachments:
        print(f"[attachment: {name}]")


def cmd_drafts_attach(args: argparse.Namespace) -> None:
    from privacybot.service import drafts

    me = acting(args, desk=False)
    files: list[tuple[str, bytes]] = []
    for name in args.files:
        try:
            files.append((Path(name).name, Path(name).read_bytes()))
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror}") from exc
    with me.transaction(_refusals()) as session:
        for filename, data in files:
            row = drafts.attach(
                session,
                args.id,
                filename=filename,
                data=data,
                staff=me.staff,
                now=now(),
                max_total=me.settings.max_attachment_bytes,
            )
            what = f"{row.filename} ({row.content_type}, {row.size} bytes)"
            print(f"draft {args.id}: attached {what}")


def cmd_drafts_approve(args: argparse.Namespace) -> None:
    from privacybot.service import drafts

    me = acting(args)
    with me.transaction(_refusals()) as session:
        draft = drafts.approve(
            session,
            args.id,
            staff=me.staff,
            outgoing=me.desk.outgoing,
            now=now(),
            mixed_language=args.mixed_language,
        )
    print(f"draft {draft.id}: {draft.status}")


def cmd_drafts_reject(args: argparse.Namespace) -> None:
    from privacybot.service import drafts

    me = acting(args)
    with me.transaction(_refusals()) as session:
        draft = drafts.reject(session, args.id, staff=me.staff, reason=args.reason, now=now())
    print(f"draft {draft.id}: {draft.status}")


def cmd_drafts_edit(args: argparse.Namespace) -> None:
    from privacybot.service import drafts

    me = acting(args)
    with me.transaction(_refusals()) as session:
        body = _edited_text(args, session)
        draft = drafts.edit(session, args.id, staff=me.staff, body=body, now=now())
    print(f"draft {draft.id}: {draft.status}")


def _edited_text(args: argparse.Namespace, session: Any) -> str:
    import os
    import shlex
    import subprocess
    import tempfile

    from privacybot.db.models import Draft

    if args.file == "-":
        rest = stdin_rest()
        return rest if rest is not None else sys.stdin.read()
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
