"""The one writer: every change to cases, drafts, inbound messages and their trail.

The decision stage (``privacybot.decision``) says what a message means; the modules
here carry that out, and carry out what staff ask (the CLI, the API and the bots
call the same functions), each in the caller's transaction, each move through the
state tables of ``privacybot.states``, each with its audit event.
"""
