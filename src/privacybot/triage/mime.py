"""Turn raw RFC 822 bytes into a ``ParsedMessage``; never raises.

Why its own module: every later step (cleaning, loop detection, threading,
classification) needs the same decoded view of a message, and mail from the
wild is full of wrong charsets, broken MIME and injected headers.  This is the
only place that touches ``email``; it decodes what it can and lists the rest as
``problems`` so a human can look at the raw message instead.
"""

from __future__ import annotations

import email
import email.message
import re
from collections.abc import Iterator
from datetime import datetime
from email.header import decode_header, make_header
from email.utils import parsedate_to_datetime

import html2text

from privacybot.domain import Attachment, ParsedMessage
from privacybot.triage.addresses import Mailbox, parse_mailboxes

#: Largest body text kept in ``ParsedMessage.body``; staff still see the raw message.
MAX_BODY_CHARS = 1_000_000
#: HTML beyond this is not converted (html2text is slow on megabytes).
MAX_HTML_CHARS = 300_000
#: MIME parts nested deeper than this are listed, not opened (a bomb of nested
#: message/rfc822 parts must not exhaust the stack or the time of one worker).
MAX_DEPTH = 20

_CRLF = re.compile(r"[\r\n\t\x00\x0b\x0c\u2028\u2029\x85]+")
_SPACES = re.compile(r"[ ]{2,}")
_MSGID = re.compile(r"<[^<>\s]+>")
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_ALIASES = {
    # WHATWG: labels for Latin-1 mean windows-1252 in practice (smart quotes in 0x80-0x9F).
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso_8859-1": "cp1252",
    "windows-1252": "cp1252",
    "x-unknown": "utf-8",
    "unknown-8bit": "utf-8",
    "utf8": "utf-8",
}
_SINGLE_BYTE = {"cp1252", "iso-8859-15", "iso8859-15", "latin-9", "iso-8859-2", "cp1250"}


def _one_line(value: str) -> str:
    """Remove CR/LF and other line breaks so a decoded header can never inject lines."""
    return _SPACES.sub(" ", _CRLF.sub(" ", value)).strip()


def decode_header_value(raw: object, problems: list[str] | None = None) -> str:
    """Decode RFC 2047 encoded words and fold to one line; bad encodings are replaced.

    Raw 8-bit bytes (surrogate escapes) are read as UTF-8 first: a client that writes
    "Resposta automática" half as raw UTF-8 and half as an encoded word must not come out
    with escape sequences or replacement characters where the letters were.
    """
    text = str(raw) if raw is not None else ""
    # Headers with raw 8-bit bytes come through as surrogate escapes: read them as UTF-8.
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        raw_bytes = text.encode("utf-8", "surrogateescape")
        text = decode_bytes(raw_bytes, "utf-8", problems)
    if "=?" in text and _ENCODED_WORD.search(text):
        if not text.isascii():
            # make_header would read plain non-ASCII text as ASCII escapes.
            text = _decode_words_apart(text, problems)
        else:
            try:
                text = str(make_header(decode_header(text)))
            except Exception:  # noqa: BLE001 - HeaderParseError, LookupError, ...
                text = _decode_words_apart(text, problems)
    return _one_line(text)


def _decode_words_apart(text: str, problems: list[str] | None) -> str:
    """Decode each encoded word on its own where ``make_header`` gives up (plain non-ASCII
    text beside encoded words, an unknown charset); what cannot be read is replaced and
    noted."""
    try:
        parts = decode_header(text)
    except Exception:  # noqa: BLE001 - last resort keeps the raw text
        if problems is not None:
            problems.append("undecodable encoded header")
        return text
    out: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:
            # decode_header hands back plain text as raw-unicode-escape bytes.
            out.append(chunk.decode("raw-unicode-escape", "replace"))
        else:
            out.append(decode_bytes(chunk, charset, problems))
    return "".join(out)


