"""Bounces and delivery reports known by their wording and shape, not their headers.

Why: relays re-wrap, strip or forward bounces until only the text is left: a
bounce subject, a mail system's opening line, delivery-status fields in the
body, an SMTP status with the returned message, our own header block coming
back.  Each rule reads the writer's own top lines only and gives way to a
person's voice, because citizens paste bounces into their complaints.
"""

from __future__ import annotations

import re

from privacybot.triage import automatic_structure as structure
from privacybot.triage.automatic_subjects import (
    fold,
)
from privacybot.triage.automatic_view import (
    CLIENT_REPLY,
    FIRST_PERSON_ANY,
    FORWARD_PREFIX,
    FYI_LEAD,
    HEAD_CHARS,
    MEMBERS_MISS_OURS,
    MOBILE_FOOTER,
    PERSON_REQUEST,
    TYPED_CODE,
    URL,
    MessageView,
    a_person,
    alternation,
    asks_or_owns,
    closes_with_a_name,
    first_person_in,
    has_question,
    opens_with_a_note,
    passes_on_or_acts,
    without_echoed_subjects,
    without_our_subject,
)
from privacybot.triage.quotes import CLOSING

#: Delivery-status (RFC 3464) and feedback-report (RFC 5965) fields seen as headers: a
#: report part saved or relayed without the message around it.
REPORT_FIELDS: tuple[str, ...] = (
    "Reporting-MTA",
    "Final-Recipient",
    "Original-Recipient",
    "Diagnostic-Code",
    "Remote-MTA",
    "Feedback-Type",
    "Arrival-Date",
    "Original-Mail-From",
)
#: Bounce subjects that only mail systems write, at the very start.
BOUNCE_SUBJECTS: tuple[str, ...] = (
    r"undeliver(?:able|ed)(?: mail| message)?\s*:",
    r"undelivered mail returned to sender|undeliverable mail|undeliverable message",
    r"mail delivery failed|mail delivery failure|mail delivery system",
    r"delivery status notification|delivery (?:failure|has failed|notification)\s*:?",
    r"returned mail\s*:|return(?:ed)? to sender|failure notice",
    r"non[- ]?delivery (?:report|notification)",
    r"message (?:not delivered|could not be delivered|delivery failure|undeliverable)\s*:?",
    r"could not send message|mail system error|warning: could not send|delayed mail",
    r"nondeliverable mail|(?:not delivered|niet bezorgd|niet afgeleverd)\s*:",
    r"onbestelbaar|onbezorgbaar|bezorging mislukt|afleveringsstatus|kan niet worden bezorgd"
    r"|fout bij (?:de )?aflevering",
    r"unzustellbar|nicht zustellbar|zustellung fehlgeschlagen|unzustellbare nachricht"
    r"|zustellungsfehler",
    # Croatian, Polish and Italian (set 328).
    r"neisporu[c~]ivo|neisporu[c~]ena poruka|nie mo[z~]na dostarczy[c~]"
    r"|(?:notifica|avviso) di mancata consegna",
    r"non remis|non distribuable|non distribu[e~]|[e~]chec de (?:la )?(?:remise|distribution)",
    r"non recapitabile|mancato recapito|mancata consegna|no se puede entregar|imposible entregar"
    r"|n[a~]o (?:[e~] poss[i~]vel|foi poss[i~]vel) entregar|kan ikke leveres|olevererbart"
    r"|kunne ikke leveres|ei voitu toimittaa|toimitus ep[a~]onnistui",
    r"n[a~]o entregue|no entregado|non consegnato|kan inte levereras|niedostarczaln\w{0,3}"
    # ... also after the word for "message" ("Mensaje no entregado", "Messaggio non
    # recapitato", set 302), and "unable to deliver your message".  (Not the Polish
    # "Wiadomość niedostarczona": a citizen's subject over a bounce they quote, set 9.)
    r"|(?:mensaje|messaggio|mensagem) (?:no entregado|non recapitato|nao entregue)"
    # ... returned or refused, or the mailbox full ("Mensagem devolvida", "Mensaje rechazado
    # por el servidor remoto", "Caixa postal lotada - mensagem não entregue", set 345).
    r"|(?:mensaje|mensagem) (?:devuelt[oa]|devolvid[oa]|rechazado|rejeitad[oa]|recusad[oa])"
    r"|caixa (?:postal )?(?:lotada|cheia)|buzon (?:lleno|completo)"
    # ... Arabic and Hebrew ("رسالة غير مسلمة", "לא נמסר:"), mail-to-SMS (sets 356, 357).
    r"|رسالة غير مسلمة|לא נמסר\s?:|bericht niet (?:verzonden|verstuurd) als sms"
    r"|unable to deliver (?:your |the )?(?:message|mail|e-?mail)"
    r"|nie dostarczono|nedorucitel\w{0,3}|kezbesithetetlen|nelivrat|(?:ileti )?teslim edilemedi"
    # ... Romanian, Czech, Ukrainian, Turkish, Dutch webmail's and Notes' report (sets 388-390).
    r"|mesaj nelivrat|nedoru[c~]en[a~] zpr[a~]va|zpr[a~]va nedoru[c~]ena|лист не доставлено"
    r"|(?:mesaj|ileti) iletilemedi|onbestelbare (?:e-?mail|mail|bericht)|foutrapport\s?:"
    r"|fehlerbericht\s?:|r[u~]ckl[a~]ufer\s?:|zwrot poczty\s?:|g[a~]r inte att leverera\s?:"
    r"|pesan tidak dapat dikirim",
    r"message status\s?[:-]\s?(?:undeliverable|not delivered|delivery failed)|delivery failure"
    r"|delivery notification: delivery has"
    r" failed|(?:notificacion de estado de entrega|notification d'etat de remise|benachrichtigung"
    r" zum ubermittlungsstatus|notifica sullo stato (?:di|della) consegna)\s?\((?:error|echec"
    r"|fehler|errore)",
)
#: Subjects that might be human ("Delivery problem", "Rejected"): need mail-system words
#: in the writer's own text as well.
BOUNCE_WEAK_SUBJECTS: tuple[str, ...] = (
    r"delivery (?:problem|delayed|report|incomplete|failed)|message (?:delayed|blocked|rejected)",
    r"rejected|returned|not delivered|undeliverable|bounced?|niet afgeleverd|niet bezorgd",
    r"(?:bericht|message|e-?mail|mail|nachricht)\s(?:niet bezorgd|niet afgeleverd|non d[e~]livr[e~]"
    r"|non remis|not delivered|nicht zugestellt|no entregado|non consegnato)",
    # ... and the Polish "undelivered message" either way round, and a hosting panel's
    # "Bericht kon niet bezorgd worden" (set 312 and 314): a citizen may type these over a
    # bounce they paste, so mail-system words must stand in the text as well.
    r"niedostarczona wiadomo[s~][c~]|wiadomo[s~][c~] niedostarczona|niedostarczona\s?:",
    r"(?:bericht|e-?mail|mail) kon niet (?:worden )?(?:bezorgd|afgeleverd)(?: worden)?",
)
_MAIL_SYSTEM_WORDS = re.compile(
    r"\b(?:smtp|mailbox|mail ?server|remote (?:server|host)|[45]\.\d{1,3}\.\d{1,3}"
    r"|[45]\d\d[ -][45]\.\d|\([45]\d\d\)|postvak|empf[a~]ngeradresse|destinataire introuvable"
    r"|onbekende ontvanger|unknown (?:recipient|user)|unbekannter empf[a~]nger|destinataire inconnu"
    r"|destinatario desconocido|destinatario sconosciuto|destinatario inesistente"
    r"|casella (?:piena|inesistente)|nieznany (?:uzytkownik|adresat|odbiorca)"
    # ... or the address is gone: "Het e-mailadres … bestaat niet meer", "L'adresse … n'existe".
    r"|(?:e-?mail ?adres|adresse|address|e-?mail-?adresse|direccion|indirizzo)\s.{0,80}"
    r"(?:bestaat niet|n'existe|does not exist|no longer exists|existiert nicht|no existe"
    r"|(?:is )?no longer in use|(?:is )?niet meer in gebruik|wird nicht mehr verwendet"
    r"|non esiste))",
    re.IGNORECASE,
)
#: First words of the body that only a mail system writes (in the writer's own head).
MTA_BODY: tuple[str, ...] = (
    r"this is the mail system at host",
    # Sendmail's transcript heading opening the text ("----- Transcript of session follows
    # -----", set 695).
    r"-{3,}\s?transcript of session follows\s?-{3,}",
    r"this is the (?:qmail-send|postfix|exim) program",
    r"hi\. this is the qmail-send program",
    # ... translated by a host ("Hallo. Dit is het qmail-send programma op …", set 288).
    r"(?:hallo\. )?dit is het (?:qmail-send|postfix|exim) ?programma"
    r"|(?:hallo\. )?dies ist das (?:qmail-send|postfix|exim)[- ]?programm"
    r"|(?:bonjour\. )?ceci est le programme (?:qmail-send|postfix|exim)",
    # ... and a relay in qmail's words ("Hi. This is the gateway at relay.example.").
    r"hi\. this is the (?:mail )?(?:gateway|relay|mail system|mailer) at \S",
    # ... or as "the mail server on" its host, the whole line ("Hello, this is the mail
    # server on mail.x.", over "I am sending you this message to inform you on the delivery
    # status …", set 842).
    r"(?:(?:hello|hi)[,.]?\s)?this is the mail ?server (?:on|at) [\w.-]{3,253}\w\.?\s*$",
    # ... or as its delivery agent ("This is the mail delivery agent at mail.x.", set 379).
    r"(?:hi\. )?this is the (?:mail )?delivery agent at \S",
    r"this message was created automatically by mail delivery software",
    # ... or a mail system by its product's name ("GroupWise could not deliver your
    # message.", set 874).
    r"(?:groupwise|lotus notes|domino|exchange|zimbra|kerio connect|mdaemon|communigate)"
    r" could not deliver (?:your|this|the) message\.?\s*$",
    # ... or the address named as closed and the reader's mail no longer delivered to it
    # ("Het adres x@… is opgeheven. Berichten aan dit adres worden niet meer afgeleverd.",
    # set 879): the server's two sentences, together.
    r"(?:het|dit) (?:e-?mail)?adres [\w.+-]{1,64}@[\w.-]{1,253} is opgeheven\.\s+berichten aan"
    r" dit adres worden niet (?:meer )?(?:afgeleverd|bezorgd)",
    r"the address [\w.+-]{1,64}@[\w.-]{1,253} has been (?:closed|discontinued|deactivated)\.\s+"
    r"messages to this address (?:are|will) no longer (?:be )?delivered",
    # ... or the Messaging Server's report heading over our own header fields ("This report
    # relates to a message you sent with the following header fields:", set 874).
    r"this report relates to a message you sent with the following header fields\s?:?\s*$",
    r"this is an automatically generated delivery status notification",
    r"i'm sorry to have to inform you that your message could not",
    r"i'm afraid i wasn't able to deliver (?:your|the following) message",
    # ... also without the fear, to an address ("Sorry, I wasn't able to deliver your message
    # to x@…. The address has been deactivated.", set 759).
    r"(?:sorry, )?i (?:wasn't|was not) able to deliver your message to [\w.+-]{1,64}@",
    r"(?:your )?message could not be delivered to (?:one or more|the following|some)",
    r"delivery to the following recipients? (?:failed|has been delayed|was unsuccessful)",
    # ... or to "this recipient", Gmail's way ("Delivery to this recipient failed permanently:",
    # set 499).
    r"delivery to this recipient failed permanently\s?:?\s*$",
    # ... or its mailbox shut ("Delivery to this address has been suspended: account
    # closed.", set 530), the whole line.
    # ... a Dutch relay's "Aflevering aan de volgende ontvanger is mislukt:" and a French
    # one's "Le message n'a pas pu être remis à x@…" (set 539).
    r"aflevering aan (?:de )?volgende ontvangers? (?:is )?mislukt",
    # ... also naming the address and the tries ("Levering aan x@… mislukt na herhaalde
    # pogingen (4).", set 563).
    r"(?:af)?levering aan [\w.+-]{1,64}@[\w.-]{1,253} (?:is )?mislukt na (?:herhaalde|\d{1,2})"
    r" pogingen",
    r"le message n'a pas pu etre remis a [\w.+-]{1,64}@",
    # ... and German, Polish and Italian ones ("Nachricht an x@… konnte nicht zugestellt
    # werden.", "… Wiadomość nie została dostarczona.", "… Il messaggio non è stato
    # consegnato.", sets 587 and 589).
    r"nachricht an [\w.+-]{1,64}@[\w.-]{1,253} konnte nicht zugestellt werden",
    # (The Polish and Italian ones after their address given up: "Ten adres nie jest już
    # używany.", "Questo indirizzo non è più in uso.")
    r"ten adres nie jest juz uzywany\.\s+wiadomosc nie zostala dostarczona\.",
    r"questo indirizzo non e piu in uso\.\s+il messaggio non e stato consegnato\.",
    # ... and "We were unable to deliver your message to x@…" (set 547).
    r"we were unable to deliver your message to [\w.+-]{1,64}@",
    r"delivery to this (?:address|recipient|mailbox) has been (?:suspended|disabled|stopped)"
    r"(?:\s?:\s?[^.\n]{1,60})?\.?\s*$",
    # ... or a Dutch relay's "Retour afzender. x@… is onbekend op dit adres." (set 508).
    r"retour afzender\.?\s+[\w.+-]{1,64}@[\w.-]{1,253} is onbekend op dit adres",
    # ... and a Czech one ("Zpráva pro x@… nebyla doručena.", set 517).
    r"zprava pro \S{1,120} nebyla dorucena",
    # ... or to one address named, after a forward ("Delivery to x@… failed after
    # forwarding.", set 440), the server's answer on the line below.
    r"delivery to <?[\w.+=-]{1,64}@[\w.-]{1,120}>? (?:has )?failed(?: after forwarding)?"
    r"[.:]?\s*$",
    r"your message (?:to .{1,120} )?(?:couldn't|could not|cannot|can't) be delivered",
    r"your message did not reach some or all of the intended recipients",
    r"the following (?:message|recipient\(?s?\)?) (?:to .{1,120} )?(?:was|were|could not be)"
    r" (?:undeliverable|delivered)",
    r"the original message was received at",
    r"-{3,} ?the following addresses had (?:permanent )?fatal errors",
    r"a message that you sent could not be delivered to one or more",
    r"this is a delivery status notification",
    # Postfix's and Exim's size refusal, as a relay's notice opens with it.
    r"message size exceeds fixed (?:maximum message size|limit)",
    r"the mail system$",
    r"unable to deliver (?:message|your message) to the following",
    r"uw bericht (?:kon niet worden|is niet) (?:afgeleverd|bezorgd)",
    r"dit is een automatisch gegenereerde? (?:melding|bericht) (?:over de )?(?:bezorg|aflever)",
    r"ihre nachricht konnte nicht (?:zugestellt|an)",
    # ... with the letters a charset lost ("n'a pas pu ?tre distribu?.", set 312).
    r"votre message n'a pas pu [êe?~]tre (?:remis|distribu[ée?~]|d[ée?~]livr[ée?~])",
    r"(?:il )?messaggio non [eè~] stato (?:consegnato|recapitato)",
    r"wiadomo[sś~][cć~] nie mog[lł~]a zosta[cć~] dostarczona",
    r"(?:nl: )?uw bericht aan .{1,120} (?:werd|is) niet (?:bezorgd|afgeleverd)",
    r"onbestelbaar bericht$",
    # Outlook's own in French, Polish and Croatian ("… n'a pas pu être remis aux
    # destinataires suivants", "Wiadomość nie dotarła do niektórych lub wszystkich
    # adresatów", "Vaša poruka nije stigla do svih primatelja", sets 328 and 335).
    r"n'a pas pu [êe?~]tre remis aux destinataires suivants",
    r"wiadomo[sś~?][cć~?] nie dotar[lł~?]a do niekt[oó~?]rych lub wszystkich adresat[oó~?]w",
    r"va[sš~?]a poruka nije stigla do (?:svih|nekih) primatelja",
    r"avviso di mancata consegna$",
    # Kerio's German, Polish with its letters lost, and a mail-to-SMS gateway's refusal
    # (sets 320, 321 and 327).
    r"die nachricht an .{1,120} konnte nicht zugestellt werden",
    r"nie mo[z~?]na dostarczy[c~?] wiadomo[s~?]ci",
    # ... and Italian webmail's ("Impossibile recapitare il messaggio ad alcuni o a tutti i
    # destinatari", set 415).
    r"impossibile recapitare il messaggio ad alcuni o a tutti i destinatari",
    r"uw e-?mail aan .{1,120} kon niet (?:als sms )?worden (?:verzonden|bezorgd|afgeleverd)",
    r"delivery has failed to these recipients or groups",
    r"your message (?:wasn't|was not) delivered to",
    r"sorry, we were unable to deliver your message",
    r"the message that you sent was undeliverable",
    r"the original message was addressed to the following recipients",
    r"this is a delivery status notification from",
    r"a message that you sent has not yet been delivered",
    r"bezorging is mislukt voor deze (?:geadresseerden|ontvangers)",
    r"die zustellung an (?:folgende|diese) empf[äa]nger .{0,20}ist fehlgeschlagen",
    r"la remise a [ée]chou[ée] pour ces destinataires",
    r"recapito non riuscito per questi destinatari",
    r"error al entregar (?:el mensaje )?a estos destinatarios",
    r"a entrega falhou para estes destinat[áa]rios",
    r"leveransen misslyckades till (?:de h[äa]r|f[öo]ljande) mottagar",
    r"dostarczanie do tych adresat[óo]w .{0,20}nie powiod[łl]o si[ęe]",
    r"doru[cč]en[ií] (?:t[ěe]mto|n[áa]sleduj[ií]c[ií]m) p[řr][íi]jemc[ůu]m se nezda[řr]ilo",
    r"su mensaje (?:a .{1,120} )?no (?:pudo|ha podido|se pudo) ser entregado",
    r"(?:il suo )?messaggio (?:a|per) .{1,120} non (?:[eè] stato|ha potuto essere) consegnato",
    r"(?:a )?sua mensagem (?:para .{1,120} )?n[aã]o (?:p[oô]de|foi poss[ií]vel) ser entregue",
    # ... and what hosting panels write in Spanish and Portuguese (set 345).
    r"el mensaje (?:dirigido a|para|enviado a) .{1,120} (?:ha sido|fue) (?:rechazado|devuelto)",
    # Hosting panels, Japanese, Arabic and Hebrew clients, mail-to-SMS (sets 355-357).
    r"we were unable to deliver the (?:e-?mail|message) below",
    r"お客様が送信されたメールは.{0,40}届きませんでした",
    r"لم تصل رسالتك إلى بعض المستلمين أو كلهم",
    r"ההודעה שלך לא הגיעה לכל הנמענים או לחלק מהם",
    r"uw e-?mail aan .{1,120} is niet (?:als sms )?(?:verstuurd|verzonden|bezorgd|afgeleverd)",
    # Dutch webmail and hosting panels ("Helaas kon uw bericht niet worden afgeleverd bij",
    # "Uw bericht aan … kon niet worden afgeleverd", sets 360 and 367).
    # ... also "uw e-mail" ("Helaas kon uw e-mail niet worden afgeleverd bij de volgende
    # ontvanger(s)", set 681).
    r"(?:helaas )?kon uw (?:bericht|e-?mail) niet (?:worden )?(?:afgeleverd|bezorgd) (?:bij|aan)",
    r"uw bericht aan .{1,120} kon niet (?:worden )?(?:afgeleverd|bezorgd)",
    r"(?:a )?(?:sua )?mensagem (?:abaixo |para .{1,120} )?(?:n[aã]o p[oô]de ser entregue"
    r"|foi (?:devolvida|rejeitada|recusada))",
    r"(?:uw bericht|ihre nachricht|votre message|your message) (?:heeft|hat|n'a pas|did not)"
    r" .{0,40}(?:niet bereikt|nicht erreicht|atteint|reach)",
    # ... Polish, Romanian, Czech, Ukrainian, Turkish and Dutch webmail's in their own
    # words, and Notes' line under "Ihr Dokument: …" (sets 385-390).
    r"wiadomo[sś~?][cć~?] nie zosta[lł~?]a dostarczona do (?:nast[eę~?]puj[aą~?]cych"
    r"|niekt[oó~?]rych)",
    r"mesajul (?:dumneavoastr[aă~?]|dvs\.?) (?:c[aă~?]tre|pentru) .{1,120} nu a putut fi (?:livrat"
    r"|trimis)",
    r"va[sš~?]e zpr[aá~?]va pro .{1,120} (?:nebyla|nemohla b[yý~?]t) doru[cč~?]ena",
    r"ваш лист (?:до|для) .{1,120} не (?:доставлено|було доставлено)",
    r"\S+ adresine g[oö~?]nderdi[gğ~?]iniz ileti teslim edilemedi",
    r"we konden (?:je|uw) bericht niet (?:bezorgen|afleveren) (?:bij|aan)",
    # ... Outlook's Swedish, and Indonesian webmail's (sets 401 and 406).
    r"meddelandet kunde inte levereras till (?:alla|vissa|f[öo~?]ljande) mottagare",
    r"pesan yang anda kirim tidak dapat (?:diterima|dikirim)",
    # ... to an address or "do odbiorcy" (sets 406 and 413).
    r"nie uda[lł~?]o si[eę~?] dostarczy[cć~?] wiadomo[sś~?]ci do (?:odbiorc|[\w.+-]{1,64}@)",
    r"wiadomo[sś~?][cć~?] do .{1,120} nie zosta[lł~?]a dostarczona",
    r"ihre nachricht konnte an (?:einen oder mehrere|alle|folgende) empf[äa~]nger nicht"
    r" zugestellt werden",
    r"wurde nicht zugestellt an\s?:|was not delivered to\s?:|is niet afgeleverd bij\s?:",
    # ... and old Exchange's line under the To/Subject/Sent block it opens with ("Your
    # message / To: … / Sent: … / did not reach the following recipient(s):", set 378).
    r"did not reach the following recipient\(?s?\)?\s?:",
    r"hat folgende\(?n?\)? empf[äa~]nger nicht erreicht\s?:",
    r"heeft de volgende (?:ontvanger|geadresseerde)\(?n?s?\)? niet bereikt\s?:",
)
BOUNCE_SUBJECT = alternation(BOUNCE_SUBJECTS, r"(?:\W|$)")
_BOUNCE_WEAK_SUBJECT = alternation(BOUNCE_WEAK_SUBJECTS, r"(?:\W|$)")
#: Bounce subjects in scripts written without spaces (Japanese, Chinese, Korean): the word
#: runs straight into the rest of the subject, so no word boundary follows it.
BOUNCE_SUBJECTS_CJK: tuple[str, ...] = (
    r"メール(?:エラー|配信エラー|不達)|(?:配信|配送|送信)(?:エラー|失敗|不能)|不達(?:通知|メール)"
    r"|エラーメール|返送(?:メール|通知)",
    r"(?:系统)?退信|退回(?:邮件|郵件)|(?:邮件|郵件)?(?:投递|投遞|递送|遞送)失败|无法投递|無法投遞",
    r"(?:메일 ?)?(?:전송|배달|발송) ?실패|반송(?: ?메일)?",
    r"送信できませんでした|届きませんでした",
)
_BOUNCE_SUBJECT_CJK = alternation(BOUNCE_SUBJECTS_CJK, "")
_MTA_LINE = re.compile(r"^\W{0,3}(?:" + "|".join(f"(?:{p})" for p in MTA_BODY) + ")", re.I)
_FIELD_LINE = re.compile(
    r"^(reporting-mta|final-recipient|original-recipient|diagnostic-code|remote-mta|action"
    r"|status|feedback-type|user-agent|original-mail-from|arrival-date|reported-domain"
    r"|source-ip|original-rcpt-to)\s*:\s*\S",
    re.IGNORECASE,
)
_DSN_CORE = frozenset({"final-recipient", "diagnostic-code", "reporting-mta", "remote-mta"})
_ARF_CORE = frozenset({"feedback-type"})


