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

# --- markers, shared by R13 and cleaning ----------------------------------------------------

#: Verbs of attribution lines ("X wrote:") in the languages our correspondents' clients use.
WROTE_VERBS: tuple[str, ...] = (
    "wrote",
    "writes",
    "schreef",
    "geschreven",
    "schrieb",
    "a écrit",
    "a ecrit",
    "skrev",
    "kirjoitti",
    "escribió",
    "escribio",
    "scrisse",
    "ha scritto",
    "napisał",
    "escreveu",
)
#: Words an attribution line starts with ("On …", "Op …", "Am …", "Le …", "Den …").
ATTRIBUTION_STARTS: tuple[str, ...] = (
    "On",
    "Op",
    "Am",
    "Le",
    "Den",
    "El",
    "Il",
    "Em",
    "W dniu",
    "Dne",
)
#: Separator lines ("-----Original Message-----", Android "---- X wrote ----").
SEPARATORS: tuple[str, ...] = (
    "original message",
    "oorspronkelijk bericht",
    "origineel bericht",
    "originele bericht",
    "oorspronkelijk e-?mailbericht",
    "ursprüngliche nachricht",
    "urspr[üu]ngliche nachricht",
    "message d'origine",
    "message original",
    "opprinnelig melding",
    "ursprungligt meddelande",
    "oprindelig meddelelse",
    "alkuperäinen viesti",
    "mensaje original",
    "messaggio originale",
    "forwarded message",
    "doorgestuurd bericht",
    "weitergeleitete nachricht",
    "message transféré",
    "videresendt melding",
    "vidarebefordrat meddelande",
    "välitetty viesti",
    # Latvian, Lithuanian, Estonian, Russian, Ukrainian, Polish and Czech clients' (set 536).
    "pārsūtīta ziņa",
    "persiųstas laiškas",
    "edastatud kiri",
    "пересланное сообщение",
    "исходное сообщение",
    "переслане повідомлення",
    "przekazana wiadomość",
    "přeposlaná zpráva",
    "původní zpráva",
    "reply message",
    "replied message",
)
#: Header names of a quoted or forwarded header block, per language.
FROM_NAMES = r"From|Van|Von|De|Från|Fra|Lähettäjä|Da|Od|Afzender|Absender|Expéditeur"
OTHER_NAMES = (
    r"Sent|Date|To|Subject|Cc|Bcc|Verzonden|Datum|Aan|Onderwerp|Gesendet|An|Betreff|Kopie"
    r"|Envoyé|Envoye|À|A|Objet|Skickat|Till|Ämne|Sendt|Til|Emne|Dato|Lähetetty|Vastaanottaja"
    r"|Aihe|Päivämäärä|Inviato|Oggetto|Enviado|Para|Asunto|Fecha|Reply-To|Antwoord aan"
)

