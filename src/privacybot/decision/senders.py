"""Who is writing, when it is not a citizen asking about their own data; pure.

Some mail must not be answered as a citizen's request: a report of a personal-data
breach (art. 33 gives us 72 hours to notify the AP, so staff must see it at once), a
letter from the Autoriteit Persoonsgegevens itself, a request about someone who has
died (the GDPR does not cover the dead, recital 27), and a request for a child or
someone else (R12: authorisation or parental authority first). These checks read
the writer's own cleaned text, never quoted history, and err towards a person
looking: a false hit costs staff a minute, a miss can cost a deadline or someone's
data.
"""

from __future__ import annotations

import re
import unicodedata


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w)(?:{p})(?!\w)" for p in patterns))


_BREACH = _any(
    (
        r"data ?lek(?:ken)?",
        r"datalek",
        r"data ?breach(?:es)?",
        r"beveiligingslek",
        r"beveiligingsincident",
        r"security (?:incident|breach|vulnerability|hole|issue)",
        r"(?:is|zijn|werd|werden|wordt|worden) (?:ge)?lekt",
        r"(?:was|were|got|been|being) (?:leaked|exposed)",
        r"publicly (?:accessible|available|visible|exposed)",
        r"openbaar (?:toegankelijk|zichtbaar|in te zien)",
        r"voor iedereen (?:te zien|zichtbaar|in te zien|op te vragen)",
        r"(?:gegevens|data|brief|e-?mail|post) van (?:iemand anders|een ander|andere mensen)"
        r" (?:ontvangen|gekregen)",
        r"(?:received|got|was sent) (?:someone|somebody) else'?s"
        r" (?:data|details|letter|file|email)",
        r"(?:received|got) (?:the )?(?:data|details|letter|file) of (?:another|someone)",
    )
)

_DECEASED = _any(
    (
        r"overleden",
        r"overlijden",
        r"wijlen",
        r"deceased",
        r"passed away",
        r"has died",
        r"who died",
        r"died (?:last|in|on|recently)",
        r"late (?:father|mother|husband|wife|son|daughter|brother|sister|partner)",
    )
)

_MINOR = _any(
    (
        r"minderjarige?",
        r"minor(?:s)?",
        r"(?:mijn|m'n|onze|ons) (?:zoon|dochter|kind|kinderen|zoontje|dochtertje)",
        r"(?:my|our) (?:son|daughter|child|children|kid|kids|toddler)",
        r"ouderlijk gezag",
        r"parental (?:authority|responsibility)",
        r"(?:jaar|years?) oud",
    )
)

#: The regulator's own domain; anything else claiming to be the AP is checked by staff.
AP_DOMAINS: tuple[str, ...] = ("autoriteitpersoonsgegevens.nl",)
_AP_SELF = _any(
    (
        r"namens de autoriteit persoonsgegevens",
        r"on behalf of the (?:dutch )?(?:data protection authority|autoriteit persoonsgegevens)",
    )
)


def reports_a_breach(text: str) -> bool:
    """Someone tells us personal data leaked, was exposed or reached the wrong person."""
    return _BREACH.search(_fold(text)) is not None


def about_a_deceased_person(text: str) -> bool:
    return _DECEASED.search(_fold(text)) is not None


def about_a_minor(text: str) -> bool:
    return _MINOR.search(_fold(text)) is not None


def from_the_regulator(sender: str, text: str) -> bool:
    """Mail from the Autoriteit Persoonsgegevens: its domain, or a letter in its name."""
    domain = sender.rpartition("@")[2].lower()
    by_domain = any(domain == d or domain.endswith("." + d) for d in AP_DOMAINS)
    return by_domain or _AP_SELF.search(_fold(text)) is not None