def _informs_its_reader(v: MessageView) -> bool:
    """The writer's first lines, under a greeting at most, open with a note for the reader
    ("Beste, / Ter info: jullie antwoorden … komen bij ons in de spam terecht.", set 879):
    a person over what they paste; a mail system has no reader to inform."""
    lines = [line for line in v.head if line.strip()][:2]
    return any(FYI_LEAD.match(fold(line)) for line in lines)


def report_fields(v: MessageView) -> str | None:
    """Delivery-status or feedback-report fields where headers or the first lines are."""
    names = {name.lower() for name, _ in v.msg.headers}
    in_headers = names & {f.lower() for f in REPORT_FIELDS}
    if in_headers & (_DSN_CORE | _ARF_CORE):
        return f"report field {sorted(in_headers)[0]} in headers"
    fields: set[str] = set()
    prose: list[str] = []
    for line in v.head:
        m = _FIELD_LINE.match(line)
        if m and _field_value_ok(m.group(1).lower(), line.split(":", 1)[1]):
            fields.add(m.group(1).lower())
        elif line and not _USER_COMMENT.match(line):
            prose.append(line)
    if len(fields) < 2 or not fields & (_DSN_CORE | _ARF_CORE):
        return None
    text = without_our_subject(URL.sub(" ", fold(" ".join(prose))))
    text = _USER_REMARK.sub(" ", ABUSE_DESK_ASKS.sub(" ", text))
    # Our subject echoed in the report's ("[SpamReport] Auto: [PRV-…] Wie …?") is not asked.
    if asks_or_owns(without_our_subject(v.subject), text):
        return None
    if first_person_in(text) or PERSON_REQUEST.search(text) or _OWN_LOGS.search(text):
        return None
    # ... nor one who acts as only a person does ("Wij verzoeken u dit verzoek in
    # behandeling te nemen" above a pasted report, set 526).
    if passes_on_or_acts(text):
        return None
    # ... nor one whose first lines, under a greeting at most, open with a note for the
    # reader ("Beste, / Ter info: jullie antwoorden … komen bij ons in de spam terecht.
    # Headers van een van de berichten: …", set 879): a report has no reader to inform.
    if _informs_its_reader(v):
        return None
    # A person pasting a report's fields under their own lines and signing with their
    # name ("De melding zag er zo uit: Feedback-Type: abuse … Groet, Thijs Brinkman", set
    # 291): reports are signed by no one.
    if closes_with_a_name(v):
        return None
    return f"report fields in body ({', '.join(sorted(fields)[:3])})"


