"""Provider event notifications (bounce, complaint, delivery) delivered as JSON.

Why: sending services forward their webhooks by mail, and a JSON body carries
no sign a header rule can read.  A person pasting JSON into a question or a
complaint is told apart by what surrounds the JSON.
"""

from __future__ import annotations

import json
import re

from privacybot.triage.automatic_headers import TELL_US
from privacybot.triage.automatic_subjects import (
    fold,
)
from privacybot.triage.automatic_view import (
    CITIZEN,
    HEAD_CHARS,
    PERSON_REQUEST,
    URL,
    MessageView,
    closes_with_a_name,
)

#: Content types of provider event notifications.
JSON_TYPES: frozenset[str] = frozenset({"application/json", "text/json", "application/x-ndjson"})
#: A JSON media type, registered or vendor ("application/problem+json").
_JSON_MEDIA = re.compile(r"application/(?:[\w.-]+\+)?json|text/json|application/x-ndjson")
_JSON_CHARS = 64_000
#: Keys (and values) of provider event notifications: SES/SNS, SendGrid-like webhooks.
_JSON_EVENT_KEYS = re.compile(
    r'"(?:notificationType|eventType|bounceType|bounceSubType|complaintFeedbackType'
    r"|bouncedRecipients|complainedRecipients|smtp[-_]id|sg_event_id|sg_message_id|TopicArn"
    r"|diagnosticCode"
    # SparkPost's and Mailgun's bounce fields ("bounce_class", "raw_reason", "rcpt_to").
    r'|bounce_class|raw_reason|rcpt_to|delivery-status)"\s*:'
    # The Dutch government's Notificaties API (ZGW): its main object by URL and its channel
    # ('"kanaal": "zaken"', '"hoofdObject": "https://…"', set 794).
    r'|"hoofdObject"\s*:\s*"https?://'
    # A webhook's dotted event name ("consent.expiring", "user.deleted").
    r'|"(?:event|type|event_?type|action|alert)"\s*:\s*"[a-z][a-z0-9_]{1,30}\.[a-z0-9_.]{2,40}"'
    r'|"(?:event|type|Type|status|state|bounce|complaint|delivery|action)"\s*:\s*(?:[\[{]|"(?:bounced?'
    r"|complaint|delivery|delivered|notification|dropped|deferred|spamreport|failed|rejected|reject"
    r'|permanent|transient|hard_?bounce|soft_?bounce|error|errored|failure|timeout)")',
    re.IGNORECASE,
)
#: A preface line in the first person ("Your API gave me this:") is a person pasting JSON.
_FIRST_PERSON = re.compile(
    r"\b(?:i|me|my|i'm|ik|mij|mijn|ich|mir|mich|mein\w{0,2}|je|moi|mon|mes|yo|io"
    # ... and in Russian, Ukrainian and Lithuanian ("Я розробник …", "esu … programuotojas",
    # set 536).
    r"|я|мы|ми|мне|мені|мене|меня|мой|мій|моя|наш\w{0,2}|aš|esu|mano)\b",
    re.IGNORECASE,
)
#: "I", "my" under the JSON (not the Dutch "je", which a notice's footer says to its reader).
_I_UNDER = re.compile(r"\b(?:ik|i|mij|mijn|my|ich|mein\w{0,2})\b", re.IGNORECASE)
#: A preface addressing the reader ("Your JSON export is broken:", "Jullie systeem stuurde
#: dit:") is a person showing the desk something; providers' prefaces are impersonal.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|jullie|uw|je|jouw|ihr\w{0,2}|sie|euer|votre|vos|tu|su|sus|vostr\w|seu|sua)\b",
    re.IGNORECASE,
)
_DUTCH_WORDS = re.compile(r"\b(?:het|een|wordt|daarom|niet|met|van|naar|voor|gaf|krijg)\b", re.I)
_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|des|une|est|pas|vous|votre|suis|ai)\b", re.I)
_JE = re.compile(r"\bje\b", re.IGNORECASE)


def _dutch_je_dropped(line: str) -> str:
    """``line`` without "je" where the line is Dutch and not French: there it is "you"."""
    if _DUTCH_WORDS.search(line) and not _FRENCH_WORDS.search(line):
        return _JE.sub(" ", line)
    return line


