"""Cheap header peeking for the intake edges: the Message-ID, without a MIME parse.

The edges only need the Message-ID (the second dedup key) before they hand raw bytes
to the store; real decoding is triage's job. This never raises, whatever the bytes.
"""

from __future__ import annotations

import re
from email.parser import BytesHeaderParser
from email.policy import compat32

# Headers end at the first empty line; a message without one is all headers.
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_ANGLE = re.compile(r"<[^<>\s]+>")
_MAX_HEADER_BYTES = 256 * 1024


def header_block(raw: bytes) -> bytes:
    """The header section of `raw` (bounded, so a headerless blob stays cheap)."""
    head = raw[:_MAX_HEADER_BYTES]
    match = _HEADER_END.search(head)
    return head[: match.start()] if match else head


def message_id_of(raw: bytes) -> str | None:
    """The Message-ID as ``<local@domain>`` with surrounding whitespace removed, or None.

    compat32 keeps undecodable bytes as surrogates instead of failing; a Message-ID
    that is not plain ASCII is not a usable key, so it counts as missing.
    """
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(header_block(raw))
        value = headers.get("Message-ID")
    except Exception:  # junk headers must never stop intake
        return None
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    match = _ANGLE.search(value)
    candidate = match.group(0) if match else value
    if not candidate or len(candidate) > 998 or not candidate.isascii():
        return None
    return candidate
