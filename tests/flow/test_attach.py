"""service.drafts.attach: files on an access answer, four eyes, and what is refused."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from privacybot.attachments import safe_filename
from privacybot.db.models import AuditEvent, OutboxItem
from privacybot.db.session import transaction
from privacybot.service import drafts
from privacybot.service.drafts import DraftError
from tests.flow.helpers import make_flow
from tests.web.conftest import BRAM, OLGA, fill_in, verified_request


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../../etc/passwd", "passwd"),
        ("C:\\Users\\olga\\brief.pdf", "brief.pdf"),
        ("  .verborgen.txt ", "verborgen.txt"),
        ("na\x00am\r\n.csv", "naam.csv"),
        ("gegevens export 2026.zip", "gegevens export 2026.zip"),
        ("x" * 300 + ".pdf", "x" * 96 + ".pdf"),
    ],
)
def test_a_file_name_keeps_only_its_last_part_without_control_characters(
    given: str, kept: str
) -> None:
    assert safe_filename(given) == kept


@pytest.mark.parametrize("given", ["", "..", "../", "/", "\x00\x01", " . "])
def test_a_file_name_with_nothing_left_is_refused(given: str) -> None:
    from privacybot.attachments import AttachmentRefused, check

    assert safe_filename(given) == ""
    with pytest.raises(AttachmentRefused, match="no name and extension"):
        check(given, b"a,b\n", room=100)


def _staff(engine: Engine) -> None:
    from datetime import UTC, datetime

    from privacybot.staff import add_staff

    with transaction(engine) as s:
        for who in (OLGA, BRAM):
            add_staff(
                s,
                email=who,
                role="officer",
                password="een lang wachtwoord",
                now=datetime(2026, 6, 1, tzinfo=UTC),
            )


def test_an_attached_file_goes_out_with_the_letter_and_needs_a_second_officer(
    engine: Engine,
) -> None:
    flow = make_flow(engine)
    _staff(engine)
    answer = verified_request(flow)
    fill_in(flow, answer, BRAM, attaching=True)
    now = flow.clock.now()
    with transaction(engine) as s:
        row = drafts.attach(
            s, answer.id or 0, filename="../inzage.csv", data=b"naam;x\n", staff=OLGA, now=now
        )
        assert row.filename == "inzage.csv" and row.content_type == "text/csv"
    with transaction(engine) as s, pytest.raises(DraftError, match="another officer"):
        drafts.approve(s, answer.id or 0, staff=OLGA, outgoing=flow.desk.outgoing, now=now)
    with transaction(engine) as s:
        letter = drafts.preview(s, answer.id or 0, flow.desk.outgoing, now)
        assert letter.attachments == ("inzage.csv",)
        drafts.approve(s, answer.id or 0, staff=BRAM, outgoing=flow.desk.outgoing, now=now)
    with Session(engine) as s:
        item = s.exec(select(OutboxItem).where(OutboxItem.draft_id == answer.id)).one()
        event = s.exec(
            select(AuditEvent).where(AuditEvent.action == "draft_attachment_added")
        ).one()
    sent = email.message_from_bytes(item.raw, policy=policy.default)
    assert isinstance(sent, EmailMessage)
    [part] = list(sent.iter_attachments())
    assert part.get_filename() == "inzage.csv" and part.get_content() == "naam;x\n"
    assert event.actor == OLGA and "inzage.csv" not in str(event.detail)


def test_attach_refuses_other_kinds_empty_and_oversized_files_and_sent_drafts(
    engine: Engine,
) -> None:
    flow = make_flow(engine)
    _staff(engine)
    answer = verified_request(flow)
    now = flow.clock.now()
    from privacybot.service import actions

    with transaction(engine) as s:
        notice = actions.extend(
            s,
            flow.desk,
            flow.cases()[0].reference,
            staff=BRAM,
            reason="veel systemen",
            today=now.date(),
            now=now,
        ).notice
    cases = [
        (notice.id, "a.txt", b"x", {}, "only an access or portability answer"),
        (answer.id, "a.txt", b"", {}, "empty"),
        (answer.id, "a.txt", b"xx", {"max_total": 1}, "MB is left"),
        (9999, "a.txt", b"x", {}, "no draft"),
        (answer.id, "a.bin", b"x", {}, "not sent"),  # the type comes from what the file is
    ]
    for draft_id, name, data, extra, words in cases:
        with transaction(engine) as s, pytest.raises(DraftError, match=words):
            drafts.attach(s, draft_id or 0, filename=name, data=data, staff=OLGA, now=now, **extra)