#: The same remark quoted within the report's sentence ('The user indicated: "stop sending
#: me rating requests"'): the reporting user's words, not the sender's.
_USER_REMARK = re.compile(
    r"\b(?:the |de |der )?(?:user|recipient|gebruiker|ontvanger|nutzer|empfanger)\s(?:indicated"
    r"|said|wrote|commented|added|noted|gaf aan|schreef|zei|merkte op|schrieb|gab an)\s?:?\s?"
    r"[\"“„«][^\"“”»]{0,300}[\"”“»]",
    re.IGNORECASE,
)
#: The reporting user's own remark inside a feedback report ("User comment: I never asked
#: for this"): quoted by the report, so its "I" is that user's, not the sender's.
_USER_COMMENT = re.compile(
    r"^\W{0,3}(?:user[- ]?comments?|comments? (?:from|by) (?:the )?(?:user|recipient)"
    r"|opmerking (?:van (?:de )?)?(?:gebruiker|ontvanger)|kommentar (?:des|vom) (?:nutzers?"
    r"|benutzers?|empf[aä]ngers?)|commentaire (?:de l'utilisateur|du destinataire))\s?:",
    re.IGNORECASE,
)
#: An abuse desk's standing request ("Please take appropriate action and remove the
#: recipient from your lists"): asked of every sender it reports, not a person's own.
ABUSE_DESK_ASKS = re.compile(
    r"\b(?:please )?(?:take (?:the )?appropriate action|investigate (?:this|the matter)"
    # ... a takedown service's standing lines ("We have identified a website that
    # impersonates …", "We have asked the hosting provider to take it down", set 605).
    # ... a platform's own step and the way to object ("We hebben de advertentie tijdelijk
    # offline gehaald. Je kunt bezwaar maken via het Meldingencentrum.", set 618).
    r"|we hebben (?:de|je|uw) (?:advertentie|aanbieding|listing|post) (?:tijdelijk )?(?:offline"
    r" gehaald|verwijderd|verborgen)|je kunt bezwaar maken via"
    r"|we have identified an? (?:\w+ )?(?:website|site|domain|page|url) (?:that|which)"
    r" (?:impersonates|imitates|mimics)"
    r"|we have (?:asked|requested|notified) the (?:hosting )?(?:provider|registrar|host)"
    r" (?:to take (?:it|the site|the page) down|of this)"
    r"|neem (?:de )?passende maatregelen"
    # ... and its ticket's rule for the answer ("Reageer op dit bericht zonder het
    # ticketnummer ABUSE-983795 uit het onderwerp te verwijderen", set 824).
    r"|zonder (?:het|de|dit|uw) (?:ticket|referentie|meldings|dossier|zaak)?(?:nummer|kenmerk)"
    r"\s(?:\S+\s)?uit het onderwerp te verwijderen"
    r"|without removing the (?:ticket |reference |case )?(?:number|id|reference)\s(?:\S+\s)?from"
    r" the subject"
    # ... "Wij verzoeken u deze persoon uit uw verzendlijsten te verwijderen" (set 552).
    r"|wij verzoeken u deze (?:persoon|ontvanger|klant) uit uw"
    r" (?:verzend|mailing|adres)lijst(?:en)? te verwijderen"
    r"|ergreifen sie (?:die )?(?:notwendigen|geeigneten) massnahmen"
    r"|(?:could|can|would) you (?:please )?make sure (?:this|the) (?:address|recipient)"
    r" is removed|wilt u (?:\w+ ){0,2}maatregelen nemen"
    # ... "Wilt u dit onderzoeken en passende maatregelen nemen?" (set 326).
    # (... its term also in words, "binnen twee werkdagen", review s56.)
    r"|(?:wilt|kunt) u (?:dit|deze melding) (?:binnen (?:\d{1,3}|een|twee|drie|vijf|tien)"
    r" (?:uur|dagen|werkdagen) )?"
    r"(?:onderzoeken|nagaan)(?: en (?:\w+ ){0,2}maatregelen nemen)?"
    # ... and its ticket's rule for the answer ("Wilt u dit binnen 48 uur onderzoeken en
    # reageren onder vermelding van het zaaknummer?", set 851).
    r"(?: en reageren onder vermelding van (?:het|uw|de|dit) \w{0,12}(?:nummer|kenmerk))?"
    r"|(?:wilt|kunt) u (?:controleren|nagaan) of (?:dit|deze) (?:\w+ )?(?:verkeer|verzending"
    r"|berichten|bericht|mail|e-?mail|sms) (?:legitiem|rechtmatig|gewenst) (?:is|was|zijn)"
    # (... or asked for by their recipients: "Wilt u controleren of deze berichten wel door
    # ontvangers gevraagd zijn?", set 906.)
    r"|(?:wilt|kunt) u (?:controleren|nagaan) of (?:deze|die|de) berichten (?:wel )?door"
    r" (?:de )?ontvangers (?:(?:zijn|waren) (?:gevraagd|aangevraagd)|(?:gevraagd|aangevraagd)"
    r" (?:zijn|waren))"
    r"|(?:please|could you) (?:check|verify) (?:whether|if) (?:this|the) (?:\w+ )?(?:traffic|mail"
    r"|e-?mail|sending|message) (?:is|was) legitimate"
    r"|(?:please|could you|would you) (?:investigate|look into) (?:this|the issue|the matter)"
    # ... and to answer with the steps taken ("Wilt u binnen 48 uur reageren met de genomen
    # maatregelen?", "Please investigate and reply within 24 hours", sets 354 and 359).
    r"|(?:wilt|kunt) u (?:binnen (?:\d{1,3}|een|twee|drie|vier|vijf|tien)"
    r" (?:uur|dagen|werkdagen) )?reageren met de (?:genomen )?maatregelen"
    # ... or only within its deadline ("Wilt u binnen 48 uur reageren?", set 428).
    r"|(?:wilt|kunt) u binnen \d{1,3} (?:uur|dagen|werkdagen) reageren"
    # ... also by its portal ("Wilt u binnen 48 uur reageren via ons abuse-portaal?", set 498),
    # or with an explanation ("… reageren met een toelichting?", set 505).
    r"(?: via (?:ons|het|de) [\w-]{1,30}| met een (?:toelichting|reactie|verklaring))?"
    # ... and the ticket to name ("… onder vermelding van ticket ABUSE-567812?", set 526).
    # ... or with the ticket after "met" ("… via ons abuse-portaal met ticket 748197?", set
    # 667).
    r"(?:\s(?:onder vermelding van|met vermelding van) [^?\n]{1,40}"
    r"|\smet (?:het )?(?:ticket|ticketnummer)\s#?[\w-]{1,20})?\s?\?"
    # ... also in words ("Wilt u binnen twee werkdagen reageren?", set 447).
    r"|(?:wilt|kunt) u binnen (?:een|twee|drie|vier|vijf|tien) (?:uur|dagen|werkdagen)"
    r" reageren\s?\?"
    r"|please (?:investigate and )?(?:reply|respond)(?: via (?:our|the) \w{1,20})? within \d{1,3}"
    r" (?:hours|days)"
    # ... and to take the recipient off the sender's lists ("Gelieve deze ontvanger uit uw
    # verzendlijsten te verwijderen", "Please remove this recipient from your lists").
    # ... also as a question ("Wilt u de ontvanger van uw verzendlijst verwijderen?", set 348),
    # or of the user who complained ("Wilt u deze gebruiker uit uw verzendlijsten
    # verwijderen?", set 381).
    r"|(?:gelieve|wij verzoeken u|wij vragen u|wilt u|kunt u) (?:deze|de|het)"
    r" (?:ontvanger|geadresseerde|adres|gebruiker)\w{0,2} (?:[\w.+-]{1,64}@[\w.-]{1,120} )?"
    r"(?:uit|van) (?:uw|je|jullie)"
    r" \w{0,12}lijst\w{0,2} (?:te )?(?:verwijderen|halen)"
    # ... and a blocklist's pointer to its delisting page ("U kunt dit IP-adres laten
    # verwijderen via https://…", "You can request delisting at …", set 278).
    r"|(?:u kunt|je kunt|you (?:can|may))\s(?:\w+\s){0,2}(?:ip-?adres|ip address|ip|domein"
    r"|domain|address|adres)\s(?:\w+\s)?(?:laten verwijderen|verwijderen|remove|delist)\w{0,3}"
    r"\s(?:via|at|op|through)\b|\b(?:request|vraag)\s(?:\w+\s)?delisting\s(?:via|at|op|aan)\b"
    # ... or to clean the sender's list ("inactieve contacten te verwijderen", "remove inactive
    # contacts", a sending platform's advice, set 471).
    r"|(?:inactieve|onbekende|ongeldige|niet-actieve) (?:contacten|adressen|ontvangers) (?:te )?"
    r"verwijderen|remove (?:inactive|invalid|unknown) (?:contacts|addresses|recipients)"
    r"|please remove (?:this|the) (?:recipient|address|subscriber) from (?:your|all)"
    r" (?:\w+ )?lists?"
    r"|entfernen sie (?:diesen|den) empf[a~]nger aus ihren? \w{0,12}(?:liste|verteiler)\w{0,2}"
    # ... and to answer through its portal within its deadline ("Wilt u binnen 48 uur
    # reageren via ons abuseportaal?", "Please respond within 24 hours via our portal").
    r"|(?:wilt u|gelieve|please|bitte|wij verzoeken u) (?:\w+ ){0,4}(?:te )?(?:reageren|respond"
    r"|reply|antworten)"
    r" (?:\w+ ){0,3}(?:via|through|uber) (?:ons|our|unser\w{0,2}) \w{0,12}(?:portaal|portal))"
    r"[^.!?]{0,160}\??",
    re.IGNORECASE,
)
#: What a DSN or ARF field's value looks like: a pasted "Final-Recipient: ikzelf" is prose.
_FIELD_VALUES: dict[str, re.Pattern[str]] = {
    "final-recipient": re.compile(r"^\s*[\w.-]{1,20}\s?;"),
    "original-recipient": re.compile(r"^\s*[\w.-]{1,20}\s?;"),
    "reporting-mta": re.compile(r"^\s*[\w.-]{1,20}\s?;"),
    "remote-mta": re.compile(r"^\s*[\w.-]{1,20}\s?;"),
    "diagnostic-code": re.compile(r"^\s*[\w.-]{1,20}\s?;"),
    "status": re.compile(r"^\s*[245]\.\d{1,3}\.\d{1,3}\b"),
    "action": re.compile(r"^\s*(?:failed|delayed|delivered|relayed|expanded)\b", re.IGNORECASE),
    "feedback-type": re.compile(
        r"^\s*(?:abuse|fraud|virus|other|not-spam|auth-failure)\b", re.IGNORECASE
    ),
}


