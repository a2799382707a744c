"""The one walker both channels use: hits recorded, effects only on a hit, stop/continue/jump."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from privacybot.decision.verdict import RuleHit
from privacybot.decision.walk import ALWAYS, CONTINUE, STOP, Link, Rule, rule_ids, walk


@dataclass
class Tally:
    hits: list[RuleHit] = field(default_factory=list)
    done: list[str] = field(default_factory=list)


def did(name: str) -> Callable[[Tally, int, str], None]:
    def effect(ballot: Tally, facts: int, reason: str) -> None:
        ballot.done.append(f"{name}:{reason}")

    return effect


RULES = {
    "even": Rule[int]("even", "an even number", lambda n: "even" if n % 2 == 0 else None),
    "big": Rule[int]("big", "over ten", lambda n: f"{n} > 10" if n > 10 else None),
    "never": Rule[int]("never", "never fires", lambda n: None),
}
CHAINS: dict[str, tuple[Link[Tally, int], ...]] = {
    "first": (
        Link("never", did("never"), STOP),
        Link("even", did("even"), CONTINUE),
        Link("big", did("big"), "second"),
        Link(ALWAYS, did("default"), STOP),
    ),
    "second": (Link(ALWAYS, did("second"), "by-size"),),
    "small": (Link(ALWAYS, did("small"), STOP),),
    "large": (Link(ALWAYS, did("large"), STOP),),
}


def _walk(n: int) -> Tally:
    tally = Tally()

    def resolve(then: str) -> str:
        return ("large" if n > 100 else "small") if then == "by-size" else then

    walk(CHAINS, "first", RULES, n, tally, resolve)
    return tally


def test_a_rule_that_does_not_fire_has_no_effect_and_no_hit() -> None:
    tally = _walk(3)
    assert tally.hits == [] and tally.done == ["default:"]


def test_continue_goes_on_and_every_hit_is_kept_with_its_reason() -> None:
    tally = _walk(4)
    assert tally.hits == [RuleHit("even", "even")] and tally.done == ["even:even", "default:"]


def test_a_jump_ends_the_chain_and_resolve_names_the_next() -> None:
    assert _walk(12).done == ["even:even", "big:12 > 10", "second:", "small:"]
    assert _walk(102).done[-1] == "large:"
    assert [h.rule for h in _walk(12).hits] == ["even", "big"]


def test_rule_ids_lists_every_rule_but_the_default() -> None:
    assert rule_ids(CHAINS) == {"never", "even", "big"}
