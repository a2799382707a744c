"""Where the data directories that ship beside the code live (intents/, templates/)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent


def intents_dir() -> Path:
    """Staff extend the phrase files here; an operator may point elsewhere."""
    return Path(os.environ.get("PRIVACYBOT_INTENTS_DIR", REPO_ROOT / "intents"))


def templates_dir() -> Path:
    return Path(os.environ.get("PRIVACYBOT_TEMPLATES_DIR", REPO_ROOT / "templates"))


def package_data(name: str) -> Path:
    return PACKAGE_DIR / "data" / name
