"""What staff do to a case: extend, close, reopen, refuse, or draft a staff letter.

Each command prints its result after the transaction has committed, so a closed
pipe on standard output cannot roll the action back.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from privacybot.cli.acting import acting, acting_args

if TYPE_CHECKING:
    from privacybot.cli.parser import SubParsers

LETTER_KINDS = sorted(
    [
        "answer_access_none",
        "answer_access_processor",
        "not_identifiable",
        "id_copy_request",
        "representation_proof",
        "deceased",
        "answer_complaint",
    ]
)


def register(csub: SubParsers) -> None:
    ce = csub.add_parser("extend", help="extend a case once by up to two months (art. 12(3))")
    ce.add_argument("reference", metavar="REF")
    acting_args(ce)
    ce.add_argument("--reason", required=True)
    ce.set_defaults(func=cmd_cases_extend)
    cc = csub.add_parser("close", help="close a case")
    cc.add_argument("reference", metavar="REF")
    acting_args(cc)
    cc.set_defaults(func=cmd_cases_close)
    co = csub.add_parser("reopen", help="reopen a closed or answered case, with a reason")
    co.add_argument("reference", metavar="REF")
    acting_args(co)
    co.add_argument("--reason", required=True)
    co.set_defaults(func=cmd_cases_reopen)
    cr = csub.add_parser("refuse", help="refuse a request on a legal ground and draft the letter")
    cr.add_argument("reference", metavar="REF")
    acting_args(cr)
    cr.add_argument("--ground", required=True, help="e.g. excessive, manifestly_unfounded")
    cr.add_argument("--reason", required=True)
    cr.add_argument("--partial", action="store_true", help="only part of the request is refused")
    cr.add_argument("--right", default=None, help="the right refused, when the case asks several")
    cr.set_defaults(func=cmd_cases_refuse)
    ct = csub.add_parser("letter", help="draft a staff letter: no data held, processor, ...")
    ct.add_argument("reference", metavar="REF")
    ct.add_argument("kind", choices=LETTER_KINDS)
    ct.add_argument("--replaces", type=int, metavar="ID", help="withdraw this draft instead")
    ct.add_argument("--reason", help="why (an ID check must say why)")
    acting_args(ct)
    ct.set_defaults(func=cmd_cases_letter)


def _refusals() -> tuple[type[Exception], ...]:
    from privacybot.service.actions import ActionError
    from privacybot.service.cases import CaseError
    from privacybot.staff import StaffError

    return CaseError, StaffError, ActionError


def cmd_cases_extend(args: argparse.Namespace) -> None:
    from privacybot.service import actions

    me = acting(args)
    with me.transaction(_refusals()) as session:
        done = actions.extend(
            session,
            me.desk,
            args.reference,
            staff=me.staff,
            reason=args.reason,
            today=me.now.astimezone(me.settings.timezone).date(),
            now=me.now,
        )
        ref, notice = done.case.reference, done.notice.id
        said = f"{ref}: extended to {done.due}; notice is draft {notice}"
    print(said)


def cmd_cases_close(args: argparse.Namespace) -> None:
    from privacybot.service import actions

    me = acting(args)
    with me.transaction(_refusals()) as session:
        case = actions.close(session, args.reference, staff=me.staff, now=me.now)
        said = f"{case.reference}: closed"
    print(said)


def cmd_cases_reopen(args: argparse.Namespace) -> None:
    from privacybot.service import actions

    me = acting(args)
    with me.transaction(_refusals()) as session:
        case = actions.reopen(
            session, args.reference, staff=me.staff, reason=args.reason, now=me.now
        )
        said = f"{case.reference}: {case.status}"
    print(said)


def cmd_cases_refuse(args: argparse.Namespace) -> None:
    from privacybot.service import actions

    me = acting(args)
    with me.transaction(_refusals()) as session:
        draft = actions.refuse(
            session,
            me.desk,
            args.reference,
            staff=me.staff,
            ground=args.ground,
            reasons=args.reason,
            partial=args.partial,
            right=args.right,
            now=me.now,
        )
        ref = args.reference.upper()
        said = f"{ref}: refusal drafted as draft {draft.id}, awaiting approval"
    print(said)


def cmd_cases_letter(args: argparse.Namespace) -> None:
    from privacybot.service import actions

    me = acting(args)
    with me.transaction(_refusals()) as session:
        draft = actions.draft_letter(
            session,
            me.desk,
            args.reference,
            args.kind,
            staff=me.staff,
            now=me.now,
            replaces=args.replaces,
            reason=args.reason or "",
        )
        said = f"{args.reference.upper()}: {args.kind} is draft {draft.id}, awaiting approval"
    print(said)
