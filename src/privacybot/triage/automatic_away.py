"""Out-of-office and absence notices: by subject in many languages, or by the notice itself.

Why a module of its own: absences are the largest and most varied class of
automatic mail (every language, every client, often with no machine header at
all), and the one a person's mail most resembles: "I am away until Monday,
please delete my data" is a citizen.  So every rule here weighs the notice's
shape (short, a return date or a colleague, no question, no request) against
the writer's voice.
"""

from __future__ import annotations

import re

from privacybot.cases.threading import TOKEN_RE
from privacybot.triage.automatic_headers import (
    PASSES_ON,
    TELL_US,
    bounce_handling_envelope,
    relays_a_form,
    suppress_auto_answer,
)
from privacybot.triage.automatic_lexicon import compile_phrases, load_lexicon
from privacybot.triage.automatic_subjects import (
    CJK,
    OOF_SUBJECTS_MORE,
    OOF_TAIL_WORDS,
    fold,
)
from privacybot.triage.automatic_view import (
    ADDRESS,
    CLIENT_REPLY,
    FORWARD_PREFIX,
    FYI_LEAD,
    LONG_NOTICE,
    MAILBOX_NO_LONGER_READ,
    MOBILE_FOOTER,
    NOT_AUTOMATIC,
    OUR_REFERENCE,
    PERSON_REQUEST,
    TYPED_CODE,
    URGENT_QUESTION,
    URL,
    YOUR_MESSAGE,
    MessageView,
    alternation,
    answers_us,
    asks_or_owns,
    closes_with_a_name,
    first_person_in,
    local_part,
    not_the_writers,
    passes_on_or_acts,
    quotes_below,
    without_conditional_questions,
    without_our_subject,
)

#: Out-of-office subjects that only autoresponders write: at the start, any continuation.
OOF_SUBJECTS: tuple[str, ...] = (
    r"auto(?:matic|matische?|matisch|matiskt?|maattinen|matique|m\.)?[-_ ]?(?:reply|response"
    r"|respons|antwoord|antwort|answer|svar|vastaus|r[e~]ponse|bericht|melding|nachricht|reactie)",
    r"autoreply|autoresponder|auto[-_ ]?(?:risposta|respuesta|resposta)",
    r"r[e~]ponse automatique|risposta automatica|respuesta autom[a~]tica"
    r"|resposta autom[a~]tica|odpowied[z~] automatyczna|automatyczna odpowied[z~]"
    # ... and Polish Outlook's short form ("Odp. automatyczna:", set 669).
    r"|odp\.? automatyczna(?=\s?:)"
    r"|automatick[a~] odpov[e~][d~]"
    r"|automatikus v[a~]lasz|otomatik yan[i~]t|автоматическии ответ|自动回复|自動応答|自動回覆",
    r"out of (?:the )?of{1,2}ice(?! hours)|out-of-office|ooo\b",
    r"vacation (?:reply|message|notice|response)|holiday (?:reply|notice)|absence notice",
    r"afwezigheids(?:bericht|melding|assistent|notitie)",
    r"abwesenheits(?:notiz|nachricht|meldung|assistent)|urlaubsabwesenheit",
    r"message d'absence|absence du bureau|absent du bureau",
    r"fr[a~]nvaro(?:meddelande|svar)|frav(?:æ|ae|a|~)rs?(?:melding|besked)|autosvar",
    r"poissaolo(?:viesti|ilmoitus)|lomavastaaja|nieobecno[s~][c~] w biurze",
    # Irish ("Freagra uathoibríoch").
    r"freagra uathoibr[i~]och",
    # Basque ("Erantzun automatikoa", set 345).
    r"erantzun automatikoa",
    # Swahili ("Jibu la kiotomatiki", set 356).
    r"jibu la kiotomatiki",
    *OOF_SUBJECTS_MORE,
)
#: Words that may head a human subject too ("Afwezig", "Absent"): automatic only when the
#: writer's own text is short and speaks of being away and coming back.
OOF_WEAK_SUBJECTS: tuple[str, ...] = (
    r"afwezig(?:heid)?|niet aanwezig|niet op kantoor|met vakantie|vakantie|(?:met )?\w{0,14}verlof",
    r"abwesend|abwesenheit|(?:ich bin )?nicht im b[u~]ro|urlaub",
    r"absence|absent(?:e)?|(?:en )?cong[e~]s?(?: d'[e~]t[e~])?|hors du bureau|(?:en )?vacances",
    r"fuori (?:sede|ufficio)|assente|fuera de la oficina|ausente|fora do escrit[o~]rio",
    # ... Italian "Assenza" and Dutch "Uit kantoor" (sets 682 and 686).
    # (Not "Assenza - lettera" nor "Uit kantoor: laptop gestolen", the attacker's review.)
    r"assenza(?=\s?:|\s*$)|uit kantoor(?=\s?:.{0,120}\bprv-\d{4}-\d{5})",
    # Catalan ("Absència", set 531).
    r"absencia|absent de l'oficina",
    # Estonian and Lithuanian "I am away / on leave / not at work" (set 536).
    r"olen (?:kontorist )?eemal|olen puhkusel|nesu darbe|esu atostogose",
    # Hindi and Urdu "(I am) on leave" (set 545), folded as subjects are.
    fold("अवकाश पर") + "|" + fold("छुट्टी पर") + "|" + fold("چھٹی پر"),
    r"(?:de |en )?vacaciones|(?:in )?(?:ferie|vacanza)|(?:de |em )?f[e~]rias|(?:na )?urlop\w{0,3}",
    r"fr[a~]nvar(?:o|ande)|frav(?:æ|ae|a|~)r(?:ende)?|ikke til stede|ferie|semester",
    # Croatian, Serbian and Bosnian ("Odsutan", "Odsutna").
    r"odsutn(?:a|an|i|ost)",
    # Swahili "(on) leave" ("Likizo", set 573).
    r"likizo(?:ni)?",
    # Turkish "annual leave" ("Yıllık izin", set 599).
    r"yillik izin(?:deyim)?",
    # Frisian ("Net oanwêzich", "Ik bin oant 23/08 net oanwêzich").
    r"net oanwezich|afwezich",
    # Greek, Cyrillic (Russian, Ukrainian, Bulgarian, Serbian), Czech and Slovak, Polish,
    # Hungarian, Romanian, Slovenian, Turkish and the Baltic languages, folded (й as и).
    r"απουσια|εκτος γραφειου|σε αδεια|отпуск|в отпуске|отсутств\w{0,6}|отсъств\w{0,6}"
    r"|вне офиса|извън офиса|відпустка|у відпустці|відсутн\w{0,6}|одсутан|одсутна",
    r"mimo (?:kancel[a~]r|u[r~]ad)\w{0,2}|dovolen[a~]|nepr[i~]tomn\w{0,4}|nieobecn\w{0,4}"
    r"|poza biurem|szabads[a~]g\w{0,3}|h[a~]zon k[i~]v[u~]l|t[a~]voll[e~]t"
    r"|[i~]n afara biroului|absent(?:a)? din birou|odsot(?:en|na|nost)"
    r"|dopust|izinde|ofis d[i~][s~][i~]nda"
    r"|puhkusel|eemal|atvalinajum\w{0,3}|prombutn\w{0,4}|atostog\w{0,4}",
    r"poissaolo|poissa|lomalla|away from (?:the |my )?(?:office|desk)|away|on (?:annual "
    r"|maternity |parental |paternity |sick |study )?leave|(?:maternity|parental|paternity)"
    r" leave|on vacation|on holiday|vacation|holiday|annual leave",
    r"(?:i am|i'm|i will be) (?:currently )?(?:out of (?:the )?office|away(?: from (?:the |my )?"
    r"(?:office|desk))?|on (?:annual )?leave|on vacation|on holiday)"
    r"|ik ben (?:momenteel )?(?:afwezig|niet aanwezig|niet op kantoor|met vakantie|op vakantie"
    r"|met verlof)|ich bin (?:derzeit )?(?:nicht im b[u~]ro|abwesend|im urlaub|au(?:ss|ß)er haus)"
    r"|je suis (?:actuellement )?(?:absente?|en cong[e~]s?)|estoy (?:fuera de (?:la )?oficina"
    r"|de vacaciones|ausente)|sono (?:fuori (?:sede|ufficio)|in ferie|assente)"
    r"|estou (?:fora do escrit[o~]rio|de f[e~]rias|ausente)",
)
#: Away wording in Bulgarian, Ukrainian, Romanian, Croatian and Hungarian ("съм извън
#: офиса", "не в офісі", "після повернення", "nu sunt la birou", "izvan ureda", "nakon
#: povratka", "távol vagyok", set 637): asked only under a subject's absence word, as no
#: request in those languages is recognised (the attacker's review: "Ik stuur het contract
#: na terugkomst" in Croatian under our acknowledgment's subject is a person).
_AWAY_BODY_MORE = re.compile(
    r"\b(?:извън офиса|не в офісі|після повернення|след завръщането|nu sunt la birou"
    r"|izvan ureda|nakon povratka|tavol vagyok|szabadsagon vagyok|visszateresem utan"
    # ... and Romanian "I am out of the office until …" ("Sunt în afara biroului până pe 17
    # noiembrie", set 685).
    r"|sunt in afara biroului|in afara biroului pana|dupa intoarcere|la intoarcere)\b",
    re.IGNORECASE,
)
_AWAY_BODY = re.compile(
    r"\b(?:until|till|back on|return(?:ing)? on|be back|away|absent|out of (?:the )?office"
    r"|on (?:annual )?leave|vacation|holiday|tot en met|t/m|terug op|weer aanwezig|afwezig"
    r"|vakantie|verlof|bis (?:zum|einschlie\w{0,6})|zur[u~]ck|abwesend|urlaub|jusqu'au|de retour"
    r"|mon retour|wieder erreichbar|weer bereikbaar|wieder im b[u~]ro"
    r"|nicht im b[u~]ro|au(?:ss|ß)er haus"
    r"|absente?|cong[e~]s?|fino al|assente|hasta el|ausente|tillbaka|tilbake|frav(?:æ|ae|a)r"
    r"|semester|ferie|lomalla|poissa|palaan|rientro|rientrer[o~]|sono fuori|regreso|volver[e~]"
    # ... Catalan ("Estic de vacances i tornaré el 30", set 531).
    r"|tornare|de vacances|estic fora"
    # ... Estonian, Lithuanian and Russian ("Olen kontorist eemal kuni 23.11", "Esu
    # atostogose iki …", "Я в командировке до …", set 536).
    r"|eemal|kuni|puhkusel|atostogose|nesu darbe|iki|grizus\w{0,2}|в командировке|в отпуске"
    # ... Hindi and Urdu ("कार्यालय से बाहर", "چھٹی پر", "واپس آ کر", set 545).
    + "|"
    + "|".join(fold(w) for w in ("कार्यालय से बाहर", "वापस", "अवकाश", "چھٹی", "واپس", "دفتر سے باہر"))
    + r"|oanwezich|oant|ledig|till och med|t\.o\.m\.)\b",
    re.IGNORECASE,
)
#: What an away notice offers besides the dates: a colleague, urgency, a later answer.
_AWAY_ALTERNATIVE = re.compile(
    r"\b(?:contact|colleague|collega|kollege|koll[e~]gin|coll[e~]gue|collega|urgent|dringend|spoed"
    r"|bereikbaar|erreichbar|joignable|reachable|limited access|beperkt|will (?:reply|respond"
    r"|answer|read|get back)|reageer|reageren|beantwoord|antworte|r[e~]pondrai|upon my return"
    r"|na (?:mijn )?terugkomst|na mijn terugkeer|nach meiner r[u~]ckkehr|[a~] mon retour"
    r"|receptie|reception|secretariaat|urgente|urgenti|kiireellisiss|br[a~]dskande|haster"
    r"|lees|read (?:my|your)|lese|lesen|lirai|get back to you|after my return|when i return"
    # ... Estonian, Lithuanian and Russian urgency and answers ("Kiireloomulistes
    # küsimustes", "Skubiais klausimais", "Срочно", "atsakysiu", set 536).
    r"|kiireloomulis\w{1,4}|skubi\w{1,4}|срочн\w{0,4}|atsakysiu|piiratud"
    r"|on my return|bij terugkomst|na terugkeer|contacte|contatt\w{1,3}|contacta\w{0,2}"
    r"|kontakt\w{0,4}|wenden sie sich|overgenomen|vervangen|waargenomen|doorgestuurd|forwarded"
    r"|direct (?:any|all|your) (?:correspondence|mail|e-?mails|enquiries|queries|questions)"
    r"|vertreten|vertretung|remplace|sostituit\w"
    # ... and Polish urgency and answers ("W sprawach pilnych proszę dzwonić", "Odpowiem po
    # powrocie", set 669).
    r"|w sprawach pilnych|pilne|odpowiem|po powrocie"
    # ... and Italian ("Risponderò al mio rientro", "accesso limitato alla posta", set 682).
    r"|risponder[o~]|al mio rientro|accesso limitato"
    # ... and German delayed answers ("beantworte E-Mails verzögert", set 693).
    r"|beantworte|verz[o~]gert)"
    # ... or another mailbox to write to ("mail je naar planning@…").
    r"|[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,}",
    re.IGNORECASE,
)
#: "I am away until …" in the writer's own words, in several languages.
_FIRST_PERSON_AWAY = re.compile(
    r"\b(?:i am|i'm|i will be|ik ben|ben ik|ich bin|bin ich|je suis|je serai|jag [a~]r|jeg er"
    r"|olen|sono|saro|estoy|estou|estarei|estare|jestem|jsem)\b(?:[^.!?]|\.(?=\d)){0,60}"
    r"\b(?:away|out of (?:the )?office|absent|afwezig|met vakantie|niet bereikbaar|onbereikbaar"
    r"|met \w{0,16}verlof|on \w{0,12} ?leave|niet aan het werk|niet op het werk|auf reha"
    r"|(?:een paar dagen |even |deze week |vandaag )?weg|er (?:even |deze week |vandaag )?niet"
    r"|ziek|niet bereikbaar|op (?:familiebezoek|reis|cursus|congres)"
    # ... or on the road ("I'm currently travelling and will respond when I'm back", set 458).
    r"|travell?ing|auf reisen|en voyage"
    # ... or recovering ("Ik ben herstellende", set 471).
    r"|herstellende|aan het herstellen|recovering"
    r"|in elternzeit|im mutterschutz|en conge \w{0,12}|de baja|in malattia|in maternita"
    r"|nicht erreichbar|injoignable"
    r"|op vakantie|niet aanwezig|niet op kantoor|abwesend|nicht im b[u~]ro|im urlaub|en cong"
    # (... and "nicht im Hause", set 912.)
    # (Not "wohne aber nicht im Haus Lindenstraße 4", "nicht im Haus meiner Eltern gemeldet",
    # nor "heute nicht im Hause, aber die Unterlagen liegen bei", review s62b.)
    r"|nicht im hause?(?!\s(?:nr\b|\d|[^\W\d_]*(?:stra(?:ss|ß)e|weg|gasse|platz|allee)\b"
    r"|meine[rs]?\b|seine[rs]?\b|ihre[rs]?\b|der\b|des\b|am\b|gemeldet\b|wohnhaft\b|gewohnt\b)"
    r"|,?\s(?:aber|doch|jedoch)\b)"
    r"|absente?|ledig|borte|borta|p[a~] ferie|p[a~] semester|poissa|lomalla|fuori|assente|ausente"
    r"|fuera|on (?:annual )?leave|on vacation|on holiday)\b"
    # ... or in Polish, on leave or sick leave ("Przebywam na zwolnieniu lekarskim", "jestem
    # na urlopie", set 669).
    r"|\b(?:przebywam|jestem) na (?:urlopie|zwolnieniu|l4)\b"
    # ... or gone for good ("I have left the organisation").
    r"|\b(?:i have|i've) left (?:the|this) (?:organi[sz]ation|company|firm|department|team)\b"
    # ... or "I no longer work at this organisation" (set 683).
    r"|\bi no longer work (?:at|for|with|in) (?:the|this) (?:organi[sz]ation|company|firm"
    r"|department|team)\b",
    re.IGNORECASE,
)
#: An autoresponder's name closing a subject after a dash ("… – automatische Antwort").
_OOF_SUFFIX = re.compile(
    r"\s[-–—]\s(?:automatische antwort|automatic reply|automatisch antwoord|auto-?reply"
    r"|r[e~]ponse automatique|risposta automatica|respuesta autom[a~]tica)\s*$",
    re.IGNORECASE,
)
#: At a conference or on a course ("I am attending a conference and will have limited access
#: to my mailbox", set 679; Belgian "Ik ben deze week op opleiding", set 694), or on research
#: leave ("Ich befinde mich im Forschungssemester", set 693): read only under an away
#: subject or Notes' "Auto:", never in a reply to our mail (a doctor "attending a congress
#: until Friday, so the signed copy comes next week" is a person, the attacker's review).
_AT_AN_EVENT = re.compile(
    r"\b(?:i am|i'm|i will be|ik ben|ben ik)\b(?:[^.!?]|\.(?=\d)){0,60}\b(?:attending (?:a |an )?"
    r"(?:conference|congress|training|course|seminar|workshop)|op opleiding)\b"
    r"|\bich befinde mich (?:im|in (?:einem|einer))\s(?:\w+\s)?(?:\w{0,12}semester|urlaub"
    r"|elternzeit|mutterschutz|sabbatical)\b",
    re.IGNORECASE,
)
#: An absence named in a subject's words, inside compounds ("Forschungssemester").
_ABSENCE_WORD = re.compile(
    r"semester|sabbatical|urlaub|verlof|vakantie|vacation|holiday|leave\b|conge|ferie|afwezig"
    r"|absen|abwesen|conference|congres|kongress",
    re.IGNORECASE,
)
#: A request in the text: then a short note under "Vacation" is a person writing.
_ASKS = re.compile(
    r"\b(?:please|pls|graag|alstublieft|aub|bitte|svp|s'il vous|per favore|por favor|delete"
    r"|remove|verwijder|wis|l[o~]sch|stop|inzage|access|copy|kopie|want|wil|would like)\b",
    re.IGNORECASE,
)
#: (A hyphen only when no word runs on from it: "Autoreply-probleem", "Out of
#: office-berichten" are compounds a person names, set 627; 0 of the 226,834 blind automatic
#: subjects, 15 people's.)
_SEP = (
    r"(?:\s*[:–—|(]|\s*-(?![^\W\d_])|\s*$|\s+(?:until|till|tot|bis|jusqu|fino|hasta|at[e~]|do|до|t/m|re:)"
    r"|\s+(?:from|van|vom|du|des|dal)\s+\d)"
)
#: A strong out-of-office prefix may also run into a CJK subject or open a quoted one.
_OOF_SEP = r"(?:" + _SEP[3:-1] + r"|\s*(?=" + CJK + r")|\s*[\[(]|\s+[\"'«“„]|\s*[/,;.!])"
#: "Auto-Reply from Jane Doe": a strong prefix with a name after it; not in a human voice
#: ("Automatic reply from your office never came. Did you get my mail?").
#: A pronoun or article after "van" is a sentence about someone's notice ("Afwezigheidsbericht
#: van jullie FG klopt niet"), not a name.
_OOF_FROM_TAIL = (
    r"\s+(?:from|van|von|de|di|da|for|voor|fur)\s+(?!(?:jullie|uw|je|jouw|de|het|onze|ons|your"
    r"|the|our|my|mijn|ihrer|ihrem|ihres|eurem|votre|notre|la|le|les|su|il|lo)\b)\S"
)
#: Lotus Notes: "AUTO: Jan Jansen is afwezig (terug op …)": the word after AUTO says away.
_LOTUS_AUTO = re.compile(r"^auto\s?:\s?\S.{0,120}", re.IGNORECASE)
_SHORT_AUTO_NOTE = 300
#: Our acknowledgment's subject as we send it ("Auto: [PRV-2026-04593] …", R19).
_OUR_BOT_SUBJECT = re.compile(r"auto\s?:\s?\[prv-", re.IGNORECASE)
#: An automatic thank-you's promise ("… will respond within five working days").
_ANSWER_WITHIN = re.compile(
    r"^\W{0,3}(?:thank you|thanks|bedankt|dank u|danke)\b[^?]{0,160}?\b(?:will|zal|zullen|wird"
    r"|werden) (?:\w+ ){0,2}(?:respond|reply|answer|reageren|antwoorden|antworten) (?:within"
    r"|binnen|innerhalb)\b"
    # ... or that no one answers each mail in person ("Our team … cannot reply to every email
    # personally", set 603; no blind person says it).
    r"|\b(?:cannot|can't|can not|are unable to|unable to) (?:reply|respond|answer) to (?:every"
    r"|each|all) (?:\w+ )?(?:e-?mails?|messages?)(?: \w+)? (?:personally|individually)\b"
    r"|\b(?:niet|geen) (?:op )?(?:elk|ieder) (?:bericht|mailtje|e-?mail) persoonlijk"
    r" (?:beantwoorden|reageren)",
    re.IGNORECASE,
)
_LOTUS_AWAY = re.compile(
    r"\b(?:is|ist|est|e|esta|[a~]r|er|on)\s(?:not\s|niet\s|nicht\s)?(?:out of|away|absent|afwezig"
    r"|abwesend|au(?:ss|ß)er haus|im b[u~]ro|op kantoor|fuori|ausente|fuera|borta|borte|poissa"
    r"|on leave|on vacation|met verlof|met vakantie|im urlaub|en cong)"
    r"|\((?:returning|terug|r[u~]ckkehr|retour|back)\b",
    re.IGNORECASE,
)
#: The writer's own answer named in a subject ("… - alsnog mijn reactie").
_MY_ANSWER = re.compile(
    r"\b(?:mijn|my|meine) (?:reactie|antwoord|reply|response|answer|antwort)\b", re.IGNORECASE
)
#: An autoresponder's own prefix ("Automatisch antwoord", "Automatic reply"): the words a
#: person uses as a topic ("Afwezigheidsmelding - wie helpt mij?") are notices' names.
_REPLY_PREFIX = re.compile(
    r"^(?:auto(?:matic|matisch|matische|matique|m\.)?[-_ ]?(?:reply|response|antwoord|antwort"
    r"|r[e~]ponse)|automatische antwort|r[e~]ponse automatique|risposta automatica"
    r"|respuesta autom[a~]tica|odp\.? automatyczna|autoreply|auto-reply)\b",
    re.IGNORECASE,
)
#: A question of the writer's own about themselves ("wie helpt mij?"), as typed after an
#: out-of-office prefix and a dash ("Afwezigheidsmelding - wie helpt mij?", set 666); a
#: notice echoes the subject it answers after a colon.
_OWN_QUESTION = re.compile(
    r"(?=[^:]{0,80}\b(?:mij|me|my|mijn|mich|mein\w{0,2}|moi)\b)[^:]{1,80}\?", re.IGNORECASE
)
_OOF_SUBJECT = alternation(
    OOF_SUBJECTS,
    r"(?:\s+(?:reply|response|message|notice|notification|bericht|melding|antwort|nachricht|"
    + OOF_TAIL_WORDS
    + "))?"
    + _OOF_SEP,
)
#: ... not as a question ("Automatic reply? I'm travelling", set 347): a person asking.
_OOF_SUBJECT_ANY = alternation(OOF_SUBJECTS, r"(?:(?!\?)\W|$)")
_OOF_SUBJECT_FROM = alternation(OOF_SUBJECTS, _OOF_FROM_TAIL)
#: ... also run straight into our subject, as some autoresponders prefix it without a
#: colon ("Frånvaro Uw inzageverzoek [PRV-2026-02102]").
_OOF_WEAK_SUBJECT = alternation(
    OOF_WEAK_SUBJECTS, r"(?:" + _SEP + r"|\s+(?=[^\[\]]{0,120}\[prv-\d{4}-\d{5}\]))"
)
_OOF_WEAK_UNTIL = alternation(
    OOF_WEAK_SUBJECTS,
    r"\s+(?:until|till|tot(?: en met)?|t/m|bis|jusqu|fino|hasta|at[e~]|do|до|εως|μεχρι)\s+\w",
)
#: A date or weekday an away notice gives for the return, in figures or month names.
_RETURN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?\b"
    # ... not a section of a contract or law ("under section 6.3 of our DPA").
    r"|(?<!section )(?<!sectie )(?<!artikel )(?<!article )(?<!art\. )(?<!clause )(?<!§ )"
    r"(?<!paragraph )(?<!lid )\b\d{1,2}[./-]\d{1,2}\b"
    r"|\b\d{1,2}\.? ?(?:jan|feb|m[aa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t"
    r"|nov|de[cz]|mei|mrt|juin|juil|ao[u~]t|ene|abr|ago|dic|gen|giu|lug|ott|stycz|lut|kwie|czerw|lip"
    r"|sierp|wrze|pazdz|listop|grud)\w{0,8}\b"
    # ... and Bulgarian, Ukrainian and Croatian month names ("след 4 декември", "9 листопада",
    # "5. studenoga", set 637), folded.
    r"|\b\d{1,2}\.? (?:януари|февруари|март|април|маи|май|юни|юли|август|септември|октомври"
    r"|ноември|декември|сiчня|січня|лютого|березня|квiтня|квітня|травня|червня|липня|серпня"
    r"|вересня|жовтня|листопада|грудня|sijecnja|veljace|ozujka|travnja|svibnja|lipnja|srpnja"
    r"|kolovoza|rujna|listopada|studenoga|prosinca)\b"
    # ... and Lithuanian, month first ("iki lapkričio 21 d.", set 536).
    r"|\b(?:sausio|vasario|kovo|balandzio|geguzes|birzelio|liepos|rugpjucio|rugsejo|spalio"
    r"|lapkricio|gruodzio) \d{1,2}\b",
    re.IGNORECASE,
)


