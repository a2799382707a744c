"""Render a reply draft (subject and plain-text body) from templates/replies/.

Every outbound message starts here (docs/design.md, Outbox). The renderer is strict on
purpose: a draft that silently lost a due date, a citation or the Autoriteit
Persoonsgegevens is worse than an exception, because staff approve what they
see. So it rejects unknown kinds and context keys, fills documented defaults,
renders with ``StrictUndefined``, and then checks the result against the
kind's rules in ``kinds.SPECS`` (reference in the subject, R8 citations, R10
remedies). Dates are written out by our own filters, not ``locale``, so the
output is the same on every machine.

Template format (templates/README.md): the first line is ``Subject: ...``,
then one blank line, then the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import jinja2

from privacybot import paths
from privacybot.domain import COMPANIES, Label, Language
from privacybot.replies.kinds import COMMON_OPTIONAL, RESERVED_NAMES, ReplyKind, spec
from privacybot.replies.policy import EN_HEADINGS, Policy, en_heading, load_policy, load_policy_en

AP_NAME = "Autoriteit Persoonsgegevens"
COURT_WORD: Mapping[Language, str] = {Language.NL: "rechter", Language.EN: "court"}

NL_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")  # fmt: skip
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip

_SUBJECT_RE = re.compile(r"Subject:[ \t]*(?P<subject>[^\n]*)\n(?:[ \t]*\n)?")


class ReplyError(ValueError):
    """A draft cannot be rendered; the message says which kind, language and why."""


class ReplyContextError(ReplyError):
    """The caller's context is missing, misspelt or out of range."""


class ReplyTemplateError(ReplyError):
    """The template is missing, malformed, or renders a reply that breaks its kind's rules."""


@dataclass(frozen=True)
class RenderedReply:
    subject: str
    body: str
    kind: ReplyKind
    language: Language
    #: Dutch headings of the statement sections the reply cites (R8).
    cited_sections: tuple[str, ...]


# --- filters -------------------------------------------------------------------


