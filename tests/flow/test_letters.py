"""Issue 12: letters a privacy officer can sign, from a citizen's mail to the letter sent.

Each test drives the real writer on a real database: triage, the decision chain, the
drafts and the outbox, and reads what would reach the citizen from the outbox bytes.
"""

from __future__ import annotations

import base64
import dataclasses
import email
import re
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.db.models import Draft, DraftAttachment, OutboxItem
from privacybot.db.session import transaction
from privacybot.service import actions, drafts
from privacybot.service.drafts import DraftError
from privacybot.staff import add_staff
from tests.flow.helpers import Flow, mail, make_flow

OLGA, BRAM = "olga@conxillium.nl", "bram@conxillium.nl"
ACCESS = "Goedemiddag,\n\nIk wil graag inzage in al mijn gegevens bij Procura.\n\nGroet,\nAnna"


@pytest.fixture
def flow(engine: Engine) -> Flow:
    f = make_flow(engine)
    with transaction(engine) as s:
        for who in (OLGA, BRAM):
            add_staff(s, email=who, role="officer", password=None, now=f.clock.now())
    return f


def _verified(
    flow: Flow, body: str = ACCESS, sender: str = "Anna de Vries <anna@example.nl>"
) -> None:
    flow.receive(mail(body, sender=sender))
    ack = flow.drafts()[0]
    flow.receive(
        mail(
            f"Code: {flow.code_sent()}",
            sender=sender,
            subject=f"Re: {ack.subject}",
            in_reply_to=ack.message_id,
        )
    )
    assert flow.cases()[0].verified


def _draft(flow: Flow, kind: str) -> Draft:
    return [d for d in flow.drafts() if d.kind == kind][-1]


def _fill(flow: Flow, draft: Draft, staff: str = OLGA) -> None:
    """Staff replace every placeholder with what they found, as they would in the editor."""
    body = re.sub(r"\[(AANVULLEN|TO COMPLETE): [^\]]*\]", "Ingevuld door het team.", draft.body)
    if body == draft.body:
        return
    with transaction(flow.engine) as s:
        drafts.edit(s, draft.id or 0, staff=staff, body=body, now=flow.clock.now())


def _approve(flow: Flow, draft_id: int, staff: str = BRAM, **kw: bool) -> None:
    with transaction(flow.engine) as s:
        drafts.approve(
            s, draft_id, staff=staff, outgoing=flow.desk.outgoing, now=flow.clock.now(), **kw
        )


def _attach(flow: Flow, draft_id: int, name: str, data: bytes) -> None:
    with transaction(flow.engine) as s:
        drafts.attach(s, draft_id, filename=name, data=data, staff=OLGA, now=flow.clock.now())


def _sent(flow: Flow, draft: Draft) -> EmailMessage:
    with Session(flow.engine) as s:
        item = s.exec(select(OutboxItem).where(OutboxItem.draft_id == draft.id)).one()
    parsed = email.message_from_bytes(flow.sent_bytes(item), policy=default_policy)
    assert isinstance(parsed, EmailMessage)
    return parsed


CSV = b"veld,waarde\nnaam,Anna de Vries\ne-mail,anna@example.nl\n"
PDF = b"%PDF-1.7\n% een kopie\n"


# --- attachments ---------------------------------------------------------------------------


def test_an_access_answer_goes_out_with_its_files_listed(flow: Flow) -> None:
    _verified(flow)
    answer = _draft(flow, "answer_access")
    _fill(flow, answer)
    with pytest.raises(DraftError, match="says files are attached, but none are"):
        _approve(flow, answer.id or 0)
    _attach(flow, answer.id or 0, "gegevens.csv", CSV)
    _attach(flow, answer.id or 0, "C:\\Users\\olga\\Downloads\\kopie.pdf", PDF)
    _approve(flow, answer.id or 0)
    sent = _sent(flow, answer)
    names = [part.get_filename() for part in sent.iter_attachments()]
    assert names == ["gegevens.csv", "kopie.pdf"]
    body = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert f"- gegevens.csv ({len(CSV)} bytes)" in body and "- kopie.pdf (" in body
    assert "[[attachments]]" not in body


