"""The variables each reply kind is rendered with, taken from the case.

Facts the system knows (reference, dates, rights, company) are filled in. What only
a person can know (which data, which recipients, what was erased) is filled with a
visible placeholder in the case's language; `has_placeholder` lets the approval
gate refuse a draft until staff have replaced every one of them.
"""

from __future__ import annotations

from collections.abc import Mapping

from privacybot.cases.deadline import Clockwork
from privacybot.db.models import Case
from privacybot.domain import Label, Language
from privacybot.replies.kinds import ReplyKind
from privacybot.replies.policy import UW_RECHTEN, section_for_topic

PLACEHOLDER = {Language.NL: "[AANVULLEN: {}]", Language.EN: "[TO COMPLETE: {}]"}
_MARKERS = ("[AANVULLEN:", "[TO COMPLETE:")

_HINTS: Mapping[str, Mapping[Language, str]] = {
    "purposes": {Language.NL: "doeleinden", Language.EN: "purposes"},
    "categories": {Language.NL: "soorten gegevens", Language.EN: "categories of data"},
    "recipients": {Language.NL: "ontvangers bij naam", Language.EN: "recipients by name"},
    "retention": {Language.NL: "bewaartermijn", Language.EN: "retention period"},
    "source": {Language.NL: "herkomst van de gegevens", Language.EN: "source of the data"},
    "field": {Language.NL: "gegeven", Language.EN: "item"},
    "value": {Language.NL: "nieuwe waarde", Language.EN: "new value"},
    "erased": {Language.NL: "gewiste gegevens", Language.EN: "data erased"},
    "restricted": {Language.NL: "beperkte gegevens", Language.EN: "data restricted"},
    "stopped": {Language.NL: "gestopte verwerking", Language.EN: "processing stopped"},
    "answer": {Language.NL: "antwoord op de vraag", Language.EN: "answer to the question"},
    "reasons": {Language.NL: "redenen", Language.EN: "reasons"},
    "transfers": {
        Language.NL: "doorgifte buiten de EER en de waarborgen, of dat er geen is",
        Language.EN: "transfers outside the EEA and their safeguards, or that there are none",
    },
    "automated": {
        Language.NL: "of wij profielen maken of automatisch besluiten (art. 22), bijv. klikgedrag",
        Language.EN: "whether we profile or decide automatically (Art. 22), e.g. click analysis",
    },
    "notified": {
        Language.NL: "aan wie wij dit hebben doorgegeven (art. 19), of dat niemand de gegevens had",
        Language.EN: "who we passed this on to (Art. 19), or that nobody had the data",
    },
    "searched_with": {Language.NL: "waarmee wij zochten", Language.EN: "what we searched with"},
    "controller": {
        Language.NL: "gemeente of klant voor wie wij verwerken",
        Language.EN: "municipality or customer we process for",
    },
    "forwarded": {
        Language.NL: "of en wanneer wij het verzoek hebben doorgestuurd",
        Language.EN: "whether and when we forwarded the request",
    },
    "findings": {Language.NL: "wat er is gebeurd", Language.EN: "what happened"},
    "outcome": {Language.NL: "wat wij eraan doen", Language.EN: "what we are doing about it"},
    "kept": {
        Language.NL: "bewaarde gegevens, grond uit art. 17 lid 3 en bewaartermijn",
        Language.EN: "data kept, the Art. 17(3) ground and the retention period",
    },
}


_RECEIPT_ONLY = frozenset(
    {
        ReplyKind.REPRESENTATION_ACK,
        ReplyKind.UNVERIFIED_CLOSURE,
        ReplyKind.ANSWER_OBJECTION_MARKETING,
        ReplyKind.ANSWER_WITHDRAW_CONSENT,
        ReplyKind.ANSWER_MARKETING_AND_CONSENT,
    }
)


def has_placeholder(text: str) -> bool:
    return any(marker in text for marker in _MARKERS)


def _ph(name: str, language: Language) -> str:
    return PLACEHOLDER[language].format(_HINTS[name][language])


def reply_context(
    kind: ReplyKind,
    case: Case | None,
    clockwork: Clockwork,
    *,
    language: Language | None = None,
    code: str | None = None,
    question_text: str | None = None,
) -> dict[str, object]:
    """Everything `render_reply` needs for `kind`, from the case and the arguments."""
    lang = language or (Language(case.language) if case else Language.NL)
    ctx: dict[str, object] = {"company": case.company if case else None}
    if case is not None:
        ctx["reference"] = case.reference
    k = ReplyKind

    if kind == k.ACKNOWLEDGMENT:
        assert case is not None
        ctx.update(
            received_date=case.receipt_date,
            due_date=case.due,
            rights=tuple(Label(r) for r in case.rights),
            code=code,
            verification_pauses_clock=clockwork.pause_during_verification,
            complaint=Label.COMPLAINT.value in case.rights,
        )
    elif kind == k.VERIFICATION_CODE:
        ctx["code"] = code
    elif kind == k.VERIFICATION_CONFIRMED:
        assert case is not None
        ctx["due_date"] = case.extended_due or case.due
    elif kind in _RECEIPT_ONLY:
        assert case is not None
        ctx["received_date"] = case.receipt_date
    elif kind == k.ANSWER_ACCESS:
        ctx.update(
            purposes=(_ph("purposes", lang),),
            categories=(_ph("categories", lang),),
            recipients=(_ph("recipients", lang),),
            retention=_ph("retention", lang),
            source=_ph("source", lang),
            transfers_text=_ph("transfers", lang),
            automated_decision_making=_ph("automated", lang),
        )
    elif kind == k.ANSWER_ACCESS_NONE:
        ctx["searched_with"] = _ph("searched_with", lang)
    elif kind == k.ANSWER_ACCESS_PROCESSOR:
        ctx.update(controller=_ph("controller", lang), forwarded=_ph("forwarded", lang))
    elif kind == k.ANSWER_RECTIFICATION:
        ctx["corrections"] = ({"field": _ph("field", lang), "value": _ph("value", lang)},)
        ctx["notified_recipients"] = (_ph("notified", lang),)
    elif kind == k.ANSWER_ERASURE:
        ctx["erased"] = (_ph("erased", lang),)
        ctx["notified_recipients"] = (_ph("notified", lang),)
    elif kind == k.ANSWER_RESTRICTION:
        ctx.update(restricted=(_ph("restricted", lang),), ground="accuracy_contested")
        ctx["notified_recipients"] = (_ph("notified", lang),)
    elif kind == k.ANSWER_OBJECTION:
        ctx["stopped"] = (_ph("stopped", lang),)
    elif kind == k.ANSWER_QUESTION:
        ctx.update(
            section=section_for_topic(question_text or "") or UW_RECHTEN,
            answer=_ph("answer", lang),
        )
    elif kind == k.ANSWER_COMPLAINT:
        assert case is not None
        ctx.update(
            received_date=case.receipt_date,
            findings=_ph("findings", lang),
            outcome=_ph("outcome", lang),
        )
    elif kind == k.EXTENSION_NOTICE:
        assert case is not None and case.extended_due is not None
        ctx.update(
            reasons=case.extension_reason or _ph("reasons", lang),
            new_due_date=case.extended_due,
            due_date=case.due,
        )
    return ctx


def kept_placeholder(language: Language) -> str:
    """What an erasure refusal must still say: which data is kept, on which ground, how long."""
    return _ph("kept", language)
