"""The staff group on Telegram: drafts posted with Approve / Reject, decided by linked staff.

A draft waiting for approval, once it has no placeholders left, is posted to the
configured staff chat with its letter and two buttons. Only a Telegram user linked to
a staff account (``privacybot staff link-telegram EMAIL USER_ID``) can use them, and a
press does exactly what ``privacybot drafts approve|reject --as EMAIL`` does: it calls
``service.drafts`` as that member, so the officer role, the four-eyes rule and the
verified-requester gate hold unchanged. A button carries a hash of the text it was
posted with; a press on a version that has since been edited is refused, so nobody
approves words they did not see. When a draft is decided (here or anywhere else) its
post is edited to say who decided.

The posts go out through the outbox like every chat message; :func:`post_to_staff_chat`
lets other jobs (the digest's urgent lines) use the same path.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from sqlmodel import Session, col, select

from privacybot.db import repo
from privacybot.db.chat_models import TelegramStaffLink, TelegramStaffPost
from privacybot.db.models import Case, Draft, Staff
from privacybot.domain import DraftStatus
from privacybot.replies.chat import StaffText, button_label, cut, render_staff
from privacybot.replies.context import has_placeholder
from privacybot.service import chat_outbox
from privacybot.service.desk import Outgoing
from privacybot.service.drafts import DraftError, approve, reject
from privacybot.staff import StaffError, find

log = logging.getLogger(__name__)

#: Room for the letter in one post (Telegram's limit is 4096 with the header around it).
MAX_LETTER = 3200


class LinkError(Exception):
    """A link-telegram command the rules refuse; one line for the operator."""


# --- linking staff accounts ----------------------------------------------------------------------


def link_staff(session: Session, email: str, user_id: int, now: datetime, actor: str) -> Staff:
    """Tie a staff account to a Telegram user (one user per account, one account per user)."""
    if user_id <= 0:
        raise LinkError(f"a Telegram user id is a positive number, not {user_id}")
    member = find(session, email)
    if member is None:
        raise LinkError(f"unknown staff member {email.strip().lower()}")
    taken = session.exec(
        select(TelegramStaffLink).where(TelegramStaffLink.telegram_user_id == user_id)
    ).first()
    if taken is not None and taken.staff_id != member.id:
        raise LinkError(f"Telegram user {user_id} is already linked to another staff account")
    link = session.get(TelegramStaffLink, member.id)
    if link is None:
        link = TelegramStaffLink(staff_id=member.id or 0, telegram_user_id=user_id, linked_at=now)
    link.telegram_user_id = user_id
    link.linked_at = now
    link.reject_draft_id = None
    link.reject_since = None
    session.add(link)
    repo.audit(session, actor=actor, action="staff_telegram_linked", at=now, staff=member.email)
    return member


def unlink_staff(session: Session, email: str, now: datetime, actor: str) -> Staff:
    member = find(session, email)
    if member is None:
        raise LinkError(f"unknown staff member {email.strip().lower()}")
    link = session.get(TelegramStaffLink, member.id)
    if link is None:
        raise LinkError(f"{member.email} has no Telegram user linked")
    session.delete(link)
    repo.audit(session, actor=actor, action="staff_telegram_unlinked", at=now, staff=member.email)
    return member


def member_for_user(
    session: Session, user_id: int | None
) -> tuple[Staff, TelegramStaffLink] | None:
    """The active staff account linked to this Telegram user, with its link row."""
    if user_id is None:
        return None
    link = session.exec(
        select(TelegramStaffLink).where(TelegramStaffLink.telegram_user_id == user_id)
    ).first()
    if link is None:
        return None
    member = session.get(Staff, link.staff_id)
    if member is None or not member.active:
        return None
    return member, link


# --- posting drafts ------------------------------------------------------------------------------


def text_hash(draft: Draft) -> str:
    """Which version of the letter a post shows (subject and text)."""
    data = f"{draft.subject}\n\n{draft.body}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:12]


def _post_text(draft: Draft, reference: str | None) -> tuple[str, bool]:
    body = draft.body
    is_cut = len(body) > MAX_LETTER
    text = render_staff(
        StaffText.POST,
        {
            "draft_id": draft.id,
            "kind": draft.kind,
            "reference": reference,
            "to": draft.to_address,
            "subject": draft.subject,
            "body": cut(body, MAX_LETTER) if is_cut else body,
            "cut": is_cut,
        },
    )
    return text, is_cut


def _buttons(draft_id: int, digest: str, cut_text: bool) -> list[list[tuple[str, str]]]:
    """Approve only under a letter shown whole: nobody approves words they did not see."""
    row = [] if cut_text else [(button_label("approve", "staff"), f"approve:{draft_id}:{digest}")]
    row.append((button_label("reject", "staff"), f"reject:{draft_id}:{digest}"))
    return [row]


def _reference(session: Session, draft: Draft) -> str | None:
    case = session.get(Case, draft.case_id) if draft.case_id else None
    return case.reference if case else None


def post_waiting_drafts(session: Session, staff_chat: int, now: datetime) -> int:
    """Post every draft that waits for approval and is ready for it; returns how many.

    A draft still holding placeholders is not ready (approval would be refused); it
    is posted once staff have filled it in. An edited draft is posted anew and its
    older post is closed as superseded.
    """
    waiting = session.exec(
        select(Draft)
        .where(Draft.status == DraftStatus.AWAITING_APPROVAL)
        .order_by(col(Draft.id))
        .limit(200)
    ).all()
    posted = 0
    for draft in waiting:
        if has_placeholder(draft.subject + draft.body) or draft.id is None:
            continue
        digest = text_hash(draft)
        posts = session.exec(
            select(TelegramStaffPost).where(TelegramStaffPost.draft_id == draft.id)
        ).all()
        if any(p.text_hash == digest for p in posts):
            continue
        for old in posts:
            if old.state == "open":
                _close(session, old, "superseded", who="", reason="", now=now)
        reference = _reference(session, draft)
        text, is_cut = _post_text(draft, reference)
        post = TelegramStaffPost(
            draft_id=draft.id, text_hash=digest, chat_id=staff_chat, created=now
        )
        session.add(post)
        session.flush()
        chat_outbox.send_message(
            session,
            staff_chat,
            text,
            now=now,
            buttons=_buttons(draft.id, digest, is_cut),
            audience=chat_outbox.STAFF,
            post_id=post.id,
        )
        log.info("draft %s (case %s) posted to the staff group", draft.id, reference or "-")
        posted += 1
    return posted


def _close(
    session: Session, post: TelegramStaffPost, outcome: str, *, who: str, reason: str, now: datetime
) -> None:
    """Edit a post to say how its draft was settled; its buttons go."""
    draft = session.get(Draft, post.draft_id)
    head = _post_text(draft, _reference(session, draft))[0] if draft is not None else ""
    text = render_staff(
        StaffText.CLOSED, {"post": head, "outcome": outcome, "who": who, "reason": reason}
    )
    post.state = "closed"
    post.closed_at = now
    session.add(post)
    chat_outbox.edit_post(session, post.chat_id, post.id or 0, cut(text, 4000), now=now)


def close_settled_posts(session: Session, now: datetime) -> int:
    """Posts whose draft was decided elsewhere (CLI, dashboard) are edited to say so."""
    rows = session.exec(
        select(TelegramStaffPost, Draft)
        .join(Draft, col(Draft.id) == TelegramStaffPost.draft_id)
        .where(
            TelegramStaffPost.state == "open",
            Draft.status != DraftStatus.AWAITING_APPROVAL,
        )
    ).all()
    for post, draft in rows:
        outcome, reason = _outcome(draft)
        _close(session, post, outcome, who=draft.decided_by or "", reason=reason, now=now)
    return len(rows)


def _outcome(draft: Draft) -> tuple[str, str]:
    if draft.status == DraftStatus.REJECTED:
        return "rejected", draft.decision_reason or ""
    if draft.status in (DraftStatus.QUEUED, DraftStatus.SENT, DraftStatus.FAILED):
        return "approved", ""
    return "withdrawn", f"the draft is {draft.status}"


# --- decisions from the staff group --------------------------------------------------------------


def _answer(
    session: Session, chat_id: int, callback_id: str | None, text: str, now: datetime, alert: bool
) -> None:
    if callback_id:
        chat_outbox.answer_button(
            session, chat_id, callback_id, text, now=now, alert=alert, audience=chat_outbox.STAFF
        )


def _current_post(
    session: Session, draft_id: int, digest: str | None
) -> tuple[Draft | None, TelegramStaffPost | None]:
    draft = session.get(Draft, draft_id)
    post = session.exec(
        select(TelegramStaffPost).where(
            TelegramStaffPost.draft_id == draft_id, TelegramStaffPost.text_hash == (digest or "")
        )
    ).first()
    return draft, post


def not_linked(
    session: Session, chat_id: int, callback_id: str | None, user_id: int | None, now: datetime
) -> None:
    log.warning("staff group: Telegram user %s pressed a button but is not linked", user_id)
    text = render_staff(StaffText.NOT_LINKED, {"user_id": user_id})
    _answer(session, chat_id, callback_id, text, now, alert=True)


def _refuse(
    session: Session, chat_id: int, callback_id: str | None, reason: str, now: datetime
) -> None:
    _answer(
        session,
        chat_id,
        callback_id,
        render_staff(StaffText.REFUSED, {"reason": reason}),
        now,
        alert=True,
    )


def press_approve(
    session: Session,
    *,
    chat_id: int,
    callback_id: str | None,
    user_id: int | None,
    draft_id: int,
    digest: str | None,
    outgoing: Outgoing,
    now: datetime,
) -> str:
    """Approve as the linked member: exactly ``drafts approve`` (four eyes, verified gate)."""
    found = member_for_user(session, user_id)
    if found is None:
        not_linked(session, chat_id, callback_id, user_id, now)
        return "not linked"
    member, _ = found
    draft, post = _current_post(session, draft_id, digest)
    if draft is None or post is None:
        _refuse(session, chat_id, callback_id, f"no such post of draft {draft_id}", now)
        return "unknown post"
    if text_hash(draft) != digest:
        _refuse(
            session,
            chat_id,
            callback_id,
            f"draft {draft_id} was edited since this post; the new text is posted",
            now,
        )
        return "stale version"
    try:
        with session.begin_nested():
            approve(session, draft_id, staff=member.email, outgoing=outgoing, now=now)
    except (DraftError, StaffError) as exc:
        log.info("staff group: %s could not approve draft %s: %s", member.email, draft_id, exc)
        _refuse(session, chat_id, callback_id, str(exc), now)
        return "refused"
    _close(session, post, "approved", who=member.email, reason="", now=now)
    _answer(
        session,
        chat_id,
        callback_id,
        render_staff(StaffText.DONE, {"outcome": "approved"}),
        now,
        alert=False,
    )
    log.info("staff group: draft %s approved by %s", draft_id, member.email)
    return "approved"


def press_reject(
    session: Session,
    *,
    chat_id: int,
    callback_id: str | None,
    user_id: int | None,
    draft_id: int,
    digest: str | None,
    now: datetime,
) -> str:
    """Reject needs a reason: the member's next message in the group gives it."""
    found = member_for_user(session, user_id)
    if found is None:
        not_linked(session, chat_id, callback_id, user_id, now)
        return "not linked"
    member, link = found
    draft, post = _current_post(session, draft_id, digest)
    if draft is None or post is None or draft.status != DraftStatus.AWAITING_APPROVAL:
        _refuse(session, chat_id, callback_id, f"draft {draft_id} is not waiting for approval", now)
        return "not waiting"
    link.reject_draft_id = draft_id
    link.reject_since = now
    session.add(link)
    _answer(session, chat_id, callback_id, "", now, alert=False)
    ask = render_staff(StaffText.REJECT_ASK, {"who": member.email, "draft_id": draft_id})
    chat_outbox.send_message(
        session, chat_id, ask, now=now, audience=chat_outbox.STAFF, force_reply=True
    )
    return "reason asked"


