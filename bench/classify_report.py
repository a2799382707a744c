"""Precision/recall/F1 per label, micro-F1 and exact-match accuracy on the labelled corpus.

Runs every corpus message through the same path as the service (clean the
body, strip the subject, classify) and reports the ``dev`` and ``held``
splits separately.  Tune intents/ on dev only; held is the honest figure.

    .venv/bin/python bench/classify_report.py [--errors dev|held|all]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from privacybot.domain import Label
from privacybot.triage.classify import load_classifier
from privacybot.triage.pipeline import classify_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus" / "messages.yaml"


def load_corpus(path: Path = CORPUS) -> list[dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def report(entries: list[dict[str, object]], split: str, show_errors: bool) -> float:
    classifier = load_classifier()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    exact = lang_ok = company_ok = 0
    rows = [e for e in entries if e["split"] == split]
    for entry in rows:
        gold = set(entry["labels"])  # type: ignore[call-overload]
        _, result, _ = classify_text(str(entry["text"]), str(entry["subject"] or ""), classifier)
        got = {label.value for label in result.labels}
        for label in got & gold:
            tp[label] += 1
        for label in got - gold:
            fp[label] += 1
        for label in gold - got:
            fn[label] += 1
        exact += got == gold
        lang_ok += result.language.value == entry["language"]
        company_ok += result.company == entry["company"]
        if show_errors and got != gold:
            print(f"  {entry['id']}: gold={sorted(gold)} got={sorted(got)} {result.reasons}")
            print(f"      {str(entry['text'])[:120]!r}")
    print(f"\n== {split}: {len(rows)} messages")
    print(f"{'label':<18}{'prec':>7}{'rec':>7}{'f1':>7}{'n':>5}")
    for label in Label:
        name = label.value
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 0.0
        r = tp[name] / (tp[name] + fn[name]) if tp[name] + fn[name] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:<18}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tp[name] + fn[name]:>5}")
    stp, sfp, sfn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = stp / (stp + sfp) if stp + sfp else 0.0
    micro_r = stp / (stp + sfn) if stp + sfn else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    print(
        f"micro-F1 {micro:.3f}  exact-match {exact / len(rows):.3f}  "
        f"language {lang_ok / len(rows):.3f}  company {company_ok / len(rows):.3f}"
    )
    return micro


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "held", "all"], default=None)
    args = parser.parse_args(argv)
    entries = load_corpus()
    for split in ("dev", "held"):
        report(entries, split, args.errors in (split, "all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
