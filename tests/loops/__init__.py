"""Loop-safety tests against real autoresponders and a second privacybot (docs/rules.md, D)."""