_WEBHOOK_PREFACE = re.compile(r"\bwebhook[-\w]{0,12}|\b(?:callback|endpoint)\b", re.IGNORECASE)
#: A JSON key, to tell a cut-off provider payload from prose with a brace in it.
_JSON_KEY = re.compile(r'"[^"\n]{1,40}"\s*:')
_JSON_PREFACE_LINES = 4
#: A short label and a colon with the JSON on the same line ("Payload: {", "Event data: [").
#: ... or a form field's name, as a webhook posts it ("mandrill_events=[{…").
_LABEL_BEFORE_JSON = re.compile(r"^([^{}\[\]\n]{1,100}):\s*(?=[{\[])|^([\w.-]{1,40})=(?=[{\[])")
_JSON_EVENT_WORDS = re.compile(
    r"\b(?:bounce[ds]?|complaint|delivery (?:event|report|notification)|events?|webhook"
    # ... in the plural and in Dutch and German too ("Privacy events", "gebeurtenissen
    # (JSON Lines) in de bijlage", set 602).
    r"|notification|gebeurtenis(?:sen)?|ereignisse?|json lines)\b",
    re.IGNORECASE,
)


#: A preface that only names what follows, as a system labels its payload ("Webhook delivery
#: report", "Event payload", "Statusfeed"): no one's words.
_MACHINE_LABEL = re.compile(
    r"(?:[\w-]+ ){0,2}(?:webhook|payload|event|events|delivery report|status ?feed|run log"
    r"|notification|alert|callback|automatische melding|automatic notification"
    r"|automated (?:message|notification))(?: [\w-]+){0,3}"
    # ... and a bracketed word after it ("Alert details (raw):", set 455).
    r"(?: \([\w -]{1,20}\))?"
    # ... or a pointer to the data under it ("Zie onderstaande gegevens", set 472).
    r"|zie onderstaande (?:gegevens|details)|see (?:the )?(?:data|details) below"
    # ... or an automatic message named by its kind ("Automatische leveringsmelding.
    # Details in JSON:", set 512).
    r"|automatische \w{2,20}melding|details in json",
    re.IGNORECASE,
)


#: A header-like field line over a payload ("Event: secret_scanning_alert", "Delivery:
#: ef4f3274-8f30"): a name and one token, as webhook bridges copy their request's headers.
_FIELD_LINE = re.compile(r"[a-z][\w-]{1,30}:\s?[\w.:/@+-]{1,80}", re.IGNORECASE)
#: A timestamp a system stamps ("2026-02-26T12:49:01.000000Z", "2026-10-20 11:50:47+01:00").
_TIMESTAMP = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?(?:z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)


def _machine_label(lines: list[str]) -> bool:
    """Each sentence of the preface only names what follows ("Automatische melding.
    Payload hieronder.", "Event received at 2026-02-26T12:49:01Z"), or the preface is
    field lines of a name and one token each ("Event: secret_scanning_alert")."""
    if lines and all(_FIELD_LINE.fullmatch(line) for line in lines if line):
        return True
    preface = _TIMESTAMP.sub(" ", fold(" ".join(lines)))
    parts = [p.strip(" :.") for p in re.split(r"[.:]\s", preface) if p.strip(" :.")]
    return bool(parts) and all(_MACHINE_LABEL.fullmatch(part.strip()) for part in parts)


