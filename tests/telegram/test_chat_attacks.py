"""Every kind of bad chat input, written as the attack (issue 15, point 4).

Each test plays a hostile or careless chat against the real parts (fake Bot API,
python-telegram-bot, the worker, the database) and checks that the desk answers
politely or not at all, logs, stores what it must, and never crashes or discloses.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest
from sqlmodel import Session, col, select

from privacybot.db.chat_models import TelegramCaseLink
from privacybot.db.models import InboundMessage, OutboxItem
from privacybot.intake.base import InboundEnvelope
from privacybot.intake.store import DbInboundSink
from tests.flow.helpers import mail
from tests.telegram.conftest import ChatDesk

ANNA_MAIL = "anna@example.nl"
MALLORY = 666
ACCESS = "Ik wil graag inzage in mijn persoonsgegevens bij Procura"


def _mail_in(chat: ChatDesk, raw: bytes, key: str) -> None:
    DbInboundSink(chat.engine, chat.clock).store(
        InboundEnvelope("email", "test", key, raw, chat.clock.now(), message_id=None)
    )
    chat.worker.drain()


def _victim_case_by_mail(chat: ChatDesk) -> str:
    """Anna mailed an access request and verified it with the mailed code."""
    _mail_in(chat, mail(ACCESS, sender=f"Anna <{ANNA_MAIL}>"), "m1")
    ack = chat.drafts()[0]
    code = chat.code_for(ANNA_MAIL)
    reply = mail(f"code {code}", sender=ANNA_MAIL, subject=ack.subject, in_reply_to=ack.message_id)
    _mail_in(chat, reply, "m2")
    [case] = chat.cases()
    assert case.verified
    return case.reference


def _said(chat: ChatDesk, chat_id: int) -> str:
    return "\n".join(chat.api.texts(chat_id))


async def test_claiming_another_persons_address_gets_neither_their_case_nor_their_code(
    chat: ChatDesk,
) -> None:
    reference = _victim_case_by_mail(chat)
    mails_before = len(chat.mail_to(ANNA_MAIL))
    await chat.say(MALLORY, ACCESS)
    await chat.say(MALLORY, ANNA_MAIL)
    await chat.press(MALLORY, "confirm:yes")
    # The code goes to Anna's mailbox, not to the chat; it names her case to her only.
    assert len(chat.mail_to(ANNA_MAIL)) == mails_before + 1
    assert chat.code_for(ANNA_MAIL) not in _said(chat, MALLORY)
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        await chat.say(MALLORY, guess)
    await chat.say(MALLORY, "/status")
    said = _said(chat, MALLORY)
    assert reference not in said and "PRV-" not in said
    assert "te vaak een verkeerde code" in said
    [case] = chat.cases()  # no second case: the request joined hers, pending the code
    assert case.needs_staff
    with Session(chat.engine) as s:
        links = s.exec(select(TelegramCaseLink)).all()
    assert [(link.chat_id, link.verified) for link in links] == [(MALLORY, False)]
    # Her code still works for her, by mail: nothing of hers was changed or unlocked.
    assert case.reference == reference


async def test_typing_another_chats_code_does_not_verify(chat: ChatDesk) -> None:
    for chat_id in (501, MALLORY):  # both name Anna's address; only Anna reads her mail
        await chat.say(chat_id, ACCESS)
        await chat.say(chat_id, ANNA_MAIL)
        await chat.press(chat_id, "confirm:yes")
    codes = [
        m.get_payload(decode=True).decode()  # type: ignore[union-attr]
        for m in chat.mail_to(ANNA_MAIL)
    ]
    assert len(codes) == 2
    # Mallory somehow learns the code mailed for Anna's chat (the first one) and types it.
    first = re.findall(r"\b\d{6}\b", codes[0])[0]
    second = re.findall(r"\b\d{6}\b", codes[1])[0]
    [reply] = await chat.say(MALLORY, first)
    assert "klopt niet" in reply.text
    [case] = chat.cases()
    assert not case.verified
    # Anna types the code of her own chat, and only her chat is linked.
    [done] = await chat.say(501, first)
    assert case.reference in done.text
    await chat.say(MALLORY, second)  # codes are spent once the case is verified
    assert "PRV-" not in _said(chat, MALLORY)


async def test_a_code_typed_wrong_five_times_locks_and_the_right_one_then_fails(
    chat: ChatDesk,
) -> None:
    await chat.say(501, ACCESS)
    await chat.say(501, ANNA_MAIL)
    await chat.press(501, "confirm:yes")
    right = chat.code_for(ANNA_MAIL)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        await chat.say(501, wrong)
    [after] = await chat.say(501, right)
    assert "PRV-" not in after.text
    [case] = chat.cases()
    assert not case.verified and case.needs_staff


async def test_a_code_out_of_turn_opens_nothing(chat: ChatDesk) -> None:
    [reply] = await chat.say(501, "123456")
    assert "verwachten nu geen code" in reply.text
    assert chat.cases() == []


async def test_a_spam_burst_is_stored_but_answered_only_up_to_the_limit(
    chat: ChatDesk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    for i in range(30):
        chat.api.send_text(501, f"spam {i}")
    await chat.step()
    replies = chat.api.texts(501)
    assert len(replies) == 11 and "veel berichten" in replies[-1]
    with Session(chat.engine) as s:
        rows = s.exec(select(InboundMessage)).all()
    assert len(rows) == 30 and all(r.state == "triaged" for r in rows)
    assert "tg-rate-limit" in caplog.text
    chat.advance(minutes=2)
    chat.api.clock = lambda: chat.clock.now().timestamp()
    [again] = await chat.say(501, "/start")
    assert again.text.startswith("Goedendag")


async def test_a_blocked_bot_fails_the_message_and_marks_the_chat(chat: ChatDesk) -> None:
    chat.api.block(501)
    await chat.say(501, "/start")
    with Session(chat.engine) as s:
        items = s.exec(select(OutboxItem).where(OutboxItem.channel == "telegram")).all()
    assert [i.status for i in items] == ["failed"] and "403" in (items[0].last_error or "")
    row = chat.conversation(501)
    assert row is not None and row.blocked


async def test_a_group_that_adds_the_bot_gets_one_note_and_is_left(chat: ChatDesk) -> None:
    chat.api.send_update(
        {
            "my_chat_member": {
                "chat": {"id": -4242, "type": "group", "title": "Buren"},
                "from": {"id": 9, "is_bot": False, "first_name": "X"},
                "date": int(chat.clock.now().timestamp()),
                "old_chat_member": {"status": "left", "user": {"id": 1, "is_bot": True}},
                "new_chat_member": {"status": "member", "user": {"id": 1, "is_bot": True}},
            }
        }
    )
    await chat.step()
    chat.api.send_text(-4242, "ik wil inzage", chat_type="group")
    await chat.step()
    assert len(chat.api.texts(-4242)) == 1 and "privé" in chat.api.texts(-4242)[0]
    assert -4242 in chat.api.left_chats
    assert chat.cases() == []


@pytest.mark.parametrize(
    "media",
    [
        {"sticker": {"file_id": "S1", "width": 1, "height": 1}},
        {"photo": [{"file_id": "P1", "width": 1, "height": 1}]},
        {"voice": {"file_id": "V1", "duration": 3}},
        {"document": {"file_id": "D1", "file_name": "paspoort.pdf"}, "caption": "mijn ID"},
    ],
    ids=["sticker", "photo", "voice", "document"],
)
async def test_files_are_not_kept_and_documents_are_asked_by_mail(
    chat: ChatDesk, media: dict[str, Any]
) -> None:
    chat.api.send_update({"message": chat.api.message(501, None, **media)})
    await chat.step()
    [reply] = chat.api.texts(501)
    assert "privacy@conxillium.nl" in reply
    with Session(chat.engine) as s:
        [row] = s.exec(select(InboundMessage)).all()
    assert b"file_id" not in row.raw and b"paspoort" not in row.raw


async def test_an_edited_message_is_not_taken_as_a_new_answer(chat: ChatDesk) -> None:
    await chat.say(501, ACCESS)
    chat.api.edit(501, 2, "iemand.anders@example.nl")
    await chat.step()
    assert "nieuw bericht" in chat.last(501)
    row = chat.conversation(501)
    assert row is not None and row.address is None and row.state == "ask_address"


async def test_a_bot_is_never_answered(chat: ChatDesk) -> None:
    await chat.say(501, "/start", is_bot=True)
    assert chat.api.texts(501) == []


async def test_a_forwarded_request_is_not_taken(chat: ChatDesk) -> None:
    chat.api.send_update(
        {
            "message": chat.api.message(
                501,
                ACCESS,
                forward_origin={"type": "hidden_user", "sender_user_name": "X", "date": 1},
            )
        }
    )
    await chat.step()
    assert "doorgestuurd" in chat.last(501).lower()
    assert chat.conversation(501) is not None and chat.conversation(501).rights == []  # type: ignore[union-attr]


async def test_an_unknown_command_gets_the_list(chat: ChatDesk) -> None:
    [reply] = await chat.say(501, "/sudo rm -rf")
    assert "/status" in reply.text


async def test_very_long_text_is_cut_at_intake_and_not_read(chat: ChatDesk) -> None:
    [reply] = await chat.say(501, "inzage " * 2000)
    assert "te lang" in reply.text
    with Session(chat.engine) as s:
        [row] = s.exec(select(InboundMessage)).all()
    assert len(json.loads(row.raw)["text"]) == 4096 and "4096" in (row.problem or "")


async def test_a_malformed_update_is_stored_and_ignored(chat: ChatDesk) -> None:
    chat.api.send_update({"message": {"text": "no chat, no sender, no date"}})
    chat.api.send_update({"weird_new_kind": {"x": 1}})
    chat.api.send_text(501, "/start")
    await chat.step()
    with Session(chat.engine) as s:
        rows = s.exec(select(InboundMessage).order_by(col(InboundMessage.id))).all()
    assert [r.state for r in rows] == ["triaged", "triaged", "triaged"]
    assert len(chat.api.texts(501)) == 1


async def test_garbage_button_data_is_answered_and_ignored(chat: ChatDesk) -> None:
    await chat.press(501, "company:'; DROP TABLE case;--", message_id=1)
    await chat.press(501, "x" * 300, message_id=1)
    assert len(chat.api.callback_answers) == 2
    assert chat.cases() == []
