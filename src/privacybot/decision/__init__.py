"""The pure decision stage: facts about a message in, a Verdict with its reasons out."""

from privacybot.decision.chain import decide
from privacybot.decision.facts import BouncedDraft, CaseFacts, CodeFacts, Facts, Limits
from privacybot.decision.verdict import Action, CodeUse, PlannedReply, RuleHit, Verdict

__all__ = [
    "Action",
    "BouncedDraft",
    "CaseFacts",
    "CodeFacts",
    "CodeUse",
    "Facts",
    "Limits",
    "PlannedReply",
    "RuleHit",
    "Verdict",
    "decide",
]
