"""One language per letter: find paragraphs staff typed in the other language; pure.

An English letter is English throughout (and a Dutch one Dutch): staff editing a
draft sometimes paste a Dutch sentence into an English answer. This flags the
paragraph before approval instead of sending a letter the citizen half reads.
Only prose counts: indented lines (a quoted passage, an address block) and short
fragments (a name, a file name, a Dutch legal term) are left alone, and a
paragraph is flagged only when the other language clearly wins on function words.
"""

from __future__ import annotations

import re

from privacybot.domain import Language
from privacybot.triage.language import words

#: A paragraph needs this many words before its language is judged.
MIN_WORDS = 8
#: ... and this many function words of the other language, at least twice the letter's.
MIN_FOREIGN_HITS = 3


def foreign_paragraphs(
    body: str, language: Language, stopwords: dict[Language, frozenset[str]]
) -> list[str]:
    """The paragraphs of ``body`` that read as the other language (first words of each)."""
    other = Language.EN if language == Language.NL else Language.NL
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        prose = " ".join(
            line for line in paragraph.splitlines() if line.strip() and not line.startswith(" ")
        )
        tokens = words(prose)
        if len(tokens) < MIN_WORDS:
            continue
        mine = sum(1 for t in tokens if t in stopwords[language])
        theirs = sum(1 for t in tokens if t in stopwords[other])
        if theirs >= MIN_FOREIGN_HITS and theirs >= 2 * max(mine, 1):
            found.append(" ".join(prose.split()[:8]))
    return found
