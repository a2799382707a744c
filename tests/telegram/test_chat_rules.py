"""The chat chains, rule by rule, on facts built by hand (no database, no network)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from privacybot.cases.identity import OtpState, hash_code
from privacybot.decision.chat import CHAT_CHAINS, decide_chat, rule_ids_in_chains
from privacybot.decision.chat_facts import (
    AddressFacts,
    CaseView,
    ChatEffect,
    ChatFacts,
    ChatState,
    Conversation,
    StaffFacts,
)
from privacybot.decision.chat_rules import BY_ID, addresses_in
from privacybot.decision.facts import CodeFacts
from privacybot.domain import Language
from privacybot.replies.chat import ChatText
from privacybot.replies.policy import load_policy
from privacybot.triage.chat import ChatUpdate, read_chat
from privacybot.triage.classify import load_classifier

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
KEY = b"rule-test-key-0123456789"
STAFF_CHAT = -100500


def update(text: str = "", **kw: Any) -> ChatUpdate:
    base: dict[str, Any] = {
        "update_id": 1,
        "kind": "message",
        "chat_id": 42,
        "chat_type": "private",
        "user_id": 42,
        "language_code": "nl",
        "date": int(NOW.timestamp()),
        "message_id": 1,
        "text": text,
    }
    base.update(kw)
    return ChatUpdate(**base)


def facts(text: str = "", *, state: ChatState = ChatState.IDLE, **kw: Any) -> ChatFacts:
    upd = kw.pop("upd", None) or update(text)
    conversation = kw.pop("conversation", None) or Conversation(state=state, known=True)
    return ChatFacts(
        update=upd,
        reading=read_chat(upd, load_classifier()),
        conversation=conversation,
        now=NOW,
        key=KEY,
        staff_chat=STAFF_CHAT,
        policy=load_policy().sections,
        **kw,
    )


def texts(verdict: Any) -> list[ChatText]:
    return [r.text for r in verdict.replies]


def test_every_rule_in_the_chains_exists_and_every_rule_is_used() -> None:
    assert rule_ids_in_chains() <= set(BY_ID)
    assert set(BY_ID) <= rule_ids_in_chains()


def test_every_conversation_state_has_a_chain() -> None:
    assert {s.value for s in ChatState} <= set(CHAT_CHAINS)


# --- R16 for chats: who is not a citizen ---------------------------------------------------------


def test_R16_tg_bot_a_bot_is_never_answered() -> None:
    verdict = decide_chat(facts(upd=update("Ik wil inzage", is_bot=True)))
    assert verdict.rule_ids == ("R16-tg-bot",) and not verdict.replies


def test_R16_tg_group_a_group_that_adds_the_bot_gets_one_note_and_is_left() -> None:
    added = update(kind="member", chat_id=-55, chat_type="group", member_status="member", text="")
    verdict = decide_chat(facts(upd=added))
    assert "R16-tg-group" in verdict.rule_ids
    assert texts(verdict) == [ChatText.NOT_PRIVATE]
    assert verdict.effect == ChatEffect.LEAVE


def test_R16_tg_group_a_message_in_a_group_is_not_answered() -> None:
    verdict = decide_chat(facts(upd=update("inzage graag", chat_id=-55, chat_type="supergroup")))
    assert "R16-tg-group" in verdict.rule_ids and not verdict.replies


def test_R16_tg_forwarded_a_forwarded_request_is_not_taken() -> None:
    verdict = decide_chat(facts(upd=update("Ik wil inzage in mijn gegevens", forwarded=True)))
    assert texts(verdict) == [ChatText.FORWARDED_IGNORED]
    assert verdict.effect == ChatEffect.NONE and verdict.rights is None


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("media", ["photo", "sticker", "voice", "document"])
def test_tg_media_files_are_refused_politely(media: str) -> None:
    verdict = decide_chat(facts(upd=update("", media=media)))
    assert texts(verdict) == [ChatText.MEDIA_REFUSED]
    assert verdict.replies[0].context["desk_address"] == "privacy@conxillium.nl"


def test_tg_edited_an_edit_is_not_read() -> None:
    verdict = decide_chat(facts(upd=update("nieuw@example.nl", kind="edited")))
    assert texts(verdict) == [ChatText.EDITED_IGNORED]
    assert verdict.address is None


def test_tg_rate_limit_one_note_then_silence() -> None:
    busy = Conversation(window_count=11, known=True)
    first = decide_chat(facts("hallo", conversation=busy))
    assert first.rule_ids == ("tg-rate-limit",) and texts(first) == [ChatText.SLOW_DOWN]
    noted = replace(busy, window_count=12, window_noted=True)
    again = decide_chat(facts("hallo", conversation=noted))
    assert again.rule_ids == ("tg-rate-limit",) and not again.replies


def test_tg_unknown_command() -> None:
    verdict = decide_chat(facts("/admin drop tables"))
    assert texts(verdict) == [ChatText.UNKNOWN_COMMAND]


def test_tg_too_long_text_is_not_read() -> None:
    verdict = decide_chat(facts(upd=update("inzage " * 800)))
    assert texts(verdict) == [ChatText.TOO_LONG]


def test_tg_stale_button_is_answered_not_acted_on() -> None:
    pressed = update(kind="callback", callback_id="q1", callback_data="confirm:yes", text="")
    verdict = decide_chat(facts(upd=pressed))  # idle: nothing to confirm
    assert [(r.text, r.as_answer) for r in verdict.replies] == [(ChatText.CHOICE_GONE, True)]
    assert verdict.effect == ChatEffect.NONE


# --- commands and language -----------------------------------------------------------------------


def test_tg_start_greets_in_dutch_by_default_and_resets() -> None:
    verdict = decide_chat(facts("/start", conversation=Conversation(known=False)))
    assert texts(verdict) == [ChatText.GREETING]
    assert verdict.language == Language.NL and verdict.state == ChatState.IDLE
    assert verdict.clear_request


def test_tg_start_greets_in_english_for_an_english_app() -> None:
    upd = update("/start", language_code="en-GB")
    verdict = decide_chat(facts(upd=upd, conversation=Conversation(known=False)))
    assert verdict.language == Language.EN


def test_english_text_switches_the_conversation_to_english() -> None:
    verdict = decide_chat(facts("I would like to get a copy of all my personal data please"))
    assert verdict.language == Language.EN


def test_tg_stop_ends_the_conversation() -> None:
    verdict = decide_chat(facts("/stop", state=ChatState.AWAITING_CODE))
    assert verdict.state == ChatState.STOPPED and verdict.clear_request


def test_tg_stopped_conversation_only_hears_how_to_start() -> None:
    stopped = Conversation(state=ChatState.STOPPED, stopped=True, known=True)
    verdict = decide_chat(facts("Ik wil inzage", conversation=stopped))
    assert texts(verdict) == [ChatText.STOPPED_HINT] and verdict.rights is None


def test_tg_status_lists_only_linked_cases() -> None:
    view = CaseView("PRV-2026-00007", "open", ("access",), None, NOW.date())
    verdict = decide_chat(facts("/status", linked=(view,)))
    assert texts(verdict) == [ChatText.STATUS_LIST]
    assert verdict.replies[0].context["cases"][0]["reference"] == "PRV-2026-00007"
    assert texts(decide_chat(facts("/status"))) == [ChatText.STATUS_NONE]


# --- taking a request ----------------------------------------------------------------------------


def test_tg_request_with_a_company_asks_for_the_address() -> None:
    verdict = decide_chat(facts("Ik wil graag inzage in mijn persoonsgegevens bij Procura"))
    assert "tg-request" in verdict.rule_ids
    assert verdict.rights == frozenset({"access"}) and verdict.company == "Procura"
    assert verdict.state == ChatState.ASK_ADDRESS and texts(verdict) == [ChatText.ASK_ADDRESS]


def test_tg_request_without_a_company_asks_which_with_buttons() -> None:
    verdict = decide_chat(facts("Verwijder alstublieft al mijn gegevens"))
    assert verdict.state == ChatState.CHOOSE_COMPANY
    data = [b.data for row in verdict.replies[0].buttons for b in row]
    assert "company:Procura" in data and "company:all" in data


def test_tg_company_button_and_free_text_both_work() -> None:
    pending = Conversation(
        state=ChatState.CHOOSE_COMPANY, rights=frozenset({"erasure"}), known=True
    )
    pressed = update(kind="callback", callback_id="q", callback_data="company:GeoTax", text="")
    assert decide_chat(facts(upd=pressed, conversation=pending)).company == "GeoTax"
    typed = decide_chat(facts("het gaat om geotax", conversation=pending))
    assert typed.company == "GeoTax" and typed.state == ChatState.ASK_ADDRESS
    everyone = decide_chat(facts("alle bedrijven", conversation=pending))
    assert everyone.company is None and everyone.company_settled


def test_tg_no_right_asks_which_right_with_buttons() -> None:
    verdict = decide_chat(facts("hallo"))
    assert "tg-no-right" in verdict.rule_ids and verdict.state == ChatState.CHOOSE_RIGHT
    assert any(b.data == "right:access" for row in verdict.replies[0].buttons for b in row)


def test_tg_right_button_takes_the_right() -> None:
    pressed = update(kind="callback", callback_id="q", callback_data="right:portability", text="")
    choosing = Conversation(state=ChatState.CHOOSE_RIGHT, known=True)
    verdict = decide_chat(facts(upd=pressed, conversation=choosing))
    assert (
        verdict.rights == frozenset({"portability"}) and verdict.state == ChatState.CHOOSE_COMPANY
    )


def test_tg_question_is_answered_from_the_statement() -> None:
    verdict = decide_chat(facts("Hoe lang bewaren jullie mijn gegevens eigenlijk?"))
    assert "tg-question" in verdict.rule_ids
    assert texts(verdict) == [ChatText.QUESTION_ANSWER]
    assert verdict.replies[0].context["heading"] == "Bewaartermijn"


def test_R12_tg_on_behalf_cannot_be_done_in_the_chat() -> None:
    verdict = decide_chat(facts("Namens mijn moeder wil ik inzage in haar gegevens bij Pharox"))
    assert "R12-tg-on-behalf" in verdict.rule_ids and texts(verdict) == [ChatText.ON_BEHALF]
    assert verdict.effect == ChatEffect.NONE


def test_tg_code_unexpected_a_code_out_of_turn_opens_nothing() -> None:
    verdict = decide_chat(facts("483920"))
    assert "tg-code-unexpected" in verdict.rule_ids
    assert verdict.effect == ChatEffect.NONE and texts(verdict) == [ChatText.CODE_UNEXPECTED]


# --- the address ---------------------------------------------------------------------------------


def _asking() -> Conversation:
    return Conversation(
        state=ChatState.ASK_ADDRESS,
        rights=frozenset({"access"}),
        company="Procura",
        company_settled=True,
        known=True,
    )


def test_tg_address_is_confirmed_before_anything_is_sent() -> None:
    verdict = decide_chat(facts("mijn adres is Anna@Example.nl", conversation=_asking()))
    assert verdict.address == "anna@example.nl" and verdict.state == ChatState.CONFIRM_ADDRESS
    assert verdict.effect == ChatEffect.NONE
    assert [b.data for b in verdict.replies[0].buttons[0]] == ["confirm:yes", "confirm:no"]


@pytest.mark.parametrize(
    "typed",
    ["noreply@example.nl", "postmaster@example.nl", "a@b", "één@voorbeeld.nl", "x@y.nl z@y.nl"],
)
def test_R18_an_address_we_cannot_mail_a_code_to_is_refused(typed: str) -> None:
    verdict = decide_chat(facts(typed, conversation=_asking()))
    assert texts(verdict) == [ChatText.ADDRESS_INVALID] and verdict.address is None


def test_addresses_in_reads_plain_addresses() -> None:
    assert addresses_in("ik ben (piet@voorbeeld.nl).") == ["piet@voorbeeld.nl"]


def _confirming(**kw: Any) -> Conversation:
    return replace(_asking(), state=ChatState.CONFIRM_ADDRESS, address="anna@example.nl", **kw)


def test_R14_tg_verify_first_yes_mails_a_code() -> None:
    verdict = decide_chat(facts("ja", conversation=_confirming(), address=AddressFacts()))
    assert "R14-tg-verify-first" in verdict.rule_ids
    assert verdict.effect == ChatEffect.START_VERIFICATION
    assert verdict.state == ChatState.AWAITING_CODE and texts(verdict) == [ChatText.CODE_SENT]


def test_tg_confirm_no_asks_the_address_again() -> None:
    pressed = update(kind="callback", callback_id="q", callback_data="confirm:no", text="")
    verdict = decide_chat(facts(upd=pressed, conversation=_confirming()))
    assert verdict.state == ChatState.ASK_ADDRESS and verdict.effect == ChatEffect.NONE


def test_R14_tg_existing_case_of_the_address_is_joined_after_the_code() -> None:
    view = CaseView("PRV-2026-00003", "open", ("access",), "Procura", NOW.date())
    known = AddressFacts(open_cases=(view,))
    verdict = decide_chat(facts("ja", conversation=_confirming(), address=known))
    assert verdict.existing_reference == "PRV-2026-00003"
    # The chat is told nothing about that case until the code is typed.
    assert all("PRV-" not in str(r.context) for r in verdict.replies)


def test_tg_address_limit_a_chat_cannot_spray_codes_at_many_addresses() -> None:
    used = frozenset({"a@example.nl", "b@example.nl", "c@example.nl"})
    verdict = decide_chat(facts("ja", conversation=_confirming(), addresses_today=used))
    assert "tg-address-limit" in verdict.rule_ids and verdict.effect == ChatEffect.NONE


def test_new_case_cap_for_the_address() -> None:
    busy = AddressFacts(new_cases_today=5)
    verdict = decide_chat(facts("ja", conversation=_confirming(), address=busy))
    assert "new-case-cap" in verdict.rule_ids and verdict.effect == ChatEffect.NONE


def test_R9_tg_reduces_only_needs_no_code() -> None:
    conv = replace(_confirming(), rights=frozenset({"withdraw_consent"}))
    verdict = decide_chat(facts("ja", conversation=conv, address=AddressFacts()))
    assert "R9-tg-reduces-only" in verdict.rule_ids
    assert verdict.effect == ChatEffect.OPEN_REDUCED


# --- the code (R13) ------------------------------------------------------------------------------


def _awaiting(
    codes: tuple[OtpState, ...], wrong_case: int = 0, wrong_addr: int = 0
) -> dict[str, Any]:
    conv = replace(_confirming(), state=ChatState.AWAITING_CODE)
    return {"conversation": conv, "codes": CodeFacts(codes, wrong_case, wrong_addr)}


CODE = "004271"
LIVE = (OtpState(hash_code(CODE, KEY), NOW - timedelta(hours=1)),)


def test_R13_tg_code_ok() -> None:
    verdict = decide_chat(facts(f"de code is {CODE}", **_awaiting(LIVE)))
    assert verdict.rule_ids == ("R13-tg-code-ok",) and verdict.effect == ChatEffect.VERIFY
    assert verdict.code_attempts == (True,)


def test_R13_tg_code_wrong_counts_and_says_so() -> None:
    verdict = decide_chat(facts("123456", **_awaiting(LIVE)))
    assert verdict.effect == ChatEffect.WRONG_CODE and verdict.code_attempts == (False,)
    assert texts(verdict) == [ChatText.CODE_WRONG] and not verdict.locked_now


def test_R13_tg_the_fifth_wrong_code_locks() -> None:
    verdict = decide_chat(facts("123456", **_awaiting(LIVE, wrong_case=4)))
    assert verdict.locked_now and texts(verdict) == [ChatText.CODE_LOCKED]
    assert verdict.state == ChatState.IDLE


def test_R13_tg_locked_the_right_code_after_five_wrong_ones_fails() -> None:
    verdict = decide_chat(facts(CODE, **_awaiting(LIVE, wrong_addr=5)))
    assert verdict.rule_ids == ("R13-tg-locked",) and verdict.effect == ChatEffect.NONE


def test_R13_tg_expired_a_lapsed_code_brings_a_fresh_one() -> None:
    old = (OtpState(hash_code(CODE, KEY), NOW - timedelta(hours=25)),)
    verdict = decide_chat(facts(CODE, **_awaiting(old)))
    assert verdict.effect == ChatEffect.RENEW_CODE


def test_R13_tg_too_many_candidates_none_tried() -> None:
    verdict = decide_chat(facts("111111 222222 333333", **_awaiting(LIVE)))
    assert verdict.rule_ids == ("R13-tg-too-many-codes",) and verdict.code_attempts == ()


def test_R13_tg_another_chats_code_is_just_a_wrong_code() -> None:
    """The codes in the facts are this chat's only; a code mailed for another chat fails."""
    theirs = "918273"
    verdict = decide_chat(facts(theirs, **_awaiting(LIVE)))
    assert verdict.effect == ChatEffect.WRONG_CODE


