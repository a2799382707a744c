"""Where shipped data is found: the installed copy first, then the checkout, then overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacybot import paths

SRC = Path(paths.__file__).resolve().parent


def _layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    installed, checkout = tmp_path / "installed", tmp_path / "checkout"
    monkeypatch.setattr(paths, "SHIPPED_DIR", installed)
    monkeypatch.setattr(paths, "REPO_ROOT", checkout)
    return installed, checkout


def test_the_installed_copy_wins_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed, checkout = _layout(tmp_path, monkeypatch)
    for base in (installed, checkout):
        (base / "intents").mkdir(parents=True)
    assert paths.shipped("intents") == installed / "intents"


def test_a_checkout_without_an_installed_copy_reads_its_own_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, checkout = _layout(tmp_path, monkeypatch)
    (checkout / "migrations").mkdir(parents=True)
    assert paths.migrations_dir() == checkout / "migrations"


def test_missing_everywhere_names_the_installed_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed, _ = _layout(tmp_path, monkeypatch)
    assert paths.shipped("policy") == installed / "policy"


def test_a_name_that_does_not_ship_is_refused() -> None:
    with pytest.raises(ValueError, match="SHIPPED"):
        paths.shipped("tests")


def test_operators_may_point_at_their_own_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIVACYBOT_INTENTS_DIR", str(tmp_path / "i"))
    monkeypatch.setenv("PRIVACYBOT_TEMPLATES_DIR", str(tmp_path / "t"))
    monkeypatch.setenv("PRIVACYBOT_POLICY_FILE", str(tmp_path / "p.txt"))
    assert paths.intents_dir() == tmp_path / "i"
    assert paths.templates_dir() == tmp_path / "t"
    assert paths.policy_file("ignored.txt") == tmp_path / "p.txt"


def test_an_empty_override_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACYBOT_INTENTS_DIR", "  ")
    assert paths.intents_dir() == paths.shipped("intents")


def test_every_shipped_directory_exists_in_this_checkout() -> None:
    for name in paths.SHIPPED:
        assert paths.shipped(name).is_dir(), name


def test_data_is_located_only_through_privacybot_paths() -> None:
    """No module but paths.py works out a location from the package or the checkout."""
    for source in SRC.rglob("*.py"):
        if source.name == "paths.py":
            continue
        text = source.read_text("utf-8")
        for needle in ("__file__", "REPO_ROOT", "PACKAGE_DIR", "importlib.resources"):
            assert needle not in text, f"{source}: {needle}; ask privacybot.paths instead"
