"""Phrase lexicons of the automatic-mail rules, kept as data (``data/absence.yaml``,
``data/gateway.yaml``): what notices say in each language, compiled to one pattern.

Why a module: the lexicons are written as phrases a person can read and extend (a
trailing ``*`` runs the last word on, a leading ``*`` lets it end a compound, ``~``
is a gap of up to three words), and every rule that reads one compiles it the same
way, folded like the text it is matched against and bounded (no nested repetition).
"""

from __future__ import annotations

import re

import yaml

from privacybot.paths import package_data
from privacybot.triage.automatic_subjects import fold


def phrase_pattern(phrase: str) -> str:
    """One lexicon phrase as a bounded pattern (Latin words meet on word boundaries)."""
    parts: list[str] = []
    for word in fold(phrase.lower()).split():
        if word == "~":
            parts.append(r"(?:\S{1,30}\s){0,3}")
            continue
        stem = word.endswith("*")
        compound = word.startswith("*")  # the last part of a compound: "*urlaub"
        body = re.escape(word.strip("*")) + (r"\w{0,20}" if stem else "")
        body = (r"\w{0,20}" if compound else "") + body
        parts.append(body + r"\s")
    return "".join(parts)[: -len(r"\s")]


def load_lexicon(name: str) -> dict[str, list[str]]:
    """``data/<name>.yaml``: kind -> every phrase of every language."""
    data = yaml.safe_load(package_data(name).read_text(encoding="utf-8"))
    return {
        kind: [phrase for per_language in languages.values() for phrase in per_language]
        for kind, languages in data.items()
    }


def compile_phrases(phrases: list[str]) -> re.Pattern[str]:
    """All ``phrases`` as one pattern, longest first, on word boundaries."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(phrase_pattern(p) for p in ordered)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])", re.IGNORECASE)
