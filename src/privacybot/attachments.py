"""Which files staff may attach to a letter, under which name; pure.

Why these rules: an access or portability answer carries a copy of someone's data to
the one address that proved it is theirs (R12, R14). The file must be what its name
says (a PDF that starts like a PDF, JSON that parses), must be something a citizen
can open safely (no programs, scripts or web pages), and must fit through ordinary
mail relays, which refuse messages above 10–25 MB after base64 grows them by a third.
A name typed by staff or taken from a path never carries directories, control
characters or a leading dot into the mail or the database.

How an export reaches the requester: as an attachment to the e-mail that answers the
request, sent to the verified address only. We do not offer a download link: the desk
has no public web surface for citizens (the dashboard is for staff), and a link would
need a second factor the citizen does not have with us. An export larger than the
limit is split by staff into several letters or handed over another way they arrange
with the requester (docs/operators.md, "Attachments").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

#: Default total size of one letter's attachments; setting PRIVACYBOT_MAX_ATTACHMENT_MB.
DEFAULT_MAX_TOTAL_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 100

#: Extension -> content type; nothing outside this table is attached.
TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "json": "application/json",
    "xml": "application/xml",
    "txt": "text/plain",
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
#: Formats art. 20 accepts as "structured, commonly used and machine-readable" (R8).
MACHINE_READABLE: frozenset[str] = frozenset({"text/csv", "application/json", "application/xml"})

_MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "application/zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    "application/vnd.oasis.opendocument.spreadsheet": (b"PK\x03\x04",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}
_TEXT_TYPES = frozenset({"text/csv", "text/plain", "application/json", "application/xml"})
_UNSAFE = re.compile(r"[^\w.\- ()+,]")


class AttachmentRefused(ValueError):
    """The file may not be attached; the message says why, without echoing its bytes."""


@dataclass(frozen=True)
class Checked:
    filename: str
    content_type: str
    size: int


def safe_filename(name: str) -> str:
    """The last path component, one line, word characters only, no leading dot.

    ``../../etc/passwd`` becomes ``passwd`` (and is then refused for its
    extension); ``C:\\\\Users\\\\x\\\\export.csv`` becomes ``export.csv``.
    """
    base = re.split(r"[\\/]", name.strip())[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _UNSAFE.sub("_", base).strip(" .")
    if len(base) > MAX_NAME_LENGTH:
        stem, dot, ext = base.rpartition(".")
        base = stem[: MAX_NAME_LENGTH - len(ext) - 1] + dot + ext if dot else base[:MAX_NAME_LENGTH]
    return base


def _looks_like_text(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def check(name: str, data: bytes, *, room: int) -> Checked:
    """Accept one file for a letter, or say why not.

    ``room`` is what is left of the letter's size limit. The type comes from the
    extension and must agree with the content.
    """
    filename = safe_filename(name)
    stem, dot, extension = filename.rpartition(".")
    if not filename or not dot or not stem:
        raise AttachmentRefused(f"{filename or 'the file'} has no name and extension")
    content_type = TYPES.get(extension.lower())
    if content_type is None:
        allowed = ", ".join(sorted(TYPES))
        raise AttachmentRefused(f"{filename}: .{extension} files are not sent (allowed: {allowed})")
    if not data:
        raise AttachmentRefused(f"{filename} is empty")
    if len(data) > room:
        raise AttachmentRefused(
            f"{filename} is {len(data) / 1e6:.1f} MB; {room / 1e6:.1f} MB is left for this letter"
        )
    magic = _MAGIC.get(content_type)
    if magic is not None and not data.startswith(magic):
        raise AttachmentRefused(f"{filename} is not a {extension.upper()} file inside")
    if content_type in _TEXT_TYPES:
        text = _looks_like_text(data)
        if text is None:
            raise AttachmentRefused(f"{filename} is not UTF-8 text")
        if content_type == "application/json":
            try:
                json.loads(text)
            except ValueError:
                raise AttachmentRefused(f"{filename} is not valid JSON") from None
        if content_type == "application/xml" and not text.lstrip().startswith("<"):
            raise AttachmentRefused(f"{filename} is not XML")
        if re.search(r"<\s*(script|html)\b", text[:4096], re.IGNORECASE):
            raise AttachmentRefused(f"{filename} holds a web page or script")
    return Checked(filename, content_type, len(data))


def size_label(size: int, language: str) -> str:
    """``12 kB`` / ``1,2 MB`` in Dutch, ``1.2 MB`` in English."""
    if size < 1000:
        text = f"{size} bytes"
    elif size < 1_000_000:
        text = f"{size / 1000:.0f} kB"
    else:
        text = f"{size / 1e6:.1f} MB"
    return text.replace(".", ",") if language == "nl" else text


#: Where the list of attached files goes in a letter; filled in when the mail is built.
SLOT = "[[attachments]]"


def fill_slot(body: str, files: list[Checked], language: str) -> str:
    """The body with its attachment slot replaced by one ``- name (size)`` line per file."""
    lines = "\n".join(f"- {f.filename} ({size_label(f.size, language)})" for f in files)
    return body.replace(SLOT, lines)


def restore_slot(body: str, files: list[Checked], language: str) -> str:
    """An edited text that kept the list as ``drafts show`` printed it gets its slot back.

    Staff copy the letter from ``drafts show`` (where the slot is already filled in)
    into their editor; the list they kept is the one the slot would produce, so it
    becomes the slot again and stays true if files are added or removed later.
    """
    if not files or SLOT in body:
        return body
    listed = fill_slot(SLOT, files, language)
    return body.replace(listed, SLOT, 1) if listed in body else body


def letter_problem(body: str, files: list[Checked], kind: str) -> str | None:
    """Why a letter and its files disagree (blocks approval), or None.

    A letter says something is attached only when something is (issue: letters tell
    the truth), lists what is attached, and a portability answer carries at least one
    structured, machine-readable file (art. 20, R8).
    """
    says = SLOT in body
    if says and not files:
        return "the letter says files are attached, but none are: attach them first"
    if files and not says:
        return f"files are attached but the letter does not list them: keep the {SLOT} line"
    if kind == "answer_portability" and not any(f.content_type in MACHINE_READABLE for f in files):
        return "a portability answer needs a JSON, CSV or XML file (art. 20)"
    return None
