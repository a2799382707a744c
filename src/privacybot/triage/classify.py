"""Classify a cleaned message into GDPR request labels: a trained model over sentence roles.

Why this design (chosen by measurement, see ``bench/classify_report.py``): the
phrase matcher alone scored 0.91 micro-F1 on text written by the hands that wrote
its phrases and 0.59 on letters nobody here wrote, because it counts every right
a letter *mentions*.  Here a logistic regression per label (trained by
``triage/train.py`` with scikit-learn, shipped as plain arrays in
``data/classifier.npz`` so run time needs only numpy) reads

word uni- and bigrams and character n-grams, each once plain and once tagged
with its sentence's role (request, context/threat, citation, list item,
neutral; ``triage/features.py``), so "delete" in "please delete my account" and
in "if you do not delete it I will complain" weigh differently.

The phrases of ``intents/`` are training examples of their label (cross-validated
micro-F1 0.911 -> 0.926 with them).  As run-time features they made it worse
(0.874: they fire on mentions), so they are not.  A phrase staff add after the
last training acts at once as a rule: when a request sentence (or the subject)
contains it, its label gets at least ``STAFF_PHRASE_PROBABILITY``; the next
training turns it into an example like the others.

Probabilities are calibrated (Platt scaling on cross-validated scores), and the
confidence of an answer is the calibrated probability that the whole label set
is right.  Below ``threshold`` (PRIVACYBOT_MIN_CONFIDENCE) the answer is
``(other,)`` with that low confidence and the top candidates for staff triage:
never a guess.

``intents/<label>.yaml`` holds example phrases per label (``nl:``/``en:``);
``_language.yaml`` the function words per language (language detection);
``_cues.yaml`` the cue phrases of sentence roles.  Files starting with ``_``
are not labels.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from rapidfuzz import fuzz, process

from privacybot.domain import Classification, Label, Language
from privacybot.paths import intents_dir, package_data
from privacybot.triage.companies import find_company
from privacybot.triage.features import Cues, Featurizer, Sentence
from privacybot.triage.language import detect_language_by_sentences, looks_foreign

#: Text beyond this many characters is not classified (a 20 MB mail stays fast).
MAX_CLASSIFY_CHARS = 20_000
#: PRIVACYBOT_MIN_CONFIDENCE default: below it, staff triage with the top candidates.
DEFAULT_THRESHOLD = 0.5
#: A label is given when its calibrated probability reaches this.
LABEL_PROBABILITY = 0.5
#: How many candidates a result carries for staff.
TOP_CANDIDATES = 3
#: The trained model shipped with the package (``python -m privacybot.triage.train``).
MODEL_NAME = "classifier.npz"
#: Labels in model order.
LABELS: tuple[Label, ...] = tuple(Label)
#: Model file format; a different number means: retrain.
MODEL_FORMAT = 2
#: A phrase added since the last training that a request sentence contains (this share
#: of its weighted words) gives its label at least ``STAFF_PHRASE_PROBABILITY``.
STAFF_PHRASE_MATCH = 0.9
STAFF_PHRASE_PROBABILITY = 0.9
#: Mail in neither Dutch nor English (the model knows only those): the phrase matcher,
#: whose fuzzy alignment catches cognates ("Kopie", "Daten"), decides; its best label
#: needs more than ``FOREIGN_MIN_SCORE``, further labels ``FOREIGN_LABEL_SCORE``.
FOREIGN_MIN_SCORE = 0.5
FOREIGN_LABEL_SCORE = 0.75
#: Words that turn the next two content words around ("niet wissen", "don't delete").
NEGATORS: frozenset[str] = frozenset({"niet", "geen", "nooit", "not", "no", "never", "don", "dont"})
#: rapidfuzz ``ratio`` a misspelt word needs to stand for a phrase word; its similarity
#: is then scaled so that a typo alone never scores as high as the exact word.
FUZZY_CUTOFF = 85.0
FUZZY_SCALE = 0.9

_LANG_KEYS = {"nl": Language.NL, "en": Language.EN}
_NONE = (0.0, "")
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[-*•]\s)|[;:]\s*\n")
_SUFFIXES = (
    "ingen",
    "ing",
    "ties",
    "tie",
    "ions",
    "ion",
    "en",
    "ed",
    "es",
    "er",
    "e",
    "s",
    "d",
    "t",
)


class IntentsError(ValueError):
    """A file under intents/ is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Intents:
    """Validated phrase data: label -> language -> phrases, plus word lists."""

    phrases: dict[Label, dict[Language, tuple[str, ...]]]
    stopwords: dict[Language, frozenset[str]]
    keep: frozenset[str]
    cues: Cues = field(default_factory=lambda: Cues((), (), ()))


