"""Mailing-list administration mail (confirmations, moderation, digests) without List-* headers.

Why: list managers send their administrative mail without the RFC 2369
headers that R16 (3) reads, but with their own headers, role addresses
(``LIST-request@``, ``owner-LIST@``) and subjects; answering one subscribes,
confirms or loops.
"""

from __future__ import annotations

import re

from privacybot.triage.automatic_subjects import (
    LIST_ADMIN_BODY,
    LIST_ADMIN_SUBJECTS,
    LIST_WORDS,
    OPT_IN_BODY,
    fold,
)
from privacybot.triage.automatic_view import (
    NAME_BEFORE_COLON,
    PLEASE,
    MessageView,
    alternation,
    closes_with_a_name,
    local_part,
    squash,
)

#: Headers only list managers write (Mailman, Sympa, ezmlm, LISTSERV, majordomo, fml), also
#: on their administrative mail that carries no List-* header.
LIST_ADMIN_HEADERS: tuple[str, ...] = ("x-list-administrivia", "mailing-list", "x-mlserver")
LIST_ADMIN_HEADER_PREFIXES: tuple[str, ...] = (
    "x-mailman-",
    "x-sympa-",
    "x-ezmlm-",
    "x-listserver",
    "x-lsv-",
    "x-majordomo",
    # Discourse stamps every mail it sends (summaries, notifications of forum posts).
    "x-discourse-",
    "x-ml-",
)
#: List managers themselves, by local part (squashed).
_LIST_MANAGER = re.compile(
    r"^(?:mailman|sympa|listserv|majordomo|ezmlm|lyris|listproc|listar|smartlist|mlmmj|ecartis"
    r"|groupsio|dada|phplist|mailmanlists|listmaster)"
    r"(?:owner|bounces?|request|admin)?$"
)
#: A forum's or group's summary of what its members wrote since the reader last looked.
_FORUM_SUMMARY = re.compile(
    r"\bsince your last visit\b|\bsinds (?:uw|je|jouw) (?:laatste|vorige) bezoek\b"
    r"|\bseit ihrem letzten besuch\b|\bdepuis votre derniere visite\b",
    re.IGNORECASE,
)
_UNSUBSCRIBE = re.compile(
    r"\b(?:unsubscribe|afmelden|uitschrijven|abmelden|desinscri\w{0,6}|desabonner)\b",
    re.IGNORECASE,
)
#: List managers' names that people are also called.
_ALSO_GIVEN_NAMES = frozenset({"lyris", "dada"})
#: A list's role addresses: ``LIST-request@``, ``LIST-owner@``, ``LIST-bounces+…@``,
#: ``owner-LIST@``.
_LIST_ROLE = re.compile(
    r"^(?:owner-[a-z0-9._-]{1,64}|[a-z0-9._-]{1,64}[-+](?:request|owners?|bounces?|admin|help"
    r"|subscribe|unsubscribe|confirm|join|leave|noreply)(?:[+=][^@\s]{0,120})?)$"
)
_LIST_ADMIN_SUBJECT = alternation(LIST_ADMIN_SUBJECTS, r"")
#: The list manager's own addresses ("x-bounces@", "x-request@"): no person writes from
#: them, whatever the list traffic they carry says.
_LIST_SYSTEM_ROLE = re.compile(r"[-+](?:request|bounces?|noreply|owners?)(?:[+=].*)?$")
#: A list's role addresses as a Return-Path: the list server sets them when it passes mail on.
_LIST_ENVELOPE = re.compile(r"^(?:owner-[a-z0-9._-]{1,64}|[a-z0-9._-]{1,64}-(?:request|owners?))$")
_DIGEST_SUBJECT = re.compile(
    r"^\S{1,60} digest,? vol(?:ume)? \d{1,5},? (?:issue|no\.?) \d{1,5}"
    # A group's digest named by the list's address ("Abridged summary of x@googlegroups.com",
    # "Digest for x@groups.example").
    r"|^(?:abridged summary of|digest for|samenvatting van|zusammenfassung (?:fur|von)"
    r"|resume de) [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"
    # ... or by its name and counts ("Overzicht voor avg-gemeenten - 24 updates in 6
    # onderwerpen", "Digest for x - 3 updates in 2 topics").
    r"|^(?:overzicht|samenvatting|digest|abridged summary|zusammenfassung|resume) (?:voor|van|for"
    r"|of|fur|von|de|pour) \S{1,60} [-–] \d{1,4} (?:updates?|berichten|messages|nachrichten"
    r"|aktualisierungen) (?:in|en|dans) \d{1,4} (?:onderwerpen|onderwerp|topics?|themen|thema"
    r"|sujets?)",
    re.IGNORECASE,
)
_LIST_ADMIN_BODY = re.compile(fold(LIST_ADMIN_BODY), re.IGNORECASE)
#: ``LIST_ADMIN_BODY``'s command word in quotes to a "-request" address (set 842).
_COMMAND_WORD = re.compile(r"(?:stuur|send|schicke|envoyez) (?:\w+ \w+ )?['\"‘“]", re.IGNORECASE)
_LIST_WORD = re.compile(LIST_WORDS, re.IGNORECASE)
_OPT_IN_BODY = re.compile(fold(OPT_IN_BODY), re.IGNORECASE)