def test_a_letter_edited_from_drafts_show_keeps_its_list_of_files(flow: Flow) -> None:
    """Staff copy the letter as shown (list filled in) into their editor; it stays true."""
    _verified(flow)
    answer = _draft(flow, "answer_access")
    _attach(flow, answer.id or 0, "gegevens.csv", CSV)  # by Olga
    with Session(flow.engine) as s:
        shown = drafts.preview(s, answer.id or 0, flow.desk.outgoing, flow.clock.now()).body
    assert f"- gegevens.csv ({len(CSV)} bytes)" in shown and "[[attachments]]" not in shown
    _fill(flow, answer)  # placeholders first, so only the list differs below
    body = re.sub(r"\[(AANVULLEN|TO COMPLETE): [^\]]*\]", "Ingevuld door het team.", shown)
    with transaction(flow.engine) as s:
        edited = drafts.edit(s, answer.id or 0, staff=OLGA, body=body, now=flow.clock.now())
        assert "[[attachments]]" in edited.body and "- gegevens.csv" not in edited.body
    _attach(flow, answer.id or 0, "kopie.pdf", PDF)  # a file added later is listed too
    _approve(flow, answer.id or 0, staff=BRAM)
    sent = _sent(flow, answer).get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "- gegevens.csv (" in sent and "- kopie.pdf (" in sent


def test_a_letter_that_lists_no_files_cannot_carry_them(flow: Flow) -> None:
    _verified(flow)
    answer = _draft(flow, "answer_access")
    _attach(flow, answer.id or 0, "gegevens.csv", CSV)
    body = re.sub(r"\[(AANVULLEN|TO COMPLETE): [^\]]*\]", "Ingevuld.", answer.body)
    with transaction(flow.engine) as s:
        drafts.edit(
            s,
            answer.id or 0,
            staff=OLGA,
            body=body.replace("[[attachments]]", ""),
            now=flow.clock.now(),
        )
    with pytest.raises(DraftError, match="does not list them"):
        _approve(flow, answer.id or 0)


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("../../etc/cron.d/job.exe", b"MZ\x90\x00", "not sent"),
        ("kopie.pdf", b"<html><script>alert(1)</script></html>", "not a PDF"),
        ("gegevens.json", b"{not json", "not valid JSON"),
        ("gegevens.csv", b"naam\x00\xff\xfe", "not UTF-8"),
        ("overzicht.txt", b"<script>fetch('x')</script>", "web page or script"),
        ("pagina.html", b"<p>hoi</p>", "not sent"),
        ("geen-extensie", b"abc", "no name and extension"),
        (".csv", b"a,b\n", "no name and extension"),
    ],
)
def test_files_that_are_not_what_they_say_or_not_safe_are_refused(
    flow: Flow, name: str, data: bytes, why: str
) -> None:
    _verified(flow)
    answer = _draft(flow, "answer_access")
    with pytest.raises(DraftError, match=why):
        _attach(flow, answer.id or 0, name, data)
    with Session(flow.engine) as s:
        assert s.exec(select(DraftAttachment)).all() == []


def test_an_attachment_name_never_carries_a_path_or_control_characters(flow: Flow) -> None:
    _verified(flow)
    answer = _draft(flow, "answer_access")
    _attach(flow, answer.id or 0, "../../..//x/\x00over\r\nzicht <b>.csv", CSV)
    with Session(flow.engine) as s:
        [row] = s.exec(select(DraftAttachment)).all()
    assert row.filename == "overzicht _b_.csv"  # no directory, no control character, no tag


def test_a_letter_may_not_grow_past_the_size_limit(flow: Flow) -> None:
    _verified(flow)
    answer = _draft(flow, "answer_access")
    big = b"a,b\n" + b"1,2\n" * 300_000
    with transaction(flow.engine) as s:
        drafts.attach(
            s,
            answer.id or 0,
            filename="deel1.csv",
            data=big,
            staff=OLGA,
            now=flow.clock.now(),
            max_total=2_000_000,
        )
    with pytest.raises(DraftError, match="MB is left"), transaction(flow.engine) as s:
        drafts.attach(
            s,
            answer.id or 0,
            filename="deel2.csv",
            data=big,
            staff=OLGA,
            now=flow.clock.now(),
            max_total=2_000_000,
        )


def test_files_go_only_with_access_and_portability_answers(flow: Flow) -> None:
    flow.receive(mail(ACCESS))
    ack = flow.drafts()[0]
    with pytest.raises(DraftError):  # the acknowledgment went out; and it is no answer
        _attach(flow, ack.id or 0, "x.csv", CSV)


