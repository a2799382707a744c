"""Automatic mail per weak class (challenge-response, gateway, JSON, out-of-office subject)
and the hard human negatives that guard each new rule; plus the speed bound."""

from __future__ import annotations

from email.header import Header
from pathlib import Path

import pytest

from privacybot.triage.automatic import check_automatic
from privacybot.triage.mime import parse_message

MAIL = Path(__file__).resolve().parent.parent / "data" / "mail"
OURS = "privacy@conxillium.nl"


def verdict(raw: bytes) -> tuple[bool, str | None]:
    v = check_automatic(parse_message(raw), our_address=OURS)
    return v.automatic, v.rule_id


def fixtures(cls: str) -> list[str]:
    return sorted(p.name for p in (MAIL / "auto" / cls).glob("*.eml"))


def mail(subject: str, body: str, sender: str = "someone@example.org") -> bytes:
    return (
        f"From: {sender}\r\nTo: {OURS}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


@pytest.mark.parametrize("name", fixtures("challenge"))
def test_challenge_response_in_several_languages_is_automatic(name: str) -> None:
    assert verdict((MAIL / "auto/challenge" / name).read_bytes()) == (True, "challenge-response")


@pytest.mark.parametrize("name", fixtures("gateway") + fixtures("antivirus"))
def test_gateway_and_antivirus_notices_are_automatic(name: str) -> None:
    path = next((MAIL / "auto").glob(f"*/{name}"))
    automatic, rule_id = verdict(path.read_bytes())
    assert automatic and rule_id in (
        "gateway-sender",
        "gateway-subject",
        "gateway-body",
        "gateway-notice",
    )


@pytest.mark.parametrize("name", fixtures("json_notification"))
def test_provider_json_notifications_are_automatic(name: str) -> None:
    raw = (MAIL / "auto/json_notification" / name).read_bytes()
    assert verdict(raw) == (True, "json-notification")


@pytest.mark.parametrize("name", fixtures("oof_subject"))
def test_out_of_office_subject_fixtures_are_automatic(name: str) -> None:
    assert verdict((MAIL / "auto/oof_subject" / name).read_bytes()) == (True, "oof-subject")


@pytest.mark.parametrize(
    "subject",
    [
        "Auto reply",
        "Automated response: Your message",
        "Automatisch antwoord: Ontvangstbevestiging",
        "Abwesenheitsnotiz",
        "Réponse automatique : votre demande",
        "Fuori sede",
        "Fuera de la oficina",
        "Poza biurem",
        "Automatická odpověď: Žádost",
        "Otomatik yanıt: Talebiniz",
        "Außer Haus",
        "Out of Office AutoReply: Your request",
        "自動返信：お問い合わせ",
        "自动回复：您的请求",
        "自动答复 您的请求",
        "자동 회신: 요청",
        "Автоматический ответ: запрос",
        "Αυτόματη απάντηση: αίτημα",
        "[Auto-Reply] Re: [PRV-2026-00001] Your request",
        "[自動回覆] 您的請求",
    ],
)
def test_out_of_office_subjects_in_many_languages_and_scripts(subject: str) -> None:
    assert verdict(mail(subject, "Back soon.")) == (True, "oof-subject")


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Automatická odpověď: žádost", "iso-8859-2"),
        ("自動返信: お問い合わせ", "iso-2022-jp"),
        ("自动回复: 您的请求", "gb2312"),
        ("Réponse automatique", "windows-1252"),
    ],
)
def test_out_of_office_encoded_word_subjects(text: str, charset: str) -> None:
    raw = f"From: a@b.example\r\nSubject: {Header(text, charset).encode()}\r\n\r\nx\r\n"
    assert verdict(raw.encode()) == (True, "oof-subject")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Afwezig", "Ik ben er tot 12/7 niet."),
        ("Poissa", "Palaan 5.8."),
        ("Ausente", "Estaré ausente hasta el 3 de agosto. Para temas urgentes escriba a info@x."),
    ],
)
def test_weak_out_of_office_subject_with_a_short_away_notice(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (True, "oof-subject")


# ---- hard human negatives: one family per test --------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Automatisch antwoord: Uw verzoek",
        "AW: Abwesenheitsnotiz: Ihre Auskunft",
        "SV: Frånvaro",
        "Fwd: Automatic reply: inzage",
        "RE: [Auto-Reply] Your request",
    ],
)
def test_replies_and_forwards_of_auto_replies_are_human(subject: str) -> None:
    body = "Ik kreeg alleen een automatisch antwoord. Wanneer krijg ik inzage in mijn gegevens?"
    assert verdict(mail(subject, body)) == (False, None)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Afwezigheid melden", "Ik ben van 3 tot 17 juni afwezig. Stuur de brief daarna."),
        ("Vakantie", "Ik ben op vakantie tot 20 juni. Stuur de inzage daarna naar mijn huisadres."),
        ("Away until 12 July", "I'm away until 12 July. Hold the copy of my records until then."),
        ("Afwezig", "Ik was afwezig toen jullie belden. Wat willen jullie weten?"),
        ("Out of office?", "Ik kreeg een afwezigheidsmelding. Wie behandelt mijn verzoek nu?"),
    ],
)
def test_citizens_writing_about_absence_are_human(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "Please confirm that you are a human and not a robot, and tell me when my data is deleted.",
        "Your form asks me to verify I am not a robot and then says my message was not delivered "
        "(https://www.conxillium.nl/form). Please give me a copy of my personal data.",
        "Jullie mails komen in mijn spamfilter. Kunnen jullie bevestigen dat mijn verzoek is "
        "afgeleverd? https://portaal.example/k",
    ],
)
def test_citizens_speaking_of_confirm_verify_spam_are_human(body: str) -> None:
    assert verdict(mail("Verzoek", body)) == (False, None)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Message quarantined?",
            "Your reply seems to have been quarantined. The message was held.",
        ),
        ("Virus found in your attachment?", "My scanner says a virus was detected in your PDF."),
        (
            "Quarantaine",
            "Jullie bericht is in quarantaine geplaatst. Kunnen jullie het opnieuw sturen?",
        ),
    ],
)
def test_citizens_asking_about_quarantine_or_viruses_are_human(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        '{"customer_id": 4411, "phone": "+31 6 1234"}\n\nWhy do you still store my phone number?',
        'Your API gave me this:\n{"event": "signup", "email": "x@y.example"}',
        '{"name": "Ivo"}\nDelete my data please.',
    ],
)
def test_pasted_json_with_a_citizens_question_is_human(body: str) -> None:
    assert verdict(mail("My data", body)) == (False, None)


