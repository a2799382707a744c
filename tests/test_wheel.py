"""A built wheel runs on its own (issue 11 point 6): no checkout, no files beside it.

Builds the wheel as an operator would (``pip wheel --no-deps``, from a clean copy
of the checkout), installs it into a
fresh virtual environment and drives the installed ``privacybot`` script from a
directory outside the checkout: ``db upgrade``, ``deadline``, ``classify``, then
``run`` with ``demo`` until a case appears and the acknowledgment is in the sink, and
SIGTERM.

The fresh venv gets the wheel and nothing else from pip (``--no-deps --no-index``),
so the test stays quick and needs no index. Its dependencies are the ones already
installed for the tests: a ``.pth`` file appends this interpreter's site-packages to
the new venv's path. A ``.pth`` line only adds a directory, it does not run the
``.pth`` files inside it, so the checkout's editable install does not come along, and
the new venv's own site-packages comes first on the path; the test checks both.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from privacybot.testing.servers import free_port

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
#: Left out of the copy that is built: a stale build/ would hide a broken build hook, and
#: the tests and benches (over a gigabyte of corpora, hundreds of thousands of files) are
#: no part of a wheel; copying them filled the disk of a CI machine and broke every later
#: test that needed a temporary directory.
UNBUILT_TOP = frozenset({".git", ".venv", "build", "dist", "var", "tests", "bench"})
UNBUILT_ANYWHERE = shutil.ignore_patterns("*.egg-info", "__pycache__", ".*_cache")


def _unbuilt(directory: str, names: list[str]) -> set[str]:
    """What copytree leaves out: the top-level names above, and caches at every level."""
    top = set(names) & UNBUILT_TOP if Path(directory) == REPO else set()
    return top | set(UNBUILT_ANYWHERE(directory, names))


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None = None) -> str:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def _until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.2)


def _clean_env(**extra: str) -> dict[str, str]:
    """No operator settings, no path or venv of the checkout: only what a fresh shell has."""
    drop = ("PRIVACYBOT_", "PYTHON", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    return {**env, **extra}


@pytest.mark.slow
def test_a_built_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=_unbuilt)
    wheels = tmp_path / "wheels"
    _run(
        [PYTHON, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
        cwd=outside,
        env=_clean_env(),
    )
    (wheel,) = wheels.glob("privacybot-*.whl")

    venv = tmp_path / "venv"
    _run([PYTHON, "-m", "venv", "--without-pip", str(venv)], cwd=outside, env=_clean_env())
    vpy = venv / "bin" / "python"
    _run(
        [PYTHON, "-m", "pip", "--python", str(vpy), "install", "--quiet", "--no-deps"]
        + ["--no-index", str(wheel)],
        cwd=outside,
        env=_clean_env(),
    )
    site = Path(
        _run(
            [str(vpy), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            cwd=outside,
            env=_clean_env(),
        ).strip()
    )
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "_privacybot_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    env = _clean_env(PRIVACYBOT_VAR_DIR=str(tmp_path / "var"))
    where = json.loads(
        _run(
            [
                str(vpy),
                "-c",
                "import json, privacybot, privacybot.paths as p; print(json.dumps("
                "[privacybot.__file__, *(str(p.shipped(n)) for n in p.SHIPPED)]))",
            ],
            cwd=outside,
            env=env,
        )
    )
    assert all(Path(w).is_relative_to(venv.resolve()) for w in where), where
    assert all(Path(w).exists() for w in where), where

    bot = str(venv / "bin" / "privacybot")
    assert "upgraded from empty" in _run([bot, "db", "upgrade"], cwd=outside, env=env)
    assert _run([bot, "deadline", "2026-03-06"], cwd=outside, env=env).strip() == "2026-04-07"
    classified = json.loads(
        _run(
            [bot, "classify", "-", "--json"],
            cwd=outside,
            env=env,
            stdin="Ik wil graag inzage in de gegevens die Procura over mij heeft.",
        )
    )
    assert classified["labels"] == ["access"] and classified["company"] == "Procura"

    web = free_port()
    env |= {
        "PRIVACYBOT_WEB_BIND": f"127.0.0.1:{web}",
        "PRIVACYBOT_DEMO_IMAP_BIND": f"127.0.0.1:{free_port()}",
        "PRIVACYBOT_SMTP_IN_BIND": "off",
    }
    log_path = tmp_path / "service.log"
    with log_path.open("w") as log:
        service = subprocess.Popen([bot, "run"], cwd=outside, env=env, stdout=log, stderr=log)
    try:

        def healthy() -> bool:
            assert service.poll() is None, log_path.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{web}/healthz", timeout=1) as r:
                    return bool(r.status == 200)
            except OSError:
                return False

        _until(healthy, 60, "/healthz")
        assert "appended" in _run([bot, "demo"], cwd=outside, env=env)

        def cases() -> list[dict[str, object]]:
            rows = json.loads(_run([bot, "cases", "list", "--json"], cwd=outside, env=env))
            assert isinstance(rows, list)
            return rows

        _until(lambda: len(cases()) > 0, 30, "a case from the demo mail")
        sent = tmp_path / "var" / "sent" / "new"
        _until(lambda: sent.is_dir() and any(sent.iterdir()), 30, "an acknowledgment in the sink")
        assert any(row["reference"] for row in cases())
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            code = service.wait(timeout=20)
        except subprocess.TimeoutExpired:
            service.kill()
            raise AssertionError("the service did not stop within 20 s of SIGTERM") from None
    assert code == 0, log_path.read_text()
