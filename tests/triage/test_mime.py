"""MIME parsing: charsets, HTML, attachments, and bad input never raising."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from privacybot.triage.mime import parse_message

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"


def load(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def test_it_decodes_utf8_quoted_printable_and_encoded_subject() -> None:
    msg = parse_message(load("utf8_qp.eml"))
    assert msg.subject == "Inzage in mijn gegevens – Procura"
    assert "Renée" in msg.body and "—" in msg.body
    assert msg.sender == "anna@example.nl"
    assert msg.message_id == "<qp1@example.nl>"
    assert msg.date is not None and msg.date.year == 2026


def test_it_decodes_latin1_base64_body_and_header() -> None:
    msg = parse_message(load("latin1_base64.eml"))
    assert msg.subject == "Verwijdering gegevens José"
    assert "José Müller" in msg.body


def test_it_decodes_windows_1252_smart_quotes() -> None:
    msg = parse_message(load("cp1252.eml"))
    assert "\u201cZo kort mogelijk\u201d" in msg.body and "\u2013" in msg.body


def test_it_decodes_iso_8859_15_euro_sign() -> None:
    assert "€ 5" in parse_message(load("latin9.eml")).body


def test_it_converts_html_only_mail_to_text() -> None:
    msg = parse_message(load("html_only.eml"))
    assert "delete" in msg.body and "<b>" not in msg.body
    assert "body converted from HTML" in msg.problems


def test_it_keeps_a_form_tables_label_and_value_apart() -> None:
    """A web form mailed as an HTML table: label and value must not run together, or
    "BerichtMijn moeder …" hides the writer's first person and "E-mailkoen@…" their address."""
    from privacybot.triage.mime import html_to_text

    text = html_to_text(
        "<table><tr><td><b>Naam</b></td><td>Koen de Smet</td></tr>"
        "<tr><th>E-mail</th><td>koen@postvak.example</td></tr>"
        "<tr><td>Bericht</td><td>Mijn moeder is overleden.</td></tr></table>"
    )
    lines = [line.strip() for line in text.splitlines()]
    assert lines == [
        "Naam Koen de Smet",
        "E-mail koen@postvak.example",
        "Bericht Mijn moeder is overleden.",
    ]


def test_it_prefers_text_plain_and_lists_attachments_without_inlining() -> None:
    msg = parse_message(load("alternative_with_attachment.eml"))
    assert msg.body.strip() == "Ik wil inzage, zie bijlage."
    assert [(a.filename, a.content_type) for a in msg.attachments] == [
        ("brief.pdf", "application/pdf")
    ]
    assert 120 <= msg.attachments[0].size <= 140
    assert "PDF" not in msg.body
    assert msg.in_reply_to == "<ack-1@privacy.conxillium.nl>"
    assert msg.references == ("<r0@example.nl>", "<ack-1@privacy.conxillium.nl>")


def _alternative(plain: str, html: str) -> bytes:
    return (
        "From: Servicedesk <desk@gemeente.example>\nTo: privacy@conxillium.nl\n"
        "Subject: Vraag\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="B"\n\n'
        f"--B\nContent-Type: text/plain; charset=utf-8\n\n{plain}\n"
        f"--B\nContent-Type: text/html; charset=utf-8\n\n{html}\n--B--\n"
    ).encode()


@pytest.mark.parametrize("plain", ["##- Typ uw antwoord boven deze regel -##", "", "   "])
def test_a_stub_text_part_gives_way_to_the_html_that_carries_the_message(plain: str) -> None:
    """A ticket system's text part holding only its reply marker (or nothing), while the
    HTML part holds the citizen's question: the question is the message."""
    html = (
        "<p>##- Typ uw antwoord boven deze regel -##</p><p>Karin Smit schreef:</p>"
        "<p>Wij willen graag de actuele verwerkersovereenkomst ontvangen. Kunnen jullie die"
        " sturen?</p>"
    )
    msg = parse_message(_alternative(plain, html))
    assert "verwerkersovereenkomst" in msg.body
    assert "text part is a stub; body converted from HTML" in msg.problems