def _field_value_ok(name: str, value: str) -> bool:
    """A report field's value has the shape the RFC gives it (``rfc822; addr``, ``5.1.1``)."""
    pattern = _FIELD_VALUES.get(name)
    return pattern is None or bool(pattern.match(value))


def _persons_note(v: MessageView) -> bool:
    """The writer speaks in the first person above the first line a mail system writes (or
    in a text with no such line): a person's note over a pasted bounce, or a person typing
    "I keep getting a delivery failure".  Postfix and qmail say "I" only below their
    opening line.  A one-line note over the paste ("Ter info.", "Zie hieronder.") is a
    person's too: no mail system opens with one."""
    if opens_with_a_note(v):
        return True
    for n, line in enumerate(v.head):
        if _MTA_LINE.match(line):
            above = _unechoed(v.head[:n])
            # (Or acts as only a person does: "Got this error when replying to your email",
            # set 513.)
            return first_person_in(above) or passes_on_or_acts(above)
        if _MAIL_SYSTEM_WORDS.search(line):
            # A line naming a mail server may be the writer's own ("Mijn mailserver gaf
            # dit terug"): it counts with what stands above it, but not the subject it
            # quotes ("met onderwerp \"… mes données\"", set 314).
            return first_person_in(_unechoed(v.head[: n + 1]))
    return v.first_person or bool(_WE_ASK.search(fold(" ".join(v.head))))


