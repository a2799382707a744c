"""Facts built by hand: the decision stage is tested without a database or a parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from privacybot.cases.identity import OtpState, hash_code
from privacybot.cases.threading import RecentCase, ThreadAction, ThreadDecision
from privacybot.decision import BouncedDraft, CaseFacts, CodeFacts, Facts, Limits
from privacybot.domain import CaseStatus, Classification, Label, Language, ParsedMessage
from privacybot.triage.pipeline import TriageResult

NOW = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
KEY = b"decision-test-key"
SENDER = "anna@example.nl"
NEW = ThreadDecision(ThreadAction.NEW, "R22.3", "no Message-ID or token of a known case")


def parsed(body: str = "", *, sender: str | None = SENDER, **kw: Any) -> ParsedMessage:
    base = ParsedMessage(
        sender=sender,
        reply_to=None,
        subject=kw.pop("subject", "Verzoek"),
        message_id="<m1@example.nl>",
        in_reply_to=None,
        references=(),
        date=NOW,
        body=body,
        from_mailboxes=(sender,) if sender else (),
    )
    return replace(base, **kw)


def result(
    body: str = "Ik wil inzage in mijn gegevens.",
    labels: tuple[Label, ...] = (Label.ACCESS,),
    *,
    confidence: float = 0.95,
    language: Language = Language.NL,
    company: str | None = "Procura",
    sender: str | None = SENDER,
    headers: tuple[tuple[str, str], ...] = (),
    **kw: Any,
) -> TriageResult:
    from_mailboxes = kw.pop("from_mailboxes", None)
    message = parsed(body, sender=sender, headers=headers)
    if from_mailboxes is not None:
        message = replace(message, from_mailboxes=from_mailboxes)
    base = TriageResult(
        parsed=message,
        cleaned_body=body,
        automatic=False,
        automatic_reason=None,
        suppress_auto_answer=False,
        case_ref_in_subject=None,
        reply_ids=(),
        classification=Classification(labels, language, company, confidence),
        problems=(),
    )
    return replace(base, **kw)


def case(**kw: Any) -> CaseFacts:
    base = CaseFacts(
        id=7,
        reference="PRV-2026-00007",
        status=CaseStatus.AWAITING_VERIFICATION,
        rights=frozenset({"access"}),
        company="Procura",
        language=Language.NL,
        verified=False,
        requester=SENDER,
        opening_text="Ik wil inzage in mijn gegevens.",
    )
    return replace(base, **kw)


def codes(*plain: str, wrong_case: int = 0, wrong_address: int = 0, age_h: int = 1) -> CodeFacts:
    states = tuple(OtpState(hash_code(code, KEY), NOW - timedelta(hours=age_h)) for code in plain)
    return CodeFacts(states, wrong_case, wrong_address)


def attached(case_facts: CaseFacts | None = None) -> ThreadDecision:
    c = case_facts or case()
    return ThreadDecision(
        ThreadAction.ATTACH, "R22.1", f"reply to our message in {c.reference}", c.id
    )


def recent(**kw: Any) -> RecentCase:
    base = RecentCase(
        id=3,
        reference="PRV-2026-00003",
        rights=frozenset({"access"}),
        company="Procura",
        text="Ik wil inzage in mijn gegevens.",
        opened=NOW - timedelta(hours=1),
        closed=False,
    )
    return replace(base, **kw)


def facts(
    res: TriageResult | None = None,
    *,
    thread: ThreadDecision = NEW,
    case_facts: CaseFacts | None = None,
    code_facts: CodeFacts | None = None,
    recent_cases: tuple[RecentCase, ...] = (),
    bounced: BouncedDraft | None = None,
    limits: Limits | None = None,
    earlier: RecentCase | None = None,
) -> Facts:
    return Facts(
        result=res or result(),
        thread=thread,
        now=NOW,
        key=KEY,
        limits=limits or Limits(),
        case=case_facts,
        codes=code_facts,
        recent=recent_cases,
        bounced=bounced,
        earlier=earlier,
    )
