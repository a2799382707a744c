"""Which verification timer is due for a case today (R7); pure.

A requester who never sends the code gets one reminder three days after the first
code and, 28 days after it, the case is closed as unverified with an art. 12(4)
message. Closing wins when both are due (a service that was down for weeks must
not remind someone whose case it is about to close).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from privacybot.cases.deadline import unverified_closure_date, verification_reminder_date


class TimerAction(StrEnum):
    REMIND = "verification_reminder"
    CLOSE_UNVERIFIED = "unverified_closure"


def verification_timer(
    first_code: date | None, today: date, reminder_sent: bool
) -> TimerAction | None:
    if first_code is None:
        return None
    if today >= unverified_closure_date(first_code):
        return TimerAction.CLOSE_UNVERIFIED
    if not reminder_sent and today >= verification_reminder_date(first_code):
        return TimerAction.REMIND
    return None