def _unechoed(lines: list[str]) -> str:
    """The lines, folded, without the subjects they quote, line by line: an echo runs to
    its line's end at most."""
    return " ".join(without_echoed_subjects(fold(line)) for line in lines)


#: An organisation asking in its own plural ("Wij willen graag een datalek melden", "We
#: would like to report …"): a mail system's "we" informs *you* ("We would like to let you
#: know …") and asks nothing for itself.
_WE_ASK = re.compile(
    r"\b(?:wij|we|wir|nous)\s(?:willen|zouden|would|want|wish|mochten|wollen|voudrions"
    r"|souhaitons)\s(?!(?:\w+\s){0,3}(?:u|you|je|jou|ihnen|sie|dich|vous)\b)\w",
    re.IGNORECASE,
)


#: A person reporting their own side of a bounce: their organisation's logs or server
#: ("Our mail server logged:", "in onze maillogs"), under a greeting to us ("Dear team").
_OWN_LOGS = re.compile(
    r"\b(?:our|onze|ons|unsere?[mn]?|nos|nuestros?)\s(?:own\s)?(?:mail ?server|mailserver|logs?"
    r"|maillogs?|mail logs?|server logs?|logbestanden|protokolle?"
    # ... or their mail platform ("Ons mailplatform geeft … dit event terug", set 295).
    r"|mail ?platform|mailsysteem|mail system|mailomgeving"
    # ... or their security desk or ticket system ("Melding vanuit ons SOC", "ons
    # ticketsysteem (TOPdesk) ontvangt jullie ontvangstbevestigingen", sets 424 and 427;
    # 0 of the 826 blind returned copies).
    r"|soc|ticketsysteem|ticket ?system|ticketing system|security operations center)\b"
    # ... or pastes headers at the reader's desk's request ("Hieronder de volledige headers
    # van het bericht dat bij ons terugkwam, zoals gevraagd door jullie servicedesk", set
    # 697).
    # (Both together: a returned copy may say either alone, the attacker's review.)
    r"|\bhieronder (?:de |het )?(?:volledige |complete )?(?:headers?|kopregels)\b[^.:]{0,120}"
    r"\bzoals (?:gevraagd|afgesproken) (?:door|met) (?:jullie|uw|je)\b",
    re.IGNORECASE,
)
#: A person's informal greeting ("Hoi,", "Hi Bas,"): no bounce opens so.
_PERSONAL_GREETING = re.compile(r"\W{0,3}(?:hoi|hi|hey|hallo|hello)\b[^.!?,]{0,30},", re.I)
_GREETS_A_TEAM = re.compile(
    r"\W{0,3}(?:dear|beste|hallo|hello|hi|liebes?)\s(?:\w+\s)?(?:team|desk|collega'?s|colleagues)\b",
    re.IGNORECASE,
)


def _reports_own_bounce(v: MessageView) -> bool:
    head = v.head_text
    return bool(
        _OWN_LOGS.search(head)
        and (
            _GREETS_A_TEAM.match(head)
            or _GREETS_THE_DESK.match(head)
            or _PERSONAL_GREETING.match(head)
        )
    )


def bounce_subject(v: MessageView) -> str | None:
    """A bounce subject; never a question ("Bezorging mislukt van mijn brief?"), in a
    person's voice ("Undeliverable: verzoek" over "Mijn vorige mail … ik wil inzage"), nor
    in the first person without a mail system's words ("Delivery failure" over "I keep
    getting a delivery failure when I reply to your letter")."""
    if v.subject.rstrip().endswith("?") or v.human_voice or v.speaks_under_a_notice:
        return None
    match = BOUNCE_SUBJECT.match(v.subject) or _BOUNCE_SUBJECT_CJK.match(v.subject)
    if match and (_persons_note(v) or _reports_own_bounce(v)):
        return None
    # ... nor one who sends a bounce on and signs with their name ("anbei die
    # Unzustellbarkeitsmeldung … Mit freundlichen Grüßen, Birgit Schäfer", set 320): a
    # mail system signs as the postmaster, if at all (1 of 665 blind bounces did).
    if match and closes_with_a_name(v):
        return None
    # ... nor one typing on a phone, or passing it on for IT ("Ter info voor jullie IT: 550
    # 5.7.1 … / Verstuurd vanaf mijn Android-telefoon", set 452): 0 of the 2,227 blind
    # bounces this rule took.
    if MOBILE_FOOTER.search(v.head_text) or _FOR_YOUR_IT.search(v.own_words):
        return None
    # ... nor one who does what only a person does ("Hieronder de relevante headers en de
    # foutmelding", set 506; 0 of the blind bounces this rule took).
    if match and passes_on_or_acts(v.own_words):
        return None
    if match:
        return f"bounce subject {match.group(0).strip()!r}"
    match = _BOUNCE_WEAK_SUBJECT.match(v.subject)
    # A weak subject signed by a person ("Bounce van jullie ontvangstbevestiging" over an IT
    # officer's log line and "Mvg, Tineke Mulder", set 395; 0 of 1,786 blind bounces).
    if (
        match
        and not (v.human_voice or v.first_person or _reports_own_bounce(v))
        and not closes_with_a_name(v)
        and _MAIL_SYSTEM_WORDS.search(" ".join(v.head))
    ):
        return f"bounce subject {match.group(0).strip()!r} and mail-system wording"
    return None


#: A note passed on for the reader's IT people ("Ter info voor jullie IT:").
_FOR_YOUR_IT = re.compile(r"\bter info(?:rmatie)? voor\b|\bfyi for your\b", re.IGNORECASE)
#: Opening quotation marks.
_QUOTE_MARKS = "\"“„«‘'"


def _voice_below(v: MessageView) -> bool:
    """Anything of a person's in the whole text: a question, the first person, a name."""
    body = fold(v.msg.body[:HEAD_CHARS])
    return has_question(body) or first_person_in(body) or closes_with_a_name(v)


def mta_body(v: MessageView) -> str | None:
    """A mail system's opening line; never in a person's voice (a citizen pasting a bounce
    under "my letter to you came back, why?" writes the question too), nor under the
    writer's own note in the first person ("jullie mail naar mijn werkadres bounced, zie
    hieronder").  The mail system's own lines may say "I": Postfix and qmail apologise in
    the first person."""
    if v.human_voice:
        return None
    for line in v.head:
        # A bounce's words in quotation marks are someone quoting it ("dostałem taki
        # komunikat: "Wiadomość nie została dostarczona …"", set 9), not the bounce.
        if line.lstrip()[:1] in _QUOTE_MARKS:
            continue
        # As written, else folded: Polish "Nie można dostarczyć" is written in the
        # patterns' folded letters (set 361).
        match = _MTA_LINE.match(line)
        if match is None:
            line = fold(line)
            match = _MTA_LINE.match(line)
        # ... nor a person's sentence that begins as a bounce does ("Your message could
        # not be delivered to my old work address. Please use this one.", set 342).
        if match and first_person_in(fold(line[match.end() :])):
            return None
        # ... nor Sendmail's transcript pasted over a person's own lines below it (the
        # attacker's review): the transcript is the program's, what follows it is not.
        if match and "transcript of session" in match.group(0).lower() and _voice_below(v):
            return None
        # ... nor the Messaging Server's report heading over a person's lines below it ("This
        # report relates to a message you sent … / That's what our server sent back when you
        # wrote to my colleague", the attacker's review s59): the report's own fields follow
        # its heading, never a first person or a name.
        if match and "this report relates to" in match.group(0).lower() and _voice_below(v):
            return None
        # ... nor one pasted under a forward's subject of the writer's own ("Fwd: probleem"
        # over "Helaas kon uw e-mail niet worden afgeleverd bij … dit is het nieuwe adres",
        # the attacker's review); a bounce forwarded whole keeps its own subject after the
        # prefix ("FW: Delivery Status Notification (Failure)", sets 167 and 335).
        forward = FORWARD_PREFIX.match(v.subject) if match else None
        if forward:
            forwarded = v.subject[forward.end() :].strip()
            if not (BOUNCE_SUBJECT.match(forwarded) or _BOUNCE_WEAK_SUBJECT.match(forwarded)):
                return None
        if match and not _persons_note(v):
            return f"mail-system wording {match.group(0).strip()[:60]!r}"
        if match:
            return None
    return None