def decode_bytes(data: bytes, declared: str | None, problems: list[str] | None = None) -> str:
    """Decode text bytes with the declared charset, falling back sensibly when it lies.

    UTF-8 that decodes strictly wins over a declared single-byte charset (a common
    lie); an unknown or failing charset falls back to UTF-8, then Windows-1252.
    """
    charset = (declared or "").strip().strip('"').lower() or "utf-8"
    charset = _ALIASES.get(charset, charset)
    if charset in _SINGLE_BYTE and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if problems is not None and declared:
                problems.append(f"declared charset {declared} but text is UTF-8")
            return text
    try:
        return data.decode(charset)
    except LookupError:
        if problems is not None:
            problems.append(f"unknown charset {declared}")
    except UnicodeDecodeError:
        if problems is not None:
            problems.append(f"text does not match declared charset {declared or 'utf-8'}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


#: The end of a table cell: html2text, told to ignore tables, runs a form's label and value
#: together ("NaamKoen", "BerichtMijn moeder …"); a space before it keeps them apart.
_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Readable text from HTML: links kept inline, no images, no line wrapping; a table's
    cells apart, its rows on lines of their own."""
    html = _CELL_END.sub(lambda end: " " + end.group(0), html)
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = True
    converter.unicode_snob = True
    return converter.handle(html).strip()


#: A text part shorter than this may be a stub beside the HTML that carries the message.
_STUB_PLAIN_CHARS = 200
_STUB_PROBLEM = "text part is a stub; body converted from HTML"


def _html_text(source: str, problems: list[str]) -> str:
    """HTML as text, bounded, never raising (html2text on junk)."""
    if len(source) > MAX_HTML_CHARS:
        problems.append("HTML body truncated before conversion")
        source = source[:MAX_HTML_CHARS]
    try:
        return html_to_text(source)
    except Exception:  # noqa: BLE001 - html2text on junk
        problems.append("HTML could not be converted")
        return re.sub(r"<[^>]*>", " ", source)


def _payload_bytes(part: email.message.Message, problems: list[str]) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken base64/QP: keep going
        problems.append("undecodable part payload")
        return b""
    if isinstance(payload, bytes):
        return payload
    return b""


def _filename(part: email.message.Message, problems: list[str]) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        problems.append("unreadable attachment name")
        return None
    return decode_header_value(name, problems) if name else None


def _leaves(
    root: email.message.Message, problems: list[str]
) -> Iterator[tuple[email.message.Message, int]]:
    """Leaf parts in document order, iteratively, to MAX_DEPTH; attached messages stay shut.

    An explicit stack instead of recursion: a message with hundreds of nested
    parts must yield its readable text, not a RecursionError.
    """
    stack: list[tuple[email.message.Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        if part.is_multipart() and not part.get_content_type().startswith("message/"):
            payload = part.get_payload()
            subs = [m for m in payload if isinstance(m, email.message.Message)]
            if depth >= MAX_DEPTH:
                problems.append(f"MIME parts nested deeper than {MAX_DEPTH} levels were not read")
                continue
            stack.extend((sub, depth + 1) for sub in reversed(subs))
            continue
        yield part, depth


def _part_size(part: email.message.Message, problems: list[str]) -> int:
    """Approximate decoded size of a part, attached messages included, without recursion."""
    total = 0
    stack: list[tuple[email.message.Message, int]] = [(part, 0)]
    while stack:
        current, depth = stack.pop()
        payload = current.get_payload()
        if isinstance(payload, list):  # multipart, message/rfc822, or a broken multipart
            if depth >= MAX_DEPTH:
                problems.append(f"MIME parts nested deeper than {MAX_DEPTH} levels were not read")
                continue
            stack.extend((m, depth + 1) for m in payload if isinstance(m, email.message.Message))
            continue
        cte = str(current.get("Content-Transfer-Encoding", "")).strip().lower()
        if cte == "base64" and isinstance(payload, str):
            # Estimate instead of decoding megabytes just to measure them.
            stripped = len(payload) - payload.count("\n") - payload.count("\r")
            total += max(0, stripped * 3 // 4 - payload.rstrip().count("="))
        elif isinstance(payload, str):
            total += len(payload)
        else:
            total += len(_payload_bytes(current, problems))
    return total


#: How many content types of an attached message's parts are kept.
MAX_INNER_TYPES = 32


def _inner_types(part: email.message.Message) -> tuple[str, ...]:
    """Content types inside an attached message, breadth first, bounded in count and depth."""
    found: list[str] = []
    queue: list[tuple[email.message.Message, int]] = [(part, 0)]
    while queue and len(found) < MAX_INNER_TYPES:
        current, depth = queue.pop(0)
        payload = current.get_payload()
        if not isinstance(payload, list) or depth >= MAX_DEPTH:
            continue
        for sub in payload:
            if isinstance(sub, email.message.Message) and len(found) < MAX_INNER_TYPES:
                try:
                    found.append(sub.get_content_type())
                except Exception:  # noqa: BLE001
                    continue
                queue.append((sub, depth + 1))
    return tuple(found)


_MESSAGE_TYPE = re.compile(rb"^(Content-Type:[ \t]*)message/", re.IGNORECASE | re.MULTILINE)


def _parse_bytes(raw: bytes, problems: list[str]) -> email.message.Message:
    """The stdlib parse; when nesting exhausts its recursion, parse again with the
    attached messages beyond MAX_DEPTH turned into opaque parts.
    """
    try:
        return email.message_from_bytes(raw)
    except RecursionError:
        problems.append(f"MIME parts nested deeper than {MAX_DEPTH} levels were not read")
    count = 0

    def shut(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        if count <= MAX_DEPTH:
            return match.group(0)
        return match.group(1) + b"application/x-privacybot-nested-"

    return email.message_from_bytes(_MESSAGE_TYPE.sub(shut, raw))


def _raw_headers(msg: email.message.Message) -> list[tuple[str, str]]:
    """Header fields as they arrived (encoded words still encoded, 8-bit as surrogates).

    ``Message.items()`` under compat32 turns raw 8-bit bytes into U+FFFD; the raw
    items keep them, so a UTF-8 ``Subject: … Jürgen`` decodes as written.
    """
    out: list[tuple[str, str]] = []
    for key, value in msg.raw_items():
        out.append((str(key), value if isinstance(value, str) else str(value)))
    return out


def _has_8bit(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _mailboxes(raw_value: str, problems: list[str]) -> list[Mailbox]:
    """Mailboxes from the raw header, display names decoded only after parsing."""
    if _has_8bit(raw_value):
        # RFC 6532: raw UTF-8 in an address header; the structure is ASCII anyway.
        raw_value = decode_bytes(raw_value.encode("utf-8", "surrogateescape"), "utf-8", problems)
    return parse_mailboxes(raw_value, lambda name: decode_header_value(name, problems))


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse raw RFC 822 bytes; malformed input yields what could be read plus problems."""
    problems: list[str] = []
    if not raw or not raw.strip():
        return ParsedMessage(
            sender=None,
            reply_to=None,
            subject="",
            message_id=None,
            in_reply_to=None,
            references=(),
            date=None,
            body="",
            problems=("empty message",),
        )
    try:
        msg = _parse_bytes(raw, problems)
    except Exception as exc:  # noqa: BLE001 - the stdlib parser is lenient, but be sure
        problems.append(f"unparseable message: {type(exc).__name__}")
        text = decode_bytes(raw[:MAX_BODY_CHARS], "utf-8", problems)
        return ParsedMessage(None, None, "", None, None, (), None, text, problems=tuple(problems))

    for defect in msg.defects:
        problems.append(f"MIME defect: {type(defect).__name__}")

    raw_headers = _raw_headers(msg)
    headers: list[tuple[str, str]] = []
    for key, value in raw_headers:
        headers.append((_one_line(key), decode_header_value(value, problems)))
    if not headers:
        problems.append("no headers")
    if any(_has_8bit(value) for _, value in raw_headers):
        problems.append("raw 8-bit bytes in a header, read as UTF-8")

    def first(name: str) -> str | None:
        lname = name.lower()
        for key, value in headers:
            if key.lower() == lname:
                return value
        return None

    def raw_all(name: str) -> list[str]:
        lname = name.lower()
        return [value for key, value in raw_headers if key.strip().lower() == lname]

    from_values = raw_all("From")
    from_boxes = [box for value in from_values for box in _mailboxes(value, problems)]
    sender: str | None = None
    sender_name = ""
    if not from_values:
        problems.append("no From header")
    elif not from_boxes:
        problems.append("no mailbox in From")
    elif len(from_values) > 1 or len(from_boxes) > 1:
        problems.append("more than one From mailbox")
    else:
        sender, sender_name = from_boxes[0].address, from_boxes[0].name
    reply_boxes = [box for value in raw_all("Reply-To") for box in _mailboxes(value, problems)]
    reply_to = reply_boxes[0].address if len(reply_boxes) == 1 else None

    subject = first("Subject") or ""
    message_id_value = first("Message-ID")
    message_id = None
    if message_id_value:
        found = _MSGID.findall(message_id_value)
        message_id = found[0] if found else message_id_value.strip() or None
    in_reply_value = first("In-Reply-To")
    in_reply_ids = _MSGID.findall(in_reply_value or "")
    in_reply_to = in_reply_ids[0] if in_reply_ids else None
    references = tuple(_MSGID.findall(" ".join(v for k, v in headers if k.lower() == "references")))

    date: datetime | None = None
    date_value = first("Date")
    if date_value:
        try:
            date = parsedate_to_datetime(date_value)
        except (TypeError, ValueError, IndexError, OverflowError):
            problems.append("unreadable Date header")

    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part, _depth in _leaves(msg, problems):
        try:
            ctype = part.get_content_type()
        except Exception:  # noqa: BLE001
            ctype = "application/octet-stream"
        disposition = str(part.get("Content-Disposition", "")).split(";")[0].strip().lower()
        name = _filename(part, problems)
        if ctype.startswith("multipart/"):
            problems.append(f"empty or broken {ctype}")
            continue
        is_body = ctype in ("text/plain", "text/html") and disposition != "attachment" and not name
        if not is_body:
            inside = _inner_types(part) if ctype.startswith("message/") else ()
            attachments.append(Attachment(name, ctype, _part_size(part, problems), inside))
            continue
        data = _payload_bytes(part, problems)
        try:
            charset = part.get_content_charset()
        except Exception:  # noqa: BLE001
            charset = None
        text = decode_bytes(data, charset, problems)
        (plain if ctype == "text/plain" else html).append(text)

    body = "\n\n".join(t.strip("\n") for t in plain if t.strip())
    if html and len(body.strip()) < _STUB_PLAIN_CHARS:
        # No text part, or one that is only a stub ("##- Typ uw antwoord boven deze regel
        # -##", or empty) beside an HTML part that carries the message: read the HTML.
        converted = _html_text("\n".join(html), problems)
        if not plain or len(converted) >= 2 * len(body.strip()) + 60:
            body = converted
            if body:
                problems.append("body converted from HTML" if not plain else _STUB_PROBLEM)
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(body) > MAX_BODY_CHARS:
        problems.append("body truncated")
        body = body[:MAX_BODY_CHARS]
    if not body.strip():
        problems.append("no text body" if attachments else "empty body")

    return ParsedMessage(
        sender=sender,
        sender_name=sender_name,
        from_mailboxes=tuple(box.address for box in from_boxes),
        reply_to=reply_to,
        subject=subject,
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        date=date,
        body=body,
        attachments=tuple(attachments),
        headers=tuple(headers),
        problems=tuple(dict.fromkeys(problems)),
    )