#: A single away line under a weak subject word, in any language: no room for a request.
_SHORT_AWAY_LINE = 160

#: The sender greeted as such, as a line of its own ("Beste afzender,", not "Beste afzender
#: van deze brief,"): a template's greeting to whoever wrote; narrower than
#: ``_TO_ANY_SENDER``, whose "Geachte heer/mevrouw" is also the commonest greeting of
#: citizens.
_SENDER_GREETING_ALONE = re.compile(
    r"\W{0,3}(?:beste|geachte|dear|hallo|hello)\s(?:afzender|sender)\s?[,!]?\s*", re.IGNORECASE
)
#: An autoresponder's greeting to whoever wrote ("Beste afzender", "Dear sender").
_TO_ANY_SENDER = re.compile(
    r"\W{0,3}(?:beste|geachte|dear|hallo|hello|sehr geehrte|liebe|cher|chere)\s(?:\w+\s)?"
    r"(?:afzender|sender|correspondent|absender(?:in)?|expediteur|damen und herren|heer/mevrouw"
    r"|sir or madam|sir/madam)\b",
    re.IGNORECASE,
)


#: An away notice's offer to whoever wrote, their matter named as theirs ("If your query is
#: urgent, please contact …", "Is uw vraag dringend, mail dan …"): a template for any sender.
_IF_YOURS_IS_URGENT = re.compile(
    r"\b(?:if your (?:query|enquiry|inquiry|matter|question|message|e-?mail|request) is"
    r" (?:urgent|pressing|time-sensitive)|(?:is|als) uw (?:vraag|bericht|e-?mail|verzoek|zaak)"
    r" (?:dringend|urgent|spoedeisend)|(?:ist|wenn) ihr (?:anliegen|anfrage|nachricht|e-?mail)"
    r" (?:dringend|eilig))\b",
    re.IGNORECASE,
)


#: Where a subject written in several languages changes language.
_SUBJECT_LANGUAGES = re.compile(r"\s?[/|]\s?")


#: An absence still to come: a person telling us ahead ("je serai absente la semaine
#: prochaine", "I'm out of office from tomorrow", "away at ICEGOV 2026 from tomorrow", "Ik
#: ga vanaf maandag met verlof", "ik ben vanaf morgen drie weken weg", "volgende week met
#: kerstvakantie", "before my leave starts"); an autoresponder runs while its owner is
#: away, and its "vanaf maandag ben ik er weer" is the return, "away until next week" or
#: "abwesend und ab Montag wieder da" its end, and "from Monday 15 June" its set-up dates.
_AWAY_WORD = (
    r"(?:afwezig|absente?|absence|away|out of (?:the )?office|abwesend|ausente|assente|met"
    r" \w{0,14}verlof|\w{0,14}verlof|op \w{0,10}vakantie|\w{0,10}vakantie|on (?:annual )?leave"
    r"|on holiday|on vacation|im \w{0,10}urlaub|en conge|\w{0,10}urlaub|nicht erreichbar"
    r"|niet bereikbaar|not reachable|unreachable|unavailable|weg"
    # ... "Ik ben volgende week niet op kantoor" (set 453).
    r"|niet op (?:kantoor|het werk)|not in the office|nicht im buro"
    # ... or a stay in hospital still to come ("Ik lig vanaf maandag in het ziekenhuis",
    # set 660): a notice runs while its owner is away, and says so of now.
    r"|ziekenhuis|hospital|krankenhaus"
    # ... or a trip abroad still to come ("Volgende week ben ik met studiereis in het
    # buitenland en heb ik beperkt internet", set 899).
    r"|\w{0,10}reis|in het buitenland|abroad|im ausland|a l'etranger)"
)
_AHEAD = (
    r"(?:next week|volgende week|komende week|n[a~]chste woche|la semaine prochaine"
    r"|la (?:proxima|pr[o~]xima) semana|la settimana prossima"
    r"|(?:from|vanaf|starting|ab|a partir de|des) (?:tomorrow|morgen|demain|manana|next \w+"
    r"|volgende \w+|(?:maandag|dinsdag|woensdag|donderdag|vrijdag|monday|tuesday|wednesday"
    r"|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi"
    r"|vendredi)(?!,? \d)))"
)
#: Words between an absence and a day that make the day its end, not its start.
_RETURN_WORD = (
    r"(?:until|till|tot|t/m|bis|jusqu\w*|fino|hasta|and|en|und|et|but|maar|aber|mais|back"
    r"|terug|weer|wieder|again|zuruck|retour|i|ik|ich|je|we|wij)"
)


def _with_a_day_ahead(word: str) -> str:
    """``word`` with a day still to come after it (within five words, none of them a return
    word) or before it (within three): one pattern for every kind of absence ahead."""
    return (
        rf"\b{word}(?: (?!{_RETURN_WORD}\b)[\w-]+){{0,5}} {_AHEAD}\b"
        rf"|\b{_AHEAD}(?: (?:\w+ ){{0,3}})?{word}"
    )


_FUTURE_ABSENCE = re.compile(
    _with_a_day_ahead(_AWAY_WORD) + r"\b"
    r"|\b(?:before|voordat|bevor|avant que) (?:my|mijn|mein|mon) (?:\w+ )?(?:leave|verlof"
    r"|vakantie|holiday|vacation|urlaub|conge)\b"
    # ... "ik ben er vanaf maandag niet", "ik ben er niet vanaf morgen" (set 381).
    rf"|\b(?:ben|is|zijn) er {_AHEAD}(?: \w+){{0,2}}? niet\b|\b(?:ben|is|zijn) er (?:\w+ )?niet"
    rf" {_AHEAD}"
    # ... "Ik ben vanaf morgen drie weken bij mijn zoon" (set 409), not "ik ben vanaf morgen
    # weer op kantoor", a return.
    r"|\b(?:ik ben|i am|i'm|i will be|ich bin) (?:vanaf|from|ab) (?:morgen|tomorrow)\b"
    r"(?!(?: \w+){0,2} (?:weer|again|wieder|back|terug)\b)"
    # ... "Ik ga morgen een maand naar mijn dochter" (set 420).
    r"|\b(?:ik ga|ik vertrek|i'm leaving|i leave|i am leaving) (?:morgen|tomorrow)\b",
    re.IGNORECASE,
)


#: An absence the writer speaks of as past (none of the 10,056 blind notices of the three
#: away rules says so).
_WAS_AWAY = re.compile(
    r"\b(?:i was|i've been|i have been|ik was|ich war|j'etais)\s(?:\w+\s)?(?:out of (?:the )?office"
    r"|away|absent|afwezig|on (?:holiday|leave|vacation)|op vakantie|met verlof|weg|abwesend"
    r"|im urlaub)\b"
    # ... or as over now: back already ("Ik ben inmiddels weer aanwezig", set 759), or back
    # from it with no day after ("ik ben terug van vakantie en kan nu …", set 764), where a
    # notice names the day it ends ("Ik ben terug van vakantie op 5 januari").
    r"|\b(?:ik ben|i'm|i am|ich bin)\s(?:inmiddels|intussen|mittlerweile)\s"
    r"(?:weer\s|again\s|wieder\s)?(?:terug|aanwezig|back|zuruck|da)(?=\s?[.!]|\s(?:en|and|und)\s)"
    r"|\b(?:ik ben|i'm|i am)\s(?:weer\s|again\s)?(?:terug|back) (?:van|from) (?:\w+ )?(?:vakantie"
    r"|verlof|holiday|vacation|leave)(?=\s?[.!]|,? (?:en|and) )",
    re.IGNORECASE,
)


#: Retirement still to come ("vanaf volgende week ben ik met pensioen", set 863).
_RETIRED = r"(?:met pensioen|retired|im ruhestand|en retraite)"
_RETIRING_AHEAD = re.compile(_with_a_day_ahead(_RETIRED), re.IGNORECASE)
#: ... which a leaver's notice says too, thanking for the reader's mail or sending them on
#: ("Thank you for your email. From next month I will be retired. Please direct all …",
#: "… kunt u terecht bij …", the attacker's review s57): only those are a notice's.
_NOTICE_SENDS_ON = re.compile(
    r"\b(?:thank you for your|thanks for your|bedankt voor uw|dank voor uw|dank u voor uw"
    r"|vielen dank fur ihre|danke fur ihre|merci pour votre|merci de votre) (?:\w+ )?(?:e-?mail"
    r"|mail|message|bericht|nachricht|courriel)\b"
    r"|\bkunt u (?:terecht|contact opnemen|zich wenden)\b|\bplease (?:direct|contact|address)\b"
    r"|\bwenden sie sich\b|\bcontactez\b|\badressez-vous\b",
    re.IGNORECASE,
)


def absence_not_now(v: MessageView) -> bool:
    """The writer tells of an absence still to come, in the subject or their own words, or
    of one that is over ("Ik was afwezig toen jullie belden", "Sorry, I was out of the
    office for two weeks", sets 403 and 405): an autoresponder runs while its owner is
    away, and says neither."""
    return bool(
        _FUTURE_ABSENCE.search(f"{v.subject} {v.own_words}")
        or (
            _RETIRING_AHEAD.search(f"{v.subject} {v.own_words}")
            and not (
                _NOTICE_SENDS_ON.search(v.own_words) or MAILBOX_NO_LONGER_READ.search(v.own_words)
            )
        )
        or (_WAS_AWAY.search(v.own_words) and not _BACKLOG.search(v.own_words))
    )


#: A post-holiday notice's backlog ("maar werk eerst mijn achterstand weg", "working through a
#: backlog", "reactie kan enkele dagen duren"): the autoresponder left on, or put on, after return.
_BACKLOG = re.compile(
    r"\b(?:achterstand|backlog|catching up|inhalen|ruckstande|abarbeiten|drukte"
    r"|(?:reactie|antwoord|reply|response) (?:kan|may|can) (?:\w+ ){0,3}(?:duren|take)"
    r"|expect a reply|rechnen sie mit)\b",
    re.IGNORECASE,
)


#: "Geen robot", "not a bot": the writer saying they are no machine, or typed it by hand.
_NOT_A_ROBOT = re.compile(
    r"\b(?:geen|not an?|no|kein) (?:robot|bot|machine|roboter)\b"
    # ... or that they typed it themselves, in brackets ("Out of office (handmatig)", set
    # 794).
    r"|\((?:handmatig|met de hand|manual|manually|by hand|hand-?typed|von hand)\)",
    re.IGNORECASE,
)
#: ... or asks whether it is one and answers no, or says it is the writer themselves
#: ("Automatisch antwoord? nee, ik ben het zelf", set 836); read, as ``_ANSWERS_ANYWAY``,
#: in the writer's own part of the subject.
_ITS_ME = re.compile(
    r"\b(?:automatisch(?:e)? (?:antwoord|bericht)|auto-?reply|automatic reply|auto-?antwort"
    # (... and in French, Italian, Spanish: "Réponse automatique ? Non !", set 864.)
    r"|reponse automatique|risposta automatica|respuesta automatica"
    r"|afwezigheids(?:melding|bericht)|out of office)\s?\?\s?(?:nee|no|nein|non)\b"
    # (A bare "it's me" only with "really", "echt": "Automatic reply: It's me again -
    # question" echoes a person's subject, the attacker's review.)
    r"|\b(?:ik ben het|it'?s|it is|ich bin(?:'s| es)) (?:(?:echt |gewoon |really |just )?"
    r"(?:zelf|me myself|selbst)|(?:echt |really |wirklich |truly )(?:me|ich))\b",
    re.IGNORECASE,
)
#: ... or that they answer anyway ("Out of office, maar toch even snel", set 805): a notice
#: answers because its owner is away, never in spite of it (58 blind people's subjects say
#: so, no notice's); read in the writer's own part of the subject (``_says_not_a_robot``).
_ANSWERS_ANYWAY = re.compile(
    r"\b(?:maar toch|toch even|toch nog|alsnog|but still|anyway|aber trotzdem|trotzdem"
    r"|quand m[eê]me)\b",
    re.IGNORECASE,
)
#: The subject a notice echoes after its prefix's colon: our reply's ("Automatisch antwoord:
#: Re: Toch nog een vraag") or ours by its "uw", "your" ("Automatic reply: Your request -
#: please reply anyway", the attacker's review); the subjects a notice echoes are ours.
_REPLY_WORD = r"(?:re|aw|antw|fwd?|wg|tr|sv)\s?:"
_ECHOED_AFTER_COLON = re.compile(
    r":\s*(?:" + _REPLY_WORD + r"|.*\b(?:uw|your|ihre?|votre|mijn|my|meine?)\b).*",
    re.IGNORECASE,
)
#: A reply's prefixes at a subject's start.
_REPLY_PREFIXES = re.compile(r"^(?:\s*" + _REPLY_WORD + r")+", re.IGNORECASE)


#: The writer got an automatic reply ("Ik krijg alleen maar een automatisch antwoord terug",
#: "I keep getting an auto-reply").
_GOT_AN_AUTOREPLY = re.compile(
    r"\b(?:ik krijg|ik kreeg|ik ontvang|ik ontving|wij krijgen|we krijgen|i get|i got|i keep"
    r" getting|i received|we get|we got|ich bekomme|ich bekam|ich erhalte|ich erhielt)"
    r"\s(?:\w+\s){0,3}(?:een |an? |eine |nur )?(?:automatisch\w{0,2} (?:antwoord|bericht|reactie)"
    r"|auto-?reply|automatic reply|auto-?response|automated (?:reply|response)"
    r"|out[- ]of[- ]office(?: reply| message)?|automatische antwort|abwesenheitsnotiz)",
    re.IGNORECASE,
)


def _says_not_a_robot(subject: str) -> bool:
    """``_NOT_A_ROBOT`` in the subject, or "maar toch", "anyway" in the writer's own part of
    it: not in the subject a notice echoes after its colon ("Abwesenheitsnotiz: Auskunft
    trotzdem erteilt", "Automatic reply: … please reply anyway", the attacker's review)."""
    own = _ECHOED_AFTER_COLON.sub(" ", _REPLY_PREFIXES.sub("", subject), count=1)
    return bool(_NOT_A_ROBOT.search(subject) or _ANSWERS_ANYWAY.search(own) or _ITS_ME.search(own))


#: An identity document by its names.
_ID_DOCUMENT = (
    r"(?:id|id-?bewijs|id-?kaart|identiteitsbewijs|paspoort|passport|rijbewijs|ausweis\w{0,2}"
    r"|reisepass\w{0,2})"
)
#: The writer's own request, named as theirs ("mijn verwijderverzoek", "my access request").
_MY_REQUEST = re.compile(
    # (... also their client's: "my client's request", set 611.)
    r"\b(?:mijn|my|mein\w{0,2}|mon|ma|mi|il mio|la mia)\s(?:client'?s?\s)?(?:\w+\s)?\w{0,14}"
    r"(?:verzoek|request"
    r"|anfrage|antrag|demande|solicitud|richiesta|aanvraag"
    # ... or their identity, which only a person in our verification names ("Out of office
    # until 18 November" over "If you need to verify my identity, please call me", set 679).
    r"|(?:identity|identiteit|identitat|identite)(?!\s(?:and access|management|provider|team"
    r"|platform|services?)\b))\w{0,2}\b"
    # ... or their identity document as sent or to be sent: a copy, scan or photo of it, or
    # it with a verb of sending ("dat ik de gevraagde kopie van mijn ID morgen stuur", set
    # 746); not an owner's away note with "mijn paspoort moet nog verlengd worden" or "only
    # my passport and phone with me" (the attacker's second review).
    r"|\b(?:kopie|scan|foto|copy|photo|picture|afschrift)\s(?:van\s|of\s|von\s)?(?:mijn|my"
    r"|meine?[nms]?)\s" + _ID_DOCUMENT + r"\b"
    r"|\b(?:mijn|my|meine?n?)\s" + _ID_DOCUMENT + r"\s(?:\w+\s){0,3}(?:stuur|opsturen|toesturen"
    r"|nasturen|send|upload|schicke|sende)\w{0,2}\b"
    # ... or our request for a copy of it, which the writer saw ("Ik zag uw vraag om een
    # kopie ID", set 805): only one in our verification answers it (23 blind people's
    # mails name it so, no notice).
    # ... or a request made for someone the writer acts for ("vragen over het verzoek namens
    # onze inwoner", set 853): a notice speaks of the reader's matter, not one of the writer's.
    # ... or the reader's answer to the writer's own request, still to come ("If you respond
    # to our request during that period, please copy my colleague", set 891).
    r"|\b(?:respond|reply|answer)\w{0,3} (?:to )?our (?:\w+ )?(?:request|application|letter)\b"
    r"|\b(?:reageert|reageren|antwoordt|antwoorden) (?:\w+ )?op ons (?:\w+ )?(?:verzoek|aanvraag"
    r"|brief)\b"
    r"|\b(?:het|ons|onze|the|our)\s(?:\w+\s)?(?:verzoek|request|aanvraag)\s(?:namens|on behalf of)"
    r"\s(?:onze|ons|mijn|our|my)\s(?:\w+\s)?(?:inwoner|client|clients|klant|huurder|resident"
    r"|tenant|customer|zoon|dochter|moeder|vader|son|daughter|mother|father)\b"
    # ... or gives their new home address, a street and its number ("Mijn nieuwe adres is
    # Raadhuisstraat 33 in Zuidvliet, voor de correctie", set 878): a person's own data; a
    # notice's new address is a mailbox.
    r"|\b(?:mijn|my|meine?) (?:nieuwe?|new|neue) (?:woon|post|huis|home |postal )?(?:adres"
    # (... the number first too, or after a colon: "My new address is 14 Church Road", "Mijn
    # nieuwe adres: Lindelaan 4-II", the attacker's review s59.)
    r"|address|adresse|anschrift)(?: is| ist| luidt|\s?:)\s(?![^\n@]{0,60}@)"
    r"(?:[^\W\d_][^\n]{2,40}?\s\d{1,5}(?:\s?[a-z])?\b|\d{1,5}[a-z]?,?\s[^\W\d_]{3,})"
    # ... or asks the reader to confirm their own mail arrived ("Graag even bevestigen dat mijn
    # mail nu wel is aangekomen", set 875): a notice never asks after its writer's mail.
    r"|\b(?:bevestigen|bevestig|confirm|bestatigen|confirmer)\s(?:\w+\s){0,2}(?:(?:dat|that|dass"
    r"|que)\s)?(?:mijn|my|meine?|mon|ma)\s(?:\w+\s)?(?:mail|e-?mail|bericht|message|nachricht"
    r"|verzoek|request|brief|letter)\b"
    r"|\b(?:uw|jullie|je|your)\s(?:vraag|verzoek|request)\s(?:om|for)\s(?:een\s|a\s)?"
    r"(?:kopie|scan|foto|copy|photo)\s(?:van\s|of\s)?(?:mijn\s|my\s|een\s|an?\s|het\s|uw\s|your\s"
    r"|the\s)?" + _ID_DOCUMENT + r"\b",
    re.IGNORECASE,
)


