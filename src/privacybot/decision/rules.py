"""Every rule of the decision chain: a stable id, one line of meaning, and a check.

A check reads the frozen :class:`~privacybot.decision.facts.Facts` and returns the
reason it fires (a short sentence for staff and the audit trail) or None. What a
hit *does* is not here: ``decision.chain`` pairs each rule with its effect, as
Mailman pairs rules with actions, so a rule can be read, tested and cited by its id
alone (docs/rules.md names the R-numbers these ids start with).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import TypeAlias

from privacybot.cases.identity import (
    CodeJudgement,
    CodeOutcome,
    Trust,
    find_codes,
    judge_code_reply,
    needs_staff_for_representation,
    parse_authentication_results,
)
from privacybot.cases.threading import RecentCase, ThreadAction, repeat_of
from privacybot.decision.facts import Facts
from privacybot.decision.senders import (
    about_a_deceased_person,
    about_a_minor,
    from_the_regulator,
    reports_a_breach,
)
from privacybot.decision.walk import Rule as GenericRule
from privacybot.domain import RIGHTS, CaseStatus, Label
from privacybot.replies.headers import may_auto_reply_to
from privacybot.triage.addresses import reply_address_problem
from privacybot.triage.quotes import unquoted_text

Check = Callable[[Facts], str | None]


Rule: TypeAlias = GenericRule[Facts]


# --- helpers the checks share (pure) ---------------------------------------------------

#: What a case can be about: the rights, and a complaint about how we handled one (art. 77).
CASE_LABELS: frozenset[Label] = RIGHTS | {Label.COMPLAINT}

_MARKETING = re.compile(
    r"nieuwsbrie|marketing|reclame|mailings?\b|aanbieding|newsletter|promoti|advertis"
    r"|unsubscrib|afmeld|direct ?mail|commerci[eë]le",
    re.IGNORECASE,
)
_OBJECTS = re.compile(
    r"bezwaar|object|oppose|stop\w*|niet (?:langer|meer)|no longer|geen .{0,40} meer"
    r"|don'?t want|do not want|wil (?:ik )?(?:dit )?niet",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")


def is_marketing_objection(text: str) -> bool:
    """Art. 21(2): an objection to direct marketing (no balancing, no code, R9).

    Decided per sentence, never by a keyword anywhere: at least one sentence objects
    to marketing, and no sentence objects to anything else. "I object to how you
    use my data for the tax assessment; your newsletter is fine" stays an ordinary
    art. 21(1) objection, which staff weigh.
    """
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    marketing = [s for s in sentences if _MARKETING.search(s)]
    if not marketing:
        return False
    other = [s for s in sentences if _OBJECTS.search(s) and not _MARKETING.search(s)]
    return not other


def asked_rights(facts: Facts) -> frozenset[Label]:
    """What the message asks for; a reply to a closed case inherits its rights (R23)."""
    rights = frozenset(
        label for label in facts.result.classification.labels if label in CASE_LABELS
    )
    if not rights and facts.thread.action == ThreadAction.NEW_CHILD_OF_CLOSED and facts.case:
        rights = frozenset(Label(r) for r in facts.case.rights if r in CASE_LABELS)
    return rights


def _reducing(facts: Facts) -> set[Label]:
    """The asked rights that only reduce processing (R9): consent, marketing objections."""
    reducing = {Label.WITHDRAW_CONSENT}
    if is_marketing_objection(facts.result.cleaned_body):
        reducing.add(Label.OBJECTION)
    return reducing & set(asked_rights(facts))


def only_reduces_processing(facts: Facts) -> bool:
    """R9: consent withdrawal and marketing objections need no code (they only reduce)."""
    rights = set(asked_rights(facts))
    return bool(rights) and rights <= _reducing(facts)


def reduces_at_once(facts: Facts) -> frozenset[Label]:
    """R9 beside other rights: these act at receipt; the others wait for the code."""
    rights = set(asked_rights(facts))
    reducing = _reducing(facts)
    return frozenset(reducing) if reducing and rights - reducing else frozenset()


def code_judgement(facts: Facts) -> CodeJudgement:
    """R13 on this reply: computed once per call, pure (the facts hold the codes)."""
    codes = facts.codes
    return judge_code_reply(
        unquoted_text(facts.result.parsed.body),
        list(codes.codes) if codes else [],
        codes.wrong_for_case if codes else 0,
        codes.wrong_for_address if codes else 0,
        facts.now,
        facts.key,
    )


def _from_requester(facts: Facts) -> bool:
    return facts.case is not None and facts.case.requester == facts.sender


def _awaiting_code_from_requester(facts: Facts) -> bool:
    return (
        facts.case is not None
        and facts.case.status == CaseStatus.AWAITING_VERIFICATION
        and _from_requester(facts)
    )


def _when(condition: bool, reason: str) -> str | None:
    return reason if condition else None


def _code_is(outcome: CodeOutcome, reason: str) -> Check:
    def check(facts: Facts) -> str | None:
        if not _awaiting_code_from_requester(facts):
            return None
        return _when(code_judgement(facts).outcome == outcome, reason)

    return check


# --- intake: every message ----------------------------------------------------------------


def _own_bounce(facts: Facts) -> str | None:
    if facts.result.automatic and facts.bounced is not None:
        return f"delivery report on our message {facts.bounced.message_id}"
    return None


def _automatic(facts: Facts) -> str | None:
    rule = facts.result.automatic_rule
    how = f" [{rule}]" if rule else ""
    return _when(facts.result.automatic, f"automatic mail{how}: {facts.result.automatic_reason}")


def _one_sender(facts: Facts) -> str | None:
    if facts.result.parsed.sender:
        return None
    count = len(facts.result.parsed.from_mailboxes)
    return f"From holds {count} mailboxes" if count > 1 else "no mailbox in From"


def _attach(facts: Facts) -> str | None:
    return _when(facts.thread.action == ThreadAction.ATTACH, facts.thread.reason)


# --- a new request --------------------------------------------------------------------------


def _closed_parent(facts: Facts) -> str | None:
    return _when(facts.thread.action == ThreadAction.NEW_CHILD_OF_CLOSED, facts.thread.reason)


def earlier_case_complained_about(facts: Facts) -> RecentCase | None:
    """The sender's latest case, when this new message complains and names no company.

    "I do not agree with how you handled my request" names no reference when it is a new
    mail rather than a reply; the sender's own latest case is what it is about. The
    link is made only from the sender's address to that address's own case, so it
    discloses nothing to anyone else (the acknowledgment still goes to that address).
    """
    c = facts.result.classification
    if Label.COMPLAINT not in c.labels or c.company is not None:
        return None
    if facts.thread.parent_case_id is not None or facts.earlier is None:
        return None
    return facts.earlier


def _complaint_about_case(facts: Facts) -> str | None:
    earlier = earlier_case_complained_about(facts)
    if earlier is None:
        return None
    return f"a complaint naming no case from the requester of {earlier.reference}: linked to it"


def _no_right_foreign(facts: Facts) -> str | None:
    return _when(
        not asked_rights(facts) and facts.result.foreign_language,
        "no right recognised in a message in neither Dutch nor English",
    )


def _no_right_question(facts: Facts) -> str | None:
    labels = facts.result.classification.labels
    return _when(
        not asked_rights(facts) and Label.QUESTION in labels,
        "a question, no right invoked: an answer for staff, no case clock",
    )


def _regulator(facts: Facts) -> str | None:
    return _when(
        from_the_regulator(facts.sender, facts.result.cleaned_body),
        "a letter from the Autoriteit Persoonsgegevens: staff answer it",
    )


def _breach(facts: Facts) -> str | None:
    return _when(
        reports_a_breach(facts.result.cleaned_body),
        "a possible personal-data breach is reported: 72 hours to assess and notify (art. 33)",
    )


def _deceased(facts: Facts) -> str | None:
    return _when(
        about_a_deceased_person(facts.result.cleaned_body) and bool(asked_rights(facts)),
        "a request about someone who has died: the GDPR does not apply",
    )


def _acts_at_once(facts: Facts) -> str | None:
    now = reduces_at_once(facts)
    names = ", ".join(sorted(label.value for label in now))
    return f"{names} acts at once; the rest waits for the code" if now else None


def _no_right(facts: Facts) -> str | None:
    if asked_rights(facts):
        return None
    c = facts.result.classification
    labels = ", ".join(label.value for label in c.labels) or "none"
    return f"classification uncertain ({labels}, {c.confidence:.2f})"


def repeated_case(facts: Facts) -> RecentCase | None:
    """The open case this message repeats (rule repeat-request), if any."""
    recent = [r for r in facts.recent if r.opened > facts.now - facts.limits.repeat_window]
    return repeat_of(
        {r.value for r in asked_rights(facts)},
        facts.result.classification.company,
        facts.result.cleaned_body,
        recent,
    )


def _repeat(facts: Facts) -> str | None:
    found = repeated_case(facts)
    return f"repeats case {found.reference}" if found else None


def _case_cap(facts: Facts) -> str | None:
    cap = facts.limits.max_new_cases_per_address
    today = sum(1 for r in facts.recent if r.opened > facts.now - timedelta(hours=24))
    return _when(today >= cap, f"more than {cap} new cases from this address in 24 h")


def _token_mismatch(facts: Facts) -> str | None:
    return _when(
        facts.thread.action == ThreadAction.NEW_TOKEN_MISMATCH,
        "case reference from another address",
    )


def _untrusted(facts: Facts) -> str | None:
    trust = parse_authentication_results(
        facts.result.parsed.header_all("Authentication-Results"), facts.limits.trusted_authserv_id
    )
    return _when(trust == Trust.UNTRUSTED, "sender not authenticated by our mail server")


def _on_behalf(facts: Facts) -> str | None:
    text = facts.result.cleaned_body
    if not needs_staff_for_representation(text):
        return None
    return "request for a minor" if about_a_minor(text) else "request on behalf of someone else"


def _no_auto_answer(facts: Facts) -> str | None:
    return _when(facts.result.suppress_auto_answer, "sender asked for no automatic answers")


def _unusable_address(facts: Facts) -> str | None:
    problem = reply_address_problem(facts.sender)
    return f"cannot write to this address: {problem}" if problem else None


def _robot_address(facts: Facts) -> str | None:
    allowed, reason = may_auto_reply_to(facts.sender)
    return None if allowed else reason


def _low_confidence(facts: Facts) -> str | None:
    c = facts.result.classification
    return _when(
        Label.OTHER in c.labels or c.confidence < facts.limits.review_confidence,
        f"classification uncertain ({c.confidence:.2f}): check the rights read",
    )


def _foreign(facts: Facts) -> str | None:
    return _when(facts.result.foreign_language, "written in neither Dutch nor English")


def _reduces_only(facts: Facts) -> str | None:
    return _when(
        only_reduces_processing(facts),
        "consent withdrawal or marketing objection: effective at once, no code needed",
    )


def _verify_first(facts: Facts) -> str | None:
    return "the requester must prove this address before any personal data is sent"


# --- a follow-up on a case --------------------------------------------------------------------


def _code_from_stranger(facts: Facts) -> str | None:
    case = facts.case
    if case is None or case.status != CaseStatus.AWAITING_VERIFICATION or _from_requester(facts):
        return None
    return _when(
        bool(find_codes(unquoted_text(facts.result.parsed.body))),
        "a code came from another address than the requester's",
    )


def _message_on_verified(facts: Facts) -> str | None:
    return _when(
        facts.case is not None and facts.case.verified and _from_requester(facts),
        "new message from the requester",
    )


def new_rights_on_case(facts: Facts) -> frozenset[Label]:
    """Rights (or a complaint) this follow-up asks that its case does not cover yet (R22)."""
    if facts.case is None or not _from_requester(facts):
        return frozenset()
    labels = facts.result.classification.labels
    return frozenset(
        label for label in labels if label in CASE_LABELS and label.value not in facts.case.rights
    )


def _new_right(facts: Facts) -> str | None:
    fresh = new_rights_on_case(facts)
    names = ", ".join(sorted(label.value for label in fresh))
    return (
        f"a new request on the case ({names}): a linked case with its own clock" if fresh else None
    )


def _message_added(facts: Facts) -> str | None:
    return f"message added to {facts.case.reference}" if facts.case else None


def _locked_now(facts: Facts) -> str | None:
    if not _awaiting_code_from_requester(facts):
        return None
    judged = code_judgement(facts)
    return _when(
        judged.outcome == CodeOutcome.WRONG and judged.locked_now,
        "verification locked after too many wrong codes",
    )


def _too_many(facts: Facts) -> str | None:
    if not _awaiting_code_from_requester(facts):
        return None
    judged = code_judgement(facts)
    return _when(
        judged.outcome == CodeOutcome.TOO_MANY,
        f"a reply offered {judged.candidates} possible codes; none was tried",
    )


RULES: tuple[Rule, ...] = (
    Rule("R17-own-bounce", "a bounce of one of our letters attaches to its case", _own_bounce),
    Rule("R16-automatic", "automatic mail is never answered; staff see it", _automatic),
    Rule("R18-one-sender", "only a single From mailbox can be a requester", _one_sender),
    Rule("R22-attach", "a reply or a known reference joins its case", _attach),
    Rule("R23-closed-parent", "a message on a closed case opens a linked new one", _closed_parent),
    Rule(
        "complaint-about-case",
        "a complaint naming no case is about the sender's latest case",
        _complaint_about_case,
    ),
    Rule("ap-letter", "a letter from the regulator goes to staff at once", _regulator),
    Rule("breach-report", "a reported breach goes to staff at once (art. 33)", _breach),
    Rule("deceased", "about someone who died: no GDPR request, a kind letter", _deceased),
    Rule("no-right-foreign", "another language, no right: an English note asks", _no_right_foreign),
    Rule("no-right-question", "a question: an answer for staff", _no_right_question),
    Rule("no-right", "nothing recognised: staff decide", _no_right),
    Rule("repeat-request", "the same request again joins its open case", _repeat),
    Rule("new-case-cap", "past the daily cap of new cases, staff decide", _case_cap),
    Rule("R22-token-mismatch", "another address used a case reference", _token_mismatch),
    Rule("R15-untrusted", "our MX did not vouch for the sender: no automatic mail", _untrusted),
    Rule("R12-on-behalf", "a request for someone else goes to staff", _on_behalf),
    Rule("R16-no-auto-answer", "the sender asked for no automatic answers", _no_auto_answer),
    Rule("R18-unusable-address", "an address we cannot write to goes to staff", _unusable_address),
    Rule("R18-robot-address", "robots, lists and no-reply addresses get nothing", _robot_address),
    Rule("low-confidence", "an uncertain classification is checked by staff", _low_confidence),
    Rule("foreign-language", "another language: staff answer, in English", _foreign),
    Rule("R9-acts-at-once", "withdrawal or marketing objection beside other rights", _acts_at_once),
    Rule("R9-reduces-only", "withdrawal and marketing objection act at once", _reduces_only),
    Rule("R13-verify-first", "a code proves the address before any data goes out", _verify_first),
    Rule("R22-message-added", "the message joins the case; dates do not move", _message_added),
    Rule("R13-code-from-stranger", "codes count only from the requester", _code_from_stranger),
    Rule(
        "R13-new-code-asked",
        "the requester asked for a new code",
        _code_is(CodeOutcome.NEW_CODE_ASKED, "the requester asked for a new code"),
    ),
    Rule("R13-too-many-codes", "more than two candidate codes: none is tried", _too_many),
    Rule(
        "R13-locked",
        "no attempts left: codes are no longer tried",
        _code_is(CodeOutcome.LOCKED, "verification is locked: no attempts left"),
    ),
    Rule(
        "R13-expired",
        "no live code: a fresh one goes out",
        _code_is(CodeOutcome.EXPIRED, "the code had expired: a fresh one goes out"),
    ),
    Rule(
        "R13-code-ok",
        "the right code verifies the requester",
        _code_is(CodeOutcome.VERIFIED, "the right code: the requester is verified"),
    ),
    Rule(
        "R13-code-wrong",
        "a wrong code: the requester hears how to go on",
        _code_is(CodeOutcome.WRONG, "a wrong code"),
    ),
    Rule("R13-locked-now", "the last attempts are used: staff must look", _locked_now),
    Rule("R22-new-right", "a new right on a case opens a linked case", _new_right),
    Rule(
        "follow-up-verified", "a verified requester wrote again: staff look", _message_on_verified
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
