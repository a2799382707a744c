"""docs/rules.md R18 (destination), R19 (our headers and subject) and R20 (rate limit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacybot.replies.headers import (
    Decision,
    OutboundKind,
    auto_submitted_value,
    make_message_id,
    may_auto_reply_to,
    rate_limit_decision,
    reply_headers,
    reply_subject,
    strip_subject,
)

NOW = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)

# --- R18 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "No-Reply+x@a.nl",
        "owner-l@a.nl",
        "list-request@a.nl",
        "noreply@a.nl",
        "no_reply@a.nl",
        "do-not-reply@a.nl",
        "DoNotReply@a.nl",
        "MAILER-DAEMON@a.nl",
        "postmaster@a.nl",
        "listserv@a.nl",
        "majordomo@a.nl",
        "bounce@a.nl",
        "bounces+123@a.nl",
        "news-bounces@a.nl",
        '"no-reply"@a.nl',
        "Nieuwsbrief <noreply@a.nl>",
    ],
)
def test_R18_robot_and_list_addresses_are_blocked(address: str) -> None:
    allowed, reason = may_auto_reply_to(address)
    assert not allowed
    assert reason and "R18" not in reason  # staff read it: no internal rule ids


@pytest.mark.parametrize(
    "address",
    ["noreen@a.nl", "Jan@a.nl", "Jan de Vries <jan@a.nl>", "replyall@a.nl", "bouncer@a.nl"],
)
def test_R18_ordinary_mailboxes_are_allowed(address: str) -> None:
    assert may_auto_reply_to(address) == Decision(True, "a single ordinary mailbox")


@pytest.mark.parametrize("address", ["", "not an address", "a@b.nl, c@d.nl", "@a.nl"])
def test_R18_not_exactly_one_mailbox_is_blocked(address: str) -> None:
    assert not may_auto_reply_to(address).allowed


def test_R18_reason_never_repeats_the_address() -> None:
    assert "owner-l" not in may_auto_reply_to("owner-l@a.nl").reason


# --- R19 ----------------------------------------------------------------------


def test_R19_references_are_parent_references_plus_parent_id() -> None:
    assert reply_headers("<a@x>", "<r@x>", None) == {
        "In-Reply-To": "<a@x>",
        "References": "<r@x> <a@x>",
    }


def test_R19_references_as_parsed_tuple() -> None:
    headers = reply_headers("<a@x>", ("<r1@x>", "<r2@x>"), "<r2@x>")
    assert headers["References"] == "<r1@x> <r2@x> <a@x>"


def test_R19_without_references_use_the_single_in_reply_to() -> None:
    assert reply_headers("<a@x>", None, "<p@x>") == {
        "In-Reply-To": "<a@x>",
        "References": "<p@x> <a@x>",
    }


def test_R19_in_reply_to_with_several_ids_is_not_used() -> None:
    assert reply_headers("<a@x>", None, "<p@x> <q@x>")["References"] == "<a@x>"


def test_R19_parent_without_any_ids_gives_no_headers() -> None:
    assert reply_headers(None, None, None) == {}
    assert reply_headers("", "", "") == {}


def test_R19_parent_without_message_id_keeps_its_references() -> None:
    assert reply_headers(None, "<r@x>", None) == {"References": "<r@x>"}


def test_R19_parent_id_not_repeated_when_already_last() -> None:
    assert reply_headers("<a@x>", "<r@x> <a@x>", None)["References"] == "<r@x> <a@x>"


@pytest.mark.parametrize(
    ("original", "stripped"),
    [
        ("Inzage", "Inzage"),
        ("Re: Inzage", "Inzage"),
        ("RE: Antw: AW: Fw: FWD: Doorst: auto: Inzage", "Inzage"),
        ("Re: [PRV-2026-00042] Re: Inzage", "Inzage"),
        ("[prv-2026-00042] Inzage [PRV-2026-00042]", "Inzage"),
        ("Re[2]: Inzage", "Inzage"),
        ("Reactie op mijn verzoek", "Reactie op mijn verzoek"),
        ("Re:", ""),
        ("Vraag:\r\n Re: gegevens", "Vraag: Re: gegevens"),
    ],
)
def test_R19_subject_strips_prefixes_and_tokens(original: str, stripped: str) -> None:
    assert strip_subject(original) == stripped


def test_R19_bot_subject() -> None:
    assert (
        reply_subject("PRV-2026-00042", "Re: Antw: Inzage", automatic=True)
        == "Auto: [PRV-2026-00042] Inzage"
    )


def test_R19_staff_subject() -> None:
    assert (
        reply_subject("prv-2026-00042", "Fwd: [PRV-2026-00042] Inzage", automatic=False)
        == "Re: [PRV-2026-00042] Inzage"
    )


def test_R19_subject_without_original() -> None:
    assert reply_subject("PRV-2026-00042", "", automatic=True) == "Auto: [PRV-2026-00042]"


def test_R19_subject_needs_a_reference() -> None:
    with pytest.raises(ValueError):
        reply_subject("42", "Inzage", automatic=True)


@given(st.text(max_size=80))
def test_R19_subject_is_one_line_and_stable(original: str) -> None:
    subject = reply_subject("PRV-2026-00042", original, automatic=True)
    assert subject.startswith("Auto: [PRV-2026-00042]")
    assert "\n" not in subject and "\r" not in subject
    assert reply_subject("PRV-2026-00042", subject, automatic=True) == subject


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (OutboundKind.BOT_RESPONSE, "auto-replied"),
        (OutboundKind.TIMER, "auto-generated"),
        (OutboundKind.STAFF, None),
    ],
)
def test_R19_auto_submitted_by_kind(kind: OutboundKind, value: str | None) -> None:
    assert auto_submitted_value(kind) == value


def test_R19_make_message_id() -> None:
    assert make_message_id("privacy.conxillium.nl", "d-17.ab") == "<d-17.ab@privacy.conxillium.nl>"


@pytest.mark.parametrize(
    ("domain", "token"),
    [("privacy.conxillium.nl", "a b"), ("privacy.conxillium.nl", "a@b"), ("", "x"), ("a b", "x")],
)
def test_R19_make_message_id_refuses_bad_parts(domain: str, token: str) -> None:
    with pytest.raises(ValueError):
        make_message_id(domain, token)


# --- R20 ----------------------------------------------------------------------


def test_R20_fourth_automatic_message_in_24_hours_is_not_sent() -> None:
    sent = [NOW - timedelta(hours=h) for h in (1, 5, 23)]
    allowed, reason = rate_limit_decision(sent, NOW, acks_already_for_case=0, is_ack=False)
    assert not allowed
    assert reason.startswith("rate_limited")


def test_R20_third_is_still_sent() -> None:
    sent = [NOW - timedelta(hours=h) for h in (1, 5)]
    assert rate_limit_decision(sent, NOW, 0, is_ack=False).allowed


def test_R20_the_24_hours_roll() -> None:
    sent = [NOW - timedelta(hours=h) for h in (1, 5, 24)]
    assert rate_limit_decision(sent, NOW, 0, is_ack=False).allowed


def test_R20_at_most_ten_in_seven_days() -> None:
    sent = [NOW - timedelta(days=d, hours=2) for d in range(1, 7) for _ in range(2)][:10]
    decision = rate_limit_decision(sent, NOW, 0, is_ack=False)
    assert not decision.allowed
    assert "7 days" in decision.reason
    assert rate_limit_decision(sent[:9], NOW, 0, is_ack=False).allowed


def test_R20_one_acknowledgment_per_case() -> None:
    assert rate_limit_decision([], NOW, acks_already_for_case=0, is_ack=True).allowed
    decision = rate_limit_decision([], NOW, acks_already_for_case=1, is_ack=True)
    assert not decision.allowed
    assert "acknowledgment" in decision.reason
    assert rate_limit_decision([], NOW, acks_already_for_case=1, is_ack=False).allowed


def test_R20_caps_are_parameters() -> None:
    sent = [NOW - timedelta(hours=1)]
    assert not rate_limit_decision(sent, NOW, 0, is_ack=False, max_per_day=1).allowed
    assert not rate_limit_decision(sent, NOW, 0, is_ack=False, max_per_week=1).allowed
    assert rate_limit_decision([], NOW, 1, is_ack=True, max_acks_per_case=2).allowed


def test_R20_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        rate_limit_decision([], datetime(2026, 6, 10, 12, 0), 0, is_ack=False)