#: A request's bare title, as a subject names it ("Verzoek om inzage", "Inzageverzoek").
_REQUEST_TITLE = re.compile(
    r"(?:re\s?:\s?)?(?:(?:verzoek|aanvraag) (?:om|tot) (?:inzage|verwijdering|correctie"
    r"|rectificatie|beperking|overdracht|wijziging)|(?:inzage|verwijder|correctie|wijzigings)verzoek"
    r"|(?:access|erasure|deletion|rectification) request|request for (?:access|erasure|deletion))",
    re.IGNORECASE,
)
#: A weak away word and a dash before the subject it answers ("Niet aanwezig - …").
_OOF_WEAK_DASH = alternation(OOF_WEAK_SUBJECTS, r"\s[-–]\s")
#: The notice's word that the reader's mail goes unread or is not sent on.
_YOUR_MAIL_UNREAD = re.compile(
    r"\b(?:uw|je) (?:e-?mail|mail|bericht) wordt niet (?:gelezen|doorgestuurd)\b"
    r"|\byour (?:e-?mail|message) (?:will not|won't|is not) be(?:ing)? (?:read|forwarded)\b",
    re.IGNORECASE,
)


def oof_subject(v: MessageView) -> str | None:
    """Out-of-office by subject: a strong prefix (also inside a leading tag), else weak + body.

    Anchored at the start, so "Re: Automatisch antwoord: …" and "AW: Abwesenheitsnotiz" from
    a person stay human; and never when the writer speaks of their own request or data
    ("Out of office until June - please send by post" over "I submitted a request…").
    Weak words ("Afwezig", "Away until …") need a short away notice in the writer's own
    text and no question or request of a citizen (``human_voice``, or a request in the
    subject itself: "Urlaub - trotzdem bitte Konto löschen").
    """
    # (Our reference after an autoresponder's own leading tag is in the subject it echoes,
    # "[Auto-Reply] Beantwoording inzageverzoek PRV-…", set 869, unless the text asks.)
    reference_typed = types_our_reference(v.subject)
    echoed_after_a_tag = (
        reference_typed and any(_OOF_SUBJECT.match(t) for t in v.subject_tags) and not v.human_voice
    )
    if v.speaks_under_a_notice or (reference_typed and not echoed_after_a_tag):
        return None
    match = _OOF_SUBJECT.match(v.subject)
    # A request typed after the prefix ("Out of office - please send by post"), or the
    # writer's own request in their text ("… als jullie mij over mijn verwijderverzoek
    # willen bellen"): a person telling us they will be away.
    # ... or a request typed on a phone ("Please advise." over "Verstuurd vanaf mijn
    # iPhone"): phones send no out-of-office notices, their owners' servers do.
    typed_on_a_phone = bool(MOBILE_FOOTER.search(v.head_text)) and _asks_politely(v.head_text)
    # ... or an absence still to come or already over ("Out of office – maar dit is
    # dringend" over "Ik ben vanaf morgen op vakantie maar …"): a notice runs while its
    # owner is away.
    # ... nor one who says in the subject that no robot wrote it ("Out of office (echt, geen
    # robot)", set 463; no blind away notice's subject says it).
    if match and _says_not_a_robot(v.subject):
        return None
    if (
        match
        and not PERSON_REQUEST.search(without_our_subject(v.subject))
        # ... nor one who names their own answer after the prefix ("Out of office - alsnog
        # mijn reactie", set 631; 0 of the 226,834 blind automatic subjects).
        and not _MY_ANSWER.search(v.subject)
        # ... nor one who asks their own question after a dash ("Afwezigheidsmelding - wie
        # helpt mij?", set 666): a notice echoes the subject it answers after a colon.
        and not (
            match.group(0).rstrip().endswith(("-", "–", "—"))
            and not _REPLY_PREFIX.match(v.subject)
            and _OWN_QUESTION.fullmatch(v.subject[match.end() :].strip())
        )
        and not _MY_REQUEST.search(v.own_words)
        # ... nor one who is back and speaks of their notice as past ("Excuses, mijn
        # afwezigheidsassistent heeft u al een bericht gestuurd", set 666).
        and not _OWN_NOTICE_IN_THE_PAST.search(v.own_words)
        # ... nor one who thanks for our acknowledgment or our automatic reply (set 671).
        and not _THANKS_FOR_OUR_ACK.match(v.head_text)
        # ... nor one who says they got an automatic reply and passes it on ("Ik krijg alleen
        # maar een automatisch antwoord terug..." over the notice forwarded, its subject
        # kept, set 844): a notice does not receive notices.
        and not _GOT_AN_AUTOREPLY.search(v.own_words)
        and not typed_on_a_phone
        and not absence_not_now(v)
        and not _a_note_of_its_own(v, echoes_ours=bool(OUR_REFERENCE.search(v.subject)))
        # ... nor one who acts as only a person does ("Stuurt u de gegevens liever per post
        # naar mijn huisadres", set 375; 0 of the 8,612 blind notices this rule took).
        and not passes_on_or_acts(v.own_words)
        # ... nor one who waits for our answer above a quote of our mail ("Oké, helder. Ik
        # wacht jullie reactie af." over "> Geachte heer/mevrouw", set 419; 0 of the 9,788
        # blind notices this rule took do both).
        and not (_ANSWER_ME.search(v.own_words) and quotes_below(v))
        # ... nor one who wants our answer sent to someone of theirs ("Please send the data
        # export to my colleague", sets 493 and 495; 0 of the 11,689 blind notices this
        # rule took).
        and not _SEND_OURS_TO_MINE.search(v.own_words)
        # ... nor one away who says our mail still reaches them, or talks as in a chat.
        and not _A_PERSON_AWAY.search(v.own_words)
    ):
        return f"out-of-office subject {match.group(0).strip(' :-')!r}"
    if match:
        return None
    for tag in v.subject_tags:
        if _OOF_SUBJECT.match(tag):
            # (Over our case subject with its reference bare, only an away text: "[Auto-Reply]
            # Beantwoording inzageverzoek PRV-…" over "De bijlage ontbreekt. Stuur het opnieuw"
            # is a person whose client kept a tag, the attacker's review; a notice says it is
            # away.)
            if reference_typed and not (
                ABSENT.search(v.own_words) or _STAND_IN.search(v.own_words)
            ):
                return None
            return f"out-of-office subject tag {tag!r}"
    match = _LOTUS_AUTO.match(v.subject)
    if match and _LOTUS_AWAY.search(v.subject):
        return f"out-of-office subject {match.group(0)[:60]!r} (Notes AUTO:)"
    # A request typed into the subject itself, not in the original subject a notice echoes
    # after its colon ("Afwezig: Uw verzoek om inzage").
    # (Nor our own name for the case echoed at its end, as in ``types_our_reference``.)
    typed = _ASKS.search(_without_our_name(v.subject).split(":", 1)[0])
    # (... nor a request's bare title after the weak word and a dash, when the text says the
    # reader's mail goes unread: "Niet aanwezig - Verzoek om inzage" over "Wegens ziekte ben
    # ik voorlopig afwezig. Uw mail wordt niet gelezen.", set 910; a person's typed request
    # says what to do.)
    weak = _OOF_WEAK_DASH.match(v.subject)
    if (
        typed
        and weak
        and _REQUEST_TITLE.fullmatch(v.subject[weak.end() :].strip())
        and _YOUR_MAIL_UNREAD.search(v.own_words)
        # (... and the writer's own absence in the first person, as set 910's "Wegens ziekte
        # ben ik voorlopig afwezig": "Uw mail wordt niet gelezen tot maandag" alone under
        # "Afwezig - Verzoek om inzage" may be a citizen's terse request, review s62b.)
        and _FIRST_PERSON_AWAY.search(v.head_text)
    ):
        typed = None
    # A sentence sending the reader elsewhere ("Scans kunt u sturen naar collega Fatima",
    # "graag via het portaal sturen") is the notice's way on, not a request of ours.
    ways_on = _POINTS_ELSEWHERE.sub(" ", v.head_text)
    # ... as is a template's offer with the step that takes it up ("Wil je een datum
    # vastleggen? Vul dan het formulier in", set 565); not a person's "Wilt u het daarna
    # sturen? Dan raakt het niet zoek" (set 465).
    ways_on = _OFFER_AND_STEP.sub(" ", ways_on)
    if v.human_voice or _MODAL_REQUEST.search(ways_on) or typed:
        return None
    if _asks_politely(ways_on) or _away_request(v.own_words) or _ANSWER_ME.search(v.own_words):
        return None
    if _a_note_of_its_own(v, echoes_ours=bool(OUR_REFERENCE.search(v.subject))):
        return None
    # Someone to act for the writer while away ("Mijn dochter mag namens mij …"), or an
    # absence still to come or already over, or the writer's notice spoken of as past (as
    # under a strong prefix above).
    if (
        _DELEGATION.search(v.own_words)
        or absence_not_now(v)
        or _OWN_NOTICE_DISMISSED.search(v.own_words)
        or _OWN_NOTICE_SET_UP.search(v.own_words)
        or _A_PERSON_AWAY.search(v.own_words)
        # (... or their own request, as under the strong prefix: set 853.)
        or _MY_REQUEST.search(v.own_words)
    ):
        return None
    # A weak word over a phone's footer, answering none of our mail: a person telling us
    # from their phone that they will be away ("Afwezigheid" … "Verzonden van Samsung").
    head = v.head_text
    # (Our reference after the weak word's colon is our subject echoed, the reference typed
    # having been ruled out above: "Afwezig: Uw verzoek PRV-…: aanvullende informatie nodig"
    # answers our mail, set 648.)
    answers = answers_us(v) or OUR_REFERENCE.search(v.subject)
    # (Unless it speaks to any sender: "If your query is urgent, please contact tom@…" over
    # "Sent from my phone" is the owner's template with their signature, set 893.)
    if (
        MOBILE_FOOTER.search(head)
        and not answers
        and not (_TO_ANY_SENDER.match(head) or _IF_YOURS_IS_URGENT.search(head))
    ):
        return None
    match = _OOF_SUBJECT_FROM.match(v.subject)
    if match:
        return f"out-of-office subject {match.group(0)[:60]!r}"
    # The autoresponder's name after the owner's own words and a dash ("Forschungssemester –
    # automatische Antwort", set 693), over a short away line that asks nothing.
    suffix = _OOF_SUFFIX.search(v.subject)
    # (Its owner's words name an absence: "Forschungssemester", "Sabbatical"; not a citizen's
    # "Drie weken wachten - automatisch antwoord", the attacker's review.)
    before = v.subject[: suffix.start()] if suffix else ""
    if (
        suffix
        and (ABSENT.search(before) or _ABSENCE_WORD.search(before))
        and len(head) <= _SHORT_AUTO_NOTE
        and "?" not in head
        and not quotes_below(v)
        # (An absence of the writer's own and a way on: a citizen's "… – automatisch
        # antwoord" complaint names a contact too, the attacker's review.)
        and (_FIRST_PERSON_AWAY.search(head) or _AT_AN_EVENT.search(head))
        and _AWAY_ALTERNATIVE.search(head)
        and not NOT_AUTOMATIC.search(f"{v.subject} {v.own_words}")
    ):
        return f"out-of-office subject ending {suffix.group(0).strip(' -–—')!r}"
    match = _OOF_WEAK_UNTIL.match(v.subject)
    # ... a weak word over a reply that quotes our mail ("Away until May 8" over "Em …
    # escreveu: > Geachte heer, mevrouw", set 368): notices do not quote.
    if match and quotes_below(v):
        return None
    if match:
        return f"out-of-office subject {match.group(0).strip(' :-')!r} with a return date"
    # The same absence in several languages ("Urlaub / Congé / Vacation – L. Welter",
    # "Afwezig | Absent"): a template set up for every sender.
    words = [ABSENT.match(part.strip()) for part in _SUBJECT_LANGUAGES.split(v.subject)]
    if sum(1 for word in words if word) >= 2:
        return f"out-of-office subject in several languages {v.subject[:50]!r}"
    match = _OOF_SUBJECT_ANY.match(v.subject)
    if match and len(head) <= 600 and "?" not in head and _FIRST_PERSON_AWAY.search(head):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and an away notice"
    # ... or the absence word alone as a leading tag ("[Afwezig] Privacyverklaring" over
    # "ik ben er even niet (vakantie)", set 489).
    absence_tag = next((tag for tag in v.subject_tags if ABSENT.fullmatch(tag)), None)
    if absence_tag and len(head) <= 600 and "?" not in head and _FIRST_PERSON_AWAY.search(head):
        return f"out-of-office subject tag {absence_tag!r} and an away notice"
    # Notes' "Auto:" over a subject that is not ours (our own acknowledgment's subject
    # starts so too), and a short away notice or a promise to answer within some days
    # under it ("Auto: Verzoek om informatie" over "Ik ben tot en met 1 december afwezig",
    # sets 417 and 418).
    if (
        _LOTUS_AUTO.match(v.subject)
        and not _OUR_BOT_SUBJECT.match(v.subject)
        and len(head) <= _SHORT_AUTO_NOTE
        and "?" not in head
        and (
            _FIRST_PERSON_AWAY.search(head)
            or _AT_AN_EVENT.search(head)
            or _ANSWER_WITHIN.search(head)
            or _WORKDAY_NOTICE.search(head)
            # ... or a mailbox read no more ("Please note: this mailbox is no longer
            # monitored after our migration", set 858).
            or MAILBOX_NO_LONGER_READ.search(head)
        )
    ):
        return "Notes' Auto: prefix over an away notice or a promise to answer"
    match = _OOF_WEAK_SUBJECT.match(v.subject)
    if (
        match
        and len(head) <= LONG_NOTICE
        and _AWAY_ALTERNATIVE.search(head)
        and (
            _FIRST_PERSON_AWAY.search(head)
            or _AT_AN_EVENT.search(head)
            or _WORKDAY_NOTICE.search(head)
            or (
                (_AWAY_BODY.search(head) or _AWAY_BODY_MORE.search(head))
                and _RETURN_DATE.search(head)
            )
        )
    ):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and a long away notice"
    # (Or opening with the day the writer does not work: "Ik werk niet op vrijdag. Uw mail
    # wordt maandag behandeld", set 497; in a signature it is a person's footer, set 397.)
    if (
        match
        and len(head) <= 600
        and "?" not in head
        and (
            _AWAY_BODY.search(head) or _AWAY_BODY_MORE.search(head) or _DAY_OFF_OPENING.match(head)
        )
        and (_AWAY_ALTERNATIVE.search(head) or (len(head) <= 160 and not _ASKS.search(head)))
    ):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and an away notice"
    # ... or opening with the days the writer works, then when our mail is handled ("Ik werk
    # op maandag, dinsdag en donderdag. Uw bericht wordt op mijn eerstvolgende werkdag
    # behandeld.", set 837), under a greeting at most.
    if (
        match
        and len(head) <= 300
        and "?" not in head
        and _WORKDAYS_THEN_HANDLED.match(head)
        and not _ASKS.search(head)
        and not quotes_below(v)
    ):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and a working-days notice"
    # ... or one short line that says so in the absence lexicon's words, in any language
    # or script ("أنا خارج المكتب حاليا." under "Frånvarande:", "je suis actuellement en
    # formation"): too short to hold a request, and nothing above asked anything.
    # (Not above a quote of our mail: "Vakantie" over "Ik ben er de komende week niet, maar
    # mijn partner kan de brief in ontvangst nemen" and "> On … wrote:" is a person replying
    # from their phone, set 648; notices do not quote.)
    if (
        match
        and len(head) <= _SHORT_AWAY_LINE
        and "?" not in head
        and ABSENT.search(head)
        and not _ASKS.search(head)
        and not quotes_below(v)
    ):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and an absence line"
    if match and len(head) <= 200 and _RETURN_DATE.search(head) and not _ASKS.search(head):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} and a return date"
    # A weak word over our own subject, token and all, and no text at all: an away rule
    # whose template is empty ("Poissa: Ontvangstbevestiging [PRV-2026-00877] …"), or
    # holds a greeting only ("Nieobecność: …" over "Dzień dobry,", set 383).
    if match and _GREETING_ONLY.fullmatch(head) and TOKEN_RE.search(v.msg.subject or ""):
        return f"out-of-office subject {match.group(0).strip(' :-')!r} over our subject, no text"
    return None


def suppress_away(v: MessageView) -> str | None:
    """Outlook/Exchange out-of-office under the original subject: ``X-Auto-Response-Suppress``
    (which alone is no sign, R16) together with a short away notice and no human voice."""
    if not suppress_auto_answer(v.msg) or v.human_voice or absence_not_now(v):
        return None
    # Our case reference typed in the subject, or a person's own act in the text ("Afwezig
    # tot 5 augustus - mijn verzoek PRV-…" over "Stuur eventuele post liever naar mijn
    # huisadres", set 358): Outlook's notice echoes the subject it answers, unchanged.
    if types_our_reference(v.subject) or passes_on_or_acts(v.own_words):
        return None
    head = v.head_text
    if len(head) > LONG_NOTICE:
        return None
    # A letter asking for something, with the writer's own absence in a line under it
    # ("… dat mijn e-mailadres verwijderd wordt. / Let op: ik ben op woensdag afwezig."),
    # or a reply quoting our mail below it: Outlook's out-of-office never quotes.
    if _away_request(v.own_words) or _MODAL_REQUEST.search(head) or quotes_below(v):
        return None
    if _FIRST_PERSON_AWAY.search(head) or (
        _AWAY_BODY.search(head) and _AWAY_ALTERNATIVE.search(head) and _RETURN_DATE.search(head)
    ):
        return "X-Auto-Response-Suppress with an away notice"
    # ... or Outlook's other automatic replies: a thank-you that promises an answer later,
    # or an address no longer in use (sets 416 and 423), a line or two and nothing else.
    if (
        len(head) <= _SHORT_SUPPRESS_NOTE
        and (_SUPPRESS_NOTE.search(head) or _WORKDAY_NOTICE.search(head))
        # (... asking nothing changed: "Dit postvak wordt niet meer gebruikt. Graag mijn
        # e-mailadres wijzigen" is a person's rectification, the attacker's review.)
        and not _PLEASE_CHANGE.search(head)
    ):
        return "X-Auto-Response-Suppress with an automatic reply's line"
    # ... or the writer's own absence in the lexicon's words, in any language it knows, with
    # another's address to turn to and nothing asked ("من تا تاریخ ۹ آذر در مرخصی هستم … با
    # colleague@… تماس بگیرید", set 611).  In the first person: a shop "closed" or a
    # relative's mailbox "not read" is someone else's, and a citizen's matter (the attacker's
    # review of set 611's fixes).
    own = {address.lower() for _, address in v.mailboxes} | {(v.our_address or "").lower()}
    own_locals = {local_part(address) for _, address in v.mailboxes}
    others = [a for a in ADDRESS.findall(head) if a.lower() not in own]
    absent_self = any(
        ABSENT.search(sentence) and _I_AM.search(sentence) for sentence in _SENTENCES.split(head)
    )
    if len(head) <= _SHORT_AUTO_NOTE and "?" not in head and others and absent_self:
        return "X-Auto-Response-Suppress with the writer's absence and another address"
    # ... or the writer's move to other work, the mail sent on to another's address from
    # now on ("Let op: ik werk tegenwoordig bij een andere afdeling. Mail … voortaan naar
    # collega@…", set 906): the standing word any sender gets.
    # (Only with the standing word where to mail from now on, and no case of anyone's named:
    # "Het dossier van mevrouw El Amrani is overgedragen aan l.bakker@…", "Mail voortaan naar
    # r.vos@…; zij heeft het datalek van vorige week overgenomen" is an officer handing a
    # matter over, the attacker's review s62.)
    if (
        len(head) <= _SHORT_AUTO_NOTE
        and "?" not in head
        # (... another's: "Mail voortaan naar anja.kok@gmail.com" from anja.kok@… is the
        # writer giving their own new address.)
        and any(local_part(a) not in own_locals for a in others)
        and _MOVED_ON.search(head)
        and _STANDING_REDIRECT.search(head)
        and not _A_CASE_NAMED.search(head)
    ):
        return "X-Auto-Response-Suppress with the writer's move and another address"
    return None


#: The writer moved to other work, in the first person ("ik werk tegenwoordig bij een andere
#: afdeling", "I have moved to another team", "ich bin nicht mehr in dieser Abteilung").
_MOVED_ON = re.compile(
    r"\bik werk (?:tegenwoordig|inmiddels|sinds kort|nu) (?:bij|op|in) (?:een )?andere?"
    r" (?:afdeling|team|functie|organisatie|locatie)\b"
    r"|\bik ben (?:overgestapt|verhuisd|overgeplaatst) naar (?:een )?andere? (?:afdeling|team"
    r"|functie|organisatie)\b"
    r"|\bi (?:have|'ve) moved to (?:a |another |a different )(?:department|team|role|position)\b"
    r"|\bi now work (?:in|for|at) (?:a |another |a different )(?:department|team)\b"
    r"|\bich (?:arbeite|bin) (?:jetzt|inzwischen|seit kurzem) in einer anderen abteilung\b",
    re.IGNORECASE,
)