#: A list's welcome to its new member, also in its owner's own words ("Welkom! Ik ben de
#: beheerder …", the attacker's review).
_WELCOME = re.compile(r"\b(?:welkom|welcome|willkommen|bienvenue)\b", re.IGNORECASE)
#: A group's decision on a request to join ("Je verzoek om lid te worden van Stationsbuurt is
#: afgewezen", set 673), asked only of unsigned text in no one's first person: a person
#: quoting one writes "I never asked", and signs (the attacker's review).
_JOIN_DECISION = re.compile(
    r"\b(?:je|uw) verzoek om lid te worden van .{1,60}? is (?:afgewezen|goedgekeurd)"
    r"|\byour request to join .{1,60}? (?:has been|was) (?:declined|rejected|approved)",
    re.IGNORECASE,
)


#: The reader added to a group or list by someone else ("U bent toegevoegd aan de groep",
#: "You have been added to the group").
_ADDED_TO_GROUP = re.compile(
    r"\b(?:u bent|je bent|jij bent|you have been|you were|you've been) (?:toegevoegd aan"
    r"|added to) (?:de|het|the) (?:groep|group|lijst|list|mailinglijst|mailing list)\b",
    re.IGNORECASE,
)
#: What may stand before a notice's first sentence: a greeting, nothing else.
_OPENING = re.compile(r"\W{0,3}(?:[^\W\d_]{2,20}(?: [^\W\d_]{2,20}){0,2}\s?,\s?)?")
#: A list's name before a dash, as its subject puts it before its notice's words.
_NAME_BEFORE_DASH = re.compile(r"\s*[^\W\d_][\w&'. ]{1,60}?\s[-\u2013\u2014]\s")
#: The preference centre's update among ``LIST_ADMIN_BODY``'s wordings.
_PREFERENCES_UPDATED = re.compile(r"voorkeuren|preferences", re.IGNORECASE)
#: A sentence's end.
_SENTENCE_END = re.compile(r"[.!?]\s+")
#: A sender's name closing a notice: a few capitalised words ("Conxillium Academy").
_NAME_ALONE = re.compile(r"(?:[A-Z][\w&'-]*\s?){1,4}")


def _prose_after(text: str) -> bool:
    """A sentence of someone's own after a preference centre's update: neither a field of
    its lists ("Uitgeschreven voor: Evenementen") nor its sender's name ("Conxillium
    Academy").  "… ingeschreven voor: Productnieuws. Nooit om gevraagd. Uitschrijven en alle
    gegevens wissen." is a person quoting it (the attacker's review of sets 869-872)."""
    later = [part.strip() for part in _SENTENCE_END.split(text)[1:] if part.strip(" .!?")]
    return any(":" not in part and not _NAME_ALONE.fullmatch(part.strip(" .!?")) for part in later)


def _list_role_sender(v: MessageView) -> bool:
    """A list's own or a no-reply address sends it, or the list manager's own
    ("LISTSERV@", "sympa@": "privacy-officers-hbo: command confirmation request", set 880)."""
    return any(
        _LIST_ROLE.match(local_part(address))
        or local_part(address).startswith("noreply")
        or _LIST_MANAGER.match(squash(local_part(address).lower()))
        for _, address in v.mailboxes
    )


