"""Own quote cases (tests/data/quotes.yaml): the cleaner keeps exactly the writer's new text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from privacybot.triage.quotes import clean_body

CASES = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "quotes.yaml").read_text(encoding="utf-8")
)


def normalise(text: str) -> str:
    """The comparison of the quote spec: trailing spaces ignored, blank runs collapsed."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quote_case(case: dict[str, str]) -> None:
    assert normalise(clean_body(case["body"])) == normalise(case["expected"])
