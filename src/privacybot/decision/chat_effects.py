"""What a chat rule's hit does: the ballot the chains fill, and every effect (issue 15).

Each effect adds replies (with their buttons), moves the conversation to another
state, or names the one thing the writer must do (``ChatEffect``). Buttons only make a
choice quicker; every chain that offers them also reads the same answer typed out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from privacybot.cases.identity import (
    CODE_VALIDITY,
)
from privacybot.decision.chat_facts import (
    Button,
    ChatEffect,
    ChatFacts,
    ChatReply,
    ChatState,
)
from privacybot.decision.chat_rules import (
    RIGHT_ORDER,
    address_problem,
    addresses_in,
    callback,
    code_judgement,
    existing_case,
    staff_button,
    text_rights,
)
from privacybot.decision.verdict import RuleHit
from privacybot.domain import COMPANIES, Language
from privacybot.replies.chat import ChatText
from privacybot.replies.policy import EN_HEADINGS, KNOWN_HEADINGS, section_for_topic
from privacybot.triage.companies import find_company

# --- the ballot and the effects ------------------------------------------------------------------


@dataclass
class Ballot:
    hits: list[RuleHit] = field(default_factory=list)
    replies: list[ChatReply] = field(default_factory=list)
    effect: ChatEffect = ChatEffect.NONE
    state: ChatState | None = None
    rights: frozenset[str] | None = None
    company: str | None = None
    company_settled: bool | None = None
    address: str | None = None
    clear_request: bool = False
    existing_reference: str | None = None
    code_attempts: tuple[bool, ...] = ()
    locked_now: bool = False
    draft_id: int | None = None
    text_hash: str | None = None
    reason: str | None = None

    def say(
        self, kind: ChatText, buttons: tuple[tuple[Button, ...], ...] = (), /, **ctx: Any
    ) -> None:
        self.replies.append(ChatReply(kind, ctx, buttons))

    def answer(self, kind: ChatText, /, **ctx: Any) -> None:
        self.replies.append(ChatReply(kind, ctx, as_answer=True))

    def reset(self, state: ChatState = ChatState.IDLE) -> None:
        self.state = state
        self.clear_request = True


Effect = Callable[[Ballot, ChatFacts, str], None]


def _right_buttons() -> tuple[tuple[Button, ...], ...]:
    rows = [(Button(f"right:{r}", key=r),) for r in RIGHT_ORDER]
    return (*rows, (Button("right:question", key="question"),))


def _company_buttons() -> tuple[tuple[Button, ...], ...]:
    pairs = [Button(f"company:{name}", label=name) for name in COMPANIES]
    rows = [tuple(pairs[i : i + 2]) for i in range(0, len(pairs), 2)]
    return (*rows, (Button("company:all", key="all_companies"),))


def _topic_buttons(language: Language) -> tuple[tuple[Button, ...], ...]:
    return tuple(
        (Button(f"topic:{i}", label=EN_HEADINGS[h] if language == Language.EN else h),)
        for i, h in enumerate(KNOWN_HEADINGS)
    )


_CONFIRM_BUTTONS = ((Button("confirm:yes", key="yes"), Button("confirm:no", key="no")),)
_CODE_BUTTONS = ((Button("code:new", key="new_code"),),)


def ignore(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    """Silence: the hit is recorded (and logged by the writer), nothing is said."""


def leave_group(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    """R16: a group is no citizen. Said once, when it adds the bot; then the bot leaves."""
    added = facts.update.kind == "member" and facts.update.member_status in (
        "member",
        "administrator",
    )
    if added:
        ballot.say(ChatText.NOT_PRIVATE)
    removed = facts.update.kind == "member" and facts.update.member_status in ("left", "kicked")
    if not removed:
        ballot.effect = ChatEffect.LEAVE


def member_change(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    blocked = facts.update.member_status in ("kicked", "left")
    ballot.effect = ChatEffect.MARK_BLOCKED if blocked else ChatEffect.MARK_UNBLOCKED


def slow_down(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    if not facts.conversation.window_noted:
        ballot.say(ChatText.SLOW_DOWN)


def note(text: ChatText, **ctx_from_facts: str) -> Effect:
    def effect(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
        ctx = {key: getattr(facts, attr) for key, attr in ctx_from_facts.items()}
        if facts.update.kind == "callback":
            ballot.answer(ChatText.CHOICE_GONE)
        ballot.say(text, **ctx)

    return effect


def greet(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.GREETING)
    ballot.reset()


def help_text(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.GREETING)


def stop(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.STOPPED)
    ballot.reset(ChatState.STOPPED)


def status(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    if facts.linked:
        ballot.say(ChatText.STATUS_LIST, cases=[c.as_context() for c in facts.linked])
    else:
        ballot.say(ChatText.STATUS_NONE)


def stale(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.answer(ChatText.CHOICE_GONE)


def on_behalf(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.ON_BEHALF, desk_address=facts.desk_address)
    ballot.reset()


def foreign(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.replies.append(ChatReply(ChatText.FOREIGN_LANGUAGE, language=Language.EN))


def code_unexpected(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.CODE_UNEXPECTED)


def _answer_topic(ballot: Ballot, facts: ChatFacts, heading: str | None) -> None:
    if heading is not None and heading in facts.policy:
        ballot.say(ChatText.QUESTION_ANSWER, heading=heading, text=facts.policy[heading])
    else:
        ballot.say(
            ChatText.QUESTION_UNKNOWN,
            _topic_buttons(facts.conversation.language),
            desk_address=facts.desk_address,
        )
    ballot.reset()


def question(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    text = facts.reading.cleaned if facts.reading else ""
    _answer_topic(ballot, facts, section_for_topic(text))


def topic(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    value = callback(facts, "topic") or ""
    index = int(value) if value.isdigit() else -1
    _answer_topic(
        ballot, facts, KNOWN_HEADINGS[index] if 0 <= index < len(KNOWN_HEADINGS) else None
    )


def complaint(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.COMPLAINT_INFO, desk_address=facts.desk_address)
    ballot.reset()


def ask_right(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.ASK_RIGHT, _right_buttons())
    ballot.state = ChatState.CHOOSE_RIGHT


def _ask_address(ballot: Ballot) -> None:
    ballot.say(ChatText.ASK_ADDRESS)
    ballot.state = ChatState.ASK_ADDRESS


def _take_request(
    ballot: Ballot, facts: ChatFacts, rights: frozenset[str], company: str | None
) -> None:
    """The rights are known: ask the company when none was named, then the address."""
    ballot.rights = rights
    if company is not None:
        ballot.company, ballot.company_settled = company, True
        _ask_address(ballot)
        return
    ballot.company, ballot.company_settled = None, False
    ballot.say(ChatText.ASK_COMPANY, _company_buttons(), rights=sorted(rights))
    ballot.state = ChatState.CHOOSE_COMPANY


def request(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    assert facts.reading is not None
    _take_request(ballot, facts, text_rights(facts), facts.reading.classification.company)


def right_button(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    value = callback(facts, "right") or ""
    if value == "question":
        ballot.say(ChatText.ASK_QUESTION, _topic_buttons(facts.conversation.language))
        ballot.reset()
    elif value in RIGHT_ORDER:
        _take_request(ballot, facts, frozenset({value}), None)


def _settle_company(ballot: Ballot, company: str | None) -> None:
    ballot.company, ballot.company_settled = company, True
    _ask_address(ballot)


def company_button(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    value = callback(facts, "company") or ""
    _settle_company(ballot, value if value in COMPANIES else None)


def company_text(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    _settle_company(ballot, find_company(facts.update.text))


def ask_company_again(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.ASK_COMPANY, _company_buttons(), rights=sorted(facts.conversation.rights))


def address_limit(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.ADDRESS_LIMIT, desk_address=facts.desk_address)
    ballot.reset()


def _confirm(ballot: Ballot, facts: ChatFacts, address: str) -> None:
    ballot.address = address
    ballot.state = ChatState.CONFIRM_ADDRESS
    ballot.say(
        ChatText.CONFIRM_ADDRESS,
        _CONFIRM_BUTTONS,
        rights=sorted(facts.conversation.rights),
        company=facts.conversation.company,
        address=address,
    )


def take_address(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    found = addresses_in(facts.update.text)
    if len(found) == 1 and address_problem(found[0]) is None:
        _confirm(ballot, facts, found[0])
    else:
        ballot.say(ChatText.ADDRESS_INVALID)
        ballot.state = ChatState.ASK_ADDRESS


def ask_address_again(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    _ask_address(ballot)


def confirm_again(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    assert facts.conversation.address is not None
    _confirm(ballot, facts, facts.conversation.address)


def case_cap(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.CASE_CAP, desk_address=facts.desk_address)
    ballot.reset()


def open_reduced(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.OPEN_REDUCED
    ballot.say(ChatText.RECEIVED_REDUCED, rights=sorted(facts.conversation.rights))
    ballot.reset()


def _code_sent(ballot: Ballot, facts: ChatFacts) -> None:
    ballot.say(
        ChatText.CODE_SENT,
        _CODE_BUTTONS,
        address=facts.conversation.address,
        valid_hours=int(CODE_VALIDITY.total_seconds() // 3600),
    )
    ballot.state = ChatState.AWAITING_CODE


def join_existing(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    found = existing_case(facts)
    assert found is not None
    ballot.effect = ChatEffect.START_VERIFICATION
    ballot.existing_reference = found.reference
    _code_sent(ballot, facts)


def verify_first(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.START_VERIFICATION
    _code_sent(ballot, facts)


def new_code(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.NEW_CODE
    ballot.say(ChatText.CODE_SENT_AGAIN, _CODE_BUTTONS, address=facts.conversation.address)


def renew_code(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.RENEW_CODE
    ballot.say(ChatText.CODE_EXPIRED, _CODE_BUTTONS)


def too_many(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.CODE_TOO_MANY)


def locked(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.CODE_LOCKED, desk_address=facts.desk_address)
    ballot.reset()


def verified(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    """The writer fills the text in: reference and due date exist only after the move."""
    ballot.effect = ChatEffect.VERIFY
    ballot.code_attempts = code_judgement(facts).attempts
    ballot.say(ChatText.VERIFIED)
    ballot.reset()


def wrong(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    judged = code_judgement(facts)
    ballot.effect = ChatEffect.WRONG_CODE
    ballot.code_attempts = judged.attempts
    ballot.locked_now = judged.locked_now
    if judged.locked_now:
        ballot.say(ChatText.CODE_LOCKED, desk_address=facts.desk_address)
        ballot.reset()
    else:
        ballot.say(ChatText.CODE_WRONG, _CODE_BUTTONS)


def code_prompt(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.say(ChatText.CODE_PROMPT, _CODE_BUTTONS)


# --- staff group ---------------------------------------------------------------------------------


def staff_not_linked(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.STAFF_NOT_LINKED


def staff_press(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    pressed = staff_button(facts)
    assert pressed is not None
    what, ballot.draft_id, ballot.text_hash = pressed
    ballot.effect = ChatEffect.STAFF_APPROVE if what == "approve" else ChatEffect.STAFF_REJECT_ASK


def staff_cancel(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.STAFF_CANCEL
    ballot.draft_id = facts.staff.pending_reject if facts.staff else None


def staff_reason(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.STAFF_REJECT
    ballot.draft_id = facts.staff.pending_reject if facts.staff else None
    ballot.reason = facts.update.text.strip()[:2000]