def test_a_portability_answer_needs_a_machine_readable_file(flow: Flow) -> None:
    _verified(flow, "Stuur mij mijn gegevens in een bestand, ik stap over naar een ander.")
    answer = _draft(flow, "answer_portability")
    _fill(flow, answer)
    _attach(flow, answer.id or 0, "gegevens.pdf", PDF)
    with pytest.raises(DraftError, match="JSON, CSV or XML"):
        _approve(flow, answer.id or 0)
    _attach(flow, answer.id or 0, "gegevens.json", b'{"naam": "Anna"}')
    _approve(flow, answer.id or 0)


def test_sent_exports_are_deleted_after_thirty_days(flow: Flow) -> None:
    from privacybot.outbox.store import mark_sent

    _verified(flow)
    answer = _draft(flow, "answer_access")
    _fill(flow, answer)
    _attach(flow, answer.id or 0, "gegevens.csv", CSV)
    _approve(flow, answer.id or 0)
    with Session(flow.engine) as s:
        item = s.exec(select(OutboxItem).where(OutboxItem.draft_id == answer.id)).one()
    mark_sent(flow.engine, item.id or 0, flow.clock.now())
    with transaction(flow.engine) as s:
        assert drafts.purge_sent_attachments(s, flow.clock.now() + timedelta(days=29)) == 0
        assert drafts.purge_sent_attachments(s, flow.clock.now() + timedelta(days=30)) == 1
    with Session(flow.engine) as s:
        [row] = s.exec(select(DraftAttachment)).all()
        item = s.exec(select(OutboxItem).where(OutboxItem.draft_id == answer.id)).one()
    assert row.data is None and row.purged_at is not None
    assert base64.b64encode(CSV)[:24] not in item.raw  # the copy is gone from the sent mail
    assert b"gegevens.csv" in item.raw  # the letter still says what was sent


# --- outcomes ---------------------------------------------------------------------------------


def test_refusing_all_access_on_the_rights_of_others_is_impossible(flow: Flow) -> None:
    _verified(flow)
    [case] = flow.cases()
    with (
        pytest.raises(actions.ActionError, match=r"15\(4\) limits only the copy"),
        transaction(flow.engine) as s,
    ):
        actions.refuse(
            s,
            flow.desk,
            case.reference,
            staff=OLGA,
            ground="rights_of_others",
            reasons="Het bestand noemt ook uw buren.",
            partial=False,
            now=flow.clock.now(),
        )
    with transaction(flow.engine) as s:
        letter = actions.refuse(
            s,
            flow.desk,
            case.reference,
            staff=OLGA,
            ground="rights_of_others",
            reasons="Het bestand noemt ook uw buren.",
            partial=True,
            now=flow.clock.now(),
        )
        assert "informatie over uw gegevens krijgt u wel" in letter.body


def test_an_erasure_refusal_waits_until_staff_say_what_is_kept_and_until_when(flow: Flow) -> None:
    _verified(flow, "Verwijder al mijn gegevens bij Procura.")
    [case] = flow.cases()
    with transaction(flow.engine) as s:
        letter = actions.refuse(
            s,
            flow.desk,
            case.reference,
            staff=OLGA,
            ground="erasure_exception",
            reasons="Facturen moeten wij bewaren.",
            partial=True,
            right="erasure",
            now=flow.clock.now(),
        )
    assert "artikel 17, lid 3" in letter.body and "rechter" in letter.body
    with pytest.raises(DraftError, match="placeholders"):
        _approve(flow, letter.id or 0)


def test_a_whole_refusal_withdraws_the_answers_waiting_beside_it(flow: Flow) -> None:
    _verified(flow)
    [case] = flow.cases()
    with transaction(flow.engine) as s:
        actions.refuse(
            s,
            flow.desk,
            case.reference,
            staff=OLGA,
            ground="excessive",
            reasons="Vier keer deze week.",
            partial=False,
            now=flow.clock.now(),
        )
    assert _draft(flow, "answer_access").status == "withdrawn"
    assert _draft(flow, "refusal").status == "awaiting_approval"


