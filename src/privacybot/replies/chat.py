"""The texts of the chat: kinds, what each needs, and rendering from templates/chat/.

A chat message is not a letter: no subject, no citations, and never personal data
(R14: whatever carries personal data goes by e-mail to the verified address). So the
kinds here are their own set, each a short status or guidance text whose context is
limited to references, dates, rights, a company, and the address the citizen typed
in this very chat. Staff texts (the approval posts of the staff group) are kinds of
their own too, in English like the command line.

Rendering is strict in the way ``replies.render`` is: unknown kinds and context keys
are refused, and a variable the template needs but the caller did not give raises.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import jinja2

from privacybot import paths
from privacybot.domain import Language
from privacybot.replies.render import FILTERS

#: Telegram refuses longer texts; we cut before that, with a mark.
MAX_CHAT_TEXT = 4000
#: answerCallbackQuery shows at most 200 characters.
MAX_CALLBACK_TEXT = 200


class ChatText(StrEnum):
    GREETING = "greeting"
    STOPPED = "stopped"
    STOPPED_HINT = "stopped_hint"
    UNKNOWN_COMMAND = "unknown_command"
    MEDIA_REFUSED = "media_refused"
    EDITED_IGNORED = "edited_ignored"
    FORWARDED_IGNORED = "forwarded_ignored"
    SLOW_DOWN = "slow_down"
    TOO_LONG = "too_long"
    NOT_PRIVATE = "not_private"
    ASK_RIGHT = "ask_right"
    ASK_COMPANY = "ask_company"
    ASK_ADDRESS = "ask_address"
    ADDRESS_INVALID = "address_invalid"
    ADDRESS_LIMIT = "address_limit"
    CONFIRM_ADDRESS = "confirm_address"
    CODE_SENT = "code_sent"
    CODE_SENT_AGAIN = "code_sent_again"
    CODE_NOT_SENT = "code_not_sent"
    CODE_LIMIT = "code_limit"
    CODE_PROMPT = "code_prompt"
    CODE_WRONG = "code_wrong"
    CODE_LOCKED = "code_locked"
    CODE_EXPIRED = "code_expired"
    CODE_TOO_MANY = "code_too_many"
    CODE_UNEXPECTED = "code_unexpected"
    VERIFIED = "verified"
    RECEIVED_REDUCED = "received_reduced"
    CASE_CAP = "case_cap"
    ON_BEHALF = "on_behalf"
    ASK_QUESTION = "ask_question"
    QUESTION_ANSWER = "question_answer"
    QUESTION_UNKNOWN = "question_unknown"
    COMPLAINT_INFO = "complaint_info"
    FOREIGN_LANGUAGE = "foreign_language"
    STATUS_LIST = "status_list"
    STATUS_NONE = "status_none"
    NOTICE_VERIFIED = "notice_verified"
    NOTICE_EXTENDED = "notice_extended"
    NOTICE_ANSWERED = "notice_answered"
    NOTICE_CLOSED = "notice_closed"
    CHOICE_GONE = "choice_gone"


class StaffText(StrEnum):
    POST = "staff_post"
    CLOSED = "staff_closed"
    NOT_LINKED = "staff_not_linked"
    REFUSED = "staff_refused"
    REJECT_ASK = "staff_reject_ask"
    REJECT_CANCELLED = "staff_reject_cancelled"
    DONE = "staff_done"


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


#: The context each citizen text takes: exactly these keys, nothing else.
CHAT_CONTEXT: Mapping[ChatText, frozenset[str]] = MappingProxyType(
    {
        **{kind: frozenset() for kind in ChatText},
        ChatText.MEDIA_REFUSED: _keys("desk_address"),
        ChatText.TOO_LONG: _keys("desk_address"),
        ChatText.ASK_COMPANY: _keys("rights"),
        ChatText.ADDRESS_LIMIT: _keys("desk_address"),
        ChatText.CONFIRM_ADDRESS: _keys("rights", "company", "address"),
        ChatText.CODE_SENT: _keys("address", "valid_hours"),
        ChatText.CODE_SENT_AGAIN: _keys("address"),
        ChatText.CODE_NOT_SENT: _keys("desk_address"),
        ChatText.CODE_LOCKED: _keys("desk_address"),
        ChatText.VERIFIED: _keys("reference", "due_date", "rights", "company", "existing"),
        ChatText.RECEIVED_REDUCED: _keys("rights"),
        ChatText.CASE_CAP: _keys("desk_address"),
        ChatText.ON_BEHALF: _keys("desk_address"),
        ChatText.QUESTION_ANSWER: _keys("heading", "text"),
        ChatText.QUESTION_UNKNOWN: _keys("desk_address"),
        ChatText.COMPLAINT_INFO: _keys("desk_address"),
        ChatText.STATUS_LIST: _keys("cases"),
        ChatText.NOTICE_VERIFIED: _keys("reference", "due_date"),
        ChatText.NOTICE_EXTENDED: _keys("reference", "due_date"),
        ChatText.NOTICE_ANSWERED: _keys("reference"),
        ChatText.NOTICE_CLOSED: _keys("reference"),
    }
)

STAFF_CONTEXT: Mapping[StaffText, frozenset[str]] = MappingProxyType(
    {
        StaffText.POST: _keys("draft_id", "kind", "reference", "to", "subject", "body", "cut"),
        StaffText.CLOSED: _keys("post", "outcome", "who", "reason"),
        StaffText.NOT_LINKED: _keys("user_id"),
        StaffText.REFUSED: _keys("reason"),
        StaffText.REJECT_ASK: _keys("who", "draft_id"),
        StaffText.REJECT_CANCELLED: _keys("who", "draft_id"),
        StaffText.DONE: _keys("outcome"),
    }
)


class ChatTextError(ValueError):
    """A chat text cannot be rendered: unknown kind, wrong context, broken template."""


def chat_templates_dir() -> Path:
    return paths.templates_dir() / "chat"


@lru_cache(maxsize=4)
def _environment(directory: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text, sent without parse_mode
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def _render(name: str, context: Mapping[str, object]) -> str:
    env = _environment(str(chat_templates_dir().resolve()))
    try:
        text = env.get_template(name).render(dict(context))
    except jinja2.TemplateNotFound as exc:
        raise ChatTextError(f"{name}: template not found") from exc
    except jinja2.UndefinedError as exc:
        raise ChatTextError(f"{name}: {exc.message}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ChatTextError(f"{name}: syntax error line {exc.lineno}: {exc}") from exc
    return cut(text.strip(), MAX_CHAT_TEXT)


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in an ellipsis when something was left out."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check(name: str, wanted: frozenset[str], context: Mapping[str, object]) -> None:
    missing = sorted(wanted - context.keys())
    unknown = sorted(context.keys() - wanted)
    if missing or unknown:
        raise ChatTextError(f"{name}: missing {missing}, unknown {unknown}")


def render_chat(kind: ChatText, language: Language, context: Mapping[str, object]) -> str:
    """A citizen text in the citizen's language."""
    name = f"{ChatText(kind).value}.{Language(language).value}.j2"
    _check(name, CHAT_CONTEXT[ChatText(kind)], context)
    return _render(name, context)


def render_staff(kind: StaffText, context: Mapping[str, object]) -> str:
    """A text for the staff group (English, as the command line)."""
    name = f"{StaffText(kind).value}.en.j2"
    _check(name, STAFF_CONTEXT[StaffText(kind)], context)
    return _render(name, context)


@lru_cache(maxsize=4)
def _labels(path: str, mtime_ns: int) -> Mapping[str, Mapping[str, str]]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in data.items()})


def button_label(key: str, section: str) -> str:
    """The label of button ``key`` in ``section`` (``nl``, ``en`` or ``staff``)."""
    path = chat_templates_dir() / "buttons.toml"
    labels = _labels(str(path), path.stat().st_mtime_ns)
    try:
        return labels[section][key]
    except KeyError:
        raise ChatTextError(f"buttons.toml: no label {key!r} in [{section}]") from None
