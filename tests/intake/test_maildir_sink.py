"""The built-in sent-mail sink: a Maildir, filled directly or over loopback SMTP."""

from __future__ import annotations

import mailbox
import smtplib
from pathlib import Path

from privacybot.outbox.maildir_sink import MaildirSink, MaildirSmtpServer
from privacybot.testing.servers import LOOPBACK, free_port

RAW = (
    b"From: privacy@conxillium.nl\r\nTo: burger@example.org\r\nSubject: Ontvangst\r\n\r\nHallo\r\n"
)


def test_deliver_writes_one_file_into_new_and_leaves_tmp_empty(tmp_path: Path) -> None:
    sink = MaildirSink(tmp_path / "sent")

    name = sink.deliver(RAW)

    assert (tmp_path / "sent" / "new" / name).read_bytes() == RAW
    assert list((tmp_path / "sent" / "tmp").iterdir()) == []
    assert (tmp_path / "sent" / "cur").is_dir()
    assert [m.get_payload() for m in mailbox.Maildir(tmp_path / "sent").values()] == ["Hallo\n"]


def test_every_delivery_gets_its_own_name(tmp_path: Path) -> None:
    sink = MaildirSink(tmp_path / "sent")

    names = {sink.deliver(RAW + str(n).encode()) for n in range(50)}

    assert len(names) == 50
    assert len(sink.messages()) == 50


def test_the_smtp_server_delivers_accepted_mail_into_the_maildir(tmp_path: Path) -> None:
    with MaildirSmtpServer(LOOPBACK, free_port(), tmp_path / "sent") as server:
        with smtplib.SMTP(server.host, server.port, timeout=10) as client:
            refused = client.sendmail(
                "privacy@conxillium.nl", ["burger@example.org", "staf@conxillium.nl"], RAW
            )
        assert refused == {}
        [stored] = server.sink.messages()

    assert stored.startswith(b"Return-Path: <privacy@conxillium.nl>\r\n")
    assert b"X-Envelope-To: burger@example.org, staf@conxillium.nl\r\n" in stored
    assert stored.endswith(RAW)
    assert server.url == f"smtp://{LOOPBACK}:{server.port}"


def test_the_sink_survives_being_reopened(tmp_path: Path) -> None:
    MaildirSink(tmp_path / "sent").deliver(RAW)
    again = MaildirSink(tmp_path / "sent")
    again.deliver(RAW)
    assert again.messages() == [RAW, RAW]