def give_reason(
    session: Session, *, chat_id: int, user_id: int | None, reason: str, now: datetime
) -> str:
    """The reason after a Reject press: ``drafts reject --reason`` as that member."""
    found = member_for_user(session, user_id)
    if found is None or found[1].reject_draft_id is None:
        return "nothing pending"
    member, link = found
    draft_id = link.reject_draft_id
    assert draft_id is not None
    link.reject_draft_id = None
    link.reject_since = None
    session.add(link)
    try:
        with session.begin_nested():
            reject(session, draft_id, staff=member.email, reason=reason, now=now)
    except (DraftError, StaffError) as exc:
        text = render_staff(StaffText.REFUSED, {"reason": str(exc)})
        chat_outbox.send_message(session, chat_id, text, now=now, audience=chat_outbox.STAFF)
        return "refused"
    for post in session.exec(
        select(TelegramStaffPost).where(
            TelegramStaffPost.draft_id == draft_id, TelegramStaffPost.state == "open"
        )
    ).all():
        _close(session, post, "rejected", who=member.email, reason=reason, now=now)
    log.info("staff group: draft %s rejected by %s", draft_id, member.email)
    return "rejected"


def cancel_reject(session: Session, *, chat_id: int, user_id: int | None, now: datetime) -> str:
    found = member_for_user(session, user_id)
    if found is None or found[1].reject_draft_id is None:
        return "nothing pending"
    member, link = found
    text = render_staff(
        StaffText.REJECT_CANCELLED, {"who": member.email, "draft_id": link.reject_draft_id}
    )
    link.reject_draft_id = None
    link.reject_since = None
    session.add(link)
    chat_outbox.send_message(session, chat_id, text, now=now, audience=chat_outbox.STAFF)
    return "cancelled"


# --- other jobs ----------------------------------------------------------------------------------


def post_to_staff_chat(
    session: Session, text: str, *, staff_chat: int | None, now: datetime
) -> bool:
    """Queue ``text`` for the staff group in the caller's transaction (e.g. digest lines).

    Returns False, queueing nothing, when no staff chat is configured
    (PRIVACYBOT_TELEGRAM_STAFF_CHAT). The text is sent as plain text, cut to fit.
    """
    if staff_chat is None or not text.strip():
        return False
    chat_outbox.send_message(
        session, staff_chat, cut(text.strip(), 4000), now=now, audience=chat_outbox.STAFF
    )
    return True
