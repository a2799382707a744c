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
    "attachments": {Language.NL: "bijlage(n)", Language.EN: "attachment(s)"},
    "field": {Language.NL: "gegeven", Language.EN: "item"},
    "value": {Language.NL: "nieuwe waarde", Language.EN: "new value"},
    "erased": {Language.NL: "gewiste gegevens", Language.EN: "data erased"},
    "restricted": {Language.NL: "beperkte gegevens", Language.EN: "data restricted"},
    "stopped": {Language.NL: "gestopte verwerking", Language.EN: "processing stopped"},
    "answer": {Language.NL: "antwoord op de vraag", Language.EN: "answer to the question"},
    "reasons": {Language.NL: "redenen", Language.EN: "reasons"},
}


_RECEIPT_ONLY = frozenset(
    {
        ReplyKind.REPRESENTATION_ACK,
        ReplyKind.UNVERIFIED_CLOSURE,
        ReplyKind.ANSWER_OBJECTION_MARKETING,
        ReplyKind.ANSWER_WITHDRAW_CONSENT,
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
            attachments=(_ph("attachments", lang),),
        )
    elif kind == k.ANSWER_RECTIFICATION:
        ctx["corrections"] = ({"field": _ph("field", lang), "value": _ph("value", lang)},)
    elif kind == k.ANSWER_ERASURE:
        ctx["erased"] = (_ph("erased", lang),)
    elif kind == k.ANSWER_RESTRICTION:
        ctx.update(restricted=(_ph("restricted", lang),), ground="accuracy_contested")
    elif kind == k.ANSWER_PORTABILITY:
        ctx["attachments"] = (_ph("attachments", lang),)
    elif kind == k.ANSWER_OBJECTION:
        ctx["stopped"] = (_ph("stopped", lang),)
    elif kind == k.ANSWER_QUESTION:
        ctx.update(
            section=section_for_topic(question_text or "") or UW_RECHTEN,
            answer=_ph("answer", lang),
        )
    elif kind == k.ANSWER_COMPLAINT:
        if case is not None:
            ctx["due_date"] = case.due
    elif kind == k.EXTENSION_NOTICE:
        assert case is not None and case.extended_due is not None
        ctx.update(
            reasons=case.extension_reason or _ph("reasons", lang),
            new_due_date=case.extended_due,
            due_date=case.due,
        )
    return ctx
