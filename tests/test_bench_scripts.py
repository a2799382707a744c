"""The bench scripts stay runnable: each one imports and parses its options.

They are not run here (they print timings, which are not test results), but a
refactor that breaks one should not wait for someone to run it by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

#: Each test runs the CLI as a separate process: real, and slow (scripts/test --fast skips).
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(p for p in BENCH.glob("*.py") if not p.name.startswith("_"))


def test_there_are_bench_scripts() -> None:
    assert len(SCRIPTS) >= 6


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_bench_script_imports_and_shows_its_help(script: Path) -> None:
    source = script.read_text()
    if "argparse" not in source:
        proc = subprocess.run(
            [sys.executable, "-c", f"import runpy; runpy.run_path({str(script)!r}, run_name='x')"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=BENCH.parent,
        )
    else:
        proc = subprocess.run(
            [sys.executable, str(script), "--help"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=BENCH.parent,
        )
    assert proc.returncode == 0, proc.stderr