def _as_date(value: object) -> date:
    """Accept a date or an ISO string; refuse datetimes, whose local date is ambiguous.

    Receipt and due dates are Europe/Amsterdam dates (R1); taking ``.date()``
    of a UTC datetime would be a day off around midnight, so the caller must
    convert first.
    """
    if isinstance(value, datetime):
        raise ReplyContextError(f"pass a local date, not a datetime: {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ReplyContextError(f"not an ISO date: {value!r}") from None
    raise ReplyContextError(f"not a date: {value!r}")


def nl_date(value: object) -> str:
    """``7 april 2026``."""
    d = _as_date(value)
    return f"{d.day} {NL_MONTHS[d.month - 1]} {d.year}"


def en_date(value: object) -> str:
    """``7 April 2026``."""
    d = _as_date(value)
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def _join(items: Iterable[object], last: str) -> str:
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def nl_list(items: Iterable[object], conjunction: str = "en") -> str:
    """``A, B en C`` (or ``A, B of C`` with ``"of"``)."""
    return _join(items, conjunction)


def en_list(items: Iterable[object], conjunction: str = "and") -> str:
    """``A, B and C`` (no serial comma), or ``A, B or C`` with ``"or"``."""
    return _join(items, conjunction)


def quoted(text: object) -> str:
    """Typographic single quotes, as Dutch and British text cite a heading."""
    return f"\u2018{text}\u2019"


def en_cited(heading: str) -> str:
    """``‘Your rights’ (‘Uw rechten’)``: the English name, plus the Dutch one to find it by."""
    return f"{quoted(en_heading(heading))} ({quoted(heading)})"


def quote_block(text: object, indent: int = 4) -> str:
    """Indent a passage of the statement, keeping its paragraphs and list items.

    Indentation, not ``>``: a ``>`` line reads as quoted mail to clients and to
    our own R13 parser, and this is our text, not the requester's. Indented
    lines are also left alone by the paragraph reflow (see ``reflow``).
    """
    pad = " " * indent
    return "\n".join(pad + line.strip() if line.strip() else "" for line in str(text).splitlines())


def lookup(key: object, table: Mapping[str, object]) -> object:
    """``table[key]`` with an error naming the key; for wording tables kept in templates."""
    try:
        return table[str(key)]
    except KeyError:
        raise ReplyContextError(f"no wording for {key!r}; have {sorted(table)}") from None


def sentence_start(text: object) -> str:
    """The first letter upper-case, the rest untouched: ``de gemeente Zwolle`` opens a sentence
    as ``De gemeente Zwolle`` (Jinja's ``capitalize`` would lower ``Zwolle``)."""
    value = str(text)
    return value[:1].upper() + value[1:]


FILTERS: Mapping[str, object] = {
    "lookup": lookup,
    "sentence_start": sentence_start,
    "nl_date": nl_date,
    "en_date": en_date,
    "nl_list": nl_list,
    "en_list": en_list,
    "quoted": quoted,
    "en_heading": en_heading,
    "en_cited": en_cited,
    "quote_block": quote_block,
}


# --- environment ---------------------------------------------------------------


def default_templates_dir() -> Path:
    return paths.templates_dir() / "replies"


@lru_cache(maxsize=8)
def _environment(templates_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text mail: HTML escaping would mangle "&" and quotes
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The cached Jinja2 environment for a template directory (default: templates/replies)."""
    target = templates_dir if templates_dir is not None else default_templates_dir()
    return _environment(str(Path(target).resolve()))


def template_name(kind: ReplyKind | str, language: Language | str) -> str:
    return f"{ReplyKind(kind).value}.{Language(language).value}.j2"


# --- rendering -----------------------------------------------------------------


def _where(kind: ReplyKind, language: Language) -> str:
    return template_name(kind, language)


def _validated_context(
    kind: ReplyKind, language: Language, context: Mapping[str, object], policy: Policy
) -> dict[str, object]:
    """Caller's context plus defaults, after rejecting what the templates could not use.

    Unknown keys are refused, not ignored: ``due`` for ``due_date`` would
    otherwise leave an optional variable at its default without a word.
    """
    kind_spec = spec(kind)
    where = _where(kind, language)
    missing = sorted(kind_spec.required - context.keys())
    if missing:
        raise ReplyContextError(f"{where}: missing context variable(s): {', '.join(missing)}")
    reserved = sorted(RESERVED_NAMES & context.keys())
    if reserved:
        raise ReplyContextError(f"{where}: reserved name(s) set by the renderer: {reserved}")
    unknown = sorted(context.keys() - kind_spec.accepted)
    if unknown:
        accepted = ", ".join(sorted(kind_spec.accepted))
        raise ReplyContextError(f"{where}: unknown variable(s) {unknown}; accepted: {accepted}")
    for key, allowed in kind_spec.choices.items():
        value = context.get(key, kind_spec.optional.get(key))
        if value not in allowed:
            raise ReplyContextError(
                f"{where}: {key}={value!r} is not one of {', '.join(sorted(allowed))}"
            )
    if "rights" in context:
        rights = context["rights"]
        if isinstance(rights, str) or not isinstance(rights, Iterable):
            raise ReplyContextError(f"{where}: rights must be a sequence of labels")
        bad = [r for r in rights if r not in set(Label)]
        if bad or not rights:
            raise ReplyContextError(f"{where}: rights must be non-empty labels, got {rights!r}")
    company = context.get("company")
    if company is not None and company not in COMPANIES:
        raise ReplyContextError(f"{where}: company {company!r} is not one of {COMPANIES}")
    merged: dict[str, object] = {**COMMON_OPTIONAL, **kind_spec.optional, **context}
    merged.update(
        language=language.value,
        policy=policy.sections,
        policy_en=load_policy_en() if language == Language.EN else {},
        all_companies=COMPANIES,
    )
    return merged


def _cited(kind: ReplyKind, context: Mapping[str, object]) -> tuple[str, ...]:
    if kind is ReplyKind.ANSWER_QUESTION:
        return (str(context["section"]),)
    return spec(kind).cites


def _is_hard(line: str) -> bool:
    return line[:1].isspace() or line.startswith("- ")


def reflow(body: str) -> str:
    """Join the source lines of each paragraph into one line, Markdown-style.

    Template authors wrap prose wherever it reads well in the source; the
    mail gets one line per paragraph, which every client wraps to its own
    width (hard-wrapped 72-column text breaks badly on phones). Blank lines
    separate paragraphs; a line starting with ``- `` (list item) or with
    whitespace (code, quoted statement, detail under an item) keeps its own
    line, and an unindented line after a list item continues that item.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", body):
        lines: list[str] = []
        for raw in block.split("\n"):
            line = raw.rstrip()
            if not line:
                continue
            if lines and not _is_hard(line) and not lines[-1][:1].isspace():
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _split(text: str, where: str) -> tuple[str, str]:
    match = _SUBJECT_RE.match(text)
    if match is None:
        raise ReplyTemplateError(f"{where}: first line must be 'Subject: ...' then a blank line")
    subject = " ".join(match["subject"].split())
    if not subject:
        raise ReplyTemplateError(f"{where}: empty subject")
    return subject, reflow(text[match.end() :]) + "\n"


def _check(
    kind: ReplyKind,
    language: Language,
    context: Mapping[str, object],
    subject: str,
    body: str,
    cited: tuple[str, ...],
) -> None:
    """Hold the rendered text to its kind's rules, so an edited template cannot drop them."""
    kind_spec = spec(kind)
    where = _where(kind, language)
    problems: list[str] = []
    reference = context.get("reference")
    if reference and f"[{reference}]" not in subject:
        problems.append(f"subject lacks [{reference}]")
    for heading in cited:
        needed = [heading] if language is Language.NL else [heading, EN_HEADINGS[heading]]
        problems += [f"body does not cite {h!r}" for h in needed if h not in body]
    partial = bool(kind_spec.remedies_when and context.get(kind_spec.remedies_when))
    if (kind_spec.names_ap or partial) and AP_NAME not in body:
        problems.append(f"body does not name the {AP_NAME} (art. 12(4), art. 77)")
    court = COURT_WORD[language]
    if (kind_spec.names_court or partial) and not re.search(rf"\b{court}\b", body):
        problems.append(f"body does not mention the {court} (art. 12(4), art. 79)")
    if problems:
        raise ReplyTemplateError(f"{where}: {'; '.join(problems)}")


def render_reply(
    kind: ReplyKind | str,
    language: Language | str,
    context: Mapping[str, object],
    templates_dir: Path | None = None,
    *,
    policy: Policy | None = None,
) -> RenderedReply:
    """Render one reply; raises ``ReplyContextError`` / ``ReplyTemplateError`` with the reason.

    ``policy`` defaults to the shipped statement (``policy.load_policy``); the
    cited headings are checked to exist in it so a reworded statement cannot
    leave replies pointing at a section that is gone.
    """
    try:
        reply_kind = ReplyKind(kind)
        lang = Language(language)
    except ValueError as exc:
        raise ReplyContextError(str(exc)) from None
    where = _where(reply_kind, lang)
    statement = policy if policy is not None else load_policy()
    merged = _validated_context(reply_kind, lang, context, statement)
    cited = _cited(reply_kind, merged)
    for heading in cited:
        statement.section(heading)
    merged["cited_sections"] = cited
    try:
        template = environment(templates_dir).get_template(where)
        text = template.render(merged)
    except jinja2.TemplateNotFound as exc:
        raise ReplyTemplateError(f"{where}: template not found ({exc.name})") from exc
    except jinja2.UndefinedError as exc:
        raise ReplyContextError(f"{where}: {exc.message}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ReplyTemplateError(f"{where}: syntax error line {exc.lineno}: {exc}") from exc
    subject, body = _split(text, where)
    _check(reply_kind, lang, merged, subject, body, cited)
    return RenderedReply(
        subject=subject, body=body, kind=reply_kind, language=lang, cited_sections=cited
    )
