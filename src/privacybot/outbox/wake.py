"""Waking a sender's loop from whichever thread committed new work.

The triage worker and the web run in other threads than a sender's event loop; an
``asyncio.Event`` may only be set from its own loop, so a wake from elsewhere goes
through ``call_soon_threadsafe``. Both senders (mail and Telegram) share this.
"""

from __future__ import annotations

import asyncio


def wake_loop(loop: asyncio.AbstractEventLoop | None, event: asyncio.Event) -> None:
    """Set ``event`` on ``loop``; nothing when the loop is not running (yet, or any more)."""
    if loop is None or loop.is_closed():
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        event.set()
    else:
        loop.call_soon_threadsafe(event.set)