def test_we_cannot_find_you_may_go_to_an_unverified_requester(flow: Flow) -> None:
    flow.receive(mail(ACCESS))
    [case] = flow.cases()
    assert not case.verified
    with transaction(flow.engine) as s:
        letter = actions.draft_letter(
            s, flow.desk, case.reference, "not_identifiable", staff=OLGA, now=flow.clock.now()
        )
    assert "klantnummer" in letter.body and "artikel 11, lid 2" in letter.body
    _approve(flow, letter.id or 0)
    assert _draft(flow, "not_identifiable").status == "queued"


@pytest.mark.parametrize("kind", ["answer_access_none", "answer_access_processor"])
def test_other_access_outcomes_replace_the_answer(flow: Flow, kind: str) -> None:
    _verified(flow)
    [case] = flow.cases()
    answer = _draft(flow, "answer_access")
    with transaction(flow.engine) as s:
        letter = actions.draft_letter(
            s, flow.desk, case.reference, kind, staff=OLGA, now=flow.clock.now(), replaces=answer.id
        )
    assert _draft(flow, "answer_access").status == "withdrawn"
    assert "Autoriteit Persoonsgegevens" in letter.body and "AANVULLEN" in letter.body


def test_a_complaint_is_a_case_with_its_own_due_date_and_an_outcome_letter(flow: Flow) -> None:
    complaint = "Ik heb in maart om inzage gevraagd en nooit antwoord gekregen. Dit is een klacht."
    flow.receive(mail(complaint))
    [case] = flow.cases()
    assert "complaint" in case.rights and case.due > case.receipt_date
    ack = flow.drafts()[0]
    assert "Autoriteit Persoonsgegevens" in ack.body and "rechter" in ack.body
    flow.receive(
        mail(f"{flow.code_sent()}", subject=f"Re: {ack.subject}", in_reply_to=ack.message_id)
    )
    outcome = _draft(flow, "answer_complaint")
    assert outcome.status == "awaiting_approval" and "AANVULLEN" in outcome.body


def test_a_complaint_in_a_new_mail_is_linked_to_the_senders_earlier_case(flow: Flow) -> None:
    _verified(flow)  # Anna's access request at Procura
    [earlier] = flow.cases()
    flow.clock.advance(timedelta(days=30))
    complaint = "Ik ben het niet eens met hoe u mijn verzoek heeft afgehandeld. Dit is een klacht."
    flow.receive(mail(complaint, sender="Anna de Vries <anna@example.nl>", subject="Klacht"))
    child = [c for c in flow.cases() if c.id != earlier.id][0]
    assert child.parent_case_id == earlier.id and child.company == "Procura"
    assert "complaint" in child.rights
    ack = [d for d in flow.drafts() if d.case_id == child.id][0]
    assert "Procura" in ack.body and "alle acht" not in ack.body
    # Someone else complaining the same way gets no link to Anna's case.
    flow.receive(mail(complaint, sender="Bert <bert@example.nl>", subject="Klacht"))
    bert = flow.cases()[-1]
    assert bert.parent_case_id is None and bert.company is None


def test_withdrawal_acts_at_once_beside_a_right_that_waits_for_the_code(flow: Flow) -> None:
    flow.receive(
        mail("Ik trek mijn toestemming in en wil ook inzage in al mijn gegevens bij Procura.")
    )
    [case] = flow.cases()
    assert case.status == "awaiting_verification"
    assert flow.events("processing_reduced")[0].detail["rights"] == ["withdraw_consent"]
    assert [d.kind for d in flow.drafts()] == ["acknowledgment", "answer_withdraw_consent"]
    ack = flow.drafts()[0]
    flow.receive(mail(flow.code_sent(), subject=f"Re: {ack.subject}", in_reply_to=ack.message_id))
    kinds = [d.kind for d in flow.drafts()]
    assert kinds.count("answer_withdraw_consent") == 1 and "answer_access" in kinds


def test_a_marketing_objection_with_a_withdrawal_gets_one_letter(flow: Flow) -> None:
    flow.receive(mail("Stop met jullie nieuwsbrief, en ik trek mijn toestemming in."))
    kinds = [d.kind for d in flow.drafts()]
    assert kinds.count("answer_marketing_and_consent") == 1
    assert "answer_objection_marketing" not in kinds and "answer_withdraw_consent" not in kinds


# --- special senders ---------------------------------------------------------------------------


