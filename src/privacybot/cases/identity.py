"""Identity decisions (docs/rules.md R12, R13, R15): one-time codes, sender trust, representation.

Pure functions: randomness, keys and instants are passed in; nothing here
stores, sends or reads the clock. The caller keeps an :class:`OtpState` per
code and replaces it with :meth:`OtpState.after` once a check is done.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

# --- R13: email one-time codes ------------------------------------------------

CODE_DIGITS = 6
#: R13: a code is valid this long after it was issued (absolute time, DST-proof).
CODE_VALIDITY = timedelta(hours=24)
#: R13: a code is void once this many wrong attempts were made against it.
MAX_WRONG_ATTEMPTS = 5
#: R13: at most this many codes per case ...
MAX_CODES_PER_WINDOW = 3
#: ... within this rolling window.
CODE_ISSUE_WINDOW = timedelta(hours=24)

_CODE_RE = re.compile(r"(?<![0-9A-Za-z])[0-9]{6}(?![0-9A-Za-z])")
_EXACT_CODE_RE = re.compile(r"[0-9]{6}")


class RandomSource(Protocol):
    """What :func:`new_code` needs from ``secrets.SystemRandom()`` (a CSPRNG, R13)."""

    def randrange(self, start: int, stop: int | None = ..., step: int = ...) -> int: ...


def new_code(rng: RandomSource) -> str:
    """R13: six digits from the given CSPRNG; leading zeros are kept ("004271")."""
    return f"{rng.randrange(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_code(code: str, key: bytes) -> str:
    """R13: codes are stored only as HMAC-SHA256 (hex) under a server key."""
    if not key:
        raise ValueError("an HMAC key is required to hash a code")
    return hmac.new(key, code.encode("ascii"), hashlib.sha256).hexdigest()


class OtpCheck(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    LOCKED = "locked"


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value!r}")


@dataclass(frozen=True)
class OtpState:
    """R13: what is stored about one issued code (never the code itself)."""

    hash: str
    issued_at: datetime
    attempts: int = 0
    used: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        if self.attempts < 0:
            raise ValueError(f"attempts must be >= 0, got {self.attempts}")

    @property
    def expires_at(self) -> datetime:
        return self.issued_at + CODE_VALIDITY

    def after(self, result: OtpCheck) -> OtpState:
        """The state to store after a check: a wrong code counts, a right one is spent."""
        if result is OtpCheck.WRONG:
            return replace(self, attempts=self.attempts + 1)
        if result is OtpCheck.OK:
            return replace(self, used=True)
        return self


def check_code(state: OtpState, candidate: str, now: datetime, key: bytes) -> OtpCheck:
    """R13: is ``candidate`` the code of ``state`` at ``now``?

    Order matters: a code voided by 5 wrong attempts stays void even for the
    right code (LOCKED), and one that is spent or older than 24 h is EXPIRED
    whatever is typed, so neither state leaks whether a guess was right. The
    comparison of hashes is constant-time.
    """
    _require_aware(now, "now")
    if state.attempts >= MAX_WRONG_ATTEMPTS:
        return OtpCheck.LOCKED
    if state.used or now >= state.expires_at:
        return OtpCheck.EXPIRED
    candidate = candidate.strip()
    if not _EXACT_CODE_RE.fullmatch(candidate):
        return OtpCheck.WRONG
    if hmac.compare_digest(hash_code(candidate, key), state.hash):
        return OtpCheck.OK
    return OtpCheck.WRONG


def may_issue(issued_times: list[datetime], now: datetime) -> bool:
    """R13: at most 3 codes per case in any rolling 24 h (issue times of that case)."""
    _require_aware(now, "now")
    window_start = now - CODE_ISSUE_WINDOW
    recent = sum(1 for t in issued_times if t > window_start)
    return recent < MAX_CODES_PER_WINDOW


#: R13: a reply may offer at most this many distinct candidate codes. Two, because a
#: citizen may retype a code once (a typo corrected on the next line), and a code
#: pasted twice is one candidate; more than two is guessing, so nothing is tried.
MAX_CANDIDATES_PER_REPLY = 2

# Digit groups joined by single separators ("720 243", "720-243", "720243"); a whole
# run is one token, so "020 123 4567" is a phone number, not a code followed by digits.
_DIGIT_RUN_RE = re.compile(
    r"(?<![0-9A-Za-z])[0-9]+(?:[ \u00a0\u2009\u202f\-\u2010\u2011\u2013][0-9]+)*(?![0-9A-Za-z])"
)
_SEPARATOR_RE = re.compile(r"[ \u00a0\u2009\u202f\-\u2010\u2011\u2013]")


def find_codes(text: str) -> list[str]:
    """R13: candidate codes in a reply, in order, each once.

    ``text`` must already be the unquoted part of the reply (R13: lines not
    starting with ``>``, before the first "On ... wrote:" and similar); a code
    that only appears quoted from our own message must not verify anyone.
    A candidate is a run of exactly six digits, or two groups of three joined by
    one space or dash (``720 243``, ``720-243``); a code pasted twice is one
    candidate. Other digit runs (phone numbers, IBANs, dates, postcodes) and
    digits glued to letters are not codes.
    """
    found: list[str] = []
    for match in _DIGIT_RUN_RE.finditer(text):
        groups = _SEPARATOR_RE.split(match.group(0))
        half = CODE_DIGITS // 2
        if all(len(g) == CODE_DIGITS for g in groups):
            found.extend(groups)
        elif len(groups) % 2 == 0 and all(len(g) == half for g in groups):
            found.extend(a + b for a, b in zip(groups[::2], groups[1::2], strict=True))
    return list(dict.fromkeys(found))


class CodeReply(StrEnum):
    """What one reply's candidates amount to, before any of them is tried."""

    NONE = "none"
    TRY = "try"
    TOO_MANY = "too_many"