#: An SMTP reply with an enhanced status code, or a server's answer quoted by a bounce.
_SMTP_REPLY = re.compile(
    r"(?<![\d.])[45]\d\d[ -]#?[45]\.\d{1,3}\.\d{1,3}\b|\bsaid:\s?[45]\d\d\b|\b(?:remote server"
    r" returned|remote host said|servidor remoto devolveu|remoteserver hat|le serveur distant a"
    r" retourne|il server remoto ha restituito|externe server retourneerde)\b",
    re.IGNORECASE,
)
#: Where a bounce hands back the message: its marker line, or its diagnostics heading.
_COPY_MARK = re.compile(
    r"^\W{0,8}(?:this is a copy of the message|below this line is a copy of the message"
    r"|original message follows|the original message (?:follows|is attached)|undelivered message"
    r"|returned message|diagnostic information for administrators|diagnoseinformationen fur"
    r" administratoren|diagnostische gegevens voor beheerders|informations de diagnostic pour"
    r" les administrateurs|informazioni di diagnostica per gli amministratori)",
    re.IGNORECASE,
)
#: A delivery failure in a mail system's words, in the languages bounces are written in.
_DELIVERY_FAILED = re.compile(
    r"\b(?:could not be delivered|cannot be delivered|was not delivered|undeliverable"
    r"|delivery (?:has )?failed|(?:mailbox|mail box|quota) (?:is )?(?:full|exceeded)"
    r"|(?:user|recipient|address|mailbox) (?:unknown|not found|does not exist|rejected)"
    r"|no such (?:user|mailbox|recipient)|kon niet worden (?:afgeleverd|bezorgd)"
    r"|konnte nicht zugestellt werden|n'a pas pu etre (?:remis|distribue|delivre)"
    r"|non e stato possibile (?:recapitare|consegnare)|no se (?:ha )?pud[oe] entregar)",
    re.IGNORECASE,
)
_RETURNED_PARTS: frozenset[str] = frozenset(
    {"message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers"}
)


def bounce_structure(v: MessageView) -> str | None:
    """A text-only bounce known by its shape, whatever its wording and language.

    An SMTP reply with an enhanced status code ("550 5.1.1", "host … said: 550") in the
    top lines, together with the returned message attached (message/rfc822, headers) or a
    marker where a copy or the diagnostics begin; or, with the returned message attached,
    a delivery failure said in words ("Could not be delivered to: …", "mailbox is full").
    Never in a human voice or the first person: a citizen pasting "550 5.1.1" into a
    complaint writes "I", "my request".
    """
    lines = v.msg.body[:HEAD_CHARS].replace("\r", "").split("\n")
    marks = [i for i, line in enumerate(lines) if _COPY_MARK.match(fold(line.strip()))]
    own = fold(" ".join(line.strip() for line in lines[: marks[0] if marks else len(lines)]))
    returned = bool(v.part_types & _RETURNED_PARTS)
    said = _SMTP_REPLY.search(own) or (returned and _DELIVERY_FAILED.search(own))
    # ... nor a person's note over the bounce they send on ("Ter informatie: op jullie
    # website staat nog een oud adres", set 399).
    if not said or v.human_voice or FYI_LEAD.match(v.head_text):
        return None
    text = URL.sub(" ", own)
    if FIRST_PERSON_ANY.search(text) or "?" in text:
        return None
    if returned and _SMTP_REPLY.search(own):
        return "SMTP status with the returned message attached"
    if returned:
        return f"delivery failure {said.group(0)[:40]!r} with the returned message attached"
    if marks:
        return f"SMTP status and {fold(lines[marks[0]].strip())[:50]!r}"
    return None


#: Where the returned copy's header block starts: the writer's prose ends there.
_COPY_START = re.compile(
    # (Also quoted with "| ", as some servers return it: "| Received: from …", set 794.)
    r"^(?:[|>] ?)?(?:received|dkim-signature|message-id|return-path|x-privacybot-loop|arc-seal"
    r"|authentication-results)\s*:",
    re.IGNORECASE,
)


def returned_copy(v: MessageView) -> str | None:
    """The header block of mail from our own domain inside the body: a bounce, report or
    receipt returning what we sent.  Not in a person's voice or the first person in the
    text above the copy (someone showing us our own mail with full headers writes a
    sentence about it); the copy's own fields (a date's "Mon", our subject) do not count."""
    prose, below = _around_the_copy(v)
    text = URL.sub(" ", fold(" ".join(prose)))
    # Our subject echoed by a report ("[SpamReport id:…] Auto: [PRV-…] inzage", "… Wie
    # heeft mijn gegevens?") is our words, not the writer's.
    if asks_or_owns(without_our_subject(v.subject), without_our_subject(text)):
        return None
    if first_person_in(text) or _ANSWER_REQUEST.search(text):
        return None
    # A person showing what their own server does with our mail ("FYI our mail server is
    # rejecting your auto-acknowledgments … Headers of one of them below:", set 295).
    if _OWN_LOGS.search(text) or passes_on_or_acts(text):
        return None
    # ... or who says they pasted it ("Headers pasted below for your mail admins:", set
    # 869): a mail system returns a copy, it pastes nothing.
    # (... or sends it as agreed on the phone: "Zoals gevraagd aan de telefoon de headers
    # van het bericht dat …", set 905; a mail system has no calls.)
    if PERSON_PASTES.search(text) or AS_AGREED.search(text):
        return None
    # ... or who writes on under the copy: asks us something or says what they did ("Could
    # your mail team have a look at DKIM? We released it manually.", set 438); a system
    # adds no prose of its own below what it returns (0 of the 841 blind returned copies).
    if below and (has_question(below) or passes_on_or_acts(below)):
        return None
    # ... or who greets above it and signs under it with a given name alone ("Merhaba," …
    # "Emre", set 851): a mail system neither greets nor signs.
    if _greets_and_signs_by_name(v.msg.body):
        return None
    # ... or who closes the whole mail, below the copy, with a closing and the name they
    # send under ("Groet, / Marco Smit" from Marco Smit): the copy returned is ours and
    # ends with our name; a mail system signs nothing.
    if _signs_as_the_sender(v):
        return None
    # ... or who introduces their team or speaks of their own gateway above it ("We're the
    # IT team for gemeente …", "quarantined by our gateway. Full headers below", sets 440
    # and 444), or signs off below it ("Regards"): 0 of the 879 blind returned copies.
    if _OUR_SIDE.search(text) or (below and _SIGN_OFF_WORD.search(below)):
        return None
    # A person answering with a code or a word above our mail pasted with its headers
    # ("941744", "ok"), or replying under our own subject without a mail system's words.
    if TYPED_CODE.search(text) or _SHORT_REPLY.fullmatch(text.strip()):
        return None
    system_words = _MAIL_SYSTEM_WORDS.search(text) or _BOUNCE_WORDS.search(text)
    if CLIENT_REPLY.match(v.subject) and not system_words:
        return None
    # ... or a copy quoted with "| " under no mail system's words ("Zoals gevraagd, de
    # headers:" over "| Received: from mail.conxillium.nl"): IT staff pasting what they
    # received, quoted by their client or by hand; a server that returns it so says what
    # happened (set 794; the attacker's review).
    first = next((line for line in v.head if _COPY_START.match(line)), "")
    if first.startswith("|") and (
        not _RETURNED_FOR.search(text) or _PASTED_ON_REQUEST.search(text)
    ):
        return None
    # ... or a person's client forwarding it with their own words over it, without a mail
    # system's words or signed with their name ("FW: Abuse report …" over "Un usuario
    # marcó como spam vuestro mensaje … / Nuria García Ortega").
    signed = [line for line in prose if line.strip()][-1:]
    if (
        FORWARD_PREFIX.match(v.subject)
        and text.strip()
        and (not system_words or (signed and NAME_LINE.fullmatch(fold(signed[0]).strip())))
    ):
        return None
    return structure.returned_copy(v.msg.body, v.our_address)


#: A person saying they pasted it ("Headers hieronder geplakt", set 717); a report's own
#: "Full headers below" introduces its fields (the attacker's second review).
PASTED = r"(?:geplakt|gekopieerd|pasted|copied)"
PERSON_PASTES = re.compile(rf"\b{PASTED}\b", re.IGNORECASE)
#: A greeting alone on the first line ("Merhaba,", "Hi team,").
_GREETING_LINE = re.compile(r"[^\W\d_]{2,12}(?: [^\W\d_]{2,15})?\s?,")


def _body_lines(body: str) -> list[str]:
    """The body's lines that hold text, stripped: where a person frames or signs a paste."""
    return [line.strip() for line in body.strip().splitlines() if line.strip()]


def _greets_and_signs_by_name(body: str) -> bool:
    """The body opens with a greeting alone on its line and ends with a given name alone on
    its line ("Emre", "Ayşe"): how a person frames what they paste."""
    lines = _body_lines(body)
    if len(lines) < 3 or not _GREETING_LINE.fullmatch(lines[0]):
        return False
    name = lines[-1]
    return 2 <= len(name) <= 15 and name.isalpha() and name[0].isupper() and name[1:].islower()


def _signs_as_the_sender(v: MessageView) -> bool:
    """Among the body's last lines, a closing formula and then the sender's own display name
    of two words or more."""
    names = {fold(name).strip().lower() for name, _ in v.mailboxes if len(name.split()) >= 2}
    lines = _body_lines(v.msg.body)[-6:]
    return any(
        CLOSING.match(line) and fold(after).strip().lower() in names
        for line, after in zip(lines, lines[1:], strict=False)
    )


