"""The privacy statement parser: replies cite and quote these sections (docs/rules.md R8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privacybot import paths
from privacybot.replies.policy import (
    BEWAARTERMIJN,
    COOKIES,
    DOELEINDEN,
    EN_HEADINGS,
    KNOWN_HEADINGS,
    ONTVANGERS,
    RECHTSGROND,
    UW_RECHTEN,
    WELKE_GEGEVENS,
    PolicyError,
    en_heading,
    load_policy,
    parse_policy,
    policy_path,
    section_for_topic,
)

SMALL = """
Titel

Inleiding over ons.

{body}
"""


def _statement(*headings: str, extra: str = "") -> str:
    parts = [f"{h}\n\nTekst onder {h}.\n" for h in headings]
    return SMALL.format(body="\n".join(parts) + extra)


def test_shipped_statement_lives_in_the_repo_not_in_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRIVACYBOT_POLICY_FILE", raising=False)
    path = policy_path()
    assert path == paths.REPO_ROOT / "policy" / "privacyverklaring-conxillium.nl.txt"
    assert path.is_file()


def test_R8_shipped_statement_has_every_cited_heading() -> None:
    policy = load_policy()
    assert policy.headings == KNOWN_HEADINGS
    assert policy.title == "Privacy statement Conxillium"
    assert "BeheerVisie" in policy.preamble
    assert "vier weken" in policy.section(UW_RECHTEN)
    assert "hulpbijprivacy.nl" in policy.section(UW_RECHTEN)
    assert "cookies" in policy.section(COOKIES)
    assert "- Marketingdoeleinden" in policy.section(DOELEINDEN)


def test_sections_hold_only_their_own_text() -> None:
    policy = load_policy()
    for heading, text in policy.sections.items():
        assert text and text == text.strip()
        assert "\n\n\n" not in text
        for other in KNOWN_HEADINGS:
            assert other not in text.splitlines(), (heading, other)
    assert policy.section(BEWAARTERMIJN).startswith("Persoonsgegevens die door ons")
    assert policy.section(ONTVANGERS).endswith("naar het buitenland.")


def test_parse_policy_is_pure_and_splits_at_known_headings_only() -> None:
    text = _statement(*KNOWN_HEADINGS, extra="Losse regel\n\nnog meer tekst\n")
    policy = parse_policy(text)
    assert policy.title == "Titel"
    assert policy.preamble == "Inleiding over ons."
    assert policy.section(WELKE_GEGEVENS) == f"Tekst onder {WELKE_GEGEVENS}."
    # A lone line that is no known heading stays inside the section above it.
    assert policy.section(COOKIES).endswith("Losse regel\n\nnog meer tekst")


def test_missing_heading_is_an_error_naming_it() -> None:
    headings = [h for h in KNOWN_HEADINGS if h != RECHTSGROND]
    with pytest.raises(PolicyError, match="Rechtsgrond voor de verwerking"):
        parse_policy(_statement(*headings))


def test_repeated_heading_is_an_error() -> None:
    with pytest.raises(PolicyError, match="twice"):
        parse_policy(_statement(*KNOWN_HEADINGS, UW_RECHTEN))


def test_unknown_section_lookup_names_the_known_ones() -> None:
    with pytest.raises(PolicyError, match="Bewaartermijn"):
        load_policy().section("Beveiliging")


def test_env_override_points_at_another_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "statement.txt"
    other.write_text(_statement(*KNOWN_HEADINGS), encoding="utf-8")
    monkeypatch.setenv("PRIVACYBOT_POLICY_FILE", str(other))
    assert policy_path() == other
    assert load_policy().section(UW_RECHTEN) == f"Tekst onder {UW_RECHTEN}."


def test_edited_statement_is_reread_without_restart(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(_statement(*KNOWN_HEADINGS), encoding="utf-8")
    assert load_policy(path).title == "Titel"
    path.write_text(_statement(*KNOWN_HEADINGS).replace("Titel", "Nieuwe titel"), "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_policy(path).title == "Nieuwe titel"


def test_every_heading_has_an_english_name() -> None:
    assert set(EN_HEADINGS) == set(KNOWN_HEADINGS)
    assert en_heading(UW_RECHTEN) == "Your rights"
    assert en_heading(BEWAARTERMIJN) == "Retention period"
    assert en_heading("Onbekend") == "Onbekend"


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("Hoe lang bewaren jullie mijn gegevens?", BEWAARTERMIJN),
        ("How long do you keep my data?", BEWAARTERMIJN),
        ("Gebruiken jullie tracking cookies?", COOKIES),
        ("Delen jullie mijn gegevens met derden?", ONTVANGERS),
        ("Do you share my data with third parties?", ONTVANGERS),
        ("Op welke grondslag verwerkt u mijn gegevens?", RECHTSGROND),
        ("Waarom krijg ik jullie nieuwsbrief?", DOELEINDEN),
        ("Hoe kan ik een klacht indienen?", UW_RECHTEN),
        ("Welke gegevens hebben jullie van mij?", WELKE_GEGEVENS),
    ],
)
def test_R8_question_topic_picks_the_section(question: str, heading: str) -> None:
    assert section_for_topic(question) == heading


def test_question_without_a_topic_is_left_to_staff() -> None:
    assert section_for_topic("Goedemiddag, kunt u mij terugbellen?") is None