def list_admin(v: MessageView) -> str | None:
    """Mailing-list administration: confirmations, welcome and goodbye, moderation, digests.

    Admin mail often lacks List-* headers; what it has is structure: a list manager's own
    header (``X-List-Administrivia``, ``X-Mailman-*``, ``Mailing-List``), a list manager as
    sender (``mailman@``, ``sympa@``, ``listserv@``, Google Groups' noreply), or a list's
    role address (``LIST-request@``, ``owner-LIST@``) speaking of a list or subscription,
    or such a role address as the envelope sender (a list passing mail on).
    Without those, a list manager's subject ("confirm 6f1c…", "Welcome to the X mailing
    list", "Bevestig uw aanmelding") or its own sentences, never in a human voice
    ("I got 'Welcome to the list' but never subscribed, what data do you hold?").
    """
    for key, _ in v.msg.headers:
        low = key.lower()
        if low in LIST_ADMIN_HEADERS or low.startswith(LIST_ADMIN_HEADER_PREFIXES):
            return f"list manager header {key}"
    # The envelope of a list's own role address ("owner-ibd-regio@", "fg-kring-request@"):
    # a list passing on its members' posts or its notices (set 367); in none of the
    # 109,972 people's messages of blind sets 1-367, in 1,918 automatic ones.
    for address in v.envelope:
        local = local_part(address).lower()
        if "@" in address and _LIST_ENVELOPE.match(local):
            return f"list role envelope {local}"
    human = v.human_voice
    for name, address in v.mailboxes:
        local = local_part(address)
        # A list manager's name over a forum's or a host's no-reply address ("Sympa",
        # "jeugdzorg-ict-request <noreply@…>") says the same as its own address would.
        # A person may be called so ("Lyris"): only without a person's voice, about a list.
        if (
            _LIST_MANAGER.match(squash(name))
            and not human
            and (_LIST_WORD.search(v.subject) or _LIST_WORD.search(v.head_text))
        ):
            return f"list manager named {name.strip()[:40]!r}"
        if _LIST_ROLE.match(name.strip().lower()):
            local = name.strip().lower()
        domain = address.rsplit("@", 1)[-1].lower() if "@" in address else ""
        squashed = squash(local)
        # Google Groups sends a group's own notices (moderation, invitations) from the
        # group's address, without the List-* fields its members' posts carry.
        # ... but "lyris@" and "dada@" may be a person's own mailbox: not in their voice.
        manager = _LIST_MANAGER.match(squashed)
        if (manager and not (human and squashed in _ALSO_GIVEN_NAMES)) or (
            "googlegroups." in domain and ("noreply" in squashed or not human)
        ):
            return f"list manager sender {local}"
        if (
            _LIST_ROLE.match(local)
            # A member whose client answered from the list's own address writes as a
            # person asking us ("mijn mailprogramma pakte het lijstadres … kunnen jullie").
            and (not human or (_LIST_SYSTEM_ROLE.search(local) and not v.first_person))
            and (_LIST_WORD.search(v.subject) or _LIST_WORD.search(v.head_text))
        ):
            return f"list role sender {local}"
    # A digest's subject: the words inside are the list members', not a writer's.
    digest = _DIGEST_SUBJECT.match(v.subject)
    if digest:
        return f"list digest subject {digest.group(0)[:60]!r}"
    # A forum's summary "since your last visit" with a way to unsubscribe: the topics it
    # lists ("Vraag over AVG en VvE-ledenlijst") are the members', not a writer's.
    summary = _FORUM_SUMMARY.search(v.head_text)
    if summary and _UNSUBSCRIBE.search(v.head_text) and not v.first_person:
        return f"forum summary {summary.group(0)[:40]!r} with an unsubscribe link"
    # (... also after the list's own name and a colon: "GovTech Digest: Please Confirm
    # Subscription", set 870.)
    # (... or before a dash: "GovTech Digest - Please Confirm Subscription", the attacker's
    # review s58.)
    named = NAME_BEFORE_COLON.match(v.subject) or _NAME_BEFORE_DASH.match(v.subject)
    match = _LIST_ADMIN_SUBJECT.match(v.subject)
    # (... with its link to confirm: "Conxillium Newsletter: Please Confirm Subscription"
    # over "Never signed up. Delete this address" is a person's, the attacker's review.)
    after_a_name = _LIST_ADMIN_SUBJECT.match(v.subject[named.end() :]) if named else None
    with_a_link = "://" in " ".join(v.head)
    if match is None and after_a_name and (with_a_link or _list_role_sender(v)):
        match = after_a_name
    # A list manager's subject from a list's own or a no-reply address: the titles and
    # subjects it echoes ("Your message entitled Verzoek afschrift persoonsgegevens was
    # received") are a member's, not a voice of the sender's (sets 291, 292).
    if match and _list_role_sender(v):
        return f"list administration subject {match.group(0)[:60]!r} from a list's address"
    # A group's word that the reader was added, with its link to leave, from the group's own
    # role address or envelope ("U bent toegevoegd aan de groep "…". … Wilt u dit niet?
    # Verlaat de groep via https://…", envelope groups-noreply@, set 877): its question is
    # the template's, answered by the link; no one's first person, unsigned.
    added = _ADDED_TO_GROUP.search(v.head_text)
    if (
        added
        and with_a_link
        and (
            _list_role_sender(v) or any(_LIST_ROLE.match(local_part(a).lower()) for a in v.envelope)
        )
        and not (v.first_person or closes_with_a_name(v))
        # (... and as the text's opening, after a greeting at most: "Alle bewoners kregen
        # gisteren een mail: U bent toegevoegd aan de groep …. Verwijder alle adressen" or
        # 'Our client received the message "You were added to the list …"' quote it, a board's
        # or lawyer's letter through a form's no-reply address, the attacker's review s60.)
        and _OPENING.fullmatch(v.head_text[: added.start()])
    ):
        return f"a group's notice {added.group(0)[:50]!r} with its link, from its own address"
    if human:
        return None
    # ... nor one who writes under it in the first person and signs with their name ("Sorry,
    # ik heb per ongeluk jullie privacyadres aangemeld … Chantal de Boer", set 673).
    signed_note = v.first_person and closes_with_a_name(v) and not _WELCOME.search(v.head_text)
    if match and not signed_note:
        return f"list administration subject {match.group(0)[:60]!r}"
    found = _LIST_ADMIN_BODY.search(v.head_text)
    # ... but a list's command word is also what a person tells us to send to leave their
    # list ("Afmelden: stuur 'afmelden' naar tuin-request@…" over "Daarna ook graag mijn eigen
    # naam … uit uw systeem halen. Henk", the attacker's review of set 842's fix): a list's
    # footer speaks in no one's first person and signs with no name.
    if found and _COMMAND_WORD.match(found.group(0)) and (v.first_person or closes_with_a_name(v)):
        found = None
    # ... and a preference centre's update stands with its link, or with nothing after it
    # but its lists' fields and its sender's name (``_prose_after``).
    if (
        found
        and _PREFERENCES_UPDATED.search(found.group(0))
        and not with_a_link
        and _prose_after(v.head_text[found.end() :])
    ):
        found = None
    if found:
        return f"list manager wording {found.group(0)[:60]!r}"
    decision = _JOIN_DECISION.search(v.head_text)
    # (... not quoted, and nothing asked: "A resident forwarded us a mail saying "your
    # request to join … was approved". Please remove the address", the attacker's review.)
    before = v.head_text[decision.start() - 1] if decision and decision.start() else ""
    if (
        decision
        and not (before and before in "\"'“‘")
        and not (v.first_person or closes_with_a_name(v) or PLEASE.search(v.head_text))
    ):
        return f"a group's decision on joining {decision.group(0)[:60]!r}"
    # An opt-in's words with its link in the writer's own lines, unsigned and not in the
    # first person: a person quoting such a mail gives no link to confirm (the attacker's
    # review of set 631's fixes).
    opt_in = _OPT_IN_BODY.search(v.head_text)
    if opt_in and with_a_link and not v.first_person and not closes_with_a_name(v):
        return f"an opt-in's wording {opt_in.group(0)[:60]!r} with its link"
    return None