#: Where to mail from now on, in an away assistant's standing words ("Mail … voortaan naar",
#: "Neem contact op met", "Please contact", "Bitte wenden Sie sich an").
_STANDING_REDIRECT = re.compile(
    r"\b(?:mail|e-?mail|stuur|schrijf)\b(?:[^.!?;]|\.(?=\S)){0,80}\b(?:naar|aan)\b"
    r"|\bneem\b[^.!?;]{0,40}\bcontact op met\b"
    r"|\bkunt u (?:\w+ )?(?:mailen naar|contact opnemen met)\b"
    r"|\b(?:please )?(?:contact|write to|resend (?:it|your message) to)\b"
    r"|\bwenden sie sich (?:bitte )?an\b|\bschreiben sie (?:bitte )?an\b",
    re.IGNORECASE,
)
#: A matter or a person named: a handover, not a standing word ("het dossier van mevrouw El
#: Amrani", "Mr Okafor's request", "het datalek van vorige week").
_A_CASE_NAMED = re.compile(
    r"\b(?:mevrouw|mevr|de heer|dhr|mr|mrs|ms|frau|herr)\.?\s(?-i:[A-Z])"
    r"|\b(?:het|de|dit|dat|die|this|the|that)\s(?:dossier|datalek|klacht|bezwaar|verzoek|request"
    r"|complaint|breach|case|zaak)\b|\b(?:datalek|data breach)\b",
    re.IGNORECASE,
)


#: A wish to have something changed or removed ("Graag mijn e-mailadres in uw klantbestand
#: wijzigen"): a person's request, whatever notice-like line stands before it.
_PLEASE_CHANGE = re.compile(
    r"\b(?:graag|gaarne|please|bitte|wilt u|kunt u)\b[^.!?]{0,60}\b(?:wijzigen|aanpassen|bijwerken"
    r"|veranderen|verwijderen|change|update|correct|delete|remove|andern|aktualisieren"
    r"|loschen)\b",
    re.IGNORECASE,
)


#: The writer as the one who is away: "I am", "ik ben", "ich bin", Persian and Arabic "I".
_I_AM = re.compile(
    r"\b(?:i am|i'm|ik ben|ben ik|ich bin|bin ich|je suis|jag [a~]r|jeg er|olen|sono|estoy|estou"
    r"|jestem)\b|(?:^|\s)(?:من|أنا|انا)(?=\s)",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?。])\s+|\n+")


_SHORT_SUPPRESS_NOTE = 200
_SUPPRESS_NOTE = re.compile(
    r"^\W{0,3}(?:thank you|thanks|danke|dank u|dank je|bedankt|merci)\b[^?]{0,80}?"
    r"\b(?:i will|i'll|ich melde mich|ich antworte|ik reageer|ik antwoord|je reponds|je vous"
    r" repondrai|will (?:reply|respond|get back))\b[^.?]{0,40}?\b(?:as soon as (?:i can"
    r"|possible)|so bald wie m[o~]glich|zo (?:snel|spoedig) mogelijk|des que possible"
    # ... or within a few days ("Thanks, I got your message and will reply within two
    # working days", set 460).
    r"|within (?:\d{1,2}|one|two|three|a few) (?:working |business )?(?:days|hours))"
    # ... or once back ("I am on teaching placement this week and will reply next week", set
    # 880): the answer itself put off, the sentence ending there ("Thanks, I'll send the
    # signed form next week", "ik reageer volgende week met de machtiging van mijn moeder"
    # promise a person's own document, the attacker's review s59).
    r"|^\W{0,3}(?:thank you|thanks|danke|dank u|dank je|bedankt|merci)\b[^?]{0,80}?"
    r"\b(?:i will|i'll|will|ik|ich|je) (?:reply|respond|get back to you|answer|reageer|antwoord"
    r"|antworte|melde mich|reponds|repondrai) (?:next week|on my return|when i(?:'m| am) back"
    r"|volgende week|na mijn terugkeer|nachste woche|nach meiner ruckkehr)(?=\s?[.!]|\s*$)"
    # ... or when the mail will be read ("Uw e-mail lees ik volgende week", set 464).
    r"|\b(?:uw|je) (?:e-?mail|bericht) lees ik\b|\bi(?:'ll| will) read your (?:e-?mail|message)\b"
    # ... or an address no longer read, the date between ("Dit e-mailadres wordt sinds 1
    # oktober niet meer gelezen", set 458).
    r"|\b(?:this|dit|dieses?|deze) (?:e-?mail ?)?(?:address|adres|adresse|mailadres|mailbox"
    r"|postvak) (?:is|wordt"
    r"|wird)(?: (?:sinds|since|seit) [^.?]{1,30}?)? (?:no longer|niet meer|nicht mehr) (?:in use"
    r"|used|monitored|gebruikt|in gebruik"
    r"|gelezen|verwendet|genutzt)\b"
    # ... or a new address to note, as its opening ("Ik heb een nieuw e-mailadres: x@…. Pas
    # dit aan in uw adresboek.", set 529).
    r"|^\W{0,3}(?:ik heb|wij hebben|we hebben) een nieuw e-?mailadres\s?:"
    r"|^\W{0,3}(?:i|we) (?:have|now have) a new e-?mail address\s?:"
    # ... or with the mail forwarded for a while ("Ik heb een nieuw e-mailadres. Mijn mail
    # wordt tot 1 januari doorgestuurd.", set 607).
    r"|^\W{0,3}(?:ik heb|wij hebben|we hebben) een nieuw e-?mailadres\.\s(?:mijn|onze)"
    r" (?:e-?)?mail wordt (?:\S+ ){0,4}doorgestuurd\b"
    # ... or a receipt with the address not read every day ("Uw e-mail is ontvangen. Dit
    # adres wordt niet dagelijks gelezen", set 607).
    r"|^\W{0,3}(?:uw|je) (?:e-?mail|bericht) is (?:in goede orde |goed )?ontvangen\.\s(?:dit|deze)"
    r" (?:e-?mail ?)?(?:adres|mailadres|mailbox) wordt niet dagelijks gelezen\b"
    # ... or thanks for writing, then when the mailbox is read ("Thank you for contacting
    # Gemeente X. This mailbox is monitored during office hours (Mon-Fri 9:00-17:00)", set
    # 893): the hours any sender is told, and the text ends there.
    r"|^\W{0,3}(?:thank you|thanks|bedankt|dank u|dank je|danke|merci)\b[^.?!]{0,80}[.!]\s"
    r"(?:this|our|the|dit|deze|onze|het|dieses|unser) (?:e-?mail ?)?(?:mailbox|inbox|address"
    r"|adres|postvak|postbus|mailadres|postfach|adresse) (?:is|wordt|wird) (?:(?:monitored|read"
    r"|staffed|checked|gelesen|betreut) (?:during|between|on weekdays|wahrend|werktags|von)"
    r"|(?:tijdens|tussen|op werkdagen|op) [^.?!\n]{1,40}? (?:gelezen|bemand|bekeken))\b"
    # (... its tail the hours alone, no clause of a writer's own after them: "… checked
    # between clinics, so I will forward the records later today", "… tijdens kantooruren
    # gelezen, graag het gecorrigeerde adres daarheen" answer our case, review s61.)
    r"(?:(?!\b(?:i|ik|ich|we|wij|me|mij|mijn|my|mir|maar|but|aber|vandaar|so|dus|daarom"
    r"|also|graag|gaarne|please|bitte|stuur|send"
    r"|schicke\w*|expect|verwacht|komen|komt|brengen|bring)\b)[^.?!\n]){0,60}[.!]?\s*$",
    re.IGNORECASE,
)


#: A notice that opens with the writer's day off ("Ik werk niet op vrijdag.").
#: A working day, or the days ("maandagen").
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag)(?:en)?"
_DAY_OFF_OPENING = re.compile(
    r"^\W{0,3}ik werk (?:op )?" + _WEEKDAY + r" niet\b"
    r"|^\W{0,3}ik werk niet op " + _WEEKDAY + r"\b",
    re.IGNORECASE,
)
#: The days the writer works or not, then when the reader's mail is handled: a part-timer's
#: standing notice.
_WORKDAYS_THEN_HANDLED = re.compile(
    r"\W{0,3}(?:(?:goedemiddag|goedemorgen|goedendag|hallo|beste \w+|geachte \w+(?: \w+)?)"
    r"[,!]?\s+)?(?:(?:let op|n\.?b\.?)\s?:\s?)?ik werk (?:niet |alleen )?op "
    + _WEEKDAY
    + r"(?:(?:,\s?| en | of )"
    + _WEEKDAY
    + r"){0,4}\s?\.\s(?:uw|je|jouw) (?:bericht|e-?mail|mail|vraag) wordt [^.?!\n]{0,50}"
    r"\b(?:behandeld|beantwoord|gelezen|opgepakt)\s?\.",
    re.IGNORECASE,
)
#: A part-time or working-days notice: "I read your mail on my next working day".
_WORKDAY_NOTICE = re.compile(
    r"\b(?:eerstvolgende|volgende) werkdag|next (?:working|business|work) day"
    r"|n[a~]chsten (?:arbeitstag|werktag)|prochain jour (?:ouvre|de travail)"
    r"|ik werk (?:op|alleen op) (?:maandag|dinsdag|woensdag|donderdag|vrijdag)"
    # ... or part-time ("Ik werk parttime (ma-wo)", set 464).
    r"|ik werk (?:parttime|part-time|deeltijd)\b|i work part[- ]time\b"
    r"|i work (?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)",
    re.IGNORECASE,
)
#: What a person replying to us from holiday still asks for: then it is their letter.
_AWAY_REQUEST = re.compile(
    r"\b(?:delete|remove|verwijder\w{0,3}|wis|l[o~]sch\w{0,3}|inzage|access|copy of|kopie"
    r"|afschrift|unsubscribe|afmelden|uitschrijven|opt[- ]out|bezwaar|objection|complaint|klacht"
    r"|identity|identiteit|id-?bewijs|paspoort|passport"
    # ... or our check of who they are ("Als jullie mij nodig hebben voor de identificatie,
    # dan kan dat pas daarna", set 463; in none of the 11,518 blind away notices).
    r"|identificatie|verificatie|identification|verification"
    # ... or acts for a client ("any questions about our client's request", set 465).
    r"|(?:our|my|onze|mijn) (?:client|cli[e~]nt|cliente?)(?:'s)?"
    # ... or is needed for our handling, or waits on a question of theirs, or wants our
    # answer elsewhere ("Mocht u mij nodig hebben voor het verzoek", "Reacties op onze vraag
    # over de verwerkersovereenkomst", sets 472 and 473; in none of the 11,518 blind away
    # notices; "Please send your reply to my work address" is ``_SEND_OURS_TO_MINE``'s).
    r"|lopende (?:privacy|avg)[- ]?(?:zaak|kwestie|verzoek)"
    r"|(?:mij|me) nodig (?:hebben |heeft )?voor|(?:onze|mijn|our|my) (?:vraag|question)"
    r" (?:over|aan|about)"
    # ... or withdraws consent ("ik wil mijn toestemming intrekken").
    r"|toestemming|consent|einwilligung|consentement|intrekken|withdraw|widerruf\w{0,3})\b"
    # ... or names a kind of request, which is the writer's case ("het verwijderverzoek",
    # "mein Löschantrag", "the erasure request").
    # ... but not a kind of request a notice redirects ("Voor reparatieverzoeken: gebruik …").
    # ... nor the kind of mail a notice is about ("Uw mail over privacyverzoeken wordt …
    # behandeld door mijn collega", set 443): after "over" only one request is the writer's.
    r"|(?<!voor )(?<!for )(?<!fur )(?<!over )\b\w{3,14}(?:verzoek|anfrage|antrag)\w{0,2}\b"
    r"|(?<=over )\w{3,14}(?:verzoek|anfrage|antrag)\b"
    r"|\b(?:access|deletion|erasure|removal|rectification|portability)\s(?:request|requests)\b"
    # ... or asks for the answer in Polish ("Proszę wysłać odpowiedź e-mailem", set 366).
    r"|\bprosze (?:o )?(?:wyslac|przeslac)\b"
    # ... or in French ("Merci d'envoyer votre réponse par courrier électronique", set 373).
    r"|\bmerci d'envoyer (?:votre|la) reponse\b"
    # ... or where to send *what we would send them* ("stuur het naar mijn man piet@…"),
    # not the reader's own message, which a notice redirects ("stuur uw vraag naar …").
    r"|\b(?:stuur|stuurt u|send|schicken sie|envoyez|mandi)\s(?:het|ze|die|it|them|de (?:gevraagde"
    r" |opgevraagde )?(?:stukken|brief|documenten|gegevens|post)|the (?:requested )?(?:documents"
    r"|letter|papers|data))\b"
    # ... or to send it to the writer ("merci de m'envoyer la réponse par courrier", "Skicka
    # gärna registerutdraget till min adress", "senden Sie mir die Unterlagen").
    r"|\b(?:m'envoyer|me (?:faire parvenir|transmettre)|send me|stuur (?:me|mij)|senden sie mir"
    r"|schicken sie mir|skicka(?: garna)?)\s(?:\w+\s)?(?:(?:les?|la|the|de|het|die|den)\s)?"
    r"(?:documents?|reponse|response|answer|antwoord|brief|letter|courrier|gegevens|data|daten"
    r"|unterlagen|dokument\w{0,4}|registerutdrag\w{0,3}|utdrag\w{0,3}|svaret)\b",
    re.IGNORECASE,
)
_AWAY_NOTICE_CHARS = 700
#: How autoresponders open: thanks for *your* message, in the reader's direction.
_THANKS_OPENER = re.compile(
    r"^\W{0,3}(?:(?:hi|hello|hallo|dear \w{1,20}|beste \w{1,20}|geachte \w{1,20}|guten tag"
    r"|bonjour|hola|ciao|hej|hei)\W{1,3})?(?:thank you|thanks|many thanks|bedankt|dank u|dank je"
    r"|dank voor|hartelijk dank|vielen dank|danke|merci|grazie|gracias|obrigad[oa]|tack|takk"
    r"|tak|dziekuje|kiitos|dekuji|koszonom|tesekkur)\b[^.!?]{0,40}\b(?:your|uw|je|ihre|votre|vostro|suo|sua|su"
    r"|seu|ditt|din|twoja|za|for)\b",
    re.IGNORECASE,
)


#: Thanks for *our* acknowledgment ("Dank voor de bevestiging", "Thanks for confirming"):
#: a person answering it.  An autoresponder thanks for the message it answers, never for
#: a confirmation it could not have asked for (set 286).
_THANKS_FOR_OUR_ACK = re.compile(
    r"^\W{0,3}(?:(?:hi|hello|hallo|beste \w{1,20}|geachte \w{1,20}|dear \w{1,20}"
    # ... or the time of day ("Goedendag, Dank voor de bevestiging.", set 445).
    r"|goedendag|goedemorgen|goedemiddag|goedenavond|good (?:morning|afternoon)|guten tag"
    # ... also under a formal greeting to no one ("Dear Sir or Madam,", set 334).
    r"|dear sir or madam|geachte heer(?:/| of )mevrouw|sehr geehrte damen und herren)\W{1,3})?"
    r"(?:thank you|thanks|many thanks|bedankt|dank u|dank je|dank|hartelijk dank|vielen dank"
    r"|danke|merci)\b[^.!?]{0,15}\b(?:voor|for|fur|pour)\s(?:de|uw|je|jullie|the|your|ihre|die"
    r"|la|votre)?\s?(?:snelle\s|quick\s|prompt\s)?(?:bevestiging|ontvangstbevestiging"
    r"|confirmation|confirming|acknowledg(?:e)?ment|acknowledging|bestatigung"
    r"|eingangsbestatigung|accuse de reception"
    # ... or for the automatic reply received ("Dank voor het automatische antwoord. Ik wil
    # toch nog iets toevoegen", set 671); an autoresponder may thank for "your automated
    # message" (the attacker's review), so only "het"/"the".
    r"|(?:het|de|the) (?:automatische?|automatic|automated) (?:antwoord|reply|response))\b",
    re.IGNORECASE,
)


#: Notes' away notice opens with its owner's name in the third person.
_NOTES_OPENING = re.compile(
    r"^\W{0,3}(?-i:[A-Z])[\w.'-]{1,20}(?: [\w.'-]{1,20}){0,4} (?:is out of the office|is afwezig"
    r"|ist abwesend|ist nicht im buro|est absent)\b",
    re.IGNORECASE,
)


def away_notice(v: MessageView) -> str | None:
    """An away or working-days notice under any subject, answering our mail.

    Autoresponders often keep the original subject or put the person's name in it
    ("Rachel Stein is out of the office."), so the subject rules miss them.  Only a
    reply to us (In-Reply-To, References or our case token) or a notice thanking for
    *your* message, short, with an absence in
    the writer's words and a return date or another contact, and nothing a citizen asks
    for: no question, no request about their data or case, no typed code, not our case
    reference in their own words.  A reply that quotes our mail or ends in a phone's
    footer is a person telling us they are away.
    """
    head = v.head_text
    text = URL.sub(" ", URGENT_QUESTION.sub(" ", head))
    if asks_or_owns(v.subject, text) or types_our_reference(v.subject):
        return None
    # (... nor one who says in the subject that they answer anyway: "Out of office, maar toch
    # even snel [PRV-…]", the attacker's review.)
    if _OWN_NOTICE_IN_THE_PAST.search(v.own_words) or _says_not_a_robot(v.subject):
        return None
    # A reply to an autoreply is a person's, unless it opens as Notes' own notice does,
    # its owner named in the third person ("Henk Stevens is out of the office.", under
    # "Antw: Afwezig: …", set 30): no one writes of themselves so.
    if answers_an_autoreply(v.subject) and not _NOTES_OPENING.match(head):
        return None
    # ... nor one who says they saw our acknowledgment ("dat ik uw ontvangstbevestiging heb
    # gezien", set 323), or speaks of autoreplies as theirs or ours.
    if NOT_AUTOMATIC.search(v.own_words):
        return None
    # ... nor one whose family stands in ("my daughter Morag can be reached on …", set
    # 346): 0 of the 275 blind autoresponders this rule took say so.
    if _FAMILY_STANDS_IN.search(v.own_words):
        return None
    if not (answers_us(v) or _THANKS_OPENER.match(head)) or _a_note_of_its_own(v):
        return None
    asks = _AWAY_REQUEST.search(ADDRESS.sub(" ", head))
    if len(head) > _AWAY_NOTICE_CHARS or asks or TYPED_CODE.search(head):
        return None
    if _MODAL_REQUEST.search(head) or _ANSWER_ME.search(head) or _CODE_LABEL.search(head):
        return None
    if TELL_US.search(v.own_words) or absence_not_now(v) or passes_on_or_acts(v.own_words):
        return None
    if MOBILE_FOOTER.search(head) or quotes_below(v) or _THANKS_FOR_OUR_ACK.match(head):
        return None
    # Our case reference typed in the writer's own words ("Zaak PRV-2026-16715"), not
    # echoed with our subject: a person telling us about their case.
    if OUR_REFERENCE.search(v.own_words):
        return None
    dated = _RETURN_DATE.search(head)
    away = (
        _FIRST_PERSON_AWAY.search(head)
        or _WORKDAY_NOTICE.search(head)
        or (_AWAY_BODY.search(head) if dated else None)
    )
    # ... nor one whose only away line stands under their closing and name, in the
    # signature's footer ("Vriendelijke groet, / Marieke Vos / … / Ik werk op maandag,
    # dinsdag en donderdag", set 635): a footer on every mail of theirs.
    if away and _only_under_the_closing(v, away.group(0)):
        return None
    if away and (dated or _AWAY_ALTERNATIVE.search(head)):
        return f"away notice {away.group(0)[:50]!r} answering our mail"
    return None


def _only_under_the_closing(v: MessageView, found: str) -> bool:
    """``found`` stands only below the first closing formula, with the writer's own words
    above it."""
    at = v.closing_at
    if at is None:
        return False
    above = fold(" ".join(line for line in v.head[:at] if line))
    return bool(above.strip()) and found not in above


