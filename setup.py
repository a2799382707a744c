"""Build hook: a wheel carries intents/, templates/, policy/ and migrations/ inside the package.

Those directories stay at the top of the repository, where staff edit them. When
setuptools builds the package (``pip wheel .``, ``pip install .``, or from the sdist,
which MANIFEST.in makes carry them), build_py copies each into
``privacybot/_shipped/<name>/`` of the build, and ``privacybot.paths`` looks there
first. An editable install (``pip install -e .``, used by scripts/_venv.sh) copies
nothing: the package is the checkout's ``src/privacybot``, and ``privacybot.paths``
falls back to the checkout's directories, so edits are seen at once.

Everything else (name, dependencies, entry point) is in pyproject.toml.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: One list of what ships: privacybot.paths.SHIPPED, read without importing the package.
SHIPPED: tuple[str, ...] = runpy.run_path(str(HERE / "src" / "privacybot" / "paths.py"))["SHIPPED"]


class BuildWithShippedData(build_py):
    """build_py, then a fresh copy of every shipped directory into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout is read in place (privacybot.paths falls back to it)
        target = Path(self.build_lib) / "privacybot" / "_shipped"
        for name in SHIPPED:
            source = HERE / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; it must ship with the package")
            dest = target / name
            shutil.rmtree(dest, ignore_errors=True)  # a stale build/ must not keep deleted files
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.py[co]"))


setup(cmdclass={"build_py": BuildWithShippedData})
