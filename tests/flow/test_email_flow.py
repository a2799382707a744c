"""A citizen's email through triage, cases, identity and drafts on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from privacybot.db.session import transaction
from privacybot.service import drafts
from privacybot.staff import add_staff
from tests.flow.helpers import Flow, mail, make_flow

ACCESS_NL = (
    "Goedemiddag,\n\nIk wil graag inzage in mijn persoonsgegevens bij Procura.\n\nGroet,\nAnna"
)


@pytest.fixture
def flow(engine: Engine) -> Flow:
    f = make_flow(engine)
    with transaction(engine) as s:
        add_staff(s, email="olga@conxillium.nl", role="officer", password=None, now=f.clock.now())
        add_staff(s, email="bram@conxillium.nl", role="officer", password=None, now=f.clock.now())
    return f


def _approve(flow: Flow, draft_id: int, staff: str = "olga@conxillium.nl") -> None:
    with transaction(flow.engine) as s:
        drafts.approve(s, draft_id, staff=staff, outgoing=flow.desk.outgoing, now=flow.clock.now())


def test_a_request_opens_a_case_and_sends_an_acknowledgment_with_a_code(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    [case] = flow.cases()
    assert case.reference == "PRV-2026-00001"
    assert case.rights == ["access"]
    assert case.company == "Procura"
    assert case.status == "awaiting_verification"
    assert case.due == date(2026, 6, 29)
    [item] = flow.outbox()
    assert item.automatic
    assert b"Auto-Submitted: auto-replied" in item.raw
    assert b"[PRV-2026-00001]" in item.raw
    assert len(flow.code_sent()) == 6
    assert [e.action for e in flow.events()][-4:] == [
        "code_issued",
        "draft_created",
        "queued",
        "case_opened",
    ] or "case_opened" in [e.action for e in flow.events()]


def test_R13_a_reply_with_the_code_verifies_and_drafts_the_answer(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    flow.advance(hours=3)
    flow.receive(mail(f"Hier is de code: {code}", subject=ack.subject, in_reply_to=ack.message_id))
    [case] = flow.cases()
    assert case.verified and case.status == "open"
    answer = flow.drafts()[-1]
    assert answer.kind == "answer_access"
    assert answer.status == "awaiting_approval"
    assert answer.contains_personal_data


def test_R13_a_code_only_in_quoted_text_does_not_verify(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    body = f"Dank u.\n\nOp 1 juni 2026 schreef Privacyteam:\n> Uw code is {code}\n"
    flow.receive(mail(body, subject=ack.subject, in_reply_to=ack.message_id))
    assert not flow.cases()[0].verified


def test_R13_the_right_code_after_five_wrong_ones_fails(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        flow.receive(mail(f"code {wrong}", subject=ack.subject, in_reply_to=ack.message_id))
    flow.receive(mail(f"code {code}", subject=ack.subject, in_reply_to=ack.message_id))
    [case] = flow.cases()
    assert not case.verified
    assert case.needs_staff


def test_R13_an_expired_code_does_not_verify(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    flow.advance(hours=24)
    flow.receive(mail(f"code {code}", subject=ack.subject, in_reply_to=ack.message_id))
    assert not flow.cases()[0].verified


def test_R12_no_personal_data_is_approved_for_an_unverified_requester(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    flow.receive(mail(f"code {code}", subject=ack.subject, in_reply_to=ack.message_id))
    answer = flow.drafts()[-1]
    with Session(flow.engine) as s:
        case = s.get(type(flow.cases()[0]), flow.cases()[0].id)
        assert case is not None
    # Force the case back to unverified: the gate must hold in code, not by luck.
    with transaction(flow.engine) as s:
        c = s.get(type(case), case.id)
        assert c is not None
        c.verified = False
        s.add(c)
    with transaction(flow.engine) as s:
        drafts.edit(
            s,
            answer.id or 0,
            staff="bram@conxillium.nl",
            body="Ingevuld antwoord.",
            now=flow.clock.now(),
        )
    with pytest.raises(drafts.DraftError, match="not verified"), transaction(flow.engine) as s:
        drafts.approve(
            s,
            answer.id or 0,
            staff="olga@conxillium.nl",
            outgoing=flow.desk.outgoing,
            now=flow.clock.now(),
        )


def test_four_eyes_an_edited_draft_needs_another_officer(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    code = flow.code_sent()
    ack = flow.drafts()[0]
    flow.receive(mail(f"code {code}", subject=ack.subject, in_reply_to=ack.message_id))
    answer = flow.drafts()[-1]
    with pytest.raises(drafts.DraftError, match="placeholders"):
        _approve(flow, answer.id or 0)
    with transaction(flow.engine) as s:
        drafts.edit(
            s,
            answer.id or 0,
            staff="olga@conxillium.nl",
            body="Uw gegevens: ...",
            now=flow.clock.now(),
        )
    with pytest.raises(drafts.DraftError, match="another officer"):
        _approve(flow, answer.id or 0, "olga@conxillium.nl")
    _approve(flow, answer.id or 0, "bram@conxillium.nl")
    assert flow.drafts()[-1].status == "queued"
    # acknowledgment, confirmation of the code, and the approved answer
    assert [item.automatic for item in flow.outbox()] == [True, True, False]
    assert b"Auto-Submitted" not in flow.outbox()[-1].raw


def test_R9_R15_untrusted_marketing_objection_is_recorded_without_any_reply(engine: Engine) -> None:
    flow = make_flow(engine, trusted="mx.conxillium.nl")
    raw = mail(
        "Ik wil geen nieuwsbrief meer ontvangen van DataQuint, ik maak bezwaar.",
        headers={"Authentication-Results": "mx.conxillium.nl; spf=fail; dmarc=fail"},
    )
    flow.receive(raw)
    [case] = flow.cases()
    assert case.needs_staff
    assert flow.events("processing_reduced")
    assert flow.outbox() == []


def test_R12_a_request_for_someone_else_goes_to_staff(flow: Flow) -> None:
    flow.receive(mail("Ik wil namens mijn moeder inzage in haar gegevens bij GeoTax."))
    [case] = flow.cases()
    assert case.needs_staff
    assert "on behalf of someone else" in (case.staff_reason or "")
    [row] = flow.inbound()
    assert row.verdict is not None
    assert "R12-on-behalf" in [hit["rule"] for hit in row.verdict["hits"]]
    ack, proof = flow.drafts()
    assert ack.kind == "representation_ack" and ack.status == "queued"  # neutral, at once
    assert proof.kind == "representation_proof" and proof.status == "awaiting_approval"


def test_R16_suppress_header_means_no_automatic_answer(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL, headers={"X-Auto-Response-Suppress": "All"}))
    [case] = flow.cases()
    assert case.needs_staff
    assert flow.outbox() == []
    assert flow.drafts()[0].status == "awaiting_approval"


def test_R16_automatic_mail_is_never_answered(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL, headers={"Auto-Submitted": "auto-replied"}))
    assert flow.cases() == []
    assert flow.outbox() == []
    assert flow.inbound()[0].automatic


def test_R17_a_bounce_of_our_ack_marks_the_case(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    ack = flow.drafts()[0]
    dsn = (
        "From: MAILER-DAEMON@example.nl\r\nTo: privacy@conxillium.nl\r\nSubject: Undelivered\r\n"
        "Message-ID: <dsn1@example.nl>\r\nAuto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.nl\r\n\r\n"
        "Final-Recipient: rfc822; anna@example.nl\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {ack.message_id}\r\nSubject: x\r\n\r\n--b--\r\n"
    ).encode()
    flow.receive(dsn)
    assert flow.events("delivery_failed")
    assert flow.cases()[0].needs_staff
    assert len(flow.outbox()) == 1


def test_R18_no_automatic_reply_to_a_noreply_sender(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL, sender="No-Reply+x@example.nl"))
    assert flow.cases()[0].needs_staff
    assert flow.outbox() == []


def test_R20_fourth_automatic_message_to_one_address_in_a_day_is_not_sent(flow: Flow) -> None:
    for i in range(4):
        flow.receive(mail(ACCESS_NL.replace("Procura", ["GeoTax", "SIM", "Pharox", "I-Real"][i])))
        flow.advance(minutes=10)
    assert len(flow.cases()) == 4
    assert len(flow.outbox()) == 3
    assert flow.events("rate_limited")


def test_R22_a_token_from_a_stranger_opens_a_new_case(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    flow.receive(
        mail(
            "Ik wil inzage in mijn gegevens.",
            sender="someone@else.example",
            subject="Re: [PRV-2026-00001] Verzoek",
        )
    )
    cases = flow.cases()
    assert len(cases) == 2
    assert cases[1].needs_staff
    assert "another address" in (cases[1].staff_reason or "")


def test_R23_a_reply_to_a_closed_case_opens_a_linked_new_case(flow: Flow) -> None:
    flow.receive(mail(ACCESS_NL))
    first = flow.cases()[0]
    from privacybot.service import cases as service

    with transaction(flow.engine) as s:
        case = s.get(type(first), first.id)
        assert case is not None
        service.close(s, case, staff="olga@conxillium.nl", now=flow.clock.now())
    flow.clock.current = flow.clock.current.replace(month=9, day=1, hour=9)
    flow.receive(
        mail("Nog een vraag: ik wil opnieuw inzage.", subject="Re: [PRV-2026-00001] Verzoek")
    )
    cases = flow.cases()
    assert len(cases) == 2
    assert cases[1].parent_case_id == first.id
    assert cases[1].due == date(2026, 9, 29)


def test_a_question_gets_a_draft_without_a_case(flow: Flow) -> None:
    flow.receive(
        mail(
            "Welke cookies gebruiken jullie op de website en hoe lang bewaren jullie die?",
            subject="Re: vraagje over cookies",
        )
    )
    assert flow.cases() == []
    [draft] = flow.drafts()
    assert draft.kind == "answer_question"
    assert draft.status == "awaiting_approval"
    assert draft.subject == "Re: vraagje over cookies"
    assert draft.in_reply_to is not None


def test_unclear_mail_goes_to_staff_triage_without_a_reply(flow: Flow) -> None:
    flow.receive(mail("Hallo, is Jan er ook? Bel me even terug."))
    assert flow.cases() == []
    assert flow.drafts() == []
    assert flow.inbound()[0].labels == ["other"]


def test_the_same_message_twice_is_stored_and_triaged_once(flow: Flow) -> None:
    raw = mail(ACCESS_NL)
    flow.receive(raw)
    flow.receive(raw)
    assert len(flow.inbound()) == 1
    assert len(flow.cases()) == 1


def test_a_message_in_a_third_language_gets_an_english_draft_for_staff(flow: Flow) -> None:
    flow.receive(mail("Bonjour, je voudrais savoir quelles données vous avez sur moi, merci."))
    assert flow.cases() == []
    [draft] = flow.drafts()
    assert draft.kind == "clarification"
    assert draft.language == "en"
    assert draft.status == "awaiting_approval"
    assert flow.outbox() == []


def test_a_third_language_request_with_a_readable_right_is_flagged(flow: Flow) -> None:
    flow.receive(
        mail("Hallo, ich möchte Auskunft und Kopie über meine Daten bei GeoTax, bitte. Danke schön")
    )
    [case] = flow.cases()
    assert case.rights == ["access"]
    assert case.language == "en"
    assert case.needs_staff
    assert "neither Dutch nor English" in (case.staff_reason or "")
    [item] = flow.outbox()
    assert b"Subject: Auto: [PRV-2026-00001]" in item.raw
    assert b"Dear" in item.raw or b"Hello" in item.raw or b"Thank you" in item.raw


def test_R8_a_request_naming_no_company_covers_all_eight(flow: Flow) -> None:
    flow.receive(mail("Ik wil graag weten welke gegevens jullie over mij hebben."))
    [case] = flow.cases()
    assert case.company is None
    body = flow.outbox()[0].raw.decode("ascii")
    import quopri

    text = quopri.decodestring(body.split("\r\n\r\n", 1)[1]).decode("utf-8")
    for company in ("BeheerVisie", "DataQuint", "GeoTax", "JCC Software", "Procura"):
        assert company in text, text