#: What a person's mail client puts before a subject it answers or forwards, in the
#: languages of Europe and the scripts our citizens write in (folded, without the colon).
# fmt: off
REPLY_PREFIXES: frozenset[str] = frozenset(
    {
        "re", "aw", "antw", "antwort", "sv", "svar", "vs", "odp", "r", "rif", "rv", "res",
        "ynt", "yanit", "ap", "απ", "σχετ", "отв", "ответ", "re[2]", "rep", "reponse",
        "fw", "fwd", "wg", "tr", "doorst", "vb", "vl", "pd", "enc", "i", "ilt", "fs",
        "回复", "回覆", "答复", "返信", "답장", "רד", "השב", "رد", "ref", "betr", "odg",
        "auto", "read", "gelezen", "gelesen", "lu", "undeliverable", "onbestelbaar",
        # Webmail's own words for a reply ("Reactie: Auto: [PRV-…]", set 367).
        "reactie", "reply", "respuesta", "resposta", "risposta",
    }
)
# fmt: on
#: ``<prefix>: Auto: [PRV-2026-00412] …``: a notice's own word put before the subject of
#: our mail, which an autoresponder echoes whole.
_ECHOED_OURS = re.compile(
    r"^(?P<prefix>[^:\[\]?!]{2,60}?)\s?:\s*(?:(?:auto|re|aw|antw|sv)\s?:\s*)*\[prv-\d{4}-\d{5}\]",
    re.IGNORECASE,
)
_ECHO_PREFIX_WORDS = 5
#: A request put as a question without its question mark ("Kunt u het ook per post
#: sturen"): a person.  Notices redirect ("please contact …"), they do not ask this.
_MODAL_REQUEST = re.compile(
    r"\b(?:kunt u|kun je|kan u|zou u|zou je|could you|can you|would you|will you"
    r"|k[o~]nnen sie|k[o~]nnten sie|w[u~]rden sie|pourriez-vous|pouvez-vous|podria usted"
    r"|puede usted|potrebbe"
    # ... or wants it done ("Wilt u dat aanpassen in het dossier?").
    r"|wilt u|wil je|willen jullie|wollen sie|voulez-vous)\b"
    # ... but not the notice's own redirect ("voor spoed kunt u contact opnemen met …").
    # ... nor its pointer to another address ("kun je mailen naar bestuur@…").
    r"(?![^.!?\n]{0,50}\b(?:e-?mailen|mailen|mail|email|schrijven|write|schreiben|ecrire|sturen"
    r"|zenden|send|senden|schicken)"
    r"\s(?:naar|to|an|a)\s(?:[\w.+-]{1,64}@|(?:het|de|ons|onze|the|our|unser\w{0,2}|die|das"
    r"|notre|l')\s?(?:\w+\s)?(?:algemene?|centrale?|general|allgemeine\w?|main|generale?)?\s?"
    r"(?:adres|address|adresse|mailbox|postbus|inbox|secretariaat|team|servicedesk|helpdesk)\b))"
    # ... nor "kun je mailen naar de salarisadministratie" with nothing sent between (set 685;
    # "Kun je de factuur mailen naar de administratie" asks us, the attacker's review).
    r"(?!\s(?:e-?)?mailen naar (?:de|het) (?:\w+\s)?\w{0,12}(?:administratie|afdeling)\b)"
    r"(?![^.!?\n]{0,50}\b(?:contact\w{0,4}|terecht|bellen|bel|wenden|bereiken|reach|call"
    r"|kontakt\w{0,4}|erreichen|anrufen|joindre|contacter|appeler|rivolger\w{0,3}"
    r"|contatt\w{1,3}|llamar|contactar"
    # ... nor where questions go ("Vragen over aanvragen kunt u stellen via 072-…", set 376).
    r"|stellen via|stellen bij"
    # ... nor a footer's pointer to a portal ("kunt u inloggen op Mijn Spaarbank").
    r"|inloggen|log in|einloggen|se connecter)\b)",
    re.IGNORECASE,
)

#: Receipt and bounce prefixes: their rules decide, with their own guards.
BOUNCE_OR_RECEIPT_PREFIX = re.compile(
    r"^(?:read|gelezen|gelesen|lu|leido|letto|undeliverable|undelivered|onbestelbaar"
    r"|unzustellbar|non remis|not read|niet gelezen|delivered|bezorgd|zugestellt)\b"
)


def _prefix_is_a_client_s(prefix: str) -> bool:
    """A reply or forward prefix (also with a counter, "Re[2]", "RE (3)") or a receipt's
    or bounce's own, which other rules judge."""
    word = re.sub(r"\s*[\[(]\d{1,3}[\])]$", "", prefix.strip().lower())
    return word in REPLY_PREFIXES or BOUNCE_OR_RECEIPT_PREFIX.match(word) is not None


def echoed_subject(v: MessageView) -> str | None:
    """A word of its own put before the subject of our mail: "Afwezig: Auto: [PRV-…] …",
    "Frånvarande: Auto: [PRV-…]", "خارج المكتب: Auto: [PRV-…]".

    People's clients answer with "Re:", "AW:", "Antw:" and the like; autoresponders echo
    our subject whole behind a word of their own, in the owner's language.  Automatic
    when that word is an absence, is written in a script without Latin letters, or the
    short text below it says the writer is away or thanks for *your* message; never with
    a person's voice (a question, their request or data, a typed code or our reference in
    the text), a quote of our mail below, a phone's footer or an attachment.
    """
    match = _ECHOED_OURS.match(v.subject)
    if not match:
        return None
    prefix = match.group("prefix").strip(" -")
    if _prefix_is_a_client_s(prefix) or len(prefix.split()) > _ECHO_PREFIX_WORDS:
        return None
    head = v.head_text
    if v.speaks_under_a_notice or len(head) > _AWAY_NOTICE_CHARS:
        return None
    if _AWAY_REQUEST.search(head) or _MODAL_REQUEST.search(head):
        return None
    if OUR_REFERENCE.search(head) or v.msg.attachments:
        return None
    if quotes_below(v):
        return None
    away_word = _OOF_WEAK_SUBJECT.match(f"{prefix}:") or _OOF_SUBJECT_ANY.match(prefix)
    other_script = not re.search(r"[a-z]", prefix.lower())
    away = _FIRST_PERSON_AWAY.search(head) or _WORKDAY_NOTICE.search(head)
    away = away or _AWAY_BODY.search(head) or ABSENT.search(head)
    # A phone's footer under a reply is a person's, unless an absence word before our
    # subject and an away text below both say autoresponder (its owner's footer kept).
    if MOBILE_FOOTER.search(head) and not ((away_word or other_script) and away):
        return None
    if away_word or other_script or away or _THANKS_OPENER.match(head):
        return f"{prefix[:40]!r} put before our subject by an autoresponder"
    return None


def types_our_reference(subject: str) -> bool:
    """Our case reference typed bare into a subject ("Out of office next week - urgent
    request re PRV-2026-01109"): a person writing about their case.  An autoresponder
    echoes our subject after its own prefix and colon ("Automatisch antwoord:
    Ontvangstbevestiging PRV-2026-00432"), or in brackets."""
    # ... also our own name for the case with it, at the end ("Vakantie / holiday (Uw verzoek
    # PRV-2026-01831)", "Kerstverlof - Uw verzoek om inzage (PRV-…)", "[Auto] Beslissing op
    # uw verzoek PRV-…", sets 785, 792 and 795): the desk's "uw verzoek", echoed; a person
    # names theirs "mijn verzoek".
    typed = _without_our_name(subject).split(":", 1)[0]
    # ... or in brackets after "re:" ("Afwezig tot 5 juni (re: PRV-2026-05679)", set 356).
    if _REFERENCE_IN_BRACKETS.search(subject):
        return True
    return bool(OUR_REFERENCE.search(without_our_subject(typed)))


_OUR_NAME_FOR_IT = re.compile(
    r"\b(?:uw|your) (?:privacy)?(?:verzoek|request)(?: (?:om|tot|for|to) [^\W\d_]{2,20})?\s?"
    r"[(\[]?prv-\d{4}-\d{5}[)\]]?\)?\s*$",
    re.IGNORECASE,
)
#: A person away telling it themselves: mail still reaches them ("stuur dan een sms of mail
#: mij", not "mail mij op x@…"; "Telefonisch ben ik niet bereikbaar, per mail wel", sets 782
#: and 786), or they talk as in a chat ("ik ben er ff niet", "Even ter info: ik werk op …",
#: sets 793 and 794).  A notice answers a mail and names another way, and no template
#: talks so (0 of the blind notices taken by wording).
_A_PERSON_AWAY = re.compile(
    r"\b(?:of|en|or|and) (?:e-?)?mail (?:mij|me)\b(?! (?:op|at|via|naar|on|to)\b)"
    # (Not a template's "bel of mail mij na 30 november", "call or email me again after my
    # return", nor "per mail wel, maar met vertraging": the attacker's review.)
    r"(?![^.!?\n]{0,30}\b(?:na|after|again|opnieuw|zodra|when|once|nach)\b)"
    r"|\b(?:per|via|by) (?:e-?)?mail (?:ben ik )?wel\b"
    r"(?![^.!?\n]{0,40}\b(?:vertraging|beperkt|later|delay\w*|limited|sporadisch|af en toe)\b)"
    r"|\bff\b|\beven ter info(?:rmatie)?\b"
    # ... or address the desk as the group it is ("jullie", "Burgers die bellen worden naar
    # jullie website verwezen", set 802): a template writes to any sender, "u" or "je" (0 of
    # the blind notices these rules took say it outside our echoed subject).
    # (... not a template's plural: "Bedankt voor jullie mail", "kunnen jullie terecht bij",
    # "Leuk dat jullie mailen", "staan wij weer voor jullie klaar", "Jullie mails worden niet
    # doorgestuurd": team mailboxes and informal offices, review s52b.)
    r"|\bjullie\b(?! (?:e-?mails?|mail(?:s|tje|en)?|bericht(?:en|je)?|terecht|klaar|bellen"
    r"|contact|geduld|begrip)\b)"
    # ... or manage an absent colleague's mailbox themselves ("X is tot 9 december afwezig.
    # Ik beheer in de tussentijd zijn mailbox", "As her assistant I manage her inbox", set
    # 801; no blind notice says it).
    # (... but not the assistant's own template promising to pass urgent mail on: "Ik beheer
    # in de tussentijd zijn mailbox en stuur dringende berichten door", "As her PA I check her
    # inbox daily and will forward anything urgent", review s52b.)
    r"|\b(?:ik (?:beheer|lees|bekijk|volg) (?:\w+ ){0,3}(?:zijn|haar) (?:e-?mail|mail|mailbox"
    r"|inbox)"
    r"|i (?:manage|am managing|read|am reading|check) (?:\w+ ){0,3}(?:his|her) (?:e-?mail|mail"
    r"|mailbox|inbox))\b"
    r"(?![^\n]{0,160}\b(?:dringend\w*|urgent\w*|door|doorsturen|doorgestuurd|forward\w*"
    r"|beantwoord\w*|reply|respond|contact)\b)"
    # ... or answer our question before they go, the answer itself given ("maar wilde nog
    # snel reageren op uw vraag: ja, de gegevens mogen naar het nieuwe adres", set 887; a
    # notice puts the answer off).
    r"|\b(?:wilde|wou|wanted to|wollte)\b[^.!?\n]{0,30}\b(?:reageren op|antwoorden op|answer"
    r"|reply to|respond to|antworten auf) (?:uw|je|jullie|your|ihre) (?:vraag|question|frage)"
    r"\s?:\s?(?:ja|nee|yes|no|prima|ok|akkoord)\b",
    re.IGNORECASE,
)


def _without_our_name(subject: str) -> str:
    """The subject without our own name for the case echoed at its end, when it reads as an
    echo: in brackets ("Vakantie / holiday (Uw verzoek PRV-…)"), with the desk's "om …"
    ("Uw verzoek om inzage (PRV-…)"), or after the desk's own words ("Beslissing op uw
    verzoek PRV-…"); never after a return date typed before it ("Afwezig tot 14 juli - uw
    verzoek PRV-…", "Verlof tot 20 november (uw verzoek PRV-…)"): partner staff typing
    their own note about our request to them (the attacker's review)."""
    match = _OUR_NAME_FOR_IT.search(subject)
    if not match:
        return subject
    before = subject[: match.start()]
    echo = (
        before.rstrip().endswith(("(", "["))
        or _NAME_WITH_ITS_KIND.match(match.group(0))
        or _DESK_SUBJECT_WORDS.search(before)
    )
    if not echo or _TYPED_RETURN.search(before):
        return subject
    # (The name ends the subject, so the match found is the only one to cut.)
    return f"{before} {subject[match.end() :]}"


#: The desk's name for the case with its kind ("Uw verzoek om inzage").
_NAME_WITH_ITS_KIND = re.compile(
    r"(?:uw|your) (?:privacy)?(?:verzoek|request) (?:om|tot|for|to) ", re.IGNORECASE
)
#: The desk's own subject words before its name for the case.
_DESK_SUBJECT_WORDS = re.compile(
    r"\b(?:beslissing op|besluit op|ontvangstbevestiging|decision on|reactie op|antwoord op"
    # ... and the desk's follow-up ("Aanvullende vragen bij uw verzoek PRV-…", sets 432 and
    # 671).
    r"|aanvullende vra(?:ag|gen) (?:bij|over))\s*$",
    re.IGNORECASE,
)
#: A return date typed in the subject ("tot 14 juli", "until 3 August", "bis 15.11.").
_TYPED_RETURN = re.compile(
    r"\b(?:tot(?: en met)?|t/m|until|till|bis|jusqu'au|back on|terug op)\s+\w*\s?\d", re.IGNORECASE
)


_REFERENCE_IN_BRACKETS = re.compile(
    r"\((?:re|ref|betr|betreft|inzake|about)\.?\s?:?\s?prv-\d{4}-\d{5}\)", re.IGNORECASE
)


# --- absence-notice: the lexicon of data/absence.yaml ---------------------------------


_ABSENCE = load_lexicon("absence.yaml")
ABSENT = compile_phrases(_ABSENCE["absent"])
LATER = compile_phrases(_ABSENCE["later"])
#: Longer than this, the writer's own text is a letter, not a notice.
_ABSENCE_NOTICE_CHARS = 700
#: A named person's request or question ("Het verzoek van de ouders van Thomas"): a
#: helpdesk's autoresponder may greet the desk by its display name, but knows no matter.
_SOMEONES_MATTER = re.compile(
    r"\b(?:het|de|uw|jullie)\s(?:\w+\s)?(?:verzoek|vraag|aanvraag|request|question)\s(?:van|of"
    # ... or made for someone ("het verzoek namens cliënt", set 765).
    r"|namens|on behalf of)"
    r"\s(?:de\s|het\s|mevrouw\s|meneer\s|de heer\s|onze\s|our\s|mijn\s|my\s)?(?!\d)"
    r"[^\W\d_]{2,}"
    # ... or a report or complaint about a named thing ("ook de melding over het datalek",
    # set 732).
    r"|\b(?:de|het|onze|uw|the|our|your)\s(?:\w+\s)?(?:melding|klacht|dossier|report"
    r"|complaint)\s(?:over|van|inzake|about|on|regarding)\s(?:de|het|the|ons|our)\s\w{3,}"
    # ... or questions about a matter by its name ("vragen over het datalek", set 768).
    r"|(?<!\bvoor )(?<!\bfor )(?<!\bbij )(?<!\bwith )(?<!\bmet )"
    r"\b(?:vragen|vraag|questions?)\s(?:over|about|inzake)\s(?:het|de|ons|onze|the|our)\s"
    r"(?:\w+\s)?(?:datalek|incident|verzoek|dossier|klacht|data breach|breach|request"
    r"|complaint)\b",
    re.IGNORECASE,
)
#: A greeting to the privacy desk by its name or role.
_TO_THE_DESK = re.compile(
    r"\W{0,3}(?:geachte?|beste|dear|hallo|hi|goedemiddag|goedemorgen|goedendag)\s(?:het\s)?"
    r"(?:privacy ?team|privacydesk|privacy desk|privacyloket|privacy officer|privacy-?afdeling"
    r"|afdeling privacy|privacy department|functionaris (?:voor (?:de )?)?gegevensbescherming"
    r"|privacy-?functionaris|data protection officer)\b",
    re.IGNORECASE,
)
#: A polite request of the reader ("Bitte senden Sie die Antwort per Post", "graag via mijn
#: vrouw", "vragen wij u termijnen later te laten ingaan") ...
_POLITE_WORD = re.compile(
    r"\b(?:please|pls|graag|gelieve|bitte|por favor|per favore|s'il vous pla[i~]t|svp|alstublieft"
    r"|a\.?u\.?b|vragen wij u|verzoeken wij u|ik vraag u|ik verzoek u|wir bitten sie"
    r"|ich bitte sie|nous vous prions|je vous prie)\b",
    re.IGNORECASE,
)
#: ... unless its sentence is a notice's way on ("please contact my colleague", "wenden Sie
#: sich bitte an …", "please note").
_WAY_ON = re.compile(
    r"\b(?:contact\w{0,4}|terecht|bel|bellen|call|phone|wenden|wendet|reach|kontakt\w{0,4}"
    r"|anrufen|joindre|contacter|appeler|contatt\w{1,3}|llamar|contactar|note|noteren|beachten"
    r"|noter|notare|use|gebruik\w{0,2}|verwenden|direct|utiliser|mail\w{0,2}|e-?mail\w{0,2}|write"
    r"|schrijf|schreiben|ecrire|scrivere|escrib\w{1,3}|send your|stuur uw|stuur je|richt\w{0,2}"
    r"|forward|resend|opnieuw|later|spater|plus tard|pi[u~] tardi|mas tarde"
    # ... or colleagues who help the reader on ("Mijn collega's helpen je graag verder",
    # set 464).
    r"|helpen (?:u|je|jou) (?:graag )?verder|help you (?:further|gladly)"
    # ... also without "verder" ("mijn collega's van de balie helpen je graag", set 642).
    r"|helpen (?:u|je|jou) graag)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+")


#: A phone footer's apology ("Please excuse my brevity", "Excuses voor de typfouten"):
#: the app's words under every mail, asking the reader nothing.
_PHONE_APOLOGY = re.compile(
    r"\b(?:please |pls |graag )?(?:excuse|forgive|pardon) (?:my|the|any) (?:brevity|briefness"
    r"|typos?|spelling|autocorrect)|\bexcuses voor (?:de |eventuele )?(?:typfouten|beknoptheid)"
    r"|\b(?:bitte )?entschuldigen sie (?:die |meine )?(?:kurze|k[u~]rze|tippfehler)",
    re.IGNORECASE,
)


def _asks_politely(text: str) -> bool:
    """A polite word in a sentence that is no notice's way on (a mail address in the
    sentence is one: "bei Serverproblemen bitte an support@… schreiben") nor a phone
    footer's apology."""
    text = _PHONE_APOLOGY.sub(" ", text)
    for sentence in _SENTENCE.findall(ADDRESS.sub(" contact ", text)):
        if _POLITE_WORD.search(sentence) and not _WAY_ON.search(sentence):
            return True
    return False


#: "Limited access to email", "geen toegang tot mijn mail": a notice's words, not a request
#: for access to one's data.
_MAIL_ACCESS = re.compile(
    # The mail named before its access first ("with no email access", set 519), or the
    # next alternative would take "no email" and leave "access".
    r"\b(?:no|limited|little|intermittent) (?:e-?mail|mail|inbox) access\b|"
    r"\b(?:limited|no|restricted|intermittent|occasional|sporadic|beperkte?|wisselende?"
    # ... or "without access to email" (set 636).
    r"|without|zonder|ohne"
    r"|sporadische?|geen|eingeschr[a~]nkte?n?|keinen?|acces limite|acceso"
    r" limitado|accesso limitato)\s(?:access|toegang|zugriff)?(?:\s(?:to|tot|auf|a|al))?"
    r"(?:\s(?:my|mijn|meine?|mes|mi|mia|la|il))?\s?(?:e-?mails?|mail|inbox|postvak|mailbox"
    r"|messages|berichten|nachrichten|messagerie|correo|posta)\b"
    # ... or with the mail left out ("working from home today with intermittent access").
    r"|\b(?:limited|intermittent|patchy|sporadic|occasional) (?:internet |wifi )?access\b",
    re.IGNORECASE,
)
#: A notice's pointer elsewhere ("Voor vragen over inzageverzoeken: privacy@…", "For
#: urgent matters …"): the kinds of request it names are the reader's, not the writer's.
_REDIRECT_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:voor|bij|met|for|with|fur|bei|mit|pour|en cas d'|per|para|in)\s"
    r"(?:\w+\s){0,2}(?:vragen|vraag|questions?|queries|enquiries|fragen|anfragen|demandes?"
    r"|domande|preguntas|spoed|urgent\w{0,4}|dringende?\w{0,2}|zaken|matters)\b[^.!?]{0,200}"
    # ... or an order to send it there if urgent, to an address ("Je bericht wordt NIET
    # doorgestuurd; stuur het bij spoed naar x@…", set 795; the address may have been taken
    # out as no one's words already).
    r"|(?:^|(?<=[.!?;]\s))(?:stuur|send|forward)\s(?:\w+\s){0,2}(?:bij spoed|if urgent|in urgent"
    r" cases)\s(?:naar|to)\s(?:[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,60}|\s*(?=[.!?\n]|$))",
    re.IGNORECASE,
)


