"""The chat chains: what the desk says and does for one Telegram update (issue 15).

Built like ``decision.chain`` for mail: every rule has a stable id, one line of
meaning and a check that returns its reason (or None); the chains are tables of
``(rule, effect, then)`` walked from ``intake``; :func:`decide_chat` returns a frozen
:class:`~privacybot.decision.chat_facts.ChatVerdict` with every rule that fired.
After ``intake`` the walk continues in the chain of the conversation's state
(``idle``, ``choose_right``, … ``awaiting_code``), or in ``staff`` for the staff group.

What the chains hold to:
- R16 for chats: a bot, a group, a forwarded message are not a citizen speaking.
- R14: a chat hears only status and answers without personal data; it sees a case
  only after its user typed the code mailed to the case's address.
- R13: the same code rules as mail (``identity.judge_code_reply``), counted per case
  and per address, with only the codes mailed for *this* chat.
- Bad input (files, edits, bursts, unknown commands, long text) gets a polite note
  or silence, never a crash; buttons only shorten typing, text always works.

Pure: facts in, verdict out.
"""

from __future__ import annotations

from privacybot.decision import walk
from privacybot.decision.chat_effects import (
    Ballot,
    Effect,
    address_limit,
    ask_address_again,
    ask_company_again,
    ask_right,
    case_cap,
    code_prompt,
    code_unexpected,
    company_button,
    company_text,
    complaint,
    confirm_again,
    foreign,
    greet,
    help_text,
    ignore,
    join_existing,
    leave_group,
    locked,
    member_change,
    new_code,
    note,
    on_behalf,
    open_reduced,
    question,
    renew_code,
    request,
    right_button,
    slow_down,
    staff_cancel,
    staff_not_linked,
    staff_press,
    staff_reason,
    stale,
    status,
    stop,
    take_address,
    too_many,
    topic,
    verified,
    verify_first,
    wrong,
)
from privacybot.decision.chat_facts import (
    ChatFacts,
    ChatState,
    ChatVerdict,
)
from privacybot.decision.chat_rules import BY_ID
from privacybot.decision.walk import ALWAYS, STOP
from privacybot.domain import Language
from privacybot.replies.chat import ChatText

#: ``then`` of the last intake link: go on in the chain named after the conversation state.
BY_STATE = "by-state"


Link = walk.Link[Ballot, ChatFacts]