def judge_candidates(candidates: list[str]) -> CodeReply:
    """R13: no candidate, a few to try, or more than allowed (then nothing is tried)."""
    if not candidates:
        return CodeReply.NONE
    if len(candidates) > MAX_CANDIDATES_PER_REPLY:
        return CodeReply.TOO_MANY
    return CodeReply.TRY


#: R13: wrong attempts per case (all its codes, all replies) before it goes to staff.
MAX_WRONG_PER_CASE = MAX_WRONG_ATTEMPTS
#: R13: wrong attempts per requester address, across its cases, in ATTEMPT_WINDOW.
MAX_WRONG_PER_ADDRESS = MAX_WRONG_ATTEMPTS
ATTEMPT_WINDOW = timedelta(hours=24)


def attempts_left(wrong_for_case: int, wrong_for_address_in_window: int) -> int:
    """R13: how many more candidates may be tried now (0: locked, staff must look).

    Both limits hold at once: guessing cannot be spread over several replies, nor
    over several cases opened for the same address.
    """
    return max(
        0,
        min(
            MAX_WRONG_PER_CASE - wrong_for_case,
            MAX_WRONG_PER_ADDRESS - wrong_for_address_in_window,
        ),
    )


class CodeOutcome(StrEnum):
    """What one reply with candidate codes did to a case awaiting verification (R13)."""

    NO_CODE = "no_code"
    NEW_CODE_ASKED = "new_code_asked"
    TOO_MANY = "too_many"
    LOCKED = "locked"  # no attempts left before this reply
    EXPIRED = "expired"  # no live code to try against: a fresh one goes out
    VERIFIED = "verified"
    WRONG = "wrong"


@dataclass(frozen=True)
class CodeJudgement:
    outcome: CodeOutcome
    #: One entry per candidate tried, True for the right one (each is an attempt).
    attempts: tuple[bool, ...] = ()
    #: The candidates tried used up the last attempts: staff must look now.
    locked_now: bool = False
    candidates: int = 0


