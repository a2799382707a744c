"""Staff mail text: the digest and the alerts, from templates/digest/, plain text and HTML.

Staff mail is read by the desk, not by citizens, so its wording lives apart from the
reply letters (templates/replies/). Each mail has a plain-text template whose first
line is ``Subject: …`` (as the letters have) and an HTML template for the same
context; HTML is autoescaped, and both render with ``StrictUndefined`` so a missing
field is an error here rather than an empty line in someone's inbox.

An operator's ``PRIVACYBOT_TEMPLATES_DIR`` may hold its own ``digest/``; without one
the shipped templates are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from privacybot import paths
from privacybot.scheduler.digest import CaseLine, Digest
from privacybot.scheduler.timers import StaffAlert

LANGUAGES = ("nl", "en")
_SUBJECT_RE = re.compile(r"\ASubject:[ \t]*(?P<subject>[^\n]*)\n(?:[ \t]*\n)*")


class StaffMailError(ValueError):
    """A staff-mail template is missing or broken; one line naming it."""


@dataclass(frozen=True)
class StaffMail:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class AlertView:
    """What one alert mail says: which alert, about which case, on which day."""

    alert: StaffAlert
    case: CaseLine
    today: date


def _directories() -> list[str]:
    found = [paths.templates_dir() / "digest", paths.shipped("templates") / "digest"]
    return [str(p) for p in dict.fromkeys(found) if Path(p).is_dir()]


@lru_cache(maxsize=4)
def _environment(directories: tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(directories)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template(name: str, language: str, kind: str) -> jinja2.Template:
    """``templates/digest/NAME.LANGUAGE.KIND.j2``; a wrong language or template is one line."""
    if language not in LANGUAGES:
        raise StaffMailError(f"staff mail language {language!r} is not nl or en")
    try:
        return _environment(tuple(_directories())).get_template(f"{name}.{language}.{kind}.j2")
    except jinja2.TemplateError as exc:
        raise StaffMailError(f"templates/digest/{name}.{language}: {exc}") from exc


def _render_text(name: str, language: str, context: dict[str, Any]) -> str:
    template = _template(name, language, "txt")
    try:
        return template.render(context)
    except jinja2.TemplateError as exc:
        raise StaffMailError(f"templates/digest/{name}.{language}: {exc}") from exc


def _render(name: str, language: str, context: dict[str, Any]) -> StaffMail:
    text = _render_text(name, language, context)
    html_body = _template(name, language, "html")
    match = _SUBJECT_RE.match(text)
    if match is None:
        raise StaffMailError(f"templates/digest/{name}.{language}.txt.j2: no Subject: line first")
    subject = " ".join(match.group("subject").split())
    body = _tidy(text[match.end() :])
    try:
        html = html_body.render(context, subject=subject)
    except jinja2.TemplateError as exc:
        raise StaffMailError(f"templates/digest/{name}.{language}.html.j2: {exc}") from exc
    return StaffMail(subject=subject, text=body, html=html)


def _tidy(text: str) -> str:
    """No trailing blanks, at most one empty line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_digest(digest: Digest, language: str) -> StaffMail:
    return _render("digest", language, {"d": digest})


def render_alert(view: AlertView, language: str) -> StaffMail:
    return _render("alert", language, {"a": view, "kind": view.alert.name.lower()})


#: Lines per section in the staff group: a chat message is read on a phone.
URGENT_LIMIT = 10


def render_urgent(digest: Digest, language: str, limit: int = URGENT_LIMIT) -> str | None:
    """The digest's urgent lines for the Telegram staff group; None when nothing is urgent.

    Urgent: overdue, due within seven days, an extension decision due, mail that did not
    arrive. Drafts, the queue and what is new stay in the mail and on the dashboard.
    """
    if not (
        digest.overdue.total
        or digest.due_soon.total
        or digest.extension.total
        or digest.failures.total
    ):
        return None
    return _tidy(_render_text("urgent", language, {"d": digest, "limit": limit}))
