"""Threading keys of a message: case reference in the subject, reply Message-IDs; pure.

Why: R22 threads on (1) In-Reply-To/References holding one of our
Message-IDs, (2) a ``[PRV-YYYY-NNNNN]`` token plus the same requester.  People
retype references carelessly, so reading is lenient (brackets optional, any
case, odd spacing); writing is strict (R21 ``TOKEN_RE``, uppercase).  R19
wants our reply subjects free of Re:/Antw:/… prefixes and old tokens.
"""

from __future__ import annotations

import re

from privacybot.domain import ParsedMessage

#: R21: the token exactly as we write it.
TOKEN_RE = re.compile(r"\[PRV-(\d{4})-(\d{5})\]", re.IGNORECASE)
#: Lenient reading: "[ PRV - 2026 - 00042 ]", "prv 2026 00042", "PRV-2026-00042".
_LENIENT = re.compile(
    r"(?<![A-Za-z0-9])\[?\s*PRV\s*[-_./:\u2013\u2014 ]?\s*(\d{4})"
    r"\s*[-_./:\u2013\u2014 ]?\s*(\d{5})(?!\d)\s*\]?",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\s*(?:re|antw|antwoord|aw|fw|fwd|doorst|auto|wg|tr|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*",
    re.IGNORECASE,
)


def format_ref(year: int, number: int) -> str:
    """``PRV-2026-00042``: the canonical reference (R21)."""
    return f"PRV-{year:04d}-{number:05d}"


def strict_token(subject: str) -> str | None:
    """The first R21 token ``[PRV-YYYY-NNNNN]`` (case-insensitive), normalised uppercase."""
    match = TOKEN_RE.search(subject)
    return format_ref(int(match.group(1)), int(match.group(2))) if match else None


def case_ref_from_subject(subject: str) -> str | None:
    """The first case reference in a subject, however typed, as ``PRV-YYYY-NNNNN``."""
    match = _LENIENT.search(subject or "")
    return format_ref(int(match.group(1)), int(match.group(2))) if match else None


def reply_ids(msg: ParsedMessage) -> tuple[str, ...]:
    """In-Reply-To then References Message-IDs, ``<…>`` form, duplicates removed."""
    ids: list[str] = []
    if msg.in_reply_to:
        ids.append(msg.in_reply_to)
    ids.extend(msg.references)
    return tuple(dict.fromkeys(i.strip() for i in ids if i.strip()))


def strip_subject(subject: str) -> str:
    """R19: the subject without Re:/Antw:/Aw:/Fw:/Fwd:/Doorst:/Auto: prefixes and PRV tokens."""
    text = subject or ""
    previous = None
    while previous != text:
        previous = text
        text = _LENIENT.sub(" ", text)
        text = _PREFIX.sub("", text)
        text = re.sub(r"\s{2,}", " ", text).strip()
    return text
