"""Signs of automatic mail in a message's make-up rather than in its wording.

Wording lists grow with every language and vendor a new corpus brings; these signs do
not depend on either.  A person's mail client always names a mailbox in From; only a
mail system returns a raw copy of the mail *we* sent, with our relay's Received line
and our DKIM signature; a notice that names a third person as ``Name <address>`` in its
sentences and offers a link or asks for a reply is a form, not a letter; and a text
that says of itself that it was generated automatically is one.  Each helper is pure:
text in, a short description (the rule's reason) or None out.  The guards against a
person's voice stay with the rules in `automatic.py`, which call these.
"""

from __future__ import annotations

import re
from email.utils import getaddresses

#: Header names a returned copy of our own mail carries, where our domain shows.
_COPY_FIELDS = frozenset(
    {
        "received",
        "dkim-signature",
        "message-id",
        "return-path",
        "from",
        "x-privacybot-loop",
        "arc-seal",
        "authentication-results",
        "sender",
    }
)
#: Of those, the ones a person's forward never shows (clients show From/To/Date/Subject).
_TRANSPORT_FIELDS = frozenset(
    {"received", "dkim-signature", "message-id", "return-path", "x-privacybot-loop", "arc-seal"}
)
_HEADER_LINE = re.compile(r"^\s{0,4}([A-Za-z][A-Za-z0-9-]{1,40})\s*:\s?(.*)$")
_COPY_CHARS = 64_000

#: ``Name <address>`` or ``(address)`` inside a sentence: how forms name the person whose
#: mailbox they guard ("Your message to Anna de Vries <anna@…> is waiting").
_MAILBOX_IN_PROSE = re.compile(
    r"[\w'’.-]{2,40}\s<[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+>"
    r"|\([\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\)"
)

#: The text says no one reads the answers to its address ("Dit bericht is verstuurd vanaf
#: een adres dat geen e-mail ontvangt", "Reacties op dit e-mailadres worden niet gelezen",
#: sets 528 and 535).  Not "Dit e-mailadres wordt niet gelezen" alone: a citizen writing
#: from a borrowed address says that too (a review's finding, stop 43).
_UNREAD_ADDRESS = (
    r"\b(?:verstuurd|verzonden) (?:vanaf|van|via) een (?:e-?mail)?adres (?:dat|waarop) (?:geen"
    r" (?:e-?mail|berichten|reacties|antwoorden) (?:ontvangt|worden gelezen)|niet wordt gelezen)\b"
    r"|\bsent from an (?:e-?mail )?address that (?:does not|doesn't|cannot|can't) (?:receive"
    r"|accept) (?:e-?mails?|replies|messages)\b"
    r"|\b(?:reacties|antwoorden) op dit (?:e-?mail)?adres worden niet gelezen\b"
    r"|\breplies to this (?:e-?mail )?address (?:are|will) not (?:be )?(?:read|monitored)\b"
    # ... or asks the reader not to answer it, in Croatian and Serbian ("Na ovu adresu
    # nemojte odgovarati", "Молимо не одговарајте на ову адресу", set 569).
    r"|\bna ovu adresu (?:nemojte|ne) odgovara(?:ti|jte)\b|не одговарајте на ову адресу"
)
_UNREAD = re.compile(_UNREAD_ADDRESS, re.IGNORECASE)


def unread_address(text: str) -> bool:
    """The text says no one reads the answers to its address: no person writes that of
    their own mailbox."""
    return bool(_UNREAD.search(text))