def judge_code_reply(
    text: str,
    codes: list[OtpState],
    wrong_for_case: int,
    wrong_for_address: int,
    now: datetime,
    key: bytes,
) -> CodeJudgement:
    """R13 for one reply from the requester: which candidates to try, and what came of it.

    ``text`` is the unquoted text of the reply; ``codes`` the case's stored codes.
    At most two candidates are tried, each an attempt, and only while both the
    per-case and the per-address budgets last; a code that is right after the
    budget ran out is never tried, so it cannot be learnt by guessing.
    """
    candidates = find_codes(text)
    judged = judge_candidates(candidates)
    if judged == CodeReply.NONE:
        outcome = CodeOutcome.NEW_CODE_ASKED if asks_for_new_code(text) else CodeOutcome.NO_CODE
        return CodeJudgement(outcome)
    if judged == CodeReply.TOO_MANY:
        return CodeJudgement(CodeOutcome.TOO_MANY, candidates=len(candidates))
    budget = attempts_left(wrong_for_case, wrong_for_address)
    if budget == 0:
        return CodeJudgement(CodeOutcome.LOCKED, candidates=len(candidates))
    live = [c for c in codes if check_code(c, "", now, key) == OtpCheck.WRONG]
    if not live:
        return CodeJudgement(CodeOutcome.EXPIRED, candidates=len(candidates))
    tried: list[bool] = []
    for candidate in candidates[:budget]:
        ok = any(check_code(c, candidate, now, key) == OtpCheck.OK for c in live)
        tried.append(ok)
        if ok:
            return CodeJudgement(CodeOutcome.VERIFIED, tuple(tried), candidates=len(candidates))
    wrong = len(tried)
    locked = attempts_left(wrong_for_case + wrong, wrong_for_address + wrong) == 0
    return CodeJudgement(CodeOutcome.WRONG, tuple(tried), locked, len(candidates))


_NEW_CODE_RE = re.compile(
    r"\b(?:nieuwe|andere|new|another)\s+(?:verificatie|bevestigings)?\s*code\b", re.IGNORECASE
)


def asks_for_new_code(text: str) -> bool:
    """The reply asks for a fresh code ("nieuwe code", "new code")."""
    return _NEW_CODE_RE.search(text) is not None


# --- R15: Authentication-Results -----------------------------------------------


class Trust(StrEnum):
    TRUSTED = "trusted"
    UNTRUSTED = "untrusted"
    IGNORED = "ignored"


def _strip_comments(value: str) -> str:
    """Remove RFC 5322 comments (nested parentheses) outside quoted strings."""
    out: list[str] = []
    depth = 0
    quoted = False
    escaped = False
    for ch in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(ch)
            continue
        if ch == "\\":
            escaped = True
            if depth == 0:
                out.append(ch)
            continue
        if quoted:
            quoted = ch != '"'
            out.append(ch)
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            quoted = ch == '"'
            out.append(ch)
    return "".join(out)


