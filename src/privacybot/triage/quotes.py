"""Strip quoted history, signatures and footers from a plain-text body; pure.

Why our own and not talon/quotequail: we need Dutch markers ("Op … schreef",
"Van:/Verzonden:", "Oorspronkelijk bericht", "Verzonden vanaf mijn iPhone"),
we need to be *conservative* (a citizen's request must never be cut away, see
Zulip's ``filter_footer``), and the rules fit in a page of regular
expressions that staff can read.  The original body is never changed: callers
keep ``ParsedMessage.body`` for staff and classify only the cleaned text.

``unquoted_text`` is a separate, stricter function: docs/rules.md R13's exact
definition of where a one-time code may appear.
"""

from __future__ import annotations

import re

# --- R13 ---------------------------------------------------------------------------------

_R13_STOP = re.compile(
    r"^\s*(?:"
    r"On\s.*\bwrote:"
    r"|Op\s.*\bschreef\b.*:"
    r"|-{2,}\s*Original Message\s*-{2,}"
    r"|-{2,}\s*Oorspronkelijk bericht\s*-{2,}"
    r"|Van:"
    r"|From:"
    r")",
    re.IGNORECASE,
)
_R13_ON = re.compile(r"^\s*(?:On|Op)\s", re.IGNORECASE)
_R13_WROTE_END = re.compile(r"\b(?:wrote|schreef\b.*):\s*$", re.IGNORECASE)


def unquoted_text(body: str) -> str:
    """docs/rules.md R13: lines not starting ``>``, before the first attribution/header line.

    The first ``On … wrote:`` / ``Op … schreef:`` / ``-----Original Message-----`` /
    ``Van:`` / ``From:`` line ends the unquoted text (also a Gmail attribution wrapped
    over two lines, and the Dutch "-----Oorspronkelijk bericht-----"; stricter is safe).
    Lines starting ``>`` (after optional spaces) are dropped.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _R13_STOP.match(line):
            break
        if (
            _R13_ON.match(line)
            and i + 1 < len(lines)
            and _R13_WROTE_END.search(lines[i + 1])
            and not lines[i + 1].lstrip().startswith(">")
        ):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


# --- cleaning ----------------------------------------------------------------------------

_QUOTE = re.compile(r"^\s*>")
#: An attribution line that introduces quoted text ("On … wrote:", "Op … schreef …:").
_ATTRIBUTION = re.compile(
    r"^\s*(?:"
    r"On\s.{0,300}\bwrote:"
    r"|Op\s.{0,300}\b(?:schreef|geschreven)\b.{0,200}:"
    r"|Am\s.{0,300}\bschrieb\b.{0,200}:"
    r")\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^\s*(?:On|Op|Am)\s", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(?:\bwrote|\bschreef\b.*|\bgeschreven\b.*|\bschrieb\b.*):\s*$", re.IGNORECASE
)
#: Lines after which everything is earlier history.
_HISTORY = re.compile(
    r"^\s*(?:"
    r"-{2,}\s*(?:Original Message|Oorspronkelijk bericht|Origineel bericht"
    r"|Forwarded message|Doorgestuurd bericht|Oorspronkelijk e-?mailbericht)\s*-{2,}"
    r"|Begin (?:forwarded message|doorgestuurd bericht):"
    r"|_{10,}"
    r")\s*$",
    re.IGNORECASE,
)
_FORWARD = re.compile(r"forward|doorgestuurd", re.IGNORECASE)
_HEADER_FROM = re.compile(r"^\s*\*?(?:From|Van)\s*:\*?\s*\S", re.IGNORECASE)
_HEADER_OTHER = re.compile(
    r"^\s*\*?(?:Sent|Date|To|Subject|Cc|Verzonden|Datum|Aan|Onderwerp)\s*:\*?", re.IGNORECASE
)
_SIG_DASH = re.compile(r"^-- ?$")
_CLOSING = re.compile(
    r"^\s*(?:"
    r"(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme)\s+groet(?:en)?"
    r"|groet(?:en|jes)?|mvg|m\.v\.g\.?|vr\.?\s*gr\.?|gr\.?"
    r"|(?:kind|best|warm|many\s+thanks\s+and)?\s*regards|best\s+wishes|yours\s+(?:sincerely|faithfully)"
    r"|sincerely|cheers|thanks\s+in\s+advance"
    r")\s*[,.!]?\s*(?:[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,3})?\s*$",
    re.IGNORECASE,
)
_MOBILE = re.compile(
    r"^\s*(?:"
    r"(?:verzonden|verstuurd|sent|gesendet)\s+(?:vanaf|van|met|from|via|von)\s+(?:mijn|my|mein)\b.{0,40}"
    r"|get\s+outlook\s+for\s+\w+.{0,20}"
    r"|outlook\s+voor\s+\w+\s+downloaden.{0,20}"
    r"|download\s+outlook\s+voor\s+\w+.{0,20}"
    r")\s*$",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*(?:"
    r"disclaimer\b"
    r"|dit\s+(?:e-?mail)?(?:bericht)?\s*(?:en\s+eventuele\s+bijlagen\s+)?(?:is|zijn)\s+"
    r"(?:uitsluitend|alleen|vertrouwelijk)"
    r"|de\s+informatie\s+(?:verzonden\s+)?in\s+dit\s+(?:e-?mail)?bericht"
    r"|aan\s+dit\s+(?:e-?mail)?bericht\s+kunnen\s+geen\s+rechten"
    r"|this\s+(?:e-?mail|message)\b.{0,60}\b(?:confidential|intended\s+(?:solely|only))"
    r"|the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message|communication)"
    r"|confidentiality\s+notice"
    r"|(?:please\s+)?consider\s+the\s+environment"
    r"|denk\s+aan\s+het\s+milieu"
    r")",
    re.IGNORECASE,
)
#: A closing greeting is taken as the start of a signature only this close to the end.
_MAX_SIGNATURE_LINES = 12


def _has_words(lines: list[str]) -> bool:
    return any(re.search(r"\w", line) for line in lines)


def _outlook_block(lines: list[str], i: int) -> bool:
    """``From:``/``Van:`` followed within five lines by two more header-like lines."""
    if not _HEADER_FROM.match(lines[i]):
        return False
    others = sum(1 for line in lines[i + 1 : i + 6] if _HEADER_OTHER.match(line))
    return others >= 2


def _strip_header_block(lines: list[str]) -> list[str]:
    """Drop a leading forwarded-header block (From/Date/Subject/To lines)."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and (_HEADER_FROM.match(lines[i]) or _HEADER_OTHER.match(lines[i])):
        i += 1
    return lines[i:]