#: A sentence that sends the reader to someone or somewhere else: to a colleague, a
#: secretariat, an address, or through a portal (set 279).  Tried only where a sentence
#: starts, where every match starts anyway: from any other position the leading run would
#: rescan the same sentence, quadratic on a long text without a full stop.
#: A template's offer to its reader and the step that takes it up ("Wil je een datum
#: vastleggen? Vul dan het formulier in", "Would you like to book? Use the form").
_OFFER_AND_STEP = re.compile(
    r"\b(?:wil je|wilt u|would you like to|do you want to)\b"
    # (Not the writer's own request: "Wilt u mijn gegevens verwijderen? Gebruik dan …".)
    r"(?![^.!?\n]{0,120}\b(?:mijn|mij|me|my|ik|i)\b)[^.!?\n]{0,120}\?\s"
    r"(?:(?:vul|klik|ga|kijk|gebruik|boek|plan|bezoek)\w{0,2}\s(?:dan|gerust)\b"
    r"|(?:use|fill in|click|visit|book|go to)\b)",
    re.IGNORECASE,
)
#: What a person sends on to the officer they name, or when by: a thing of theirs or a
#: third party's, a deadline, a complaint filed (review s61b).
_THING_SENT = (
    r"\b(?:(?:de|het|die|dat|deze|onze?|our|the|this|that|zijn|haar|his|her|mijn|my|een|a|an)"
    r" (?:\w+ ){0,2}(?:gegevens|stukken|dossier|file|export|data|records|antwoord|answer|reply"
    r"|besluit|bevestiging|confirmation|report|melding|datalekmelding|klacht|complaint|verzoek"
    r"|request|bestand|kopie|copy|overzicht)"
    r"|vandaag|today|vrijdag|friday|uiterlijk|before|by (?:monday|tuesday|wednesday|thursday"
    r"|friday|tomorrow)|morgen|tomorrow|straight away|direct|meteen"
    r"|ingediend|neergelegd|filed|lodged)\b"
)
_POINTS_ELSEWHERE = re.compile(
    r"(?:^|(?<=[.!?\n]))[^.!?\n]*"
    r"(?:\b(?:naar|aan|to|an|a|bij)\s(?:mijn |my |meine[nmr]? |onze |our |ons |het |de"
    r" |the )?(?:collega|colleague|kollegin|kollege|secretariaat|secretary|sekretariat|vervanger"
    r"|replacement|stand-?in|backup|servicedesk|helpdesk"
    # ... or the team's or the general address ("kunt u sturen naar het teamadres", set 676).
    r"|teamadres|team address|algemene (?:e-?mail)?adres|algemene mailbox|general address)\b"
    # ... or the officer by their role ("kunt u mailen naar de FG", set 904): only as the
    # one to write to, not with a thing the writer wants sent there, a deadline or a
    # complaint filed there ("Kunt u de gegevens van mevrouw Bakker vandaag nog naar de FG
    # sturen.", "Could you send the file on Mr Patel to the DPO by Friday.", review s61b).
    r"|(?<![^.!?\n])(?![^.!?\n]*" + _THING_SENT + r")[^.!?\n]*\b(?:naar|aan|to|bij)\s"
    r"(?:onze |our |ons |het |de |the )?(?:fg|functionaris gegevensbescherming|dpo"
    r"|data protection officer|privacy officer)\b"
    # ... or the reader's message sent to the successor just named ("Wilt u uw bericht aan
    # haar/hem sturen?", set 805).
    r"|" + YOUR_MESSAGE + r" aan (?:haar|hem|haar/hem|hem/haar)\b"
    # ... or the colleague as the one to mail ("In spoedgevallen kunt u mijn collega van het
    # privacyteam mailen", set 704), a name at most between (not "mijn collega het besluit
    # mailen", the attacker's review).
    r"|\b(?:kunt u|kun je|you can)\s(?:\w+\s)?(?:mijn|my|onze|our)\s(?:collega|colleague"
    r"|vervanger|replacement)(?:\s(?:van|of)\s(?:de|het|the)\s[\w-]+)?(?:\s(?-i:[A-Z])[\w-]+){0,2}"
    r"\s(?:mailen|e-?mailen|bellen|bereiken|e-?mail|call|reach)\b"
    r"|\bvia (?:het|de|ons|our|the|unser\w*"
    r"|onze) (?:\w+ )?(?:portaal|portal|servicedesk|loket|formulier|website|webformulier)\b"
    # ... or a portal to use ("Voor reparaties kunt u het Huurdersportaal gebruiken", set 763).
    r"|\b(?:voor|for)\s[^.!?\n,]{1,40}\s(?:kunt u|kun je|you can)\s(?:\w+\s)?(?:het|de|ons|onze"
    r"|our|the)\s[\w-]{0,30}(?:portaal|portal|loket)\s(?:gebruiken|use|raadplegen)\b(?!\s(?:om|to)\b)"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+)[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)


def _a_note_of_its_own(v: MessageView, echoes_ours: bool = False) -> bool:
    """ "Ter info: ik ben … niet bereikbaar" on a mail of its own: a person letting us know;
    an autoresponder answers a message and does not open with a note (set 287).  Under a
    greeting, or as "Just to let you know", the note is a person's even when it answers
    ours ("Goedemiddag, Ter informatie: ik ben … afwezig", sets 427 and 428; none of the
    10,726 blind notices of the four away rules opens so).

    So is a note that asks us to send nothing by post ("Stuur alsjeblieft niets per
    post, alleen per mail", set 717).  So is a note with no way on (no stand-in, no
    address, no one to call) that greets the desk by its role alone ("Geachte
    privacyfunctionaris, ik ben tot 23 november in het buitenland") or waits for our
    answer ("In afwachting van uw reactie"): a notice is written for every sender and
    sends them on; a person writes to the desk about their case (sets 703 and 707; none
    of the 284,034 blind automatic mails of sets 1-710 greets a role over an absence).
    And one that asks us, in the writer's own name, to act ("Kunt u de termijn voor mijn
    aanvulling verlengen tot 5 december a.s.?"): a notice asks nothing of its reader (0
    of the 16,853 blind notices oof-subject took ask so).  So is one that tells us how to
    run our legal clock (``_OUR_CLOCK``), or opens by acknowledging our mail in a word
    ("Ontvangen, ik kom hier volgende week op terug", ``_BARE_RECEIVED``), or says a word in
    passing ("Even een seintje: …", ``_A_QUICK_WORD``).  And ``_answers_in_own_name``,
    unless ``echoes_ours``: the subject is an autoresponder's over ours."""
    head = v.head_text
    return (
        (bool(FYI_LEAD.match(head)) and not answers_us(v))
        # (A "Just so you know, I'm out" lead only over a note that sends the reader nowhere
        # and leaves their mail to be read: "… no access to e-mail. For urgent matters contact
        # office@…", "Your message will not be forwarded" are a template's, review s56.)
        or (
            bool(_LETS_US_KNOW.match(head))
            and not (
                _HEADS_UP_LEAD.match(head)
                and (
                    _STAND_IN.search(head)
                    or ADDRESS.search(head)
                    or _MAIL_ACCESS.search(head)
                    or _MAIL_UNREAD.search(head)
                )
            )
        )
        or (
            (_greets_a_role(head) or bool(_AWAITS_OUR_REPLY.search(v.own_words)))
            and not _STAND_IN.search(head)
            and not ADDRESS.search(head)
        )
        or (v.first_person and v.human_voice and _asks_us_to_act(v.own_words))
        or bool(_NOTHING_BY_POST.search(v.own_words))
        or (bool(_OUR_CLOCK.search(v.own_words)) and not _STAND_IN.search(head))
        or bool(_BARE_RECEIVED.match(head))
        # (... not a template's, that sends the reader on to an address: "Even een seintje: ik
        # ben met vakantie. Voor dringende zaken: info@…", the attacker's review; "Bel gerust
        # als er iets dringends is" names no one else, set 869.)
        or (bool(_A_QUICK_WORD.search(head)) and not ADDRESS.search(head))
        or (not echoes_ours and _answers_in_own_name(v))
    )


def _answers_in_own_name(v: MessageView) -> bool:
    """The writer answers despite the absence ("maar wilde toch nog even reageren", set
    730), wants our answer by mail ("dus graag per e-mail reageren", set 734) or thanks
    before their note ("Thanks. Just so you know, I will be out of office …", set 740), and
    sends the reader nowhere else: templates say such things too, but then give a stand-in
    or an address (the attacker's review).  Or greets the desk itself over a matter of
    someone's ("Geachte privacyteam, … het verzoek van de ouders van Thomas", set 657;
    "Hallo privacyteam, … ook de melding over het datalek met de pasaanvragen", set 732):
    an autoresponder does not know whom it answers, nor what about.

    Only under a subject of the writer's own: an autoresponder's prefix or absence tag over
    our subject echoed says what the text is, whatever it says."""
    head = v.head_text
    if _TO_THE_DESK.match(head) and _SOMEONES_MATTER.search(head):
        return True
    own = bool(
        _WRITES_ANYWAY.search(v.own_words)
        or _ANSWER_BY_MAIL.search(v.own_words)
        or _THANKS_THEN_NOTE.match(head)
    )
    return own and not _STAND_IN.search(head) and not ADDRESS.search(head)


def _greets_a_role(head: str) -> bool:
    """``_TO_THE_DESK`` with the role alone before the comma, and not our display name's
    first word ("Beste Privacydesk," is a template filling in the sender's first name)."""
    match = _TO_THE_DESK.match(head)
    if match is None or re.search(r"privacy ?desk", match.group(0), re.IGNORECASE):
        return False
    return head[match.end() : match.end() + 2].lstrip(" ")[:1] in (",", "!", ":", "\n")


#: A way on a notice gives: a stand-in, a desk, a phone number, what to do when it is
#: urgent ("Voor spoed kunt u bellen met 14 020", the attacker's review).
_STAND_IN = re.compile(
    r"\b(?:collega\w{0,2}|colleagues?|kolleg(?:e|in|en)|vervang\w{0,4}|replacement|stand-?in"
    r"|backup|secretariaat|secretary|sekretariat|servicedesk|service desk|helpdesk|receptie"
    r"|reception)\b|\+?\d[\d ()-]{7,}\d"
    # (Urgency only where the notice sends the reader on, a number only to call: not a
    # citizen's "het blijft dringend", "met spoed geopereerd", "I will call in 2 weeks", the
    # attacker's second review.)
    r"|\b(?:voor|bij|in|for|in case of)\s(?:\w+\s)?(?:spoed(?:gevallen)?|dringende (?:zaken"
    r"|gevallen|vragen)|urgente? (?:zaken|matters|cases|questions)|noodgevallen"
    r"|emergenc(?:y|ies))\b"
    r"|\b(?:bel|bellen|call)\s(?:\w+\s){0,2}\+?\d[\d -]{3,}\d",
    re.IGNORECASE,
)
#: The writer's wish about how our letters reach them ("Stuur alsjeblieft niets per post,
#: alleen per mail", set 717): a person with a case in hand; a notice sends its reader on.
_NOTHING_BY_POST = re.compile(
    r"\b(?:stuur|stuurt u|send)\b[^.!?\n]{0,25}\b(?:niets|niks|nothing|geen (?:brieven|post))"
    # (... with the way the writer wants it instead: a closed office's "stuur in deze periode
    # geen brieven per post" names none, the attacker's second review.)
    r" (?:meer )?(?:per|by|via de) post\b[^.!?\n]{0,30}\b(?:alleen|uitsluitend|liever|only|just)"
    r" (?:per|via|by) (?:e-?)?mail\b",
    re.IGNORECASE,
)
#: The writer tells us to keep to our deadline or let it run ("Houd de termijn s.v.p. gewoon
#: aan", set 761): only someone with a case here knows its clock; 0 of the 74,958 blind
#: automatic mails the wording rules took of sets 1-765 say so.
_OUR_CLOCK = re.compile(
    r"\b(?:houd|hou|houdt)\s(?:u\s|jullie\s)?(?:de|uw|jullie|die|deze)\s(?:wettelijke\s)?termijn\w{0,2}"
    # (An abbreviation's full stops inside: "s.v.p. gewoon aan".)
    r"\b(?:[^.!?\n]|\.(?=\w|\s(?-i:[a-z]))){0,25}\baan\b"
    r"|\b(?:de|mijn|die|deze) termijn (?:mag|kan) (?:\w+ ){0,2}(?:doorlopen|blijven lopen)\b",
    re.IGNORECASE,
)
#: A bare word of receipt opening the text, after a greeting at most ("Ontvangen, ik kom
#: hier volgende week op terug", set 763): a person's; a notice says what it received.
_BARE_RECEIVED = re.compile(
    r"\W{0,3}(?:(?:geachte|beste|hallo|hoi|hi|hello|dear|dag|goedemiddag|goedemorgen)\b"
    r"[^,!\n]{0,40}[,!]?\s+)?(?:ontvangen|received|got it|erhalten)\s?[,.!]\s"
    r"(?:ik|i|we|wij|ich)\s(?!(?:ben|am|'m|zijn|are|bin)\b)(?!'m\b)",
    re.IGNORECASE,
)
#: The writer answers despite the absence ("maar wilde toch nog even reageren", "but
#: wanted to answer anyway", set 730): a notice only says when its owner will answer.
_WRITES_ANYWAY = re.compile(
    # (Answering, not letting know: "Ik wil u toch even laten weten dat uw bericht goed is
    # aangekomen" is a notice's, the attacker's review.)
    r"\b(?:wil|wilde|wou|wilden|want|wanted)\s(?:\w+\s){0,2}(?:toch|anyway|all the same)"
    r"\s(?:\w+\s){0,2}(?:reageren|antwoorden)\b"
    r"|\b(?:wanted|want) to (?:reply|respond|answer) (?:anyway|all the same|nonetheless"
    r"|regardless)\b",
    re.IGNORECASE,
)
#: How the writer wants our answer ("dus graag per e-mail reageren", set 734): a notice
#: sends its reader elsewhere, and never asks to be answered by the way it was written to
#: (0 of the 293,634 blind automatic mails of sets 1-734 say so).
_ANSWER_BY_MAIL = re.compile(
    r"\b(?:graag|liever|bij voorkeur|gelieve|please|preferably)\s(?:\w+\s){0,3}(?:per|via|by)"
    r"\s(?:e-?)?mail\s(?:te\s)?(?:reageren|antwoorden|beantwoorden|reply|respond|answer)\b"
    # ... or lets us send the answer by mail meanwhile ("u mag het antwoord gewoon per e-mail
    # sturen, ik lees het als ik terug ben", set 841).
    # (The answer ours: "het antwoord", "the answer"; a template invites "uw antwoord", "your
    # reply" per e-mail too, "U kunt uw antwoord gewoon per e-mail sturen, ik lees het na mijn
    # terugkomst", the attacker's review.)
    r"|\b(?:u mag|u kunt|je mag|je kunt|you may|you can)\s(?:\w+\s){0,2}(?:het|jullie|the)"
    r" (?:antwoord|reactie|answer|reply)\s(?:\w+\s){0,2}(?:per|via|by) (?:e-?)?mail"
    r"\s(?:\w+\s){0,2}(?:sturen|versturen|send)\b",
    re.IGNORECASE,
)
#: The writer closes waiting for our answer.
_AWAITS_OUR_REPLY = re.compile(
    r"\bin afwachting van (?:uw|jullie|je) (?:reactie|antwoord)\b"
    r"|\b(?:awaiting|i look forward to) your (?:reply|response|answer)\b",
    re.IGNORECASE,
)
#: A question sentence (an abbreviation's full stop before its "?" kept: "a.s.?").
_QUESTION_SENTENCE = re.compile(r"(?:^|(?<=[.!?:,]\s))[^.!?]{3,200}(?:\.[^\W\d_]{1,3}\.)?\s?\?")


def _asks_us_to_act(text: str) -> bool:
    """A question that opens with a request of the reader ("Kunt u …?", "Could you …?")."""
    return any(_MODAL_REQUEST.match(q.strip()) for q in _QUESTION_SENTENCE.findall(text))


_LETS_US_KNOW = re.compile(
    r"^\W{0,3}(?:(?:goedemiddag|goedemorgen|goedenavond|hallo|hoi|hi|hello|beste \w+|dear \w+"
    r"|dear sir or madam|dag \w+|geachte \w+(?: \w+)?)[,!]?\s+)?"
    r"(?:(?:even |kort )?(?:ter info(?:rmatie)?|fyi"
    r"|for your information|zur info(?:rmation)?|ter kennisname"
    # ... "Kleine mededeling:" (set 472).
    r"|(?:kleine|korte) mededeling)\s?:|just to let you know\b"
    # ... "Just so you know, I'm on holiday until the 30th", "Just a heads-up: I will be on
    # holiday" (sets 856, 853); a leaver's template says it of someone else ("Just so you
    # know, x@… has left the company", set 21).
    r"|(?:just so you know,?|(?:just )?a (?:quick )?heads[- ]?up\s?[:,]?)"
    r" (?=i(?:'m| am|'ll| will)\b)"
    r"|(?:ik wil(?:de)? )?(?:u |jullie )?(?:even )?laten weten\b)",
    re.IGNORECASE,
)
#: A person's word in passing ("Even een seintje: ik ben de komende twee weken niet op
#: kantoor", set 869; no blind notice says it).
_A_QUICK_WORD = re.compile(r"\beven (?:een )?(?:kort )?seintje\b", re.IGNORECASE)
#: The lead of ``_LETS_US_KNOW`` that templates use too ("Just so you know, I'm out of the
#: office", "A quick heads-up: I will be on leave").
_HEADS_UP_LEAD = re.compile(
    r"^\W{0,3}(?:(?:goedemiddag|goedemorgen|hallo|hoi|hi|hello|dear \w+|beste \w+)[,!]?\s+)?"
    r"(?:just so you know|(?:just )?a (?:quick )?heads[- ]?up)\b",
    re.IGNORECASE,
)
#: A notice saying its owner's mail goes unread or stays where it is ("I will not be checking
#: e-mail", "Your message will not be forwarded", "Uw e-mail wordt niet doorgestuurd").
_MAIL_UNREAD = re.compile(
    r"\b(?:will not|won'?t) be (?:checking|reading|monitoring|answering) (?:my )?e-?mails?\b"
    r"|\b(?:will not|won'?t|is not|are not) (?:be )?(?:forwarded|read)\b"
    r"|\b(?:wordt|worden) niet (?:doorgestuurd|gelezen)\b",
    re.IGNORECASE,
)
#: Thanks for our mail, then the note ("Thanks. Just so you know, I will be out of office
#: from 16 to 24 November", set 740); a template's "Hello! Just so you know" over a leaver's
#: address thanks for nothing.
_THANKS_THEN_NOTE = re.compile(
    r"^\W{0,3}(?:(?:hi|hello|hallo|hoi|beste \w+|dear \w+|goedemiddag|goedemorgen)[,!]?\s+)?"
    r"(?:thanks|thank you|bedankt|dank u(?: wel)?|dank je(?: wel)?)[.!]\s+(?:just so you know"
    r"|just to let you know|even ter info)\b",
    re.IGNORECASE,
)


def _away_request(text: str) -> re.Match[str] | None:
    """``_AWAY_REQUEST`` in the writer's text, leaving out where the notice points the
    reader elsewhere and what is no one's words (a disclaimer's "delete this message"), and a
    template's conditional question with its answer ("Betreft het een privacyverzoek? Stuur
    het dan naar privacy@…", set 412)."""
    text = _MAIL_ACCESS.sub(" ", not_the_writers(without_conditional_questions(text)))
    text = _SEND_TO_MY_COLLEAGUE.sub(" ", _REDIRECT_SENTENCE.sub(" ", text))
    return _AWAY_REQUEST.search(text) or _SEND_OURS_TO_MINE.search(text)


#: A notice's sentence telling the reader where to send their mail meanwhile ("Berichten
#: over lopende privacyverzoeken kunt u sturen aan mijn collega X", set 645): the kinds of
#: request it names are the reader's.  Only to the writer's own colleague or stand-in, with
#: the reader as the one who sends (0 of the 169,972 blind people's texts say so).
_SEND_TO_MY_COLLEAGUE = re.compile(
    # (Not a sentence that names the writer's own matter before it: "Het antwoord op mijn
    # verwijderverzoek kunt u sturen aan mijn collega", the attacker's review.)
    r"(?:^|(?<=[.!?]\s))(?:(?!\b(?:mijn|my|mij|me|ik|i)\b)[^.!?\n]){0,120}"
    r"\b(?:kunt u|kun je|u kunt|je kunt|you can|can be)\b"
    r"[^.!?\n]{0,60}\b(?:sturen|doorsturen|richten|mailen|sent|send|forward(?:ed)?|addressed)"
    r"\s(?:naar|aan|to) (?:mijn|my) (?:collega|colleague|vervanger|replacement|stand-in)\b"
    r"[^.!?\n]{0,80}[.!?]?",
    re.IGNORECASE,
)


#: The writer wants an answer from us, or by a date ("gelieve mij voor die datum te
#: antwoorden", "answer me before Friday"): a person telling us of their absence.
_ANSWER_ME = re.compile(
    r"\b(?:wacht|wachten|await\w{0,3}|warte|attends?)\s(?:\w+\s)?(?:uw|jullie|je|your|ihre|votre)"
    r"\s(?:reactie|antwoord|reply|response|answer|antwort|ruckmeldung|reponse)\b"
    r"|\blook(?:ing)? forward to your (?:reply|response|answer)\b"
    # ... or will wait for it ("als jullie eerder klaar zijn graag per mail, anders wacht ik
    # wel", set 864): an autoresponder waits for no one.
    r"|\b(?:anders|dan) wacht ik (?:wel|gewoon|rustig|even)\b"
    r"|\bi(?:'ll| will) (?:just |happily )?wait\b"
    r"|\b(?:sonst|dann) warte ich\b"
    # (Within one sentence: "Thank you for contacting me. I am on annual leave and will
    # respond …" is a notice's two, set 849.)
    r"|\b(?:mij|me|mich|moi)\b(?:[^.!?]|[.!?](?!\s)){0,40}\b(?:te )?(?:antwoorden|beantwoorden"
    r"|answer|reply|respond"
    r"|reageren|antworten|repondre|responder)\b"
    r"|\b(?:answer|reply to|respond to|antworten sie|repondez)\s(?:me|mij|mir|moi)\b"
    r"|\b(?:before|voor|vor|avant|antes de|prima di)\s(?:die|that|this|deze|dieser|cette|esa"
    r"|quella)\s(?:datum|date|fecha|data)\b",
    re.IGNORECASE,
)
#: Our answer or the data, to be sent to someone of the writer's ("send your answer about
#: my late grandmother's data to my solicitor").
_SEND_OURS_TO_MINE = re.compile(
    r"\bsend (?:your|the) (?:reply|answer|response|data(?: export)?|export)\b"
    r"(?: about [^.!?]{1,60}?)? to my\b"
    # ... or the documents in German, by a way of the writer's choosing ("Bitte senden Sie
    # die Unterlagen danach per E-Mail", set 525).
    r"|\bsenden sie (?:mir )?die unterlagen\b",
    re.IGNORECASE,
)
#: "Code: PYZ5-8724": a code typed by a person answering our verification mail.
_CODE_LABEL = re.compile(
    r"\b(?:code|verificatiecode|verification code|bevestigingscode|pin)\s?:\s?[a-z0-9]{3,8}"
    r"(?:[- ][a-z0-9]{2,8})?\b"
    # ... or spoken of as the writer's ("dat mijn code 2F7B-3554 is", "my code is …").
    r"|\b(?:mijn|my|meine?n?|mon|mi)\s(?:\w+\s)?(?:\w{0,12}code|pin)\b"
    r"|\b(?:de|the|die|le|el|il)\s(?:\w+\s)?code\s(?:is|ist|est|es|e)\b",
    re.IGNORECASE,
)
#: Nothing, or a greeting of a few words and its comma ("Dzień dobry,", "Guten Tag,").
_GREETING_ONLY = re.compile(r"\s*(?:[^\W\d][^\W\d ]*(?: [^\W\d]+){0,2},)?\s*")
#: A subject whose first words are a question, right before a tag that is not our case's.
_OPENS_WITH_A_QUESTION = re.compile(r"\s*([^:?\[\]()]{3,80})\?\s*[\[(](?!prv-)", re.IGNORECASE)
#: A template's own question in its subject ("Heeft u een vraag?", "Spoed?", "Questions?").
_TEMPLATE_QUESTION = re.compile(
    r"(?:(?:heeft|hebt) u|heb je|have you|haben sie|got|any)?\s?(?:een |a |eine |noch )?"
    r"(?:vra(?:ag|gen)|questions?|fragen|ruckfragen|spoed|dringend|urgent|eilig|storing)",
    re.IGNORECASE,
)
#: A tag in brackets at the end of a subject.
_TRAILING_TAG = re.compile(r"[\(\[]([^\)\]]{1,40})[\)\]]\s*$")
#: Our subject echoed in a notice's subject, from our case token on: not the writer's words.
_FROM_OUR_TOKEN = re.compile(r"\[prv-\d{4}-\d{5}\].*", re.IGNORECASE)
#: Someone acting for the writer ("mag namens mij", "gemachtigd", "on my behalf"): a
#: person arranging their case while away.
_DELEGATION = re.compile(
    r"\b(?:namens mij|namens haar|namens hem|gemachtigd\w{0,2}|machtiging|on my behalf"
    r"|on her behalf|on his behalf|authori[sz]ed|in meinem namen|bevollm[a~]chtigt\w{0,2}"
    r"|vollmacht|en mon nom|procuration|in mio nome|en mi nombre"
    # ... or answering for someone who asked them to ("me ha pedido que les conteste",
    # "heeft mij gevraagd u te antwoorden", "asked me to reply").
    r"|(?:asked|gevraagd|gebeten|demande|pedido|chiesto) (?:me |mij |mich |moi )?(?:to |om |u |"
    r"de |que |di )?(?:reply|answer|respond|antwoorden|beantwoorden|te antwoorden|antworten"
    r"|repondre|les conteste|le conteste|conteste|rispondere)"
    r"|me ha pedido que|mi ha chiesto di|m'a demande de|hat mich gebeten|heeft mij gevraagd)\b",
    re.IGNORECASE,
)


