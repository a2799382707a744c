"""The phrase lexicons (``data/absence.yaml``, ``data/gateway.yaml``,
``data/challenge.yaml``) behind ``absence-notice``, ``gateway-words`` and
``challenge-words``."""

from __future__ import annotations

import re

import pytest
import yaml

from privacybot.paths import package_data
from privacybot.triage.automatic_away import ABSENT, LATER, _asks_politely
from privacybot.triage.automatic_lexicon import phrase_pattern
from privacybot.triage.automatic_notices import (
    _CONFIRM_WORDS,
    _HELD,
    _REASON,
    _SCREEN_WORDS,
    _WAITING_WORDS,
)
from privacybot.triage.automatic_subjects import fold

LEXICONS = {
    name: yaml.safe_load(package_data(name).read_text(encoding="utf-8"))
    for name in ("absence.yaml", "gateway.yaml", "challenge.yaml")
}
PATTERNS = {
    "absent": ABSENT,
    "later": LATER,
    "held": _HELD,
    "reason": _REASON,
    "confirm": _CONFIRM_WORDS,
    "waiting": _WAITING_WORDS,
    "screen": _SCREEN_WORDS,
}


def _examples() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for lexicon in LEXICONS.values():
        for kind, languages in lexicon.items():
            for phrases in languages.values():
                out.extend((kind, phrase) for phrase in phrases)
    return out


@pytest.mark.parametrize(("kind", "phrase"), _examples())
def test_every_phrase_finds_itself_in_a_sentence(kind: str, phrase: str) -> None:
    """A phrase staff add must match as written (its ``*`` and ``~`` taken literally away)."""
    written = " ".join(w.strip("*") for w in phrase.split() if w != "~")
    assert PATTERNS[kind].search(fold(f"Zie: {written}. Groet")), phrase


def test_a_star_runs_the_word_on_and_a_tilde_is_a_gap_of_up_to_three_words() -> None:
    assert ABSENT.search("Ik heb vakantiedagen opgenomen")
    assert ABSENT.search("Ik ben vrijdag weg")
    assert ABSENT.search("ik ben tot en met weg")
    assert not ABSENT.search("ik ben tot en met vrijdag weg")
    assert ABSENT.search("Praxisurlaub bis Montag")


@pytest.mark.parametrize(
    "text", ["a giveaway prize", "cooool", "ziektewet", "Ziekenhuis Voorbeeld", "ziekenfonds"]
)
def test_phrases_meet_on_word_boundaries(text: str) -> None:
    """ "away" in "giveaway" or "ooo" in "cooool" is no absence; a stem only runs forward
    ("ziekte*" finds "ziektewet", which is why the rule asks for more than one word), and
    "ziek" is no stem, so a hospital's or a fund's name is no absence."""
    found = ABSENT.search(text)
    assert (found is not None) == (text == "ziektewet")


def test_a_phrase_pattern_is_bounded() -> None:
    """No nested repetition: each gap and stem has an upper bound."""
    pattern = phrase_pattern("lees ~ mail* ~ niet")
    assert re.fullmatch(r"[^+*]*", pattern.replace(r"\*", ""))


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Bitte senden Sie die Antwort per Post.", True),
        ("Graag via mijn vrouw.", True),
        ("In dringenden Fällen wenden Sie sich bitte an Frau Weber.", False),
        ("For urgent matters please contact my colleague.", False),
        ("Please note that this mailbox is not monitored.", False),
        ("Please hold the documents until then.", True),
    ],
)
def test_a_polite_request_is_told_from_a_notices_way_on(text: str, asks: bool) -> None:
    assert _asks_politely(fold(text)) is asks
