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

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from privacybot.cases.identity import (
    CODE_VALIDITY,
    CodeJudgement,
    CodeOutcome,
    find_codes,
    judge_code_reply,
)
from privacybot.decision.chat_facts import (
    Button,
    CaseView,
    ChatEffect,
    ChatFacts,
    ChatReply,
    ChatState,
    ChatVerdict,
)
from privacybot.decision.rules import is_marketing_objection
from privacybot.decision.verdict import RuleHit
from privacybot.domain import COMPANIES, RIGHTS, Label, Language
from privacybot.replies.chat import ChatText
from privacybot.replies.headers import may_auto_reply_to
from privacybot.replies.policy import EN_HEADINGS, KNOWN_HEADINGS, section_for_topic
from privacybot.triage.addresses import reply_address_problem
from privacybot.triage.companies import find_company

STOP = "stop"
CONTINUE = "continue"
ALWAYS = "always"
#: ``then`` of the last intake link: go on in the chain named after the conversation state.
BY_STATE = "by-state"

RIGHT_ORDER: tuple[str, ...] = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "withdraw_consent",
)
_ADDRESS = re.compile(r"[^\s<>(),;:\"'\[\]]+@[^\s<>(),;:\"'\[\]]+")
_YES = frozenset({"ja", "yes", "klopt", "ok", "oke", "oké", "okay", "correct", "juist", "j", "y",
                  "jazeker", "akkoord", "yep", "jep", "prima", "goed", "sure"})  # fmt: skip
_NO = frozenset({"nee", "no", "neen", "n", "fout", "onjuist", "nope", "wrong", "incorrect"})
_ALL = frozenset({"alle", "all", "allemaal", "alles", "allen", "beide", "every", "everything",
                  "geen", "none", "weet", "unsure", "both"})  # fmt: skip
_WORD = re.compile(r"[a-zà-ÿ]+")


# --- reading text (pure helpers) -----------------------------------------------------------------


def addresses_in(text: str) -> list[str]:
    """The e-mail addresses typed in a message, lower-cased, each once."""
    found = [m.group(0).strip(".").lower() for m in _ADDRESS.finditer(text)]
    return list(dict.fromkeys(found))


def address_problem(address: str) -> str | None:
    """Why we will not mail a code to ``address`` (R18), or None. Never repeats it."""
    problem = reply_address_problem(address)
    if problem:
        return problem
    allowed, reason = may_auto_reply_to(address)
    return None if allowed else reason


def _first_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())[:3]


def says_yes(text: str) -> bool:
    words = _first_words(text)
    return bool(words) and words[0] in _YES


def says_no(text: str) -> bool:
    words = _first_words(text)
    return bool(words) and words[0] in _NO


def names_all_companies(text: str) -> bool:
    return any(word in _ALL for word in _first_words(text))


def reduces_only(rights: frozenset[str], text: str) -> bool:
    """R9: withdrawal of consent and a marketing objection need no code."""
    if not rights:
        return False
    allowed = {Label.WITHDRAW_CONSENT.value}
    if is_marketing_objection(text):
        allowed.add(Label.OBJECTION.value)
    return rights <= allowed


def text_rights(facts: ChatFacts) -> frozenset[str]:
    if facts.reading is None:
        return frozenset()
    return frozenset(
        label.value for label in facts.reading.classification.labels if label in RIGHTS
    )


def callback(facts: ChatFacts, prefix: str) -> str | None:
    """The value of a pressed button ``prefix:value``, or None."""
    data = facts.update.callback_data or ""
    if facts.update.kind != "callback" or not data.startswith(prefix + ":"):
        return None
    return data[len(prefix) + 1 :]


def code_judgement(facts: ChatFacts) -> CodeJudgement:
    """R13 on this message, against the codes mailed for this chat only."""
    codes = facts.codes
    return judge_code_reply(
        facts.update.text if facts.update.kind == "message" else "",
        list(codes.codes) if codes else [],
        codes.wrong_for_case if codes else 0,
        codes.wrong_for_address if codes else 0,
        facts.now,
        facts.key,
    )


def existing_case(facts: ChatFacts) -> CaseView | None:
    """An open case of the address with the same rights and company: the request joins it."""
    if facts.address is None:
        return None
    wanted = tuple(sorted(facts.conversation.rights))
    for case in facts.address.open_cases:
        if tuple(sorted(case.rights)) == wanted and case.company == facts.conversation.company:
            return case
    return None


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