#: A system saying that its own run, call or delivery failed, in its words.
_FAILURE_PREFACE = re.compile(
    r"\b(?:returned (?:http )?\d{3}|encountered an error|error in step|failed at (?:node|step)"
    r"|hit a snag|could not be (?:delivered|processed)|kon niet worden (?:afgeleverd|doorgegeven"
    r"|verwerkt)|in (?:schritt|stap|step) \d+ (?:fehlgeschlagen|mislukt|failed)"
    r"|(?:ist|is) (?:in schritt \d+ )?fehlgeschlagen|http \d{3}\b"
    r"|failed after \d{1,3} (?:attempts|retries|tries)|mislukt na \d{1,3} pogingen"
    # ... or that its run went through, over what it produced ("Your automation ran.
    # Here's the payload:").
    r"|your (?:automation|zap|workflow|flow|scenario|recipe|integration) (?:ran|has run"
    r"|fired|was triggered|completed|succeeded)\b|here(?:'s| is) the (?:payload|event data)"
    # ... or says what sent it ("This notification was sent by a webhook-to-email bridge").
    r"|(?:sent|generated|forwarded) (?:by|from) (?:a |an |the |our )?(?:webhook|bridge|monitor"
    r"|automation|integration|system)\b"
    # ... or why the reader gets it ("You are receiving this email because an email endpoint
    # is subscribed to this topic", "A new event was posted to your endpoint").
    r"|you are receiving this (?:e-?mail|message|notification) because"
    r"|subscribed to this (?:topic|event|channel|feed)"
    r"|(?:posted|sent|delivered) to your (?:endpoint|webhook|callback|url|subscription)\b"
    # ... or that a link's sync failed, under its own "Automatische melding van …"
    # ("De synchronisatie met uw koppeling is mislukt:", set 689).
    r"|\b(?:synchronisatie|synchronisation|synchronization|sync|koppeling|import|export)\b"
    r"[^.\n]{0,40}\b(?:is mislukt|has failed|failed|ist fehlgeschlagen)"
    # (Not "Automatische melding van ons boekhoudpakket": the writer's own software, the
    # attacker's review.)
    r"|^automatische melding van\b(?! (?:ons|onze|mijn|het|de)\b)"
    r"|^automatic notification from\b(?! (?:our|my|the)\b))",
    re.IGNORECASE,
)


def _json_values(text: str) -> tuple[int, int]:
    """How many JSON objects or arrays follow each other at the start of ``text``, and where
    they end (JSON lines, or one document).  Reads at most ``_JSON_CHARS``."""
    decoder = json.JSONDecoder()
    count = end = 0
    text = text[:_JSON_CHARS]
    while count < 200:
        start = len(text) - len(text[end:].lstrip())
        if start >= len(text) or text[start] not in "{[":
            break
        try:
            data, stop = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            break
        if not isinstance(data, dict | list) or not data:
            break
        count, end = count + 1, stop
    return count, end


def _json_parts(v: MessageView) -> bool:
    """A JSON part, by its type or by its file name: relays attach a payload as
    ``text/plain`` named "payload.json" (set 905).  By its name only in no one's first
    person: "de export van mijn events (events.json)" is a person's file, whatever its type."""
    if v.part_types & JSON_TYPES:
        return True
    named = any((a.filename or "").lower().endswith(".json") for a in v.msg.attachments)
    # (... and only where the relay says what it is: the payload it could not post, under its
    # webhook or endpoint.  "Zie bijlage." over export.json, "Bounces van de nieuwsbrief,
    # export uit Laposta" over bounces.json are people sending a file, the attacker's
    # review s62.)
    if not named or v.first_person or _A_PERSONS_FILE.search(v.own_words):
        return False
    # (The relay's one sentence and hardly a word beside it: "… was not accepted by your
    # endpoint. It holds a citizen's medical data; delete it." is a person's, review s62.)
    note = fold(v.msg.body[:HEAD_CHARS])
    sentences = re.split(r"(?<=[.!?;])\s+", note.strip())
    relayed = [bool(_RELAYED_PAYLOAD.search(s)) for s in sentences]
    beside = " ".join(s for s, says in zip(sentences, relayed, strict=True) if not says)
    return any(relayed) and len(re.findall(r"[^\W\d_]{2,}", beside)) <= 3


#: A relay's own word for the file it attaches: the payload or event it could not deliver to
#: its endpoint, in one sentence ("The attached JSON payload could not be delivered to the
#: configured endpoint", set 905; "The event in the attached file was not accepted by the
#: receiving endpoint"); "Payload attached." under "Webhook payload" is a developer's
#: (review s62).
_RELAYED_PAYLOAD = re.compile(
    r"\b(?:payload|nutzlast|endpoint|endpunt|endpunkt|webhook)\b[^.!?\n]{0,80}\b(?:could not be"
    r" (?:delivered|posted|sent)|was not (?:accepted|delivered)|was rejected|kon niet (?:worden )?"
    r"(?:afgeleverd|bezorgd|verzonden|gepost)|werd niet (?:geaccepteerd|afgeleverd)|konnte nicht"
    r"(?: [\w-]+){0,4} (?:zugestellt|gesendet|ubermittelt) werden|wurde nicht (?:angenommen"
    r"|zugestellt))\b"
    r"|\b(?:could not be (?:delivered|posted|sent)|was not (?:accepted|delivered)|was rejected"
    r"|kon niet (?:worden )?(?:afgeleverd|bezorgd|verzonden)|werd niet (?:geaccepteerd"
    r"|afgeleverd)|wurde nicht (?:angenommen|zugestellt))\b[^.!?\n]{0,80}\b(?:endpoint|endpunt"
    r"|endpunkt|webhook)\b",
    re.IGNORECASE,
)
#: A person's word about the file they send ("export uit de app", "graag verwerken").
_A_PERSONS_FILE = re.compile(
    r"\b(?:export\w*|bestand|overzicht|graag|please)\b",
    re.IGNORECASE,
)


