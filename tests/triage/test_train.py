"""Training writes a model the classifier reads back; the shipped model matches its data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from privacybot.domain import Label
from privacybot.triage.classify import build_classifier, load_model
from privacybot.triage.train import CORPUS_DIR, TRAINING_FILES

pytest.importorskip("sklearn", reason="training needs scikit-learn (pip install .[train])")


def test_training_on_a_small_corpus_round_trips(tmp_path: Path) -> None:
    from privacybot.triage.classify import save_model
    from privacybot.triage.train import train

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "messages.yaml").write_bytes((CORPUS_DIR / "messages.yaml").read_bytes())
    model, cv = train(corpus, verbose=False)
    assert 0.5 < cv["micro_f1"] <= 1.0
    path = tmp_path / "model.npz"
    save_model(model, path)
    loaded = load_model(path)
    assert loaded.vocabulary == model.vocabulary
    clf = build_classifier(model=loaded)
    assert clf.classify("Verwijder al mijn gegevens alstublieft.").labels == (Label.ERASURE,)


def test_the_shipped_model_was_trained_on_the_corpora_in_the_repository() -> None:
    """Retrain (python -m privacybot.triage.train) after changing a training corpus."""
    digest = hashlib.sha256()
    for name in TRAINING_FILES:
        if (CORPUS_DIR / name).exists():
            digest.update((CORPUS_DIR / name).read_bytes())
    assert load_model().meta["training_sha256"] == digest.hexdigest()


def test_a_model_of_another_format_is_refused(tmp_path: Path) -> None:
    from privacybot.triage.classify import IntentsError

    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(IntentsError, match="cannot read the trained model"):
        load_model(bad)
