"""The digest's urgent lines also go to the Telegram staff group, when one is configured."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from privacybot.db.models import OutboxItem
from privacybot.db.session import read_transaction
from privacybot.scheduler import jobs
from privacybot.scheduler.digest import build_digest
from privacybot.scheduler.render import render_urgent
from tests.scheduler.conftest import PLANTED, Desk, local, staff_settings
from tests.scheduler.test_digest import TODAY, _busy_desk

STAFF_GROUP = -1009876543210


def _chat_posts(desk: Desk) -> list[dict[str, object]]:
    with Session(desk.engine) as s:
        rows = s.exec(select(OutboxItem).where(OutboxItem.channel == "telegram")).all()
        return [json.loads(r.raw) for r in rows]


def test_the_urgent_lines_go_to_the_staff_group_once_with_the_digest(desk: Desk) -> None:
    refs = _busy_desk(desk)
    desk.at(local(TODAY, 8))
    staff = staff_settings(telegram_staff_chat=STAFF_GROUP)
    result = jobs.send_digest(desk.engine, desk.flow.desk, staff, desk.flow.clock.now())
    assert result is not None and "Telegram" in result.outcome
    [post] = _chat_posts(desk)
    assert post["chat_id"] == STAFF_GROUP and post["audience"] == "staff"
    text = str(post["text"])
    assert text.startswith("Privacybot, urgent op ma 2026-06-01")
    for key in ("overdue_old", "overdue_new", "due_soon", "extension"):
        assert refs[key] in text, key
    assert refs["unverified"] not in text  # waiting for a code is not urgent
    assert "beslis uiterlijk di 2026-06-02" in text
    assert PLANTED not in text and "Bommel" not in text and "@" not in text
    # The same day again: the digest is not sent twice, so neither is the post.
    assert jobs.send_digest(desk.engine, desk.flow.desk, staff, desk.flow.clock.now()) is None
    assert len(_chat_posts(desk)) == 1


def test_without_a_staff_group_nothing_is_posted(desk: Desk) -> None:
    _busy_desk(desk)
    desk.at(local(TODAY, 8))
    result = jobs.send_digest(desk.engine, desk.flow.desk, staff_settings(), desk.flow.clock.now())
    assert result is not None and "Telegram" not in result.outcome
    assert _chat_posts(desk) == []


def test_a_quiet_day_posts_nothing(desk: Desk) -> None:
    desk.at(local(TODAY, 8))
    staff = staff_settings(telegram_staff_chat=STAFF_GROUP)
    result = jobs.send_digest(desk.engine, desk.flow.desk, staff, desk.flow.clock.now())
    assert result is not None and _chat_posts(desk) == []


def test_the_urgent_lines_in_english_and_cut_to_ten_per_section(desk: Desk) -> None:
    _busy_desk(desk)
    desk.at(local(TODAY, 8))
    with read_transaction(desk.engine) as session:
        digest = build_digest(
            session,
            today=TODAY,
            now=desk.flow.clock.now(),
            calendar=desk.flow.desk.clockwork.calendar,
            since=None,
            dashboard_url=None,
        )
    text = render_urgent(digest, "en")
    assert text is not None and text.startswith("Privacybot, urgent on Mon 2026-06-01")
    assert "Overdue (2)" in text and "working days late" in text
    short = render_urgent(digest, "en", limit=1)
    assert short is not None and "… and 1" in short


def test_the_token_decides_whether_the_group_is_used() -> None:
    from privacybot.config import load_settings

    with_token = load_settings(
        {
            "PRIVACYBOT_TELEGRAM_TOKEN": "123456:" + "A" * 30,
            "PRIVACYBOT_TELEGRAM_STAFF_CHAT": "-100",
        }
    )
    without = load_settings({"PRIVACYBOT_TELEGRAM_STAFF_CHAT": "-100"})
    assert jobs.StaffSettings.from_settings(with_token).telegram_staff_chat == -100
    assert jobs.StaffSettings.from_settings(without).telegram_staff_chat is None
