"""The decision chains: ordered tables of (rule, effect, then), walked for each message.

Like Mailman's ``chains/builtin.py``: each link names a rule (decision.rules), what
a hit does to the verdict being built, and where the walk goes next — ``stop``,
``continue``, or another chain. The tables below are the whole policy of the desk
for an inbound message; :func:`decide` walks them and returns a frozen
:class:`~privacybot.decision.verdict.Verdict` with every rule that fired and why.

Pure: facts in, verdict out. The writer (``service.inbound``) loads the facts and
carries out the verdict; it never second-guesses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from privacybot.decision import walk
from privacybot.decision.facts import Facts
from privacybot.decision.rules import (
    BY_ID,
    asked_rights,
    code_judgement,
    earlier_case_complained_about,
    is_marketing_objection,
    new_rights_on_case,
    reduces_at_once,
    repeated_case,
)
from privacybot.decision.verdict import Action, CodeUse, PlannedReply, RuleHit, Verdict
from privacybot.decision.walk import ALWAYS, CONTINUE, STOP
from privacybot.domain import Label, Language
from privacybot.replies.kinds import ReplyKind

#: The answer each right gets once the requester may receive it (R8).
ANSWER_KIND: dict[Label, ReplyKind] = {
    Label.ACCESS: ReplyKind.ANSWER_ACCESS,
    Label.RECTIFICATION: ReplyKind.ANSWER_RECTIFICATION,
    Label.ERASURE: ReplyKind.ANSWER_ERASURE,
    Label.RESTRICTION: ReplyKind.ANSWER_RESTRICTION,
    Label.PORTABILITY: ReplyKind.ANSWER_PORTABILITY,
    Label.OBJECTION: ReplyKind.ANSWER_OBJECTION,
    Label.WITHDRAW_CONSENT: ReplyKind.ANSWER_WITHDRAW_CONSENT,
    Label.COMPLAINT: ReplyKind.ANSWER_COMPLAINT,
}


def answer_kinds(
    rights: frozenset[str], text: str, already: frozenset[str] = frozenset()
) -> tuple[ReplyKind, ...]:
    """R8: one answer per right, those not drafted yet (``already``).

    An objection in words about marketing only is art. 21(2); together with a
    consent withdrawal it gets one letter that covers both, not two.
    """
    marketing = is_marketing_objection(text)
    kinds: list[ReplyKind] = []
    for right in sorted(rights):
        kind = ANSWER_KIND.get(Label(right))
        if kind is None:
            continue
        if kind == ReplyKind.ANSWER_OBJECTION and marketing:
            kind = ReplyKind.ANSWER_OBJECTION_MARKETING
        kinds.append(kind)
    combined = {ReplyKind.ANSWER_OBJECTION_MARKETING, ReplyKind.ANSWER_WITHDRAW_CONSENT}
    if combined <= set(kinds):
        kinds = [k for k in kinds if k not in combined] + [ReplyKind.ANSWER_MARKETING_AND_CONSENT]
    covered = set(already)
    if ReplyKind.ANSWER_MARKETING_AND_CONSENT.value in covered:
        covered |= {k.value for k in combined}
    return tuple(k for k in kinds if k.value not in covered)


@dataclass
class Ballot:
    """The verdict while the chain is walked; frozen into a Verdict at the end."""

    action: Action | None = None
    hits: list[RuleHit] = field(default_factory=list)
    replies: list[PlannedReply] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    no_auto: bool = False
    on_behalf: bool = False
    queue_reason: str | None = None
    case_id: int | None = None
    parent_case_id: int | None = None
    accept_unverified: bool = False
    code_attempts: tuple[bool, ...] = ()
    verifies: bool = False
    bounced_draft_id: int | None = None
    urgent: bool = False
    reduce_now: frozenset[Label] = frozenset()
    rights: frozenset[Label] | None = None
    #: The company of a linked earlier case, when the message names none.
    company: str | None = None

    def reply(self, kind: ReplyKind, *, automatic: bool = False, **kw: Any) -> None:
        code = kw.pop("code", CodeUse.NONE)
        self.replies.append(PlannedReply(kind, automatic, code, MappingProxyType(kw)))


Effect = Callable[[Ballot, Facts, str], None]


Link = walk.Link[Ballot, Facts]


# --- effects -------------------------------------------------------------------------------


def nothing(ballot: Ballot, facts: Facts, reason: str) -> None:
    """The hit is recorded; the verdict is unchanged."""


def flag(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.flags.append(reason)


def no_auto(ballot: Ballot, facts: Facts, reason: str) -> None:
    """A person answers: nothing goes out automatically, and staff are told why."""
    ballot.no_auto = True
    ballot.flags.append(reason)


def bounce(ballot: Ballot, facts: Facts, reason: str) -> None:
    assert facts.bounced is not None
    ballot.action = Action.BOUNCE
    ballot.bounced_draft_id = facts.bounced.id
    ballot.case_id = facts.bounced.case_id
    ballot.flags.append("our reply bounced")


def automatic(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.AUTOMATIC
    ballot.queue_reason = reason


def to_staff(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.STAFF
    ballot.queue_reason = reason


def urgent_to_staff(ballot: Ballot, facts: Facts, reason: str) -> None:
    """Staff see it now, by mail too: the regulator, or a breach with its 72-hour clock."""
    ballot.action = Action.STAFF
    ballot.queue_reason = reason
    ballot.urgent = True


def breach(ballot: Ballot, facts: Facts, reason: str) -> None:
    urgent_to_staff(ballot, facts, reason)
    ballot.reply(ReplyKind.BREACH_THANKS)


def deceased(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.NO_CASE_REPLY
    ballot.reply(ReplyKind.DECEASED)


def acts_at_once(ballot: Ballot, facts: Facts, reason: str) -> None:
    """R9: the withdrawal (or marketing objection) acts at receipt; its letter now."""
    now = reduces_at_once(facts)
    ballot.reduce_now = now
    text = facts.result.cleaned_body
    for kind in answer_kinds(frozenset(label.value for label in now), text):
        ballot.reply(kind)


def new_right(ballot: Ballot, facts: Facts, reason: str) -> None:
    """R22: a newly invoked right opens a linked case with its own receipt date."""
    assert facts.case is not None
    ballot.parent_case_id = facts.case.id
    ballot.rights = new_rights_on_case(facts)
    ballot.case_id = None
    ballot.action = None


def attach(ballot: Ballot, facts: Facts, reason: str) -> None:
    assert facts.case is not None
    ballot.action = Action.ATTACH
    ballot.case_id = facts.case.id


def closed_parent(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.parent_case_id = facts.thread.parent_case_id


def link_earlier(ballot: Ballot, facts: Facts, reason: str) -> None:
    """The complaint's case points at the case it is about and takes its company."""
    earlier = earlier_case_complained_about(facts)
    assert earlier is not None
    ballot.parent_case_id = earlier.id
    ballot.company = earlier.company


