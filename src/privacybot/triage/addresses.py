"""Mailboxes from raw address headers, and whether we can write back to one; pure.

Why its own module: the requester of a case, and the only address that ever gets
an automatic reply, comes from here. An address must be read from the *undecoded*
header, so that an RFC 2047 encoded display name (``=?utf-8?b?…?=``) stays one
opaque word while the structure is parsed: decoding first let a display name
that decodes to ``victim@bank.example`` or to ``Kees\\r\\nBcc: leak@…`` become an
address. Only display names are decoded, after parsing, and folded to one line.

``reply_address_problem`` is stricter than RFC 5322 on purpose: a reply goes only
to a plain ``dot-atom@domain`` mailbox; a quoted local part, a trailing dot or a
domain without a dot is something a person should look at, not a retry loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import getaddresses

#: RFC 5321 §4.5.3.1: the longest path a relay must accept (254 characters of address).
MAX_ADDRESS_LENGTH = 254
MAX_LOCAL_LENGTH = 64

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LOCAL_RE = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]+")


@dataclass(frozen=True)
class Mailbox:
    """One mailbox of an address header: the addr-spec as written and a safe display name."""

    address: str
    name: str = ""


def unfold(value: str) -> str:
    """RFC 5322 §2.2.3: a folded header value is one line; CR/LF never survive."""
    return re.sub(r"\r?\n[ \t]*", " ", value).replace("\r", " ").replace("\n", " ")


def parse_mailboxes(
    raw_value: str, decode_name: Callable[[str], str] | None = None
) -> list[Mailbox]:
    """Every mailbox with a non-empty address in a raw (undecoded) address header.

    Group syntax and lists yield several mailboxes; a null path (``<>``) yields none.
    ``decode_name`` turns an RFC 2047 display name into text (the caller's decoder);
    whatever it returns is folded to one line without control characters.
    """
    out: list[Mailbox] = []
    for name, address in getaddresses([unfold(raw_value)]):
        address = address.strip()
        if not address:
            continue
        shown = decode_name(name) if (decode_name is not None and name) else name
        out.append(Mailbox(address=address, name=clean_display_name(shown)))
    return out


def clean_display_name(name: str) -> str:
    """A display name fit for a log line or a header of ours: one line, no controls."""
    return " ".join(_CONTROL.sub(" ", name).split())[:200]


def reply_address_problem(address: str) -> str | None:
    """Why we cannot send to ``address`` (None when it is a plain mailbox).

    The reason never repeats the address: it goes into logs and staff flags.
    """
    if not address:
        return "no address"
    if len(address) > MAX_ADDRESS_LENGTH:
        return "address is longer than 254 characters"
    if not address.isascii():
        return "address has non-ASCII characters"
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return "address is not local@domain"
    if local.startswith('"'):
        return "address has a quoted local part"
    if len(local) > MAX_LOCAL_LENGTH:
        return "local part is longer than 64 characters"
    if not _LOCAL_RE.fullmatch(local):
        return "local part is not a plain dot-atom (a leading, trailing or double dot?)"
    if domain.endswith("."):
        return "domain ends with a dot"
    if not _DOMAIN_RE.fullmatch(domain):
        return "domain is not a host name with a dot"
    return None
