"""Mail in neither Dutch nor English is recognised so staff can answer it in English."""

from __future__ import annotations

import pytest

from privacybot.triage.classify import load_classifier
from privacybot.triage.language import looks_foreign


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte bitte Auskunft über alle meine Daten, die Sie gespeichert haben. Danke!",
        "Bonjour, je voudrais savoir quelles données vous avez sur moi et les supprimer.",
        "Hola, quiero que borren todos mis datos personales de su sistema por favor.",
        "Dzień dobry, proszę o usunięcie moich danych osobowych z waszej bazy.",
    ],
)
def test_it_flags_other_languages(text: str) -> None:
    assert looks_foreign(text, load_classifier().stopwords)


@pytest.mark.parametrize(
    "text",
    [
        "hoi, wil graag dat jullie al mijn gegevens wissen. gr mark",
        "Could you change my phone number on file? New number below.",
        "Delen jullie gegevens met derden, zoals marketingbureaus?",
        "Bedankt!",
    ],
)
def test_it_leaves_dutch_english_and_short_text_alone(text: str) -> None:
    assert not looks_foreign(text, load_classifier().stopwords)