@pytest.mark.parametrize(
    "name",
    [
        "forwarded_bounce.eml",
        "forwarded_ndr_outlook.eml",
        "auto_reply_received_fwd.eml",
        "your_mail_bounced.eml",
        "held_at_post_office.eml",
    ],
)
def test_forwarded_bounces_and_bounce_talk_with_a_question_above_are_human(name: str) -> None:
    assert verdict((MAIL / "human" / name).read_bytes()) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "Hello, I use a spam blocker. Please whitelist privacy@conxillium.nl on your side too and "
        "reply to this email to confirm that my earlier message was delivered. Thanks, Tom",
        "Ik gebruik een spamblokker. Ik heb jullie adres aan mijn veilige afzenders toegevoegd. "
        "Beantwoord deze e-mail gerust opnieuw, dan wordt het antwoord wel afgeleverd.",
        "J'utilise un anti-spam. Merci d'ajouter mon adresse à votre liste blanche pour que votre "
        "réponse me soit remise. Répondez à ce message pour confirmer.",
        "Why am I receiving this? I never wrote to you. My spam filter held your mail; reply to "
        "this message to confirm it was delivered.",
    ],
)
def test_citizens_with_their_own_spam_blocker_are_human(body: str) -> None:
    assert verdict(mail("Re: Your request", body)) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "Your message is pending. I use a spam blocker for new senders. Just reply to this email "
        "once and your message will be passed on.",
        "Ihre Nachricht wartet auf Freigabe. Wegen Spam antworten Sie bitte einmalig auf diese "
        "Nachricht, dann wird sie zugestellt.",
        "Uw e-mail wacht op autorisatie. Ik ontvang alleen mail van afzenders in mijn "
        "contactenlijst. Beantwoord deze e-mail en uw bericht wordt afgeleverd.",
        "Before your message reaches my inbox, please verify: https://v.example/c/1\n"
        "Why am I receiving this?\nI use a filter against spam.",
    ],
)
def test_challenges_without_a_link_or_with_a_template_question(body: str) -> None:
    assert verdict(mail("Re: Your request", body)) == (True, "challenge-response")


