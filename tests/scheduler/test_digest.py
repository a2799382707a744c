"""What the digest says: every section, sorted by urgency, linked, and never a citizen's words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from privacybot.db.models import OutboxItem
from privacybot.db.session import read_transaction, transaction
from privacybot.scheduler import jobs
from privacybot.scheduler.digest import build_digest
from privacybot.states import OutboxStatus
from tests.scheduler.conftest import (
    DASHBOARD,
    PLANTED,
    STAFF_LIST,
    Desk,
    local,
    parts,
    staff_settings,
)

TODAY = date(2026, 6, 1)  # a Monday


def _busy_desk(desk: Desk) -> dict[str, str]:
    """Cases in every section on 2026-06-01, each message carrying the planted sentence."""
    refs = {
        # received 1 April: due 29 April, long overdue
        "overdue_old": desk.request(local(date(2026, 4, 1), 10), sender="a@example.nl"),
        # received 20 April: due 18 May, overdue too but less
        "overdue_new": desk.request(local(date(2026, 4, 20), 10), sender="b@example.nl"),
        # received 6 May: due 3 June
        "due_soon": desk.request(local(date(2026, 5, 6), 10), sender="c@example.nl"),
        # received 12 May: due 9 June, so the extension decision falls on 2 June
        "extension": desk.request(local(date(2026, 5, 12), 10), sender="d@example.nl"),
        # received 30 May and never verified: waits for the code
        "unverified": desk.request(
            local(date(2026, 5, 30), 10), sender="e@example.nl", verify=False
        ),
    }
    # A message the classifier cannot read: it waits in the staff triage queue.
    desk.at(local(date(2026, 5, 31), 12))
    desk.flow.receive(email_message(f"{PLANTED}. Groetjes van Bommel.", sender="f@example.nl"))
    return refs


def email_message(body: str, sender: str) -> bytes:
    from tests.flow.helpers import mail

    return mail(body, sender=sender, subject=PLANTED)


def _digest_text(desk: Desk, language: str = "nl") -> tuple[str, str]:
    desk.at(local(TODAY, 8))
    mail = jobs.preview_digest(
        desk.engine, desk.flow.desk, staff_settings(language=language), desk.flow.clock.now()
    )
    return mail.subject + "\n" + mail.text, mail.html


def test_every_section_lists_its_cases_most_urgent_first(desk: Desk) -> None:
    refs = _busy_desk(desk)
    desk.at(local(TODAY, 8))
    with read_transaction(desk.engine) as session:
        d = build_digest(
            session,
            today=TODAY,
            now=desk.flow.clock.now(),
            calendar=desk.flow.desk.clockwork.calendar,
            since=None,
            dashboard_url=DASHBOARD,
        )
    assert [c.reference for c in d.overdue.lines] == [refs["overdue_old"], refs["overdue_new"]]
    assert all(c.working_days_left < 0 for c in d.overdue.lines)
    assert [c.reference for c in d.due_soon.lines] == [refs["due_soon"]]
    assert d.due_soon.lines[0].working_days_left == 2  # Tue, Wed
    assert [c.reference for c in d.extension.lines] == [refs["extension"]]
    assert d.extension.lines[0].decide_by == date(2026, 6, 2)
    assert [c.reference for c in d.verification.lines] == [refs["unverified"]]
    # Every verified access request has its answer waiting for approval, oldest first.
    waiting = [x.case.reference for x in d.drafts.lines if x.case]
    assert waiting == [refs[k] for k in ("overdue_old", "overdue_new", "due_soon", "extension")]
    assert d.drafts.lines[0].waited_hours > d.drafts.lines[-1].waited_hours
    assert d.queue.total == 1 and d.queue.lines[0].state == "needs_staff"
    assert d.queue.lines[0].rules  # rule ids, never the reason text
    # The first digest looks back a day: no case opened since 31 May 08:00, one message came.
    assert (d.first, d.new_cases.total, d.new_messages) == (True, 0, 1)
    assert d.overdue.lines[0].link == f"{DASHBOARD}/cases/{refs['overdue_old']}"


def test_the_digest_never_contains_what_a_citizen_wrote(desk: Desk) -> None:
    _busy_desk(desk)
    text, html = _digest_text(desk)
    en_text, en_html = _digest_text(desk, "en")
    desk.at(local(TODAY, 8))
    result = jobs.send_digest(desk.engine, desk.flow.desk, staff_settings(), desk.flow.clock.now())
    assert result is not None and len(result.outbox_ids) == len(STAFF_LIST)
    sent = [o for _, o in desk.staff_mail("digest")]
    assert len(sent) == len(STAFF_LIST)
    for blob in (text, html, en_text, en_html, *(parts(o.raw)[1] + parts(o.raw)[2] for o in sent)):
        for fragment in (PLANTED, "Bommel", "spruitjes", "anna@example.nl", "a@example.nl"):
            assert fragment not in blob
    assert b"Bommel" not in b"".join(o.raw for o in sent)


def test_the_mail_is_html_with_a_plain_text_part_marked_as_generated(desk: Desk) -> None:
    _busy_desk(desk)
    desk.at(local(TODAY, 8))
    jobs.send_digest(desk.engine, desk.flow.desk, staff_settings(), desk.flow.clock.now())
    (_, item), _ = desk.staff_mail("digest")
    msg, text, html = parts(item.raw)
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Privacybot-Loop"] == "conxillium.nl"
    assert msg["To"] == STAFF_LIST[0] and item.draft_id is None
    assert "dagoverzicht" in msg["Subject"].lower()
    assert "TE LAAT (2)" in text and "<h2>Te laat (2)</h2>" in html
    assert f'href="{DASHBOARD}/cases/' in html


def test_dutch_by_default_english_when_configured(desk: Desk) -> None:
    _busy_desk(desk)
    nl, _ = _digest_text(desk)
    en, en_html = _digest_text(desk, "en")
    assert "werkdagen te laat" in nl and "Termijn binnen 7 dagen".upper() in nl
    assert "working days late" in en and "DUE WITHIN 7 DAYS" in en
    assert '<html lang="en">' in en_html


def test_an_empty_day_is_one_line(desk: Desk) -> None:
    text, html = _digest_text(desk)
    subject, body = text.split("\n", 1)
    assert "niets te doen" in subject
    assert body.strip().count("\n") == 0 and body.startswith("Niets te doen op ma 2026-06-01")
    assert html.count("<p>") == 1


def test_outbox_failures_are_listed_with_the_relays_answer_but_no_address(desk: Desk) -> None:
    refs = _busy_desk(desk)
    with transaction(desk.engine) as session:
        item = session.get(OutboxItem, 1)
        assert item is not None
        item.status = OutboxStatus.FAILED
        item.last_error = "RCPT TO: 550 5.1.1 <anna@example.nl> unknown user"
        item.attempts = 1
        session.add(item)
    text, html = _digest_text(desk)
    assert "MAIL DIE NIET AANKWAM (1)" in text
    assert refs["overdue_old"] in text.split("MAIL DIE NIET AANKWAM")[1]
    assert "550 5.1.1 <<address>> unknown user" in text and "anna@example.nl" not in text


def test_new_since_the_last_digest_counts_from_the_previous_one(desk: Desk) -> None:
    desk.request(local(date(2026, 5, 29), 10), sender="a@example.nl")
    desk.at(local(date(2026, 5, 30), 8))
    first = jobs.send_digest(
        desk.engine, desk.flow.desk, staff_settings(), local(date(2026, 5, 30), 8)
    )
    assert first is not None and first.digest.first and first.digest.new_cases.total == 1
    later = desk.request(local(date(2026, 5, 31), 10), sender="b@example.nl")
    second = jobs.send_digest(desk.engine, desk.flow.desk, staff_settings(), local(TODAY, 8))
    assert second is not None and not second.digest.first
    assert [c.reference for c in second.digest.new_cases.lines] == [later]
    assert second.digest.since == local(date(2026, 5, 30), 8)


def test_a_section_shows_at_most_its_limit_and_the_total(desk: Desk) -> None:
    for n in range(4):
        desk.request(local(date(2026, 4, 1) + timedelta(days=n), 10), sender=f"p{n}@example.nl")
    desk.at(local(TODAY, 8))
    with Session(desk.engine) as session:
        d = build_digest(
            session,
            today=TODAY,
            now=desk.flow.clock.now(),
            calendar=desk.flow.desk.clockwork.calendar,
            since=None,
            limit=2,
        )
    assert d.overdue.total == 4 and len(d.overdue.lines) == 2 and d.overdue.more == 2
    assert d.overdue.lines[0].link is None  # no dashboard configured


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_unknown_or_broken_template_is_one_clear_error(
    desk: Desk, language: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from privacybot.scheduler import render

    root = Path(str(tmp_path)) / "templates" / "digest"
    root.mkdir(parents=True)
    (root / f"digest.{language}.txt.j2").write_text("Subject: {{ d.nonsense }}\n\nx\n")
    (root / f"digest.{language}.html.j2").write_text("<p>x</p>\n")
    monkeypatch.setenv("PRIVACYBOT_TEMPLATES_DIR", str(root.parent))
    render._environment.cache_clear()
    with pytest.raises(render.StaffMailError) as info:
        _digest_text(desk, language)
    assert f"digest.{language}" in str(info.value) and "\n" not in str(info.value)
    render._environment.cache_clear()


def test_the_digest_lists_the_staff_alert_days_and_keeps_listing_overdue_cases(
    desk: Desk,
) -> None:
    ref = desk.request(local(date(2026, 5, 6), 10), sender="c@example.nl")  # due 3 June
    for day, section in (
        (date(2026, 6, 1), "due_soon"),
        (date(2026, 6, 3), "due_soon"),
        (date(2026, 6, 4), "overdue"),
        (date(2026, 6, 10), "overdue"),
    ):
        with Session(desk.engine) as session:
            d = build_digest(
                session,
                today=day,
                now=local(day, 8),
                calendar=desk.flow.desk.clockwork.calendar,
                since=None,
            )
        assert [c.reference for c in getattr(d, section).lines] == [ref], day


def test_a_message_in_the_raw_subject_is_not_parsed_into_the_digest(desk: Desk) -> None:
    """A subject with a fake section header or HTML cannot inject lines (nothing is copied)."""
    from tests.flow.helpers import mail

    desk.at(local(date(2026, 5, 31), 10))
    desk.flow.receive(
        mail(
            "<script>alert(1)</script> TE LAAT (99)",
            sender="x@example.nl",
            subject="<b>TE LAAT (99)</b>",
        )
    )
    text, html = _digest_text(desk)
    assert "99" not in text and "<script>" not in html and "<b>" not in html


def test_working_days_left_agrees_with_the_day_by_day_count() -> None:
    import random

    from privacybot.cases.deadline import HolidayCalendar, working_days_between
    from privacybot.scheduler.digest import working_days_left

    cal = HolidayCalendar.load()
    rng = random.Random(13)
    start = date(2024, 1, 1)
    pairs = [(date(2026, 4, 3), date(2026, 4, 7)), (date(2026, 12, 24), date(2027, 1, 4))]
    pairs += [
        (start + timedelta(days=rng.randint(0, 1500)), start + timedelta(days=rng.randint(0, 1500)))
        for _ in range(400)
    ]
    for a, b in pairs:
        assert working_days_left(a, b, cal) == working_days_between(a, b, cal), (a, b)
