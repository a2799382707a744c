"""Classifier: intents loading/validation, labels, language, company, threshold, corpus F1."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from privacybot.domain import Label, Language
from privacybot.paths import intents_dir
from privacybot.triage import companies
from privacybot.triage.classify import (
    Classifier,
    IntentsError,
    build_classifier,
    classifier_for,
    load_classifier,
    load_intents,
)
from privacybot.triage.companies import find_company
from privacybot.triage.features import fold
from privacybot.triage.pipeline import classify_text

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "messages.yaml"
LANGUAGE_YAML = "nl: [de, het, ik]\nen: [the, a, i]\nkeep: []\n"


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


def labels(clf: Classifier, text: str, subject: str = "") -> set[str]:
    return {label.value for label in clf.classify(text, subject).labels}


def test_load_classifier_is_cached() -> None:
    assert load_classifier() is load_classifier()


def test_every_label_has_an_intents_file_with_both_languages() -> None:
    intents = load_intents()
    assert set(intents.phrases) == set(Label)
    for per_language in intents.phrases.values():
        assert set(per_language) == {Language.NL, Language.EN}


def test_a_bad_intents_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "_language.yaml").write_text(LANGUAGE_YAML)
    (tmp_path / "access.yaml").write_text("nl:\n  - inzage\nen:\n  - [oops]\n")
    with pytest.raises(IntentsError, match=r"access\.yaml:4"):
        load_intents(tmp_path)


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "_language.yaml").write_text(LANGUAGE_YAML)
    (tmp_path / "erasure.yaml").write_text("nl:\n  - wissen\n en: : -\n")
    with pytest.raises(IntentsError, match=r"erasure\.yaml:\d+: invalid YAML"):
        load_intents(tmp_path)


def test_an_unknown_label_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "_language.yaml").write_text(LANGUAGE_YAML)
    (tmp_path / "wishes.yaml").write_text("nl: [iets]\n")
    with pytest.raises(IntentsError, match=r"wishes\.yaml:1: file name must be a label"):
        load_intents(tmp_path)


def test_staff_can_add_a_phrase_without_code(tmp_path: Path) -> None:
    """A phrase added after training acts at once as a rule on request sentences."""
    shutil.copytree(intents_dir(), tmp_path / "intents")
    text = "Stuur mij het zwartboek."
    before = build_classifier(tmp_path / "intents").classify(text)
    assert before.labels == (Label.OTHER,)
    assert dict(before.candidates).get(Label.ACCESS, 0.0) < 0.5
    access = tmp_path / "intents" / "access.yaml"
    access.write_text(access.read_text(encoding="utf-8") + "  - het zwartboek\n", encoding="utf-8")
    clf = build_classifier(tmp_path / "intents")
    assert clf.new_phrases == {"access|het zwartboek"}
    after = clf.classify(text)
    assert after.labels == (Label.ACCESS,)
    assert dict(after.candidates)[Label.ACCESS] >= 0.9
    assert any("new phrase 'het zwartboek'" in reason for reason in after.reasons)


def test_a_new_phrase_in_a_threat_is_not_a_request(tmp_path: Path) -> None:
    shutil.copytree(intents_dir(), tmp_path / "intents")
    access = tmp_path / "intents" / "access.yaml"
    access.write_text(access.read_text(encoding="utf-8") + "  - het zwartboek\n", encoding="utf-8")
    clf = build_classifier(tmp_path / "intents", threshold=0.0)
    result = clf.classify("Zo niet, dan vraag ik het zwartboek op bij de rechter.")
    assert not any("new phrase" in reason for reason in result.reasons)


def test_the_shipped_model_was_trained_on_every_phrase_of_intents(clf: Classifier) -> None:
    """Retrain (python -m privacybot.triage.train) after adding phrases to the repo."""
    assert clf.new_phrases == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik wil inzage en verwijdering van mijn gegevens.", {"access", "erasure"}),
        ("Geen nieuwsbrief meer graag.", {"objection"}),
        ("Please unsubscribe me from marketing.", {"objection"}),
        ("I withdraw my consent for the newsletter.", {"withdraw_consent"}),
        ("Welke cookies gebruiken jullie?", {"question"}),
        ("Ik dien een klacht in.", {"complaint"}),
        ("Graag mijn gegevens laten verwijdern", {"erasure"}),
        ("Kunnen jullie mijn gegevens bevriezen? Niet wissen.", {"restriction"}),
        ("Mijn factuur is te hoog.", {"other"}),
    ],
)
def test_it_labels_typical_messages(clf: Classifier, text: str, expected: set[str]) -> None:
    assert labels(clf, text) == expected


def test_below_threshold_is_other_with_low_confidence_and_the_candidates(
    clf: Classifier,
) -> None:
    result = clf.classify("Stuur mij het zwartboek.")
    assert result.labels == (Label.OTHER,)
    assert result.confidence < clf.threshold
    assert len(result.candidates) == 3
    probabilities = [p for _, p in result.candidates]
    assert probabilities == sorted(probabilities, reverse=True)
    assert "candidates" in result.reasons[0]


def test_confident_results_carry_candidates_too(clf: Classifier) -> None:
    result = clf.classify("Verwijder al mijn gegevens.")
    assert result.labels == (Label.ERASURE,)
    assert result.candidates[0][0] is Label.ERASURE and result.candidates[0][1] > 0.9


def test_classifier_for_passes_the_operators_threshold() -> None:
    assert classifier_for(0.5) is load_classifier()
    strict = classifier_for(0.99)
    assert strict.threshold == 0.99 and strict.model is load_classifier().model


def test_threshold_is_a_parameter() -> None:
    strict = build_classifier(threshold=1.01)
    assert strict.classify("Ik wil inzage.").labels == (Label.OTHER,)


def test_language_is_detected_from_text(clf: Classifier) -> None:
    assert clf.classify("Ik wil graag weten wat jullie van mij hebben").language is Language.NL
    assert clf.classify("I would like to know what you have on me").language is Language.EN


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("klant bij Procurra", "Procura"),
        ("JCC software", "JCC Software"),
        ("bij Geo Tax", "GeoTax"),
        ("beheer visie heeft", "BeheerVisie"),
        ("dataquint", "DataQuint"),
        ("I Real", "I-Real"),
        ("Pharox", "Pharox"),
        ("Beste SIM, graag inzage", "SIM"),
        ("Mijn gegevens bij Sim.", "SIM"),
        ("mijn SIM-kaart werkt niet", None),
        ("my SIM card is blocked", None),
        ("simkaart en simulatie", None),
        ("Simone wil inzage", None),
        ("geen bedrijf genoemd", None),
        ("I really want my data", None),
        ("eerst GeoTax, daarna Procurra", "GeoTax"),
        ("over Procurra en later SIM", "Procura"),
        ("Beste SIM, ook bij Procurra", "SIM"),
    ],
)
def test_company_is_matched_fuzzily_and_sim_only_as_a_word(text: str, company: str | None) -> None:
    assert find_company(text) == company


def test_company_verdicts_are_the_same_when_remembered() -> None:
    """The fuzzy verdicts are kept per run of words; a second look must agree."""
    for _ in range(2):
        assert find_company("klant bij Procurra") == "Procura"
        assert find_company("klant bij Procurement") is None


def test_company_cache_starts_afresh_when_full_and_keeps_its_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full cache is emptied, not frozen; the verdicts after that are unchanged."""
    monkeypatch.setattr(companies, "_WINDOW_SEEN", {})
    monkeypatch.setattr(companies, "_WINDOW_SEEN_MAX", 4)
    text = "wij zijn klant bij een leverancier namelijk Procurra sinds jaren"
    for _ in range(3):
        assert find_company(text) == "Procura"
        assert len(companies._WINDOW_SEEN) <= 4


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("İstanbul kantoor van Pharox", "Pharox"),  # "İ".lower() is two characters
        ("\u212aLANT bij GeoTax", "GeoTax"),  # the Kelvin sign lowers to "k"
        ("Zoë schrijft: Procurra", "Procura"),
    ],
)
def test_company_position_holds_for_letters_that_change_length_when_lowered(
    text: str, company: str
) -> None:
    assert find_company(text) == company


