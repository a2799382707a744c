"""The chat rules: a stable id, one line of meaning, and a check on the facts (issue 15).

As ``decision.rules`` for mail: a check reads the frozen
:class:`~privacybot.decision.chat_facts.ChatFacts` and returns the reason it fires, or
None. What a hit does lives in ``decision.chat_effects``; where it sits in the walk, in
``decision.chat``. The helpers here read the citizen's text (addresses, yes and no, a
company, a code) the same way for every rule that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeAlias

from privacybot.cases.identity import (
    CodeJudgement,
    CodeOutcome,
    find_codes,
    judge_code_reply,
)
from privacybot.decision.chat_facts import (
    CaseView,
    ChatFacts,
)
from privacybot.decision.rules import is_marketing_objection
from privacybot.decision.walk import Rule as GenericRule
from privacybot.domain import COMPANIES, RIGHTS, Label
from privacybot.replies.headers import may_auto_reply_to
from privacybot.triage.addresses import reply_address_problem
from privacybot.triage.companies import find_company

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


def staff_button(facts: ChatFacts) -> tuple[str, int, str] | None:
    data = facts.update.callback_data or ""
    parts = data.split(":")
    if facts.update.kind != "callback" or len(parts) != 3 or parts[0] not in ("approve", "reject"):
        return None
    if not parts[1].isdigit() or not parts[2]:
        return None
    return parts[0], int(parts[1]), parts[2]


# --- the rules -----------------------------------------------------------------------------------

Check = Callable[[ChatFacts], str | None]


Rule: TypeAlias = GenericRule[ChatFacts]


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
            staff_button(f) is not None and not _staff_linked(f),
            f"Telegram user {f.update.user_id} is not linked",
        ),
    ),
    Rule(
        "tg-staff-press",
        "Approve or Reject pressed by a linked staff member",
        lambda f: _when(staff_button(f) is not None, f"{f.update.callback_data}"),
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
