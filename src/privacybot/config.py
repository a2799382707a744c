"""Settings from the environment and a TOML file (docs/operators.md), validated once at start.

Every value is checked here so that a bad one stops the service with one line naming
the variable, before anything connects anywhere. Secrets are wrapped in `Secret` and
URLs are shown only with their password masked, so neither reaches a log or an error.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from urllib.parse import SplitResult, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PREFIX = "PRIVACYBOT_"


class ConfigError(ValueError):
    """A setting is wrong; the message names the variable and never holds a secret."""


class Secret:
    """A string that prints as asterisks, so tracebacks and reprs never leak it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __str__(self) -> str:
        return "**********"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def redact_url(url: str) -> str:
    """The URL with any password replaced, safe for logs and error lines."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


@dataclass(frozen=True)
class HostPort:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class Settings:
    var_dir: Path
    database_url: Secret
    imap_url: Secret | None
    smtp_url: Secret | None
    from_address: str
    staff_emails: tuple[str, ...]
    telegram_token: Secret | None
    telegram_api_url: str
    web_bind: HostPort
    timezone: ZoneInfo
    digest_time: time
    smtp_in_bind: HostPort | None
    demo_imap_bind: HostPort
    trusted_authserv_id: str | None
    secret_key: Secret | None
    min_confidence: float = 0.5
    #: Below this a case still opens, but staff check what it was read as.
    review_confidence: float = 0.8
    pause_during_verification: bool = True
    case_retention_days: int = 365
    auto_send_kinds: tuple[str, ...] = (
        "acknowledgment",
        "verification_code",
        "verification_reminder",
        "verification_failed",
        "verification_confirmed",
        "representation_ack",
        "unverified_closure",
    )
    equated_days_file: Path | None = None
    log_level: str = "INFO"
    #: More new cases than this from one address in 24 h wait in the staff queue.
    max_new_cases_per_address: int = 5
    #: The same request again from one address within this many hours joins its case.
    repeat_window_hours: int = 24
    #: Total size of the files one letter may carry (privacybot.attachments).
    max_attachment_bytes: int = 10 * 1024 * 1024
    #: The language of the staff digest and alerts (``nl`` or ``en``).
    digest_language: str = "nl"
    #: Base URL of the staff dashboard; the digest links each case to ``{url}/cases/{REF}``.
    dashboard_url: str | None = None
    #: How long a sender owns a claimed outbox item before another may settle it.
    outbox_lease_seconds: int = 300
    #: Dashboard sessions end after this long without a request, and this long after sign-in.
    web_session_idle_minutes: int = 30
    web_session_max_hours: int = 12
    #: Secure cookies: "auto" (when the request came over TLS, or X-Forwarded-Proto says
    #: https), "true" (always: TLS ends at a proxy that sends no header) or "false".
    web_secure_cookies: str = "auto"
    #: Telegram chat id of the staff group (approve/reject buttons, urgent lines); None: off.
    telegram_staff_chat: int | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def database_url_redacted(self) -> str:
        return redact_url(self.database_url.reveal())

    @property
    def sent_dir(self) -> Path:
        return self.var_dir / "sent"

    @property
    def from_domain(self) -> str:
        return self.from_address.rsplit("@", 1)[-1]


_EMAIL = re.compile(r"^[^@\s,<>]+@[^@\s,<>]+\.[^@\s,<>]+$")
_KNOWN = (
    "DATABASE_URL",
    "IMAP_URL",
    "SMTP_URL",
    "FROM",
    "STAFF_EMAILS",
    "TELEGRAM_TOKEN",
    "TELEGRAM_API_URL",
    "TELEGRAM_STAFF_CHAT",
    "WEB_BIND",
    "TIMEZONE",
    "DIGEST_TIME",
    "SMTP_IN_BIND",
    "DEMO_IMAP_BIND",
    "TRUSTED_AUTHSERV_ID",
    "VAR_DIR",
    "SECRET_KEY",
    "MIN_CONFIDENCE",
    "REVIEW_CONFIDENCE",
    "PAUSE_DURING_VERIFICATION",
    "CASE_RETENTION_DAYS",
    "AUTO_SEND_KINDS",
    "EQUATED_DAYS_FILE",
    "LOG_LEVEL",
    "MAX_NEW_CASES_PER_ADDRESS",
    "REPEAT_WINDOW_HOURS",
    "MAX_ATTACHMENT_MB",
    "DIGEST_LANGUAGE",
    "DASHBOARD_URL",
    "OUTBOX_LEASE_SECONDS",
    "WEB_SESSION_IDLE_MINUTES",
    "WEB_SESSION_MAX_HOURS",
    "WEB_SECURE_COOKIES",
)


def _read_toml(path: Path) -> dict[str, str]:
    """TOML keys may be the variable names or their lower-case short form (`digest_time`)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"--config: file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"--config: {path} is not valid TOML: {exc}") from exc
    table = data.get("privacybot", data)
    out: dict[str, str] = {}
    for key, value in table.items():
        name = key.upper()
        name = name.removeprefix(PREFIX)
        if name not in _KNOWN:
            raise ConfigError(f"--config: {path}: unknown setting {key!r}")
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        out[name] = str(value)
    return out


