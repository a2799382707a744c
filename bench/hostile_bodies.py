"""Milliseconds the automatic-mail chain takes on bodies built to make patterns backtrack.

Each body is judged once after a warm-up (the learned model loads on first use), so the
figure is the rules' own cost.  A rule whose pattern backtracks shows here in seconds,
not milliseconds; the unit tests check only what these bodies are judged to be.

    .venv/bin/python bench/hostile_bodies.py
"""

from __future__ import annotations

import time

from privacybot.triage.automatic import check_automatic
from privacybot.triage.mime import parse_message

OURS = "privacy@conxillium.nl"
#: (name, body): deep or endless structures, long runs of one word, a subject word repeated.
BODIES: tuple[tuple[str, str], ...] = (
    ("200k open braces", "{" * 200_000),
    ("5k nested JSON objects", '{"a": ' * 5_000 + "1" + "}" * 5_000),
    ("50k one-line arrays", "[1]\n" * 50_000),
    ("5k lines of one word", ("message " * 20 + "\n") * 5_000),
    ("20k 'Auto reply'", "Auto reply " * 20_000),
)


def mail(body: str) -> bytes:
    subject = "Afwezig " + "x " * 2_000
    return (
        f"From: someone@example.org\r\nTo: {OURS}\r\nSubject: {subject}\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def main() -> None:
    check_automatic(parse_message(mail("warm-up")), our_address=OURS)
    worst = 0.0
    for name, body in BODIES:
        raw = mail(body)
        start = time.perf_counter()
        verdict = check_automatic(parse_message(raw), our_address=OURS)
        took = (time.perf_counter() - start) * 1000
        worst = max(worst, took)
        print(f"{name:<24} {len(raw):>8} bytes  {took:8.1f} ms  automatic={verdict.automatic}")
    print(f"worst {worst:.1f} ms (target: under 1,000 ms per message)")


if __name__ == "__main__":
    main()
