"""Turn a cleaned message into the feature strings the trained classifier scores; pure.

Why a sentence role on every feature: a formal letter names five rights in
citations ("op grond van artikel 15 tot en met 22 AVG"), lists the items of
art. 15(1)(a)-(h), quotes the privacy statement and closes with a threat ("anders
dien ik een klacht in bij de AP"), but asks for one or two of them.  So each
sentence is given a role before its words become features:

- ``ctx``: a statement of what the law allows, a threat or a conditional
  ("otherwise", "zo niet", "I have the right to", "if you fail to"), or a
  sentence in quotation marks;
- ``req``: it asks, demands or wishes (a request cue, "ik verzoek", "please",
  "kunt u", a question mark), even when it cites an article ("op grond van
  artikel 15 verzoek ik");
- ``cit``: it cites the law and asks nothing ("Artikel 17 AVG regelt ...");
- ``lst``: a list item (bullet, "(a)", "1.");
- ``neu``: the rest.

Every word appears once without a role ("w:wissen") and once with it
("req:wissen" / "ctx:wissen"), so the model learns both what a word means and
whether it counts where it stands.  Character n-grams of each word
("c:<wis", "c:isse") carry typos and Dutch compounds ("inzageverzoek").  The
cue words are data in ``intents/_cues.yaml`` so staff can extend them.

The same function makes the features at training time (``triage/train.py``) and
at run time, so the two can never drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

#: Character n-gram sizes taken from each word (with ``<``/``>`` marking its edges).
CHAR_NGRAMS = (3, 4, 5)
#: Words longer than this give no character n-grams (URLs, hashes).
MAX_NGRAM_WORD = 30

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DIGIT = re.compile(r"[0-9]")

_Trie = dict[str, "_Trie"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n\s*\n|\n(?=\s*(?:[-*•]|\(?[a-h1-9][).]))")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\(?[a-hA-H1-9]\)|[1-9][.)]|[a-h]\.)\s+")
_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»]{25,}[\"“”„«»]")


def fold(text: str) -> str:
    """Lowercase without accents ("geïnteresseerd" -> "geinteresseerd"); ’ becomes '."""
    text = text.lower().replace("’", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(folded: str) -> list[str]:
    """Word tokens of folded text; numbers collapse to ``#`` so amounts do not matter."""
    tokens = _WORD.findall(folded)
    if not _DIGIT.search(folded):
        return tokens
    return ["#" if w.isdigit() else w for w in tokens]


@dataclass(frozen=True)
class Cues:
    """Phrases (folded, space-separated words) that give a sentence its role."""

    request: tuple[str, ...]
    context: tuple[str, ...]
    citation: tuple[str, ...]

    def pattern(self, phrases: Iterable[str]) -> re.Pattern[str]:
        """One regex for all phrases, whole words only.

        The phrases go in as a trie ("ik wil(?: graag)?") rather than a flat
        alternation: with a hundred cues the flat form tried every phrase at every
        position and cost a third of the classifier's time.  Whether a sentence
        matches is all a role asks, and that is the same for both forms.
        """
        folded = {fold(p).strip() for p in phrases if p.strip()}
        body = _trie_pattern(sorted(folded)) if folded else "(?!)"
        return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def _trie_pattern(phrases: list[str]) -> str:
    """A regex matching exactly ``phrases`` (literal strings), factored by common prefix."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here (no character of a phrase is empty)
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True)
class Sentence:
    text: str
    role: str
    words: tuple[str, ...]


class Featurizer:
    """Sentence roles and feature strings for one set of cue phrases."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._request = cues.pattern(cues.request)
        self._context = cues.pattern(cues.context)
        self._citation = cues.pattern(cues.citation)
        self._cache: dict[tuple[str, str], tuple[int, ...]] = {}
        #: Indices of one step (role, previous word, word): the word's and both bigrams'.
        self._steps: dict[tuple[str, str, str], bytes] = {}
        self._cache_vocabulary: dict[str, int] | None = None

    def sentences(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        for raw in _SENTENCE_END.split(text):
            if not raw or not raw.strip():
                continue
            folded = fold(raw)
            tokens = tuple(words(folded))
            if not tokens:
                continue
            out.append(Sentence(raw, self.role(raw, folded), tokens))
        return out

    def role(self, raw: str, folded: str) -> str:
        """``ctx`` beats ``req``: "if you do not delete it I will complain" asks nothing new."""
        if self._context.search(folded) or _QUOTED.search(raw):
            return "ctx"
        if _LIST_ITEM.match(raw):
            return "lst"
        if self._request.search(folded) or raw.rstrip().endswith("?"):
            return "req"
        if self._citation.search(folded):
            return "cit"
        return "neu"

    def features(self, text: str, subject: str = "") -> list[str]:
        """All feature strings of a message (repeats count as term frequency)."""
        return self.sentence_features(self.sentences(text), subject)

    def sentence_features(self, sentences: list[Sentence], subject: str = "") -> list[str]:
        """``features`` for sentences already split (training calls this)."""
        feats: list[str] = []
        roles = {s.role for s in sentences}
        for role in ("req", "ctx", "cit", "lst"):
            if role in roles:
                feats.append(f"has:{role}")
        n = len(sentences)
        feats.append("len:" + ("1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"))
        if subject.strip():
            for word in words(fold(subject)):
                feats.append("s:" + word)
                feats.extend(_char_grams(word))
        for sentence in sentences:
            role = sentence.role
            previous = "^"
            for word in sentence.words:
                feats.append("w:" + word)
                feats.append(f"{role}:{word}")
                feats.append(f"b:{previous}_{word}")
                feats.append(f"{role}b:{previous}_{word}")
                feats.extend(_char_grams(word))
                previous = word
        return feats

    def indices(
        self, sentences: list[Sentence], subject: str, vocabulary: dict[str, int]
    ) -> npt.NDArray[np.int64]:
        """``sentence_features`` mapped to ``vocabulary`` indices (unknown ones dropped).

        The run-time path: the features of one step (role, previous word, word) are
        looked up once and cached as packed 64-bit integers (bounded, under 30 MB),
        so a message is one ``bytes.join`` of its steps instead of a few thousand
        Python integers to convert.  A test checks that it gives exactly the indices
        of ``sentence_features``.
        """
        if vocabulary is not self._cache_vocabulary:
            self._cache = {}
            self._steps = {}
            self._cache_vocabulary = vocabulary
        get = vocabulary.get
        head: list[int] = []
        roles = {s.role for s in sentences}
        n = len(sentences)
        fixed = [f"has:{role}" for role in ("req", "ctx", "cit", "lst") if role in roles]
        fixed.append("len:" + ("1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"))
        if subject.strip():
            for word in words(fold(subject)):
                head.extend(self._word_indices("s", word, vocabulary))
        for name in fixed:
            index = get(name)
            if index is not None:
                head.append(index)
        parts = [np.array(head, dtype=np.int64).tobytes()]
        steps = self._steps
        for sentence in sentences:
            role = sentence.role
            previous = "^"
            for word in sentence.words:
                step = steps.get((role, previous, word))
                if step is None:
                    step = self._step_indices(role, previous, word, vocabulary)
                parts.append(step)
                previous = word
        return np.frombuffer(b"".join(parts), dtype=np.int64)

    def _step_indices(
        self, role: str, previous: str, word: str, vocabulary: dict[str, int]
    ) -> bytes:
        found = self._cache.get((role, word))
        if found is None:
            found = self._word_indices(role, word, vocabulary)
        bigrams = (f"b:{previous}_{word}", f"{role}b:{previous}_{word}")
        indices = found + tuple(i for name in bigrams if (i := vocabulary.get(name)) is not None)
        step = np.array(indices, dtype=np.int64).tobytes()
        if len(self._steps) < 100_000:
            self._steps[(role, previous, word)] = step
        return step

    def _word_indices(self, role: str, word: str, vocabulary: dict[str, int]) -> tuple[int, ...]:
        names = [f"s:{word}"] if role == "s" else [f"w:{word}", f"{role}:{word}"]
        names.extend(_char_grams(word))
        found = tuple(i for name in names if (i := vocabulary.get(name)) is not None)
        if len(self._cache) < 200_000:
            self._cache[(role, word)] = found
        return found


@lru_cache(maxsize=200_000)
def _char_grams(word: str) -> tuple[str, ...]:
    if len(word) > MAX_NGRAM_WORD or word == "#":
        return ()
    padded = f"<{word}>"
    grams: list[str] = []
    for size in CHAR_NGRAMS:
        if len(padded) < size:
            continue
        grams.extend("c:" + padded[i : i + size] for i in range(len(padded) - size + 1))
    return tuple(grams)
