"""`privacybot --help` speaks to operators: every command says what it is for."""

from __future__ import annotations

import argparse

from privacybot.cli import build_parser


def _subcommands(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        choice
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for choice in action._choices_actions
    ]


def test_the_top_level_help_names_the_desk_and_the_operator_docs() -> None:
    text = build_parser().format_help()
    assert "privacy desk" in text and "docs/operators.md" in text
    assert "CONTRACT" not in text and "RULES" not in text


def test_every_command_and_subcommand_has_a_line_of_help() -> None:
    parser = build_parser()
    commands = _subcommands(parser)
    assert {c.dest for c in commands} >= {"run", "db", "cases", "drafts", "staff", "demo"}
    for command in commands:
        assert command.help, command.dest
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for nested in _subcommands(sub.choices[command.dest]):
            assert nested.help, f"{command.dest} {nested.dest}"
