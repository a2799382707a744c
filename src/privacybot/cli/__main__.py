"""`python -m privacybot.cli`: the same as the `privacybot` script."""

from privacybot.cli import main

main()
