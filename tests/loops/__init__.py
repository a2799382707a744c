"""Loop-safety tests against real autoresponders and a second privacybot (RULES.md D)."""
