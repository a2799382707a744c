"""Verification codes at rest: sealed in the database, opened only in memory; pure.

Only the HMAC of a code is kept to check it (R13), and the code itself never lies
in the database in clear: a draft's body holds a *slot* (``[[code-1a2b3c4d]]``)
and the draft carries the code sealed under the server key (an HMAC-SHA256 pad,
one per slot). The sender opens the seal in memory and puts the code into the
bytes it hands to the relay; staff see the slot masked. A database copy therefore
never reveals a working code (issue: no code at rest in clear), and a code is kept
no longer than it can be used (R26).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from privacybot.cases.identity import CODE_DIGITS

#: What staff see where a code goes: the letter is otherwise exactly as sent.
MASK = "\u2022" * CODE_DIGITS
_SLOT_RE = re.compile(r"\[\[code-([0-9a-f]{8})\]\]")
_SEAL_RE = re.compile(r"([0-9a-f]{8}):([0-9a-f]{12})")


@dataclass(frozen=True)
class IssuedCode:
    """A fresh code: its slot for the template, and its seal for the draft row.

    ``code`` lives only in memory (the caller may hand it to a test or nowhere).
    """

    code: str
    slot: str
    sealed: str


def _pad(key: bytes, nonce: str) -> bytes:
    return hmac.new(key, b"privacybot-code-seal:" + nonce.encode(), hashlib.sha256).digest()


def seal(code: str, key: bytes, nonce: str | None = None) -> IssuedCode:
    """Seal ``code`` under ``key`` with a fresh nonce; XOR with a per-nonce HMAC pad."""
    if not key:
        raise ValueError("a key is required to seal a code")
    nonce = nonce or secrets.token_hex(4)
    cipher = bytes(a ^ b for a, b in zip(code.encode("ascii"), _pad(key, nonce), strict=False))
    return IssuedCode(code=code, slot=f"[[code-{nonce}]]", sealed=f"{nonce}:{cipher.hex()}")


def unseal(sealed: str, key: bytes) -> tuple[str, str]:
    """The (slot, code) of a seal; ValueError when it is not one of ours."""
    match = _SEAL_RE.fullmatch(sealed)
    if match is None:
        raise ValueError("not a sealed code")
    nonce, cipher = match.group(1), bytes.fromhex(match.group(2))
    code = bytes(a ^ b for a, b in zip(cipher, _pad(key, nonce), strict=False)).decode("ascii")
    if not code.isdigit() or len(code) != CODE_DIGITS:
        raise ValueError("the seal does not open with this key")
    return f"[[code-{nonce}]]", code


def reveal(raw: bytes, sealed: str | None, key: bytes) -> bytes:
    """The bytes to send: the slot replaced by the code, in memory only.

    The slot sits on a short line of its own, so quoted-printable never breaks it;
    a message whose slot is missing is refused rather than sent without its code.
    """
    if not sealed:
        return raw
    slot, code = unseal(sealed, key)
    token = slot.encode("ascii")
    if raw.count(token) < 1:
        raise ValueError("the message has no slot for its sealed code")
    return raw.replace(token, code.encode("ascii"))


def mask(text: str) -> str:
    """The text as staff may see it: every code slot shown as dots."""
    return _SLOT_RE.sub(MASK, text)
