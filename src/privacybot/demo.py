"""Sample citizen mail for `privacybot demo`, so a newcomer sees cases appear.

The messages are written for this project: informal and formal, Dutch and English,
one with a typo'd company name, one question about the privacy statement.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

SAMPLES: tuple[tuple[str, str, str, str], ...] = (
    (
        "Anna de Vries <anna.devries@example.nl>",
        "Inzage in mijn gegevens",
        "nl",
        "Goedemiddag,\n\nIk wil graag weten welke persoonsgegevens jullie van mij hebben. "
        "Ik heb een account bij GeoTax via mijn gemeente.\nKunt u mij een kopie sturen?\n\n"
        "Met vriendelijke groet,\nAnna de Vries\n",
    ),
    (
        "Mark Jansen <m.jansen@example.org>",
        "verwijderen aub",
        "nl",
        "hoi, ik krijg nog steeds mails van procurra terwijl ik daar allang weg ben. "
        "wil graag dat al mijn gegevens verwijderd worden.\n\ngr mark\n\n"
        "Verzonden vanaf mijn iPhone\n",
    ),
    (
        "Sophie Bakker <sophie.bakker@example.com>",
        "Access request",
        "en",
        "Hello,\n\nUnder the GDPR I would like to request access to the personal data "
        "JCC Software holds about me, and a copy of it in a machine-readable format.\n\n"
        "Kind regards,\nSophie Bakker\n",
    ),
    (
        "Peter van Dam <pvandam@example.net>",
        "Vraag over cookies",
        "nl",
        "Beste mensen,\n\nIk las jullie privacyverklaring. Welke cookies plaatsen jullie op "
        "de website, en waarvoor? En hoe lang bewaren jullie mijn IP-adres?\n\n"
        "Groeten,\nPeter van Dam\n",
    ),
    (
        "Fatima El Amrani <f.elamrani@example.nl>",
        "Geen nieuwsbrief meer",
        "nl",
        "Hallo,\n\nIk wil geen nieuwsbrieven en reclame meer van DataQuint ontvangen. "
        "Ik trek mijn toestemming hiervoor in.\n\nFatima\n",
    ),
)


def demo_messages(now: datetime, domain: str = "example.nl") -> list[bytes]:
    out: list[bytes] = []
    for sender, subject, _language, body in SAMPLES:
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = "privacy@conxillium.nl"
        msg["Subject"] = subject
        msg["Date"] = format_datetime(now)
        msg["Message-ID"] = f"<demo.{secrets.token_hex(8)}@{domain}>"
        msg.set_content(body)
        out.append(msg.as_bytes())
    return out
