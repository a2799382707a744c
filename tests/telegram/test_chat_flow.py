"""Whole conversations through the loopback Bot API, python-telegram-bot and a real database."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from privacybot.db.chat_models import TelegramCaseLink
from privacybot.db.models import AuditEvent, InboundMessage, OutboxItem
from privacybot.db.session import transaction
from privacybot.replies.render import nl_date
from privacybot.service import actions
from tests.telegram.conftest import ChatDesk, make_chat_desk

ANNA = 501
ACCESS = "Ik wil graag inzage in mijn persoonsgegevens bij Procura"


async def verified_chat(
    chat: ChatDesk, chat_id: int = ANNA, address: str = "anna@example.nl"
) -> str:
    await chat.say(chat_id, ACCESS)
    await chat.say(chat_id, address)
    await chat.press(chat_id, "confirm:yes")
    return (await chat.say(chat_id, chat.code_for(address)))[-1].text


async def test_a_rights_request_from_start_to_reference_and_due_date(chat: ChatDesk) -> None:
    [hello] = await chat.say(ANNA, "/start")
    lines = hello.text.splitlines()
    assert lines[0].startswith("Goedendag") and len(lines) == 4  # greeting + three lines
    [ask] = await chat.say(ANNA, ACCESS)
    assert "e-mailadres" in ask.text
    [confirm] = await chat.say(ANNA, "anna@example.nl")
    assert "anna@example.nl" in confirm.text and confirm.callback_data == [
        "confirm:yes",
        "confirm:no",
    ]
    assert chat.mail() == []  # nothing is mailed before the citizen confirms the address
    [sent] = await chat.press(ANNA, "confirm:yes")
    assert "ontvangen" in sent.text and "PRV-" not in sent.text
    [code_mail] = chat.mail_to("anna@example.nl")
    assert "Telegram" in code_mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
    [case] = chat.cases()
    assert case.channel == "telegram" and case.status == "awaiting_verification"
    [done] = await chat.say(ANNA, chat.code_for("anna@example.nl"))
    [case] = chat.cases()
    assert case.verified and case.status == "open"
    assert case.reference in done.text and nl_date(case.due) in done.text
    [status] = await chat.say(ANNA, "/status")
    assert case.reference in status.text
    kinds = [d.kind for d in chat.drafts()]
    assert kinds == ["verification_code", "answer_access"]


async def test_an_english_chat_is_answered_in_english(chat: ChatDesk) -> None:
    [hello] = await chat.say(600, "/start", language_code="en")
    assert hello.text.startswith("Hello")
    [ask] = await chat.say(600, "I would like a copy of the personal data Pharox holds about me")
    assert "email address" in ask.text


async def test_R14_a_letter_with_personal_data_goes_by_mail_and_never_into_the_chat(
    chat: ChatDesk,
) -> None:
    await verified_chat(chat)
    answer = chat.drafts()[-1]
    assert answer.contains_personal_data and answer.to_address == "anna@example.nl"
    with Session(chat.engine) as s:
        chat_items = s.exec(select(OutboxItem).where(OutboxItem.channel == "telegram")).all()
    assert chat_items and all(item.draft_id is None for item in chat_items)
    assert all(answer.body[:40] not in s.text for s in chat.api.messages())


async def test_a_question_about_the_statement_is_answered_in_the_chat(chat: ChatDesk) -> None:
    [answer] = await chat.say(ANNA, "Hoe lang bewaren jullie mijn gegevens?")
    assert "Bewaartermijn" in answer.text
    assert chat.cases() == [] and chat.mail() == []


async def test_buttons_and_free_text_reach_the_same_request(chat: ChatDesk) -> None:
    [which] = await chat.say(ANNA, "hallo")
    assert "right:erasure" in which.callback_data
    [company] = await chat.press(ANNA, "right:erasure")
    assert "company:all" in company.callback_data
    await chat.say(ANNA, "alle bedrijven")
    await chat.say(ANNA, "anna@example.nl")
    await chat.say(ANNA, "ja hoor")
    [case] = chat.cases()
    assert case.rights == ["erasure"] and case.company is None


async def test_an_open_case_of_the_address_is_linked_not_doubled(chat: ChatDesk) -> None:
    await verified_chat(chat)
    done = await verified_chat(chat, chat_id=777)  # the same person on a second phone
    [case] = chat.cases()
    assert case.reference in done and "hadden dit verzoek al" in done
    [status] = await chat.say(777, "/status")
    assert case.reference in status.text


async def test_R9_a_consent_withdrawal_acts_at_once_without_a_code(chat: ChatDesk) -> None:
    await chat.say(ANNA, "Ik trek mijn toestemming in bij DataQuint")
    await chat.say(ANNA, "anna@example.nl")
    [said] = await chat.press(ANNA, "confirm:yes")
    assert "vanaf nu" in said.text
    [case] = chat.cases()
    assert case.status == "open" and not case.verified
    [status] = await chat.say(ANNA, "/status")
    assert case.reference not in status.text  # unverified: the chat is not linked


async def test_a_new_code_can_be_asked_and_only_the_newest_mail_matters(chat: ChatDesk) -> None:
    await chat.say(ANNA, ACCESS)
    await chat.say(ANNA, "anna@example.nl")
    await chat.press(ANNA, "confirm:yes")
    [again] = await chat.press(ANNA, "code:new")
    assert "nieuwe code" in again.text.lower()
    assert len(chat.mail_to("anna@example.nl")) == 2
    await chat.say(ANNA, chat.code_for("anna@example.nl"))
    assert chat.cases()[0].verified


async def test_a_restart_resumes_the_conversation_from_the_database(chat: ChatDesk) -> None:
    await chat.say(ANNA, ACCESS)
    await chat.say(ANNA, "anna@example.nl")
    # A new process: new worker, poller and sender; only the database and the API remain.
    await chat.poller.bot.shutdown()
    fresh = await make_chat_desk(chat.engine, chat.api)
    fresh.clock.current = chat.clock.current
    [sent] = await fresh.press(ANNA, "confirm:yes")
    assert "ontvangen" in sent.text
    [done] = await fresh.say(ANNA, fresh.code_for("anna@example.nl"))
    assert fresh.cases()[0].reference in done.text
    await fresh.poller.bot.shutdown()
    chat.poller = fresh.poller  # the fixture shuts this one down (again, harmlessly)


async def test_each_update_is_stored_once_and_answered_once(chat: ChatDesk) -> None:
    await chat.say(ANNA, "/start")
    await chat.say(ANNA, ACCESS)
    with Session(chat.engine) as s:
        rows = s.exec(select(InboundMessage).order_by(col(InboundMessage.id))).all()
    assert [r.channel for r in rows] == ["telegram", "telegram"]
    assert all(r.state == "triaged" for r in rows)
    assert len({r.channel_key for r in rows}) == 2
    assert len(chat.api.messages(ANNA)) == 2
    assert chat.api.confirmed_offset > 0


async def test_an_update_is_kept_as_the_desk_reads_it_not_as_telegram_sent_it(
    chat: ChatDesk,
) -> None:
    chat.api.send_update(
        {
            "message": chat.api.message(
                ANNA, None, photo=[{"file_id": "AgAD-secret"}], caption="mijn paspoort"
            )
        }
    )
    await chat.step()
    with Session(chat.engine) as s:
        [row] = s.exec(select(InboundMessage)).all()
    stored = json.loads(row.raw)
    assert stored["media"] == "photo" and stored["text"] == ""
    assert b"AgAD-secret" not in row.raw and b"paspoort" not in row.raw
    assert "Test" not in row.raw.decode()  # no names kept


async def test_the_trail_names_no_address_and_no_chat_text(chat: ChatDesk) -> None:
    await verified_chat(chat)
    with Session(chat.engine) as s:
        events = s.exec(select(AuditEvent)).all()
        links = s.exec(select(TelegramCaseLink)).all()
    trail = json.dumps([e.detail for e in events])
    assert "anna@example.nl" not in trail and "inzage in mijn" not in trail
    assert any(e.action == "verified" and e.detail.get("method") == "telegram code" for e in events)
    assert [link.verified for link in links] == [True]


async def test_the_chat_hears_when_its_case_is_extended_or_closed_and_not_after_stop(
    chat: ChatDesk,
) -> None:
    await verified_chat(chat)
    [case] = chat.cases()
    with transaction(chat.engine) as s:
        actions.extend(
            s,
            chat.desk,
            case.reference,
            staff="olga@conxillium.nl",
            reason="Uw verzoek gaat over veel systemen.",
            today=chat.clock.now().date(),
            now=chat.clock.now(),
        )
    await chat.step()
    [case] = chat.cases()
    assert case.extended_due is not None
    said = chat.last(ANNA)
    assert "meer tijd" in said and nl_date(case.extended_due) in said
    await chat.step()
    assert chat.last(ANNA) == said  # told once
    await chat.say(ANNA, "/stop")
    with transaction(chat.engine) as s:
        actions.close(s, case.reference, staff="olga@conxillium.nl", now=chat.clock.now())
    await chat.step()
    assert "afgesloten" not in chat.last(ANNA)
