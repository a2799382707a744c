"""Recognise automatic mail (docs/rules.md R16): the rule chain and its verdict.

Why: answering an auto-reply, a bounce or a list is how mail loops start
(RFC 3834), and a bounce taken for a citizen opens a case nobody asked for.
The decision is one pure rule chain, ``RULES``: an ordered table of rules,
each with a stable id (written into the event log and tested by that id) and
a reason string for staff.  R16's seven tests come first, in its order; then
the signs that real automatic mail carries when it lacks those headers, and
last a learned second opinion.  The rules live by kind in their own modules:
``automatic_headers`` (what the header block says), ``automatic_bounces``
(bounces and delivery reports by wording and shape), ``automatic_away``
(out-of-office notices), ``automatic_notices`` (gateways, challenges, receipts,
self-declared notices), ``automatic_lists`` and ``automatic_json``; what every
rule reads of a message, and the guards that keep a person's voice out, are in
``automatic_view``.

Human mail is never automatic: body rules read only the writer's own top
lines, subject rules are anchored at the start (so "Re: Automatisch antwoord"
from a citizen stays human), and the vocabulary is data, so a false positive
is fixed by editing one entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from privacybot.domain import ParsedMessage
from privacybot.triage import automatic_model
from privacybot.triage.automatic_away import (
    absence_notice,
    away_notice,
    away_with_a_bounce_envelope,
    echoed_subject,
    oof_subject,
    suppress_away,
)
from privacybot.triage.automatic_bounces import (
    bounce_structure,
    bounce_subject,
    fate_notice,
    mta_body,
    our_subject_unchanged,
    report_fields,
    returned_copy,
    smtp_diagnostic,
)
from privacybot.triage.automatic_headers import (
    READ_BY_PEOPLE,
    auto_submitted,
    autoreply_headers,
    daemon_return_path,
    daemon_sender,
    forwarded_report,
    from_ours,
    gateway_sender,
    list_headers,
    loop_header,
    machine_envelope,
    multipart_report,
    ndr_headers,
    no_from_address,
    no_reply_sender,
    null_return_path,
    our_message_id,
    precedence,
    relays_a_form,
    report_part,
    to_our_envelope,
)
from privacybot.triage.automatic_json import json_notification
from privacybot.triage.automatic_lists import list_admin
from privacybot.triage.automatic_notices import (
    assistant_sent,
    challenge,
    challenge_words,
    complaint_report,
    gateway_body,
    gateway_notice,
    gateway_subject,
    gateway_words,
    payment_receipt,
    portal_notice,
    read_receipt,
    receipt_acknowledgement,
    self_declared,
    ticket_system,
)
from privacybot.triage.automatic_view import (
    FORWARD_PREFIX,
    HEAD_CHARS,
    OUR_REFERENCE,
    TYPED_CODE,
    MessageView,
    OurMessageIds,
    answers_us,
    first_token,
    quotes_below,
    signed_by_a_person,
)


@dataclass(frozen=True)
class AutoVerdict:
    """The outcome of the chain: which rule fired (its id) and why, or not automatic."""

    automatic: bool
    rule_id: str | None = None
    reason: str | None = None

    def pair(self) -> tuple[bool, str | None]:
        """The ``(automatic, reason)`` pair that ``is_automatic`` has always returned."""
        return self.automatic, self.reason


Rule = Callable[[MessageView], str | None]


def _model_input(v: MessageView) -> automatic_model.Message:
    return automatic_model.Message(
        header_names=tuple(name for name, _ in v.msg.headers),
        valued=tuple(
            (name.lower(), first_token(value)[:20] or "-")
            for name, value in v.msg.headers
            if name.lower() in automatic_model.VALUED_FIELDS
        ),
        content_type=v.content_type,
        part_types=frozenset(v.part_types),
        mailboxes=tuple(v.mailboxes),
        subject=v.subject,
        head=v.head_text,
        answers=answers_us(v),
        has_link="://" in v.msg.body[:HEAD_CHARS],
        asks="?" in v.head_text,
        human_voice=v.human_voice,
        first_person=v.first_person,
    )


def message_signs(msg: ParsedMessage, our_address: str | None = None) -> list[str]:
    """The learned model's signs of one message (what training and scoring both read)."""
    return automatic_model.signs(_model_input(MessageView(msg, our_address, None)))


#: A confirmation word alone, with at most a given name after it.
_CONFIRMED_ONLY = re.compile(
    r"\W{0,3}(?:confirmed|bevestigd|akkoord|agreed)\W{0,3}(?:\s+[A-Z][a-z]{1,15})?\W{0,3}",
    re.IGNORECASE,
)