def clarify(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.NO_CASE_REPLY
    ballot.reply(ReplyKind.CLARIFICATION, ask_request=True, ask_company=False)


def question(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.NO_CASE_REPLY
    complaint = Label.COMPLAINT in facts.result.classification.labels
    ballot.reply(ReplyKind.ANSWER_COMPLAINT if complaint else ReplyKind.ANSWER_QUESTION)


def join_repeated(ballot: Ballot, facts: Facts, reason: str) -> None:
    found = repeated_case(facts)
    assert found is not None
    ballot.action = Action.ATTACH
    ballot.case_id = found.id


def on_behalf(ballot: Ballot, facts: Facts, reason: str) -> None:
    """R12: staff look; the writer hears we have it, and what proof we need (no code)."""
    ballot.on_behalf = True
    ballot.flags.append(reason)
    ballot.reply(ReplyKind.REPRESENTATION_PROOF, minor=reason == "request for a minor")


def _acknowledge(ballot: Ballot, *, with_code: bool) -> None:
    if ballot.on_behalf:
        ballot.replies.insert(
            0, PlannedReply(ReplyKind.REPRESENTATION_ACK, True, CodeUse.NONE, MappingProxyType({}))
        )
    elif with_code and not ballot.no_auto:
        ballot.reply(ReplyKind.ACKNOWLEDGMENT, automatic=True, code=CodeUse.NEW)
    else:
        ballot.reply(ReplyKind.ACKNOWLEDGMENT, automatic=True)


def reduces_only(ballot: Ballot, facts: Facts, reason: str) -> None:
    """R9: the case opens verified-enough for this; the answers wait for staff."""
    ballot.action = Action.OPEN
    ballot.accept_unverified = True
    _acknowledge(ballot, with_code=False)
    if not ballot.on_behalf:
        rights = frozenset(r.value for r in _rights(ballot, facts))
        for kind in answer_kinds(rights, facts.result.cleaned_body):
            ballot.reply(kind)


def verify_first(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.action = Action.OPEN
    acknowledged_first = list(ballot.replies)
    ballot.replies.clear()
    _acknowledge(ballot, with_code=True)
    ballot.replies.extend(acknowledged_first)


def new_code(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.reply(ReplyKind.VERIFICATION_CODE, automatic=True, code=CodeUse.NEW, renewed=False)


def renewed_code(ballot: Ballot, facts: Facts, reason: str) -> None:
    ballot.reply(ReplyKind.VERIFICATION_CODE, automatic=True, code=CodeUse.NEW, renewed=True)


def verified(ballot: Ballot, facts: Facts, reason: str) -> None:
    assert facts.case is not None
    ballot.code_attempts = code_judgement(facts).attempts
    ballot.verifies = True
    ballot.reply(ReplyKind.VERIFICATION_CONFIRMED, automatic=True)
    if not facts.case.refused:
        case = facts.case
        for kind in answer_kinds(case.rights, case.opening_text, case.drafted_kinds):
            ballot.reply(kind)


def wrong_code(ballot: Ballot, facts: Facts, reason: str) -> None:
    judged = code_judgement(facts)
    ballot.code_attempts = judged.attempts
    ballot.reply(ReplyKind.VERIFICATION_FAILED, automatic=True, locked=judged.locked_now)


# --- the tables ---------------------------------------------------------------------------

CHAINS: dict[str, tuple[Link, ...]] = {
    "intake": (
        Link("R17-own-bounce", bounce, STOP),
        Link("R16-automatic", automatic, STOP),
        Link("R18-one-sender", to_staff, STOP),
        Link("R22-attach", attach, "follow-up"),
        Link(ALWAYS, nothing, "new-request"),
    ),
    "new-request": (
        Link("R23-closed-parent", closed_parent, CONTINUE),
        Link("complaint-about-case", link_earlier, CONTINUE),
        Link("ap-letter", urgent_to_staff, STOP),
        Link("breach-report", breach, STOP),
        Link("deceased", deceased, STOP),
        Link("no-right-foreign", clarify, STOP),
        Link("no-right-question", question, STOP),
        Link("no-right", to_staff, STOP),
        Link("repeat-request", join_repeated, STOP),
        Link("new-case-cap", to_staff, STOP),
        Link("R22-token-mismatch", flag, CONTINUE),
        Link("R15-untrusted", no_auto, CONTINUE),
        Link("R12-on-behalf", on_behalf, CONTINUE),
        Link("R16-no-auto-answer", no_auto, CONTINUE),
        Link("R18-unusable-address", no_auto, CONTINUE),
        Link("R18-robot-address", no_auto, CONTINUE),
        Link("low-confidence", flag, CONTINUE),
        Link("foreign-language", flag, CONTINUE),
        Link("R9-acts-at-once", acts_at_once, CONTINUE),
        Link("R9-reduces-only", reduces_only, STOP),
        Link("R13-verify-first", verify_first, STOP),
    ),
    "follow-up": (
        Link("R22-message-added", nothing, CONTINUE),
        Link("R16-no-auto-answer", no_auto, CONTINUE),
        Link("R13-code-from-stranger", flag, STOP),
        Link("R13-new-code-asked", new_code, STOP),
        Link("R13-too-many-codes", flag, STOP),
        Link("R13-locked", nothing, STOP),
        Link("R13-expired", renewed_code, STOP),
        Link("R13-code-ok", verified, STOP),
        Link("R13-locked-now", flag, CONTINUE),
        Link("R13-code-wrong", wrong_code, STOP),
        Link("R22-new-right", new_right, "new-request"),
        Link("follow-up-verified", flag, STOP),
    ),
}

FIRST_CHAIN = "intake"


def _rights(ballot: Ballot, facts: Facts) -> frozenset[Label]:
    return ballot.rights if ballot.rights is not None else asked_rights(facts)


def _language(facts: Facts, ballot: Ballot) -> Language:
    if ballot.action == Action.ATTACH and facts.case is not None:
        return facts.case.language
    if facts.result.foreign_language:
        return Language.EN
    return facts.result.classification.language


def decide(facts: Facts) -> Verdict:
    """Walk the chains from ``intake``; every rule that fires is kept with its reason."""
    ballot = Ballot()
    walk.walk(CHAINS, FIRST_CHAIN, BY_ID, facts, ballot)
    action = ballot.action or Action.STAFF
    language = _language(facts, ballot)
    replies = tuple(
        PlannedReply(r.kind, r.automatic and not ballot.no_auto, r.code, r.extra, language)
        for r in ballot.replies
    )
    rights = tuple(sorted(_rights(ballot, facts))) if action == Action.OPEN else ()
    return Verdict(
        action=action,
        hits=tuple(ballot.hits),
        replies=replies,
        staff_flags=tuple(dict.fromkeys(ballot.flags)),
        queue_reason=ballot.queue_reason,
        rights=rights,
        language=language,
        company=facts.result.classification.company or ballot.company,
        accept_unverified=ballot.accept_unverified,
        case_id=ballot.case_id,
        parent_case_id=ballot.parent_case_id,
        code_attempts=ballot.code_attempts,
        verifies=ballot.verifies,
        bounced_draft_id=ballot.bounced_draft_id,
        urgent=ballot.urgent,
        reduce_now=tuple(sorted(ballot.reduce_now)),
    )


def rule_ids_in_chains() -> set[str]:
    return walk.rule_ids(CHAINS)
