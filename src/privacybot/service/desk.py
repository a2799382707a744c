"""What the writer needs to know about this installation: clock rules, sender, key, limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from privacybot.cases.deadline import Clockwork
from privacybot.decision.facts import Limits


@dataclass(frozen=True)
class Outgoing:
    """Sender identity and which reply kinds may go out without staff (DESIGN step 6)."""

    from_address: str
    auto_send_kinds: frozenset[str]

    @property
    def domain(self) -> str:
        return self.from_address.rsplit("@", 1)[-1]


@dataclass(frozen=True)
class Parent:
    """The inbound message a draft answers, for R19's threading headers and subject."""

    message_id: str | None
    references: tuple[str, ...]
    in_reply_to: str | None
    subject: str


@dataclass(frozen=True)
class Desk:
    clockwork: Clockwork
    outgoing: Outgoing
    key: bytes = field(repr=False)
    limits: Limits = field(default_factory=Limits)
    #: Who gets urgent alerts (a reported breach, the regulator) and the digest.
    staff_emails: tuple[str, ...] = ()

    @property
    def trusted_authserv_id(self) -> str | None:
        return self.limits.trusted_authserv_id
