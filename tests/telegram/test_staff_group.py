"""The staff group: drafts posted with Approve / Reject, pressed by linked staff only."""

from __future__ import annotations

from sqlmodel import Session, select

from privacybot.db.chat_models import TelegramStaffPost
from privacybot.db.session import transaction
from privacybot.service import drafts
from privacybot.service.chat_staff import LinkError, link_staff, post_to_staff_chat
from privacybot.staff import add_staff
from privacybot.testing.telegram_api import Sent
from tests.telegram.conftest import BRAM_TG, OLGA_TG, STAFF_CHAT, ChatDesk

ANNA = 501
ACCESS = "Ik wil graag inzage in mijn persoonsgegevens bij Procura"
LETTER = "Beste mevrouw,\n\nWij verwerken uw naam en e-mailadres voor de support van Procura.\n"


async def _answer_waiting(chat: ChatDesk) -> int:
    """Anna verifies in the chat; the access answer waits for approval."""
    await chat.say(ANNA, ACCESS)
    await chat.say(ANNA, "anna@example.nl")
    await chat.press(ANNA, "confirm:yes")
    await chat.say(ANNA, chat.code_for("anna@example.nl"))
    answer = chat.drafts()[-1]
    assert answer.kind == "answer_access" and answer.status == "awaiting_approval"
    return answer.id or 0


def _link(chat: ChatDesk) -> None:
    with transaction(chat.engine) as s:
        link_staff(s, "olga@conxillium.nl", OLGA_TG, chat.clock.now(), "operator:test")
        link_staff(s, "bram@conxillium.nl", BRAM_TG, chat.clock.now(), "operator:test")


def _edit(chat: ChatDesk, draft_id: int, who: str = "bram@conxillium.nl") -> None:
    with transaction(chat.engine) as s:
        drafts.edit(s, draft_id, staff=who, body=LETTER, now=chat.clock.now())


def _posts(chat: ChatDesk) -> list[Sent]:
    return [s for s in chat.api.messages(STAFF_CHAT) if s.method == "sendMessage"]


def _approve_data(post: Sent) -> str:
    return next(d for d in post.callback_data if d.startswith("approve:"))


async def _posted(chat: ChatDesk, editor: str = "bram@conxillium.nl") -> Sent:
    """An answer filled in by ``editor`` and posted to the staff group."""
    draft_id = await _answer_waiting(chat)
    _edit(chat, draft_id, who=editor)
    await chat.step()
    [post] = _posts(chat)
    return post


async def _press(chat: ChatDesk, post: Sent, data: str, user_id: int) -> None:
    await chat.press(
        STAFF_CHAT, data, user_id=user_id, chat_type="supergroup", message_id=post.message_id
    )


async def test_a_draft_with_placeholders_is_not_posted_until_staff_fill_it_in(
    chat: ChatDesk,
) -> None:
    draft_id = await _answer_waiting(chat)
    await chat.step()
    assert _posts(chat) == []
    _edit(chat, draft_id)
    await chat.step()
    [post] = _posts(chat)
    assert f"Draft {draft_id}" in post.text and "Wij verwerken uw naam" in post.text
    assert "To: anna@example.nl" in post.text
    assert [d.split(":")[0] for d in post.callback_data] == ["approve", "reject"]


async def test_a_linked_officer_approves_from_the_group_and_the_post_says_who(
    chat: ChatDesk,
) -> None:
    _link(chat)
    post = await _posted(chat)
    await _press(chat, post, _approve_data(post), OLGA_TG)
    approved = chat.drafts()[-1]
    assert approved.status in ("queued", "sent") and approved.decided_by == "olga@conxillium.nl"
    [letter] = [m for m in chat.mail_to("anna@example.nl") if "Wij verwerken" in str(m)]
    assert letter["To"] == "anna@example.nl"
    edits = [s for s in chat.api.messages(STAFF_CHAT) if s.method == "editMessageText"]
    assert edits and "Approved by olga@conxillium.nl" in edits[-1].text
    assert edits[-1].buttons == []


async def test_four_eyes_the_editor_cannot_approve_from_the_group(chat: ChatDesk) -> None:
    _link(chat)
    post = await _posted(chat, editor="bram@conxillium.nl")
    await _press(chat, post, _approve_data(post), BRAM_TG)
    assert chat.drafts()[-1].status == "awaiting_approval"
    answer = chat.api.callback_answers[-1]
    assert "another officer" in answer["text"] and answer.get("show_alert") in (True, "true")


