"""How long from a citizen's chat message until the bot's reply reaches the Bot API?

Why: a chat feels broken when the answer lags. This runs ``privacybot run --only
intake,sender,telegram`` as a subprocess against the project's loopback Bot API
(privacybot.testing.telegram_api), with python-telegram-bot long polling it, and has
20 chats send 10 messages each (a greeting, a question about the statement, a request,
an address, a correction …, every one answered by one reply), interleaved at a steady
rate. The time counted runs from the moment the update is queued at the fake API
(the long poll is waiting, or comes back for it) to the moment the reply's
``sendMessage`` arrives there: long-poll cycle, store, triage, conversation, outbox,
sender. Target: p99 ≤ 1 s. Prints figures only.

    .venv/bin/python bench/telegram_latency.py [--chats 20] [--per-chat 10] [--rate 10]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from _harness import ServiceProcess, percentile, print_table, wait_for

from privacybot.testing.servers import free_port
from privacybot.testing.telegram_api import FakeBotApi

#: One reply each; ten messages stay within the per-chat limit of ten a minute.
SCRIPT = (
    "/start",
    "hallo",
    "Hoe lang bewaren jullie mijn gegevens?",
    "/status",
    "Ik wil graag inzage in mijn persoonsgegevens bij Procura",
    "dat weet ik niet",
    "{address}",
    "nee",
    "/stop",
    "/start",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--per-chat", type=int, default=len(SCRIPT), choices=range(1, 11))
    parser.add_argument("--rate", type=float, default=10.0, help="messages per second, overall")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    chats = [700_000 + n for n in range(args.chats)]
    plan = [(chat, step) for step in range(args.per_chat) for chat in chats]
    api = FakeBotApi().start()
    try:
        with tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
            service = ServiceProcess(
                Path(tmp),
                {
                    "PRIVACYBOT_DEMO_IMAP_BIND": f"127.0.0.1:{free_port()}",
                    "PRIVACYBOT_SMTP_IN_BIND": "off",
                    "PRIVACYBOT_TELEGRAM_TOKEN": api.token,
                    "PRIVACYBOT_TELEGRAM_API_URL": api.base_url,
                },
                roles="intake,sender,telegram",
            )
            service.start()
            try:
                wait_for(lambda: api.calls_to("getUpdates"), 60, "the service to long-poll")
                api.send_text(699_999, "/start")  # warm-up: classifier loaded, pools open
                api.wait_for(lambda s: bool(s), 30, "the warm-up reply")
                sent: list[tuple[int, int, float]] = []
                print(f"{len(plan)} messages from {args.chats} chats at {args.rate:g}/s …")
                start = time.monotonic()
                for n, (chat, step) in enumerate(plan):
                    time.sleep(max(0.0, start + n / args.rate - time.monotonic()))
                    text = SCRIPT[step].format(address=f"burger{chat}@example.nl")
                    sent.append((chat, step, time.monotonic()))
                    api.send_text(chat, text, language_code=rng.choice(["nl", "nl", "en"]))
                api.wait_for(
                    lambda s: all(sum(m.chat_id == c for m in s) >= args.per_chat for c in chats),
                    60,
                    "every reply",
                )
            finally:
                code = service.stop()
    finally:
        api.stop()

    replies = {c: [m.at for m in api.messages(c)] for c in chats}
    latencies = [replies[chat][step] - at for chat, step, at in sent]
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    print()
    print("chat message queued at the Bot API → reply sendMessage at the Bot API")
    print_table(
        [
            ["n", "p50 ms", "p90 ms", "p99 ms", "max ms", "target"],
            [
                str(len(latencies)),
                f"{p50 * 1000:.0f}",
                f"{percentile(latencies, 90) * 1000:.0f}",
                f"{p99 * 1000:.0f}",
                f"{max(latencies) * 1000:.0f}",
                "p99<=1000: " + ("met" if p99 <= 1.0 else "MISSED"),
            ],
        ]
    )
    print(f"service exit code after SIGTERM: {code}")


if __name__ == "__main__":
    main()
