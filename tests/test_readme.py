"""The README's promises are checked: its two commands, and the commands it documents."""

from __future__ import annotations

import re
from pathlib import Path

import click

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, flags=re.S)]


def test_readme_gives_the_run_and_test_commands_first() -> None:
    run_cmd, test_cmd = shell_blocks()[:2]
    assert run_cmd.endswith("policybot run")
    assert "pytest" in test_cmd


def test_ci_runs_the_readme_test_command_exactly() -> None:
    test_cmd = shell_blocks()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci.splitlines()
    assert "rm -rf .venv" in ci  # a fresh virtual environment every time


def test_every_documented_command_exists() -> None:
    documented = set(re.findall(r"`policybot ([a-z][a-z-]*)", README))
    assert documented, "the README documents no command"
    commands = set(main.list_commands(click.Context(main)))
    assert documented <= commands, documented - commands


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\((docs/[^)]+)\)", README):
        assert (ROOT / link).is_file(), link
