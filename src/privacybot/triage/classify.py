"""Classify a cleaned message into GDPR request labels with rapidfuzz over ``intents/``.

Why this design: staff must be able to teach the bot new wordings without
code, so all phrases live in ``intents/<label>.yaml`` (``nl:`` and ``en:``
lists).  A phrase is a handful of content words; a sentence of the message
*covers* a phrase when it contains those words, where rapidfuzz aligns
misspelt or inflected words ("verwijdern", "deleting") to the phrase
vocabulary and Dutch compounds ("inzageverzoek") are split on known stems.
The score of a phrase is the idf-weighted share of its words found in one
sentence (words that occur under many labels, such as "gegevens", weigh
little); a label's score is its best phrase.  Several labels may pass
(multi-label); ``other.yaml`` holds things that are not privacy requests and
wins only when no right scores as high.  Below ``threshold`` the answer is
``(other,)`` with that low confidence: staff triage, never a guess.

Direct-marketing decision: "no more newsletters", "unsubscribe me" is an
``objection`` (art. 21(2)); it is also ``withdraw_consent`` only when the
writer speaks of consent ("toestemming", "consent").  Both are handled alike
(R9), so a double label costs nothing.

Files whose name starts with ``_`` are not labels: ``_language.yaml`` holds
stopwords per language (for language detection and for ignoring function
words) and the ``keep`` list of function words that do carry meaning.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from privacybot.domain import Classification, Label, Language
from privacybot.paths import intents_dir
from privacybot.triage.companies import find_company
from privacybot.triage.language import detect_language_from_words

#: Text beyond this many characters is not classified (a 20 MB mail stays fast).
MAX_CLASSIFY_CHARS = 20_000
DEFAULT_THRESHOLD = 0.5
DEFAULT_LABEL_THRESHOLD = 0.75
#: Words that turn the next two content words around ("niet wissen", "don't delete").
NEGATORS: frozenset[str] = frozenset({"niet", "geen", "nooit", "not", "no", "never", "don", "dont"})
#: rapidfuzz ``ratio`` a misspelt word needs to stand for a phrase word; its similarity
#: is then scaled so that a typo alone never scores as high as the exact word.
FUZZY_CUTOFF = 85.0
FUZZY_SCALE = 0.9

_LANG_KEYS = {"nl": Language.NL, "en": Language.EN}
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


def _fold(text: str) -> str:
    """Lowercase without accents ("geïnteresseerd" -> "geinteresseerd")."""
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
    for path in sorted(directory.glob("*.yaml")):
        node = _compose(path)
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
    return Intents(phrases=phrases, stopwords=stopwords, keep=keep)


@dataclass(frozen=True)
class _Phrase:
    label: Label
    text: str
    tokens: tuple[str, ...]  # stems
    weights: tuple[float, ...]
    total: float
    negated: bool


class Classifier:
    """Built once from ``Intents``; ``classify`` is pure and fast (cached word alignment)."""

    def __init__(
        self,
        intents: Intents,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        label_threshold: float = DEFAULT_LABEL_THRESHOLD,
    ) -> None:
        self.threshold = threshold
        self.label_threshold = max(label_threshold, threshold)
        self.stopwords = intents.stopwords
        self._ignore = frozenset().union(*intents.stopwords.values()) - intents.keep
        raw: list[tuple[Label, str, tuple[str, ...]]] = []
        self._raw_vocab: dict[str, str] = {}
        for label, per_language in intents.phrases.items():
            for phrase_list in per_language.values():
                for text in phrase_list:
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
            self._phrases.append(_Phrase(label, text, tokens, weights, sum(weights), negated))
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
        for word in words:
            if word in NEGATORS:
                for token, sim in self._align(word):
                    plain[token] = affirmed[token] = sim
                negated_left = 2
                continue
            for token, sim in self._align(word):
                if sim > plain.get(token, 0.0):
                    plain[token] = sim
                if not negated_left and sim > affirmed.get(token, 0.0):
                    affirmed[token] = sim
            negated_left = max(0, negated_left - 1)
        candidates: set[int] = set()
        for token in plain:
            candidates.update(self._index.get(token, ()))
        for idx in candidates:
            phrase = self._phrases[idx]
            present = plain if phrase.negated else affirmed
            got = 0.0
            for token, weight in zip(phrase.tokens, phrase.weights, strict=True):
                got += weight * present.get(token, 0.0)
            score = got / phrase.total
            if score > best.get(phrase.label, (0.0, ""))[0]:
                best[phrase.label] = (score, phrase.text)

    def scores(self, text: str, subject: str = "") -> dict[Label, tuple[float, str]]:
        """Best (score, phrase) per label over the subject and each sentence."""
        best: dict[Label, tuple[float, str]] = {}
        for sentence in [subject, *self._sentences(text[:MAX_CLASSIFY_CHARS])]:
            if sentence.strip():
                self._score_sentence(self._content(_fold(sentence)), best)
        return best

    def classify(self, text: str, subject: str = "") -> Classification:
        """Labels, language, company and confidence of one cleaned message body."""
        text = text[:MAX_CLASSIFY_CHARS]
        all_words = _WORD.findall(_fold(text))
        language = detect_language_from_words(all_words, self.stopwords)
        company = find_company(f"{subject}\n{text}")
        best = self.scores(text, subject)
        rights = {label: s for label, s in best.items() if label is not Label.OTHER}
        top_label, (top_score, _) = max(
            rights.items(), key=lambda item: item[1][0], default=(Label.OTHER, (0.0, ""))
        )
        other_score = best.get(Label.OTHER, (0.0, ""))[0]
        if top_score <= self.threshold or (
            other_score >= self.label_threshold and other_score > top_score
        ):
            confidence = max(other_score, top_score) if other_score > top_score else top_score
            reason = (
                f"other: {best[Label.OTHER][1]!r} ({other_score:.2f})"
                if other_score > top_score
                else f"no label reached {self.threshold:.2f} (best {top_score:.2f})"
            )
            return Classification((Label.OTHER,), language, company, confidence, (reason,))
        chosen = [
            label
            for label, (score, _) in rights.items()
            if score >= self.label_threshold or label is top_label
        ]
        ordered = tuple(label for label in Label if label in chosen)
        reasons = tuple(
            f"{label.value}: {best[label][1]!r} ({best[label][0]:.2f})" for label in ordered
        )
        return Classification(ordered, language, company, min(1.0, top_score), reasons)


def build_classifier(
    directory: Path | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    label_threshold: float = DEFAULT_LABEL_THRESHOLD,
) -> Classifier:
    """Load ``intents/`` (the only I/O here) and build a classifier."""
    return Classifier(load_intents(directory), threshold=threshold, label_threshold=label_threshold)


@cache
def load_classifier() -> Classifier:
    """The process-wide classifier over ``paths.intents_dir()``, built on first use."""
    return build_classifier()


@cache
def classifier_for(threshold: float) -> Classifier:
    """The process-wide classifier for the operator's PRIVACYBOT_MIN_CONFIDENCE."""
    if threshold == DEFAULT_THRESHOLD:
        return load_classifier()
    return build_classifier(threshold=threshold)