@pytest.mark.parametrize(
    "body",
    [
        'Your JSON export is broken:\n{"orders": [{"id": 1, "status": "delivered"}]}\nPlease '
        "send a correct file.",
        'Jullie systeem stuurde dit:\n{"event": "bounce", "email": "a@example.nl"}\nGraag uitleg.',
        '{"event": "bounce", "email": "a@example.nl"}\nIt is wrong, please fix it.',
    ],
)
def test_json_shown_to_the_desk_with_a_complaint_is_human(body: str) -> None:
    assert verdict(mail("Export", body)) == (False, None)


def test_cut_off_keyed_json_is_a_notification() -> None:
    body = '{"eventType": "Bounce", "bounce": {"bounceType": "Permanent", "x": 1, "y": [{"z": "a'
    assert verdict(mail("event", body)) == (True, "json-notification")


@pytest.mark.parametrize(
    "subject",
    [
        "Currently out of the office",
        "De vacaciones hasta el 20 de agosto",
        "In ferie fino al 25/08",
        "Met verlof tot 1 september",
        "Urlop do 12.08",
        "Em férias até 10/08",
    ],
)
def test_weak_leave_and_holiday_subjects_with_an_away_notice(subject: str) -> None:
    body = "Away until the 25th, limited access to mail. Urgent matters: office@x.example."
    assert verdict(mail(subject, body)) == (True, "oof-subject")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Afwezig: kunt u mij bellen", "Ik ben tot vrijdag afwezig. Kunt u mij daarna bellen?"),
        ("Met verlof", "Ik ben met verlof tot 1 september. Stuur mijn gegevens daarna."),
        ("De vacaciones", "Estaré de vacaciones. Por favor, respondan a mi solicitud después."),
    ],
)
def test_citizens_on_leave_with_a_request_are_human(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "My message was quarantined by your filter, so here is my request again: send me a copy.",
        "Uw bericht is tegengehouden door ons spamfilter omdat het een zip-bestand bevatte. "
        "Stuur de stukken nog eens als pdf.",
        "Our gateway removed the attachment because it contains macros. Could you resend it?\n"
        "Sender: privacy@conxillium.nl\nReason: macros",
        "Meine E-Mail an Sie wurde blockiert.\nAbsender: a@example.de\nEmpfänger: b@example.de",
    ],
)
def test_people_telling_of_a_blocked_message_are_human(body: str) -> None:
    assert verdict(mail("Re: Uw brief", body, "anja@example.nl")) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "The message you sent was not delivered because it contains a blocked file type.\n"
        "This is an automated notification.",
        "Ihre E-Mail wurde aufgrund einer DLP-Richtlinie nicht zugestellt.\nRichtlinie: "
        "Personenbezogene Daten extern\nAktion: Blockiert",
        "Uw bericht is in quarantaine geplaatst.\nAfzender: privacy@conxillium.nl\n"
        "Onderwerp: Uw verzoek",
    ],
)
def test_gateway_notices_from_neutral_senders_by_their_template(body: str) -> None:
    assert verdict(mail("Melding", body, "mail@firma.example")) == (True, "gateway-notice")


# ---- hostile bodies (their timing is bench/hostile_bodies.py) -----------------------------


@pytest.mark.parametrize(
    "body",
    [
        "{" * 200_000,
        '{"a": ' * 5_000 + "1" + "}" * 5_000,
        "[1]\n" * 50_000,
        ("message " * 20 + "\n") * 5_000,
        "Auto reply " * 20_000,
    ],
)
def test_hostile_bodies_under_a_weak_subject_stay_a_persons(body: str) -> None:
    """Endless braces, nesting or one word repeated under "Afwezig x x …" say nothing a
    notice says: no rule may take them, nor fail on them."""
    assert verdict(mail("Afwezig " + "x " * 2_000, body)) == (False, None)


@pytest.mark.parametrize("name", fixtures("list_admin"))
def test_mailing_list_administration_is_automatic(name: str) -> None:
    assert verdict((MAIL / "auto/list_admin" / name).read_bytes()) == (True, "list-admin")


