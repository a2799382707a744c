"""The dashboard's words, Dutch first and English per staff member (``staff.language``).

One table, two columns: a key missing here makes ``translator`` raise, and a test
renders every page in both languages, so no page shows a bare key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from fastapi import Request

M: dict[str, tuple[str, str]] = {
    "app": ("Privacybalie", "Privacy desk"),
    "skip": ("Naar de inhoud", "Skip to content"),
    "nav.label": ("Hoofdmenu", "Main menu"),
    "nav.cases": ("Werkvoorraad", "Work queue"),
    "nav.drafts": ("Concepten", "Drafts"),
    "nav.triage": ("Triage", "Triage"),
    "nav.outbox": ("Uitgaand", "Outbox"),
    "nav.account": ("Account", "Account"),
    "signout": ("Afmelden", "Sign out"),
    "refused": ("Niet gelukt:", "Not done:"),
    "role.officer": ("functionaris", "officer"),
    "role.viewer": ("meelezer", "viewer"),
    "signin.title": ("Aanmelden", "Sign in"),
    "signin.intro": (
        "Meld u aan met uw e-mailadres en wachtwoord van de privacybalie.",
        "Sign in with your privacy desk email address and password.",
    ),
    "signin.email": ("E-mailadres", "Email address"),
    "signin.password": ("Wachtwoord", "Password"),
    "signin.submit": ("Aanmelden", "Sign in"),
    "signin.err.wrong": (
        "Onbekend e-mailadres of verkeerd wachtwoord.",
        "Unknown email address or wrong password.",
    ),
    "signin.err.locked": (
        "Te veel mislukte pogingen. Probeer het later opnieuw.",
        "Too many failed attempts. Please try again later.",
    ),
    "signin.err.csrf": (
        "Het formulier was verlopen. Probeer het opnieuw.",
        "The form had expired. Please try again.",
    ),
    "csrf": (
        "Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.",
        "This form has expired or did not come from this site. Please reload the page.",
    ),
    "toolarge": ("Het verzoek is te groot.", "The request is too large."),
    "notfound": ("Niet gevonden", "Not found"),
    "filters": ("Filters", "Filters"),
    "f.status": ("Status", "Status"),
    "f.right": ("Recht", "Right"),
    "f.company": ("Bedrijf", "Company"),
    "f.channel": ("Kanaal", "Channel"),
    "f.due_within": ("Termijn binnen (werkdagen)", "Due within (working days)"),
    "f.overdue": ("Alleen te laat", "Overdue only"),
    "f.needs_staff": ("Alleen met aandachtspunt", "Needs staff only"),
    "f.any": ("Alle", "Any"),
    "f.apply": ("Toepassen", "Apply"),
    "f.clear": ("Wissen", "Clear"),
    "cases.title": ("Werkvoorraad", "Work queue"),
    "cases.caption": ("Zaken, de meest dringende eerst", "Cases, most urgent first"),
    "cases.none": ("Geen zaken met deze filters.", "No cases match these filters."),
    "col.reference": ("Kenmerk", "Reference"),
    "col.due": ("Termijn", "Due"),
    "col.status": ("Status", "Status"),
    "col.rights": ("Rechten", "Rights"),
    "col.company": ("Bedrijf", "Company"),
    "col.channel": ("Kanaal", "Channel"),
    "col.requester": ("Verzoeker", "Requester"),
    "col.kind": ("Soort", "Kind"),
    "col.message": ("Bericht", "Message"),
    "col.why": ("Waarom", "Why"),
    "col.sender": ("Afzender", "Sender"),
    "flag.staff": ("aandacht nodig", "needs staff"),
    "pager": ("Pagina's", "Pages"),
    "pager.prev": ("Vorige", "Previous"),
    "pager.next": ("Volgende", "Next"),
    "urg.done": ("afgehandeld", "settled"),
    "urg.late": ("te laat: {n} dag(en)", "overdue: {n} day(s)"),
    "urg.today": ("vandaag", "due today"),
    "urg.soon": ("nog {n} werkdag(en)", "{n} working day(s) left"),
    "urg.ok": ("op tijd: {n} werkdagen", "in time: {n} working days"),
    "status.awaiting_verification": ("wacht op verificatie", "awaiting verification"),
    "status.open": ("open", "open"),
    "status.answered": ("beantwoord", "answered"),
    "status.closed": ("gesloten", "closed"),
    "right.access": ("inzage", "access"),
    "right.rectification": ("rectificatie", "rectification"),
    "right.erasure": ("verwijdering", "erasure"),
    "right.restriction": ("beperking", "restriction"),
    "right.portability": ("overdraagbaarheid", "portability"),
    "right.objection": ("bezwaar", "objection"),
    "right.withdraw_consent": ("intrekken toestemming", "withdraw consent"),
    "right.question": ("vraag", "question"),
    "right.complaint": ("klacht", "complaint"),
    "right.other": ("overig", "other"),
    "channel.email": ("e-mail", "email"),
    "channel.telegram": ("Telegram", "Telegram"),
    "lang.nl": ("Nederlands", "Dutch"),
    "lang.en": ("Engels", "English"),
    "dstatus.awaiting_approval": ("wacht op goedkeuring", "awaiting approval"),
    "dstatus.approved": ("goedgekeurd", "approved"),
    "dstatus.rejected": ("afgewezen", "rejected"),
    "dstatus.queued": ("in de wachtrij", "queued"),
    "dstatus.sent": ("verzonden", "sent"),
    "dstatus.failed": ("mislukt", "failed"),
    "dstatus.withdrawn": ("ingetrokken", "withdrawn"),
    "istate.stored": ("opgeslagen", "stored"),
    "istate.triaged": ("verwerkt", "triaged"),
    "istate.needs_staff": ("wacht op medewerker", "needs staff"),
    "istate.parked": ("geparkeerd", "parked"),
    "istate.dismissed": ("afgedaan", "dismissed"),
    "ostatus.pending": ("wachtend", "pending"),
    "ostatus.sending": ("bezig", "sending"),
    "ostatus.sent": ("verzonden", "sent"),
    "ostatus.failed": ("mislukt", "failed"),
    "ostatus.cancelled": ("geannuleerd", "cancelled"),
    "ground.manifestly_unfounded": (
        "kennelijk ongegrond (art. 12 lid 5)",
        "manifestly unfounded (art. 12(5))",
    ),
    "ground.excessive": ("buitensporig (art. 12 lid 5)", "excessive (art. 12(5))"),
    "ground.not_identifiable": (
        "niet te identificeren (art. 11 lid 2)",
        "not identifiable (art. 11(2))",
    ),
    "ground.rights_of_others": (
        "rechten van anderen (art. 15 lid 4)",
        "rights of others (art. 15(4))",
    ),
    "ground.erasure_exception": (
        "uitzondering op wissen (art. 17 lid 3)",
        "erasure exception (art. 17(3))",
    ),
    "ground.data_accurate": (
        "gegevens kloppen (art. 16)",
        "the data is accurate (art. 16)",
    ),
    "ground.restriction_not_applicable": (
        "beperking niet van toepassing (art. 18 lid 1)",
        "restriction not applicable (art. 18(1))",
    ),
    "ground.portability_not_applicable": (
        "overdraagbaarheid niet van toepassing (art. 20)",
        "portability not applicable (art. 20)",
    ),
    "ground.compelling_grounds": (
        "dwingende gerechtvaardigde gronden (art. 21)",
        "compelling legitimate grounds (art. 21)",
    ),
    "case.facts": ("Gegevens", "Details"),
    "case.extended_from": ("verlengd; was", "extended; was"),
    "case.language": ("Taal", "Language"),
    "case.received": ("Ontvangen", "Received"),
    "case.verification": ("Verificatie", "Verification"),
    "case.verified": ("geverifieerd", "verified"),
    "case.unverified": ("nog niet geverifieerd", "not verified yet"),
    "case.classification": ("Classificatie", "Classification"),
    "case.labels": ("Labels", "Labels"),
    "case.confidence": ("Zekerheid", "Confidence"),
    "case.decision": ("Besluit", "Decision"),
    "case.rules": ("Regels die troffen", "Rules that fired"),
    "case.letters": ("Brieven", "Letters"),
    "case.timeline": ("Tijdlijn", "Timeline"),
    "case.actions": ("Acties", "Actions"),
    "tl.in": ("Binnengekomen", "Received"),
    "tl.out": ("Brief", "Letter"),
    "tl.nosubject": ("(geen onderwerp)", "(no subject)"),
    "tl.original": ("Origineel bericht", "Original message"),
    "tl.show_original": ("Origineel tonen", "Show original"),
    "tl.cleaned_only": ("Alleen de opgeschoonde tekst", "Cleaned text only"),
    "act.extend": ("Termijn verlengen", "Extend the deadline"),
    "act.refuse": ("Weigeren", "Refuse"),
    "act.close": ("Sluiten", "Close"),
    "act.reopen": ("Heropenen", "Reopen"),
    "act.reason": ("Reden", "Reason"),
    "act.ground": ("Grond", "Ground"),
    "act.choose": ("– kies een grond –", "– choose a ground –"),
    "act.right": ("Welk recht", "Which right"),
    "act.partial": ("Gedeeltelijk weigeren", "Refuse in part"),
    "viewer.readonly": (
        "U kunt meelezen; alleen functionarissen kunnen handelen.",
        "You can read; only officers can act.",
    ),
    "draft.n": ("Concept", "Draft"),
    "draft.edited_by": ("bewerkt door", "edited by"),
    "draft.decided_by": ("besloten door", "decided by"),
    "draft.letter": ("De brief zoals hij verstuurd wordt", "The letter exactly as it will be sent"),
    "draft.citizen": ("Het bericht van de verzoeker", "The requester's message"),
    "draft.attachments": ("Bijlagen", "Attachments"),
    "draft.decide": ("Beslissen", "Decide"),
    "draft.approve": ("Goedkeuren en versturen", "Approve and send"),
    "draft.approve_help": (
        "Na goedkeuring gaat de brief precies zo naar de verzoeker.",
        "Once approved, the letter goes to the requester exactly like this.",
    ),
    "draft.blocked": (
        "Deze brief kan nog niet weg:",
        "This letter cannot go out yet:",
    ),
    "block.placeholders": (
        "vul eerst alle [AANVULLEN: …]-plekken in (Bewerken, hieronder);",
        "fill in every [TO COMPLETE: …] first (Edit, below);",
    ),
    "block.no_files": (
        "de brief noemt een bijlage, maar er is nog geen bestand toegevoegd;",
        "the letter mentions an attachment, but no file has been added yet;",
    ),
    "block.files_unlisted": (
        "er zijn bestanden toegevoegd, maar de brief noemt ze niet: zet de regel "
        "[[attachments]] terug;",
        "files are attached but the letter does not list them: put the [[attachments]] line back;",
    ),
    "block.format": (
        "een antwoord op overdraagbaarheid heeft een JSON-, CSV- of XML-bestand nodig;",
        "a portability answer needs a JSON, CSV or XML file;",
    ),
    "block.mixed_language": (
        "een alinea staat in de andere taal dan de brief: vertaal hem;",
        "a paragraph is in the other language than the letter: translate it;",
    ),
    "block.unverified": (
        "de brief bevat persoonsgegevens en de verzoeker heeft het e-mailadres nog niet bevestigd;",
        "the letter holds personal data and the requester has not yet confirmed the address;",
    ),
    "block.closed": (
        "de zaak is gesloten;",
        "the case is closed;",
    ),
    "draft.reject": ("Afwijzen", "Reject"),
    "draft.edit": ("Bewerken", "Edit"),
    "draft.subject": ("Onderwerp", "Subject"),
    "draft.body": ("Tekst", "Text"),
    "draft.save": ("Opslaan", "Save"),
    "draft.attach": ("Bestand toevoegen", "Attach a file"),
    "draft.file": ("Bestand", "File"),
    "draft.attach_help": ("Hooguit {mb} MB per bestand.", "At most {mb} MB per file."),
    "foureyes.note": (
        "U heeft dit concept bewerkt. Volgens het vier-ogenprincipe keurt een andere "
        "functionaris het goed.",
        "You edited this draft. Under the four-eyes rule another officer approves it.",
    ),
    "foureyes.explain": (
        "Vier ogen: wie een brief bewerkt of een bijlage toevoegt, keurt hem niet zelf goed. "
        "Vraag een collega-functionaris om de brief te lezen en goed te keuren.",
        "Four eyes: whoever edits a letter or attaches a file does not approve it. "
        "Ask a fellow officer to read and approve the letter.",
    ),
    "drafts.title": ("Concepten die wachten op goedkeuring", "Drafts awaiting approval"),
    "drafts.caption": ("Oudste eerst", "Oldest first"),
    "drafts.none": ("Er wacht geen concept op goedkeuring.", "No draft awaits approval."),
    "triage.title": ("Triage", "Triage"),
    "triage.intro": (
        "Berichten die een mens moet bekijken: onzeker, automatisch ogend of gemarkeerd.",
        "Messages a person must look at: uncertain, automatic-looking or flagged.",
    ),
    "triage.caption": ("Oudste eerst", "Oldest first"),
    "triage.none": ("Er wacht niets op een medewerker.", "Nothing waits for staff."),
    "triage.automatic": ("automatisch", "automatic"),
    "triage.candidates": ("Kandidaten", "Candidates"),
    "triage.on_case": ("Hoort bij", "Belongs to"),
    "triage.open": ("Zaak openen", "Open a case"),
    "triage.rights": ("Gevraagde rechten", "Rights asked"),
    "triage.assign": ("Aan een zaak toevoegen", "Add to a case"),
    "triage.dismiss": ("Afdoen", "Dismiss"),
    "triage.retry": ("Opnieuw verwerken", "Triage again"),
    "outbox.title": ("Uitgaand", "Outbox"),
    "outbox.intro": (
        "Mislukte en onzekere verzendingen. Controleer bij twijfel eerst het logboek "
        "van de mailserver.",
        "Failed and in-doubt sends. When in doubt, check the relay's log first.",
    ),
    "outbox.caption": ("Wacht op een medewerker", "Waiting for staff"),
    "outbox.none": ("Niets mislukt.", "Nothing failed."),
    "outbox.attempts": ("Pogingen", "Attempts"),
    "outbox.error": ("Melding", "Error"),
    "outbox.in_doubt": ("onzeker", "in doubt"),
    "outbox.retry": ("Opnieuw versturen", "Send again"),
    "outbox.cancel": ("Annuleren", "Cancel"),
    "account.language": ("Taal van het dashboard", "Dashboard language"),
    "account.save": ("Opslaan", "Save"),
    "account.tokens": ("Persoonlijke API-sleutels", "Personal API tokens"),
    "account.tokens_help": (
        "Een sleutel werkt als uw wachtwoord voor de API (Authorization: Bearer …). "
        "Hij wordt één keer getoond; wij bewaren alleen een hash ervan.",
        "A token works like your password for the API (Authorization: Bearer …). "
        "It is shown once and stored only hashed.",
    ),
    "account.token_once": (
        "Uw nieuwe sleutel; kopieer hem nu, hij wordt niet opnieuw getoond:",
        "Your new token; copy it now, it will not be shown again:",
    ),
    "account.label": ("Omschrijving", "Label"),
    "account.created": ("Gemaakt", "Created"),
    "account.used": ("Laatst gebruikt", "Last used"),
    "account.revoke": ("Intrekken", "Revoke"),
    "account.new_token": ("Nieuwe sleutel maken", "Create a token"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "done.extend": (
        "De termijn is verlengd; de kennisgeving wacht op goedkeuring.",
        "Extended; the notice awaits approval.",
    ),
    "done.refuse": (
        "De weigering is opgesteld en wacht op goedkeuring.",
        "The refusal is drafted and awaits approval.",
    ),
    "done.close": ("De zaak is gesloten.", "The case is closed."),
    "done.reopen": ("De zaak is heropend.", "The case is reopened."),
    "done.approve": (
        "Goedgekeurd: de brief gaat nu de deur uit.",
        "Approved: the letter is on its way.",
    ),
    "done.reject": ("Het concept is afgewezen.", "The draft is rejected."),
    "done.edit": (
        "Opgeslagen. Een andere functionaris keurt het goed.",
        "Saved. Another officer approves it.",
    ),
    "done.attach": ("Het bestand is toegevoegd.", "The file is attached."),
    "done.triaged": (
        "Het bericht hoort nu bij deze zaak.",
        "The message now belongs to this case.",
    ),
    "done.dismiss": ("Het bericht is afgedaan.", "The message is dismissed."),
    "done.retry": ("Opnieuw in behandeling genomen.", "Queued again."),
    "done.cancel": ("De verzending is geannuleerd.", "The send is cancelled."),
    "done.saved": ("Opgeslagen.", "Saved."),
    "done.revoked": ("De sleutel is ingetrokken.", "The token is revoked."),
    "done.signed_out": ("U bent afgemeld.", "You are signed out."),
    "done.expired": (
        "Uw sessie is verlopen. Meld u opnieuw aan.",
        "Your session has expired. Please sign in again.",
    ),
}

#: The ``?done=`` keys a redirect may name (anything else shows nothing).
DONE = frozenset(key.removeprefix("done.") for key in M if key.startswith("done."))
LANGUAGES = ("nl", "en")


@cache
def translator(language: str) -> Callable[..., str]:
    column = 1 if language == "en" else 0

    def t(key: str, **values: object) -> str:
        text = M[key][column]
        return text.format(**values) if values else text

    return t


def language_of_request(request: Request) -> str:
    """Before sign-in: English only when the browser prefers it over Dutch."""
    accept = request.headers.get("accept-language", "").lower()
    for part in accept.split(","):
        tag = part.split(";")[0].strip()[:2]
        if tag in LANGUAGES:
            return tag
    return "nl"
