"""docs/rules.md R12 (representation), R13 (email codes) and R15 (Authentication-Results)."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacybot.cases.identity import (
    MAX_CANDIDATES_PER_REPLY,
    REPRESENTATION_PHRASES,
    CodeReply,
    OtpCheck,
    OtpState,
    Trust,
    asks_for_new_code,
    attempts_left,
    check_code,
    find_codes,
    hash_code,
    judge_candidates,
    may_issue,
    needs_staff_for_representation,
    new_code,
    parse_authentication_results,
)

KEY = b"test-key-not-secret"
AMS = ZoneInfo("Europe/Amsterdam")
ISSUED = datetime(2026, 6, 1, 10, 0, tzinfo=AMS)


def _state(code: str = "004271", attempts: int = 0) -> OtpState:
    return OtpState(hash_code(code, KEY), ISSUED, attempts=attempts)


# --- R13 ----------------------------------------------------------------------


class _Fixed:
    """An rng that returns a set value, to show leading zeros survive."""

    def __init__(self, value: int) -> None:
        self.value = value

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        assert (start, stop) == (1_000_000, None)
        return self.value


def test_R13_code_is_six_digits_with_leading_zeros() -> None:
    assert new_code(_Fixed(4271)) == "004271"
    assert new_code(_Fixed(0)) == "000000"
    assert new_code(_Fixed(999_999)) == "999999"


def test_R13_code_from_system_random() -> None:
    codes = {new_code(secrets.SystemRandom()) for _ in range(50)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 1


@given(st.integers(min_value=0, max_value=2**32))
def test_R13_any_seed_gives_six_ascii_digits(seed: int) -> None:
    code = new_code(random.Random(seed))
    assert len(code) == 6
    assert all(c in "0123456789" for c in code)


def test_R13_hash_is_hmac_sha256_hex_and_keyed() -> None:
    h = hash_code("004271", KEY)
    assert h == hmac.new(KEY, b"004271", hashlib.sha256).hexdigest()
    assert "004271" not in h
    assert h != hash_code("004271", b"other-key")
    assert h == hash_code("004271", KEY)
    with pytest.raises(ValueError):
        hash_code("004271", b"")


def test_R13_valid_until_one_second_before_24_hours() -> None:
    state = _state()
    assert check_code(state, "004271", datetime(2026, 6, 2, 9, 59, 59, tzinfo=AMS), KEY) == (
        OtpCheck.OK
    )
    assert check_code(state, "004271", datetime(2026, 6, 2, 10, 0, 0, tzinfo=AMS), KEY) == (
        OtpCheck.EXPIRED
    )


def test_R13_validity_is_24_real_hours_across_a_utc_instant() -> None:
    state = _state()
    now = datetime(2026, 6, 2, 7, 59, 59, tzinfo=UTC)  # 09:59:59 CEST
    assert check_code(state, "004271", now, KEY) is OtpCheck.OK


def test_R13_wrong_code_is_wrong() -> None:
    assert check_code(_state(), "004272", ISSUED, KEY) is OtpCheck.WRONG
    assert check_code(_state(), "4271", ISSUED, KEY) is OtpCheck.WRONG
    assert check_code(_state(), "", ISSUED, KEY) is OtpCheck.WRONG


def test_R13_correct_code_after_five_wrong_fails() -> None:
    state = _state()
    now = ISSUED + timedelta(minutes=5)
    for wrong in ("111111", "222222", "333333", "444444", "555555"):
        result = check_code(state, wrong, now, KEY)
        assert result is OtpCheck.WRONG
        state = state.after(result)
    assert state.attempts == 5
    assert check_code(state, "004271", now, KEY) is OtpCheck.LOCKED


def test_R13_correct_code_after_four_wrong_still_works() -> None:
    state = _state(attempts=4)
    assert check_code(state, "004271", ISSUED, KEY) is OtpCheck.OK


def test_R13_code_is_spent_after_use() -> None:
    state = _state()
    result = check_code(state, "004271", ISSUED, KEY)
    assert result is OtpCheck.OK
    state = state.after(result)
    assert state.used
    assert check_code(state, "004271", ISSUED, KEY) is OtpCheck.EXPIRED


def test_R13_expired_and_locked_states_do_not_change() -> None:
    assert _state().after(OtpCheck.EXPIRED) == _state()
    assert _state(attempts=5).after(OtpCheck.LOCKED) == _state(attempts=5)


def test_R13_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        OtpState(hash_code("004271", KEY), datetime(2026, 6, 1, 10, 0))
    with pytest.raises(ValueError):
        check_code(_state(), "004271", datetime(2026, 6, 1, 10, 0), KEY)


def test_R13_three_codes_per_case_per_rolling_24_hours() -> None:
    now = datetime(2026, 6, 2, 12, 0, tzinfo=UTC)
    assert may_issue([], now)
    two = [now - timedelta(hours=5), now - timedelta(hours=1)]
    assert may_issue(two, now)
    three = [*two, now - timedelta(hours=23, minutes=59)]
    assert not may_issue(three, now)
    # The oldest drops out of the window exactly 24 h after it was issued.
    assert may_issue([*two, now - timedelta(hours=24)], now)


def test_R13_find_codes_takes_six_digit_tokens_only() -> None:
    text = "Mijn code is 004271.\nBel 0612345678 of IBAN NL91ABNA0417164300; ref AB123456."
    assert find_codes(text) == ["004271"]


def test_R13_find_codes_keeps_order_and_drops_repeats() -> None:
    assert find_codes("123456 en 654321, nogmaals 123456") == ["123456", "654321"]
    assert find_codes("geen code hier, PRV-2026-00042") == []


# --- R15 ----------------------------------------------------------------------

MX = "mx.conxillium.nl"


def test_R15_spf_and_dmarc_pass_from_our_mx_is_trusted() -> None:
    assert parse_authentication_results([f"{MX}; spf=pass; dmarc=pass"], MX) is Trust.TRUSTED


def test_R15_dmarc_fail_is_untrusted() -> None:
    assert parse_authentication_results([f"{MX}; dmarc=fail"], MX) is Trust.UNTRUSTED


def test_R15_only_a_foreign_authserv_id_is_untrusted() -> None:
    assert parse_authentication_results(["mx.evil.example; dmarc=pass"], MX) is Trust.UNTRUSTED


def test_R15_unset_authserv_id_ignores_the_headers() -> None:
    assert parse_authentication_results([f"{MX}; dmarc=fail"], None) is Trust.IGNORED
    assert parse_authentication_results([f"{MX}; dmarc=pass"], "") is Trust.IGNORED


def test_R15_no_header_at_all_is_untrusted() -> None:
    assert parse_authentication_results([], MX) is Trust.UNTRUSTED


@pytest.mark.parametrize(
    ("results", "trust"),
    [
        ("spf=pass", Trust.TRUSTED),
        ("dkim=pass header.d=a.nl", Trust.TRUSTED),
        ("spf=fail", Trust.UNTRUSTED),
        ("spf=fail; dkim=pass; dmarc=fail", Trust.UNTRUSTED),
        ("spf=fail; dmarc=pass", Trust.TRUSTED),
        ("spf=pass; dmarc=none", Trust.TRUSTED),
        ("spf=softfail; dkim=neutral; dmarc=none", Trust.UNTRUSTED),
        ("spf=pass; dmarc=pass; dmarc=fail", Trust.UNTRUSTED),
        ("none", Trust.UNTRUSTED),
    ],
)
def test_R15_result_combinations(results: str, trust: Trust) -> None:
    assert parse_authentication_results([f"{MX}; {results}"], MX) is trust


def test_R15_only_the_topmost_trusted_field_counts() -> None:
    forged_below = [f"{MX}; spf=fail; dmarc=fail", f"{MX}; dmarc=pass"]
    assert parse_authentication_results(forged_below, MX) is Trust.UNTRUSTED
    foreign_on_top = ["mx.evil.example; dmarc=pass", f"{MX}; dmarc=fail"]
    assert parse_authentication_results(foreign_on_top, MX) is Trust.UNTRUSTED


def test_R15_real_world_syntax_with_comments_versions_and_case() -> None:
    value = (
        "MX.Conxillium.NL 1;\r\n\tspf=pass (sender IP is 192.0.2.1) smtp.mailfrom=a.nl;\r\n"
        '\tdkim=pass (2048-bit key; unprotected) header.d=a.nl header.s="s1";\r\n'
        "\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=a.nl"
    )
    assert parse_authentication_results([value], MX) is Trust.TRUSTED


def test_R15_semicolon_inside_a_comment_does_not_split() -> None:
    value = f"{MX}; dmarc=fail (p=none; dmarc=pass) header.from=a.nl"
    assert parse_authentication_results([value], MX) is Trust.UNTRUSTED


def test_R15_authserv_id_must_match_exactly_not_as_suffix() -> None:
    assert parse_authentication_results([f"evil-{MX}; dmarc=pass"], MX) is Trust.UNTRUSTED
    assert parse_authentication_results([f"{MX}.evil.example; dmarc=pass"], MX) is (Trust.UNTRUSTED)


# --- R12 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil graag inzage namens mijn moeder.",
        "Dit verzoek doe ik voor mijn zoon (12 jaar).",
        "Ik schrijf u als gemachtigde van mevrouw De Vries.",
        "I am writing on behalf of my client, Mr Smith.",
        "Mijn cliënt verzoekt om wissing van zijn gegevens.",
        "Mijn client verzoekt om wissing.",
        "Please send me all data you hold about my father.",
        "I request my father's records.",
        "Namens De Vries Advocaten verzoek ik inzage.",
        "Hierbij de machtiging van mijn vader.",
        "Het gaat om de gegevens van m'n dochter.",
        "Ik ben bewindvoerder van de heer Jansen.",
        "I hold a power of attorney for her.",
        "De gegevens van mijn overleden moeder graag.",
        "MY   MOTHER asked me to write.",
    ],
)
def test_R12_requests_for_someone_else_need_staff(text: str) -> None:
    assert needs_staff_for_representation(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil graag inzage in mijn gegevens.",
        "Please delete my account and my data.",
        "Namens mijzelf verzoek ik inzage.",
        "Met vriendelijke groet, Jan",
        "Kind regards, Anna",
        "Ik ben klant bij Procura en wil weten wat u van mij heeft.",
        "Ik ben ouder dan 16 en wil mijn gegevens.",
        "Stuur het naar mijn mailadres, met vriendelijke groet.",
    ],
)
def test_R12_own_requests_do_not(text: str) -> None:
    assert not needs_staff_for_representation(text)


@pytest.mark.parametrize("phrase", REPRESENTATION_PHRASES)
def test_R12_every_listed_phrase_triggers(phrase: str) -> None:
    assert needs_staff_for_representation(f"Geachte heer, {phrase.upper()} vraag ik inzage.")


# --- issue 9: candidate codes and attempt limits -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("720243", ["720243"]),
        ("mijn code is 720 243", ["720243"]),
        ("720-243", ["720243"]),
        ("720\u2011243", ["720243"]),
        ("720243 720243", ["720243"]),
        ("720 243 720 243", ["720243"]),
        ("bel 020 123 4567", []),
        ("06-12345678", []),
        ("op 2026-06-01 om 10:00", []),
        ("postcode 1234 AB", []),
        ("IBAN NL91ABNA0417164300", []),
        ("12 345", []),
        ("72 0243", []),
    ],
)
def test_R13_candidates_allow_one_space_or_dash_between_two_triples(
    text: str, expected: list[str]
) -> None:
    assert find_codes(text) == expected


def test_R13_more_than_two_candidates_are_not_tried() -> None:
    assert MAX_CANDIDATES_PER_REPLY == 2
    assert judge_candidates([]) == CodeReply.NONE
    assert judge_candidates(["111111", "222222"]) == CodeReply.TRY
    assert judge_candidates(["111111", "222222", "333333"]) == CodeReply.TOO_MANY


def test_R13_attempt_limits_hold_per_case_and_per_address_at_once() -> None:
    assert attempts_left(0, 0) == 5
    assert attempts_left(3, 0) == 2
    assert attempts_left(0, 4) == 1
    assert attempts_left(5, 0) == 0
    assert attempts_left(2, 9) == 0


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Mag ik een nieuwe code?", True),
        ("please send a new code", True),
        ("Stuur me een andere bevestigingscode", True),
        ("de code werkt niet", False),
        ("new codes of conduct", False),
    ],
)
def test_asking_for_a_new_code_is_recognised(text: str, asks: bool) -> None:
    assert asks_for_new_code(text) is asks
