"""Issue 9.4: a code is sealed at rest and only opened in memory by the sender."""

from __future__ import annotations

import pytest

from privacybot.cases.codes import MASK, mask, reveal, seal, unseal

KEY = b"a-server-key-of-some-length"


def test_a_sealed_code_opens_with_its_key_only() -> None:
    issued = seal("004271", KEY)
    assert "004271" not in issued.sealed and "004271" not in issued.slot
    assert unseal(issued.sealed, KEY) == (issued.slot, "004271")
    with pytest.raises(ValueError):
        unseal(issued.sealed, b"another key altogether")


def test_each_seal_uses_its_own_pad() -> None:
    first, second = seal("123456", KEY), seal("123456", KEY)
    assert first.sealed != second.sealed and first.slot != second.slot


def test_reveal_puts_the_code_in_the_bytes_and_mask_hides_it_from_staff() -> None:
    issued = seal("918273", KEY)
    body = f"Uw code:\n\n    {issued.slot}\n"
    assert reveal(body.encode(), issued.sealed, KEY) == b"Uw code:\n\n    918273\n"
    assert mask(body) == f"Uw code:\n\n    {MASK}\n"
    assert reveal(b"no slot here", None, KEY) == b"no slot here"
    with pytest.raises(ValueError, match="no slot"):
        reveal(b"no slot here", issued.sealed, KEY)
