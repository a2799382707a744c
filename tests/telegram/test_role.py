"""The ``telegram`` role in ``privacybot run``, its settings and its command."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from privacybot.config import ConfigError, load_settings
from privacybot.runner import Service
from privacybot.testing.telegram_api import TEST_TOKEN, FakeBotApi


def _settings(tmp_path: Path, **env: str) -> object:
    base = {"PRIVACYBOT_VAR_DIR": str(tmp_path / "var")}
    return load_settings({**base, **{f"PRIVACYBOT_{k}": v for k, v in env.items()}})


def test_the_staff_chat_is_a_chat_id(tmp_path: Path) -> None:
    settings = _settings(tmp_path, TELEGRAM_STAFF_CHAT="-1001234567890")
    assert settings.telegram_staff_chat == -1001234567890  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match="TELEGRAM_STAFF_CHAT"):
        _settings(tmp_path, TELEGRAM_STAFF_CHAT="@privacy_staff")


async def test_without_a_token_the_telegram_role_does_nothing(tmp_path: Path) -> None:
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    settings = load_settings({"PRIVACYBOT_VAR_DIR": str(tmp_path / "var")})
    migrate.upgrade(make_engine(settings.database_url.reveal()))
    service = Service(settings, ("telegram",))
    service._stop_event = asyncio.Event()
    await service.start()
    try:
        assert service.telegram is None and service.worker is None
    finally:
        await service.shutdown()


async def test_with_a_token_the_role_polls_and_answers_alone(tmp_path: Path) -> None:
    """``--only telegram`` on its own brings its own triage worker (intake runs elsewhere)."""
    from privacybot.db import migrate
    from privacybot.db.session import make_engine

    api = FakeBotApi().start()
    try:
        settings = load_settings(
            {
                "PRIVACYBOT_VAR_DIR": str(tmp_path / "var"),
                "PRIVACYBOT_TELEGRAM_TOKEN": TEST_TOKEN,
                "PRIVACYBOT_TELEGRAM_API_URL": api.base_url,
            }
        )
        migrate.upgrade(make_engine(settings.database_url.reveal()))
        service = Service(settings, ("telegram",))
        service._stop_event = asyncio.Event()
        await service.start()
        try:
            assert service.telegram is not None and service.worker is not None
            api.send_text(5, "/start")
            await asyncio.to_thread(api.wait_for_count, 5, 1, 15)
            assert api.texts(5)[0].startswith("Goedendag")
        finally:
            await service.shutdown()
    finally:
        api.stop()


def _cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PRIVACYBOT_VAR_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "privacybot.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # another program: a subprocess or a server
def test_staff_link_telegram_from_the_command_line(tmp_path: Path) -> None:
    assert _cli(tmp_path, "db", "upgrade").returncode == 0
    _cli(tmp_path, "staff", "add", "olga@conxillium.nl", "--role", "officer")
    done = _cli(tmp_path, "staff", "link-telegram", "olga@conxillium.nl", "4401")
    assert done.returncode == 0 and "4401" in done.stdout
    bad = _cli(tmp_path, "staff", "link-telegram", "olga@conxillium.nl", "@olga")
    assert bad.returncode != 0 and "USER_ID is a number" in bad.stderr
    nobody = _cli(tmp_path, "staff", "link-telegram", "niemand@conxillium.nl", "4402")
    assert nobody.returncode != 0 and "unknown staff member" in nobody.stderr
    assert _cli(tmp_path, "staff", "unlink-telegram", "olga@conxillium.nl").returncode == 0
    again = _cli(tmp_path, "staff", "unlink-telegram", "olga@conxillium.nl")
    assert again.returncode != 0 and "no Telegram user" in again.stderr