@pytest.mark.parametrize("header", ["X-MLServer: fml [fml 4.0.3]", "X-ML-Name: burgerpanel"])
def test_fml_list_manager_headers_alone_are_list_administration(header: str) -> None:
    """fml's notices ("Loop Alert", command results) come from an ordinary-looking sender
    with neutral wording; its own header fields are what they carry."""
    plain = mail("Loop Alert: duplicated Message-ID", "Duplicated Message-ID found.", "ml@x.test")
    assert verdict(plain) == (False, None)
    raw = plain.replace(b"MIME-Version", header.encode() + b"\r\nMIME-Version", 1)
    assert verdict(raw) == (True, "list-admin")


@pytest.mark.parametrize("name", fixtures("read_receipt"))
def test_read_and_delivery_receipts_are_automatic(name: str) -> None:
    automatic, rule_id = verdict((MAIL / "auto/read_receipt" / name).read_bytes())
    assert automatic and rule_id in (
        "read-receipt",
        "multipart-report",
        "report-part",
        "daemon-sender",
    )


@pytest.mark.parametrize("name", fixtures("plain_bounce") + fixtures("null_sender"))
def test_text_bounces_and_null_senders_are_automatic(name: str) -> None:
    path = next((MAIL / "auto").glob(f"*/{name}"))
    assert verdict(path.read_bytes())[0]


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Gelezen: uw brief", "Ik heb uw brief gelezen. Waarom duurt mijn verzoek zo lang?"),
        ("Read: your letter", "Your message was read on Monday, you say. Delete my account."),
        ("Welcome to the list", "I never subscribed to your mailing list. What data do you hold?"),
        ("confirm my unsubscription", "Please confirm you removed me from the list."),
        ("Uitschrijven", "Haal mij uit de mailinglijst en verwijder mijn gegevens."),
        ("Auto: kenteken", "Jullie deelden het kenteken van mijn auto. Met wie nog meer?"),
        ("Spam quarantine report", "My provider quarantined your mail. I want access to my data."),
        ("Email blocked by your server", "You blocked my mail twice. Here it is again."),
    ],
)
def test_citizens_using_receipt_list_and_gateway_words_are_human(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (False, None)


@pytest.mark.parametrize(
    "body",
    [
        "Final-Recipient: rfc822; me@example.org\nStatus: 5.1.1\n\nThat is what my provider "
        "sent back. Fix my address in your records.",
        "Status: nog altijd niets\nAction: ik wacht\nFinal-Recipient: ikzelf\n\nVerwijder alles.",
        "Your mail to me bounced:\n550 5.1.1 user unknown\n------ This is a copy of the message\n",
    ],
)
def test_citizens_pasting_delivery_report_fields_are_human(body: str) -> None:
    assert verdict(mail("Uw mail kwam niet aan", body)) == (False, None)


@pytest.mark.parametrize(
    "header",
    [
        "Return-Path: <#@[]>",
        "X-Envelope-Sender: <>",
        "Return-Path: <@>",
        'From: ""',
        "Received: from a (b) by c with esmtp (envelope-from <>); Thu, 11 Jun 2026 10:00:00 +0200",
    ],
)
def test_null_sender_written_other_ways(header: str) -> None:
    raw = f"{header}\r\nSubject: Notice\r\n\r\nA notice.\r\n".encode()
    assert verdict(raw) == (True, "null-return-path")


@pytest.mark.parametrize(
    "header",
    [
        "X-Autoresponder: yes",
        "X-Auto-Response: vacation",
        "X-Precedence: auto_reply",
        "X-Mailer: vacation 1.2",
        "X-Auto-Submitted: auto-replied",
        "X-MS-Exchange-Organization-AutoReply: true",
        "X-HS-Autoreply: 1",
        "X-Is-Autoreply: yes",
        "X-TOPdesk-Autoreply: true",
        "X-MS-Exchange-Inbox-Rules-Loop: a@b.example",
    ],
)
def test_vendor_autoreply_headers_by_shape(header: str) -> None:
    raw = f"From: a@b.example\r\n{header}\r\nSubject: x\r\n\r\nThanks.\r\n".encode()
    assert verdict(raw) == (True, "autoreply-headers")


def test_exchange_rule_loop_naming_another_mailbox_only_redirected_mail() -> None:
    """The inbox rule of kantoor@ passed on a@'s mail: that says nothing of who wrote it."""
    raw = (
        b"From: A. Bos <a@b.example>\r\nX-MS-Exchange-Inbox-Rules-Loop: kantoor@b.example\r\n"
        b"Subject: Vraag\r\n\r\nHoe lang bewaren jullie mijn gegevens?\r\n"
    )
    assert verdict(raw) == (False, None)


@pytest.mark.parametrize(
    "header",
    [
        "X-Auto-Response-Suppress: All",
        "X-MS-Exchange-Organization-AutoResponse-Suppress: All",
        "X-Autoresponder-Suppress: yes",
    ],
)
def test_suppress_headers_are_not_autoreply_headers(header: str) -> None:
    """Outlook stamps "do not auto-answer this" on ordinary mail (R16): never a sign."""
    raw = f"From: a@b.example\r\n{header}\r\nSubject: x\r\n\r\nIk wil inzage.\r\n".encode()
    assert verdict(raw) == (False, None)


def test_x_auto_response_suppress_alone_is_still_not_automatic() -> None:
    raw = (
        b"From: a@b.example\r\nX-Auto-Response-Suppress: All\r\n"
        b"Subject: x\r\n\r\nIk wil inzage.\r\n"
    )
    assert verdict(raw) == (False, None)


@pytest.mark.parametrize(
    "return_path",
    [
        "svc_crm@hosting.example",
        "sharepoint-svc@kantoor.example",
        "0102018d4c9a7b21f0e2-1c0d-4b6a-9d1e-000000@mail.ses.example",
        "m-ed2d7f2c@bounce.challenge.example",
        "5950673@bf7.crm.example",
        "double-bounce@mail.makelaar.example",
    ],
)
def test_system_envelope_senders_under_an_ordinary_from(return_path: str) -> None:
    body = "Per 1 maart wijzigen de voorwaarden. De wijzigingen staan in de bijlage."
    raw = mail("Wijziging voorwaarden", body, "Lisa Vos <l.vos@bedrijf.example>")
    raw = f"Return-Path: <{return_path}>\r\n".encode() + raw
    assert verdict(raw) == (True, "machine-envelope")
    person = raw.replace(body.encode(), b"Ik wil graag weten welke gegevens u van mij heeft.")
    assert verdict(person) == (False, None)


def test_dmarc_aggregate_report_subject_and_x_arf_header() -> None:
    dmarc = mail(
        "Report Domain: conxillium.nl Submitter: mail.example Report-ID: <41@mail.example>",
        "This is an aggregate DMARC report.",
        "dmarc-reports@mail.example",
    )
    assert verdict(dmarc) == (True, "gateway-subject")
    arf = mail("Beschwerde", "Details im Anhang.", "abuse@rz.example").replace(
        b"MIME-Version", b"X-ARF: YES\r\nMIME-Version", 1
    )
    assert verdict(arf) == (True, "ndr-headers")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Leído: Re: su mensaje", "Su mensaje Para: Ana Asunto: x ha sido leído el 19/05/2026."),
        ("Okundu: Re: x", "İletiniz Kime: Can Konu: x 17.03.2026 tarihinde okundu."),
        ("Прочитано: Re: x", "Ваше сообщение Кому: Игорь Тема: x было прочитано 08.04.2026."),
        ("Niet gelezen: Re: x", "Uw bericht is op 29 januari verwijderd zonder te zijn gelezen."),
    ],
)
def test_outlook_receipts_in_more_languages(subject: str, body: str) -> None:
    assert verdict(mail(subject, body)) == (True, "read-receipt")


@pytest.mark.parametrize(
    "sender",
    [
        "postmeister@stadt.example",
        "smtpd@relay.example",
        "mta-notify@relay.example",
        "system-mailer@srv01.example",
        "delivery-notification@mail.example",
        "E-mail-service@mailservice.example",
    ],
)
def test_mail_system_senders_in_more_spellings(sender: str) -> None:
    body = "Die Nachricht konnte nicht zugestellt werden."
    assert verdict(mail("Zustellbericht", body, sender)) == (True, "daemon-sender")
    person = mail("Vraag", "Ik wil graag weten welke gegevens u van mij heeft.", sender)
    assert verdict(person) == (False, None)


def test_json_after_a_label_on_the_same_line() -> None:
    body = 'Event data: {"eventType": "Bounce", "bounce": {"bounceType": "Permanent"}}'
    assert verdict(mail("Notification", body, "events@provider.example")) == (
        True,
        "json-notification",
    )