def test_R13_tg_new_code_asked() -> None:
    verdict = decide_chat(facts("nieuwe code graag", **_awaiting(LIVE)))
    assert verdict.effect == ChatEffect.NEW_CODE


# --- staff group ---------------------------------------------------------------------------------


def _press(data: str, user: int = 7001) -> ChatUpdate:
    return update(
        kind="callback",
        chat_id=STAFF_CHAT,
        chat_type="supergroup",
        user_id=user,
        callback_id="q",
        callback_data=data,
        text="",
    )


def test_tg_staff_unlinked_users_cannot_decide() -> None:
    verdict = decide_chat(facts(upd=_press("approve:5:abc"), staff=StaffFacts()))
    assert verdict.rule_ids == ("tg-staff-chat", "tg-staff-unlinked")
    assert verdict.effect == ChatEffect.STAFF_NOT_LINKED


def test_tg_staff_press_approve_and_reject() -> None:
    olga = StaffFacts(member="olga@conxillium.nl")
    approve = decide_chat(facts(upd=_press("approve:5:abc"), staff=olga))
    assert (approve.effect, approve.draft_id, approve.text_hash) == (
        ChatEffect.STAFF_APPROVE,
        5,
        "abc",
    )
    assert decide_chat(facts(upd=_press("reject:5:abc"), staff=olga)).effect == (
        ChatEffect.STAFF_REJECT_ASK
    )


def test_tg_staff_reason_follows_a_reject_press() -> None:
    olga = StaffFacts(member="olga@conxillium.nl", pending_reject=5)
    said = update("De toon is te stijf", chat_id=STAFF_CHAT, chat_type="supergroup", user_id=7001)
    verdict = decide_chat(facts(upd=said, staff=olga))
    assert verdict.effect == ChatEffect.STAFF_REJECT and verdict.reason == "De toon is te stijf"
    chatter = decide_chat(facts(upd=said, staff=StaffFacts(member="olga@conxillium.nl")))
    assert chatter.effect == ChatEffect.NONE and not chatter.replies
