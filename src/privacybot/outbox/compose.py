"""Build the bytes of one outbound email, once, so that every retry sends the same message.

Pure: no clock, no network; the caller passes the fixed Message-ID and Date. The
result is 7-bit clean (RFC 2047 subject, quoted-printable body, CRLF line ends), so
any relay takes it without 8BITMIME and a resend is byte-for-byte identical.

Header decisions (docs/rules.md R16(7), R18, R19):

- ``To`` holds exactly one mailbox (R18); anything else is refused here.
- ``In-Reply-To``/``References`` only when given (R19: omitted if the parent had none).
- ``Auto-Submitted`` only when given (``auto-replied`` for bot responses,
  ``auto-generated`` for timer mail); staff-approved mail carries none (R19).
- ``X-Auto-Response-Suppress: All`` on automatic mail, so Exchange/Outlook out-of-office
  replies do not answer our robots (MS-OXCMAIL 2.1.3.2.20).
- ``X-Privacybot-Loop: <from domain>`` on every message: if our own mail comes back to
  the privacy mailbox (a forward, a misrouted bounce) triage sees it as automatic (R16(7)).
- No ``Precedence``: RFC 3834 §5 makes ``Auto-Submitted`` the standard marker, and
  ``Precedence`` is non-standard (RFC 2076 "controversial, discouraged"); ``bulk`` or
  ``junk`` would also make spam filters demote replies that carry a legal answer.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses

from privacybot.replies.headers import make_message_id

AUTO_SUBMITTED_VALUES = frozenset({"auto-replied", "auto-generated"})
LOOP_HEADER = "X-Privacybot-Loop"

_DOMAIN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+")
_MSGID_RE = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")
_TOKEN_RE = re.compile(r"[A-Za-z0-9]{8,64}")


#: Every Message-ID we create starts with this, so our own mail is known when it returns.
OUR_ID_PREFIX = "prv."


def new_message_id(domain: str) -> str:
    """A fresh ``<prv.hex@domain>`` from a CSPRNG; fixed on the draft so retries reuse it."""
    return make_message_id(domain, f"{OUR_ID_PREFIX}{secrets.token_hex(16)}")


def is_our_message_id(message_id: str, domain: str) -> bool:
    """Whether `message_id` has the shape of one `new_message_id(domain)` made (R16(7))."""
    value = message_id.strip().lower()
    return value.startswith("<" + OUR_ID_PREFIX) and value.endswith("@" + domain.lower() + ">")


def bounce_address(message_id: str, envelope_domain: str) -> str:
    """The envelope sender (MAIL FROM) of one message: ``bounces+<token>@<domain>``.

    RFC 3834 §3.3 wants bounces and auto-responses to go to an address that never
    auto-responds; our own R18 list blocks ``bounces+…`` local parts, so privacybot
    never answers what arrives there. The token is the Message-ID's local part (our
    hex ids) or a hash of it, so a DSN that does not quote the Message-ID can still
    be tied to the outbox item (VERP, like healthchecks' signed bounce ids).
    """
    if not _DOMAIN_RE.fullmatch(envelope_domain):
        raise ValueError(f"envelope domain is not a domain name: {envelope_domain!r}")
    local = message_id.strip().strip("<>").rsplit("@", 1)[0]
    if not _TOKEN_RE.fullmatch(local):
        local = hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:32]
    return f"bounces+{local}@{envelope_domain}"


def _one_mailbox(field: str, value: str) -> str:
    mailboxes = [addr for _, addr in getaddresses([value]) if addr]
    if len(mailboxes) != 1 or mailboxes[0].count("@") != 1:
        raise ValueError(f"{field} must hold exactly one mailbox (R18)")
    try:
        return Address(addr_spec=mailboxes[0]).addr_spec
    except (MessageError, IndexError, ValueError) as exc:
        raise ValueError(f"{field} is not a valid mailbox: {exc}") from None


def compose_email(
    *,
    from_address: str,
    to_address: str,
    subject: str,
    body: str,
    message_id: str,
    date: datetime,
    in_reply_to: str | None,
    references: str | None,
    auto_submitted: str | None,
    envelope_domain: str,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    from_name: str = "",
    to_name: str = "",
    html_body: str | None = None,
) -> bytes:
    """The wire bytes (CRLF, 7-bit) of a text/plain UTF-8 message.

    With ``html_body`` (staff mail: the digest and alerts) it is multipart/alternative,
    the plain text first, so every client shows one of the two and text-only readers
    and filters still get all of it.

    ``envelope_domain`` is the domain of the bounce address the sender will use as
    MAIL FROM (see :func:`bounce_address`); no header carries it (Return-Path is the
    final MTA's to add), it is checked here so a bad setting fails before queueing.
    Raises ValueError on anything that would make a malformed or multi-recipient
    message, or a header injection (CR/LF in a value). Display names are folded to
    one printable line and quoted or encoded by the header class, so a name can never
    add a recipient or a header. ``attachments`` are (filename, content type, bytes),
    already checked (privacybot.attachments).
    """
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError("date must be timezone-aware")
    if not _MSGID_RE.fullmatch(message_id):
        raise ValueError(f"not a msg-id: {message_id!r}")
    if auto_submitted is not None and auto_submitted not in AUTO_SUBMITTED_VALUES:
        raise ValueError(f"Auto-Submitted must be one of {sorted(AUTO_SUBMITTED_VALUES)}")
    if not _DOMAIN_RE.fullmatch(envelope_domain):
        raise ValueError(f"envelope domain is not a domain name: {envelope_domain!r}")
    sender = _one_mailbox("From", from_address)
    recipient = _one_mailbox("To", to_address)
    for name, value in (("Subject", subject), ("In-Reply-To", in_reply_to or "")):
        if "\r" in value or "\n" in value:
            raise ValueError(f"{name} must not contain line breaks")

    # SMTPUTF8 only when an address needs it; otherwise plain SMTP policy (RFC 2047 etc.).
    utf8 = not (sender.isascii() and recipient.isascii())
    msg = EmailMessage(policy=policy.SMTPUTF8 if utf8 else policy.SMTP)
    msg["From"] = Address(display_name=_display(from_name), addr_spec=sender)
    msg["To"] = Address(display_name=_display(to_name), addr_spec=recipient)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references.split())
    if auto_submitted is not None:
        msg["Auto-Submitted"] = auto_submitted
        msg["X-Auto-Response-Suppress"] = "All"
    msg[LOOP_HEADER] = sender.rsplit("@", 1)[1].lower()
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    if html_body is not None:
        msg.add_alternative(html_body, subtype="html", charset="utf-8", cte="quoted-printable")
    for filename, content_type, data in attachments:
        maintype, _, subtype = content_type.partition("/")
        if not maintype or not subtype or "\r" in filename or "\n" in filename:
            raise ValueError(f"bad attachment {filename!r} ({content_type!r})")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def _display(name: str) -> str:
    """A display name for our headers: one line, no controls (the header class quotes it).

    A name that holds an address-like ``@`` or angle brackets is dropped: shown in a
    mail client it reads as an address, which is how a spoofed sender impersonates one.
    """
    shown = " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())[:100]
    return "" if any(ch in shown for ch in "@<>") else shown