#: "Abuse report 19826 - closed", "Ticket 4411 gesloten": a ticket's status, not an office
#: closed for the holidays.
_TICKET_STATUS = re.compile(
    r"\b(?:report|ticket|case|incident|issue|melding|zaak|request|verzoek|fall|vorgang"
    r"|dossier)\b[^:]{0,30}\b(?:closed|gesloten|geschlossen|ferme|chiuso|cerrado)\b",
    re.IGNORECASE,
)
#: A colleague's absence told by the one taking over ("Ik zie dat mijn collega afwezig is",
#: "my colleague is away, so I am handling this"): not the writer's.
#: An absence that is over ("Na mijn afwezigheid", "Back from leave"): the writer is
#: back and writing, not a notice running while they are away.
_PAST_ABSENCE = re.compile(
    r"\b(?:na|after|nach|apres|terug van|back from)\s(?:mijn|my|meiner|meinem|mon|ma)?\s?"
    r"(?:afwezigheid|absence|abwesenheit|verlof|leave|vakantie|holiday|vacation|urlaub|conge)\b",
    re.IGNORECASE,
)
#: A subject naming an officer's absence ("FG afwezig – vervanging"): whoever writes it
#: stands in for them; their own notice answers mail sent to them, and says "Afwezig".
_ROLE_ABSENT = re.compile(
    r"\b(?:fg|dpo|functionaris gegevensbescherming|privacy officer)\s(?:is\s)?(?:afwezig|absent"
    r"|away|abwesend|met verlof|on leave)\b",
    re.IGNORECASE,
)
_OTHERS_ABSENCE = re.compile(
    r"\b(?:collega|colleague|kolleg(?:e|in)|collegue)\b(?: \w+){0,3}? (?:(?:is|ist|est|was"
    r"|are) )?(?:afwezig|away|absent|abwesend|out of (?:the )?office|op vakantie|on leave"
    r"|im urlaub|en conge|ziek|sick|krank)\b"
    # ... and the other way round ("Afwezigheid collega - aanlevering gegevens", set 670).
    # (One named colleague, not "een collega" or "collega's": a team's notice says that of
    # its staff, the attacker's review.)
    r"|\b(?:afwezigheid|absence|abwesenheit)\s(?:van\s|of\s|von\s)?(?:mijn\s|onze\s|my\s"
    r"|our\s)?(?:collega|colleague|kolleg(?:e|in))\b(?!['’]?s\b)"
    # ... or a notice the writer received ("Mijn vorige mail kreeg een bounce, of een
    # afwezigheidsbericht van een collega van jullie"): someone else's absence.
    r"|\b(?:kreeg|kregen|ontving|ontvingen|received|got|bekam|erhielt|erhielten|recu|recibi"
    r"|ricevuto|zullen|zult|krijg\w{0,2}|will get|will receive|werden|wirst)\b(?: [\w,-]+){0,6}?"
    r" (?:een|an?|eine?n?|un|una|uno) (?:\w+ )?(?:afwezigheid\w*"
    r"|out[- ]of[- ]office\w*|abwesenheit\w*|absence|auto-?reply|autoreply)\b"
    # ... or an officer of the writer's organisation, named by role ("onze FG Joost van
    # Leeuwen is de komende twee maanden met verlof"): the writer stands in for them.
    r"|\b(?:onze|our|unsere?[mnrs]?|notre|nos)\s(?:fg|dpo|functionaris\w{0,25}|collega|colleague"
    r"|kollegin|kollege|manager|directeur|director|privacy officer)\b(?: [\w.-]+){0,8}?"
    r" (?:afwezig|away|absent|abwesend|out of (?:the )?office|op vakantie|met verlof|on leave"
    r"|im urlaub|en conge|ziek|sick|krank)\b"
    # ... and their absence after ("Tijdens haar afwezigheid ben ik het aanspreekpunt").
    r"|\b(?:haar|zijn|his|her|ihrer|seiner|son|sa)\s(?:afwezigheid|absence|abwesenheit|verlof"
    r"|leave|vakantie|urlaub|conge)\b"
    # ... and a colleague's notice the writer speaks of ("Mijn collega heeft een automatisch
    # antwoord gestuurd maar …", set 256).
    r"|\b(?:heeft|hebben|has|have|hat|a)\s(?:\w+\s){0,2}(?:automatisch antwoord|automatische"
    r" reply|autoreply|auto-reply|out-of-office|out of office|afwezigheidsbericht"
    r"|afwezigheidsmelding|abwesenheitsnotiz)\w{0,2}\s(?:gestuurd|verstuurd|sent|geschickt"
    r"|gesendet|envoye)\b",
    re.IGNORECASE,
)


#: The writer speaks of their own notice as something past: the one we got from them ("het
#: automatische afwezigheidsbericht dat jullie van mij kregen"), or one they forgot to turn
#: off ("ik had mijn vakantiemelding vergeten uit te zetten").  No autoresponder says that
#: of itself; a person back at their desk does (set 283).
#: The writer's autoreply named as having answered, AND said to be a mistake or to be
#: ignored (or the writer back): a template says "Mijn afwezigheidsassistent heeft op uw
#: e-mail gereageerd omdat ik afwezig ben" of itself too (review s51b, a03/a05).
_DISMISSED = (
    r"\b(?:mijn|my)\s(?:afwezigheids\w{1,12}|automatische?\s(?:antwoord|beantwoorder)"
    r"|out[- ]of[- ]office\w{0,8}|auto-?reply|autoresponder)\s(?:heeft|has|had)\s(?:\w+\s){0,2}"
    r"(?:op\s(?:uw|jullie|je)\s(?:\w+\s){0,2}(?:gereageerd|geantwoord)|(?:replied|responded)\sto"
    r"\s(?:your|you))\b"
    r"(?=[^.!?]{0,80}\b(?:negeer|negeren|ignore|disregard|per ongeluk|ten onrechte|by mistake"
    r"|mistakenly|in error|ben (?:weer )?terug|weer terug|i'?m back|i am back)\b"
    r"|[^.!?]{0,3}[.!?]\s{1,3}(?:negeer|ignore|please ignore|disregard|ik ben (?:weer )?terug"
    r"|i'?m back|i am back)\b)"
)
_OWN_NOTICE_DISMISSED = re.compile(_DISMISSED, re.IGNORECASE)
#: The writer says they set an away notice up, beside this mail ("Ik heb een
#: afwezigheidsmelding ingesteld, maar wilde het even persoonlijk laten weten", set 812): a
#: notice does not tell of its own setting up (6 blind people's mails say it, no notice) ...
_SET_UP = (
    r"\b(?:ik heb|heb ik|i have|i've|ich habe|habe ich)\s(?:een|mijn|an?|my|eine?n?|meine?n?)\s"
    r"(?:\w+\s)?(?:afwezigheids\w+|out[- ]of[- ]office\w*|auto-?reply|automatic reply"
    r"|automatische? (?:antwoord|bericht)|abwesenheits\w+|vakantiemelding)\s(?:\w+\s){0,2}"
    r"(?:ingesteld|aangezet|set up|turned on|switched on|eingerichtet|aktiviert|eingeschaltet)\b"
    # (... then the writer's own "but": a notice says why it was set up, "I have an automatic
    # reply set up while I am on leave", the attacker's review.)
    r",?\s(?:maar|but|aber|doch|mais)\b"
)
_OWN_NOTICE_SET_UP = re.compile(_SET_UP, re.IGNORECASE)
#: ... or speaks of their notice as past: what it sent, that they forgot it, sorry for it.
_OWN_NOTICE_IN_THE_PAST = re.compile(
    _SET_UP + r"|"
    r"\b(?:afwezigheid\w*|vakantiemelding|vakantiebericht|out[- ]of[- ]office(?: reply"
    r"| message)?|auto-?reply|automatic reply|automatische? (?:antwoord|bericht)"
    r"|abwesenheitsnotiz|abwesenheitsmeldung)\s(?:dat|die|that|which|das)\s(?:jullie|u|je"
    r"|you|sie|ihr)\s(?:\w+\s){0,2}(?:van mij|from me|von mir)\s(?:\w+\s)?(?:kregen|kreeg"
    r"|ontvingen|ontving|gekregen|ontvangen|got|received|bekamen|erhalten|erhielten)\b"
    r"|\b(?:vergeten|forgot|vergessen)\b[^.!?]{0,50}\b(?:uit te zetten|uit te schakelen"
    r"|turn(?:ed)? (?:it |this |that )?off|switch(?:ed)? (?:it |this |that )?off"
    r"|auszuschalten|abzuschalten|zu deaktivieren)"
    # ... or apologising for it ("Sorry voor mijn automatische antwoord", "Förlåt för mitt
    # autosvar", set 300; "Excuses, mijn afwezigheidsassistent …", set 666): the person is
    # back and writes themselves.
    # (... only with what it did: "heeft u al een bericht gestuurd"; "Sorry, my automatic
    # reply: I am on holiday" is a notice's, the attacker's review.)
    r"|\b(?:sorry|excuses|excuus|apologies|entschuldigung|desole)[,:;]?\s(?:mijn|my|meine?)\s"
    r"(?:auto\w{0,12}|out[- ]of[- ]office\w{0,8}|afwezigheids\w{1,12}|abwesenheits\w{1,10})"
    r"\s(?:heeft|had|stuurde|gaf|has|sent|gave|hat|schickte)\b"
    r"|\b(?:sorry|excuses|excuus|apologies|forlat|ursakta|undskyld|beklager|entschuldigung"
    r"|desole)\b[^.!?]{0,20}\b(?:voor|for|fur|pour|about|over)\s(?:mijn|my|mitt|min|meine?n?|mon"
    r"|ma|the|het|de|die|den)\s"
    # (... also "my earlier": "Excuses voor mijn eerdere automatische afwezigheidsmelding",
    # set 796.)
    # (... not a template correcting itself and still away: "Excuses voor mijn vorige
    # automatische afwezigheidsmelding, daarin stond een verkeerde datum. Ik ben afwezig tot
    # en met 16 januari", review s52b.)
    r"(?:(?:eerdere|vorige|earlier|previous|vorherige|letzte) "
    r"(?![\s\S]{0,240}\b(?:ik ben|i am|i'm|ich bin) (?:nog |still |noch )?(?:afwezig|away|out of"
    r"|met (?:verlof|vakantie)|on (?:leave|holiday|vacation)|abwesend|im urlaub)\b))?"
    r"(?:auto\w{0,12}|out[- ]of[- ]office\w{0,8}|afwezigheids\w{1,10}|abwesenheits\w{1,10}"
    r"|fr[a~]nvaro\w{0,10})"
    # ... or telling what it did and that we may ignore it ("Mijn afwezigheidsassistent heeft
    # blijkbaar op uw bevestiging gereageerd, negeer dat maar", set 780).
    r"|" + _DISMISSED,
    re.IGNORECASE,
)


#: A family member reading the writer's mail or standing in ("mijn dochter leest mijn mail;
#: u kunt haar ook antwoorden", "bel gerust mijn zoon", sets 310, 319 and 342).  Asked by
#: ``absence_notice``: no blind autoresponder it took says so (0 of 315), while
#: autoresponders under an out-of-office subject do ("MIJN ZOON LEEST MIJN POST", set 186).
#: ``away_notice`` asks it too: it reads replies to our mail, not out-of-office subjects.
#: The writer standing in for someone away, in the first person: the absent one's mail
#: reaching them, an open request taken up, the contact point for now ("Reacties op zijn
#: mails komen bij mij binnen. Het openstaande verzoek pak ik op.", "Vanwege de vakantie van
#: Iris ben ik tot 1 december aanspreekpunt", set 910): the notice's owner is the one away.
#: (Not "ben ik weer aanspreekpunt", the owner's return.)
_STANDS_IN_AS_WRITER = re.compile(
    r"\b(?:zijn|haar|hun|his|her|their) (?:e-?mails?|mail|berichten) (?:komen|komt)"
    r" (?:nu |nu ook )?bij mij (?:binnen|terecht)\b"
    r"|\b(?:het|dat|die|dit|de) (?:openstaande |lopende )?(?:verzoek|dossier|zaak|aanvraag)\w{0,2}"
    r" (?:pak|neem) ik (?:op|over)\b"
    r"|\bi(?:'ll| will) (?:pick up|take over|handle) (?:the|his|her|their|this) (?:open |pending )?"
    r"(?:request|case|file)s?\b"
    # (Nor "ben ik niet het aanspreekpunt", "ben ik geen aanspreekpunt", "I am not the point
    # of contact": the away notice's own word that it is not, review s62b.)
    r"|\bben ik (?:(?!\b(?:weer|niet|geen)\b)[^.!?\n]){0,30}?\s(?:het |de )?(?:aanspreekpunt"
    r"|contactpersoon)\b"
    r"|\bi am (?:(?!\b(?:back|again|not|no)\b)[^.!?\n]){0,30}?\sthe (?:point of contact"
    r"|contact person)\b",
    re.IGNORECASE,
)
_FAMILY_STANDS_IN = re.compile(
    r"\b(?:bel|call|contact|mail) (?:gerust |dan )?(?:mijn|my) (?:dochter|zoon|man|vrouw|broer"
    r"|zus|daughter|son|husband|wife|brother|sister)\b"
    # ... or with the verb last ("kunnen jullie mijn man bellen, 06-…", set 882); not in a
    # sentence for urgent matters or the absence, an away notice's way on ("In dringende
    # gevallen kunt u mijn vader bellen", the attacker's review s59b).
    r"|(?:^|(?<=[.!?\n]))(?:(?!dringend|spoed|urgent|noodgeval|afwezigheid|vakantie)[^.!?\n])"
    r"{0,120}?\bmijn (?:dochter|zoon|man|vrouw|partner|broer|zus|moeder|vader) (?:bellen|mailen"
    r"|appen|benaderen)\b"
    # ... also "neem dan contact op met mijn dochter", "get in touch with my son" (set 868).
    r"|\b(?:contact (?:op )?met|in touch with|contact with) (?:mijn|my) (?:dochter|zoon|man"
    r"|vrouw|broer|zus|daughter|son|husband|wife|brother|sister)\b"
    r"|\b(?:mijn|my) (?:dochter|zoon|broer|zus|daughter|son|brother|sister)(?: \w+)? (?:mag|kan"
    r"|leest|kijkt|may|can|reads|checks|will)\b"
    # ... or a partner reading along ("Mijn man kijkt in de tussentijd mee in deze mailbox,
    # u mag hem gewoon antwoorden", set 361).
    r"|\b(?:mijn|my) (?:man|vrouw|partner|husband|wife) (?:kijkt|leest|reads|checks)\b"
    r"|\bu mag (?:hem|haar) (?:gewoon |ook )?(?:antwoorden|mailen|bellen)\b"
    # ... or one the writer has authorised ("contact opnemen met mijn zoon, die ik heb
    # gemachtigd", set 440; no blind automatic message says it).
    r"|\b(?:die|wie) ik (?:heb )?gemachtigd(?: heb)?\b|\bik heb (?:hem|haar) gemachtigd\b"
    r"|\bwhom i (?:have )?authori[sz]ed\b|\bi(?:'ve| have) authori[sz]ed (?:him|her)\b"
    # ... or stands in as the contact ("Ik ben de contactpersoon", set 493; no blind
    # automatic message says it).
    r"|\bik ben (?:nu |vanaf nu )?(?:de|het) (?:contactpersoon|aanspreekpunt)\b"
    r"|\bi am (?:now )?the contact(?: person)?\b"
    # ... or holds the writer's power of attorney ("My sister has power of attorney and may
    # contact you on my behalf", set 846; a notice names a colleague, not a mandate).
    r"|\b(?:mijn|my) (?:dochter|zoon|broer|zus|daughter|son|brother|sister|man|vrouw|partner"
    r"|husband|wife)(?: \w+)? (?:has|heeft) (?:a |een )?(?:power of attorney|volmacht|machtiging)\b"
    # ... or who stands in for a colleague themselves ("Ik neem haar zaken waar", set 670;
    # an autoresponder names its owner's stand-in in the third person).
    r"|\bik neem (?:haar|zijn|de|hun) (?:zaken|taken|werk|werkzaamheden|dossiers?)"
    r" (?:\w+ )?waar\b|\bik vervang (?:haar|hem)\b|\bi(?:'m| am) (?:standing in|covering)"
    r" for (?:her|him)\b"
    # ... or who will get in touch with us ("Mijn zoon neemt contact met u op als er iets
    # nodig is", set 463): a notice sends its reader to someone, not someone to the reader.
    r"|\b(?:mijn|my) (?:dochter|zoon|man|vrouw|partner|broer|zus|daughter|son|husband|wife"
    r"|brother|sister) (?:neemt|zal) (?:\w+ )?contact (?:met u|met jullie|op)\b"
    r"|\b(?:mijn|my) (?:daughter|son|husband|wife|partner) will (?:contact|get in touch with)"
    r" you\b|\bneemt (?:mijn|my) (?:dochter|zoon|man|vrouw|partner|broer|zus) (?:\w+ )?contact"
    r" (?:met (?:u|jullie) )?op\b",
    re.IGNORECASE,
)


