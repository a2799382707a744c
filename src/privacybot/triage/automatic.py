"""Recognise automatic mail (docs/rules.md R16) and read delivery status notifications (R17).

Why: answering an auto-reply, a bounce or a list is how mail loops start
(RFC 3834).  ``is_automatic`` is one pure predicate that returns the first
rule that fired as a human-readable reason, in R16's order (1)-(7);
``suppress_auto_answer`` is R16's separate X-Auto-Response-Suppress test; and
``dsn_info`` pulls the original Message-ID and Status out of a bounce so the
intake can attach it to the case whose acknowledgment bounced.
"""

from __future__ import annotations

import email
import email.message
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from email.utils import getaddresses

from privacybot.domain import ParsedMessage

#: R16 (2)
BULK_PRECEDENCE: frozenset[str] = frozenset({"bulk", "junk", "list", "auto_reply"})
#: R16 (3): RFC 2919 and RFC 2369 list headers.
LIST_HEADERS: tuple[str, ...] = (
    "List-Id",
    "List-Help",
    "List-Unsubscribe",
    "List-Subscribe",
    "List-Post",
    "List-Owner",
    "List-Archive",
)
#: R16 (4)
AUTOREPLY_HEADERS: tuple[str, ...] = ("X-Autoreply", "X-Autorespond")
#: R16 (6)
DAEMON_LOCAL_PARTS: dict[str, str] = {"mailer-daemon": "MAILER-DAEMON", "postmaster": "postmaster"}
#: R16 (7): stamped on everything we send.
LOOP_HEADER = "X-Privacybot-Loop"
#: MS-OXCMAIL 2.1.3.2.20 values that ask for no automatic answer.
SUPPRESS_VALUES: frozenset[str] = frozenset({"all", "autoreply", "oof"})

_COMMENT = re.compile(r"\([^()]*\)")
_MSGID = re.compile(r"<[^<>\s]+>")
_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")

OurMessageIds = Callable[[str], bool] | Collection[str] | None


def _first_token(value: str) -> str:
    return _COMMENT.sub(" ", value).split(";")[0].strip().lower()


def _local_part(address: str) -> str:
    return address.rsplit("@", 1)[0].strip().strip('"').lower() if "@" in address else ""


def _is_ours(message_id: str, ours: OurMessageIds) -> bool:
    if ours is None:
        return False
    if callable(ours):
        return bool(ours(message_id))
    return message_id in ours


def _content_type(msg: ParsedMessage) -> str:
    value = msg.header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def is_automatic(
    msg: ParsedMessage,
    *,
    our_address: str | None = None,
    our_message_ids: OurMessageIds = None,
) -> tuple[bool, str | None]:
    """R16: is this mail automatic?  Returns ``(True, reason)`` for the first rule that fires.

    ``our_message_ids`` (a set or a predicate) adds one loop guard to (7): a message
    carrying a Message-ID we generated is our own mail coming back.
    """
    # (1) RFC 3834 §5.1 Auto-Submitted
    auto_submitted = msg.header_all("Auto-Submitted")
    if len(auto_submitted) > 1:
        return True, f"Auto-Submitted present {len(auto_submitted)} times"
    if auto_submitted:
        token = _first_token(auto_submitted[0])
        if token != "no":
            return True, f"Auto-Submitted: {token or '(empty)'}"
    # (2) Precedence
    for value in msg.header_all("Precedence"):
        token = _first_token(value)
        if token in BULK_PRECEDENCE:
            return True, f"Precedence: {token}"
    # (3) mailing lists
    for name in LIST_HEADERS:
        if msg.header(name) is not None:
            return True, f"{name} present"
    # (4) vendor auto-reply markers
    for name in AUTOREPLY_HEADERS:
        if msg.header(name) is not None:
            return True, f"{name} present"
    # (5) DSN / MDN: top-level multipart/report
    if _content_type(msg) == "multipart/report":
        return True, "multipart/report"
    # (6) null reverse path, daemon senders; an absent Return-Path is no sign.
    for value in msg.header_all("Return-Path"):
        if re.fullmatch(r"<\s*>", value.strip()):
            return True, "Return-Path: <>"
    senders = [msg.sender or ""]
    for name in ("From", "Sender"):
        senders.extend(addr for _, addr in getaddresses(msg.header_all(name)))
    for address in senders:
        local = _local_part(address)
        if local in DAEMON_LOCAL_PARTS:
            return True, f"sender {DAEMON_LOCAL_PARTS[local]}"
    # (7) loops
    if our_address and msg.sender and msg.sender.strip().lower() == our_address.strip().lower():
        return True, "From is our address"
    if msg.header(LOOP_HEADER) is not None:
        return True, f"{LOOP_HEADER} present"
    if msg.message_id and _is_ours(msg.message_id, our_message_ids):
        return True, "Message-ID is ours"
    return False, None