def _fraction(name: str, value: str) -> float:
    """A number in 0..1; one clear line otherwise."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"{PREFIX}{name}: {value!r} is not a number in 0..1")
    return number


def _whole(name: str, value: str, minimum: int) -> int:
    """A whole number setting of at least ``minimum``; one clear line otherwise."""
    if not value.isdigit() or int(value) < minimum:
        raise ConfigError(f"{PREFIX}{name}: {value!r} is not a whole number >= {minimum}")
    return int(value)


def _host_port(name: str, value: str) -> HostPort:
    host, sep, port = value.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"{PREFIX}{name}: {value!r} is not host:port (e.g. 127.0.0.1:8000)")
    return HostPort(host, int(port))


def _url(name: str, value: str, schemes: tuple[str, ...]) -> SplitResult:
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise ConfigError(f"{PREFIX}{name}: malformed URL {redact_url(value)!r}: {exc}") from exc
    if parts.scheme not in schemes:
        raise ConfigError(
            f"{PREFIX}{name}: scheme {parts.scheme!r} not supported in {redact_url(value)!r} "
            f"(use {', '.join(s + '://' for s in schemes)})"
        )
    return parts


def _database_url(value: str) -> str:
    parts = _url(
        "DATABASE_URL",
        value,
        ("sqlite", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"),
    )
    if parts.scheme.startswith("postgresql"):
        if not parts.hostname and "host=" not in parts.query:
            raise ConfigError(
                f"{PREFIX}DATABASE_URL: no host in {redact_url(value)!r} "
                "(postgresql+psycopg://user:pass@host:5432/db)"
            )
        if parts.scheme == "postgresql":
            value = "postgresql+psycopg" + value[len("postgresql") :]
    elif not value.startswith("sqlite:///"):
        raise ConfigError(
            f"{PREFIX}DATABASE_URL: SQLite URLs look like sqlite:///path/to/file.db, "
            f"not {redact_url(value)!r}"
        )
    return value


def _bool(name: str, value: str) -> bool:
    low = value.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{PREFIX}{name}: {value!r} is not true/false")


def load_settings(
    environ: Mapping[str, str] | None = None, config_file: Path | None = None
) -> Settings:
    """Merge the TOML file and the environment (the environment wins) and validate."""
    env = os.environ if environ is None else environ
    raw: dict[str, str] = _read_toml(config_file) if config_file else {}
    for name in _KNOWN:
        if (PREFIX + name) in env:
            raw[name] = env[PREFIX + name]

    def get(name: str) -> str | None:
        value = raw.get(name)
        return value.strip() if value is not None and value.strip() != "" else None

    var_dir = Path(get("VAR_DIR") or "./var")

    db = get("DATABASE_URL")
    database_url = _database_url(db) if db else f"sqlite:///{var_dir / 'privacybot.db'}"

    imap = get("IMAP_URL")
    if imap:
        parts = _url("IMAP_URL", imap, ("imap", "imaps"))
        if not parts.hostname:
            raise ConfigError(f"{PREFIX}IMAP_URL: no host in {redact_url(imap)!r}")
        if not parts.username:
            raise ConfigError(f"{PREFIX}IMAP_URL: no user in {redact_url(imap)!r}")
    smtp = get("SMTP_URL")
    if smtp:
        parts = _url("SMTP_URL", smtp, ("smtp", "smtps", "smtp+starttls"))
        if not parts.hostname:
            raise ConfigError(f"{PREFIX}SMTP_URL: no host in {redact_url(smtp)!r}")

    from_address = get("FROM") or "privacy@conxillium.nl"
    if not _EMAIL.match(from_address):
        raise ConfigError(f"{PREFIX}FROM: {from_address!r} is not an email address")

    staff: list[str] = []
    for item in (get("STAFF_EMAILS") or "").split(","):
        item = item.strip()
        if not item:
            continue
        if not _EMAIL.match(item):
            raise ConfigError(f"{PREFIX}STAFF_EMAILS: {item!r} is not an email address")
        staff.append(item)

    token = get("TELEGRAM_TOKEN")
    if token and not re.fullmatch(r"\d+:[A-Za-z0-9_-]{20,}", token):
        raise ConfigError(f"{PREFIX}TELEGRAM_TOKEN: not a bot token (expected 123456:ABC…)")
    tg_api = get("TELEGRAM_API_URL") or "https://api.telegram.org/bot"
    _url("TELEGRAM_API_URL", tg_api, ("http", "https"))
    staff_chat_raw = get("TELEGRAM_STAFF_CHAT")
    staff_chat: int | None = None
    if staff_chat_raw is not None:
        if not re.fullmatch(r"-?\d{1,20}", staff_chat_raw):
            raise ConfigError(
                f"{PREFIX}TELEGRAM_STAFF_CHAT: {staff_chat_raw!r} is not a chat id "
                "(a number such as -1001234567890)"
            )
        staff_chat = int(staff_chat_raw)

    tz_name = get("TIMEZONE") or "Europe/Amsterdam"
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{PREFIX}TIMEZONE: unknown timezone {tz_name!r}") from exc

    digest = get("DIGEST_TIME") or "08:00"
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", digest)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ConfigError(
            f"{PREFIX}DIGEST_TIME: {digest!r} is not a time of day (HH:MM, 00:00-23:59)"
        )
    digest_time = time(int(m.group(1)), int(m.group(2)))

    smtp_in_raw = get("SMTP_IN_BIND") or "127.0.0.1:2525"
    smtp_in = None if smtp_in_raw.lower() == "off" else _host_port("SMTP_IN_BIND", smtp_in_raw)

    min_conf = _fraction("MIN_CONFIDENCE", get("MIN_CONFIDENCE") or "0.5")
    review_conf = _fraction("REVIEW_CONFIDENCE", get("REVIEW_CONFIDENCE") or "0.8")
    if review_conf < min_conf:
        raise ConfigError(
            f"{PREFIX}REVIEW_CONFIDENCE: {review_conf} is below MIN_CONFIDENCE {min_conf}"
        )

    retention_raw = get("CASE_RETENTION_DAYS") or "365"
    if not retention_raw.isdigit() or int(retention_raw) < 1:
        # 0 would purge a case the moment it closes (no time for a complaint or a
        # reopening), a negative number has no meaning: both are refused, never clamped.
        raise ConfigError(
            f"{PREFIX}CASE_RETENTION_DAYS: {retention_raw!r} is not a positive whole number "
            "of days (at least 1; default 365)"
        )

    digest_language = (get("DIGEST_LANGUAGE") or "nl").lower()
    if digest_language not in ("nl", "en"):
        raise ConfigError(f"{PREFIX}DIGEST_LANGUAGE: {digest_language!r} is not nl or en")

    dashboard = get("DASHBOARD_URL")
    if dashboard is not None:
        parts = _url("DASHBOARD_URL", dashboard, ("http", "https"))
        if not parts.hostname or parts.query or parts.fragment or parts.password is not None:
            raise ConfigError(
                f"{PREFIX}DASHBOARD_URL: {redact_url(dashboard)!r} is not a plain base URL "
                "(e.g. https://privacy.conxillium.nl)"
            )
        dashboard = dashboard.rstrip("/")

    lease_seconds = _whole("OUTBOX_LEASE_SECONDS", get("OUTBOX_LEASE_SECONDS") or "300", 10)

    kinds_raw = get("AUTO_SEND_KINDS")
    auto_kinds = (
        tuple(k.strip() for k in kinds_raw.split(",") if k.strip())
        if kinds_raw is not None
        else Settings.auto_send_kinds
    )

    equated = get("EQUATED_DAYS_FILE")
    if equated and not Path(equated).is_file():
        raise ConfigError(f"{PREFIX}EQUATED_DAYS_FILE: no such file {equated!r}")

    level = (get("LOG_LEVEL") or "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"{PREFIX}LOG_LEVEL: {level!r} is not DEBUG, INFO, WARNING or ERROR")

    max_cases = _whole("MAX_NEW_CASES_PER_ADDRESS", get("MAX_NEW_CASES_PER_ADDRESS") or "5", 1)
    repeat_hours = _whole("REPEAT_WINDOW_HOURS", get("REPEAT_WINDOW_HOURS") or "24", 0)
    attachment_mb = _whole("MAX_ATTACHMENT_MB", get("MAX_ATTACHMENT_MB") or "10", 1)
    if attachment_mb > 20:
        raise ConfigError(
            f"{PREFIX}MAX_ATTACHMENT_MB: {attachment_mb} is more than mail relays accept "
            "(at most 20; base64 adds a third)"
        )

    idle_minutes = _whole("WEB_SESSION_IDLE_MINUTES", get("WEB_SESSION_IDLE_MINUTES") or "30", 1)
    max_hours = _whole("WEB_SESSION_MAX_HOURS", get("WEB_SESSION_MAX_HOURS") or "12", 1)
    secure = (get("WEB_SECURE_COOKIES") or "auto").lower()
    if secure not in ("auto", "true", "false"):
        raise ConfigError(f"{PREFIX}WEB_SECURE_COOKIES: {secure!r} is not auto, true or false")

    secret = get("SECRET_KEY")
    if secret is not None and len(secret) < 16:
        raise ConfigError(f"{PREFIX}SECRET_KEY: too short (at least 16 characters)")

    return Settings(
        var_dir=var_dir,
        database_url=Secret(database_url),
        imap_url=Secret(imap) if imap else None,
        smtp_url=Secret(smtp) if smtp else None,
        from_address=from_address,
        staff_emails=tuple(staff),
        telegram_token=Secret(token) if token else None,
        telegram_api_url=tg_api,
        web_bind=_host_port("WEB_BIND", get("WEB_BIND") or "127.0.0.1:8000"),
        timezone=tz,
        digest_time=digest_time,
        smtp_in_bind=smtp_in,
        demo_imap_bind=_host_port("DEMO_IMAP_BIND", get("DEMO_IMAP_BIND") or "127.0.0.1:1143"),
        trusted_authserv_id=get("TRUSTED_AUTHSERV_ID"),
        secret_key=Secret(secret) if secret else None,
        min_confidence=min_conf,
        review_confidence=review_conf,
        pause_during_verification=_bool(
            "PAUSE_DURING_VERIFICATION", get("PAUSE_DURING_VERIFICATION") or "true"
        ),
        case_retention_days=int(retention_raw),
        auto_send_kinds=auto_kinds,
        equated_days_file=Path(equated) if equated else None,
        log_level=level,
        max_new_cases_per_address=max_cases,
        repeat_window_hours=repeat_hours,
        max_attachment_bytes=attachment_mb * 1024 * 1024,
        digest_language=digest_language,
        dashboard_url=dashboard,
        outbox_lease_seconds=lease_seconds,
        web_session_idle_minutes=idle_minutes,
        web_session_max_hours=max_hours,
        web_secure_cookies=secure,
        telegram_staff_chat=staff_chat,
    )