def _split_semicolons(value: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


_RESULT_RE = re.compile(r"^([A-Za-z0-9_.-]+)(?:\s*/\s*\d+)?\s*=\s*([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class AuthResults:
    """One parsed Authentication-Results field: its authserv-id and (method, result) pairs."""

    authserv_id: str
    results: tuple[tuple[str, str], ...]

    def has(self, method: str, result: str) -> bool:
        return (method, result) in self.results


def parse_auth_results_field(value: str) -> AuthResults | None:
    """RFC 8601 §2.2, leniently: None when there is no authserv-id to match on."""
    parts = _split_semicolons(" ".join(_strip_comments(value).split()))
    head = parts[0].split()
    if not head:
        return None
    authserv_id = head[0].strip('"').lower()
    results: list[tuple[str, str]] = []
    for part in parts[1:]:
        match = _RESULT_RE.match(part)
        if match:
            results.append((match.group(1).lower(), match.group(2).lower()))
    return AuthResults(authserv_id, tuple(results))


def parse_authentication_results(
    header_values: list[str], trusted_authserv_id: str | None
) -> Trust:
    """R15: does our own MX vouch for the sender domain?

    ``header_values`` are the Authentication-Results fields top first. With no
    trusted authserv-id configured the headers are IGNORED (the code of R13
    alone proves control of the address). Otherwise only fields stamped with
    that id count, since anyone can write the header (RFC 8601 §5), and only
    the topmost of them (our MX prepends). Trusted: ``dmarc=pass``; or no
    dmarc pass/fail and ``spf=pass`` or ``dkim=pass``. A field saying both
    dmarc=pass and dmarc=fail is treated as fail.
    """
    if trusted_authserv_id is None or not trusted_authserv_id.strip():
        return Trust.IGNORED
    wanted = trusted_authserv_id.strip().lower()
    for value in header_values:
        field = parse_auth_results_field(value)
        if field is None or field.authserv_id != wanted:
            continue
        if field.has("dmarc", "fail"):
            return Trust.UNTRUSTED
        if field.has("dmarc", "pass"):
            return Trust.TRUSTED
        if field.has("spf", "pass") or field.has("dkim", "pass"):
            return Trust.TRUSTED
        return Trust.UNTRUSTED
    return Trust.UNTRUSTED


# --- R12: requests on behalf of someone else --------------------------------------

#: R12: phrases that say the writer acts for someone else (matched on whole words,
#: case- and accent-insensitively). Dutch first, then English.
REPRESENTATION_PHRASES: tuple[str, ...] = (
    "namens",
    "gemachtigde",
    "gevolmachtigde",
    "machtiging",
    "volmacht",
    "wettelijk vertegenwoordiger",
    "wettelijke vertegenwoordiger",
    "als advocaat",
    "als ouder",
    "als voogd",
    "curator",
    "bewindvoerder",
    "mijn cliënt",
    "mijn cliënte",
    "mijn cliënten",
    "onze cliënt",
    "onze cliënte",
    "onze cliënten",
    "on behalf of",
    "power of attorney",
    "legal guardian",
    "legal representative",
    "authorised representative",
    "authorized representative",
    "my client",
    "my clients",
    "our client",
    "our clients",
)

#: R12: uses of a phrase above that are about the writer themself.
SELF_PHRASES: tuple[str, ...] = (
    "namens mij",
    "namens mijzelf",
    "namens mezelf",
    "namens ons",
    "namens onszelf",
    "on behalf of me",
    "on behalf of myself",
    "on behalf of us",
    "on behalf of ourselves",
)

#: R12: possessives that, before a relative, mean someone else's data ("voor mijn zoon").
POSSESSIVES_NL: tuple[str, ...] = ("mijn", "m'n", "onze", "ons")
POSSESSIVES_EN: tuple[str, ...] = ("my", "our")

RELATIVES_NL: tuple[str, ...] = (
    "moeder",
    "vader",
    "ouders",
    "zoon",
    "dochter",
    "kind",
    "kinderen",
    "man",
    "vrouw",
    "echtgenoot",
    "echtgenote",
    "partner",
    "broer",
    "zus",
    "zuster",
    "opa",
    "oma",
    "grootvader",
    "grootmoeder",
    "schoonvader",
    "schoonmoeder",
    "oom",
    "tante",
)
RELATIVES_EN: tuple[str, ...] = (
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "parents",
    "son",
    "daughter",
    "child",
    "children",
    "kid",
    "kids",
    "husband",
    "wife",
    "partner",
    "brother",
    "sister",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
)


def _fold(text: str) -> str:
    """Lowercase, drop accents (cliënt = client), one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("\u2019", "'").split())


def _alternation(words: tuple[str, ...]) -> str:
    folded = sorted({_fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


_B = r"(?<!\w)"  # start of a word
_E = r"(?!\w)"  # end of a word; "father's" still ends at the apostrophe
_SELF_RE = re.compile(rf"{_B}(?:{_alternation(SELF_PHRASES)}){_E}")
_REPRESENTATION_RE = re.compile(
    rf"{_B}(?:{_alternation(REPRESENTATION_PHRASES)}){_E}"
    rf"|{_B}(?:{_alternation(POSSESSIVES_NL)})\s+(?:\w+\s+)?(?:{_alternation(RELATIVES_NL)}){_E}"
    rf"|{_B}(?:{_alternation(POSSESSIVES_EN)})\s+(?:\w+\s+)?(?:{_alternation(RELATIVES_EN)}){_E}"
)


def needs_staff_for_representation(text: str) -> bool:
    """R12: a request made for someone else (gemachtigde, ouder, advocaat) goes to staff.

    Deliberately broad: a false hit only costs a staff look and a neutral
    acknowledgment, a miss could disclose one person's data to another.
    """
    folded = _SELF_RE.sub(" ", _fold(text))
    return _REPRESENTATION_RE.search(folded) is not None