_VERBS = "|".join(re.escape(v) for v in WROTE_VERBS)
_STARTS = "|".join(re.escape(s) for s in ATTRIBUTION_STARTS)
#: A whole attribution line: "On … wrote:", "Op … schreef …:", "X <x@y> schrieb am …:",
#: "ma 1.6.2026 klo 10.00 X kirjoitti:", "Den … skrev X <x@y>:".
_ATTRIBUTION = re.compile(
    rf"^\s*(?:(?:{_STARTS})\s.{{0,300}}?\b(?:{_VERBS})\b.{{0,200}}?"
    rf"|.{{0,200}}?(?:@|\b\d{{1,2}}[:.]\d{{2}}\b).{{0,200}}?\b(?:{_VERBS})\b.{{0,200}}?)\s*:\s*$",
    re.IGNORECASE,
)
#: Android / Samsung: "---- Jan Jansen wrote ----", "-------- Originele bericht --------".
_SEPARATOR = re.compile(
    r"^\s*[-=_*]{2,}\s*(?:"
    + "|".join(SEPARATORS)
    + rf"|.{{1,120}}?\b(?:{_VERBS})\b.{{0,80}}?)\s*:?\s*[-=_*]{{2,}}\s*$",
    re.IGNORECASE,
)
_SEPARATOR_BARE = re.compile(
    r"^\s*(?:begin (?:forwarded message|doorgestuurd bericht)|anfang der weitergeleiteten"
    r"|d[ée]but du message r[ée]exp[ée]di[ée])\s*:?\s*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
#: An attribution that starts halfway a line, after the writer's own words.
_ATTRIBUTION_INLINE = re.compile(
    rf"(?<=[.!?,)])\s*((?:{_STARTS})\s.{{0,300}}?\b(?:{_VERBS})\b.{{0,200}}?:\s*)$"
)
_ATTRIBUTION_START = re.compile(rf"^\s*(?:{_STARTS})\s", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(rf"\b(?:{_VERBS})\b[^:]{{0,200}}:\s*$", re.IGNORECASE)
_HEADER_FROM = re.compile(rf"^\s*\*{{0,2}}(?:{FROM_NAMES})\s?:\*{{0,2}}\s*\S", re.IGNORECASE)
_HEADER_OTHER = re.compile(rf"^\s*\*{{0,2}}(?:{OTHER_NAMES})\s?:\*{{0,2}}", re.IGNORECASE)


def _is_history_start(lines: list[str], i: int) -> int:
    """How many lines from ``i`` form an attribution or separator (0: none)."""
    line = lines[i]
    if _SEPARATOR.match(line) or _SEPARATOR_BARE.match(line) or _UNDERSCORES.match(line):
        return 1
    if len(line) <= 500 and _ATTRIBUTION.match(line):
        return 1
    if (
        i + 1 < len(lines)
        and _ATTRIBUTION_START.match(line)
        and not lines[i + 1].lstrip().startswith(">")
        and _ATTRIBUTION_END.search(lines[i + 1])
        and len(line) + len(lines[i + 1]) < 400
    ):
        return 2
    return 0


# --- R13 ---------------------------------------------------------------------------------

_R13_HEADER = re.compile(rf"^\s*\*{{0,2}}(?:{FROM_NAMES})\s?:", re.IGNORECASE)


def unquoted_text(body: str) -> str:
    """docs/rules.md R13: lines not starting ``>``, before the first attribution/header line.

    The first ``On … wrote:`` / ``Op … schreef:`` (and the German, French, Nordic,
    Finnish, Spanish and Italian forms) / ``-----Original Message-----`` (and its
    translations, Android's ``---- X wrote ----``) / ``Van:`` / ``From:`` / ``Von:`` /
    ``De :`` line ends the unquoted text, also when the attribution wraps over two
    lines or starts halfway a line (the words before it count).  Lines starting
    ``>`` (after optional spaces) are dropped.  Stricter is safe: a code cut away
    here only means the citizen is asked again.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        inline = _ATTRIBUTION_INLINE.search(line)
        if inline and not line.lstrip().startswith(">"):
            kept.append(line[: inline.start(1)])
            break
        if _R13_HEADER.match(line) or _is_history_start(lines, i):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


# --- cleaning ----------------------------------------------------------------------------

_QUOTE = re.compile(r"^\s*>")
_FORWARD = re.compile(
    r"forward|doorgestuurd|weitergeleitet|transf[ée]r|videresend|vidarebefordra|välitetty",
    re.IGNORECASE,
)
#: A line of dashes (or an em dash) that starts a signature when little follows it.
_SIG_DASH = re.compile(r"^\s*(?:-{2,}|—+|–+|_{2,9})\s*$")
CLOSING = re.compile(
    r"^\s*(?:"
    r"(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme|lieve|zonnige)\s+groet(?:en|jes)?"
    r"|groet(?:en|jes)?|mvg|m\.v\.g\.?|vr\.?\s*gr\.?|gr\.?|hoogachtend|met\s+dank"
    r"|alvast\s+(?:bedankt|dank)|bij\s+voorbaat\s+dank|dank\s+(?:je|u)\s+wel|bedankt"
    r"|(?:with\s+)?(?:kind|best|warm|warmest|kindest)\s+(?:regards|wishes)|regards"
    r"|many\s+thanks(?:\s+and\s+(?:kind\s+)?regards)?|thanks(?:\s+(?:again|so\s+much))?"
    r"|thank\s+you(?:\s+(?:in\s+advance|very\s+much))?|thanks\s+in\s+advance"
    r"|best(?:\s+wishes)?|all\s+the\s+best|yours\s+(?:sincerely|faithfully|truly)"
    r"|sincerely(?:\s+yours)?|cheers|respectfully"
    r"|mit\s+freundlichen\s+gr(?:ü|ue|u)(?:ß|ss)en|freundliche\s+gr(?:ü|ue|u)(?:ß|ss)e"
    r"|(?:viele|beste|liebe)\s+gr(?:ü|ue|u)(?:ß|ss)e|mfg|lg"
    r"|(?:bien\s+)?cordialement|salutations(?:\s+distingu[ée]es)?|bien\s+[àa]\s+vous"
    r"|(?:med\s+)?v[äa]nlig(?:a|en)?\s+h[äa]lsning(?:ar)?|(?:b[äa]sta\s+)?h[äa]lsningar"
    r"|(?:med\s+)?venn?lig(?:e|st)?\s+hilsen(?:er)?|hilsen|mvh|tack(?:\s+p[åa]\s+f[öo]rhand)?"
    r"|takk(?:\s+for\s+hjelpen)?|tak|kiitos|merci(?:\s+d'avance|\s+beaucoup)?"
    r"|bonne\s+journ[ée]e|danke(?:\s+sch[öo]n)?|vielen\s+dank"
    r"|(?:herzliche|mit\s+besten|beste)\s+gr(?:ü|ue|u)(?:ß|ss)(?:e|en)|gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)"
    r"|yst[äa]v[äa]llisin\s+terveisin|terveisin|saludos(?:\s+cordiales)?|un\s+saludo"
    r"|cordiali\s+saluti|distinti\s+saluti"
    r")\s*[,.!]?\s*(?-i:[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|van|de|der|den|ten|ter|el|von)){0,3})?"
    r"\s*$",
    re.IGNORECASE,
)
_MOBILE = re.compile(
    r"^\s*(?:"
    r"(?:verzonden|verstuurd|sent|gesendet|envoy[ée]|skickat|sendt|enviado|inviato|gestuurd)"
    r"\s+(?:vanaf|van|met|from|via|von|de|fr[åa]n|fra|desde|da|with|using|on)\s+"
    r"(?:mijn|my|mein(?:em)?|mon|min|mi|il\s+mio)?\b.{0,60}"
    r"|von\s+meinem\s+\S+(?:\s+\S+){0,3}\s+gesendet"
    r"|(?:get|download)\s+outlook\s+(?:for|voor)\s+\w+.{0,20}"
    r"|outlook\s+voor\s+\w+\s+downloaden.{0,20}"
    r"|download\s+outlook\s+voor\s+\w+.{0,20}"
    r"|l[äa]hetetty\s+.{0,40}"
    r"|sent\s+with\s+\w+(?:\s+\w+){0,3}"
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
    r"|diese\s+(?:e-?mail|nachricht)\s+(?:enth[äa]lt|ist)\s+vertraulich"
    r"|ce\s+(?:message|courriel|e-?mail)\s+(?:et\s+ses\s+pi[èe]ces\s+jointes\s+)?"
    r"(?:est|sont)\s+confidentiel"
    r")",
    re.IGNORECASE,
)
#: A closing greeting is taken as the start of a signature only this close to the end.
_MAX_SIGNATURE_LINES = 12


def _has_words(lines: list[str]) -> bool:
    return any(re.search(r"\w", line) for line in lines)


def _outlook_block(lines: list[str], i: int) -> bool:
    """``From:``/``Van:``/``Von:``/``De :`` followed within five lines by two more headers."""
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
        inline = _ATTRIBUTION_INLINE.search(line)
        if inline and line[: inline.start(1)].strip():
            following = next((x for x in lines[i + 1 :] if x.strip()), "")
            if not following or _QUOTE.match(following) or _HEADER_FROM.match(following):
                out.append(line[: inline.start(1)].rstrip())
                return out, [inline.group(1), *lines[i + 1 :]]
        span = _is_history_start(lines, i)
        if span and not _SEPARATOR.match(line) and not _UNDERSCORES.match(line):
            j = i + span
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _QUOTE.match(lines[j]):
                # Interleaved/bottom posting: drop the attribution, keep what follows the quote.
                i = j
                continue
        if span or _outlook_block(lines, i):
            return out, lines[i:]
        if _QUOTE.match(line):
            i += 1
            continue
        out.append(line)
        i += 1
    return out, []


def _signature_like(lines: list[str]) -> bool:
    """What follows a closing formula: a name, a title, an address; not more text.

    "Vielen Dank!" at the top of a short reply is followed by the request itself, so
    nothing is cut when a following line reads like a sentence of the message.
    """
    rest = [line.strip() for line in lines if line.strip()]
    return len(rest) <= 8 and not any(
        len(line) > 70 or line.endswith("?") or (len(line.split()) >= 6 and line.endswith("."))
        for line in rest
    )


def _cut_signature(lines: list[str]) -> list[str]:
    lines = [line for line in lines if not _MOBILE.match(line)]
    for i, line in enumerate(lines):
        if _DISCLAIMER.match(line) and _has_words(lines[:i]):
            lines = lines[:i]
            break
        if (
            _SIG_DASH.match(line)
            and _has_words(lines[:i])
            and len([x for x in lines[i + 1 :] if x.strip()]) <= _MAX_SIGNATURE_LINES
        ):
            lines = lines[:i]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    for i, line in enumerate(lines):
        if (
            CLOSING.match(line)
            and _has_words(lines[:i])
            and len(lines) - i <= _MAX_SIGNATURE_LINES
            and len(line.strip()) <= 60
            and _signature_like(lines[i + 1 :])
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
        first = history[0]
        is_separator = bool(_SEPARATOR.match(first) or _SEPARATOR_BARE.match(first))
        forwarded = _strip_header_block(history[1:] if is_separator else history)
        if _FORWARD.search(first) or _HEADER_FROM.match(first) or _UNDERSCORES.match(first):
            new, _ = _cut_history(forwarded)
    new = _cut_signature(new)
    text = "\n".join(line.rstrip() for line in new)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