@dataclass(frozen=True)
class Link:
    rule: str
    effect: Effect
    then: str


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


def _note(text: ChatText, **ctx_from_facts: str) -> Effect:
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


def _staff_button(facts: ChatFacts) -> tuple[str, int, str] | None:
    data = facts.update.callback_data or ""
    parts = data.split(":")
    if facts.update.kind != "callback" or len(parts) != 3 or parts[0] not in ("approve", "reject"):
        return None
    if not parts[1].isdigit() or not parts[2]:
        return None
    return parts[0], int(parts[1]), parts[2]


def staff_not_linked(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    ballot.effect = ChatEffect.STAFF_NOT_LINKED


def staff_press(ballot: Ballot, facts: ChatFacts, reason: str) -> None:
    pressed = _staff_button(facts)
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


# --- the rules -----------------------------------------------------------------------------------

Check = Callable[[ChatFacts], str | None]


@dataclass(frozen=True)
class Rule:
    id: str
    meaning: str
    check: Check


def _when(condition: bool, reason: str) -> str | None:
    return reason if condition else None


def _is_text(facts: ChatFacts) -> bool:
    return facts.update.kind == "message" and bool(facts.update.text.strip())


def _no_rights_in_text(facts: ChatFacts) -> bool:
    return facts.reading is not None and not text_rights(facts)


def _labels(facts: ChatFacts) -> set[Label]:
    return set(facts.reading.classification.labels) if facts.reading else set()


def _codes(outcome: CodeOutcome, reason: str) -> Check:
    def check(facts: ChatFacts) -> str | None:
        if not _is_text(facts):
            return None
        return _when(code_judgement(facts).outcome == outcome, reason)

    return check


def _command(name: str) -> Check:
    return lambda f: _when(f.update.command == name, f"/{name}")


def _valid_callback(prefix: str, values: tuple[str, ...] | None = None) -> Check:
    def check(facts: ChatFacts) -> str | None:
        value = callback(facts, prefix)
        if value is None or (values is not None and value not in values):
            return None
        return f"button {prefix}:{value}"

    return check


def _stale(facts: ChatFacts) -> str | None:
    return _when(facts.update.kind == "callback", "a button of an earlier question")


def _staff_linked(facts: ChatFacts) -> bool:
    return facts.staff is not None and facts.staff.member is not None


RULES: tuple[Rule, ...] = (
    # intake: every update
    Rule(
        "R16-tg-bot", "a bot is never answered", lambda f: _when(f.update.is_bot, "sent by a bot")
    ),
    Rule(
        "tg-no-chat",
        "an update without a chat has nobody to answer",
        lambda f: _when(f.update.chat_id is None or f.update.kind == "other", "no chat"),
    ),
    Rule(
        "tg-staff-chat",
        "the staff group has a chain of its own",
        lambda f: _when(
            f.staff_chat is not None and f.update.chat_id == f.staff_chat, "the staff group"
        ),
    ),
    Rule(
        "R16-tg-group",
        "only private chats count: a group gets one note and is left",
        lambda f: _when(not f.update.private, f"a {f.update.chat_type or 'non-private'} chat"),
    ),
    Rule(
        "tg-member",
        "the citizen blocked or unblocked the bot",
        lambda f: _when(f.update.kind == "member", f"membership now {f.update.member_status}"),
    ),
    Rule(
        "tg-rate-limit",
        "too many updates from one chat in a minute: one note, then silence",
        lambda f: _when(
            f.conversation.window_count > f.limits.messages_per_minute,
            f"{f.conversation.window_count} updates within a minute",
        ),
    ),
    Rule(
        "R16-tg-forwarded",
        "a forwarded message is not the citizen's own request",
        lambda f: _when(f.update.forwarded, "forwarded message"),
    ),
    Rule(
        "tg-edited",
        "edits are not read; the citizen is asked to send a new message",
        lambda f: _when(f.update.kind == "edited", "edited message"),
    ),
    Rule(
        "tg-media",
        "files are neither taken nor kept: documents go by e-mail",
        lambda f: _when(f.update.media is not None, f"a {f.update.media}"),
    ),
    Rule("tg-start", "/start greets and starts afresh", _command("start")),
    Rule("tg-help", "/help says what the desk can do", _command("help")),
    Rule("tg-stop", "/stop ends the conversation", _command("stop")),
    Rule(
        "tg-stopped",
        "a stopped conversation only hears how to start again",
        lambda f: _when(f.conversation.stopped, "the conversation was stopped"),
    ),
    Rule("tg-status", "/status lists the chat's verified cases", _command("status")),
    Rule(
        "tg-unknown-command",
        "an unknown command gets the list of commands",
        lambda f: _when(f.update.command is not None, f"unknown command /{f.update.command}"),
    ),
    Rule(
        "tg-too-long",
        "very long text is not read in the chat",
        lambda f: _when(
            f.update.truncated or len(f.update.text) > f.limits.max_text,
            f"{len(f.update.text)} characters",
        ),
    ),
    # idle and choose_right
    Rule("tg-topic", "a topic button quotes that section", _valid_callback("topic")),
    Rule("tg-stale-button", "a button of an earlier question is answered, not acted on", _stale),
    Rule(
        "R12-tg-on-behalf",
        "a request for someone else cannot be made in the chat",
        lambda f: _when(f.reading is not None and f.reading.on_behalf, "on behalf of someone else"),
    ),
    Rule(
        "no-right-foreign",
        "another language, no right: an English note",
        lambda f: _when(
            _no_rights_in_text(f) and f.reading is not None and f.reading.foreign_language,
            "neither Dutch nor English",
        ),
    ),
    Rule(
        "tg-code-unexpected",
        "a code while none is awaited proves nothing and opens nothing",
        lambda f: _when(
            _no_rights_in_text(f) and bool(find_codes(f.update.text)), "a code out of turn"
        ),
    ),
    Rule(
        "tg-question",
        "a question is answered from the privacy statement, without personal data",
        lambda f: _when(_no_rights_in_text(f) and Label.QUESTION in _labels(f), "a question"),
    ),
    Rule(
        "tg-complaint",
        "a complaint is told where to go",
        lambda f: _when(_no_rights_in_text(f) and Label.COMPLAINT in _labels(f), "a complaint"),
    ),
    Rule(
        "tg-no-right",
        "nothing recognised: the citizen picks the right",
        lambda f: _when(f.reading is None or not text_rights(f), "no right recognised"),
    ),
    Rule(
        "tg-request",
        "a right was asked: the company, then the address",
        lambda f: _when(bool(text_rights(f)), ", ".join(sorted(text_rights(f)))),
    ),
    Rule(
        "tg-right-button",
        "a right picked with a button",
        _valid_callback("right", (*RIGHT_ORDER, "question")),
    ),
    # choose_company
    Rule(
        "tg-company-button",
        "a company picked with a button",
        _valid_callback("company", (*COMPANIES, "all")),
    ),
    Rule(
        "tg-company-text",
        "a company named, or all of them",
        lambda f: _when(
            _is_text(f)
            and (find_company(f.update.text) is not None or names_all_companies(f.update.text)),
            "company named",
        ),
    ),
    Rule("tg-company-again", "no company recognised: asked again", lambda f: "asked again"),
    # ask_address and confirm_address
    Rule(
        "tg-address-limit",
        "codes went to too many addresses from this chat today",
        lambda f: _when(
            (f.conversation.address or "") not in f.addresses_today
            and len(f.addresses_today) >= f.limits.addresses_per_day,
            f"{len(f.addresses_today)} addresses in 24 h",
        ),
    ),
    Rule(
        "tg-address",
        "an e-mail address was typed: it is confirmed first",
        lambda f: _when(_is_text(f) and bool(addresses_in(f.update.text)), "address typed"),
    ),
    Rule("tg-no-address", "no address: asked again", lambda f: "asked again"),
    Rule(
        "tg-confirm-no",
        "not the right address: asked again",
        lambda f: _when(
            callback(f, "confirm") == "no" or (_is_text(f) and says_no(f.update.text)), "no"
        ),
    ),
    Rule(
        "tg-confirm-yes",
        "the address is right",
        lambda f: _when(
            callback(f, "confirm") == "yes" or (_is_text(f) and says_yes(f.update.text)), "yes"
        ),
    ),
    Rule("tg-confirm-again", "neither yes nor no: asked again", lambda f: "asked again"),
    Rule(
        "new-case-cap",
        "past the daily cap of new cases for the address: not in the chat",
        lambda f: _when(
            f.address is not None
            and f.address.new_cases_today >= f.limits.max_new_cases_per_address,
            "too many new cases for this address in 24 h",
        ),
    ),
    Rule(
        "R9-tg-reduces-only",
        "withdrawal and marketing objection act at once, no code",
        lambda f: _when(
            reduces_only(f.conversation.rights, f.request_text),
            "consent withdrawal or marketing objection",
        ),
    ),
    Rule(
        "R14-tg-existing-case",
        "an open case of the address asks the same: the chat verifies for that one",
        lambda f: _when(existing_case(f) is not None, "the address has this request open"),
    ),
    Rule(
        "R14-tg-verify-first",
        "a code to the address proves it before the chat sees any case",
        lambda f: "the code goes to the named address (R14)",
    ),
    # awaiting_code
    Rule(
        "tg-new-code-button", "a new code asked with the button", _valid_callback("code", ("new",))
    ),
    Rule(
        "R13-tg-new-code-asked",
        "the citizen asked for a new code",
        _codes(CodeOutcome.NEW_CODE_ASKED, "new code asked"),
    ),
    Rule(
        "R13-tg-too-many-codes",
        "more than two candidate codes: none is tried",
        _codes(CodeOutcome.TOO_MANY, "more than two candidate codes"),
    ),
    Rule("R13-tg-locked", "no attempts left", _codes(CodeOutcome.LOCKED, "verification locked")),
    Rule("R13-tg-expired", "no live code: a fresh one", _codes(CodeOutcome.EXPIRED, "code lapsed")),
    Rule("R13-tg-code-ok", "the right code verifies", _codes(CodeOutcome.VERIFIED, "right code")),
    Rule(
        "R13-tg-code-wrong",
        "a wrong code counts against the case and the address",
        _codes(CodeOutcome.WRONG, "wrong code"),
    ),
    Rule("tg-code-prompt", "no code in the message: how to go on", lambda f: "no code"),
    # staff group
    Rule(
        "tg-staff-unlinked",
        "only Telegram users linked to a staff account decide",
        lambda f: _when(
            _staff_button(f) is not None and not _staff_linked(f),
            f"Telegram user {f.update.user_id} is not linked",
        ),
    ),
    Rule(
        "tg-staff-press",
        "Approve or Reject pressed by a linked staff member",
        lambda f: _when(_staff_button(f) is not None, f"{f.update.callback_data}"),
    ),
    Rule(
        "tg-staff-cancel",
        "/cancel keeps the draft waiting",
        lambda f: _when(
            _staff_linked(f)
            and f.staff is not None
            and f.staff.pending_reject is not None
            and f.update.command == "cancel",
            "cancelled",
        ),
    ),
    Rule(
        "tg-staff-reason",
        "the next message after Reject is its reason",
        lambda f: _when(
            _staff_linked(f)
            and f.staff is not None
            and f.staff.pending_reject is not None
            and _is_text(f)
            and f.update.command is None,
            "reason given",
        ),
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


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
        Link("R16-tg-forwarded", _note(ChatText.FORWARDED_IGNORED), STOP),
        Link("tg-edited", _note(ChatText.EDITED_IGNORED), STOP),
        Link("tg-media", _note(ChatText.MEDIA_REFUSED, desk_address="desk_address"), STOP),
        Link("tg-start", greet, STOP),
        Link("tg-help", help_text, STOP),
        Link("tg-stop", stop, STOP),
        Link("tg-stopped", _note(ChatText.STOPPED_HINT), STOP),
        Link("tg-status", status, STOP),
        Link("tg-unknown-command", _note(ChatText.UNKNOWN_COMMAND), STOP),
        Link("tg-too-long", _note(ChatText.TOO_LONG, desk_address="desk_address"), STOP),
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
    chain: str | None = "intake"
    while chain is not None:
        links, chain = CHAT_CHAINS[chain], None
        for link in links:
            if link.rule == ALWAYS:
                reason: str | None = ""
            else:
                reason = BY_ID[link.rule].check(facts)
                if reason is None:
                    continue
                ballot.hits.append(RuleHit(link.rule, reason))
            link.effect(ballot, facts, reason or "")
            if link.then == STOP:
                break
            if link.then == BY_STATE:
                chain = facts.conversation.state.value
                break
            if link.then != CONTINUE:
                chain = link.then
                break
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
    return {link.rule for links in CHAT_CHAINS.values() for link in links if link.rule != ALWAYS}