def absence_notice(v: MessageView) -> str | None:
    """An absence in the lexicon's words, with a return or a way on, that asks nothing.

    The subject rules need a known absence word at the subject's start, and
    ``away_notice`` knows only so many ways to say "I am away"; notices written by
    people in their own words ("Bin bis Ende der Woche auf Montage", "Op vakantie tot
    28/2") got through.  This rule reads the language's own words for being away and
    coming back (``data/absence.yaml``), and only where a notice stands: the subject
    names the absence, or the mail answers ours or thanks for *your* message.  A person
    telling us they are away still asks something (a question, their request or data,
    a typed code, "could you", "please send"), quotes our mail under a subject of
    their own, or writes a letter's length: then it is their mail.
    """
    if v.speaks_under_a_notice or v.human_voice or types_our_reference(v.subject):
        return None
    if answers_an_autoreply(v.subject) or _says_not_a_robot(v.subject):
        return None
    head = v.head_text
    if not head or len(head) > _ABSENCE_NOTICE_CHARS:
        return None
    # A subject a person's client made by replying to someone's absence ("Re: Afwezig: …")
    # names the other's absence, not the writer's.
    # An absence tag an autoresponder puts after our subject ("Re: Auto: [PRV-…] privacy
    # (afwezig)") is the notice's own.
    in_subject = None
    # (... and so does one made by forwarding it: "I: Afwezig: Domanda", "VB: Afwezig:
    # question" over "ho ricevuto il messaggio di assenza qui sotto", set 813.)
    if not CLIENT_REPLY.match(v.subject) and not FORWARD_PREFIX.match(v.subject):
        subject = _OTHERS_ABSENCE.sub(" ", _FROM_OUR_TOKEN.sub("", v.subject))
        subject = _PAST_ABSENCE.sub(" ", subject)
        in_subject = ABSENT.search(_ROLE_ABSENT.sub(" ", subject))
    if in_subject and _TICKET_STATUS.search(v.subject):
        in_subject = None
    # A subject that opens with the writer's own question ("Wie neemt het over?
    # (afwezigheidsbericht)", set 750): a notice's subject states the absence or echoes ours
    # (1 of the 872 blind notices this rule took has a "?" outside our subject, after its
    # absence word).
    # (Only a question right before the tag, and not a template's "Heeft u een vraag?",
    # "Spoed?" with a number: the attacker's second review.)
    opens = _OPENS_WITH_A_QUESTION.match(v.subject)
    if opens and not _TEMPLATE_QUESTION.fullmatch(fold(opens.group(1)).strip()):
        return None
    tag = _TRAILING_TAG.search(v.subject)
    tagged = None
    # ... also without our token when the tag is the absence word alone ("Re: Uw bericht
    # [afwezig]", set 461): no person tags their own reply so (1 of the 136,372 people's
    # subjects in the blind sets, under a forward).
    if (
        in_subject is None
        and tag
        and (
            TOKEN_RE.search(v.msg.subject or "")
            or (ABSENT.fullmatch(tag.group(1).strip()) and not FORWARD_PREFIX.match(v.subject))
        )
    ):
        in_subject = tagged = ABSENT.search(tag.group(1))
    # A mailbox given up by its owner, with the new address to write to and nothing else
    # ("I have moved abroad and no longer use this mailbox. Please write to …", set 613; none
    # of the 169,972 blind people says it of their own mailbox).  Only the two sentences and
    # a name: "… Please close it and remove everything" or "please send the documents to …"
    # is a person's matter (the attacker's review of set 613's fixes), and so is a reply
    # under our case's subject.
    given_up = _MAILBOX_GIVEN_UP.match(head)
    if given_up and len(head) <= _SHORT_AUTO_NOTE and not TOKEN_RE.search(v.msg.subject or ""):
        rest = _WRITE_TO.sub(" ", head[given_up.end() :], count=1)
        if rest != head[given_up.end() :] and len(re.findall(r"[^\W\d_]+", rest)) <= 4:
            return f"absence notice: mailbox given up ({given_up.group(0)[:40]!r}), a new address"
    # (... or greeting whoever wrote as the sender: "Beste afzender, In verband met verlof ben
    # ik tot maandag 23 november niet bereikbaar", set 769; no person greets us so.)
    # (... also over the days its owner works: "Beste afzender, Ik werk op maandag, dinsdag
    # en donderdag", set 856.)
    greets_any_sender = bool(v.head) and bool(_SENDER_GREETING_ALONE.fullmatch(v.head[0]))
    if not (
        in_subject
        or answers_us(v)
        or _THANKS_OPENER.match(head)
        or (greets_any_sender and (_STAND_IN.search(head) or _WORKDAY_NOTICE.search(head)))
    ):
        return None
    if quotes_below(v) and not in_subject:
        return None
    text = _MAIL_ACCESS.sub(" ", URL.sub(" ", URGENT_QUESTION.sub(" ", v.own_words)))
    # (A "kunt u" that sends the reader to a colleague's address is the notice's way on:
    # "Voor privacyzaken kunt u mailen naar Lotte Postma (lotte@…)", set 497.)
    modal = _MODAL_REQUEST.search(_POINTS_ELSEWHERE.sub(" ", text))
    if _away_request(text) or modal or TYPED_CODE.search(head):
        return None
    if OUR_REFERENCE.search(text) or _DELEGATION.search(text):
        return None
    # A phone's footer is a person's, unless an absence tag after our subject and an
    # absence in the text both say autoresponder (its owner's footer kept).
    if MOBILE_FOOTER.search(head) and not (tagged and ABSENT.search(text)):
        return None
    # (Our own name for the case echoed before our token is no request typed: "Auto: Re: Uw
    # verzoek om inzage [PRV-…]", set 811.)
    if _asks_politely(text) or _ASKS.search(_FROM_OUR_TOKEN.sub("", _without_our_name(v.subject))):
        return None
    if _ANSWER_ME.search(text) or _CODE_LABEL.search(text) or TELL_US.search(text):
        return None
    # (... or speaks of their own request or identity, as under ``oof_subject``'s strong
    # prefix: "Uw verzoek om een scan van het rijbewijs heb ik gelezen".)
    if (
        absence_not_now(v)
        or _OWN_NOTICE_IN_THE_PAST.search(text)
        or _THANKS_FOR_OUR_ACK.match(head)
        or _A_PERSON_AWAY.search(v.own_words)
        or _MY_REQUEST.search(v.own_words)
    ):
        return None
    # ... nor one who acts as only a person does ("Ik heb dat vandaag gerepareerd", set 353;
    # 0 of the 332 blind autoresponders this rule took).
    # (An absence tag after our subject echoed is the autoresponder's: "Ontvangstbevestiging
    # [PRV-…] [afwezig]", the attacker's review.)
    echoes_ours = bool(in_subject) and bool(
        TOKEN_RE.search(v.msg.subject or "") or OUR_REFERENCE.search(v.subject)
    )
    if (
        _a_note_of_its_own(v, echoes_ours)
        or _FAMILY_STANDS_IN.search(text)
        or _STANDS_IN_AS_WRITER.search(text)
        or passes_on_or_acts(v.own_words)
    ):
        return None
    absent = (
        ABSENT.search(_OTHERS_ABSENCE.sub(" ", text))
        or in_subject
        or (_WORKDAY_NOTICE.search(text) if greets_any_sender else None)
    )
    if absent is None:
        return None
    # The absence tag after our subject over a greeting and nothing more ("Re:
    # Ontvangstbevestiging PRV-… [afwezig]" over "Goedendag,", set 707): a template whose
    # text was lost, as ``oof_subject`` reads its weak words over our subject; a person
    # who tags their reply so still writes something.
    if tagged and _GREETING_ONLY.fullmatch(head):
        return f"absence notice: tag {tagged.group(0)[:30]!r} over a greeting alone"
    later = LATER.search(text) or _RETURN_DATE.search(text) or _AWAY_ALTERNATIVE.search(text)
    if later is None:
        return None
    return f"absence notice {absent.group(0)[:40]!r} with {later.group(0)[:30]!r}"


#: The own words of an away notice sent with a bounce handler's envelope: a short note.
_ENVELOPE_AWAY_CHARS = 400


def away_with_a_bounce_envelope(v: MessageView) -> str | None:
    """An away note whose envelope sender is a bounce handler's (``bounces@``, VERP), not
    the author's: an autoresponder's, even when it quotes our mail below and signs with
    its owner's name (sets 292, 293).  A person typing "ik ben tot vrijdag afwezig" sends
    from their own client, with their own address as envelope; ``absence_notice`` and
    ``away_notice`` must stay cautious there, and do.  Still a person's when the note asks
    or tells us something beyond the absence."""
    envelope = bounce_handling_envelope(v)
    # A leaver's note, the whole text: someone no longer reached at this address and the
    # address to use instead ("Jan-Willem de Wit is niet meer bereikbaar op dit adres.
    # Gebruik voortaan x@…", set 888), sent by the old mailbox through a bounce handler.
    if envelope is not None and not relays_a_form(v):
        leaver = _LEAVER_NOTE.fullmatch(v.own_words)
        # (Only of someone by their own name, under a reply prefix only the sender's own:
        # "Mijn moeder is niet meer bereikbaar op dit adres", "Herr Becker ist nicht mehr
        # erreichbar" under "AW: Ihre Anfrage …", "Mijn man Henk Peters …" under "Re:
        # Ontvangstbevestiging …" are people telling the desk of someone else, the attacker's
        # review s60.)
        name = v.own_words[: leaver.start(1)].strip(" \t\n.,:;-") if leaver else ""
        if (
            leaver
            and _A_NAME_ALONE.fullmatch(name)
            and (not CLIENT_REPLY.match(v.subject) or _the_senders_name(v, name))
        ):
            return f"leaver's note {leaver.group(1)[:40]!r} with envelope sender {envelope[:60]}"
    # The writer's own absence, in the first person; not a ticket system or form passing
    # on a person's words about a colleague ("Ik heb jullie vraag doorgezet naar onze FG.
    # Zij is deze week op cursus", set 104).
    if envelope is None or not v.first_person or relays_a_form(v):
        return None
    if passes_on_or_acts(v.own_words) or PASSES_ON.search(v.own_words):
        return None
    text = v.own_words
    if not text or len(text) > _ENVELOPE_AWAY_CHARS or "?" in text:
        return None
    text = _MAIL_ACCESS.sub(" ", URL.sub(" ", URGENT_QUESTION.sub(" ", text)))
    if _away_request(text) or _MODAL_REQUEST.search(text) or TYPED_CODE.search(text):
        return None
    if OUR_REFERENCE.search(text) or TELL_US.search(text) or _asks_politely(text):
        return None
    # The sentences as written: "with intermittent access" is the note's own (set 346).
    for sentence in _SENTENCE.findall(_OTHERS_ABSENCE.sub(" ", URL.sub(" ", v.own_words))):
        # ... or their working days, or a promise to look at the mail later ("Ik werk op
        # maandag, dinsdag en donderdag", "Ik kijk er deze week naar en laat het je weten",
        # sets 314 and 318): an autoresponder's template with its owner's voice.
        absent = (
            ABSENT.search(sentence)
            or _FIRST_PERSON_AWAY.search(sentence)
            or _WORKDAY_NOTICE.search(sentence)
            or _LOOKS_LATER.search(sentence)
        )
        if absent and first_person_in(sentence):
            return f"away note {absent.group(0)[:40]!r} with envelope sender {envelope[:60]}"
        # ... or its address given up ("This address is no longer in use. … Messages are not
        # forwarded.", set 559), said of the address, not in the first person.
        gone = _ADDRESS_GONE.search(sentence)
        if gone:
            return f"note {gone.group(0)[:40]!r} with envelope sender {envelope[:60]}"
        # ... or its owner's mailbox full, the message not taken ("Mein Postfach ist voll,
        # Ihre Nachricht konnte nicht angenommen werden", "A postafiókom megtelt", set 637).
        # (Only with the message not taken and no other address to write to: a person
        # writing through their employer's mailing system gives one, the attacker's review.)
        # ... or its owner's address changed, the message not delivered ("Mijn e-mailadres is
        # gewijzigd. Uw bericht is NIET afgeleverd. Nieuw adres: …", set 849): the old
        # mailbox's own answer; a person telling us of a new address asks us to use it.
        changed = _MY_ADDRESS_CHANGED.search(sentence)
        # (Only where it gives the new address and asks nothing for the writer's own matter:
        # "Mijn e-mailadres is gewijzigd … Stuur mijn gegevens naar dit adres" is a person's
        # request through their new provider's mailer, review s56.)
        if (
            changed
            and _NOT_TAKEN.search(v.own_words)
            and len(v.own_words) <= _MAILBOX_FULL_CHARS
            and ADDRESS.search(v.own_words)
            and not _away_request(v.own_words)
            and not _MY_REQUEST.search(v.own_words)
            and not _SEND_MINE.search(v.own_words)
        ):
            return f"note {changed.group(0)[:40]!r} with envelope sender {envelope[:60]}"
        full = _MY_MAILBOX_FULL.search(sentence)
        # (... nor signed or closed by a person answering in our case's thread through
        # their employer's mailer, the third review.)
        if (
            full
            and _NOT_TAKEN.search(v.own_words)
            and not ADDRESS.search(v.own_words)
            and len(v.own_words) <= _MAILBOX_FULL_CHARS
            and not v.closes_formally
            and not closes_with_a_name(v)
            and not _ends_with_the_senders_name(v)
        ):
            return f"note {full.group(0)[:40]!r} with envelope sender {envelope[:60]}"
    return None


def _ends_with_the_senders_name(v: MessageView) -> bool:
    """The text's last line is the sender's display name or its first word: a person
    signing ("… Vanaf morgen is er weer ruimte. / Femke Hoekstra", the third review)."""
    lines = [fold(line).strip().lower() for line in v.head if line.strip()]
    if len(lines) < 2:
        return False
    for name, _ in v.mailboxes:
        name = " ".join(fold(name).lower().split())
        if name and lines[-1] in (name, name.split()[0]):
            return True
    return False


#: A person's name alone: capitalised words, the particles between them in lower case, no
#: title or possessive first ("Jan-Willem de Wit", not "Mijn man Henk Peters" or "Herr
#: Becker").
_A_NAME_ALONE = re.compile(
    r"(?!(?:mijn|my|onze|ons|our|unser\w?|mein\w?|herr|frau|mr|mrs|ms|dr|drs|ir|prof|mevrouw"
    r"|mevr|meneer|dhr|de heer)\b)(?-i:[A-Z][\w'-]{1,30})(?: (?:(?-i:[A-Z][\w'-]{0,30})|de|van"
    r"|der|den|ter|ten|von|la|le|du)){0,4}",
    re.IGNORECASE,
)


def _the_senders_name(v: MessageView, name: str) -> bool:
    """Every word of ``name`` stands in the sender's display name or address."""
    own = " ".join(f"{fold(display)} {address}" for display, address in v.mailboxes).lower()
    words = re.findall(r"[^\W\d_]{3,}", fold(name).lower())
    return bool(words) and all(w in own for w in words)


#: Someone no longer reached at this address, then the address to use from now on, and
#: nothing else ("Ilse Hoekstra is niet meer bereikbaar op dit adres. Gebruik voortaan x@…").
_LEAVER_NOTE = re.compile(
    r"\W{0,3}(?:[^\W\d_][\w'-]{0,30} ){1,5}?((?:is niet meer bereikbaar|is no longer (?:reachable"
    r"|available)|ist nicht mehr erreichbar) (?:op|at|unter) (?:dit|this|dieser) (?:e-?mail ?)?"
    r"(?:adres|address|adresse))\.\s(?:please )?(?:gebruik voortaan|gebruik vanaf nu|use|please"
    r" use|bitte verwenden sie(?: kunftig)?|verwenden sie bitte) [\w.+-]{1,64}@[\w-]{1,63}"
    r"(?:\.[\w-]{1,63})+(?: instead| voortaan| from now on)?\.?\s*",
    re.IGNORECASE,
)
#: A quota notice is a sentence or two.
_MAILBOX_FULL_CHARS = 200
#: The message not taken, as a quota notice says after the full mailbox.
_NOT_TAKEN = re.compile(
    r"\b(?:nicht (?:angenommen|zugestellt)|nie dotarla|nem erkezett meg|could not be delivered"
    r"|was not delivered|niet (?:afgeleverd|aangekomen|bezorgd)|nu a (?:fost livrat|ajuns))\b",
    re.IGNORECASE,
)
#: The owner's address changed, in the first person, as an old mailbox's notice words it.
_MY_ADDRESS_CHANGED = re.compile(
    r"\b(?:mijn|my|mein\w?) (?:e-?mail[- ]?|mail)?(?:adres|address|adresse) (?:is|has|hat sich)"
    r" (?:\w+ )?(?:gewijzigd|veranderd|changed|geandert)\b",
    re.IGNORECASE,
)
#: The writer asking for what is theirs to be sent or used ("Stuur mijn gegevens naar dit
#: adres", "please use this address for my request"): a person's, not an old mailbox's.
_SEND_MINE = re.compile(
    r"\b(?:stuur|stuurt u|send|senden sie|envoyez)\b[^.!?]{0,30}\b(?:mijn|my|meine?|mes)\b"
    r"|\b(?:gebruik|use|verwenden sie)\b[^.!?]{0,60}\b(?:voor|for|fur) (?:mijn|my|meine?)\b",
    re.IGNORECASE,
)
#: The owner's mailbox full, in the first person, as a quota notice words it.
_MY_MAILBOX_FULL = re.compile(
    r"\b(?:mein (?:e-?mail-?)?postfach ist voll|my (?:mailbox|inbox) is full|mijn (?:mailbox"
    r"|inbox|postvak) is vol|moja skrzynka(?: pocztowa)? jest pelna|a postafiokom megtelt"
    r"|casuta mea (?:de e-?mail )?este plina)\b",
    re.IGNORECASE,
)


#: A mailbox its owner no longer uses, in the first person.
_MAILBOX_GIVEN_UP = re.compile(
    r"\W{0,3}(?:(?:i|we)(?: have|'ve)? moved(?: \w+){0,3} and (?:(?:i|we) )?|(?:i|we) )no longer"
    r" use this (?:mailbox|e-?mail address|address)(?: any ?more)?\s?[.!]"
    r"|\W{0,3}(?:ik gebruik|wij gebruiken|we gebruiken) (?:dit|deze) (?:e-?mail ?)?(?:adres"
    r"|mailadres|mailbox) niet meer\s?[.!]"
    r"|\W{0,3}ich (?:nutze|benutze|verwende) (?:diese|dieses) (?:e-?mail-?)?(?:adresse|postfach)"
    r" nicht mehr\s?[.!]"
    # ... or said of the address alone ("Cette adresse n'est plus consultée.", "Diese Adresse
    # wird nicht mehr gelesen.", set 867).
    r"|\W{0,3}cette (?:adresse|boite)(?: e-?mail| mail| electronique| courriel)? n'est plus"
    r" (?:consultee|utilisee|lue|relevee)\s?[.!]"
    r"|\W{0,3}dieses? (?:e-?mail-?|mail)?(?:adresse|postfach) wird nicht mehr (?:gelesen"
    r"|genutzt|verwendet|abgerufen)\s?[.!]"
    # ... or no longer active ("Diese Adresse ist nicht mehr aktiv.", the attacker's review
    # s58; "This address is no longer active.").
    r"|\W{0,3}dieses? (?:e-?mail-?|mail)?(?:adresse|postfach) ist nicht mehr aktiv\s?[.!]"
    r"|\W{0,3}this (?:e-?mail )?(?:address|mailbox) is no longer active\s?[.!]",
    re.IGNORECASE,
)
#: The one sentence that sends the reader to the new address.
_WRITE_TO = re.compile(
    r"(?:please |graag |bitte )?(?:write|e-?mail|mail|schrijf|schreiben sie) (?:me )?"
    r"(?:to|naar|an) [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\.?"
    r"|(?:merci d'|veuillez )?(?:ecri(?:re|vez) a|utiliser|utilisez) [\w.+-]{1,64}@[\w-]{1,63}"
    r"(?:\.[\w-]{1,63})+\.?"
    # ... or to turn to it ("Bitte wenden Sie sich an x@…", "Please contact x@…").
    # (... the sentence ending at the address: "Please contact dpo@… with your DSAR reply",
    # "Bitte wenden Sie sich an meier@… wegen meines Mandanten" are people's, the attacker's
    # review s59.)
    r"|(?:bitte )?wenden sie sich (?:bitte )?an [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"
    r"(?=[.!]|\s*$)\.?"
    r"|(?:please )?contact [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+(?: instead)?"
    r"(?=[.!]|\s*$)\.?"
    r"|(?:my|mijn|meine) nieuwe? (?:e-?mail ?)?(?:address|adres|adresse) (?:is|ist) "
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\.?",
    re.IGNORECASE,
)
#: An address given up, as its own notice says ("This address is no longer in use", "Dit
#: e-mailadres wordt niet meer gelezen").
_ADDRESS_GONE = re.compile(
    r"\b(?:this|dit|dieses?|deze) (?:e-?mail ?)?(?:address|adres|adresse|mailadres) (?:is|wordt"
    r"|wird) (?:no longer|niet meer|nicht mehr) (?:in use|used|monitored|gebruikt|in gebruik"
    r"|gelezen|verwendet)\b",
    re.IGNORECASE,
)


#: A promise to read the mail later, in the first person ("Ik kijk er deze week naar en laat
#: het je weten", "I will look into it and get back to you", "Ich melde mich so bald wie
#: möglich"): an autoresponder's, when its envelope is a bounce handler's.
_LOOKS_LATER = re.compile(
    r"\bik kijk er (?:\w+ ){0,3}naar\b|\bik (?:kom|reageer) (?:er )?(?:\w+ ){0,3}(?:op terug"
    r"|zo snel mogelijk)|\bi(?:'ll| will) (?:look into it|get back to you|reply as soon"
    r"|reply (?:on|upon|after) my return)|\bwill (?:reply|respond) (?:on|upon|after) my return"
    # ... or on being back, or short of access ("I'll answer as soon as I'm back", "I am
    # working from home today with intermittent access", set 346).
    r"|\bi(?:'ll| will) (?:answer|reply|respond|get back)(?: to you)? (?:as soon as|when)"
    r" i(?:'m| am) back\b|\b(?:limited|intermittent|patchy|no) (?:e-?mail |internet )?access\b"
    r"|\bich (?:melde mich|antworte)(?: \w+){0,3} (?:so bald|sobald|schnellstm[o~]glich)",
    re.IGNORECASE,
)


#: A client's reply prefix over an out-of-office prefix ("RE: Automatisch antwoord: …",
#: "Sv: Automatiskt svar: …"): a person answering someone's autoreply.
_REPLY_TO_AN_AUTOREPLY = re.compile(
    # ... or a forward of one ("ILT: Out of Office: …", Turkish, set 328).
    r"^(?:re|aw|antw|sv|vs|odp|r|rif|res|fwd?|wg|tr|doorst|ilt|enc|rv)\s?:\s?",
    re.IGNORECASE,
)


def answers_an_autoreply(subject: str) -> bool:
    """The subject is a person's reply to an autoreply: we never send mail under an
    out-of-office subject, so no notice answering ours carries one behind "RE:" (set 311:
    "Excuses voor mijn automatische afwezigheidsmelding, ik ben inmiddels terug").  Not
    our acknowledgment's "Auto: [PRV-…]" behind it: autoresponders answer it as "Re: Auto:
    …" too."""
    prefix = _REPLY_TO_AN_AUTOREPLY.match(subject)
    if prefix is None:
        return False
    rest = subject[prefix.end() :]
    # ... a weak absence word too, as a prefix with its colon ("AW: Abwesend: [PRV-…]",
    # set 320).
    return bool(_OOF_SUBJECT.match(rest) or _OOF_WEAK_PREFIX.match(rest))


_OOF_WEAK_PREFIX = alternation(OOF_WEAK_SUBJECTS, r"\s?:")