def json_notification(v: MessageView) -> str | None:
    """A provider's event notification (bounce, complaint, delivery) sent as JSON.

    The body is JSON (one document, or JSON lines), perhaps after one short preface
    line (up to four when the JSON carries event keys) and before a footer; a keyed
    payload cut off mid-way; or a JSON part under a short note about an event.  A
    person pasting JSON and asking about it (``human_voice`` in what surrounds the
    JSON), addressing the reader in the preface ("Your export is broken:") or asking
    the desk to send, fix or explain something is not a notification.
    """
    # The message itself typed as JSON ("application/vnd.api+json", even "{ }"): mail
    # clients never send that; an API does.
    if _JSON_MEDIA.fullmatch(v.content_type):
        return f"the message itself is JSON ({v.content_type})"
    text = v.msg.body.strip().lstrip("\ufeff").strip()
    json_part = _json_parts(v)
    if len(text) < 40 and json_part:
        return "only a JSON part"
    # ... not a person sending what we asked for ("here is the event dump you asked for").
    short_note = (
        json_part and len(text) <= 300 and not (v.human_voice or TELL_US.search(v.own_words))
    )
    if short_note and (_JSON_EVENT_WORDS.search(v.subject) or _JSON_EVENT_WORDS.search(text)):
        return "a JSON part under a short event note"
    lines: list[str] = []
    while text and not text.startswith(("{", "[")) and len(lines) < _JSON_PREFACE_LINES:
        line, _, text = text.partition("\n")
        label = _LABEL_BEFORE_JSON.match(line)
        if label:  # "Event data: { …": the label is a preface line, the JSON follows it
            group = 1 if label.group(1) is not None else 2
            lines.append(label.group(group).strip())
            text = line[label.end(group) + 1 :].lstrip() + "\n" + text
            break
        lines.append(line.strip())
        text = text.lstrip()
    if not text.startswith(("{", "[")):
        return None
    preface = " ".join(lines)
    # An automation's report of its own failure ("Your Zap encountered an error in step 2",
    # "Your event callback URL returned HTTP 503"): it addresses the account's owner.
    reported_failure = bool(_FAILURE_PREFACE.search(fold(preface)))
    failure = reported_failure
    # ... or a webhook's relay naming its endpoint ("Er is een nieuwe gebeurtenis ontvangen
    # op uw webhook-endpoint", set 302): it addresses the account's owner too.
    failure = failure or bool(_WEBHOOK_PREFACE.search(preface))
    # ... or under a webhook's own subject ("Webhook-Benachrichtigung: receiver.unsubscribed"
    # over "Ereignis für Ihre Empfängerliste:", set 320): an event name after the colon.
    failure = failure or bool(_WEBHOOK_SUBJECT.match(v.subject))
    for line in lines:
        # (Dutch "je" is "you", not French "je": "Je webhook-endpoint gaf een fout … De
        # gebeurtenis wordt daarom per e-mail afgeleverd", set 615.)
        if len(line) > 200 or "?" in line or _FIRST_PERSON.search(_dutch_je_dropped(line)):
            return None
        if len(line) > 120 and not failure:
            return None
        if _SECOND_PERSON.search(line) and not failure:
            return None
    count, end = _json_values(text)
    # An empty payload and nothing else ("[]", "{ }"): a webhook fired with no events; no
    # person sends only that.
    if not preface and _EMPTY_JSON.fullmatch(text):
        return "body is an empty JSON document"
    if not count:
        return _cut_off_json(text) if not preface else None
    rest = text[end:].strip()
    keyed = bool(_JSON_EVENT_KEYS.search(text[: min(end, _JSON_CHARS)]))
    # (Words inside a link are no one's: "https://intake…/hooks/avg" in "Webhook delivery to
    # … failed", set 534.)
    surround = fold(URL.sub(" ", preface) + " " + URL.sub(" ", rest[:HEAD_CHARS]))
    if "?" in surround or CITIZEN.search(surround) or PERSON_REQUEST.search(surround):
        return None
    # ... nor asking the desk's advice on it ("Graag jullie advies voordat we live gaan",
    # set 417; none of the blind JSON notifications asks it).
    if _ASKS_ADVICE.search(surround):
        return None
    # ... nor saying a sentence of their own about it and signing with their name ("Please
    # treat this as a security report. / Kind regards, / Wouter Prins", set 566): 1 of the
    # 10,636 blind JSON notifications closes with a name, and it says no sentence.
    # (Not under a system's report of its own failure to the account's owner: "Je
    # webhook-endpoint gaf een fout (HTTP 503) … Groet, Postduif Pro" is a service signing,
    # set 615.)
    if _SENTENCE.search(surround) and closes_with_a_name(v) and not reported_failure:
        return None
    # ... nor writing in the first person under it ("Dit kreeg ik te zien toen ik mijn
    # machtiging wilde uploaden", set 427): a notification's footer speaks of "you".
    if _I_UNDER.search(fold(rest[:HEAD_CHARS])):
        return None
    if preface and not (keyed or failure or _machine_label(lines)):
        return None
    if len(rest) <= 600 or (keyed and len(rest) <= HEAD_CHARS):
        return "body is JSON" + (" lines" if count > 1 else " document")
    return None