def _not_for_the_model(v: MessageView) -> bool:
    """A person's voice, the first person, a typed code, a client's forward prefix over
    the writer's own words, our case reference in the writer's own text ("PRV-2026-01898"
    alone as a reply), no word at all ("21/03/1985"), or a quote of the mail answered
    below the text ("Thanks" over "… schreef op …: > …"), or an informal closing with a
    given name ("Groet, Lotte"): people write these; autoresponders do not quote, and
    sign with a team's name."""
    head = v.head_text
    return (
        v.human_voice
        or v.first_person
        or bool(TYPED_CODE.search(head))
        or bool(OUR_REFERENCE.search(head))
        or not re.search(r"[^\W\d_]{2}", head)
        or quotes_below(v)
        or signed_by_a_person(v)
        # A client's forward with the writer's own words above it ("TR: Non remis : …"
        # over "Sa nouvelle adresse est …"); a forwarding rule adds no words.
        or bool(FORWARD_PREFIX.match(v.subject))
        # A web form passing on a person's message under the site's no-reply sender.
        or relays_a_form(v)
        # ... or a writer who says people read this address ("Dit adres wordt door ons
        # team gelezen … U kunt hierop gewoon antwoorden", set 331).
        or bool(READ_BY_PEOPLE.search(v.own_words))
        # ... or a bare confirmation, perhaps with a name under it ("Confirmed. / Golnaz",
        # set 599; no blind automatic message's text is only that).
        or bool(_CONFIRMED_ONLY.fullmatch(head))
    )


def learned_guarded(msg: ParsedMessage, our_address: str | None = None) -> bool:
    """The chain does not ask the model about this message (training mirrors that)."""
    return _not_for_the_model(MessageView(msg, our_address, None))


def _learned(v: MessageView) -> str | None:
    """The learned second opinion (`automatic_model.py`): only after every rule said no,
    never in a person's voice (a question, their own request or data), the first person
    ("your mail to me bounced") or with a typed code (a citizen verifying must never be
    taken for a machine), only at the
    shipped threshold, with the probability and the signs that weighed most."""
    model = automatic_model.shipped_model()
    if model is None or _not_for_the_model(v):
        return None
    signs = automatic_model.signs(_model_input(v))
    p, top = model.score(signs)
    if p < model.threshold or not automatic_model.beyond_words(top, signs):
        return None
    return f"learned signs, p={p:.3f} ({', '.join(top) or 'no single sign'})"


#: The chain, in order: (rule id, rule).  R16's tests first, in R16's order.
RULES: tuple[tuple[str, Rule], ...] = (
    ("auto-submitted", auto_submitted),
    ("precedence", precedence),
    ("list-headers", list_headers),
    ("autoreply-headers", autoreply_headers),
    ("multipart-report", multipart_report),
    ("null-return-path", null_return_path),
    ("daemon-sender", daemon_sender),
    ("from-ours", from_ours),
    ("loop-header", loop_header),
    ("our-message-id", our_message_id),
    ("daemon-return-path", daemon_return_path),
    ("to-our-envelope", to_our_envelope),
    ("ndr-headers", ndr_headers),
    ("report-part", report_part),
    ("forwarded-report", forwarded_report),
    ("report-fields", report_fields),
    ("list-admin", list_admin),
    ("read-receipt", read_receipt),
    ("gateway-sender", gateway_sender),
    ("gateway-subject", gateway_subject),
    ("gateway-body", gateway_body),
    ("gateway-notice", gateway_notice),
    ("bounce-subject", bounce_subject),
    ("mta-body", mta_body),
    ("bounce-structure", bounce_structure),
    ("oof-subject", oof_subject),
    ("suppress-away", suppress_away),
    ("json-notification", json_notification),
    ("challenge-response", challenge),
    ("no-from-address", no_from_address),
    ("returned-copy", returned_copy),
    ("away-notice", away_notice),
    ("echoed-subject", echoed_subject),
    ("absence-notice", absence_notice),
    ("away-bounce-envelope", away_with_a_bounce_envelope),
    ("self-declared", self_declared),
    ("assistant-sent", assistant_sent),
    ("complaint-report", complaint_report),
    ("smtp-diagnostic", smtp_diagnostic),
    ("ticket-system", ticket_system),
    ("portal-notice", portal_notice),
    ("receipt-acknowledgement", receipt_acknowledgement),
    ("no-reply-sender", no_reply_sender),
    ("machine-envelope", machine_envelope),
    ("payment-receipt", payment_receipt),
    ("gateway-words", gateway_words),
    ("challenge-words", challenge_words),
    ("fate-notice", fate_notice),
    ("our-subject-unchanged", our_subject_unchanged),
    ("learned", _learned),
)
RULE_IDS: tuple[str, ...] = tuple(rule_id for rule_id, _ in RULES)


def check_automatic(
    msg: ParsedMessage,
    *,
    our_address: str | None = None,
    our_message_ids: OurMessageIds = None,
) -> AutoVerdict:
    """Run the chain; the first rule that fires decides, with its id and reason."""
    view = MessageView(msg, our_address, our_message_ids)
    for rule_id, rule in RULES:
        reason = rule(view)
        if reason is not None:
            return AutoVerdict(True, rule_id, reason)
    return AutoVerdict(False)


def is_automatic(
    msg: ParsedMessage,
    *,
    our_address: str | None = None,
    our_message_ids: OurMessageIds = None,
) -> tuple[bool, str | None]:
    """R16: is this mail automatic?  ``(True, reason)`` for the first rule that fires.

    ``our_message_ids`` (a set or a predicate) adds one loop guard to (7): a message
    carrying a Message-ID we generated is our own mail coming back.  See
    ``check_automatic`` for the rule id.
    """
    return check_automatic(msg, our_address=our_address, our_message_ids=our_message_ids).pair()