def suppress_auto_answer(msg: ParsedMessage) -> bool:
    """R16: ``X-Auto-Response-Suppress`` holding All, AutoReply or OOF (MS-OXCMAIL).

    Not automatic mail: it is triaged as usual, only our automatic replies are withheld.
    """
    for value in msg.header_all("X-Auto-Response-Suppress"):
        tokens = {t.strip().lower() for t in re.split(r"[,;\s]+", value) if t.strip()}
        if tokens & SUPPRESS_VALUES:
            return True
    return False


@dataclass(frozen=True)
class DsnInfo:
    """What a delivery status notification says about the message it reports on."""

    original_message_id: str | None
    status: str | None
    action: str | None
    final_recipient: str | None

    @property
    def permanent(self) -> bool:
        """5.x.x is a permanent failure; 4.x.x transient (RFC 3463)."""
        return bool(self.status and self.status.startswith("5"))


def _fields(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.replace("\r\n", "\n").split("\n"):
        if ":" in line and not line[:1].isspace():
            key, _, value = line.partition(":")
            out.setdefault(key.strip().lower(), value.strip())
    return out


def dsn_info(raw: bytes) -> DsnInfo | None:
    """For a multipart/report DSN (RFC 3464), the original Message-ID and Status; else None.

    The Message-ID comes from the returned message or headers part
    (message/rfc822, text/rfc822-headers); the Status from the first
    per-recipient block of message/delivery-status.  Never raises.
    """
    try:
        msg = email.message_from_bytes(raw)
    except Exception:  # noqa: BLE001
        return None
    if msg.get_content_type() != "multipart/report":
        return None
    status = action = recipient = original = None
    try:
        parts = list(msg.walk())
    except Exception:  # noqa: BLE001
        return DsnInfo(None, None, None, None)
    for part in parts:
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            blocks = part.get_payload()
            texts: list[str] = []
            if isinstance(blocks, list):
                texts = [
                    b.as_string() if isinstance(b, email.message.Message) else "" for b in blocks
                ]
            elif isinstance(blocks, str):
                texts = re.split(r"\n\s*\n", blocks)
            for text in texts:
                fields = _fields(text)
                if status is None and "status" in fields:
                    found = _STATUS.search(fields["status"])
                    status = found.group(1) if found else fields["status"] or None
                    action = fields.get("action") or action
                    recipient = fields.get("final-recipient") or fields.get("original-recipient")
                    if recipient and ";" in recipient:
                        recipient = recipient.split(";", 1)[1].strip()
        elif ctype in ("message/rfc822", "message/global") and original is None:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], email.message.Message):
                found_ids = _MSGID.findall(str(inner[0].get("Message-ID", "")))
                original = found_ids[0] if found_ids else None
        elif ctype in ("text/rfc822-headers", "message/rfc822-headers") and original is None:
            payload = part.get_payload(decode=True)
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            match = re.search(r"^Message-ID:\s*(<[^<>\s]+>)", text, re.IGNORECASE | re.MULTILINE)
            original = match.group(1) if match else None
    return DsnInfo(original, status, action, recipient)
