"""Where the data that ships with the code is found: intents, templates, policy, migrations.

These directories live at the top of the repository, where staff edit them. A built
wheel carries a copy inside the package, in ``privacybot/_shipped/`` (``setup.py``
copies every name in ``SHIPPED`` there at build time). At run time the installed copy
wins and the checkout is the fallback, so a wheel runs from any directory and a
checkout (or its editable install) reads the files it is editing. Operators may point
at their own copies: ``PRIVACYBOT_INTENTS_DIR``, ``PRIVACYBOT_TEMPLATES_DIR`` and
``PRIVACYBOT_POLICY_FILE`` (see docs/operators.md).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent
SHIPPED_DIR = PACKAGE_DIR / "_shipped"

#: Top-level directories of the repository that a wheel carries. setup.py reads this
#: tuple by running this file on its own, so it must import nothing but the stdlib.
SHIPPED: tuple[str, ...] = ("intents", "templates", "policy", "migrations")


def shipped(name: str) -> Path:
    """The shipped data directory ``name``: the installed copy, else the checkout's.

    When neither exists the installed location is returned, so the reader's own
    "not found" message names where the file was expected.
    """
    if name not in SHIPPED:
        raise ValueError(f"{name!r} is not shipped; add it to privacybot.paths.SHIPPED")
    for base in (SHIPPED_DIR, REPO_ROOT):
        if (base / name).is_dir():
            return base / name
    return SHIPPED_DIR / name


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value) if value else None


def intents_dir() -> Path:
    """Staff extend the phrase files here; an operator may point elsewhere."""
    return _override("PRIVACYBOT_INTENTS_DIR") or shipped("intents")


def templates_dir() -> Path:
    """The reply texts (``replies/`` inside); an operator may point elsewhere."""
    return _override("PRIVACYBOT_TEMPLATES_DIR") or shipped("templates")


def policy_file(filename: str) -> Path:
    """The privacy statement replies cite, or the operator's ``PRIVACYBOT_POLICY_FILE``."""
    return _override("PRIVACYBOT_POLICY_FILE") or shipped("policy") / filename


def migrations_dir() -> Path:
    """The Alembic scripts ``privacybot db upgrade`` applies (never an operator's copy)."""
    return shipped("migrations")


def training_corpus_dir() -> Path:
    """The labelled corpora the classifier is trained on: a checkout's, for developers.

    Training is a development step (``python -m privacybot.triage.train``); the wheel
    ships the trained model, not the corpora.
    """
    return _override("PRIVACYBOT_TRAINING_DIR") or REPO_ROOT / "tests" / "data" / "corpus"


def package_data(name: str) -> Path:
    """A file of ``src/privacybot/data/``, which is package data in every install."""
    return PACKAGE_DIR / "data" / name
