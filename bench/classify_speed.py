"""Messages per second and p99 latency of clean + classify for ~2 KB messages, one core.

Messages are built from the corpus (each padded with further corpus sentences,
a quoted reply and a signature to about 2 KB) so the word cache sees realistic
variety; the classifier is built once, as in the service.

    .venv/bin/python bench/classify_speed.py [--n 3000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import yaml

from privacybot.triage.classify import load_classifier
from privacybot.triage.pipeline import classify_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus" / "messages.yaml"


def messages(n: int, size: int = 2048, seed: int = 7) -> list[tuple[str, str]]:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for _ in range(n):
        first = rng.choice(entries)
        parts = [str(first["text"])]
        quoted = "\n".join("> " + line for line in str(rng.choice(entries)["text"]).split("\n"))
        tail = "\n\nOp 1 jun. 2026 schreef Privacydesk:\n" + quoted
        tail += "\n\nMet vriendelijke groet,\nA. Burger\nDorpsstraat 1\n"
        # Pad with further sentences until the whole message is at least `size` bytes of
        # UTF-8, then cut the padding back to that size, so every message is a full 2 KB.
        while len(("\n".join(parts) + tail).encode("utf-8")) < size:
            parts.append(str(rng.choice(entries)["text"]).split("\n")[0])
        head = "\n".join(parts).encode("utf-8")
        keep = max(len(str(first["text"]).encode("utf-8")), size - len(tail.encode("utf-8")))
        body = head[:keep].decode("utf-8", errors="ignore") + tail
        out.append((str(first["subject"] or ""), body))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    classifier = load_classifier()
    batch = messages(args.n)
    for subject, body in batch[:50]:  # warm-up, as a long-running service would be
        classify_text(body, subject, classifier)
    latencies: list[float] = []
    cpu_start = time.process_time()
    start = time.perf_counter()
    for subject, body in batch:
        t0 = time.perf_counter()
        classify_text(body, subject, classifier)
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    latencies.sort()
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    avg_size = sum(len(b.encode("utf-8")) for _, b in batch) / len(batch)
    print(f"{len(batch)} messages of {avg_size:.0f} bytes on average, on one core")
    print(
        f"{len(batch) / elapsed:.0f} msg/s, p50 {latencies[len(latencies) // 2] * 1000:.2f} ms, "
        f"p99 {p99 * 1000:.2f} ms"
    )
    # Wall time counts whatever else the machine runs; CPU time is what one core spent
    # on classifying, the figure the target (messages per second per core) is about.
    print(f"{len(batch) / cpu:.0f} msg/s of CPU time ({cpu / len(batch) * 1000:.2f} ms each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