_ASKS_ADVICE = re.compile(
    r"\bgraag (?:jullie|uw|je) (?:advies|reactie|mening|hulp)\b|\b(?:your|jullie|uw) advi[cs]e\b"
    # ... or the payload the writer's own system sends, thanks in advance, an answer awaited,
    # a Korean "I inquire" ("Dit is de payload die we sturen", "Alvast dank!", "Hoor het
    # graag", "문의드립니다", sets 508 and 509; none of the blind JSON notifications says it).
    r"|\b(?:payload|request|bericht) die (?:we|wij) (?:sturen|versturen|posten)\b"
    r"|\balvast (?:dank|bedankt)\b|\bhoor (?:het|ik) graag\b|"
    + fold("문의드립니다")
    # ... or "please" in Hindi, Urdu and Indonesian under it ("कृपया बताइए आगे कैसे बढ़ें",
    # set 545; none of the blind JSON notifications says it).
    + "|"
    + fold("कृपया")
    + "|"
    + fold("براہ کرم")
    + r"|\bmohon\b|\btolong\b",
    re.IGNORECASE,
)
#: A sentence of four words or more, closed by a full stop or an exclamation mark.
_SENTENCE = re.compile(r"\b[^\W\d_]{2,30}(?:\s[^\s.!?]{1,30}){3,40}[.!](?:\s|$)")
_WEBHOOK_SUBJECT = re.compile(
    r"webhook[- ]?(?:notification|benachrichtigung|melding|notificatie|event|ereignis)\s?:"
    r"\s?[a-z_]{2,40}\.[a-z_.]{2,60}$",
    re.IGNORECASE,
)
_EMPTY_JSON = re.compile(r"\[\s*\]|\{\s*\}")


def _cut_off_json(text: str) -> str | None:
    """A provider payload cut off by a relay or size limit: it no longer parses, but its
    start is keyed JSON (event keys and several ``"key":`` pairs) and the lines that are
    not JSON say nothing a person would."""
    head = text[:HEAD_CHARS]
    if not _JSON_EVENT_KEYS.search(head) or len(_JSON_KEY.findall(head)) < 4:
        return None
    prose = fold(" ".join(ln for ln in head.splitlines() if '"' not in ln and "{" not in ln))
    if "?" in prose or CITIZEN.search(prose) or PERSON_REQUEST.search(prose):
        return None
    return "body is a cut-off JSON notification"