#: The headers of one of several messages, pasted below ("Headers van één van de berichten
#: hieronder:", set 768): a person showing what their side received.
HEADERS_OF_ONE_BELOW = (
    r"(?:de )?headers van (?:een|één) van (?:de|die|jullie|uw) berichten hieronder"
)
#: A team introducing itself ("We're the IT team", "Wij zijn de ICT-afdeling van …"), its
#: own gateway or filter, or the headers it pastes for the reader ("Full headers below").
_OUR_SIDE = re.compile(
    r"\b(?:we are|we're|wij zijn|we zijn) (?:the|de|het)\b"
    r"|\b(?:our|onze|ons) (?:e-?mail ?|mail ?)?(?:gateway|spam ?filter|mail ?filter)\b"
    r"|\bfull headers (?:below|hieronder)\b"
    # ... also "Onze mailgateway zet … in quarantaine. Zie de headers hieronder", "komen bij
    # ons als spam binnen. Headers van een voorbeeld:" (set 621; 0 of the 1,013 blind
    # returned copies).
    r"|\b(?:komen|komt|belanden|belandt|landen|landt) bij ons\b|\bheaders van een voorbeeld\b"
    r"|\bzie (?:de )?headers? hieronder\b|\bsee the headers below\b"
    # ... or asks the reader to pass it on, as their users get it ("Please pass this on to
    # your postmaster. Our users get the bounce below … Full headers:", set 855).
    r"|\bplease pass (?:this|it) on to\b|\bour (?:users|students|staff|colleagues|residents)"
    r" (?:get|got|receive|received|see|saw) the (?:bounce|error|message|melding)\b"
    # ... and in German ("… bei uns in der Quarantäne landen. Auszug aus den Headern:", set
    # 625; 0 of the 1,013 blind returned copies).
    r"|\bauszug aus den (?:headern|kopfzeilen)\b|\bbei uns (?:in der quarantane|im spam)\b"
    # ... or opens a sentence with them ("Headers hieronder:"), or says where the mail ends
    # up on their side ("Bij ons staat het bericht als spam gemarkeerd", set 451).
    r"|(?:^|[.!?:]\s)headers? (?:below|hieronder)\b|"
    + HEADERS_OF_ONE_BELOW
    + r"|\bbij ons (?:staat|staan|komt|komen|wordt|worden|belandt|landt)\b"
    # ... or passes it on as a note, about a colleague ("FYI, de headers van jullie bericht
    # aan onze medewerker:", set 451).
    r"|\b(?:fyi|ter info(?:rmatie)?|just to let you know)\b|\bonze? (?:medewerker|collega)s?\b"
    # ... or what reaches them of ours ("We krijgen jullie ontvangstbevestigingen dubbel
    # binnen", set 473).
    r"|\b(?:we|wij) (?:krijgen|ontvangen|zien) (?:jullie|uw)\b|\bwe (?:get|receive|see) your\b"
    # ... or what they see of ours ("Wij zien dat berichten van jullie soms zonder
    # DKIM-handtekening binnenkomen", set 481).
    r"|\b(?:wij|we) zien dat\b|\bwe see that\b"
    # ... or what their own server held of ours, mail of theirs that they never sent, or
    # their filter's verdict ("die bei uns abgewiesen wurde", "berichten die wij nooit
    # verstuurd hebben", "Volgens ons filter faalt de DKIM-check", set 606; no blind
    # automatic message says these).
    r"|\b(?:bij ons|bei uns|chez nous)\b[^.\n]{0,40}\b(?:tegengehouden|abgewiesen|geweigerd"
    r"|geblokkeerd|blockiert|zuruckgewiesen|afgewezen|bloque|rejete)"
    r"|\b(?:wij|we) (?:\w+ )?(?:nooit|never) (?:verstuurd|verzonden|gestuurd|sent)\b"
    r"|\bvolgens (?:ons|onze) (?:\w+ ?)?filter\b|\baccording to our (?:\w+ )?filter\b"
    r"|" + MEMBERS_MISS_OURS,
    re.IGNORECASE,
)
#: A closing word, as a person signs off (folded).
_SIGN_OFF_WORD = re.compile(
    r"\b(?:regards|groet\w{0,2}|mvg|cheers|gruss|grusse|cordialement|saluti|saludos)\b",
    re.IGNORECASE,
)
#: A person's name on a line of its own ("Nuria Garcia Ortega", "Ivana Vukovic").
NAME_LINE = re.compile(
    r"(?-i:[A-Z][a-z]{1,20})(?: (?:(?:van|de|der|den|von|le|la|da|di|el|ten|ter) )*"
    r"(?-i:[A-Z][\w'-]{1,25})){1,3}"
)


def answers_as_a_person(v: MessageView, *, client_reply: bool = True) -> bool:
    """A person's voice, a greeting to the desk, a phone's footer, or a reply their client
    made ("Re: …", "AW: …") over text with no mail system's words: how people answer our
    mail ("Ok, dank je wel!", "Nee", "Beste privacy desk, in onze logs …")."""
    head = v.head_text
    if a_person(v) or _GREETS_THE_DESK.match(head) or MOBILE_FOOTER.search(head):
        return True
    return bool(
        client_reply
        and CLIENT_REPLY.match(v.subject)
        and not _MAIL_SYSTEM_WORDS.search(head)
        and not _BOUNCE_WORDS.search(head)
    )


#: "Beste privacy desk", "Dear privacy team": a notice greets its reader as "sender".
_GREETS_THE_DESK = re.compile(
    # after a ticket tool's marker line ("##- Typ uw antwoord boven deze regel -##")
    r"(?:[#\s-]{0,6}(?:please )?(?:typ|type|bitte)\b[^#]{0,60}\b(?:regel|line|zeile)\b[#\s-]{0,6})?"
    r"\W{0,3}(?:beste|geachte|dear|hallo|hello|hi|goedemorgen|goedemiddag|guten tag|liebes?"
    r"|bonjour)\s(?:\w+\s)?(?:privacy|privacyteam|privacy-?desk|functionaris|fg|dpo"
    r"|conxillium|datenschutz)",
    re.IGNORECASE,
)


#: A whole reply of a word or two ("ok", "Ja, klopt", "thanks!").
_SHORT_REPLY = re.compile(
    r"\W{0,3}(?:ok(?:e|ay)?|ja|yes|yep|nee|no|prima|klopt|top|thanks|thank you|dank(?:je|u|e)?"
    r"|bedankt|merci|danke|gracias|grazie)(?:[\s,!.]+\w{1,10}){0,2}\W{0,3}",
    re.IGNORECASE,
)
#: Words a bounce or notice above a returned copy uses.
_BOUNCE_WORDS = re.compile(
    r"\b(?:deliver\w{0,4}|undeliver\w{0,6}|bezorg\w{0,4}|afgeleverd|zustell\w{0,4}|remis"
    r"|failed|mislukt|fehlgeschlagen|returned|retour\w{0,4}|bounce\w{0,2}|rejected|geweigerd"
    r"|complaint|klacht\w{0,8}|spam|abuse|quarantin\w{0,2}|quarantaine|blocked|geblokkeerd"
    r"|report\w{0,3}|notification|melding|automati\w{1,8}|mailer|postmaster|daemon)\b",
    re.IGNORECASE,
)


#: "Please respond", "graag een reactie": a person over our own mail, asking to be answered
#: (a notice's "please do not reply to this message" is no such request).
_ANSWER_REQUEST = re.compile(
    r"\b(?:please|pls|graag|bitte|svp|s'il vous pla[i~]t|por favor|per favore)\s(?:\w+\s){0,2}"
    r"(?:respond|reply|answer|react|reageer\w{0,2}|reactie|antwoord\w{0,2}|antworten"
    r"|repondre|responder|rispondere)\b"
    r"(?!\s(?:to|op|auf|a|on)\s(?:this|dit|deze|diese|ce|cette|questa|este)\b)",
    re.IGNORECASE,
)


def smtp_diagnostic(v: MessageView) -> str | None:
    """A mail server's diagnostic line ("#5.1.1 smtp;550 5.1.1 …", "smtp; 550 5.2.2"):
    its notation, not a person's, unless a person pasted it under a question.  Read in
    the writer's own text only: a bounce forwarded under "FYI" is a person's mail, and so
    is one pasted under a note ("Ter info.", "Goedemiddag,")."""
    # ... nor one signed by a person who explains it ("Logregel ter info: … Regards, Fleur
    # Nieuwenhuis, IT Operations", set 394).
    if v.human_voice or v.first_person or opens_with_a_note(v) or closes_with_a_name(v):
        return None
    # ... nor under a note for the reader (``_informs_its_reader``, set 879).
    if _informs_its_reader(v):
        return None
    # ... nor one who acts as only a person does (a lawyer's "Wij verzoeken u dit verzoek in
    # behandeling te nemen" above a forwarded report, set 526).
    if passes_on_or_acts(v.own_words):
        return None
    found = structure.smtp_diagnostic("\n".join(v.head))
    return f"mail-server diagnostic {found!r}" if found else None


