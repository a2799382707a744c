"""The privacy statement split into its sections, so replies can cite and quote it.

Replies must point people to the part of Conxillium's statement that covers
their right (docs/rules.md R8) and a ``question`` answer quotes the section that
matches the question. The statement is a Dutch plain-text file shipped in
``policy/`` at the top of the repository; ``parse_policy`` is a pure function
over its text so tests can feed it variants, and ``load_policy`` reads the
shipped file (or ``PRIVACYBOT_POLICY_FILE``). The statement exists only in
Dutch: English replies name the English heading from ``EN_HEADINGS`` and the
Dutch original beside it, so the reader can find it in the document; when they quote
a passage, they quote our own English rendering (``load_policy_en``) and say that the
Dutch text prevails, so an English letter is English throughout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from privacybot import paths

POLICY_FILENAME = "privacyverklaring-conxillium.nl.txt"
#: Our own English rendering, for English replies that quote the statement; Dutch prevails.
POLICY_EN_FILENAME = "privacy-statement-conxillium.en.txt"

#: Headings of the statement, in document order. Templates cite them verbatim.
WELKE_GEGEVENS = "Welke gegevens verwerken wij?"
DOELEINDEN = "Doeleinden"
RECHTSGROND = "Rechtsgrond voor de verwerking"
ONTVANGERS = "Wie ontvangen de gegevens?"
BEWAARTERMIJN = "Bewaartermijn"
UW_RECHTEN = "Uw rechten"
COOKIES = "Gebruik cookies"

KNOWN_HEADINGS: tuple[str, ...] = (
    WELKE_GEGEVENS,
    DOELEINDEN,
    RECHTSGROND,
    ONTVANGERS,
    BEWAARTERMIJN,
    UW_RECHTEN,
    COOKIES,
)

#: English names for English replies; the statement itself stays Dutch.
EN_HEADINGS: Mapping[str, str] = MappingProxyType(
    {
        WELKE_GEGEVENS: "Which data do we process?",
        DOELEINDEN: "Purposes",
        RECHTSGROND: "Legal basis for processing",
        ONTVANGERS: "Who receives the data?",
        BEWAARTERMIJN: "Retention period",
        UW_RECHTEN: "Your rights",
        COOKIES: "Use of cookies",
    }
)

#: Words that point a question at a section; first match in this order wins, so the
#: narrow topics (cookies, retention) come before the broad ones (rights, data).
TOPIC_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (COOKIES, ("cookie", "tracking", "klikgedrag")),
    (BEWAARTERMIJN, ("bewaar", "hoe lang", "retention", "how long", "keep my", "store my")),
    (ONTVANGERS, ("ontvang", "derden", "delen", "gedeeld", "doorgegeven", "verkocht",
                  "buitenland", "recipient", "third part", "share", "shared", "sell",
                  "abroad", "transfer")),
    (RECHTSGROND, ("rechtsgrond", "grondslag", "toestemming", "gerechtvaardigd belang",
                   "legal basis", "lawful basis", "consent", "legitimate interest")),
    (DOELEINDEN, ("waarvoor", "waarom", "doel", "marketing", "nieuwsbrief", "purpose",
                  "why do you", "what for", "newsletter")),
    (UW_RECHTEN, ("recht", "inzage", "verwijder", "correctie", "bezwaar", "klacht",
                  "right", "access", "delete", "erase", "correct", "object", "complain")),
    (WELKE_GEGEVENS, ("welke gegevens", "wat weten", "ip-adres", "ip adres",
                      "which data", "what data", "what information", "ip address")),
)  # fmt: skip


class PolicyError(ValueError):
    """The statement file is missing a heading that replies cite, or repeats one."""


@dataclass(frozen=True)
class Policy:
    """The statement: its title line, the text before the first heading, and the sections."""

    title: str
    preamble: str
    sections: Mapping[str, str]

    def section(self, heading: str) -> str:
        """Text under ``heading``; a clear error names the headings that do exist."""
        try:
            return self.sections[heading]
        except KeyError:
            known = ", ".join(repr(h) for h in self.sections)
            raise PolicyError(f"no section {heading!r} in the statement; have {known}") from None

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(self.sections)


def _tidy(lines: Sequence[str]) -> str:
    """Strip trailing spaces and collapse runs of blank lines into one."""
    text = "\n".join(line.rstrip() for line in lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def parse_policy(text: str, headings: Sequence[str] = KNOWN_HEADINGS) -> Policy:
    """Split the statement at lines that are exactly one of ``headings``.

    Only known headings split, so a sentence that happens to stand alone on
    a line can never start a section. Every known heading must be present
    exactly once: a template citing a section the statement lacks would point
    the reader at nothing.
    """
    wanted = set(headings)
    title = ""
    preamble: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = preamble
    for raw in text.splitlines():
        line = raw.strip()
        if not title and line and line not in wanted:
            title = line
            continue
        if line in wanted:
            if line in sections:
                raise PolicyError(f"heading {line!r} occurs twice in the statement")
            current = sections[line] = []
            continue
        current.append(raw)
    missing = [h for h in headings if h not in sections]
    if missing:
        raise PolicyError(f"statement lacks heading(s): {', '.join(map(repr, missing))}")
    return Policy(
        title=title,
        preamble=_tidy(preamble),
        sections=MappingProxyType({h: _tidy(sections[h]) for h in headings}),
    )


def policy_path() -> Path:
    """The shipped statement, or the file an operator names in ``PRIVACYBOT_POLICY_FILE``."""
    return paths.policy_file(POLICY_FILENAME)


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> Policy:
    # mtime in the key: an operator who edits the statement sees it without a restart.
    return parse_policy(Path(path).read_text(encoding="utf-8"))


def load_policy_en(path: Path | None = None) -> Mapping[str, str]:
    """The English rendering, section by section, keyed by the Dutch heading it renders."""
    target = path if path is not None else paths.policy_file(POLICY_EN_FILENAME)
    english = parse_policy(
        target.read_text(encoding="utf-8"), tuple(EN_HEADINGS[h] for h in KNOWN_HEADINGS)
    )
    return MappingProxyType({h: english.sections[EN_HEADINGS[h]] for h in KNOWN_HEADINGS})


def load_policy(path: Path | None = None) -> Policy:
    """Read and parse the statement (cached per file version)."""
    target = path if path is not None else policy_path()
    return _load(str(target), target.stat().st_mtime_ns)


def section_for_topic(text: str) -> str | None:
    """Guess the section a question is about, for staff to confirm; None if no keyword hits."""
    lowered = text.lower()
    for heading, keywords in TOPIC_KEYWORDS:
        if any(word in lowered for word in keywords):
            return heading
    return None


def en_heading(heading: str) -> str:
    """English name of a Dutch heading (unknown headings pass through unchanged)."""
    return EN_HEADINGS.get(heading, heading)
