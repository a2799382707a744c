"""The HMAC key for verification codes and audit addresses (R13, R25).

An operator sets PRIVACYBOT_SECRET_KEY; the embedded default makes a random key once
and keeps it beside the database, readable by the owner only, so codes issued before
a restart still verify after it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from privacybot.config import Settings


def secret_key(settings: Settings) -> bytes:
    if settings.secret_key is not None:
        return settings.secret_key.reveal().encode()
    path = settings.var_dir / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return Path(path).read_text().strip().encode()