#: What became of the reader's message, said in the passive about it: delivered or not,
#: returned, received by someone named or "but not read", not read.  "Uw bericht aan x@…
#: kon niet worden afgeleverd", "The message 'Auto: …' sent on … was not delivered to all
#: recipients".  Received alone is left out: "Uw bericht is in goede orde ontvangen" is
#: how people thank a desk for its reply.
_FATE_OF_YOURS = re.compile(
    r"\b(?:uw|your|dit|this|the|het|ihre|diese|votre|ce)\s(?:\w+\s)?(?:bericht|message|e-?mail"
    r"|mail|nachricht)\b.{0,140}?\b(?:is|was|has|kon|could|wurde|konnte|ist|a ete|n'a pas pu"
    r" etre)\s(?:\w+\s){0,5}(?:(?:bezorgd|afgeleverd|delivered|teruggestuurd|returned|zugestellt"
    r"|zuruckgeschickt|remis|distribue|retourne)\b"
    r"|(?:ontvangen|received|erhalten|recue?)\s(?:door|by|von|par|maar|but|aber|mais)\b"
    r"|(?:niet|not|nicht|pas)\s(?:\w+\s)?(?:gelezen|read|gelesen|lue?|doorgestuurd|forwarded"
    r"|weitergeleitet|transf[e~]r[e~]e?)\b)",
    re.IGNORECASE,
)
#: "Your message has been received by our system": a system speaking, even under "Re:".
_RECEIVED_BY_A_SYSTEM = re.compile(
    r"\b(?:received|ontvangen|erhalten|recu) (?:by|door|von|par) (?:our|ons|onze|unser\w{0,2}"
    r"|notre) (?:system|systeem|server|mailserver|mail ?system)\b",
    re.IGNORECASE,
)
#: A notice this short says one thing; a person's note about a bounce says more.
_FATE_CHARS = 320


def fate_notice(v: MessageView) -> str | None:
    """A notice of a line or two telling the sender what became of their message: a
    mailbox's own server answering under a neutral subject, from the recipient's own
    address, often with the recipient's own (BATV, SRS) envelope, so no header tells.
    People who write about a message's fate speak for themselves ("my earlier message
    was delivered?", "ik kreeg dit terug"), ask, type our code, answer our mail as people
    do, or say more."""
    head = v.head_text
    by_a_system = _RECEIVED_BY_A_SYSTEM.search(head)
    # A person's client forwarding a bounce on ("TR: Non remis : …"): no notice does that.
    if FORWARD_PREFIX.match(v.subject):
        return None
    if len(head) > _FATE_CHARS or "?" in head or (answers_as_a_person(v) and not by_a_system):
        return None
    text = URL.sub(" ", head)
    if FIRST_PERSON_ANY.search(text) or TYPED_CODE.search(text):
        return None
    # ... nor one who handed it on inside their organisation ("Uw bericht is bezorgd bij de
    # juiste afdeling", a receptionist, set 417): a system forwards "naar de juiste
    # afdeling" at most (0 of the 63 blind notices this rule took; signing with a name cost
    # 3 of them).
    if _RIGHT_DEPARTMENT.search(text):
        return None
    # ... nor one who does what only a person does ("We received a notice that your email
    # could not be delivered to our old domain", set 558).
    if passes_on_or_acts(text):
        return None
    found = _FATE_OF_YOURS.search(text)
    # (Not a fate foretold: "Maybe you receive some error message or the message is
    # returned. Please send again on Monday", a hosting firm's staff before a server move,
    # set 887; a notice says what became of the message.)
    # (Only a fate foretold, the hedge beside the reader's receiving or a time ahead: "Uw
    # bericht aan x@… is mogelijk niet afgeleverd" is a notice that hedges a fate that came,
    # the attacker's review s60.)
    sentence = _sentence_around(text, found.start()) if found else ""
    if found and _MAYBE.search(sentence) and _FORETOLD.search(sentence):
        return None
    return f"notice of a message's fate {found.group(0)[:60]!r}" if found else None


#: A fate that may come, not one that came ("Maybe you receive …", "Misschien krijgt u …").
_MAYBE = re.compile(
    r"\b(?:maybe|perhaps|possibly|might|misschien|wellicht|mogelijk(?:erwijze)?|eventueel"
    r"|vielleicht|moglicherweise|eventuell|peut-etre|eventuellement)\b",
    re.IGNORECASE,
)


#: The reader receiving something ("you receive", "krijgt u", "erhalten Sie"), or a time
#: still ahead ("then", "next week", "dit weekend", "morgen").
_FORETOLD = re.compile(
    r"\b(?:receiv\w{0,3}|get|gets|getting|krijg\w{0,2}|ontvang\w{0,2}|erhalt\w{0,2}"
    r"|bekomm\w{0,2}|recev\w{0,4}|recoi\w{0,4}"
    r"|then|dan|next|volgende|komende?|tomorrow|morgen|dann|nachste\w?|demain|prochaine?"
    r"|this weekend|dit weekend|dieses wochenende|ce week-end)\b",
    re.IGNORECASE,
)


def _sentence_around(text: str, at: int) -> str:
    """The sentence of ``text`` that holds the character at ``at``."""
    start = max(text.rfind(mark, 0, at) for mark in (". ", "! ", "? ")) + 1
    ends = [i for i in (text.find(mark, at) for mark in (". ", "! ", "? ")) if i != -1]
    return text[start : min(ends) + 1 if ends else len(text)]


def _around_the_copy(v: MessageView) -> tuple[list[str], str]:
    """The writer's lines above the returned copy's first field, and, folded, their lines
    below it that are not header fields or quoted lines (in the writer's own part: a
    returned letter of ours below its headers is not read, where our own questions
    stand)."""
    above: list[str] = []
    below: list[str] = []
    started = False
    for line in v.head:
        if _COPY_START.match(line):
            started = True
        elif not started:
            above.append(line)
        elif line.strip() and not _FIELD_OR_QUOTE.match(line):
            below.append(line)
    return above, fold(" ".join(below))


#: What a server says of a copy it returns quoted with "| ": a delivery failure in its
#: words, or "onbestelbaar", "rejected", "has been quarantined".
_RETURNED_FOR = re.compile(
    _DELIVERY_FAILED.pattern
    + r"|\b(?:couldn't be delivered|niet (?:worden )?(?:bezorgd|afgeleverd)|onbestelbaar"
    r"|nicht zugestellt|unzustellbar|non remis|rejected|geweigerd|quarantined|in quarantaine"
    r"|returned to sender|retour afzender)\b",
    re.IGNORECASE,
)
#: A call or an agreement the writer refers to ("zoals gevraagd aan de telefoon", "as
#: discussed", "wie telefonisch besprochen"): what people do, not mail systems, whose "as
#: requested" is a success notice's (NOTIFY=SUCCESS) and so not here.
AS_AGREED = re.compile(
    r"\b(?:zoals|as|wie|comme) (?:\w+ ){0,3}?(?:aan de telefoon|telefonisch|per telefoon"
    r"|on the phone|by phone|over the phone|am telefon|au telephone)\b"
    r"|\b(?:zoals (?:besproken|afgesproken|beloofd)|as (?:discussed|agreed|promised)"
    r"|wie (?:besprochen|vereinbart|versprochen)|comme convenu)\b",
    re.IGNORECASE,
)
#: A person presenting headers they were asked for ("Zoals gevraagd, de headers:").
_PASTED_ON_REQUEST = re.compile(
    r"\b(?:zoals gevraagd|as requested|as you asked|wie gewunscht|hieronder|below|headers?"
    r"|kopregels)\b",
    re.IGNORECASE,
)


_FIELD_OR_QUOTE = re.compile(r"^\s|^[\w-]{2,40}\s?:\s|^[>|]")
_RIGHT_DEPARTMENT = re.compile(
    r"\b(?:bezorgd|afgegeven|neergelegd) bij de juiste (?:afdeling|collega|persoon)\b"
    r"|\b(?:delivered|handed) to the right (?:department|colleague|person)\b",
    re.IGNORECASE,
)
#: Our acknowledgment's own subject, as we sent it ("Auto: [PRV-2026-04593] …").
_OUR_ACK_SUBJECT = re.compile(r"^\s*auto:\s?\[prv-\d{4}-\d{5}\]", re.IGNORECASE)
#: Our own address on a quoted header line ("From: Conxillium Privacy <privacy@…>").
_FROM_LINE = re.compile(
    r"^\W{0,3}(?:from|van|von|de|da)\s?:.{0,80}?<?([\w.+-]+@[\w.-]+)>?\s*$", re.I
)


def our_subject_unchanged(v: MessageView) -> str | None:
    """Our acknowledgment's subject kept exactly, from another sender: a forwarding rule
    or a failing mailbox sending our mail back.  People's clients answer "Re:" and
    forward "Fw:"; only a system keeps "Auto: [PRV-…]" as it was.  Automatic when the
    writer adds nothing above our mail, or a line or two of a mail system's words
    ("Message could not be processed: mailbox locked"); never in a person's voice or the
    first person."""
    if not _OUR_ACK_SUBJECT.match(v.msg.subject or "") or a_person(v):
        return None
    head = v.head_text
    if not head:
        lines = v.msg.body[:HEAD_CHARS].replace("\r", "").split("\n")
        ours = (v.our_address or "").lower()
        for line in lines[:12]:
            found = _FROM_LINE.match(line.strip())
            if found and ours and found.group(1).lower() == ours:
                return "our acknowledgment sent back unchanged, without a word"
        return None
    text = URL.sub(" ", head)
    if len(text) > _FATE_CHARS or "?" in text or TYPED_CODE.search(text):
        return None
    found = (
        _MAIL_SYSTEM_WORDS.search(text) or _BOUNCE_WORDS.search(text) or _REPORT_WORDS.search(text)
    )
    return f"our acknowledgment's subject kept, with {found.group(0)[:30]!r}" if found else None


#: A report's field or a processor's failure, under our subject kept.
_REPORT_WORDS = re.compile(r"\boriginal-message-id\s?:|\bcould not be processed\b", re.I)