def _goto(chain: str) -> Effect:
    def effect(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
        """Nothing yet: the walk goes on in another chain."""

    effect.__name__ = f"goto_{chain}"
    return effect


CHAT_CHAINS: dict[str, tuple[Link, ...]] = {
    "intake": (
        Link("R16-tg-bot", ignore, STOP),
        Link("tg-no-chat", ignore, STOP),
        Link("tg-staff-chat", ignore, "staff"),
        Link("R16-tg-group", leave_group, STOP),
        Link("tg-member", member_change, STOP),
        Link("tg-rate-limit", slow_down, STOP),
        Link("R16-tg-forwarded", note(ChatText.FORWARDED_IGNORED), STOP),
        Link("tg-edited", note(ChatText.EDITED_IGNORED), STOP),
        Link("tg-media", note(ChatText.MEDIA_REFUSED, desk_address="desk_address"), STOP),
        Link("tg-start", greet, STOP),
        Link("tg-help", help_text, STOP),
        Link("tg-stop", stop, STOP),
        Link("tg-stopped", note(ChatText.STOPPED_HINT), STOP),
        Link("tg-status", status, STOP),
        Link("tg-unknown-command", note(ChatText.UNKNOWN_COMMAND), STOP),
        Link("tg-too-long", note(ChatText.TOO_LONG, desk_address="desk_address"), STOP),
        Link(ALWAYS, ignore, BY_STATE),
    ),
    ChatState.IDLE.value: (
        Link("tg-topic", topic, STOP),
        Link("tg-stale-button", stale, STOP),
        Link("R12-tg-on-behalf", on_behalf, STOP),
        Link("no-right-foreign", foreign, STOP),
        Link("tg-code-unexpected", code_unexpected, STOP),
        Link("tg-question", question, STOP),
        Link("tg-complaint", complaint, STOP),
        Link("tg-no-right", ask_right, STOP),
        Link("tg-request", request, STOP),
    ),
    ChatState.CHOOSE_RIGHT.value: (
        Link("tg-right-button", right_button, STOP),
        Link(ALWAYS, ignore, ChatState.IDLE.value),
    ),
    ChatState.CHOOSE_COMPANY.value: (
        Link("tg-company-button", company_button, STOP),
        Link("tg-stale-button", stale, STOP),
        Link("tg-company-text", company_text, STOP),
        Link("tg-company-again", ask_company_again, STOP),
    ),
    ChatState.ASK_ADDRESS.value: (
        Link("tg-stale-button", stale, STOP),
        Link("tg-address", take_address, STOP),
        Link("tg-no-address", ask_address_again, STOP),
    ),
    ChatState.CONFIRM_ADDRESS.value: (
        Link("tg-confirm-no", ask_address_again, STOP),
        Link("tg-confirm-yes", _goto("open"), "open"),
        Link("tg-stale-button", stale, STOP),
        Link("tg-address", _goto(ChatState.ASK_ADDRESS.value), ChatState.ASK_ADDRESS.value),
        Link("tg-confirm-again", confirm_again, STOP),
    ),
    "open": (
        Link("tg-address-limit", address_limit, STOP),
        Link("new-case-cap", case_cap, STOP),
        Link("R9-tg-reduces-only", open_reduced, STOP),
        Link("R14-tg-existing-case", join_existing, STOP),
        Link("R14-tg-verify-first", verify_first, STOP),
    ),
    ChatState.AWAITING_CODE.value: (
        Link("tg-new-code-button", new_code, STOP),
        Link("tg-stale-button", stale, STOP),
        Link("R13-tg-new-code-asked", new_code, STOP),
        Link("R13-tg-too-many-codes", too_many, STOP),
        Link("R13-tg-locked", locked, STOP),
        Link("R13-tg-expired", renew_code, STOP),
        Link("R13-tg-code-ok", verified, STOP),
        Link("R13-tg-code-wrong", wrong, STOP),
        Link("tg-address", _goto(ChatState.ASK_ADDRESS.value), ChatState.ASK_ADDRESS.value),
        Link("tg-code-prompt", code_prompt, STOP),
    ),
    # A stopped conversation never gets here (tg-stopped), but every state has a chain.
    ChatState.STOPPED.value: (Link(ALWAYS, ignore, STOP),),
    "staff": (
        Link("tg-staff-unlinked", staff_not_linked, STOP),
        Link("tg-staff-press", staff_press, STOP),
        Link("tg-staff-cancel", staff_cancel, STOP),
        Link("tg-staff-reason", staff_reason, STOP),
        Link(ALWAYS, ignore, STOP),
    ),
}


def _language(facts: ChatFacts) -> Language:
    """The citizen's language: their text when it says enough, else their app's language."""
    reading = facts.reading
    if reading is not None and reading.language_reliable and not reading.foreign_language:
        return reading.classification.language
    code = (facts.update.language_code or "").lower()
    if (not facts.conversation.known or facts.update.command == "start") and code:
        return Language.EN if code.startswith("en") else Language.NL
    return facts.conversation.language


def decide_chat(facts: ChatFacts) -> ChatVerdict:
    """Walk the chains from ``intake``; every rule that fires is kept with its reason."""
    ballot = Ballot()

    def resolve(then: str) -> str:
        return facts.conversation.state.value if then == BY_STATE else then

    walk.walk(CHAT_CHAINS, "intake", BY_ID, facts, ballot, resolve)
    return ChatVerdict(
        hits=tuple(ballot.hits),
        replies=tuple(ballot.replies),
        effect=ballot.effect,
        state=ballot.state,
        language=_language(facts),
        rights=ballot.rights,
        company=ballot.company,
        company_settled=ballot.company_settled,
        address=ballot.address,
        clear_request=ballot.clear_request,
        existing_reference=ballot.existing_reference,
        code_attempts=ballot.code_attempts,
        locked_now=ballot.locked_now,
        draft_id=ballot.draft_id,
        text_hash=ballot.text_hash,
        reason=ballot.reason,
    )


def rule_ids_in_chains() -> set[str]:
    return walk.rule_ids(CHAT_CHAINS)
