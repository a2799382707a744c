"""Triage one inbound message: raw bytes in, everything the intake worker needs out.

Why: the worker (and ``privacybot classify``) should call one function and
get a complete, exception-free answer.  This module only wires the pure
steps together in order: parse (mime) -> loop/bounce check (automatic) ->
threading keys -> clean (quotes) -> classify.  Automatic mail is never
classified as a request.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from privacybot.domain import Classification, Label, Language, ParsedMessage
from privacybot.triage.automatic import check_automatic
from privacybot.triage.automatic_dsn import DsnInfo, dsn_info
from privacybot.triage.automatic_headers import suppress_auto_answer
from privacybot.triage.classify import MAX_CLASSIFY_CHARS, Classifier, load_classifier
from privacybot.triage.companies import find_company
from privacybot.triage.language import looks_foreign
from privacybot.triage.mime import decode_bytes, parse_message
from privacybot.triage.quotes import clean_body
from privacybot.triage.threadkeys import case_ref_from_subject, reply_ids, strip_subject

#: Cleaning looks at no more than this much of the body (quotes sit near the top anyway).
MAX_CLEAN_CHARS = 100_000

_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]?")
_KNOWN_HEADERS = re.compile(
    rb"^(from|to|subject|date|message-id|received|return-path|mime-version|content-type"
    rb"|delivered-to|reply-to|cc|in-reply-to|references|x-[!-9;-~]*):",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class TriageResult:
    parsed: ParsedMessage
    cleaned_body: str
    automatic: bool
    automatic_reason: str | None
    suppress_auto_answer: bool
    case_ref_in_subject: str | None
    reply_ids: tuple[str, ...]
    classification: Classification
    problems: tuple[str, ...]
    dsn: DsnInfo | None = None
    #: Neither Dutch nor English: staff answer, in English (issue 6, bad input).
    foreign_language: bool = False
    #: Id of the automatic-mail rule that fired (``automatic.RULE_IDS``), for the event log.
    automatic_rule: str | None = None


def looks_like_rfc822(data: bytes) -> bool:
    """True when ``data`` starts with a header block (``Name: value`` lines, a known header)."""
    head = data.lstrip(b"\r\n")[:65536]
    first = head.split(b"\n", 1)[0]
    if not _HEADER_LINE.match(first):
        return False
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    for line in block.splitlines():
        if line[:1] in (b" ", b"\t") or _HEADER_LINE.match(line):
            continue
        return False
    return bool(_KNOWN_HEADERS.search(block))


def _other(language: Language, confidence: float, reason: str) -> Classification:
    return Classification((Label.OTHER,), language, None, confidence, (reason,))


def classify_text(
    body: str, subject: str, classifier: Classifier
) -> tuple[str, Classification, list[str]]:
    """Clean and classify a decoded body; returns (cleaned, classification, problems)."""
    problems: list[str] = []
    cleaned = clean_body(body[:MAX_CLEAN_CHARS])
    if len(cleaned) > MAX_CLASSIFY_CHARS:
        problems.append(f"only the first {MAX_CLASSIFY_CHARS} characters were classified")
    topic = strip_subject(subject)
    if not cleaned.strip() and not topic:
        problems.append("nothing to classify")
        return cleaned, _other(Language.NL, 0.0, "empty"), problems
    result = classifier.classify(cleaned[:MAX_CLASSIFY_CHARS], topic)
    if result.company is None:
        # The company is often named only in the quoted mail the writer answers
        # ("Van: Privacydesk Pharox", "On …, JCC Software Privacy wrote:").
        company = find_company(body[:MAX_CLASSIFY_CHARS])
        if company is not None:
            result = dataclasses.replace(result, company=company)
    return cleaned, result, problems


def classify_input(
    data: bytes, subject: str | None, classifier: Classifier | None = None
) -> tuple[Classification, list[str]]:
    """CLI entry: a whole RFC 822 message (if it starts with headers) or plain text."""
    classifier = classifier or load_classifier()
    problems: list[str] = []
    if looks_like_rfc822(data):
        parsed = parse_message(data)
        problems.extend(parsed.problems)
        body = parsed.body
        topic = subject if subject is not None else parsed.subject
    else:
        body = decode_bytes(data, None, problems)
        topic = subject or ""
        if "\x00" in body or sum(not (c.isprintable() or c.isspace()) for c in body[:4096]) > 64:
            problems.append("input looks binary")
            body = ""
        if not body.strip():
            problems.append("empty body")
    _, classification, more = classify_text(body, topic, classifier)
    problems.extend(more)
    return classification, list(dict.fromkeys(problems))


def triage(
    raw: bytes,
    *,
    our_address: str,
    our_message_ids: Callable[[str], bool],
    classifier: Classifier | None = None,
) -> TriageResult:
    """Everything the intake worker needs about one raw message; never raises on bad input."""
    classifier = classifier or load_classifier()
    parsed = parse_message(raw)
    problems = list(parsed.problems)
    verdict = check_automatic(parsed, our_address=our_address, our_message_ids=our_message_ids)
    automatic, reason = verdict.pair()
    # A bounce is often caught by an earlier R16 test (Auto-Submitted, MAILER-DAEMON)
    # before multipart/report, so every automatic message is checked for a report.
    dsn = dsn_info(raw) if automatic else None
    cleaned, classification, more = classify_text(parsed.body, parsed.subject, classifier)
    problems.extend(more)
    if automatic:
        classification = Classification(
            (Label.OTHER,),
            classification.language,
            classification.company,
            1.0,
            (f"automatic: {reason}",),
        )
    return TriageResult(
        parsed=parsed,
        cleaned_body=cleaned,
        automatic=automatic,
        automatic_reason=reason,
        suppress_auto_answer=suppress_auto_answer(parsed),
        case_ref_in_subject=case_ref_from_subject(parsed.subject),
        reply_ids=reply_ids(parsed),
        classification=classification,
        problems=tuple(dict.fromkeys(problems)),
        dsn=dsn,
        foreign_language=not automatic and looks_foreign(cleaned, classifier.stopwords),
        automatic_rule=verdict.rule_id,
    )