#: A report's title line naming its sender ("Automated report from the Reputation Network.").
REPORT_TITLE = r"automated (?:report|notification|notice|message|alert|digest)s? (?:from|by) "
#: A notice naming itself an automatic confirmation ("This is an automatic confirmation",
#: "Dit is een automatische ontvangstbevestiging", set 882).
AUTO_CONFIRMATION = (
    r"(?:this is an? |dit is een )(?:automatic|automated|automatische) (?:confirmation"
    r"|acknowledge?ment|receipt|bevestiging|ontvangstbevestiging)"
)
#: The text says of itself that a system made or sent it.
_SELF_DECLARED = re.compile(
    r"\b(?:auto(?:matically)?[- ]generated|automatically (?:sent|created|generated)"
    # ... or a label in brackets ("Forwarded delivery status notification (system
    # generated).", a journaling service, set 409).
    r"|(?<=\()(?:system|computer|machine)[- ]generated(?=\))"
    # ... and the participle first, as the Romance languages say it ("relatorio de abuso
    # gerado automaticamente", "messaggio generato automaticamente", "generated automatically").
    r"|otomatik olarak olusturul\w{0,8}|otomatik olarak gonderil\w{0,8}"
    r"|(?:gerad[ao]|generad[ao]|generat[ao]|genere|generated|enviad[ao]|inviat[ao]|envoye|sent)\s"
    r"(?:automaticamente|automatiquement|automatically)"
    # ... or says it was sent automatically ("Dit bericht is automatisch verzonden; u kunt
    # hier niet op antwoorden", set 883).
    r"|(?:dit|deze) (?:bericht|e-?mail|melding|mail) (?:is|wordt) automatisch (?:verzonden"
    r"|verstuurd|gegenereerd|aangemaakt)\b"
    # (... not "werd", a notice told of, nor one sent on to someone: "Deze mail wordt
    # automatisch verzonden naar iedereen in jullie bestand", the attacker's review s59b.)
    r"(?!\s(?:naar|aan)\s(?!aanleiding\b))"
    # ... or names itself an automatic confirmation ("This is an automatic confirmation that
    # we have received it", "Dit is een automatische ontvangstbevestiging", set 882).
    r"|" + AUTO_CONFIRMATION + r"\b"
    # (... as a notice goes on: its sentence ends there, or says what it confirms; not "This
    # is an automatic confirmation, not an answer", "Dit is een automatische bevestiging van
    # jullie, maar …", a person quoting it, the attacker's review s59b.)
    r"(?=\s?[.:;]|\s(?:that|of|to confirm|dat|van (?:de )?ontvangst|van (?:uw|je|your) |voor (?:uw"
    r"|je) ))"
    # A relay saying it passes mail on by itself ("wordt automatisch doorgestuurd").
    r"|(?:wordt|werd|is|was|wird|wurde|est|is being|has been) (?:automatisch|automatically"
    r"|automatiquement) (?:doorgestuurd|forwarded|weitergeleitet|transfere|redirected)"
    # ... or a mailbox rule that did ("Doorgestuurd door regel 'dpo-naar-privacy'",
    # "[Auto-forward] original recipient: …").
    r"|(?:doorgestuurd|forwarded|weitergeleitet|transfere|redirected) (?:door|by|durch|par)"
    r" (?:de |the |die |la )?(?:(?:inbox |mailbox |server )?rule|regel|r[e~]gle|serverregel)\b"
    r"|auto-?forward(?:ed)?\] original recipient"
    r"|(?:automatisch doorgestuurd|automatically forwarded|automatisch weitergeleitet"
    r"|transfere automatiquement) (?:door|by|von|durch|par) (?:de |het |the |den |die |le |la )?"
    r"(?:mail ?server|server|gateway|system|systeem|mailsysteem|mail ?relay|relay)"
    r"|(?:this )?(?:message|e-?mail|notification) (?:was|is|has been) (?:generated|sent|created)"
    r" by (?:our|an?|the) (?:[\w-]{1,20} ){0,3}(?:system|platform|software|service|robot)\b"
    # ... or a platform's relay naming its own automatic answer ("Automatische reactie via
    # SecondRound Market: de verkoper is tijdelijk niet beschikbaar", set 618).
    r"|(?:automatische (?:reactie|antwoord)|automatic (?:reply|response)) via [^:\n]{0,39}\w(?=:)"
    # ... and in Dutch ("Dit bericht is gegenereerd door ons geautomatiseerde
    # notificatiesysteem", set 623).
    r"|(?:dit )?(?:bericht|e-?mail|melding) (?:is|werd|wordt) (?:gegenereerd|verzonden|verstuurd"
    r"|aangemaakt) door (?:ons|onze|een|het) (?:[\w-]{1,20} ){0,3}[\w-]{0,20}(?:systeem|platform"
    r"|software)\b"
    r"|automatisch (?:gegenereerde?|verzonden|verstuurde?|aangemaakte?|erstellte?|generierte?"
    r"|versandte?|erzeugte?|opgestelde?|samengestelde?) (?:bericht|e-?mail|melding|nachricht"
    # ... or its answer ("Dit is een automatisch gegenereerd antwoord", set 539).
    r"|antwoord|antwort"
    # ... and a meeting bot's minutes or summary ("de automatisch opgestelde notulen").
    r"|benachrichtigung|notulen|samenvatting|verslag|zusammenfassung|protokoll)"
    # ... and in the Romance languages, the adjective after its noun ("Ceci est un message
    # automatique du service abuse", "Este es un mensaje automático", set 839).
    # (Spanish also "esta es una respuesta", "un correo automático", the attacker's review.)
    r"|(?:ceci est|c'est|este es|esto es|esta es|questo e|questa e|esta e|este e)\s(?:un|une|uno"
    r"|una|uma|um)\s(?:message|courriel|e-?mail|correo|mensaje|messaggio|mensagem|rapport|reponse"
    r"|respuesta"
    r"|risposta|resposta|avis|notifica\w{0,5})\s(?:automatique|automatic[oa]|automatizad[oa]"
    r"|automatizzat[oa])"
    # ... or a report's first line naming its sender ("Automated report from the Reputation
    # Network.", set 829): only as a sentence of its own at the start of a line.
    r"|(?:^|(?<=\n))" + REPORT_TITLE + r"(?:the )?[^.!?\n]{1,59}\w(?=\.(?:\s|$))"
    r"|(?:this|dit|deze|dies|diese|ce|cet|este|esta|questo|questa|denna|detta|dette|ten|tato)\s"
    r"(?:is an? |is een |ist eine? |est un |es un |e un )?(?:automated |automatische? |automatic "
    r"|geautomatiseerde? |automatisierte? )"
    r"(?:message|e-?mail|notification|notice|bericht|melding|nachricht|benachrichtigung"
    r"|mededeling|antwoord|reply|response|antwort|reponse|respuesta|risposta|svar|odpowiedz"
    # ... and the reports and reminders of abuse desks and scanners ("This is an automated
    # reminder", "Dit is een geautomatiseerde melding").
    r"|reminder|herinnering|erinnerung|report|rapport|bericht|alert|waarschuwing|warnung)"
    # ... or names itself an away notice ("Dit is een afwezigheidsbericht.", set 451).
    r"|(?:this|dit|dies) (?:is|ist) (?:een |an? |eine )?(?:afwezigheidsbericht|afwezigheidsmelding"
    r"|abwesenheitsnotiz|abwesenheitsmeldung|out[- ]of[- ]office (?:message|reply|notice)"
    r"|vacation (?:message|reply|notice))\b"
    r"|(?:message|e-?mail|bericht|nachricht|mail|courriel|mensaje|messaggio|meddelande|melding"
    r"|wiadomosc|zprava|report|rapport|reminder|herinnering|notification|notice)"
    r"\s(?:is|was|wurde|a ete|est|ha sido|e stato|è stato|ar|er|zostala|byla)"
    r"\s(?:automatisch|automatically|automatiquement|automaticamente|automatiskt|automatisk"
    r"|automatycznie|automaticky)\s(?:gegenereerd|verstuurd|verzonden|aangemaakt|opgesteld"
    r"|generated|sent"
    r"|created|erstellt|generiert|versendet|verschickt|erzeugt|genere|envoye|generado|enviado"
    r"|generato|inviato|genererat|skickat|generert|sendt|wygenerowana|wyslana|vygenerovana"
    r"|odeslana)"
    r"|(?:dit is een|this is an?|dies ist eine|ceci est un) (?:systeem|system"
    r"|automated system)[- ]?"
    r"(?:bericht|melding|message|notification|nachricht|benachrichtigung)"
    # ... or a German notice's "Diese Mitteilung erfolgt automatisch": this one, not "Die
    # Meldung an das Finanzamt erfolgt automatisiert", how an official's process runs (the
    # attacker's review of set 625's fixes).
    r"|diese (?:meldung|nachricht|benachrichtigung|mitteilung) erfolgt (?:automatisiert"
    r"|automatisch)"
    r"|(?:ce message|questo messaggio|este mensaje|diese nachricht|dit bericht)\s(?:est|e|es|wird"
    r"|wordt)\s(?:envoye|inviato|enviado|gesendet|verstuurd|verzonden)\s(?:automatiquement"
    r"|automaticamente|automatisch))\b"
    # ... but not a mail client's "automated message footer" under a person's letter.
    r"(?!\s(?:footer|disclaimer|voettekst|fusszeile))"
    # A no-reply notice speaks of itself so: "Do not reply to this notification".
    r"|\b(?:do not|please do not|don't|please don't) reply to this (?:notification|message|e-?mail"
    r"|notice|automated)|\bgelieve (?:dit bericht |deze e-?mail )?niet te beantwoorden"
    r"|\b(?:dit|deze) (?:bericht|e-?mail|melding) (?:kunt u )?niet beantwoorden"
    r"|\bbitte antworten sie nicht auf diese|\bmerci de ne pas repondre|\bne pas repondre a ce"
    r"|\bno responda a este|\bnon rispondere a questa|\bsvara inte pa detta"
    # A portal telling the reader a secure message waits there.
    r"|\b(?:you have|u heeft|je hebt|sie haben|vous avez|usted ha|hai)\s(?:received\s|ontvangen\s"
    r"|erhalten\s|recu\s|recibido\s|ricevuto\s)?(?:a|een|eine|un|uno)\s(?:new\s|nieuw\s|neue\s)?"
    r"(?:secure|encrypted|beveiligd|versleuteld|verschlusselte|sichere|securise|chiffre|seguro"
    r"|cifrado|sicuro|crittografato)\w{0,2}\s(?:message|bericht|nachricht|e-?mail|mensaje"
    r"|messaggio|courriel)"
    # ... or that no one reads answers to its address (``_UNREAD_ADDRESS``).
    r"|" + _UNREAD_ADDRESS +
    # ... or in Indonesian ("Ini adalah balasan otomatis", "Pemberitahuan ini dikirim secara
    # otomatis", set 545).
    r"|\bini adalah (?:balasan|pesan|pemberitahuan) otomatis\b"
    r"|\b(?:dikirim|dibuat) secara otomatis\b"
    # ... or sent automatically in Russian, Ukrainian and the Baltic languages ("оно
    # отправлено автоматически", "jis išsiųstas automatiškai", set 536).
    r"|(?:отправлено|сгенерировано|создано|отправлен[оа]?|надіслано|згенеровано|створено)"
    r" автоматич(?:ески|но)"
    r"|(?:issiust\w{1,3}|sugeneruot\w{1,3}|nosutit\w{0,2}|generet\w{0,2}|saadetud"
    r"|genereeritud|loodud) automa(?:tiskai|tiski|atselt)"
    # ... or a notice sent once ("Deze melding wordt eenmalig verstuurd", set 526).
    r"|\b(?:deze|dit) (?:melding|bericht) wordt (?:eenmalig|maar een keer) verstuurd\b"
    r"|\bthis (?:notice|message|notification) is (?:only )?sent (?:only )?once\b"
    # ... and in Japanese and Chinese ("本メールは…自動送信されています", "此邮件由加密网关
    # 自动生成", set 508).
    r"|(?:本|この)メールは[^。\n]{0,40}自動(?:送信|配信)されて|(?:此|本)(?:邮件|郵件)(?:由|系)"
    r"[^。\n]{0,40}自(?:动|動)(?:生成|发送|發送)",
    re.IGNORECASE,
)


