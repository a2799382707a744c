"""Classifier figures per corpus: per label, per genre, language, calibration, threshold curve.

Runs every corpus message through the same path as the service (clean the
body, strip the subject, classify) with the confidence threshold at 0, so the
labels are the model's own decision; the threshold curve then shows what a
PRIVACYBOT_MIN_CONFIDENCE would send to staff triage.

Splits: ``dev`` (messages.yaml, trained on), ``train`` (train_d1/d2, trained
on: a fit figure, not a test), ``held`` (messages.yaml held-apart, never
trained or tuned on) and ``blind`` (tests/data/blind/, written by people who
never saw intents/ or the classifier: the honest figure).  Blind figures are
aggregates only: ``--errors`` refuses to list blind messages, so nobody tunes on
them.

    .venv/bin/python bench/classify_report.py [--errors dev|held|train] [--split S ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from privacybot.domain import Label
from privacybot.triage.classify import Classifier, build_classifier, load_model
from privacybot.triage.pipeline import classify_text
from privacybot.triage.train import Example, load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
BLIND = ROOT / "tests" / "data" / "blind"
SPLITS = ("dev", "train", "held", "blind")
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def corpus(split: str) -> list[Example]:
    if split in ("dev", "held"):
        return [e for e in load_corpus(CORPUS / "messages.yaml") if e.split == split]
    if split == "train":
        return [
            e
            for name in ("train_d1.yaml", "train_d2.yaml")
            if (CORPUS / name).exists()
            for e in load_corpus(CORPUS / name)
        ]
    return [e for path in sorted(BLIND.glob("blind_*.yaml")) for e in load_corpus(path)]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(classifier: Classifier, split: str, rows: list[Example], show_errors: bool) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    genre: dict[str, Counter[str]] = defaultdict(Counter)
    scored: list[tuple[float, bool]] = []
    exact = lang_ok = company_ok = 0
    for entry in rows:
        gold = {label.value for label in entry.labels}
        _, result, _ = classify_text(entry.text, entry.subject, classifier)
        got = {label.value for label in result.labels}
        g = genre[entry.genre]
        for label in got & gold:
            tp[label] += 1
            g["tp"] += 1
        for label in got - gold:
            fp[label] += 1
            g["fp"] += 1
        for label in gold - got:
            fn[label] += 1
            g["fn"] += 1
        right = got == gold
        exact += right
        g["n"] += 1
        g["exact"] += right
        g["lang"] += result.language.value == entry.language
        lang_ok += result.language.value == entry.language
        company_ok += result.company == entry.company
        scored.append((result.confidence, right))
        if show_errors and not right:
            print(f"  {entry.id}: gold={sorted(gold)} got={sorted(got)} {result.reasons}")
            print(f"      {entry.text[:160]!r}")
    n = len(rows)
    print(f"\n== {split}: {n} messages")
    print(f"{'label':<18}{'prec':>7}{'rec':>7}{'f1':>7}{'n':>5}")
    for label in Label:
        name = label.value
        p, r, f = _f1(tp[name], fp[name], fn[name])
        print(f"{name:<18}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tp[name] + fn[name]:>5}")
    _, _, micro = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(
        f"micro-F1 {micro:.3f}  exact-match {exact / n:.3f}  "
        f"language {lang_ok / n:.3f}  company {company_ok / n:.3f}"
    )
    print(f"{'genre':<24}{'n':>5}{'micro-F1':>10}{'exact':>8}{'lang':>7}")
    for name in sorted(genre):
        g = genre[name]
        _, _, f = _f1(g["tp"], g["fp"], g["fn"])
        exact_rate, lang_rate = g["exact"] / g["n"], g["lang"] / g["n"]
        print(f"{name:<24}{g['n']:>5}{f:>10.3f}{exact_rate:>8.3f}{lang_rate:>7.3f}")
    print("reliability (confidence that the whole label set is right):")
    print(f"{'bin':<12}{'n':>5}{'mean conf':>11}{'exact':>8}")
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in scored if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            rate = sum(ok for _, ok in inside) / len(inside)
            print(f"{lo:.2f}-{min(hi, 1.0):.2f}  {len(inside):>5}{mean:>11.3f}{rate:>8.3f}")
    ece = sum(abs(c - ok) for c, ok in scored) / n
    print(f"mean |confidence - right| {ece:.3f}")
    print("threshold curve (below: staff triage):")
    print(f"{'threshold':<11}{'to staff':>9}{'exact of the rest':>19}{'wrong, not to staff':>21}")
    for t in THRESHOLDS:
        rest = [ok for c, ok in scored if c >= t]
        share = 1 - len(rest) / n
        acc = sum(rest) / len(rest) if rest else 0.0
        wrong = sum(not ok for ok in rest) / n
        print(f"{t:<11.2f}{share:>9.3f}{acc:>19.3f}{wrong:>21.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--errors",
        default=None,
        help="list the wrong messages of dev, held or train (never blind)",
    )
    parser.add_argument("--split", nargs="*", choices=SPLITS, default=list(SPLITS))
    args = parser.parse_args(argv)
    if args.errors is not None and args.errors not in ("dev", "held", "train"):
        parser.error("--errors shows dev, held or train only: blind messages are never listed")
    classifier = build_classifier(threshold=0.0, model=load_model())
    for split in args.split:
        rows = corpus(split)
        if rows:
            report(classifier, split, rows, args.errors == split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
