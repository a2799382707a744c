"""Server-rendered pages: Jinja2 over templates/web/, autoescaped, in the reader's language.

Autoescape is on for every template, so a citizen's text, a subject line or a file
name is always shown as text, never as markup; ``StrictUndefined`` makes a template
that names something missing fail in the tests instead of showing an empty spot.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from privacybot.paths import shipped
from privacybot.web.auth import Who
from privacybot.web.i18n import DONE, language_of_request, translator


def web_dir() -> Path:
    return shipped("templates") / "web"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(web_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(
    request: Request,
    who: Who | None,
    template: str,
    *,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    lang = who.language if who is not None else language_of_request(request)
    t = translator(lang)
    done_key = request.query_params.get("done", "")
    values: dict[str, Any] = {
        "t": t,
        "who": who,
        "lang": lang,
        "nav": None,
        "done": t("done." + done_key) if done_key in DONE else None,
        "error": None,
        "explain": None,
    }
    values.update(context)
    html = environment().get_template(template).render(**values)
    return HTMLResponse(html, status_code=status)
