"""Train the classifier's model from labelled corpora; writes ``data/classifier.npz``.

Why a separate step: training needs scikit-learn (and scipy), which the service
does not; the result is plain arrays that ``classify.py`` reads with numpy, so
``privacybot classify`` starts fast and the wheel carries the model.  Run it after
changing the training corpora, the cue phrases or the feature code:

    .venv/bin/python -m privacybot.triage.train          # needs `pip install .[train]`

Every message goes through the same path as in the service (clean the body,
strip the subject prefixes, split sentences, give them roles) before its
features are counted.  Probabilities are calibrated with Platt scaling on
cross-validated scores, and so is the confidence of a whole label set; the
cross-validated figures are printed.  The phrases of ``intents/`` are extra
one-line examples of their label (they always train, they are never scored).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from privacybot.domain import Label
from privacybot.paths import training_corpus_dir
from privacybot.triage.classify import (
    _WORD,
    LABELS,
    Intents,
    Model,
    _fold,
    all_phrase_keys,
    decide,
    load_intents,
    model_path,
    save_model,
    set_probability,
)
from privacybot.triage.features import Featurizer
from privacybot.triage.quotes import clean_body
from privacybot.triage.threadkeys import strip_subject

CORPUS_DIR = training_corpus_dir()
#: Training corpora: every file here except the held-apart split of messages.yaml.
TRAINING_FILES = ("messages.yaml", "train_d1.yaml", "train_d2.yaml")
#: Regularisation, chosen by cross-validation on the training corpora only.
DEFAULT_C = 64.0
MIN_DF = 2
FOLDS = 5
SEED = 20260601


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    subject: str
    labels: frozenset[Label]
    language: str
    company: str | None
    genre: str
    split: str


def load_corpus(path: Path, default_split: str = "train") -> list[Example]:
    """A corpus file (FORMAT.md: id, genre, language, labels, company, subject, text)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of messages")
    out: list[Example] = []
    for entry in data:
        out.append(
            Example(
                id=str(entry["id"]),
                text=str(entry.get("text") or ""),
                subject=str(entry.get("subject") or ""),
                labels=frozenset(Label(x) for x in entry["labels"]),
                language=str(entry.get("language") or ""),
                company=entry.get("company"),
                genre=str(entry.get("genre") or "unknown"),
                split=str(entry.get("split") or default_split),
            )
        )
    return out


def training_examples(directory: Path = CORPUS_DIR) -> list[Example]:
    examples: list[Example] = []
    for name in TRAINING_FILES:
        path = directory / name
        if path.exists():
            examples.extend(e for e in load_corpus(path) if e.split != "held")
    return examples


def phrase_examples(intents: Intents) -> list[Example]:
    """Each phrase of ``intents/`` as a one-line example of its label."""
    out: list[Example] = []
    for label, per_language in intents.phrases.items():
        for language, phrases in per_language.items():
            for i, phrase in enumerate(phrases):
                out.append(
                    Example(
                        f"phrase-{label.value}-{language.value}-{i}",
                        phrase,
                        "",
                        frozenset({label}),
                        language.value,
                        None,
                        "phrase",
                        "phrase",
                    )
                )
    return out


@dataclass
class Prepared:
    features: list[list[str]]
    y: np.ndarray[Any, np.dtype[np.int64]]


def prepare(examples: list[Example], intents: Intents) -> Prepared:
    """Clean, split and featurise like the service does."""
    featurizer = Featurizer(intents.cues)
    features: list[list[str]] = []
    for example in examples:
        text = clean_body(example.text) if example.genre != "phrase" else example.text
        subject = strip_subject(example.subject)
        features.append(featurizer.sentence_features(featurizer.sentences(text), subject))
    y = np.array([[int(label in e.labels) for label in LABELS] for e in examples], dtype=np.int64)
    return Prepared(features, y)


def vectorise(
    features: list[list[str]], vocabulary: dict[str, int], idf: np.ndarray[Any, Any]
) -> Any:
    """Sublinear tf-idf rows, L2-normalised: the same arithmetic as ``sparse_vector``."""
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, feats in enumerate(features):
        counts = Counter(vocabulary[f] for f in feats if f in vocabulary)
        if not counts:
            continue
        idx = np.array(sorted(counts), dtype=np.int64)
        v = np.array([(1.0 + math.log(counts[i])) for i in idx]) * idf[idx]
        v = v / np.sqrt(v @ v)
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(v.tolist())
    return csr_matrix((vals, (rows, cols)), shape=(len(features), len(vocabulary)))


def fit_vocabulary(features: list[list[str]]) -> tuple[dict[str, int], np.ndarray[Any, Any]]:
    df: Counter[str] = Counter()
    for feats in features:
        df.update(set(feats))
    names = sorted(f for f, n in df.items() if n >= MIN_DF)
    n_docs = len(features)
    idf = np.array([math.log((1 + n_docs) / (1 + df[f])) + 1.0 for f in names])
    return {f: i for i, f in enumerate(names)}, idf


def design(prepared: Prepared, rows: Any, vocabulary: dict[str, int], idf: Any) -> Any:
    return vectorise([prepared.features[i] for i in rows], vocabulary, idf)


def fit_weights(x: Any, y: np.ndarray[Any, Any], c: float) -> tuple[Any, Any]:
    """One L2 logistic regression per label: (weights features x labels, intercepts)."""
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((x.shape[1], len(LABELS)))
    intercept = np.zeros(len(LABELS))
    for j in range(len(LABELS)):
        if y[:, j].min() == y[:, j].max():
            intercept[j] = 10.0 if y[0, j] else -10.0
            continue
        lr = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
        lr.fit(x, y[:, j])
        weights[:, j] = lr.coef_[0]
        intercept[j] = lr.intercept_[0]
    return weights, intercept


