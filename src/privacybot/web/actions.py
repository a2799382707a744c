"""Run one staff use-case in one transaction and turn its refusal into a status and a line.

The dashboard and the JSON API both come through here, so a viewer gets 403 and a
draft that is no longer waiting gets 409 whichever way they ask. The use-cases
(service/actions, drafts, queue; outbox/store) do the checking and the audit events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from privacybot.db.session import transaction
from privacybot.service.actions import ActionError
from privacybot.service.cases import CaseError
from privacybot.service.drafts import DraftError
from privacybot.service.queue import QueueError
from privacybot.staff import StaffError
from privacybot.states import IllegalTransition
from privacybot.web.state import WebState

T = TypeVar("T")

#: The words of service.drafts.approve when the four-eyes rule refuses.
FOUR_EYES = "another officer must approve"


class Refusal(Exception):
    """A use-case said no; ``status`` for HTTP, the message for the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

    @property
    def four_eyes(self) -> bool:
        return FOUR_EYES in str(self)


def _status(message: str) -> int:
    return 404 if message.startswith("no ") else 409


def run(state: WebState, work: Callable[[Session], T]) -> T:
    try:
        with transaction(state.engine) as session:
            return work(session)
    except StaffError as exc:
        raise Refusal(403, str(exc)) from None
    except (DraftError, ActionError, CaseError, QueueError, IllegalTransition) as exc:
        raise Refusal(_status(str(exc)), str(exc)) from None
    except LookupError as exc:
        raise Refusal(404, str(exc).strip("'\"")) from None
    except ValueError as exc:
        raise Refusal(409, str(exc)) from None
    except IntegrityError:
        # Two people (or one double click) did the same at the same moment: one won.
        raise Refusal(409, "this was just done by another request; reload the page") from None


def require_officer_role(officer: bool) -> None:
    if not officer:
        raise Refusal(403, "viewers read; only officers act")


def outbox(state: WebState, work: Callable[[], None]) -> None:
    """outbox/store opens its own transaction; map its refusals the same way."""
    try:
        work()
    except LookupError as exc:
        raise Refusal(404, str(exc).strip("'\"")) from None
    except (ValueError, IllegalTransition) as exc:
        raise Refusal(409, str(exc)) from None
