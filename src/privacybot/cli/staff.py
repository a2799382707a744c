"""`staff`: accounts, personal API tokens and Telegram links, run by the operator."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from privacybot.cli.acting import prove
from privacybot.cli.errors import CommandError, refused_as_command_error
from privacybot.cli.output import print_rows
from privacybot.cli.wiring import now, open_db, operator

if TYPE_CHECKING:
    from privacybot.cli.parser import Commands


def register(commands: Commands) -> None:
    ssub = commands.group("staff", "staff accounts and personal API tokens (operator)")
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


def _stdin_line() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def cmd_staff_add(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.staff import StaffError, add_staff

    password = _stdin_line() if args.password_stdin else None
    _, engine = open_db(args)
    with refused_as_command_error(StaffError), transaction(engine) as session:
        member = add_staff(
            session,
            email=args.email,
            role=args.role,
            password=password,
            now=now(),
            actor=operator(),
        )
    print(f"added {member.email} as {member.role}")


def _new_password(args: argparse.Namespace) -> str:
    import getpass

    if args.password_stdin:
        return _stdin_line()
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

    _, engine = open_db(args)
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
    print_rows(rows, args, _account_line, empty="no staff accounts")


def _account_line(row: dict[str, Any]) -> str:
    state = "active" if row["active"] else "disabled"
    return f"{row['email']:<40} {row['role']:<8} {state}"


def cmd_staff_token(args: argparse.Namespace) -> None:
    from privacybot.db.models import Staff
    from privacybot.db.session import transaction
    from privacybot.staff import create_token

    _, engine = open_db(args)
    args.staff = args.email
    identity = prove(args, engine)
    with transaction(engine) as session:
        member = session.get(Staff, identity.id)
        assert member is not None
        token = create_token(session, member, args.label, now())
    print(token)


def _account_change(args: argparse.Namespace, change: str) -> None:
    from privacybot import staff as accounts
    from privacybot.db.session import transaction

    _, engine = open_db(args)
    password = _new_password(args) if change == "reset-password" else ""
    actor = operator()
    with refused_as_command_error(accounts.StaffError), transaction(engine) as session:
        if change == "disable":
            member = accounts.disable(session, args.email, now(), actor)
        elif change == "set-role":
            member = accounts.set_role(session, args.email, args.role, now(), actor)
        else:
            member = accounts.reset_password(session, args.email, password, now(), actor)
    print(f"{member.email}: {member.role}, {'active' if member.active else 'disabled'}")


def cmd_staff_disable(args: argparse.Namespace) -> None:
    _account_change(args, "disable")


def cmd_staff_set_role(args: argparse.Namespace) -> None:
    _account_change(args, "set-role")


def cmd_staff_reset_password(args: argparse.Namespace) -> None:
    _account_change(args, "reset-password")


def cmd_staff_link_telegram(args: argparse.Namespace) -> None:
    """Issue 15: this Telegram user may press Approve / Reject as this staff member."""
    from privacybot.db.session import transaction
    from privacybot.service.chat_staff import LinkError, link_staff

    _, engine = open_db(args)
    try:
        user_id = int(args.user_id)
    except ValueError:
        raise CommandError(
            f"USER_ID is a number (Telegram's user id), not {args.user_id!r}"
        ) from None
    with refused_as_command_error(LinkError), transaction(engine) as session:
        member = link_staff(session, args.email, user_id, now(), operator())
    print(f"{member.email} is Telegram user {user_id} in the staff group")


def cmd_staff_unlink_telegram(args: argparse.Namespace) -> None:
    from privacybot.db.session import transaction
    from privacybot.service.chat_staff import LinkError, unlink_staff

    _, engine = open_db(args)
    with refused_as_command_error(LinkError), transaction(engine) as session:
        member = unlink_staff(session, args.email, now(), operator())
    print(f"{member.email} has no Telegram user any more")