def test_a_breach_report_reaches_staff_at_once_and_the_reporter_is_not_answered_as_a_citizen(
    engine: Engine,
) -> None:
    flow = make_flow(engine)
    flow.desk = dataclasses.replace(flow.desk, staff_emails=("dpo@conxillium.nl",))
    flow.worker._desk = flow.desk  # noqa: SLF001 - the worker's desk, for this test
    flow.receive(mail("Via jullie portaal kon ik de gegevens van andere mensen zien. Een datalek!"))
    assert flow.cases() == []
    [row] = flow.inbound()
    assert row.state == "needs_staff" and "72 hours" in (row.staff_reason or "")
    [alert] = flow.outbox()
    assert alert.to_address == "dpo@conxillium.nl"
    assert b"andere mensen" not in alert.raw  # the citizen's words stay in the case file
    [thanks] = flow.drafts()
    assert thanks.kind == "breach_thanks" and thanks.status == "awaiting_approval"
    assert not re.search(r"\b\d{6}\b", thanks.body)  # no code to a reporter


def test_the_regulator_is_routed_to_staff_without_a_reply(flow: Flow) -> None:
    flow.receive(
        mail(
            "Wij hebben een klacht over u ontvangen (ons kenmerk z2026-01234).",
            sender="Toezicht <toezicht@autoriteitpersoonsgegevens.nl>",
        )
    )
    assert flow.cases() == [] and flow.drafts() == [] and flow.outbox() == []
    assert "Autoriteit Persoonsgegevens" in (flow.inbound()[0].staff_reason or "")


def test_a_request_about_someone_who_died_gets_a_kind_letter_and_no_code(flow: Flow) -> None:
    flow.receive(mail("Mijn moeder is in mei overleden. Kunnen jullie haar gegevens wissen?"))
    assert flow.cases() == []
    [letter] = flow.drafts()
    assert letter.kind == "deceased" and "geldt de AVG niet" in letter.body
    assert flow.outbox() == []


def test_a_request_for_a_child_asks_for_proof_of_parental_authority(flow: Flow) -> None:
    flow.receive(mail("Als moeder vraag ik inzage in de gegevens van mijn dochter van 11."))
    [case] = flow.cases()
    proof = _draft(flow, "representation_proof")
    assert "gezagsregister" in proof.body and proof.status == "awaiting_approval"
    assert not any(re.search(r"\b\d{6}\b", d.body) for d in flow.drafts())
    assert case.needs_staff


# --- one language, whose letter ------------------------------------------------------------------


def test_an_english_letter_with_a_dutch_paragraph_is_stopped_before_approval(flow: Flow) -> None:
    english = "Hello,\n\nI would like a copy of all the personal data you hold about me at Procura."
    _verified(flow, english)
    answer = _draft(flow, "answer_access")
    assert answer.language == "en"
    body = re.sub(r"\[TO COMPLETE: [^\]]*\]", "Filled in by the privacy team.", answer.body)
    body += "\n\nWij hebben uw gegevens gecontroleerd en die zijn helemaal in orde, dat is fijn.\n"
    with transaction(flow.engine) as s:
        drafts.edit(s, answer.id or 0, staff=OLGA, body=body, now=flow.clock.now())
    _attach(flow, answer.id or 0, "data.csv", CSV)
    with pytest.raises(DraftError, match="reads as the other language"):
        _approve(flow, answer.id or 0)
    _approve(flow, answer.id or 0, mixed_language=True)


def test_staff_letters_thread_sign_for_the_company_and_keep_the_citizens_name(flow: Flow) -> None:
    _verified(flow)
    [case] = flow.cases()
    latest = flow.inbound()[-1]  # the code reply: letters answer the latest message
    with transaction(flow.engine) as s:
        done = actions.extend(
            s,
            flow.desk,
            case.reference,
            staff=OLGA,
            reason="Acht systemen.",
            today=flow.clock.now().date(),
            now=flow.clock.now(),
        )
    _approve(flow, done.notice.id or 0)
    sent = _sent(flow, done.notice)
    assert sent["In-Reply-To"] == latest.message_id
    assert str(sent["From"]) == "Privacyteam Procura <privacy@conxillium.nl>"
    assert str(sent["To"]) == "Anna de Vries <anna@example.nl>"
    assert sent["Subject"].startswith(f"Re: [{case.reference}]")
    assert sent.get_body(("plain",)).get_content().rstrip().endswith("Privacyteam Procura")  # type: ignore[union-attr]
