"""The built-in mailbox: pymap embedded, one user, an empty INBOX, IDLE and keywords."""

from __future__ import annotations

import asyncio

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from privacybot.intake.demo_server import DemoImapServer, append_messages
from privacybot.testing.servers import LOOPBACK, ImapTestServer


def test_it_starts_empty_with_idle_and_keywords(pymap_server: ImapTestServer) -> None:
    client = pymap_server.client()
    try:
        assert client.has_capability("IDLE")
        info = client.select_folder("INBOX")
        assert info[b"EXISTS"] == 0
        assert b"\\*" in info[b"PERMANENTFLAGS"]
        assert client.list_folders() == [((b"\\HasNoChildren",), b"/", "INBOX")]
    finally:
        client.logout()


def test_appended_messages_keep_their_bytes_and_accept_keywords(
    pymap_server: ImapTestServer,
) -> None:
    raw = b"Subject: test\r\nMessage-ID: <demo-1@example.org>\r\n\r\nhallo\r\n"
    [uid] = append_messages(pymap_server.host, pymap_server.port, "privacy", "privacy", [raw])
    client = pymap_server.client()
    try:
        client.select_folder("INBOX")
        assert client.fetch([uid], [b"BODY.PEEK[]"])[uid][b"BODY[]"] == raw
        client.add_flags([uid], [b"$PrivacybotStored"])
        assert client.search(["KEYWORD", "$PrivacybotStored"]) == [uid]
    finally:
        client.logout()


def test_a_wrong_password_is_refused(pymap_server: ImapTestServer) -> None:
    client = IMAPClient(pymap_server.host, port=pymap_server.port, ssl=False, timeout=5)
    with pytest.raises(LoginError):
        client.login("privacy", "wrong")
    client.shutdown()


async def test_it_runs_on_the_callers_event_loop() -> None:
    async with DemoImapServer(LOOPBACK, 0) as server:
        assert server.port != 0
        uids = await asyncio.to_thread(
            append_messages,
            LOOPBACK,
            server.port,
            "privacy",
            "privacy",
            [b"Subject: x\r\n\r\ny\r\n"],
        )
        assert len(uids) == 1
    with pytest.raises(OSError):
        await asyncio.to_thread(
            append_messages, LOOPBACK, server.port, "privacy", "privacy", [b"x"]
        )


def test_a_restart_cuts_sessions_and_starts_empty(pymap_server: ImapTestServer) -> None:
    pymap_server.append(b"Subject: x\r\n\r\ny\r\n")
    client = pymap_server.client()
    client.select_folder("INBOX")

    pymap_server.restart()

    with pytest.raises(Exception):  # noqa: B017 - EOF surfaces as imaplib.abort or OSError
        client.noop()
    client.shutdown()  # the dead session's socket is ours to close
    assert pymap_server.flags() == {}