def platt(scores: np.ndarray[Any, Any], outcomes: np.ndarray[Any, Any]) -> tuple[float, float]:
    """Fit p = sigmoid(a*s + b) (nearly unregularised)."""
    from sklearn.linear_model import LogisticRegression

    if outcomes.min() == outcomes.max():
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, max_iter=1000)
    lr.fit(scores.reshape(-1, 1), outcomes)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def cross_validated_scores(prepared: Prepared, n_real: int, c: float) -> np.ndarray[Any, Any]:
    """Out-of-fold decision values for the first ``n_real`` rows (extra rows always train)."""
    rng = np.random.default_rng(SEED)
    order = rng.permutation(n_real)
    folds = np.array_split(order, FOLDS)
    extra = np.arange(n_real, len(prepared.features))
    scores = np.zeros((n_real, len(LABELS)))
    for k in range(FOLDS):
        test = folds[k]
        train = np.concatenate([folds[i] for i in range(FOLDS) if i != k] + [extra])
        vocabulary, idf = fit_vocabulary([prepared.features[i] for i in train])
        w, b = fit_weights(design(prepared, train, vocabulary, idf), prepared.y[train], c)
        scores[test] = design(prepared, test, vocabulary, idf) @ w + b
    return scores


def _sigmoid(z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def evaluate(probabilities: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> dict[str, float]:
    tp = fp = fn = exact = 0
    for p, gold_row in zip(probabilities, y, strict=True):
        chosen = decide(p)
        gold = {label for label, g in zip(LABELS, gold_row, strict=True) if g}
        tp += len(chosen & gold)
        fp += len(chosen - gold)
        fn += len(gold - chosen)
        exact += chosen == gold
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"micro_f1": f1, "exact": exact / len(y)}


def language_lexicon(examples: list[Example], intents: Intents) -> dict[str, list[str]]:
    """Content words used in one language only (at least twice): tie-break for short notes."""
    seen: dict[str, Counter[str]] = {"nl": Counter(), "en": Counter()}
    function_words = frozenset().union(*intents.stopwords.values())
    for example in examples:
        if example.language in seen:
            tokens = set(_WORD.findall(_fold(clean_body(example.text))))
            seen[example.language].update(tokens - function_words)
    out: dict[str, list[str]] = {}
    for language, other in (("nl", "en"), ("en", "nl")):
        out[language] = sorted(
            w for w, n in seen[language].items() if n >= 2 and seen[other][w] == 0 and len(w) > 2
        )
    return out


def train(
    corpus_dir: Path = CORPUS_DIR,
    intents_directory: Path | None = None,
    *,
    c: float = DEFAULT_C,
    with_phrases: bool = True,
    verbose: bool = True,
) -> tuple[Model, dict[str, float]]:
    intents = load_intents(intents_directory)
    examples = training_examples(corpus_dir)
    n_real = len(examples)
    extra = phrase_examples(intents) if with_phrases else []
    prepared = prepare(examples + extra, intents)
    scores = cross_validated_scores(prepared, n_real, c)
    calibration = np.array(
        [platt(scores[:, j], prepared.y[:n_real, j]) for j in range(len(LABELS))]
    )
    probabilities = _sigmoid(calibration[:, 0] * scores + calibration[:, 1])
    cv = evaluate(probabilities, prepared.y[:n_real])
    raw = []
    right = []
    for p, gold_row in zip(probabilities, prepared.y[:n_real], strict=True):
        chosen = decide(p)
        q = min(max(set_probability(p, chosen), 1e-6), 1 - 1e-6)
        raw.append(math.log(q / (1 - q)))
        right.append(int(chosen == {lab for lab, g in zip(LABELS, gold_row, strict=True) if g}))
    confidence_calibration = np.array(platt(np.array(raw), np.array(right)))
    everything = np.arange(len(prepared.features))
    vocabulary, idf = fit_vocabulary(prepared.features)
    weights, intercept = fit_weights(design(prepared, everything, vocabulary, idf), prepared.y, c)
    digest = hashlib.sha256()
    for name in TRAINING_FILES:
        path = corpus_dir / name
        if path.exists():
            digest.update(path.read_bytes())
    meta: dict[str, object] = {
        "lexicon": language_lexicon(examples + extra, intents),
        "c": c,
        "min_df": MIN_DF,
        "examples": n_real,
        "phrase_examples": len(extra),
        "training_sha256": digest.hexdigest(),
        "cv_micro_f1": round(cv["micro_f1"], 4),
        "cv_exact": round(cv["exact"], 4),
        "phrases": sorted(all_phrase_keys(intents)) if with_phrases else [],
    }
    model = Model(
        vocabulary=vocabulary,
        idf=idf,
        weights=weights,
        intercept=intercept,
        calibration=calibration,
        confidence_calibration=confidence_calibration,
        meta=meta,
    )
    if verbose:
        print(
            f"{n_real} examples (+{len(extra)} phrases), {len(vocabulary)} features, C={c}: "
            f"cross-validated micro-F1 {cv['micro_f1']:.3f}, exact {cv['exact']:.3f}"
        )
    return model, cv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--c", type=float, default=DEFAULT_C)
    parser.add_argument(
        "--no-phrases", action="store_true", help="do not train on intents/ phrases"
    )
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cv-only", action="store_true", help="print figures, write nothing")
    args = parser.parse_args(argv)
    model, _ = train(args.corpus_dir, c=args.c, with_phrases=not args.no_phrases)
    if not args.cv_only:
        out = args.out or model_path()
        save_model(model, out)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
