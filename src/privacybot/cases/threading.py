"""Case references and threading (docs/rules.md R21-R23): which case does a message belong to?

Pure: the caller looks up the candidate cases and our sent Message-IDs and
passes them in; :func:`choose_case` only decides, with the reason, so that a
stranger quoting a reference never lands in someone else's case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from privacybot.cases.deadline import AMSTERDAM, receipt_date

REFERENCE_PREFIX = "PRV"
#: R21: the token in a subject, e.g. ``[PRV-2026-00042]``; matched case-insensitively.
TOKEN_RE = re.compile(r"\[PRV-([0-9]{4})-([0-9]{5})\]", re.IGNORECASE)
_REFERENCE_RE = re.compile(r"PRV-([0-9]{4})-([0-9]{5})", re.IGNORECASE)
_MSGID_RE = re.compile(r"<[^<>\s]+>")


def format_reference(year: int, seq: int) -> str:
    """R21: ``PRV-YYYY-NNNNN``; the sequence starts at 1 and has five digits."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"reference year must have four digits, got {year}")
    if not 1 <= seq <= 99_999:
        raise ValueError(f"reference sequence must be 1..99999, got {seq}")
    return f"{REFERENCE_PREFIX}-{year:04d}-{seq:05d}"


def parse_reference(s: str) -> tuple[int, int] | None:
    """R21: ``(year, seq)`` of a reference, with or without brackets, any case; else None."""
    s = s.strip()
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1]
    match = _REFERENCE_RE.fullmatch(s)
    if match is None:
        return None
    year, seq = int(match.group(1)), int(match.group(2))
    if seq == 0:
        return None
    return year, seq


def normalize_reference(s: str) -> str | None:
    """R21: the canonical uppercase reference, or None if ``s`` is not one."""
    parsed = parse_reference(s)
    return None if parsed is None else format_reference(*parsed)


def subject_token(subject: str) -> str | None:
    """R21: the first ``[PRV-YYYY-NNNNN]`` token of a subject, uppercased; else None."""
    for match in TOKEN_RE.finditer(subject):
        seq = int(match.group(2))
        if seq:
            return format_reference(int(match.group(1)), seq)
    return None


def reference_year(received: datetime, tz: ZoneInfo = AMSTERDAM) -> int:
    """R21: the year of a reference is the year of the receipt date (R1), not of UTC."""
    return receipt_date(received, tz).year


def normalize_message_id(value: str) -> str:
    """A Message-ID in its ``<...>`` form, so stored and quoted ids compare equal."""
    value = value.strip()
    match = _MSGID_RE.search(value)
    if match:
        return match.group(0)
    return f"<{value.strip('<>')}>" if value.strip("<>") else ""


def message_ids(values: Iterable[str]) -> list[str]:
    """All Message-IDs in header values (a References value holds several)."""
    found: list[str] = []
    for value in values:
        ids = _MSGID_RE.findall(value)
        if not ids and value.strip().strip("<>"):
            ids = [normalize_message_id(token) for token in value.split()]
        found.extend(ids)
    return found


@dataclass(frozen=True)
class CandidateCase:
    """A case the caller found for this message (by our Message-ID or by subject token)."""

    id: int
    reference: str
    requester: str
    closed: bool


class ThreadAction(StrEnum):
    ATTACH = "attach"
    NEW = "new"
    NEW_TOKEN_MISMATCH = "new_token_mismatch"
    NEW_CHILD_OF_CLOSED = "new_child_of_closed"


@dataclass(frozen=True)
class ThreadDecision:
    """What to do with the message, and the rule that decided it (for the audit event)."""

    action: ThreadAction
    rule: str
    reason: str
    case_id: int | None = None
    parent_case_id: int | None = None


def _normalize_address(address: str | None) -> str:
    return (address or "").strip().lower()


def _matched(case: CandidateCase, rule: str, how: str) -> ThreadDecision:
    if case.closed:
        return ThreadDecision(
            ThreadAction.NEW_CHILD_OF_CLOSED,
            "R23",
            f"{how} {case.reference}, which is closed: new case linked to it",
            parent_case_id=case.id,
        )
    return ThreadDecision(ThreadAction.ATTACH, rule, f"{how} {case.reference}", case_id=case.id)


def choose_case(
    in_reply_to: str | None,
    references: Sequence[str],
    sent_message_ids: Mapping[str, int],
    token: str | None,
    sender: str | None,
    candidates: Sequence[CandidateCase],
) -> ThreadDecision:
    """R22/R23: attach to a case, or open a new (possibly linked) one.

    1. In-Reply-To, then References newest first, naming a Message-ID we sent
       (``sent_message_ids`` maps it to a case id) -> that case.
    2. Else the subject ``token`` of an existing case whose requester is the
       ``sender`` -> that case.
    3. Else a new case; a known token from another address is flagged
       ``NEW_TOKEN_MISMATCH`` so nothing of that case is disclosed.
    A match on a closed case opens a new child case (R23): each request gets
    its own art. 12(3) clock and closed cases stay immutable. A Message-ID
    whose case is not among ``candidates`` (purged) is skipped.
    """
    by_id = {case.id: case for case in candidates}
    sent = {normalize_message_id(k): v for k, v in sent_message_ids.items()}
    replied_to = message_ids([in_reply_to] if in_reply_to else [])
    replied_to += reversed(message_ids(references))
    for msgid in replied_to:
        case_id = sent.get(msgid)
        if case_id is not None and case_id in by_id:
            return _matched(by_id[case_id], "R22.1", f"reply to our message {msgid} in case")

    reference = normalize_reference(token) if token else None
    if reference is not None:
        by_reference = [case for case in candidates if case.reference.upper() == reference]
        if by_reference:
            case = by_reference[0]
            if _normalize_address(sender) and _normalize_address(
                case.requester
            ) == _normalize_address(sender):
                return _matched(case, "R22.2", "subject token and requester of case")
            return ThreadDecision(
                ThreadAction.NEW_TOKEN_MISMATCH,
                "R22.3",
                f"token {reference} from an address that is not its requester",
            )
    return ThreadDecision(ThreadAction.NEW, "R22.3", "no Message-ID or token of a known case")


# --- one address, the same request again --------------------------------------------

#: rapidfuzz ratio (0-100) from which two cleaned texts count as the same request.
REPEAT_SIMILARITY = 90.0
#: Only this much of each text is compared (a request says what it wants early on).
REPEAT_COMPARE_CHARS = 4000


@dataclass(frozen=True)
class RecentCase:
    """A case the same address opened lately, with the text of the message that opened it."""

    id: int
    reference: str
    rights: frozenset[str]
    company: str | None
    text: str
    opened: datetime
    closed: bool


def _comparable(text: str) -> str:
    return " ".join(text.casefold().split())[:REPEAT_COMPARE_CHARS]


def repeat_of(
    rights: set[str], company: str | None, text: str, recent: Sequence[RecentCase]
) -> RecentCase | None:
    """Rule ``repeat-request``: the open case this message repeats, if any.

    The same rights about the same company in the same or nearly the same words
    (a resend, a second copy from a flood) are one request: it joins that case,
    whose dates do not move (R22). Another right, another company or other words
    make a request of its own.
    """
    wanted = frozenset(rights)
    mine = _comparable(text)
    for case in sorted(recent, key=lambda c: c.opened, reverse=True):
        if case.closed or case.rights != wanted or case.company != company:
            continue
        if fuzz.ratio(mine, _comparable(case.text)) >= REPEAT_SIMILARITY:
            return case
    return None