def _fold(text: str) -> str:
    """Lowercase without accents ("geïnteresseerd" -> "geinteresseerd")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A crude Dutch/English stemmer: strip common endings while at least 4 letters remain."""
    previous = None
    while previous != word:
        previous = word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def _where(path: Path, node: yaml.Node | None) -> str:
    line = node.start_mark.line + 1 if node is not None else 1
    return f"{path}:{line}"


def _string_list(path: Path, node: yaml.Node, what: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise IntentsError(f"{_where(path, node)}: {what} must be a list of phrases")
    out: list[str] = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise IntentsError(f"{_where(path, item)}: {what} entries must be non-empty text")
        out.append(str(item.value).strip())
    return tuple(out)


def _compose(path: Path) -> yaml.MappingNode:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise IntentsError(f"{path}:{line}: invalid YAML: {exc.problem}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise IntentsError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(node, yaml.MappingNode):
        raise IntentsError(f"{_where(path, node)}: expected a mapping with nl: and en: lists")
    return node


def load_intents(directory: Path | None = None) -> Intents:
    """Read and validate ``intents/``; raises ``IntentsError`` naming file and line."""
    directory = directory or intents_dir()
    if not directory.is_dir():
        raise IntentsError(f"{directory}: intents directory not found")
    phrases: dict[Label, dict[Language, tuple[str, ...]]] = {}
    stopwords: dict[Language, frozenset[str]] = {}
    keep: frozenset[str] = frozenset()
    cues = Cues((), (), ())
    for path in sorted(directory.glob("*.yaml")):
        node = _compose(path)
        if path.stem == "_cues":
            cues = _load_cues(path, node)
            continue
        if path.stem == "_language":
            for key_node, value_node in node.value:
                key = str(key_node.value)
                words = frozenset(_fold(w) for w in _string_list(path, value_node, key))
                if key == "keep":
                    keep = words
                elif key in _LANG_KEYS:
                    stopwords[_LANG_KEYS[key]] = words
                else:
                    raise IntentsError(f"{_where(path, key_node)}: unknown key {key!r}")
            continue
        if path.stem.startswith("_"):
            continue
        try:
            label = Label(path.stem)
        except ValueError:
            known = ", ".join(label.value for label in Label)
            raise IntentsError(f"{path}:1: file name must be a label ({known})") from None
        per_language: dict[Language, tuple[str, ...]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in _LANG_KEYS:
                raise IntentsError(f"{_where(path, key_node)}: unknown key {key!r}, use nl: / en:")
            per_language[_LANG_KEYS[key]] = _string_list(path, value_node, key)
        if not per_language:
            raise IntentsError(f"{path}:1: no phrases")
        phrases[label] = per_language
    if not phrases:
        raise IntentsError(f"{directory}: no intents/*.yaml files")
    if set(stopwords) != set(Language):
        raise IntentsError(f"{directory / '_language.yaml'}:1: needs nl: and en: stopword lists")
    return Intents(phrases=phrases, stopwords=stopwords, keep=keep, cues=cues)


def _load_cues(path: Path, node: yaml.MappingNode) -> Cues:
    """``_cues.yaml``: request/context/citation, each a mapping of nl:/en: phrase lists."""
    found: dict[str, list[str]] = {"request": [], "context": [], "citation": []}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in found:
            raise IntentsError(f"{_where(path, key_node)}: unknown key {key!r}")
        if not isinstance(value_node, yaml.MappingNode):
            raise IntentsError(f"{_where(path, value_node)}: {key} must map nl:/en: to lists")
        for lang_node, list_node in value_node.value:
            lang = str(lang_node.value)
            if lang not in _LANG_KEYS:
                raise IntentsError(
                    f"{_where(path, lang_node)}: unknown key {lang!r}, use nl: / en:"
                )
            found[key].extend(_string_list(path, list_node, f"{key}.{lang}"))
    return Cues(tuple(found["request"]), tuple(found["context"]), tuple(found["citation"]))


@dataclass(frozen=True)
class _Phrase:
    label: Label
    text: str
    tokens: tuple[str, ...]  # stems
    weights: tuple[float, ...]
    total: float
    negated: bool
    pairs: tuple[tuple[str, float], ...]


class PhraseMatcher:
    """The phrases of ``intents/`` scored against one sentence at a time (cached alignment).

    Each label's score is its best phrase: the idf-weighted share of the phrase's words
    found in the sentence, misspellings and compounds aligned by rapidfuzz.  These
    scores let a phrase staff add steer the decision before the next training.
    """

    def __init__(self, intents: Intents, only: frozenset[str] | None = None) -> None:
        """``only``: the ``phrase_key``s to use (default: every phrase)."""
        self.stopwords = intents.stopwords
        self._ignore = frozenset().union(*intents.stopwords.values()) - intents.keep
        raw: list[tuple[Label, str, tuple[str, ...]]] = []
        self._raw_vocab: dict[str, str] = {}
        for label, per_language in intents.phrases.items():
            for phrase_list in per_language.values():
                for text in phrase_list:
                    if only is not None and phrase_key(label, text) not in only:
                        continue
                    tokens = tuple(
                        dict.fromkeys(self._stem_word(w) for w in self._content(_fold(text)))
                    )
                    if tokens:
                        raw.append((label, text, tokens))
        labels_with: dict[str, set[Label]] = defaultdict(set)
        for label, _, tokens in raw:
            for token in tokens:
                labels_with[token].add(label)
        n_labels = len(intents.phrases)
        self._weight = {t: math.log(1 + n_labels / len(ls)) for t, ls in labels_with.items()}
        self._phrases: list[_Phrase] = []
        self._index: dict[str, list[int]] = defaultdict(list)
        for label, text, tokens in raw:
            weights = tuple(self._weight[t] for t in tokens)
            negated = bool(NEGATORS & set(_WORD.findall(_fold(text))))
            pairs = tuple(zip(tokens, weights, strict=True))
            self._phrases.append(
                _Phrase(label, text, tokens, weights, sum(weights), negated, pairs)
            )
            for token in tokens:
                self._index[token].append(len(self._phrases) - 1)
        self._vocab = frozenset(self._weight)
        self._vocab_list = sorted(self._vocab)
        self._raw_list = sorted(self._raw_vocab)
        self._align_cache: dict[str, tuple[tuple[str, float], ...]] = {}

    # -- words ------------------------------------------------------------------------------

    def _content(self, folded: str) -> list[str]:
        return [w for w in _WORD.findall(folded) if w not in self._ignore]

    def _stem_word(self, word: str) -> str:
        stemmed = stem(word)
        self._raw_vocab.setdefault(word, stemmed)
        return stemmed

    def _align(self, word: str) -> tuple[tuple[str, float], ...]:
        """Phrase-vocabulary stems this message word stands for, with a similarity 0..1."""
        cached = self._align_cache.get(word)
        if cached is not None:
            return cached
        result: dict[str, float] = {}
        stemmed = stem(word)
        if stemmed in self._vocab:
            result[stemmed] = 1.0
        elif word in self._raw_vocab:
            result[self._raw_vocab[word]] = 1.0
        elif word.startswith("ge") and len(word) > 6 and stem(word[2:]) in self._vocab:
            result[stem(word[2:])] = 1.0  # Dutch past participle: gewist, gebeld
        else:
            # Dutch compounds: known stem at the start and/or the end.
            for k in range(len(word) - 1, 4, -1):
                prefix = word[:k]
                hit = prefix if prefix in self._vocab else self._raw_vocab.get(prefix)
                if hit and len(hit) >= 5 and len(word) - k >= 4:
                    result[hit] = 1.0
                    break
            for k in range(1, len(stemmed) - 4):
                suffix = stemmed[k:]
                if suffix in self._vocab and k >= 3:
                    result[suffix] = 1.0
                    break
            if not result and len(word) >= 5:
                found = process.extractOne(
                    word, self._raw_list, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
                )
                if found is not None:
                    result[self._raw_vocab[found[0]]] = FUZZY_SCALE * found[1] / 100.0
                elif len(stemmed) >= 5:
                    found = process.extractOne(
                        stemmed, self._vocab_list, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
                    )
                    if found is not None:
                        result[found[0]] = FUZZY_SCALE * found[1] / 100.0
        aligned = tuple(result.items())
        if len(self._align_cache) < 200_000:
            self._align_cache[word] = aligned
        return aligned

    # -- scoring ----------------------------------------------------------------------------

    def _sentences(self, text: str) -> list[str]:
        return [s for s in _SENTENCE_END.split(text) if s and s.strip()]

    def _score_sentence(self, words: list[str], best: dict[Label, tuple[float, str]]) -> None:
        # ``plain`` ignores negation; ``affirmed`` drops the two content words after a
        # negator ("niet wissen", "don't delete"), used for phrases without a negator.
        plain: dict[str, float] = {}
        affirmed: dict[str, float] = {}
        negated_left = 0
        align = self._align
        for word in words:
            if word in NEGATORS:
                for token, sim in align(word):
                    plain[token] = affirmed[token] = sim
                negated_left = 2
                continue
            for token, sim in align(word):
                if sim > plain.get(token, 0.0):
                    plain[token] = sim
                if not negated_left and sim > affirmed.get(token, 0.0):
                    affirmed[token] = sim
            if negated_left:
                negated_left -= 1
        candidates: set[int] = set()
        index = self._index
        for token in plain:
            found = index.get(token)
            if found:
                candidates.update(found)
        phrases = self._phrases
        for idx in candidates:
            phrase = phrases[idx]
            get = plain.get if phrase.negated else affirmed.get
            got = 0.0
            for token, weight in phrase.pairs:
                similarity = get(token)
                if similarity:
                    got += weight * similarity
            score = got / phrase.total
            if score > best.get(phrase.label, _NONE)[0]:
                best[phrase.label] = (score, phrase.text)

    def scores(self, text: str, subject: str = "") -> dict[Label, tuple[float, str]]:
        """Best (score, phrase) per label over the subject and each sentence."""
        best: dict[Label, tuple[float, str]] = {}
        for sentence in [subject, *self._sentences(text[:MAX_CLASSIFY_CHARS])]:
            if sentence.strip():
                self._score_sentence(self._content(_fold(sentence)), best)
        return best

    def label_scores(
        self, sentences: list[Sentence], subject: str = ""
    ) -> tuple[dict[Label, tuple[float, str]], dict[Label, tuple[float, str]]]:
        """Best (score, phrase) per label: over all sentences, and over request sentences.

        The subject counts as a request sentence: "Verzoek tot verwijdering" asks.
        """
        anywhere: dict[Label, tuple[float, str]] = {}
        asked: dict[Label, tuple[float, str]] = {}
        scored = [(subject, True)] if subject.strip() else []
        scored.extend((sentence.text, sentence.role == "req") for sentence in sentences)
        for text, is_request in scored:
            best: dict[Label, tuple[float, str]] = {}
            self._score_sentence(self._content(_fold(text)), best)
            for label, found in best.items():
                if found[0] > anywhere.get(label, _NONE)[0]:
                    anywhere[label] = found
                if is_request and found[0] > asked.get(label, _NONE)[0]:
                    asked[label] = found
        return anywhere, asked


FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Model:
    """Trained weights as plain arrays; written by ``train.py``, read here without sklearn.

    ``weights`` has one row per feature (``vocabulary`` order) and one column per
    label (``LABELS``); ``meta["phrases"]`` lists the ``phrase_key`` of every
    ``intents/`` phrase it was trained on.
    ``calibration`` holds Platt's (a, b) per label, ``confidence_calibration`` the
    (a, b) that turn the raw probability of the label set into a calibrated one.
    """

    vocabulary: dict[str, int]
    idf: FloatArray
    weights: FloatArray
    intercept: FloatArray
    calibration: FloatArray
    confidence_calibration: FloatArray
    meta: dict[str, object]

    @property
    def n_sparse(self) -> int:
        return len(self.vocabulary)


def model_path() -> Path:
    return package_data(MODEL_NAME)


def save_model(model: Model, path: Path) -> None:
    """Write the model as a compressed ``.npz`` of plain arrays (no pickle)."""
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    np.savez_compressed(
        path,
        vocabulary=np.array(names, dtype=np.str_),
        idf=model.idf.astype(np.float32),
        weights=model.weights.astype(np.float32),
        intercept=model.intercept,
        calibration=model.calibration,
        confidence_calibration=model.confidence_calibration,
        meta=np.array(json.dumps(model.meta, sort_keys=True)),
        labels=np.array([label.value for label in LABELS]),
        format=np.array(MODEL_FORMAT),
    )


def load_model(path: Path | None = None) -> Model:
    """Read the shipped model; a model for other labels or features is an error."""
    path = path or model_path()
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise IntentsError(f"{path}: cannot read the trained model: {exc}") from exc
    with data:
        if tuple(str(x) for x in data["labels"]) != tuple(label.value for label in LABELS):
            raise IntentsError(f"{path}: model was trained for other labels; retrain it")
        if "format" not in data or int(data["format"]) != MODEL_FORMAT:
            raise IntentsError(f"{path}: model is of another format; retrain it")
        names = [str(x) for x in data["vocabulary"]]
        return Model(
            vocabulary={name: i for i, name in enumerate(names)},
            idf=data["idf"].astype(np.float64),
            weights=data["weights"].astype(np.float64),
            intercept=data["intercept"].astype(np.float64),
            calibration=data["calibration"].astype(np.float64),
            confidence_calibration=data["confidence_calibration"].astype(np.float64),
            meta=json.loads(str(data["meta"])),
        )


def _sigmoid(z: FloatArray) -> FloatArray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def sparse_vector(
    indices: npt.NDArray[np.int64] | list[int], idf: FloatArray
) -> tuple[npt.NDArray[np.intp], FloatArray]:
    """Sublinear tf-idf, L2-normalised: (unique indices, values).  Same as in training."""
    if len(indices) == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0)
    # Sorting and cutting at the changes is np.unique(return_counts=True) without
    # its overhead, which mattered at a few thousand indices per message.
    ordered = np.sort(np.asarray(indices, dtype=np.intp))
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    unique = ordered[starts]
    counts = np.diff(np.append(starts, ordered.size))
    values = (1.0 + np.log(counts)) * np.take(idf, unique)
    norm = float(np.sqrt(values @ values))
    return unique, values / norm if norm else values


def phrase_key(label: Label, phrase: str) -> str:
    """How the model remembers a phrase it was trained on: label and folded words."""
    return f"{label.value}|{' '.join(_WORD.findall(_fold(phrase)))}"


def all_phrase_keys(intents: Intents) -> frozenset[str]:
    return frozenset(
        phrase_key(label, text)
        for label, per_language in intents.phrases.items()
        for phrases in per_language.values()
        for text in phrases
    )


def set_probability(probabilities: FloatArray, chosen: set[Label]) -> float:
    """Probability that exactly ``chosen`` is right, labels taken as independent."""
    p = 1.0
    for i, label in enumerate(LABELS):
        q = float(probabilities[i])
        p *= q if label in chosen else 1.0 - q
    return p


def decide(probabilities: FloatArray) -> set[Label]:
    """The label set: every right or kind at ``LABEL_PROBABILITY``; ``other`` only alone.

    With nothing at the bar, the single most probable label: a message always
    gets an answer, and a weak one shows in the confidence.
    """
    p = {label: float(probabilities[i]) for i, label in enumerate(LABELS)}
    chosen: set[Label] = {
        label for label in LABELS if label is not Label.OTHER and p[label] >= LABEL_PROBABILITY
    }
    if p[Label.OTHER] >= LABEL_PROBABILITY and (
        not chosen or p[Label.OTHER] > max(p[label] for label in chosen)
    ):
        return {Label.OTHER}
    if not chosen:
        return {max(p, key=p.__getitem__)}
    return chosen


class Classifier:
    """Built once from ``Intents`` and the trained ``Model``; ``classify`` is pure."""

    def __init__(
        self, intents: Intents, model: Model, *, threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        self.threshold = threshold
        self.intents = intents
        self.stopwords = intents.stopwords
        self.model = model
        self.featurizer = Featurizer(intents.cues)
        lexicon = model.meta.get("lexicon", {})
        #: Content words seen in one language only (training corpora): short-note tie-break.
        self.lexicon = {
            language: frozenset(lexicon.get(language.value, ()))  # type: ignore[attr-defined]
            for language in Language
        }
        trained = frozenset(str(k) for k in model.meta.get("phrases", []))  # type: ignore[attr-defined]
        #: Phrases added to ``intents/`` since the model was trained: rules until retraining.
        self.new_phrases = all_phrase_keys(intents) - trained
        self.staff_phrases = PhraseMatcher(intents, self.new_phrases) if self.new_phrases else None

    def probabilities(
        self, text: str, subject: str = "", sentences: list[Sentence] | None = None
    ) -> tuple[FloatArray, list[str]]:
        """Calibrated probability per label (``LABELS`` order) and the staff-phrase reasons."""
        model = self.model
        if sentences is None:
            sentences = self.featurizer.sentences(text)
        indices = self.featurizer.indices(sentences, subject, model.vocabulary)
        unique, values = sparse_vector(indices, model.idf)
        # np.take on rows is several times cheaper than fancy indexing here.
        z = values @ np.take(model.weights, unique, axis=0) + model.intercept
        calibrated = _sigmoid(model.calibration[:, 0] * z + model.calibration[:, 1])
        reasons: list[str] = []
        if self.staff_phrases is not None:
            _, asked = self.staff_phrases.label_scores(sentences, subject)
            for label, (score, phrase) in asked.items():
                if score >= STAFF_PHRASE_MATCH:
                    i = LABELS.index(label)
                    calibrated[i] = max(calibrated[i], STAFF_PHRASE_PROBABILITY)
                    reasons.append(f"{label.value}: new phrase {phrase!r} ({score:.2f})")
        return calibrated, reasons

    @cached_property
    def all_phrases(self) -> PhraseMatcher:
        """Every phrase of ``intents/``, for mail in a third language (built on first use)."""
        return PhraseMatcher(self.intents)

    def classify_foreign(
        self, sentences: list[Sentence], subject: str, language: Language, company: str | None
    ) -> Classification:
        """Neither Dutch nor English: phrase scores, uncalibrated; staff answer these anyway."""
        anywhere, _ = self.all_phrases.label_scores(sentences, subject)
        rights = {label: found for label, found in anywhere.items() if label is not Label.OTHER}
        top = max((score for score, _ in rights.values()), default=0.0)
        if top <= FOREIGN_MIN_SCORE or top < self.threshold:
            reason = f"third language: no phrase above {FOREIGN_MIN_SCORE:.2f} (best {top:.2f})"
            return Classification((Label.OTHER,), language, company, top, (reason,))
        chosen = [
            label
            for label, (score, _) in rights.items()
            if score >= FOREIGN_LABEL_SCORE or score == top
        ]
        ordered = tuple(label for label in LABELS if label in chosen)
        reasons = tuple(
            f"third language: {label.value} phrase {anywhere[label][1]!r} "
            f"({anywhere[label][0]:.2f})"
            for label in ordered
        )
        candidates = tuple(
            (label, round(score, 3))
            for label, (score, _) in sorted(rights.items(), key=lambda kv: -kv[1][0])[
                :TOP_CANDIDATES
            ]
        )
        return Classification(ordered, language, company, top, reasons, candidates)

    def confidence(self, probabilities: FloatArray, chosen: set[Label]) -> float:
        raw = min(max(set_probability(probabilities, chosen), 1e-6), 1 - 1e-6)
        a, b = self.model.confidence_calibration
        return float(_sigmoid(np.asarray(a * math.log(raw / (1 - raw)) + b)))

    def classify(self, text: str, subject: str = "") -> Classification:
        """Labels, language, company and calibrated confidence of one cleaned body."""
        text = text[:MAX_CLASSIFY_CHARS]
        sentences = self.featurizer.sentences(text)
        language = detect_language_by_sentences(
            [_WORD.findall(_fold(s.text)) for s in sentences] or [_WORD.findall(_fold(subject))],
            self.stopwords,
            self.lexicon,
        )
        company = find_company(f"{subject}\n{text}")
        if looks_foreign(text, self.stopwords):
            return self.classify_foreign(sentences, subject, language, company)
        probabilities, phrase_reasons = self.probabilities(text, subject, sentences)
        chosen = decide(probabilities)
        confidence = self.confidence(probabilities, chosen)
        ranked = sorted(
            ((label, float(probabilities[i])) for i, label in enumerate(LABELS)),
            key=lambda item: -item[1],
        )
        candidates = tuple((label, round(p, 3)) for label, p in ranked[:TOP_CANDIDATES])
        if confidence < self.threshold:
            best = ", ".join(f"{label.value} {p:.2f}" for label, p in candidates)
            reason = f"confidence {confidence:.2f} below {self.threshold:.2f}; candidates: {best}"
            return Classification(
                (Label.OTHER,), language, company, confidence, (reason,), candidates
            )
        ordered = tuple(label for label in LABELS if label in chosen)
        reasons = tuple(
            f"{label.value}: p={probabilities[LABELS.index(label)]:.2f}" for label in ordered
        ) + tuple(phrase_reasons)
        return Classification(ordered, language, company, confidence, reasons, candidates)


def build_classifier(
    directory: Path | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    model: Model | None = None,
) -> Classifier:
    """Load ``intents/`` and the trained model (the only I/O here) and build a classifier."""
    return Classifier(load_intents(directory), model or load_model(), threshold=threshold)


@cache
def load_classifier() -> Classifier:
    """The process-wide classifier over ``paths.intents_dir()``, built on first use."""
    return build_classifier()


@cache
def classifier_for(threshold: float) -> Classifier:
    """The process-wide classifier for the operator's PRIVACYBOT_MIN_CONFIDENCE."""
    if threshold == DEFAULT_THRESHOLD:
        return load_classifier()
    base = load_classifier()
    return Classifier(base.intents, base.model, threshold=threshold)
