"""Read a delivery status notification (R17): which of our messages bounced, and how.

Why: the intake attaches a bounce to the case whose acknowledgment it reports
on and tells staff whether the failure is permanent; parsing stays here, apart
from the decision whether mail is automatic at all.
"""

from __future__ import annotations

import email
import email.message
import re
from dataclasses import dataclass

_MSGID = re.compile(r"<[^<>\s]+>")
_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")


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
    """For a DSN (RFC 3464), the original Message-ID and Status; else None.

    A DSN is a top-level multipart/report, or a message/delivery-status part inside
    another multipart (gateways re-wrap bounces as multipart/mixed).

    The Message-ID comes from the returned message or headers part
    (message/rfc822, text/rfc822-headers); the Status from the first
    per-recipient block of message/delivery-status.  Never raises.
    """
    try:
        msg = email.message_from_bytes(raw)
    except Exception:  # noqa: BLE001
        return None
    try:
        parts = list(msg.walk())
    except Exception:  # noqa: BLE001
        parts = []
    nested = any(
        p.get_content_type() in ("message/delivery-status", "message/global-delivery-status")
        for p in parts
    )
    if msg.get_content_type() != "multipart/report" and not nested:
        return None
    if not parts:
        return DsnInfo(None, None, None, None)
    status = action = recipient = original = None
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
