"""Which member company a message is about, matched fuzzily; pure.

Why fuzzy: citizens write "Procurra", "JCC software", "Geo Tax", "beheer
visie", "I Real".  Names are compared with spaces and hyphens removed over
runs of one to three words (rapidfuzz ``ratio``); short names must match
exactly.  "SIM" is special: only the standalone word "SIM"/"Sim" in a company
context counts, never "simkaart", "SIM-kaart" or "my SIM card".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from privacybot.domain import COMPANIES

_TOKEN = re.compile(r"[A-Za-z0-9À-ÿ]+")
_SIM = re.compile(r"(?<![A-Za-z0-9])(SIM|Sim)(?![A-Za-z0-9])")

#: Extra spellings that are not a fuzzy variant of the name itself.
ALIASES: dict[str, str] = {"jcc": "JCC Software"}
#: Words that make "SIM" a phone part, not the company.
_SIM_NOT_COMPANY = frozenset(
    {
        "card",
        "cards",
        "kaart",
        "kaartje",
        "kaarten",
        "lock",
        "slot",
        "only",
        "swap",
        "pin",
        "puk",
        "tray",
        "free",
        "lockvrij",
        "simlockvrij",
    }
)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


_KEYS: dict[str, str] = {_key(name): name for name in COMPANIES if name != "SIM"}
_KEYS.update(ALIASES)


def _cutoff(key: str) -> float | None:
    """Minimum rapidfuzz ratio for a key; None means exact match only."""
    if len(key) <= 6:
        return None
    return 88.0 if len(key) <= 7 else 85.0


_FUZZY_KEYS: list[str] = [k for k in _KEYS if _cutoff(k) is not None]


#: Fuzzy verdicts by joined run of words: a service sees the same words again and again.
_FUZZY_SEEN: dict[str, str | None] = {}
_FUZZY_SEEN_MAX = 65536


def _fuzzy_key(joined: str) -> str | None:
    if len(joined) < 6:
        return None
    try:
        return _FUZZY_SEEN[joined]
    except KeyError:
        pass
    found = process.extractOne(joined, _FUZZY_KEYS, scorer=fuzz.ratio, score_cutoff=85.0)
    name: str | None = None
    if found is not None:
        key = found[0]
        cutoff = _cutoff(key)
        name = _KEYS[key] if cutoff is not None and found[1] >= cutoff else None
    if len(_FUZZY_SEEN) < _FUZZY_SEEN_MAX:
        _FUZZY_SEEN[joined] = name
    return name


def _is_sim(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 1) : match.start()]
    after = text[match.end() : match.end() + 1]
    if before in ("-", "/") or after in ("-", "/"):
        return False  # SIM-kaart, e-SIM/...
    following = _TOKEN.findall(text[match.end() : match.end() + 30])
    return not (following and following[0].lower() in _SIM_NOT_COMPANY)


def _window_company(window: tuple[str, str, str]) -> str | None:
    """The company named by the first one, two or three words of ``window``, if any."""
    joined = ""
    for n, token in enumerate(window, start=1):
        if not token:  # past the last word of the text
            break
        joined += token
        if len(joined) > 14:
            break
        name = _KEYS.get(joined)
        if name is None and n < 3:
            name = _fuzzy_key(joined)
        if name is not None:
            return name
    return None


#: Verdicts by run of three words: mail repeats its words, and one look-up per word
#: is a fifth of the cost of trying one, two and three words each time.
_WINDOW_SEEN: dict[tuple[str, str, str], str | None] = {}
_WINDOW_SEEN_MAX = 100_000


def find_company(text: str) -> str | None:
    """The first company named in ``text`` (by position), or None when none is named."""
    if text.isascii():  # lowering first changes no word's bounds (it can for "İ", "K")
        lowered = _TOKEN.findall(text.lower())
    else:
        lowered = [token.lower() for token in _TOKEN.findall(text)]
    lowered.extend(("", ""))
    seen = _WINDOW_SEEN
    best: tuple[int, str] | None = None
    for i, window in enumerate(zip(lowered, lowered[1:], lowered[2:], strict=False)):
        try:
            name = seen[window]
        except KeyError:
            name = _window_company(window)
            if len(seen) >= _WINDOW_SEEN_MAX:
                seen.clear()  # start afresh rather than freeze: the common runs come back
            seen[window] = name
        if name is not None:
            best = (_token_start(text, i), name)
            break
    for match in _SIM.finditer(text):
        if _is_sim(text, match):
            if best is None or match.start() < best[0]:
                best = (match.start(), "SIM")
            break
    return best[1] if best else None


def _token_start(text: str, index: int) -> int:
    """Where the ``index``-th word starts: asked once, for the word that named a company."""
    for i, match in enumerate(_TOKEN.finditer(text)):
        if i == index:
            return match.start()
    raise IndexError(index)
