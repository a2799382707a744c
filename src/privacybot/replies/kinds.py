"""The kinds of reply privacybot can draft, and the rules each kind carries, as data.

One table (``SPECS``) answers, per kind, the questions other modules must not
guess at: may it hold personal data (so it needs a verified requester and may
never go over Telegram, R12/R14), does it go out without staff approval (R9,
PRIVACYBOT_AUTO_SEND_KINDS), is it a timer message (R7, ``Auto-Submitted: auto-generated``
per R19), which statement sections it must cite (R8), whether it must name the
Autoriteit Persoonsgegevens and the court (R10), and which context variables
its templates need. The renderer and the tests read this table; templates are
checked against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from privacybot.domain import Label
from privacybot.replies.policy import (
    BEWAARTERMIJN,
    COOKIES,
    DOELEINDEN,
    KNOWN_HEADINGS,
    ONTVANGERS,
    RECHTSGROND,
    UW_RECHTEN,
    WELKE_GEGEVENS,
)


class ReplyKind(StrEnum):
    ACKNOWLEDGMENT = "acknowledgment"
    VERIFICATION_CODE = "verification_code"
    VERIFICATION_REMINDER = "verification_reminder"
    VERIFICATION_FAILED = "verification_failed"
    VERIFICATION_CONFIRMED = "verification_confirmed"
    UNVERIFIED_CLOSURE = "unverified_closure"
    ANSWER_ACCESS = "answer_access"
    ANSWER_ACCESS_NONE = "answer_access_none"
    ANSWER_ACCESS_PROCESSOR = "answer_access_processor"
    ANSWER_RECTIFICATION = "answer_rectification"
    ANSWER_ERASURE = "answer_erasure"
    ANSWER_RESTRICTION = "answer_restriction"
    ANSWER_PORTABILITY = "answer_portability"
    ANSWER_OBJECTION = "answer_objection"
    ANSWER_OBJECTION_MARKETING = "answer_objection_marketing"
    ANSWER_WITHDRAW_CONSENT = "answer_withdraw_consent"
    ANSWER_MARKETING_AND_CONSENT = "answer_marketing_and_consent"
    ANSWER_QUESTION = "answer_question"
    ANSWER_COMPLAINT = "answer_complaint"
    EXTENSION_NOTICE = "extension_notice"
    CLARIFICATION = "clarification"
    REFUSAL = "refusal"
    REPRESENTATION_ACK = "representation_ack"
    ID_COPY_REQUEST = "id_copy_request"
    NOT_IDENTIFIABLE = "not_identifiable"
    REPRESENTATION_PROOF = "representation_proof"
    DECEASED = "deceased"
    BREACH_THANKS = "breach_thanks"


#: R11 grounds a staff member picks for a refusal; the templates word each one.
REFUSAL_GROUNDS: frozenset[str] = frozenset(
    {
        "manifestly_unfounded",  # 12(5)
        "excessive",  # 12(5)
        "not_identifiable",  # 11(2) / 12(2)
        "rights_of_others",  # 15(4): limits the copy only, so never a whole refusal
        "erasure_exception",  # 17(3)
        "data_accurate",  # 16: we checked and the data is right; a supplementary statement
        "restriction_not_applicable",  # 18(1) conditions unmet
        "portability_not_applicable",  # 20(1)
        "compelling_grounds",  # 21(1)
    }
)

#: Art. 18(1)(a)-(d): why processing is restricted.
RESTRICTION_GROUNDS: frozenset[str] = frozenset(
    {"accuracy_contested", "unlawful", "legal_claims", "objection_pending"}
)

#: Where the requester types a verification code back (R13 email, R14 Telegram).
CODE_CHANNELS: frozenset[str] = frozenset({"email", "telegram"})

#: Context keys every kind accepts: the company the request names (None = all eight,
#: R8 [CX]) and a link to the published statement if the operator has one.
COMMON_OPTIONAL: Mapping[str, object] = MappingProxyType({"company": None, "policy_url": None})

#: Names the renderer adds itself; a caller passing one of these is a bug.
RESERVED_NAMES: frozenset[str] = frozenset(
    {"language", "cited_sections", "policy", "policy_en", "all_companies"}
)


@dataclass(frozen=True)
class KindSpec:
    """What one kind of reply is allowed and obliged to do.

    ``remedies_when`` names a context key: when it is truthy the reply does not
    take full action (e.g. erasure with data kept under 17(3)) and R10 then
    requires the AP and the court as if ``names_ap``/``names_court`` were set.
    ``cites`` is empty for ``answer_question``: it cites the section the caller
    passes as ``section``.
    """

    contains_personal_data: bool
    auto_send: bool
    timer: bool = False
    cites: tuple[str, ...] = ()
    names_ap: bool = False
    names_court: bool = False
    remedies_when: str | None = None
    required: frozenset[str] = frozenset()
    optional: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    choices: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def outbound_kind(self) -> str:
        """Value of ``replies.headers.OutboundKind`` that decides Auto-Submitted (R19)."""
        if self.timer:
            return "timer"
        return "bot_response" if self.auto_send else "staff"

    @property
    def accepted(self) -> frozenset[str]:
        return self.required | set(self.optional) | set(COMMON_OPTIONAL)


def _opt(**defaults: object) -> Mapping[str, object]:
    return MappingProxyType(defaults)


def _req(*names: str) -> frozenset[str]:
    return frozenset(names)


_ART19 = _opt(notified_recipients=(), list_recipients=False)

SPECS: Mapping[ReplyKind, KindSpec] = MappingProxyType(
    {
        # Receipt confirmation; carries the first R13 code. No personal data: it goes
        # to an address we have not verified yet.
        ReplyKind.ACKNOWLEDGMENT: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            cites=(UW_RECHTEN,),
            # R10: acknowledging a complaint names the AP and the court.
            remedies_when="complaint",
            required=_req("reference", "received_date", "due_date", "rights"),
            optional=_opt(
                code=None, valid_hours=24, verification_pauses_clock=True, complaint=False
            ),
        ),
        ReplyKind.VERIFICATION_CODE: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            required=_req("reference", "code"),
            optional=_opt(valid_hours=24, channel="email", renewed=False),
            choices=MappingProxyType({"channel": CODE_CHANNELS}),
        ),
        ReplyKind.VERIFICATION_REMINDER: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            timer=True,
            required=_req("reference", "closure_date"),
            optional=_opt(code=None, valid_hours=24, channel="email"),
            choices=MappingProxyType({"channel": CODE_CHANNELS}),
        ),
        # A wrong or stale code: what to do now, the same words whatever went wrong,
        # so the reply tells nothing about the code or the case beyond "not accepted".
        ReplyKind.VERIFICATION_FAILED: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            required=_req("reference"),
            optional=_opt(locked=False, valid_hours=24),
        ),
        # The code was right: what happens next and by when.
        ReplyKind.VERIFICATION_CONFIRMED: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            required=_req("reference", "due_date"),
        ),
        # R7/R10: art. 12(4) message when nobody confirmed the address in 28 days.
        ReplyKind.UNVERIFIED_CLOSURE: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            timer=True,
            cites=(UW_RECHTEN,),
            names_ap=True,
            names_court=True,
            required=_req("reference", "received_date"),
        ),
        ReplyKind.ANSWER_ACCESS: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(WELKE_GEGEVENS, DOELEINDEN, RECHTSGROND, ONTVANGERS, BEWAARTERMIJN, UW_RECHTEN),
            names_ap=True,
            # The copy goes as attachments (privacybot.attachments: the letter lists them).
            required=_req(
                "reference",
                "purposes",
                "categories",
                "recipients",
                "retention",
                "source",
                "transfers_text",
                "automated_decision_making",
            ),
            optional=_opt(
                recipient_categories=(),
                legal_bases=(),
                transfers=(),
                limited_copy=None,
            ),
        ),
        # Art. 15(1) asks for a confirmation either way: "we process nothing about you".
        ReplyKind.ANSWER_ACCESS_NONE: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(WELKE_GEGEVENS, UW_RECHTEN),
            names_ap=True,
            required=_req("reference", "searched_with"),
        ),
        # We only process on behalf of a municipality or customer: who to turn to.
        ReplyKind.ANSWER_ACCESS_PROCESSOR: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(WELKE_GEGEVENS, UW_RECHTEN),
            names_ap=True,
            required=_req("reference", "controller", "forwarded"),
        ),
        ReplyKind.ANSWER_RECTIFICATION: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(WELKE_GEGEVENS, ONTVANGERS),
            required=_req("reference", "corrections"),
            optional=_ART19,
        ),
        ReplyKind.ANSWER_ERASURE: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(BEWAARTERMIJN, RECHTSGROND),
            remedies_when="kept",
            required=_req("reference", "erased"),
            optional=_opt(kept=(), **_ART19),
        ),
        ReplyKind.ANSWER_RESTRICTION: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(DOELEINDEN, UW_RECHTEN),
            required=_req("reference", "restricted", "ground"),
            optional=_ART19,
            choices=MappingProxyType({"ground": RESTRICTION_GROUNDS}),
        ),
        ReplyKind.ANSWER_PORTABILITY: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(RECHTSGROND,),
            required=_req("reference"),
            optional=_opt(transmitted_to=None),
        ),
        ReplyKind.ANSWER_OBJECTION: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(RECHTSGROND, DOELEINDEN),
            required=_req("reference", "stopped"),
        ),
        # R9: effective at receipt, no verification; the text confirms nothing about
        # the address beyond "it will not get marketing", so no personal data.
        ReplyKind.ANSWER_OBJECTION_MARKETING: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            cites=(DOELEINDEN, UW_RECHTEN),
            required=_req("received_date"),
            optional=_opt(reference=None),
        ),
        ReplyKind.ANSWER_WITHDRAW_CONSENT: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            cites=(RECHTSGROND, COOKIES),
            required=_req("received_date"),
            optional=_opt(reference=None),
        ),
        # R9: a marketing objection that also withdraws consent gets one letter.
        ReplyKind.ANSWER_MARKETING_AND_CONSENT: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            cites=(DOELEINDEN, UW_RECHTEN, RECHTSGROND, COOKIES),
            required=_req("received_date"),
            optional=_opt(reference=None),
        ),
        ReplyKind.ANSWER_QUESTION: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            required=_req("section", "answer"),
            optional=_opt(reference=None),
            choices=MappingProxyType({"section": frozenset(KNOWN_HEADINGS)}),
        ),
        # Art. 77 / R10: the outcome of a complaint case, with the AP and the court.
        ReplyKind.ANSWER_COMPLAINT: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(UW_RECHTEN,),
            names_ap=True,
            names_court=True,
            required=_req("reference", "received_date", "findings", "outcome"),
        ),
        # R5: staff only, with reasons, before the first due date.
        ReplyKind.EXTENSION_NOTICE: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            cites=(UW_RECHTEN,),
            names_ap=True,
            names_court=True,
            required=_req("reference", "reasons", "new_due_date"),
            optional=_opt(due_date=None),
        ),
        ReplyKind.CLARIFICATION: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            optional=_opt(reference=None, ask_request=False, ask_company=False, questions=()),
        ),
        # R11: staff only. Staff-written reasons may touch the requester's data, so
        # it counts as personal: an identity refusal to someone unverified is the
        # timer's unverified_closure instead.
        ReplyKind.REFUSAL: KindSpec(
            contains_personal_data=True,
            auto_send=False,
            cites=(UW_RECHTEN,),
            names_ap=True,
            names_court=True,
            required=_req("reference", "ground", "reasons"),
            optional=_opt(partial=False, right=None, kept=""),
            choices=MappingProxyType({"ground": REFUSAL_GROUNDS}),
        ),
        # R12: on-behalf requests go to staff; the writer only hears we have it.
        ReplyKind.REPRESENTATION_ACK: KindSpec(
            contains_personal_data=False,
            auto_send=True,
            required=_req("reference", "received_date"),
        ),
        # R12: only when staff decide they need ID, with their reason; seen, never mailed.
        ReplyKind.ID_COPY_REQUEST: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            required=_req("reference", "reason"),
        ),
        # Art. 11(2): we cannot find the requester; no personal data, so it may go to
        # an unverified address, and it invites the details that would let us find them.
        ReplyKind.NOT_IDENTIFIABLE: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            cites=(UW_RECHTEN,),
            names_ap=True,
            names_court=True,
            required=_req("reference"),
        ),
        # R12: on behalf of someone else, or a minor: the authorisation or proof of
        # parental authority we need, and no ID copy.
        ReplyKind.REPRESENTATION_PROOF: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            required=_req("reference"),
            optional=_opt(minor=False),
        ),
        # The GDPR does not cover the dead (recital 27): said kindly, with what may help.
        ReplyKind.DECEASED: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            optional=_opt(reference=None),
        ),
        # Someone reported a possible breach (art. 33): thanks, for staff to send.
        ReplyKind.BREACH_THANKS: KindSpec(
            contains_personal_data=False,
            auto_send=False,
            optional=_opt(reference=None),
        ),
    }
)


def spec(kind: ReplyKind | str) -> KindSpec:
    """The rules of one kind; a ValueError lists the kinds when the name is unknown."""
    try:
        return SPECS[ReplyKind(kind)]
    except ValueError:
        known = ", ".join(k.value for k in ReplyKind)
        raise ValueError(f"unknown reply kind {kind!r}; known: {known}") from None


#: Alias used by ``replies.drafts``: the same ``KindSpec`` (``.contains_personal_data`` ...).
kind_info = spec


def required_context(kind: ReplyKind | str) -> frozenset[str]:
    """Context keys the caller must pass for ``kind``."""
    return spec(kind).required


_SAMPLE_COMMON: Mapping[str, object] = MappingProxyType(
    {
        "reference": "PRV-2026-00042",
        "received_date": date(2026, 3, 6),
        "due_date": date(2026, 4, 7),
    }
)

_SAMPLES: Mapping[ReplyKind, Mapping[str, object]] = MappingProxyType(
    {
        ReplyKind.ACKNOWLEDGMENT: {
            "rights": (Label.ACCESS, Label.ERASURE),
            "code": "004271",
        },
        ReplyKind.VERIFICATION_CODE: {"code": "004271"},
        ReplyKind.VERIFICATION_REMINDER: {"closure_date": date(2026, 6, 29), "code": "918273"},
        ReplyKind.VERIFICATION_FAILED: {},
        ReplyKind.VERIFICATION_CONFIRMED: {},
        ReplyKind.UNVERIFIED_CLOSURE: {},
        ReplyKind.ANSWER_ACCESS: {
            "company": "Procura",
            "purposes": ("Klantcontact en support", "Versturen van de nieuwsbrief"),
            "categories": ("Naam en e-mailadres", "IP-adressen van websitebezoeken"),
            "recipients": ("Mailhost B.V. (verzendt onze nieuwsbrief)",),
            "retention": "Tot twee jaar na het laatste contact",
            "source": "U heeft deze gegevens zelf aan ons gegeven via het contactformulier.",
            "legal_bases": ("Toestemming (nieuwsbrief)", "Gerechtvaardigd belang (support)"),
            "transfers_text": "Wij geven uw gegevens niet door buiten de EER.",
            "automated_decision_making": (
                "Wij analyseren uw klikgedrag voor de nieuwsbrief. Besluiten over u nemen "
                "wij nooit volledig automatisch."
            ),
        },
        ReplyKind.ANSWER_ACCESS_NONE: {
            "company": "GeoTax",
            "searched_with": "uw naam en e-mailadres",
        },
        ReplyKind.ANSWER_ACCESS_PROCESSOR: {
            "company": "Procura",
            "controller": "de gemeente Zwolle",
            "forwarded": "Wij hebben uw verzoek op 8 maart doorgestuurd aan de gemeente.",
        },
        ReplyKind.ANSWER_RECTIFICATION: {
            "corrections": ({"field": "Achternaam", "value": "De Vries"},),
            "notified_recipients": ("Mailhost B.V.",),
        },
        ReplyKind.ANSWER_ERASURE: {
            "erased": ("Naam en e-mailadres in het klantsysteem",),
            "kept": (
                {
                    "data": "Facturen",
                    "ground": "wettelijke bewaarplicht, art. 17 lid 3 onder b AVG",
                    "period": "1 januari 2033",
                },
            ),
        },
        ReplyKind.ANSWER_RESTRICTION: {
            "restricted": ("Adresgegevens",),
            "ground": "accuracy_contested",
        },
        ReplyKind.ANSWER_PORTABILITY: {},
        ReplyKind.ANSWER_OBJECTION: {"stopped": ("Klantanalyse voor productverbetering",)},
        ReplyKind.ANSWER_OBJECTION_MARKETING: {},
        ReplyKind.ANSWER_WITHDRAW_CONSENT: {},
        ReplyKind.ANSWER_MARKETING_AND_CONSENT: {},
        ReplyKind.ANSWER_QUESTION: {
            "section": BEWAARTERMIJN,
            "answer": "Dat verschilt per soort gegeven.",
        },
        ReplyKind.ANSWER_COMPLAINT: {
            "findings": "Uw verzoek van januari is bij ons blijven liggen.",
            "outcome": "Wij hebben uw verzoek inmiddels beantwoord en de verdeling aangepast.",
        },
        ReplyKind.EXTENSION_NOTICE: {
            "reasons": "Uw verzoek gaat over acht bedrijven en veel systemen.",
            "new_due_date": date(2026, 6, 8),
        },
        ReplyKind.CLARIFICATION: {"ask_request": True, "ask_company": True},
        ReplyKind.REFUSAL: {
            "ground": "excessive",
            "reasons": "U vroeg deze week al vier keer om dezelfde gegevens.",
        },
        ReplyKind.REPRESENTATION_ACK: {},
        ReplyKind.ID_COPY_REQUEST: {
            "reason": "Het e-mailadres waarmee u schrijft, komt niet voor in onze administratie.",
        },
        ReplyKind.NOT_IDENTIFIABLE: {},
        ReplyKind.REPRESENTATION_PROOF: {"minor": True},
        ReplyKind.DECEASED: {},
        ReplyKind.BREACH_THANKS: {},
    }
)


def sample_context(kind: ReplyKind | str) -> dict[str, object]:
    """A complete, realistic context for ``kind``: for tests, previews and staff docs."""
    kind_spec = spec(kind)
    sample = dict(_SAMPLES[ReplyKind(kind)])
    for key, value in _SAMPLE_COMMON.items():
        if key in kind_spec.accepted and key not in sample:
            sample[key] = value
    return sample
