"""A loopback Telegram Bot API of our own, for tests and benchmarks (issue 15).

It speaks the part of https://core.telegram.org/bots/api the bot uses, over real HTTP,
so python-telegram-bot runs unchanged against it through ``base_url``
(``PRIVACYBOT_TELEGRAM_API_URL``): ``getMe``; ``getUpdates`` with offsets (an update
is confirmed, and dropped, once a call asks for a higher offset) and long-poll
timeouts (a newer call ends an older one with 409, as Telegram does); ``sendMessage``,
``editMessageText``, ``answerCallbackQuery`` and ``leaveChat``. Error answers are
Telegram's: 403 for a chat that blocked the bot, 429 with ``retry_after`` while a
flood storm is on, 400 for a message that does not exist.

The test side plays the citizens and staff (``send_text``, ``press``, ``send_update``)
and reads what the bot said (``messages``, ``wait_for``). Requests may be form-encoded
(what python-telegram-bot sends, with JSON-encoded values) or JSON.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

LOOPBACK = "127.0.0.1"
#: A syntactically valid token (config.py checks the shape).
TEST_TOKEN = "123456789:TEST-token-for-the-loopback-api_0123"
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Privacydesk", "username": "privacy_bot"}

_JSON_PARAMS = frozenset({"reply_markup", "allowed_updates", "entities", "link_preview_options"})
_INT_PARAMS = frozenset({"chat_id", "offset", "limit", "timeout", "message_id", "cache_time"})


@dataclass
class Sent:
    """One thing the bot did to a chat: a message sent or edited, with its buttons."""

    method: str
    chat_id: int
    message_id: int
    text: str
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)
    at: float = field(default_factory=time.monotonic)
    #: The message opens the reply box (``reply_markup`` is a ForceReply).
    force_reply: bool = False

    @property
    def callback_data(self) -> list[str]:
        return [data for row in self.buttons for _, data in row]


@dataclass
class Call:
    """One API request as it arrived, and the HTTP status we answered."""

    method: str
    params: dict[str, Any]
    status: int
    at: float


def _buttons(markup: Any) -> list[list[tuple[str, str]]]:
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or []
    return [
        [
            (str(b.get("text", "")), str(b.get("callback_data", "")))
            for b in row
            if isinstance(b, dict)
        ]
        for row in rows
        if isinstance(row, list)
    ]


class FakeBotApi:
    """The server and its state; every public method is safe to call from any thread."""

    def __init__(self, token: str = TEST_TOKEN, host: str = LOOPBACK, port: int = 0) -> None:
        self.token = token
        self._cond = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._next_update = 10_000
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._poll_generation = 0
        self.confirmed_offset = 0
        self.sent: list[Sent] = []
        self.calls: list[Call] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.left_chats: list[int] = []
        self.blocked: set[int] = set()
        #: method -> [remaining 429 answers, retry_after seconds]
        self._storms: dict[str, list[int]] = {}
        #: Where message dates come from (tests with a fixed clock set it to theirs).
        self.clock: Callable[[], float] = time.time
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What PRIVACYBOT_TELEGRAM_API_URL is set to (python-telegram-bot appends the token)."""
        return f"http://{LOOPBACK}:{self.port}/bot"

    def start(self) -> FakeBotApi:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fake-bot-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._poll_generation += 1
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    # --- the citizen and staff side ----------------------------------------------------------

    def send_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update (an ``update_id`` is added when missing); returns its id."""
        with self._cond:
            if "update_id" not in update:
                self._next_update += 1
                update = {"update_id": self._next_update, **update}
            else:
                self._next_update = max(self._next_update, int(update["update_id"]))
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def _message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        language_code: str | None = "nl",
        is_bot: bool = False,
        date: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message object as Telegram sends it (no update around it)."""
        user: dict[str, Any] = {"id": user_id or chat_id, "is_bot": is_bot, "first_name": "Test"}
        if language_code is not None:
            user["language_code"] = language_code
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Test"
        else:
            chat["title"] = "Some group"
        with self._cond:
            message_id = self._message_id(chat_id)
        msg: dict[str, Any] = {
            "message_id": message_id,
            "from": user,
            "chat": chat,
            "date": date if date is not None else int(self.clock()),
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        msg.update(extra)
        return msg

    def send_text(self, chat_id: int, text: str, **kw: Any) -> int:
        """A citizen (or staff member) types ``text`` in chat ``chat_id``."""
        return self.send_update({"message": self.message(chat_id, text, **kw)})

    def edit(self, chat_id: int, message_id: int, text: str, **kw: Any) -> int:
        msg = self.message(chat_id, text, **kw)
        msg["message_id"] = message_id
        msg["edit_date"] = int(self.clock())
        return self.send_update({"edited_message": msg})

    def press(
        self,
        chat_id: int,
        data: str,
        *,
        message_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        language_code: str | None = "nl",
    ) -> int:
        """Someone presses an inline button with ``data`` under one of the bot's messages."""
        if message_id is None:
            mine = [s for s in self.messages(chat_id) if data in s.callback_data]
            message_id = mine[-1].message_id if mine else 1
        user: dict[str, Any] = {"id": user_id or chat_id, "is_bot": False, "first_name": "Test"}
        if language_code is not None:
            user["language_code"] = language_code
        with self._cond:
            query_id = f"q{self._next_update + 1}"
        return self.send_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "chat_instance": str(chat_id),
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "from": BOT_USER,
                        "chat": {"id": chat_id, "type": chat_type},
                        "date": int(time.time()),
                        "text": "…",
                    },
                }
            }
        )

    # --- what the bot did ----------------------------------------------------------------------

    def messages(self, chat_id: int | None = None) -> list[Sent]:
        with self._cond:
            return [s for s in self.sent if chat_id is None or s.chat_id == chat_id]

    def texts(self, chat_id: int) -> list[str]:
        return [s.text for s in self.messages(chat_id)]

    def wait_for(
        self, predicate: Callable[[list[Sent]], bool], timeout: float = 10.0, what: str = ""
    ) -> list[Sent]:
        """Block until ``predicate(all sent so far)`` holds; AssertionError on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(list(self.sent)):
                left = deadline - time.monotonic()
                if left <= 0:
                    shown = "\n".join(f"  {s.chat_id}: {s.text[:80]!r}" for s in self.sent[-10:])
                    raise AssertionError(f"timed out waiting for {what or predicate}:\n{shown}")
                self._cond.wait(left)
            return list(self.sent)

    def wait_for_count(self, chat_id: int, count: int, timeout: float = 10.0) -> list[Sent]:
        self.wait_for(
            lambda s: sum(m.chat_id == chat_id for m in s) >= count,
            timeout,
            f"{count} message(s) to chat {chat_id}",
        )
        return self.messages(chat_id)

    def pending_updates(self) -> int:
        with self._cond:
            return len(self._updates)

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    # --- error injection -------------------------------------------------------------------------

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: sending to the chat answers 403 from now on."""
        with self._cond:
            self.blocked.add(chat_id)

    def storm(self, method: str, count: int, retry_after: int = 1) -> None:
        """The next ``count`` calls of ``method`` answer 429 Too Many Requests."""
        with self._cond:
            self._storms[method] = [count, retry_after]

    # --- the HTTP side -------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's hook name
                self._serve({})

            def do_POST(self) -> None:  # noqa: N802 - http.server's hook name
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                self._serve(api._parse(self.headers.get("Content-Type") or "", body))

            def _serve(self, params: dict[str, Any]) -> None:
                prefix = f"/bot{api.token}/"
                status: int
                if not self.path.startswith(prefix):
                    status, payload = HTTPStatus.UNAUTHORIZED, api._error(401, "Unauthorized")
                else:
                    method = self.path[len(prefix) :].split("?", 1)[0]
                    status, payload = api._dispatch(method, params)
                data = json.dumps(payload).encode()
                with contextlib.suppress(OSError):
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)

        return Handler

    @staticmethod
    def _parse(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if content_type.startswith("application/json"):
            parsed = json.loads(body)
            return parsed if isinstance(parsed, dict) else {}
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            if key in _JSON_PARAMS:
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(value)
                    continue
            if key in _INT_PARAMS:
                with contextlib.suppress(ValueError):
                    params[key] = int(value)
                    continue
            params[key] = value
        return params

    @staticmethod
    def _error(code: int, description: str, **parameters: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if parameters:
            out["parameters"] = parameters
        return out

    def _record(self, method: str, params: dict[str, Any], status: int) -> None:
        with self._cond:
            self.calls.append(Call(method, params, status, time.monotonic()))

    def _dispatch(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._cond:
            storm = self._storms.get(method)
            if storm and storm[0] > 0:
                storm[0] -= 1
                self.calls.append(Call(method, params, 429, time.monotonic()))
                return 429, self._error(
                    429, f"Too Many Requests: retry after {storm[1]}", retry_after=storm[1]
                )
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            self._record(method, params, 404)
            return 404, self._error(404, "Not Found")
        status, payload = handler(params)
        self._record(method, params, status)
        return status, payload

    @staticmethod
    def _ok(result: Any) -> tuple[int, dict[str, Any]]:
        return 200, {"ok": True, "result": result}

    def _api_getMe(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        return self._ok(BOT_USER)

    def _api_getUpdates(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = max(1, min(int(params.get("limit") or 100), 100))
        deadline = time.monotonic() + timeout
        with self._cond:
            self._poll_generation += 1
            mine = self._poll_generation
            self._cond.notify_all()  # ends an older long poll (Telegram: 409 Conflict)
            if offset > 0:
                self.confirmed_offset = max(self.confirmed_offset, offset)
                self._updates = [u for u in self._updates if int(u["update_id"]) >= offset]
            while True:
                if self._poll_generation != mine:
                    return 409, self._error(409, "Conflict: terminated by other getUpdates request")
                ready = [u for u in self._updates if int(u["update_id"]) >= offset]
                left = deadline - time.monotonic()
                if ready or left <= 0:
                    return self._ok(ready[:limit])
                self._cond.wait(left)

    def _chat(self, params: dict[str, Any]) -> int:
        return int(params.get("chat_id") or 0)

    def _api_sendMessage(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        chat_id = self._chat(params)
        text = str(params.get("text") or "")
        if chat_id in self.blocked:
            return 403, self._error(403, "Forbidden: bot was blocked by the user")
        if not text.strip():
            return 400, self._error(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            return 400, self._error(400, "Bad Request: message is too long")
        with self._cond:
            message_id = self._message_id(chat_id)
            markup = params.get("reply_markup")
            forced = isinstance(markup, dict) and bool(markup.get("force_reply"))
            self.sent.append(
                Sent("sendMessage", chat_id, message_id, text, _buttons(markup), force_reply=forced)
            )
            self._cond.notify_all()
        return self._ok(
            {
                "message_id": message_id,
                "from": BOT_USER,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "date": int(time.time()),
                "text": text,
            }
        )

    def _api_editMessageText(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        chat_id = self._chat(params)
        message_id = int(params.get("message_id") or 0)
        text = str(params.get("text") or "")
        if chat_id in self.blocked:
            return 403, self._error(403, "Forbidden: bot was blocked by the user")
        with self._cond:
            known = [s for s in self.sent if s.chat_id == chat_id and s.message_id == message_id]
            if not known:
                return 400, self._error(400, "Bad Request: message to edit not found")
            if known[-1].text == text and not params.get("reply_markup"):
                return 400, self._error(400, "Bad Request: message is not modified")
            self.sent.append(
                Sent(
                    "editMessageText",
                    chat_id,
                    message_id,
                    text,
                    _buttons(params.get("reply_markup")),
                )
            )
            self._cond.notify_all()
        return self._ok(True)

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        with self._cond:
            self.callback_answers.append(dict(params))
            self._cond.notify_all()
        return self._ok(True)

    def _api_leaveChat(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        with self._cond:
            self.left_chats.append(self._chat(params))
            self._cond.notify_all()
        return self._ok(True)

    def _api_deleteWebhook(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:  # noqa: N802
        return self._ok(True)


@contextlib.contextmanager
def running_fake_bot_api(token: str = TEST_TOKEN) -> Iterator[FakeBotApi]:
    """Start a FakeBotApi on a free loopback port; stop it afterwards."""
    api = FakeBotApi(token).start()
    try:
        yield api
    finally:
        api.stop()
