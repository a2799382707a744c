"""A learned second opinion on automatic mail, after the rules.

Rules written from one set of examples recognised 96–97 % of the sets they were written
on and 82 % of a set written later by someone else: each new sender brings wording and
header habits no rule names.  A logistic model over plain signs — which headers are
present, the sender's local-part words, subject and opening words, a few shapes — learns
the habits of all the sets it is trained on, and held out a set at a time it took none
of its people for automatic at the shipped threshold (``python -m
privacybot.triage.automatic_train --cv`` prints the table).  It only ever adds: the
rules decide first, and the model's verdict carries its probability and the signs that
weighed most, so staff can see why.

The model is a vocabulary of sign names with weights (``data/automatic.npz``, plain
arrays, no pickle); scoring needs no numpy beyond loading it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from privacybot.paths import package_data

MODEL_NAME = "automatic.npz"
#: Bump when ``signs`` changes: a model trained on other signs is refused.
SIGNS_VERSION = 4
#: Fields every message has or that only say how it travelled: their presence says nothing
#: of who wrote it, and the corpora differ in them by accident of how they were written.
UNIVERSAL_FIELDS = frozenset(
    {
        "date",
        "message-id",
        "from",
        "to",
        "cc",
        "subject",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "received",
        "return-path",
        "delivered-to",
        "x-original-to",
        "dkim-signature",
        "reply-to",
        "sender",
        "in-reply-to",
        "references",
    }
)
#: Fields the receiving side's filters add (spam scores, authentication results, the
#: provider's own stamps): they tell how a message was received, not who wrote it.
RECEIVING_PREFIXES: tuple[str, ...] = (
    "authentication-results",
    "arc-",
    "received-spf",
    "x-spam",
    "x-rspamd",
    "x-virus",
    "x-received",
    "x-google-",
    "x-gm-",
    "x-ms-exchange-organization",
    "x-ms-exchange-crosstenant",
    "x-forefront",
    "x-microsoft-antispam",
    "x-original",
    "x-envelope",
    "x-delivered",
)
#: Fields whose value, not presence, tells: their sign carries the value's first token.
VALUED_FIELDS = frozenset(
    {"auto-submitted", "precedence", "x-auto-response-suppress", "importance", "x-priority"}
)
#: Words of the invented hosts in test corpora (``.example``): nothing real mail says.
_NOISE = frozenset({"example"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HEAD_CHARS = 1200


@dataclass(frozen=True)
class Message:
    """What the signs are read from (filled in by `automatic.py` from its view)."""

    header_names: tuple[str, ...]
    #: (field, first token of its value) for the fields whose value decides their
    #: meaning: ``Auto-Submitted: no`` is a person's, ``auto-replied`` a machine's.
    valued: tuple[tuple[str, str], ...]
    content_type: str
    part_types: frozenset[str]
    mailboxes: tuple[tuple[str, str], ...]
    subject: str
    head: str
    answers: bool
    has_link: bool
    asks: bool
    human_voice: bool
    first_person: bool


def _tells(field: str) -> bool:
    return field not in UNIVERSAL_FIELDS and not field.startswith(RECEIVING_PREFIXES)


def _token(word: str) -> str:
    """Numbers are one sign: dates and counts differ, their presence may not."""
    return "#" if word.isdigit() else word


def signs(m: Message) -> list[str]:
    """The sign names of one message; ``subject`` and ``head`` come folded."""
    valued = {field for field, _ in m.valued}
    out: set[str] = {
        f"h:{name.lower()}"
        for name in m.header_names
        if _tells(name.lower()) and name.lower() not in valued
    }
    out.update(f"h:{field}={value}" for field, value in m.valued)
    out.add(f"ct:{m.content_type}")
    out.update(f"pt:{t}" for t in m.part_types)
    for name, address in m.mailboxes:
        local = address.split("@")[0].lower() if "@" in address else address.lower()
        if "@" not in address:
            out.add("fl:<none>")
        for token in re.split(r"[^a-z0-9]+", local):
            if token and token not in _NOISE:
                out.add("fl:#" if token.isdigit() else f"fl:{token}")
        out.update(f"fn:{w}" for w in _WORD.findall(name.lower()))
    words = [_token(w) for w in _WORD.findall(m.subject.lower()) if w not in _NOISE]
    out.update(f"s:{w}" for w in words[:8])
    if words:
        out.add(f"s0:{words[0]}")
    out.update(f"s2:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    head = [_token(w) for w in _WORD.findall(m.head.lower()[:_HEAD_CHARS]) if w not in _NOISE]
    out.update(f"b:{w}" for w in head)
    out.update(f"b2:{a}_{b}" for a, b in zip(head, head[1:], strict=False))
    out.add(f"len:{min(len(m.head) // 200, 8)}")
    flags = {
        "irt": m.answers,
        "url": m.has_link,
        "q": m.asks,
        "hv": m.human_voice,
        "fp": m.first_person,
    }
    out.update(name for name, on in flags.items() if on)
    return sorted(out)


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, object] = field(default_factory=dict)

    def score(self, names: Iterable[str]) -> tuple[float, list[str]]:
        """The probability of automatic, and the three signs that pushed it most."""
        found = [(self.weights[n], n) for n in names if n in self.weights]
        z = self.intercept + sum(w for w, _ in found)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        top = [n for w, n in sorted(found, reverse=True)[:3] if w > 0]
        return p, top


#: Signs read from the words; a verdict resting on words alone is not taken.
_WORD_SIGNS = ("b:", "b2:", "s:", "s0:", "s2:", "len:")


def beyond_words(top: list[str], signs: Iterable[str]) -> bool:
    """A first mail to us is taken for automatic only when, among the signs that weighed
    most, one is not a word (a header field, the sender, the layout): a letter's wording
    alone never makes a machine.  An answer to our mail may rest on its words."""
    return "irt" in signs or any(not sign.startswith(_WORD_SIGNS) for sign in top)


def model_path() -> Path:
    return package_data(MODEL_NAME)


def save_model(model: Model, path: Path) -> None:
    names = sorted(model.weights)
    np.savez_compressed(
        path,
        names=np.array(names, dtype=np.str_),
        weights=np.array([model.weights[n] for n in names], dtype=np.float32),
        intercept=np.array(model.intercept),
        threshold=np.array(model.threshold),
        version=np.array(SIGNS_VERSION),
        meta=np.array(json.dumps(model.meta, sort_keys=True)),
    )


def read_model(path: Path) -> Model | None:
    """The model at ``path``; None when it is missing or made for other signs."""
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    with data:
        if int(data["version"]) != SIGNS_VERSION:
            return None
        names = [str(x) for x in data["names"]]
        weights = [float(x) for x in data["weights"]]
        return Model(
            weights=dict(zip(names, weights, strict=True)),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            meta=json.loads(str(data["meta"])),
        )


@cache
def shipped_model() -> Model | None:
    return read_model(model_path())