#: How servers write a delivery diagnostic: ``smtp;550 5.1.1``, ``#5.1.1 smtp;…``, ``said: 550``.
_SMTP_DIAGNOSTIC = re.compile(
    r"\bsmtp\s?;\s?[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|#[45]\.\d{1,3}\.\d{1,3}\s+smtp\s?;"
    r"|\b(?:said|antwortete|a repondu|antwoordde)\s?:\s?[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b",
    re.IGNORECASE,
)


def _domain(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].strip().lower() or None


def has_no_mailbox(from_values: list[str]) -> bool:
    """From is present but names no mailbox at all ("Mailbox", "undisclosed-sender:;").

    No mail client sends that for a person: it always fills in the account's address.
    A missing From is a different fault (the parser records it) and is not judged here.
    """
    if not from_values:
        return False
    return not any("@" in address for _, address in getaddresses(from_values))


def returned_copy(body: str, our_address: str | None) -> str | None:
    """The body holds the header block of a message from our own domain, as bounces,
    abuse reports and delivery notices return it: at least two of its fields name our
    domain, one of them a transport field (Received, DKIM-Signature, Message-ID …) that
    a person's forward never shows.  Our loop header alone is enough."""
    domain = _domain(our_address)
    if not domain:
        return None
    mention = re.compile(rf"(?:[@.=]|\b){re.escape(domain)}\b", re.IGNORECASE)
    found: set[str] = set()
    name: str | None = None
    value = ""
    for line in body[:_COPY_CHARS].replace("\r", "").split("\n"):
        # Quoted with "> " (abuse desks quote the reported mail whole, headers included),
        # or "| " (some servers return it so, set 794).
        if line.startswith(("> ", "| ")):
            line = line[2:]
        elif line.startswith((">", "|")):
            line = line[1:]
        if name and line[:1] in (" ", "\t") and line.strip():
            value += " " + line.strip()
            continue
        if name and name in _COPY_FIELDS and mention.search(value):
            found.add(name)
        match = _HEADER_LINE.match(line)
        name, value = (match.group(1).lower(), match.group(2)) if match else (None, "")
    if name and name in _COPY_FIELDS and mention.search(value):
        found.add(name)
    if "x-privacybot-loop" in found or (len(found) >= 2 and found & _TRANSPORT_FIELDS):
        return f"a returned copy of our mail ({', '.join(sorted(found)[:3])})"
    return None


def mailbox_in_prose(text: str, our_address: str | None) -> str | None:
    """A ``Name <address>`` (or ``(address)``) inside the sentences, not our own."""
    ours = (our_address or "").lower()
    for match in _MAILBOX_IN_PROSE.finditer(text):
        if not ours or ours not in match.group(0).lower():
            return match.group(0)
    return None


def self_declared(text: str) -> str | None:
    """The text says it was generated or sent automatically."""
    match = _SELF_DECLARED.search(text)
    return match.group(0) if match else None


#: A passage in quotation marks: what the writer quotes, not what they say.
_QUOTED = re.compile(r'"[^"]{0,600}"|“[^”]{0,600}”|„[^“”]{0,600}[“”]|«[^»]{0,600}»')


def smtp_diagnostic(text: str) -> str | None:
    """A delivery diagnostic in a mail server's notation, outside quotation marks (a
    person pasting a bounce's message between quotes writes about it)."""
    match = _SMTP_DIAGNOSTIC.search(_QUOTED.sub(" ", text))
    return match.group(0) if match else None
