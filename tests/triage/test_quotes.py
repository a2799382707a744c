"""Quote, signature and footer stripping, and the R13 unquoted-text rule."""

from __future__ import annotations

import pytest

from privacybot.triage.quotes import clean_body, unquoted_text


def test_R13_code_in_unquoted_text_is_kept() -> None:
    body = "Hier is mijn code: 004271\n\nOp ma 1 jun. 2026 schreef Privacy:\n> code 123456\n"
    assert "004271" in unquoted_text(body)
    assert "123456" not in unquoted_text(body)


def test_R13_code_only_in_quoted_lines_is_not_unquoted() -> None:
    assert "004271" not in unquoted_text("> Uw code is 004271\nBedankt")


@pytest.mark.parametrize(
    "marker",
    [
        "On Mon, 1 Jun 2026 at 10:00, Privacy <privacy@conxillium.nl> wrote:",
        "Op 1 jun. 2026 om 10:00 schreef Privacy <privacy@conxillium.nl>:",
        "-----Original Message-----",
        "Van: Privacy <privacy@conxillium.nl>",
        "From: Privacy <privacy@conxillium.nl>",
    ],
)
def test_R13_text_after_the_first_attribution_or_header_line_is_not_unquoted(marker: str) -> None:
    body = f"Dank\n{marker}\nUw code is 004271\n"
    assert "004271" not in unquoted_text(body)
    assert "Dank" in unquoted_text(body)


def test_R13_wrapped_gmail_attribution_ends_unquoted_text() -> None:
    body = "ok\nOn Mon, 1 Jun 2026 at 10:00, Privacy <\nprivacy@conxillium.nl> wrote:\n004271"
    assert "004271" not in unquoted_text(body)


def test_it_removes_gt_quotes_and_keeps_the_reply_below_them() -> None:
    body = "On Mon, 1 Jun 2026, Desk wrote:\n> Wat wilt u?\n\nIk wil inzage."
    assert clean_body(body) == "Ik wil inzage."


@pytest.mark.parametrize(
    "history",
    [
        "Op ma 1 jun. 2026 om 10:00 schreef Privacy <privacy@conxillium.nl>:\nWilt u inzage?",
        "-----Original Message-----\nFrom: Desk\nWilt u inzage?",
        "-----Oorspronkelijk bericht-----\nVan: Desk\nWilt u inzage?",
        "Van: Desk <privacy@conxillium.nl>\nVerzonden: maandag 1 juni 2026\nAan: Piet\n"
        "Onderwerp: x\n\nWilt u inzage?",
        "From: Desk\nSent: Monday\nTo: Piet\nSubject: x\n\nWilt u inzage?",
        "________________________________\nFrom: Desk\nWilt u inzage?",
    ],
)
def test_it_cuts_quoted_history(history: str) -> None:
    assert clean_body("Graag verwijderen.\n\n" + history) == "Graag verwijderen."


@pytest.mark.parametrize(
    "footer",
    [
        "-- \nJan Jansen\n06-12345678",
        "Met vriendelijke groet,\nJan Jansen",
        "Kind regards,\nJan",
        "Verzonden vanaf mijn iPhone",
        "Sent from my iPhone",
        "Disclaimer: dit bericht is vertrouwelijk. Verwijder het als het niet voor u is.",
        "This e-mail is confidential and intended solely for the addressee. Delete it.",
    ],
)
def test_it_removes_signatures_and_footers(footer: str) -> None:
    assert clean_body("Ik wil inzage.\n\n" + footer) == "Ik wil inzage."


def test_it_is_conservative_with_a_greeting_in_the_middle_of_a_long_message() -> None:
    body = "Groeten\n" + "\n".join(f"regel {i}" for i in range(20))
    assert "regel 19" in clean_body(body)


def test_a_bare_forward_keeps_the_forwarded_text() -> None:
    body = (
        "---------- Forwarded message ---------\nFrom: Jan <jan@example.nl>\n"
        "Date: Mon\nSubject: x\nTo: desk\n\nIk wil inzage in mijn dossier."
    )
    assert clean_body(body) == "Ik wil inzage in mijn dossier."


def test_cleaning_never_touches_the_original() -> None:
    body = "Hoi\n> oud"
    clean_body(body)
    assert body == "Hoi\n> oud"


@pytest.mark.parametrize(
    "marker",
    [
        "Von: Privacy <privacy@conxillium.nl>",
        "De : Privacy <privacy@conxillium.nl>",
        "Am Di., 2. Juni 2026 um 10:00 Uhr schrieb Privacy <privacy@conxillium.nl>:",
        "Le mar. 2 juin 2026 à 10:00, Privacy <privacy@conxillium.nl> a écrit :",
        "Den tis 2 juni 2026 kl 10:00 skrev Privacy <privacy@conxillium.nl>:",
        "ti 2.6.2026 klo 10.00 Privacy (privacy@conxillium.nl) kirjoitti:",
        "---- Privacy Conxillium wrote ----",
        "-------- Originele bericht --------",
        "-----Ursprüngliche Nachricht-----",
    ],
)
def test_R13_other_languages_end_unquoted_text(marker: str) -> None:
    body = f"Dank\n{marker}\nUw code is 004271\n"
    assert "004271" not in unquoted_text(body)
    assert "Dank" in unquoted_text(body)


def test_R13_attribution_sharing_a_line_keeps_only_the_words_before_it() -> None:
    body = "Code 112233. On Tue, 2 Jun 2026, Privacy <p@c.nl> wrote:\n> code 445566\n"
    text = unquoted_text(body)
    assert "112233" in text and "445566" not in text and "wrote" not in text
