"""Headers of our outbound mail and whether we may send it (docs/rules.md R18-R20).

Pure: the caller passes the parent's headers, the send history and ``now``;
these functions only decide, with a reason for the log (``rate_limited``...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from email.utils import getaddresses
from enum import StrEnum
from typing import NamedTuple

from privacybot.cases.threading import TOKEN_RE, message_ids, normalize_reference


class Decision(NamedTuple):
    """Allowed or not, and why; unpacks as ``(allowed, reason)``."""

    allowed: bool
    reason: str


# --- R18 ----------------------------------------------------------------------

#: R18: local parts of robots and lists, which a Service Responder never answers.
BLOCKED_LOCAL_PART_RE = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|listserv|majordomo"
    r"|bounces?)([+-].*)?$"
)
BLOCKED_PREFIXES: tuple[str, ...] = ("owner-",)
BLOCKED_SUFFIXES: tuple[str, ...] = ("-request", "-bounces")


def may_auto_reply_to(address: str) -> Decision:
    """R18: may an automatic reply go to this (single ``From``) mailbox?

    RFC 3834 §4 lets a Service Responder answer ``From`` only when the
    recipient is precisely defined: one mailbox, not a list, daemon or
    no-reply address. ``Reply-To`` and ``Cc`` are never used by the caller.
    """
    mailboxes = [addr for _, addr in getaddresses([address]) if addr]
    if not mailboxes:
        return Decision(False, "no mailbox in From")
    if len(mailboxes) > 1:
        return Decision(False, "From holds more than one mailbox")
    local, at, domain = mailboxes[0].rpartition("@")
    if not at or not local or not domain:
        return Decision(False, "From is not a plain address")
    # The reason never repeats the address: logs carry case refs, not addresses.
    local = local.strip('"').lower()
    if BLOCKED_LOCAL_PART_RE.match(local):
        return Decision(False, "a robot, no-reply or list address")
    if local.startswith(BLOCKED_PREFIXES):
        return Decision(False, "a mailing-list owner address")
    if local.endswith(BLOCKED_SUFFIXES):
        return Decision(False, "a list request or bounce address")
    return Decision(True, "a single ordinary mailbox")


# --- R19 ----------------------------------------------------------------------

_DOT_ATOM_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*")


def make_message_id(domain: str, token: str) -> str:
    """``<token@domain>`` (RFC 5322 msg-id), fixed when a draft is created so retries reuse it."""
    if not _DOT_ATOM_RE.fullmatch(token):
        raise ValueError(f"Message-ID token is not a dot-atom: {token!r}")
    if not _DOMAIN_RE.fullmatch(domain):
        raise ValueError(f"Message-ID domain is not a domain name: {domain!r}")
    return f"<{token}@{domain}>"


def reply_headers(
    parent_message_id: str | None,
    parent_references: str | Sequence[str] | None,
    parent_in_reply_to: str | None,
) -> dict[str, str]:
    """R19: In-Reply-To and References of a reply, per RFC 5322 §3.6.4.

    In-Reply-To is the parent's Message-ID. References is the parent's
    References, or else its In-Reply-To if that holds a single id, followed by
    the parent's Message-ID. A field with nothing to say is left out.
    """
    headers: dict[str, str] = {}
    parent_id = message_ids([parent_message_id]) if parent_message_id else []
    if parent_id:
        headers["In-Reply-To"] = parent_id[0]
    if isinstance(parent_references, str):
        parent_references = [parent_references]
    chain = message_ids(parent_references or [])
    if not chain and parent_in_reply_to:
        single = message_ids([parent_in_reply_to])
        chain = single if len(single) == 1 else []
    if parent_id and (not chain or chain[-1] != parent_id[0]):
        chain.append(parent_id[0])
    if chain:
        headers["References"] = " ".join(chain)
    return headers


_PREFIX_RE = re.compile(r"^\s*(?:re|antw|aw|fwd?|doorst|auto)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*", re.I)


def strip_subject(original_subject: str) -> str:
    """R19: the original subject without reply/forward prefixes and PRV tokens."""
    subject = " ".join(TOKEN_RE.sub(" ", original_subject).split())
    while True:
        stripped = _PREFIX_RE.sub("", subject, count=1)
        if stripped == subject:
            return subject
        subject = " ".join(TOKEN_RE.sub(" ", stripped).split())


def reply_subject(reference: str, original_subject: str, automatic: bool) -> str:
    """R19: ``Auto: [PRV-...] <orig>`` for bot mail, ``Re: [PRV-...] <orig>`` for staff mail."""
    canonical = normalize_reference(reference)
    if canonical is None:
        raise ValueError(f"not a case reference: {reference!r}")
    prefix = "Auto" if automatic else "Re"
    rest = strip_subject(original_subject)
    return f"{prefix}: [{canonical}] {rest}" if rest else f"{prefix}: [{canonical}]"


class OutboundKind(StrEnum):
    """Who is behind an outbound message, which decides its Auto-Submitted (R19)."""

    BOT_RESPONSE = "bot_response"  # answers an inbound message: acknowledgment, code
    TIMER = "timer"  # sent because time passed: reminder, unverified closure
    STAFF = "staff"  # approved by a staff member


def auto_submitted_value(kind: OutboundKind) -> str | None:
    """R19 (RFC 3834 §5): ``auto-replied`` / ``auto-generated`` / no header for staff mail."""
    return {
        OutboundKind.BOT_RESPONSE: "auto-replied",
        OutboundKind.TIMER: "auto-generated",
        OutboundKind.STAFF: None,
    }[kind]


# --- R20 ----------------------------------------------------------------------

DAY = timedelta(hours=24)
WEEK = timedelta(days=7)


def rate_limit_decision(
    previous_auto_sends_to_address: list[datetime],
    now: datetime,
    acks_already_for_case: int,
    is_ack: bool,
    *,
    max_per_day: int = 3,
    max_per_week: int = 10,
    max_acks_per_case: int = 1,
) -> Decision:
    """R20 [CX]: may one more automatic message go to this address now?

    RFC 3834 §2/§6 ask responders to limit responses per recipient; the caps
    are <= 3 per rolling 24 h, <= 10 per rolling 7 days, 1 acknowledgment per
    case. A refused message is logged ``rate_limited`` and queued for staff.
    Sends stamped after ``now`` (clock skew) count as recent.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {now!r}")
    if is_ack and acks_already_for_case >= max_acks_per_case:
        return Decision(False, "rate_limited: this case already had its acknowledgment")
    in_day = sum(1 for t in previous_auto_sends_to_address if t > now - DAY)
    if in_day >= max_per_day:
        return Decision(False, f"rate_limited: {in_day} automatic messages to address in 24 h")
    in_week = sum(1 for t in previous_auto_sends_to_address if t > now - WEEK)
    if in_week >= max_per_week:
        return Decision(False, f"rate_limited: {in_week} automatic messages to address in 7 days")
    return Decision(True, "within the limits for automatic mail")