def test_a_short_text_part_stays_when_the_html_says_no_more() -> None:
    msg = parse_message(_alternative("Graag inzage in mijn dossier.", "<p>Graag inzage.</p>"))
    assert msg.body.strip() == "Graag inzage in mijn dossier."
    assert not any("HTML" in problem for problem in msg.problems)


def test_it_keeps_all_headers_decoded() -> None:
    msg = parse_message(load("utf8_qp.eml"))
    assert msg.header("subject") == msg.subject
    assert msg.header("To") == "privacy@conxillium.nl"


def test_header_injection_in_subject_does_not_survive() -> None:
    msg = parse_message(load("header_injection.eml"))
    assert "\n" not in msg.subject and "\r" not in msg.subject
    assert all("\n" not in v and "\r" not in v for _, v in msg.headers)
    assert msg.header("Bcc") is None


def test_message_that_is_only_an_attachment_yields_no_body_and_a_problem() -> None:
    msg = parse_message(load("only_attachment.eml"))
    assert msg.body == ""
    assert msg.attachments[0].filename == "scan.pdf"
    assert msg.attachments[0].size == 300
    assert "no text body" in msg.problems


def test_wrong_declared_charset_is_read_as_utf8_with_a_problem() -> None:
    msg = parse_message(load("wrong_charset.eml"))
    assert "Renée" in msg.body
    assert any("declared charset" in p for p in msg.problems)


def test_unknown_charset_falls_back() -> None:
    msg = parse_message(load("unknown_charset.eml"))
    assert "inzage" in msg.body
    assert any("unknown charset" in p for p in msg.problems)


def test_nested_message_is_listed_not_inlined() -> None:
    msg = parse_message(load("nested_rfc822.eml"))
    assert "BINNENSTE" not in msg.body
    assert msg.attachments[0].content_type == "message/rfc822"


def test_broken_multipart_yields_text_and_problems() -> None:
    msg = parse_message(load("broken_multipart.eml"))
    assert msg.problems


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n",
        bytes(range(256)) * 40,
        b"\x00\x01\x02garbage\xff\xfe",
        b"Subject: =?utf-8?b?!!!notbase64?=\r\n\r\nhi",
        b"Content-Type: multipart/mixed\r\n\r\nno boundary",
        b"Content-Type: text/plain; charset=\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@@",
        b"From: <<<>>>\r\nDate: yesterday-ish\r\n\r\nbody",
    ],
)
def test_bad_input_never_raises(raw: bytes) -> None:
    msg = parse_message(raw)
    assert isinstance(msg.body, str)


def test_empty_message_reports_a_problem() -> None:
    assert parse_message(b"").problems == ("empty message",)


def test_20_mb_message_is_parsed_quickly() -> None:
    head = b"From: a@example.nl\r\nSubject: groot\r\nContent-Type: text/plain\r\n\r\n"
    raw = head + b"ik wil inzage in mijn gegevens. " * (20 * 1024 * 1024 // 32)
    start = time.perf_counter()
    msg = parse_message(raw)
    assert time.perf_counter() - start < 10
    assert "body truncated" in msg.problems


def _attached(inner: bytes) -> bytes:
    return (
        b'From: a@example.nl\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nzie bijlage\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--b--\r\n"
    )


def test_an_attached_message_lists_the_types_inside_it() -> None:
    """A report forwarded inside an attached message stays visible to the R16 rules."""
    inner = (
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
        b"--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n"
        b"--r\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--r--\r\n"
    )
    (attachment,) = parse_message(_attached(inner)).attachments
    assert attachment.content_type == "message/rfc822"
    assert attachment.inside[:3] == ("multipart/report", "text/plain", "message/delivery-status")


def test_the_types_inside_an_attached_message_are_bounded() -> None:
    parts = b"".join(b"--r\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(500))
    inner = b'Content-Type: multipart/mixed; boundary="r"\r\n\r\n' + parts + b"--r--\r\n"
    (attachment,) = parse_message(_attached(inner)).attachments
    assert len(attachment.inside) == 32
