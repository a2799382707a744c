"""The bot's texts (templates/chat/): every kind renders in Dutch and English, short, formal."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta

from privacybot.domain import Language
from privacybot.replies.chat import (
    CHAT_CONTEXT,
    MAX_CHAT_TEXT,
    STAFF_CONTEXT,
    ChatText,
    ChatTextError,
    StaffText,
    button_label,
    chat_templates_dir,
    render_chat,
    render_staff,
)
from privacybot.replies.kinds import SPECS
from privacybot.replies.render import FILTERS

SAMPLE: dict[str, object] = {
    "desk_address": "privacy@conxillium.nl",
    "rights": ["access", "erasure"],
    "company": "Procura",
    "address": "anna@example.nl",
    "valid_hours": 24,
    "reference": "PRV-2026-00042",
    "due_date": date(2026, 7, 6),
    "existing": True,
    "heading": "Bewaartermijn",
    "text": "Wij bewaren gegevens niet langer dan nodig.",
    "cases": [
        {
            "reference": "PRV-2026-00042",
            "status": "open",
            "rights": ["access"],
            "company": None,
            "due_date": date(2026, 7, 6),
        }
    ],
}
#: What a chat text may name at all (R14): nothing the desk knows about a person.
ALLOWED_CONTEXT = set(SAMPLE)


def _context(kind: ChatText) -> dict[str, object]:
    return {key: SAMPLE[key] for key in CHAT_CONTEXT[kind]}


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", list(ChatText))
def test_every_chat_text_renders_short_in_both_languages(
    kind: ChatText, language: Language
) -> None:
    text = render_chat(kind, language, _context(kind))
    assert text.strip() and len(text) <= MAX_CHAT_TEXT
    if language == Language.NL:
        assert not re.search(r"\b(je|jij|jou|jouw)\b", text, re.IGNORECASE), text


def test_R14_chat_texts_take_no_personal_data_from_the_desk() -> None:
    for kind, keys in CHAT_CONTEXT.items():
        assert keys <= ALLOWED_CONTEXT, kind
    personal_kinds = {k.value for k, spec in SPECS.items() if spec.contains_personal_data}
    assert not personal_kinds & {k.value for k in ChatText}


def test_the_greeting_says_in_three_lines_what_the_desk_does() -> None:
    for language in Language:
        lines = render_chat(ChatText.GREETING, language, {}).splitlines()
        assert len(lines) == 4 and [line[:2] for line in lines[1:]] == ["1.", "2.", "3."]


def test_an_unknown_or_missing_context_key_is_refused() -> None:
    with pytest.raises(ChatTextError, match="missing"):
        render_chat(ChatText.VERIFIED, Language.NL, {"reference": "PRV-2026-00001"})
    with pytest.raises(ChatTextError, match="unknown"):
        render_chat(ChatText.GREETING, Language.NL, {"body": "Uw gegevens: …"})


@pytest.mark.parametrize("kind", list(StaffText))
def test_every_staff_text_renders(kind: StaffText) -> None:
    sample = {
        "draft_id": 7,
        "kind": "answer_access",
        "reference": "PRV-2026-00042",
        "to": "anna@example.nl",
        "subject": "Re: [PRV-2026-00042] Inzage",
        "body": "Beste mevrouw,",
        "cut": False,
        "post": "Draft 7",
        "outcome": "approved",
        "who": "olga@conxillium.nl",
        "reason": "",
        "user_id": 4401,
    }
    assert render_staff(kind, {k: sample[k] for k in STAFF_CONTEXT[kind]}).strip()


@pytest.mark.parametrize(
    "path", sorted(chat_templates_dir().glob("[!_]*.j2")), ids=lambda p: p.name
)
def test_templates_use_only_declared_variables(path: Path) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(chat_templates_dir())))
    env.filters.update(FILTERS)
    used = meta.find_undeclared_variables(env.parse(path.read_text()))
    kind = path.name.split(".")[0]
    declared = (
        CHAT_CONTEXT[ChatText(kind)]
        if kind in {k.value for k in ChatText}
        else STAFF_CONTEXT[StaffText(kind)]
    )
    assert used <= declared, f"{path.name} uses {sorted(used - declared)}"


def test_every_button_has_a_label_in_both_languages() -> None:
    keys = [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "withdraw_consent",
        "question",
        "all_companies",
        "yes",
        "no",
        "new_code",
    ]
    for section in ("nl", "en"):
        for key in keys:
            assert button_label(key, section)
    assert button_label("approve", "staff") and button_label("reject", "staff")
