"""Every rule of the decision chain by its id: it fires when it should, and only then.

Each test builds the facts by hand and calls the rule's check (and, where the effect
matters, the whole chain), so a rule can be read and cited by its id alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from privacybot.cases.threading import ThreadAction, ThreadDecision
from privacybot.decision import Action, BouncedDraft, CodeUse, Limits, decide
from privacybot.decision.chain import CHAINS, rule_ids_in_chains
from privacybot.decision.rules import BY_ID, RULES
from privacybot.domain import CaseStatus, Label, Language
from privacybot.replies.kinds import ReplyKind
from tests.decision import factory as f


def fires(rule: str, facts: object) -> str | None:
    return BY_ID[rule].check(facts)  # type: ignore[arg-type]


def kinds(verdict: object) -> list[ReplyKind]:
    return [reply.kind for reply in verdict.replies]  # type: ignore[attr-defined]


def test_every_rule_is_in_a_chain_and_every_link_names_a_rule() -> None:
    assert rule_ids_in_chains() == set(BY_ID)
    assert len(BY_ID) == len(RULES), "two rules share an id"
    for links in CHAINS.values():
        for link in links:
            assert link.then in ("stop", "continue") or link.then in CHAINS


def test_every_rule_id_has_a_test_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    missing = [rule for rule in BY_ID if f'"{rule}"' not in source]
    assert not missing, missing


# --- intake ------------------------------------------------------------------------------


def test_R17_own_bounce_attaches_the_report_to_the_case_of_our_letter() -> None:
    report = f.result(automatic=True, automatic_reason="multipart/report")
    facts = f.facts(report, bounced=BouncedDraft(11, 7, "<prv.1@conxillium.nl>"))
    assert fires("R17-own-bounce", facts)
    verdict = decide(facts)
    assert verdict.action == Action.BOUNCE and verdict.bounced_draft_id == 11
    assert verdict.case_id == 7 and verdict.replies == ()
    assert not fires("R17-own-bounce", f.facts(report))


def test_R16_automatic_mail_is_never_answered_and_waits_for_staff() -> None:
    auto = f.result(automatic=True, automatic_reason="Auto-Submitted: auto-replied")
    verdict = decide(f.facts(auto))
    assert verdict.action == Action.AUTOMATIC and verdict.replies == ()
    assert "Auto-Submitted" in (verdict.queue_reason or "")
    assert not fires("R16-automatic", f.facts())


@pytest.mark.parametrize(
    ("mailboxes", "reason"), [(("a@x.nl", "b@y.nl"), "2 mailboxes"), ((), "no mailbox")]
)
def test_R18_one_sender_sends_anything_else_to_staff(
    mailboxes: tuple[str, ...], reason: str
) -> None:
    res = f.result(sender=None, from_mailboxes=mailboxes)
    verdict = decide(f.facts(res))
    assert verdict.action == Action.STAFF and reason in (verdict.queue_reason or "")
    assert verdict.replies == ()
    assert not fires("R18-one-sender", f.facts())


def test_R22_attach_goes_to_the_follow_up_chain() -> None:
    facts = f.facts(f.result("Bedankt!"), thread=f.attached(), case_facts=f.case())
    assert fires("R22-attach", facts)
    verdict = decide(facts)
    assert verdict.action == Action.ATTACH and verdict.case_id == 7
    assert "R22-message-added" in verdict.rule_ids


# --- a new request --------------------------------------------------------------------


def test_R23_closed_parent_links_the_new_case_and_keeps_its_rights() -> None:
    thread = ThreadDecision(ThreadAction.NEW_CHILD_OF_CLOSED, "R23", "case closed", None, 7)
    res = f.result("Nog één ding.", (Label.OTHER,), confidence=0.9)
    closed = f.case(status=CaseStatus.CLOSED, verified=True)
    verdict = decide(f.facts(res, thread=thread, case_facts=closed))
    assert "R23-closed-parent" in verdict.rule_ids
    assert verdict.action == Action.OPEN and verdict.parent_case_id == 7
    assert verdict.rights == (Label.ACCESS,)


def test_no_right_foreign_asks_in_english_without_a_case() -> None:
    res = f.result("Ich möchte wissen", (Label.OTHER,), foreign_language=True)
    verdict = decide(f.facts(res))
    assert verdict.action == Action.NO_CASE_REPLY and "no-right-foreign" in verdict.rule_ids
    assert kinds(verdict) == [ReplyKind.CLARIFICATION]
    assert verdict.replies[0].language == Language.EN and not verdict.replies[0].automatic


def test_no_right_question_drafts_an_answer_for_staff() -> None:
    verdict = decide(f.facts(f.result("Hoe lang bewaren jullie gegevens?", (Label.QUESTION,))))
    assert verdict.action == Action.NO_CASE_REPLY and "no-right-question" in verdict.rule_ids
    assert kinds(verdict) == [ReplyKind.ANSWER_QUESTION] and not verdict.replies[0].automatic


def test_a_complaint_alone_becomes_a_tracked_case_with_its_own_clock() -> None:
    res = f.result("Mijn verzoek van maart is nooit beantwoord!", (Label.COMPLAINT,))
    verdict = decide(f.facts(res))
    assert verdict.action == Action.OPEN and verdict.rights == (Label.COMPLAINT,)
    [ack] = verdict.replies
    assert ack.kind == ReplyKind.ACKNOWLEDGMENT and ack.code == CodeUse.NEW


def test_no_right_sends_an_uncertain_message_to_staff_with_its_confidence() -> None:
    verdict = decide(f.facts(f.result("???", (Label.OTHER,), confidence=0.31)))
    assert verdict.action == Action.STAFF and "no-right" in verdict.rule_ids
    assert "0.31" in (verdict.queue_reason or "")


def test_repeat_request_joins_the_open_case_it_repeats() -> None:
    facts = f.facts(recent_cases=(f.recent(),))
    verdict = decide(facts)
    assert verdict.action == Action.ATTACH and verdict.case_id == 3
    assert "repeat-request" in verdict.rule_ids and verdict.replies == ()
    old = f.recent(opened=f.NOW - timedelta(hours=30))
    assert not fires("repeat-request", f.facts(recent_cases=(old,)))


COMPLAINT = "Ik ben het niet eens met hoe u mijn verzoek heeft afgehandeld. Ik dien een klacht in."


def test_a_complaint_naming_no_case_is_linked_to_the_senders_latest_case() -> None:
    earlier = f.recent(opened=f.NOW - timedelta(days=40), closed=True)
    complaint = f.result(COMPLAINT, labels=(Label.COMPLAINT,), company=None)
    verdict = decide(f.facts(complaint, earlier=earlier))
    assert "complaint-about-case" in verdict.rule_ids
    assert verdict.action == Action.OPEN and verdict.parent_case_id == earlier.id
    assert verdict.company == "Procura" and verdict.rights == (Label.COMPLAINT,)


def test_a_complaint_that_names_a_company_or_has_no_earlier_case_is_not_linked() -> None:
    earlier = f.recent(opened=f.NOW - timedelta(days=40))
    named = f.result(
        COMPLAINT + " Het gaat om GeoTax.", labels=(Label.COMPLAINT,), company="GeoTax"
    )
    assert not fires("complaint-about-case", f.facts(named, earlier=earlier))
    alone = f.result(COMPLAINT, labels=(Label.COMPLAINT,), company=None)
    assert not fires("complaint-about-case", f.facts(alone))
    assert decide(f.facts(alone)).company is None  # all eight companies, as before
    access = f.result(company=None)  # not a complaint: a new request stands on its own
    assert not fires("complaint-about-case", f.facts(access, earlier=earlier))


def test_new_case_cap_sends_the_next_request_to_staff() -> None:
    others = tuple(
        f.recent(id=n, reference=f"PRV-2026-0000{n}", company="GeoTax", text=f"anders {n}")
        for n in range(5)
    )
    verdict = decide(f.facts(recent_cases=others))
    assert verdict.action == Action.STAFF and "new-case-cap" in verdict.rule_ids
    limits = Limits(max_new_cases_per_address=6)
    assert decide(f.facts(recent_cases=others, limits=limits)).action == Action.OPEN


def test_R22_token_mismatch_flags_a_stranger_using_a_reference() -> None:
    thread = ThreadDecision(ThreadAction.NEW_TOKEN_MISMATCH, "R22.3", "token from another")
    verdict = decide(f.facts(thread=thread))
    assert verdict.action == Action.OPEN and "R22-token-mismatch" in verdict.rule_ids
    assert "case reference from another address" in verdict.staff_flags


def test_R15_untrusted_sender_gets_no_automatic_mail() -> None:
    header = (("Authentication-Results", "mx.conxillium.nl; spf=fail; dmarc=fail"),)
    trusted = Limits(trusted_authserv_id="mx.conxillium.nl")
    verdict = decide(f.facts(f.result(headers=header), limits=trusted))
    assert "R15-untrusted" in verdict.rule_ids
    assert verdict.replies and not any(r.automatic for r in verdict.replies)
    assert all(r.code == CodeUse.NONE for r in verdict.replies)


def test_R12_on_behalf_gets_a_neutral_acknowledgment_only() -> None:
    res = f.result("Ik wil namens mijn moeder inzage in haar gegevens.")
    verdict = decide(f.facts(res))
    assert "R12-on-behalf" in verdict.rule_ids
    assert kinds(verdict) == [ReplyKind.REPRESENTATION_ACK, ReplyKind.REPRESENTATION_PROOF]
    assert all(r.code == CodeUse.NONE for r in verdict.replies)
    assert verdict.replies[0].automatic and not verdict.replies[1].automatic
    assert verdict.replies[1].extra["minor"] is False
    child = decide(f.facts(f.result("Ik vraag inzage voor mijn zoon van 12, als ouder.")))
    assert child.replies[1].extra["minor"] is True
    assert "request for a minor" in child.staff_flags


def test_R16_no_auto_answer_withholds_automatic_replies() -> None:
    verdict = decide(f.facts(f.result(suppress_auto_answer=True)))
    assert "R16-no-auto-answer" in verdict.rule_ids
    assert not any(r.automatic for r in verdict.replies)


@pytest.mark.parametrize("sender", ["kees.@example.nl", '"a b"@example.nl', "kees@example.nl."])
def test_R18_unusable_address_is_flagged_and_gets_nothing_automatic(sender: str) -> None:
    verdict = decide(f.facts(f.result(sender=sender)))
    assert "R18-unusable-address" in verdict.rule_ids
    assert not any(r.automatic for r in verdict.replies)


@pytest.mark.parametrize("sender", ["no-reply@example.nl", "owner-list@example.nl"])
def test_R18_robot_address_gets_nothing_automatic(sender: str) -> None:
    verdict = decide(f.facts(f.result(sender=sender)))
    assert "R18-robot-address" in verdict.rule_ids
    assert not any(r.automatic for r in verdict.replies)


def test_low_confidence_opens_the_case_but_asks_staff_to_check() -> None:
    verdict = decide(f.facts(f.result(confidence=0.7)))
    assert verdict.action == Action.OPEN and "low-confidence" in verdict.rule_ids
    assert any("0.70" in flag for flag in verdict.staff_flags)
    assert not fires("low-confidence", f.facts(f.result(confidence=0.85)))
    assert fires(
        "low-confidence", f.facts(f.result(confidence=0.85), limits=Limits(review_confidence=0.9))
    )


def test_foreign_language_with_a_right_opens_and_is_answered_in_english() -> None:
    verdict = decide(f.facts(f.result("Auskunft bitte", foreign_language=True)))
    assert "foreign-language" in verdict.rule_ids and verdict.language == Language.EN


def test_R9_reduces_only_acts_at_once_without_a_code() -> None:
    res = f.result("Stuur mij geen nieuwsbrief meer.", (Label.OBJECTION,))
    verdict = decide(f.facts(res))
    assert "R9-reduces-only" in verdict.rule_ids and verdict.accept_unverified
    assert kinds(verdict)[0] == ReplyKind.ACKNOWLEDGMENT
    assert ReplyKind.ANSWER_OBJECTION_MARKETING in kinds(verdict)
    assert all(r.code == CodeUse.NONE for r in verdict.replies)
    ordinary = f.result("Ik maak bezwaar tegen het gebruik van mijn gegevens.", (Label.OBJECTION,))
    assert not fires("R9-reduces-only", f.facts(ordinary))


def test_R13_verify_first_acknowledges_with_a_code() -> None:
    verdict = decide(f.facts())
    assert verdict.rule_ids[-1] == "R13-verify-first"
    [ack] = verdict.replies
    assert ack.kind == ReplyKind.ACKNOWLEDGMENT and ack.code == CodeUse.NEW and ack.automatic


# --- a follow-up on a case --------------------------------------------------------------


def _reply(body: str, *plain: str, sender: str = f.SENDER, **code_kw: int) -> object:
    c = f.case()
    return f.facts(
        f.result(body, (Label.OTHER,), sender=sender),
        thread=f.attached(c),
        case_facts=c,
        code_facts=f.codes(*plain, **code_kw) if sender == f.SENDER else None,
    )


def test_R22_message_added_never_moves_dates_and_is_recorded() -> None:
    verdict = decide(_reply("Nog een vraag", "123456"))  # type: ignore[arg-type]
    assert verdict.rule_ids[:2] == ("R22-attach", "R22-message-added")


def test_R16_no_auto_answer_also_holds_on_a_follow_up() -> None:
    c = f.case()
    facts = f.facts(
        f.result("123456", suppress_auto_answer=True), thread=f.attached(c), case_facts=c,
        code_facts=f.codes("123456"),
    )  # fmt: skip
    verdict = decide(facts)
    assert "R16-no-auto-answer" in verdict.rule_ids
    assert not any(r.automatic for r in verdict.replies)


def test_R13_code_from_stranger_is_never_tried() -> None:
    verdict = decide(_reply("code 123456", "123456", sender="eve@evil.example"))  # type: ignore[arg-type]
    assert "R13-code-from-stranger" in verdict.rule_ids
    assert not verdict.verifies and verdict.code_attempts == ()


def test_R13_new_code_asked_sends_one() -> None:
    verdict = decide(_reply("Mag ik een nieuwe code?", "123456"))  # type: ignore[arg-type]
    assert "R13-new-code-asked" in verdict.rule_ids
    assert [(r.kind, r.code) for r in verdict.replies] == [
        (ReplyKind.VERIFICATION_CODE, CodeUse.NEW)
    ]


def test_R13_too_many_codes_tries_none() -> None:
    verdict = decide(_reply("111111 222222 333333", "222222"))  # type: ignore[arg-type]
    assert "R13-too-many-codes" in verdict.rule_ids
    assert not verdict.verifies and verdict.code_attempts == ()


def test_R13_locked_tries_nothing_not_even_the_right_code() -> None:
    verdict = decide(_reply("123456", "123456", wrong_case=5))  # type: ignore[arg-type]
    assert "R13-locked" in verdict.rule_ids and not verdict.verifies
    verdict = decide(_reply("123456", "123456", wrong_address=5))  # type: ignore[arg-type]
    assert "R13-locked" in verdict.rule_ids and not verdict.verifies


def test_R13_expired_brings_a_fresh_code() -> None:
    verdict = decide(_reply("123456", "123456", age_h=25))  # type: ignore[arg-type]
    assert "R13-expired" in verdict.rule_ids and not verdict.verifies
    assert verdict.replies[0].extra["renewed"] is True


def test_R13_code_ok_verifies_confirms_and_drafts_the_answers() -> None:
    verdict = decide(_reply("Mijn code: 123 456", "123456"))  # type: ignore[arg-type]
    assert "R13-code-ok" in verdict.rule_ids and verdict.verifies
    assert verdict.code_attempts == (True,)
    assert kinds(verdict) == [ReplyKind.VERIFICATION_CONFIRMED, ReplyKind.ANSWER_ACCESS]
    refused = f.case(refused=True)
    facts = f.facts(f.result("123456"), thread=f.attached(refused), case_facts=refused,
                    code_facts=f.codes("123456"))  # fmt: skip
    assert kinds(decide(facts)) == [ReplyKind.VERIFICATION_CONFIRMED]


def test_R13_code_wrong_counts_and_says_how_to_go_on() -> None:
    verdict = decide(_reply("654321", "123456"))  # type: ignore[arg-type]
    assert "R13-code-wrong" in verdict.rule_ids and verdict.code_attempts == (False,)
    [reply] = verdict.replies
    assert reply.kind == ReplyKind.VERIFICATION_FAILED and reply.extra["locked"] is False


def test_R13_locked_now_flags_staff_when_the_last_attempt_is_used() -> None:
    verdict = decide(_reply("654321", "123456", wrong_case=4))  # type: ignore[arg-type]
    assert "R13-locked-now" in verdict.rule_ids
    assert verdict.replies[0].extra["locked"] is True
    assert any("too many wrong codes" in flag for flag in verdict.staff_flags)


def test_follow_up_verified_flags_a_new_message_for_staff() -> None:
    c = f.case(status=CaseStatus.OPEN, verified=True)
    verdict = decide(f.facts(f.result("En nog iets"), thread=f.attached(c), case_facts=c))
    assert "follow-up-verified" in verdict.rule_ids
    assert "new message from the requester" in verdict.staff_flags


def test_every_verdict_keeps_the_reasons_of_its_rules() -> None:
    verdict = decide(f.facts(f.result(confidence=0.7)))
    data = verdict.as_json()
    assert data["action"] == "open"
    assert {h["rule"] for h in data["hits"]} >= {"low-confidence", "R13-verify-first"}
    assert all(h["reason"] for h in data["hits"])
    assert replace(verdict, hits=()).rule_ids == ()


# --- special senders (issue 12.6) ----------------------------------------------------------


def test_ap_letter_goes_to_staff_at_once_without_any_reply() -> None:
    res = f.result(
        "Geachte heer, mevrouw, wij hebben een klacht ontvangen over uw organisatie.",
        (Label.COMPLAINT,),
        sender="toezicht@autoriteitpersoonsgegevens.nl",
    )
    verdict = decide(f.facts(res))
    assert "ap-letter" in verdict.rule_ids and verdict.action == Action.STAFF
    assert verdict.urgent and verdict.replies == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ik kon via jullie portaal de gegevens van andere mensen inzien: een datalek!",
        "Your export at /files is publicly accessible, anyone can download it.",
        "I received someone else's letter with their address and tax number.",
    ],
)
def test_breach_report_alerts_staff_and_drafts_only_a_thank_you(text: str) -> None:
    verdict = decide(f.facts(f.result(text, (Label.COMPLAINT,))))
    assert "breach-report" in verdict.rule_ids and verdict.urgent
    assert verdict.action == Action.STAFF and "72 hours" in (verdict.queue_reason or "")
    assert kinds(verdict) == [ReplyKind.BREACH_THANKS] and not verdict.replies[0].automatic
    assert all(r.code == CodeUse.NONE for r in verdict.replies)


def test_deceased_gets_a_kind_letter_not_a_case() -> None:
    res = f.result(
        "Mijn vader is vorige maand overleden. Verwijder zijn account.", (Label.ERASURE,)
    )
    verdict = decide(f.facts(res))
    assert "deceased" in verdict.rule_ids and verdict.action == Action.NO_CASE_REPLY
    assert kinds(verdict) == [ReplyKind.DECEASED] and not verdict.replies[0].automatic


def test_R9_acts_at_once_beside_a_right_that_waits_for_the_code() -> None:
    res = f.result(
        "Ik trek mijn toestemming in en wil inzage in mijn gegevens.",
        (Label.ACCESS, Label.WITHDRAW_CONSENT),
    )
    verdict = decide(f.facts(res))
    assert "R9-acts-at-once" in verdict.rule_ids and "R13-verify-first" in verdict.rule_ids
    assert verdict.reduce_now == (Label.WITHDRAW_CONSENT,)
    assert kinds(verdict) == [ReplyKind.ACKNOWLEDGMENT, ReplyKind.ANSWER_WITHDRAW_CONSENT]
    assert verdict.replies[0].code == CodeUse.NEW


def test_R22_new_right_on_a_case_opens_a_linked_case_for_it() -> None:
    c = f.case(status=CaseStatus.OPEN, verified=True)
    res = f.result("Verwijder nu ook alles graag.", (Label.ERASURE,))
    verdict = decide(f.facts(res, thread=f.attached(c), case_facts=c))
    assert "R22-new-right" in verdict.rule_ids
    assert verdict.action == Action.OPEN and verdict.parent_case_id == c.id
    assert verdict.rights == (Label.ERASURE,)


def test_a_reminder_on_an_open_case_opens_a_complaint_case() -> None:
    c = f.case(status=CaseStatus.OPEN, verified=True)
    res = f.result("Ik heb nog steeds niets gehoord!", (Label.ACCESS, Label.COMPLAINT))
    verdict = decide(f.facts(res, thread=f.attached(c), case_facts=c))
    assert verdict.action == Action.OPEN and verdict.rights == (Label.COMPLAINT,)


# --- marketing: by request, never by a keyword (issue 12.2) ----------------------------------


@pytest.mark.parametrize(
    ("text", "marketing"),
    [
        ("Stuur mij geen nieuwsbrief meer.", True),
        ("Please unsubscribe me from all marketing.", True),
        (
            "Ik maak bezwaar tegen het gebruik van mijn gegevens voor de WOZ. Jullie nieuwsbrief"
            " is trouwens prima.",
            False,
        ),
        (
            "I object to you processing my data for the permit system; I also got your newsletter.",
            False,
        ),
        ("Ik maak bezwaar tegen profilering.", False),
    ],
)
def test_an_ordinary_objection_is_never_turned_into_the_marketing_answer(
    text: str, marketing: bool
) -> None:
    from privacybot.decision.rules import is_marketing_objection

    assert is_marketing_objection(text) is marketing
    verdict = decide(f.facts(f.result(text, (Label.OBJECTION,))))
    expected = ReplyKind.ANSWER_OBJECTION_MARKETING if marketing else None
    assert (expected in kinds(verdict)) is marketing


def test_a_marketing_objection_that_withdraws_consent_gets_one_letter() -> None:
    res = f.result(
        "Stop met jullie nieuwsbrief, ik trek mijn toestemming in.",
        (Label.OBJECTION, Label.WITHDRAW_CONSENT),
    )
    verdict = decide(f.facts(res))
    answers = [k for k in kinds(verdict) if k != ReplyKind.ACKNOWLEDGMENT]
    assert answers == [ReplyKind.ANSWER_MARKETING_AND_CONSENT]