def _cut_history(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split into (new text, history); ``>`` blocks after an attribution are dropped."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        span = 0
        if _ATTRIBUTION.match(line):
            span = 1
        elif (
            _ATTRIBUTION_START.match(line)
            and i + 1 < len(lines)
            and not _QUOTE.match(lines[i + 1])
            and _ATTRIBUTION_END.search(lines[i + 1])
            and len(line) + len(lines[i + 1]) < 400
        ):
            span = 2
        if span:
            j = i + span
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _QUOTE.match(lines[j]):
                # Interleaved/bottom posting: drop the attribution, keep what follows the quote.
                i = j
                continue
            return out, lines[i:]
        if _HISTORY.match(line) or _outlook_block(lines, i):
            return out, lines[i:]
        if _QUOTE.match(line):
            i += 1
            continue
        out.append(line)
        i += 1
    return out, []


def _cut_signature(lines: list[str]) -> list[str]:
    lines = [line for line in lines if not _MOBILE.match(line)]
    for i, line in enumerate(lines):
        if _SIG_DASH.match(line) and _has_words(lines[:i]):
            return lines[:i]
        if _DISCLAIMER.match(line) and _has_words(lines[:i]):
            return lines[:i]
    for i, line in enumerate(lines):
        if (
            _CLOSING.match(line)
            and _has_words(lines[:i])
            and len(lines) - i <= _MAX_SIGNATURE_LINES
            and len(line.strip()) <= 60
        ):
            return lines[:i]
    return lines


def clean_body(body: str) -> str:
    """The new text of a message: no quoted history, signature, mobile footer or disclaimer.

    Conservative: when cutting would leave nothing (a bare forward), the forwarded
    text is used instead, without its header block.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    new, history = _cut_history(lines)
    if not _has_words(new) and history:
        forwarded = _strip_header_block(history[1:] if _HISTORY.match(history[0]) else history)
        if _FORWARD.search(history[0]) or _HEADER_FROM.match(history[0]):
            new, _ = _cut_history(forwarded)
    new = _cut_signature(new)
    text = "\n".join(line.rstrip() for line in new)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
