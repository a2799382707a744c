"""Staff accounts: argon2 hashes, the old scrypt ones, and the growing lock-out (issue 9.7)."""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta

import pytest

from privacybot import staff


@pytest.mark.real_password_cost
def test_passwords_are_argon2id_and_old_scrypt_hashes_still_verify() -> None:
    new = staff.hash_password("een lang wachtwoord")
    assert new.startswith("$argon2id$")
    # argon2-cffi's defaults (RFC 9106's second recommendation), not the tests' cheap cost.
    assert "$m=65536,t=3,p=4$" in new
    assert staff.verify_password("een lang wachtwoord", new)
    assert not staff.verify_password("een ander wachtwoord", new)
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"oud wachtwoord!", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert staff.verify_password("oud wachtwoord!", old)
    assert staff.needs_rehash(old) and not staff.needs_rehash(new)
    assert not staff.verify_password("x", "garbage")


def test_lockout_starts_after_the_free_failures_and_doubles_up_to_a_cap() -> None:
    free = staff.ACCOUNT_FREE_FAILURES
    assert staff.lockout(free - 1, free) is None
    assert staff.lockout(free, free) == timedelta(seconds=1)
    assert staff.lockout(free + 3, free) == timedelta(seconds=8)
    assert staff.lockout(free + 40, free) == staff.LOCK_CAP
