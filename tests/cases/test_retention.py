"""docs/rules.md R24-R26: when case content, audit rows and exports go; address pseudonyms."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacybot.cases.retention import (
    address_hmac,
    audit_purge_due,
    export_purge_date,
    purge_due,
)

KEY = b"audit-key-not-secret"
D = date.fromisoformat


def test_R24_case_content_purged_365_days_after_closure() -> None:
    assert purge_due(D("2026-03-02")) == D("2027-03-02")


def test_R24_retention_days_is_configurable() -> None:
    assert purge_due(D("2026-03-02"), retention_days=30) == D("2026-04-01")
    assert purge_due(D("2026-03-02"), retention_days=0) == D("2026-03-02")
    with pytest.raises(ValueError):
        purge_due(D("2026-03-02"), retention_days=-1)


def test_R25_audit_log_kept_five_years_after_closure() -> None:
    assert audit_purge_due(D("2026-03-02")) == D("2031-03-02")
    assert audit_purge_due(D("2028-02-29")) == D("2033-02-28")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_R25_audit_outlives_case_content(closed: date) -> None:
    assert audit_purge_due(closed) > purge_due(closed)
    assert audit_purge_due(closed) >= closed + timedelta(days=5 * 365)


def test_R25_rows_for_an_address_never_contain_it() -> None:
    pseudonym = address_hmac("a@b.nl", KEY)
    assert "a@b.nl" not in pseudonym
    assert re.fullmatch(r"[0-9a-f]{64}", pseudonym)
    assert pseudonym == hmac.new(KEY, b"a@b.nl", hashlib.sha256).hexdigest()
    assert address_hmac(" A@B.nl ", KEY) == pseudonym  # one requester whatever the case


def test_R25_address_hmac_is_case_insensitive_and_keyed() -> None:
    assert address_hmac("A@B.nl", KEY) == address_hmac("a@b.nl", KEY)
    assert address_hmac(" a@b.nl ", KEY) == address_hmac("a@b.nl", KEY)
    assert address_hmac("a@b.nl", KEY) != address_hmac("a@b.nl", b"another-key")
    assert address_hmac("a@b.nl", KEY) != address_hmac("c@b.nl", KEY)
    with pytest.raises(ValueError):
        address_hmac("a@b.nl", b"")


def test_R26_export_gone_30_days_after_sending() -> None:
    assert export_purge_date(D("2026-06-10"), None) == D("2026-07-10")
    assert export_purge_date(D("2026-06-10"), D("2027-06-10")) == D("2026-07-10")


def test_R26_export_gone_at_case_purge_when_that_is_sooner() -> None:
    assert export_purge_date(D("2026-06-10"), D("2026-06-20")) == D("2026-06-20")
