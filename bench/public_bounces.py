"""Automatic-mail recognition on the public test data of bounce-parsing projects.

Why: our own sets are written here or by helpers; the test data that bounce parsers
ship is mail real servers sent.  This downloads two such projects from PyPI into a
cache (nothing of theirs enters the repository), runs the automatic-mail chain over
every message and prints how many it recognises, with the names of those it missed so
a reader can look at each.  The labels are the projects' own: everything in
flufl.bounce's ``tests/data`` is test data for a bounce parser (a few are not bounces);
``bounced`` keeps bounces and ``non_bounces`` in separate folders (its copy of
flufl.bounce's data is skipped, so no message counts twice).  Perl's
Mail::DeliveryStatus::BounceParser comes from Debian's source archive (its sdist is on
CPAN, which this machine does not reach); its ``t/corpus`` holds bounces, warnings,
autoreplies and challenge-response mail, and one spam message its tests feed in to check
that attachments are skipped (``spam-with-image.msg``: a person's mail to us, rightly
not automatic).

    .venv/bin/python bench/public_bounces.py [--cache var/bench-cache]

Needs the network to PyPI and deb.debian.org on its first run; later runs use the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import urllib.request
from collections import Counter
from pathlib import Path

from privacybot.triage.automatic import check_automatic
from privacybot.triage.mime import parse_message

ROOT = Path(__file__).resolve().parents[1]
#: (distribution, version, folder inside the sdist, files that are mail).
CORPORA: tuple[tuple[str, str, str, str], ...] = (
    ("flufl.bounce", "6.0.0", "tests/data", "*.txt"),
    ("bounced", "0.3.0", "src/bounced/tests", "*.eml"),
)
#: Debian source tarballs: (name, URL, SHA-256 from the package's .dsc, folder, files).
DEBIAN: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Mail-DeliveryStatus-BounceParser 1.543",
        "http://deb.debian.org/debian/pool/main/libm/libmail-deliverystatus-bounceparser-perl/"
        "libmail-deliverystatus-bounceparser-perl_1.543%2brepacked.orig.tar.xz",
        "01f89040426ab6de77f9f0bcdce61a938ef6a24179efbfdb4f7a1f68c5263282",
        "Mail-DeliveryStatus-BounceParser-1.543/t/corpus",
        "*.msg",
    ),
)
#: People's mail in the test data of quote strippers: none of it may be taken for automatic.
PEOPLE: tuple[tuple[str, str, str, str], ...] = (("talon", "1.4.4", "tests/fixtures", "*.eml"),)
OURS = "privacy@conxillium.nl"


def fetch(cache: Path, name: str, version: str) -> Path:
    """The unpacked sdist of ``name==version`` in ``cache``, downloaded once."""
    stem = f"{name.replace('.', '_')}-{version}"
    unpacked = cache / stem
    if unpacked.is_dir():
        return unpacked
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        + ["--quiet", "-d", str(cache), f"{name}=={version}"],
        check=True,
    )
    archive = next(cache.glob(f"{stem}.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(cache, filter="data")
    return unpacked


def fetch_debian(cache: Path, url: str, sha256: str) -> Path:
    """The cache folder a Debian source tarball is unpacked in, downloaded and checked once."""
    unpacked = cache / sha256[:16]
    if unpacked.is_dir():
        return unpacked
    cache.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(url, timeout=120) as response:
        data = response.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit(f"checksum mismatch for {url}")
    archive = cache / url.rsplit("/", 1)[1]
    archive.write_bytes(data)
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    return unpacked


def report(root: Path, name: str, pattern: str) -> tuple[int, int]:
    """Print one corpus: recognised per folder, the misses by name, the rules that fired."""
    per_folder: dict[str, Counter[str]] = {}
    rules: Counter[str] = Counter()
    misses: list[str] = []
    for path in sorted(root.rglob(pattern)):
        folder = path.parent.relative_to(root).as_posix() or "."
        if folder.startswith("flufl_bounce"):
            continue
        verdict = check_automatic(parse_message(path.read_bytes()), our_address=OURS)
        counts = per_folder.setdefault(folder, Counter())
        counts["n"] += 1
        counts["ok"] += verdict.automatic
        if verdict.automatic:
            rules[verdict.rule_id or "?"] += 1
        else:
            misses.append(path.relative_to(root).as_posix())
    print(f"\n== {name}: {root}")
    total = ok = 0
    for folder, counts in sorted(per_folder.items()):
        print(f"  {folder:<40}{counts['ok']:>5}/{counts['n']:<5} recognised as automatic")
        if "non_bounce" not in folder:
            total, ok = total + counts["n"], ok + counts["ok"]
    print("  not recognised: " + (", ".join(misses) or "none"))
    print("  rules that fired: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()))
    return ok, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench-cache")
    args = parser.parse_args(argv)
    ok = total = 0
    for name, version, folder, pattern in CORPORA:
        root = fetch(args.cache, name, version) / folder
        got, seen = report(root, f"{name} {version}", pattern)
        ok, total = ok + got, total + seen
    for name, url, sha256, folder, pattern in DEBIAN:
        root = fetch_debian(args.cache, url, sha256) / folder
        got, seen = report(root, name, pattern)
        ok, total = ok + got, total + seen
    print(f"\nbounce test data (folders the projects do not call non-bounces): {ok}/{total}")
    for name, version, folder, pattern in PEOPLE:
        root = fetch(args.cache, name, version) / folder
        taken = []
        paths = sorted(root.rglob(pattern))
        for path in paths:
            verdict = check_automatic(parse_message(path.read_bytes()), our_address=OURS)
            if verdict.automatic:
                taken.append(f"{path.relative_to(root).as_posix()} ({verdict.rule_id})")
        print(f"people's mail, {name} {version} {folder}: {len(taken)}/{len(paths)} taken")
        print("  taken: " + (", ".join(taken) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
