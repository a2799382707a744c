"""Settings: every docs/operators.md variable, TOML + environment, one-line errors, no secrets."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from privacybot.config import ConfigError, Secret, load_settings, redact_url


def test_embedded_defaults() -> None:
    s = load_settings({})
    assert s.database_url.reveal() == "sqlite:///var/privacybot.db"
    assert s.imap_url is None and s.smtp_url is None
    assert s.from_address == "privacy@conxillium.nl"
    assert s.staff_emails == ()
    assert s.telegram_token is None
    assert s.telegram_api_url == "https://api.telegram.org/bot"
    assert str(s.web_bind) == "127.0.0.1:8000"
    assert s.timezone.key == "Europe/Amsterdam"
    assert s.digest_time == time(8, 0)
    assert str(s.smtp_in_bind) == "127.0.0.1:2525"
    assert str(s.demo_imap_bind) == "127.0.0.1:1143"
    assert s.trusted_authserv_id is None
    assert s.sent_dir == Path("var/sent")


def test_every_variable_is_read_from_the_environment() -> None:
    s = load_settings(
        {
            "PRIVACYBOT_DATABASE_URL": "postgresql+psycopg://u:p@db.local:5432/pb",
            "PRIVACYBOT_IMAP_URL": "imaps://desk:pw@mail.local/INBOX",
            "PRIVACYBOT_SMTP_URL": "smtp+starttls://desk:pw@mail.local:587",
            "PRIVACYBOT_FROM": "avg@example.nl",
            "PRIVACYBOT_STAFF_EMAILS": "a@example.nl, b@example.nl",
            "PRIVACYBOT_TELEGRAM_TOKEN": "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "PRIVACYBOT_TELEGRAM_API_URL": "http://127.0.0.1:9999/bot",
            "PRIVACYBOT_WEB_BIND": "0.0.0.0:9000",
            "PRIVACYBOT_TIMEZONE": "Europe/Brussels",
            "PRIVACYBOT_DIGEST_TIME": "07:30",
            "PRIVACYBOT_SMTP_IN_BIND": "off",
            "PRIVACYBOT_DEMO_IMAP_BIND": "127.0.0.1:2143",
            "PRIVACYBOT_TRUSTED_AUTHSERV_ID": "mx.conxillium.nl",
            "PRIVACYBOT_VAR_DIR": "/srv/pb",
        }
    )
    assert s.imap_url is not None and s.imap_url.reveal().startswith("imaps://")
    assert s.staff_emails == ("a@example.nl", "b@example.nl")
    assert s.smtp_in_bind is None
    assert s.digest_time == time(7, 30)
    assert s.timezone.key == "Europe/Brussels"
    assert s.var_dir == Path("/srv/pb")
    assert s.trusted_authserv_id == "mx.conxillium.nl"
    assert s.web_bind.port == 9000


def test_environment_wins_over_the_toml_file(tmp_path: Path) -> None:
    cfg = tmp_path / "pb.toml"
    cfg.write_text('digest_time = "06:15"\nPRIVACYBOT_FROM = "toml@example.nl"\n')
    s = load_settings({"PRIVACYBOT_FROM": "env@example.nl"}, cfg)
    assert s.digest_time == time(6, 15)
    assert s.from_address == "env@example.nl"


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("PRIVACYBOT_DIGEST_TIME", "25:00", "PRIVACYBOT_DIGEST_TIME"),
        ("PRIVACYBOT_DIGEST_TIME", "8am", "PRIVACYBOT_DIGEST_TIME"),
        ("PRIVACYBOT_TIMEZONE", "Europe/Atlantis", "unknown timezone"),
        ("PRIVACYBOT_DATABASE_URL", "mysql://x/y", "PRIVACYBOT_DATABASE_URL"),
        ("PRIVACYBOT_DATABASE_URL", "postgresql+psycopg://u:p@h:99999/x", "malformed"),
        ("PRIVACYBOT_IMAP_URL", "pop3://u:p@h/INBOX", "PRIVACYBOT_IMAP_URL"),
        ("PRIVACYBOT_SMTP_URL", "smtp://", "PRIVACYBOT_SMTP_URL"),
        ("PRIVACYBOT_WEB_BIND", "localhost", "host:port"),
        ("PRIVACYBOT_FROM", "not-an-address", "PRIVACYBOT_FROM"),
        ("PRIVACYBOT_STAFF_EMAILS", "a@b.nl,oops", "PRIVACYBOT_STAFF_EMAILS"),
        ("PRIVACYBOT_TELEGRAM_TOKEN", "nonsense", "PRIVACYBOT_TELEGRAM_TOKEN"),
    ],
)
def test_a_bad_value_names_the_variable(name: str, value: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({name: value})
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message


def test_passwords_never_appear_in_errors() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({"PRIVACYBOT_DATABASE_URL": "postgresql+psycopg://u:hunter2@h:99999/x"})
    assert "hunter2" not in str(info.value)
    with pytest.raises(ConfigError) as info:
        load_settings({"PRIVACYBOT_TELEGRAM_TOKEN": "123:short-secret"})
    assert "short-secret" not in str(info.value)


def test_secrets_do_not_print() -> None:
    s = load_settings({"PRIVACYBOT_TELEGRAM_TOKEN": "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    assert "ABCDEFGHIJ" not in repr(s)
    assert str(Secret("x")) == "**********"
    assert redact_url("smtp://me:pw@h:25") == "smtp://me:***@h:25"


def test_unknown_keys_in_the_toml_file_are_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "pb.toml"
    cfg.write_text('digst_time = "06:15"\n')
    with pytest.raises(ConfigError, match="digst_time"):
        load_settings({}, cfg)


def test_a_broken_toml_file_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "pb.toml"
    cfg.write_text("digest_time = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings({}, cfg)