def test_cue_patterns_match_exactly_what_a_plain_alternation_matches(clf: Classifier) -> None:
    """The cue regex is built as a trie for speed; it must say yes to the same sentences."""
    cues = clf.intents.cues

    def flat(phrases: tuple[str, ...]) -> re.Pattern[str]:
        escaped = sorted({re.escape(fold(p).strip()) for p in phrases if p.strip()}, key=len)
        return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(reversed(escaped))})(?![a-z0-9])")

    samples = [fold(str(e["text"])) for e in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]
    for phrases in (cues.request, cues.context, cues.citation):
        trie, plain = cues.pattern(phrases), flat(phrases)
        probes = list(samples)
        for phrase in phrases:
            folded = fold(phrase).strip()
            probes += [folded, f"x{folded}", f"{folded}x", folded[:-1], f"ja, {folded}."]
        disagree = [p for p in probes if bool(trie.search(p)) != bool(plain.search(p))]
        assert not disagree, disagree[:3]
        assert sum(bool(trie.search(p)) for p in probes) >= len(phrases)


def test_held_corpus_micro_f1_exceeds_090(clf: Classifier) -> None:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    held = [e for e in entries if e["split"] == "held"]
    assert len(entries) >= 200 and len(held) >= 0.3 * len(entries)
    tp = fp = fn = 0
    for entry in held:
        _, result, _ = classify_text(entry["text"], entry["subject"] or "", clf)
        got = {label.value for label in result.labels}
        gold = set(entry["labels"])
        tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(gold - got)
    micro = 2 * tp / (2 * tp + fp + fn)
    assert micro > 0.90


def test_a_third_language_is_read_by_the_phrases(clf: Classifier) -> None:
    result = clf.classify("Hallo, ich möchte Auskunft und Kopie über meine Daten, bitte. Danke")
    assert result.labels == (Label.ACCESS,)
    assert result.reasons[0].startswith("third language: access")
    unclear = clf.classify("Bonjour, je voudrais savoir quelles données vous avez, merci.")
    assert unclear.labels == (Label.OTHER,)


def test_run_time_indices_equal_the_training_features(clf: Classifier) -> None:
    """The cached run-time path and the training path must never drift apart."""
    vocabulary = clf.model.vocabulary
    for text, subject in [
        ("Op grond van artikel 15 AVG verzoek ik om inzage. Zo niet, dan klaag ik.", "Inzage"),
        ("- (a) the purposes\n- (b) the recipients\n\nPlease send me a copy?", ""),
        ('hoi, "jullie privacyverklaring zegt dat alles na een jaar weg is" klopt dat', "vraag"),
    ]:
        sentences = clf.featurizer.sentences(text)
        expected = sorted(
            vocabulary[f]
            for f in clf.featurizer.sentence_features(sentences, subject)
            if f in vocabulary
        )
        assert sorted(clf.featurizer.indices(sentences, subject, vocabulary)) == expected