async def test_an_unlinked_telegram_user_cannot_approve(chat: ChatDesk) -> None:
    post = await _posted(chat)
    await _press(chat, post, _approve_data(post), 31337)
    assert chat.drafts()[-1].status == "awaiting_approval"
    assert "link-telegram EMAIL 31337" in chat.api.callback_answers[-1]["text"]


async def test_a_viewer_cannot_approve_from_the_group(chat: ChatDesk) -> None:
    with transaction(chat.engine) as s:
        add_staff(s, email="vera@conxillium.nl", role="viewer", password=None, now=chat.clock.now())
        link_staff(s, "vera@conxillium.nl", 7009, chat.clock.now(), "operator:test")
    post = await _posted(chat)
    await _press(chat, post, _approve_data(post), 7009)
    assert chat.drafts()[-1].status == "awaiting_approval"
    assert "viewer" in chat.api.callback_answers[-1]["text"]


async def test_a_button_of_an_older_version_is_refused(chat: ChatDesk) -> None:
    _link(chat)
    old = await _posted(chat)
    draft_id = chat.drafts()[-1].id or 0
    with transaction(chat.engine) as s:
        drafts.edit(
            s, draft_id, staff="bram@conxillium.nl", body=LETTER + "PS.\n", now=chat.clock.now()
        )
    await chat.step()
    assert len(_posts(chat)) == 2  # the new version is posted
    assert any(
        "edited" in s.text for s in chat.api.messages(STAFF_CHAT) if s.method != "sendMessage"
    )
    await _press(chat, old, _approve_data(old), OLGA_TG)
    assert chat.drafts()[-1].status == "awaiting_approval"


async def test_reject_asks_the_reason_and_the_next_message_gives_it(chat: ChatDesk) -> None:
    _link(chat)
    post = await _posted(chat)
    reject = next(d for d in post.callback_data if d.startswith("reject:"))
    await _press(chat, post, reject, OLGA_TG)
    prompt = chat.api.messages(STAFF_CHAT)[-1]
    assert "reason" in prompt.text and prompt.force_reply  # works with group privacy mode on
    chat.api.send_text(
        STAFF_CHAT,
        "De bijlage ontbreekt",
        user_id=OLGA_TG,
        chat_type="supergroup",
        reply_to_message={"message_id": prompt.message_id, "chat": {"id": STAFF_CHAT}},
    )
    await chat.step()
    rejected = chat.drafts()[-1]
    assert rejected.status == "rejected" and rejected.decision_reason == "De bijlage ontbreekt"
    assert "Rejected by olga@conxillium.nl: De bijlage ontbreekt" in chat.last(STAFF_CHAT)


async def test_a_draft_decided_on_the_command_line_has_its_post_edited(chat: ChatDesk) -> None:
    draft_id = await _answer_waiting(chat)
    _edit(chat, draft_id)
    await chat.step()
    with transaction(chat.engine) as s:
        drafts.approve(
            s,
            draft_id,
            staff="olga@conxillium.nl",
            outgoing=chat.desk.outgoing,
            now=chat.clock.now(),
        )
    await chat.step()
    assert "Approved by olga@conxillium.nl" in chat.last(STAFF_CHAT)
    with Session(chat.engine) as s:
        [post] = s.exec(select(TelegramStaffPost)).all()
    assert post.state == "closed" and post.message_id is not None


async def test_chat_members_talking_in_the_group_are_left_alone(chat: ChatDesk) -> None:
    _link(chat)
    chat.api.send_text(STAFF_CHAT, "koffie?", user_id=OLGA_TG, chat_type="supergroup")
    chat.api.send_text(STAFF_CHAT, "/start", user_id=31337, chat_type="supergroup")
    await chat.step()
    assert chat.api.messages(STAFF_CHAT) == []


async def test_post_to_staff_chat_is_the_digest_hook(chat: ChatDesk) -> None:
    with transaction(chat.engine) as s:
        assert post_to_staff_chat(
            s, "PRV-2026-00001 is overdue", staff_chat=STAFF_CHAT, now=chat.clock.now()
        )
        assert not post_to_staff_chat(s, "x", staff_chat=None, now=chat.clock.now())
    await chat.step()
    assert chat.last(STAFF_CHAT) == "PRV-2026-00001 is overdue"


def test_link_telegram_refuses_a_user_already_linked_to_someone_else(chat: ChatDesk) -> None:
    _link(chat)
    with transaction(chat.engine) as s:
        try:
            link_staff(s, "bram@conxillium.nl", OLGA_TG, chat.clock.now(), "operator:test")
        except LinkError as exc:
            assert "already linked" in str(exc)
        else:
            raise AssertionError("one Telegram user was linked to two staff accounts")
