"""Rules, links and the walk through chains: shared by the mail and the chat decisions.

Both channels decide the same way (docs/architecture.md, "Stage one"): a chain is a
table of links ``(rule id, effect, then)``; the walk asks each link's rule whether it
fires, records every hit with its reason, applies the effect to a ballot, and stops,
goes on, or jumps to another chain. One walker means both channels keep the same
guarantees: every hit is recorded, an effect runs only when its rule fired, and a
chain ends at its first ``stop``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from privacybot.decision.verdict import RuleHit

#: ``then`` values: end the walk, or try the next link of the same chain.
STOP = "stop"
CONTINUE = "continue"
#: The rule id of a link that always applies (a chain's default at its end).
ALWAYS = "always"

F = TypeVar("F")


@dataclass(frozen=True)
class Rule(Generic[F]):
    """A stable id, one line of meaning, and a check that returns why it fires (or None)."""

    id: str
    meaning: str
    check: Callable[[F], str | None]


class Ballot(Protocol):
    """What a walk fills in; each channel's ballot has its own fields besides the hits."""

    @property
    def hits(self) -> list[RuleHit]: ...


B = TypeVar("B", bound=Ballot)


@dataclass(frozen=True)
class Link(Generic[B, F]):
    rule: str
    effect: Callable[[B, F, str], None]
    then: str


def walk(
    chains: Mapping[str, Sequence[Link[B, F]]],
    first: str,
    rules: Mapping[str, Rule[F]],
    facts: F,
    ballot: B,
    resolve: Callable[[str], str] | None = None,
) -> None:
    """Walk from chain ``first``; ``resolve`` turns a symbolic ``then`` into a chain name."""
    chain: str | None = first
    while chain is not None:
        links, chain = chains[chain], None
        for link in links:
            if link.rule == ALWAYS:
                reason: str | None = ""
            else:
                reason = rules[link.rule].check(facts)
                if reason is None:
                    continue
                ballot.hits.append(RuleHit(link.rule, reason))
            link.effect(ballot, facts, reason or "")
            if link.then == STOP:
                break
            if link.then != CONTINUE:
                chain = resolve(link.then) if resolve is not None else link.then
                break


def rule_ids(chains: Mapping[str, Iterable[Link[B, F]]]) -> set[str]:
    """Every rule id the chains use (tests check each has a rule, and each rule a link)."""
    return {link.rule for links in chains.values() for link in links if link.rule != ALWAYS}
