"""Root command group and global options.

Subcommands load lazily (click's LazyGroup pattern): ``policybot poll`` imports only the
module that defines ``poll`` and what it needs, not the eval, export or chat code.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from bot.cli.state import CliState, default_db_path
from bot.env import load_environment
from store import StoreError


def _one_line_sdk_errors(record: logging.LogRecord) -> bool:
    """Drop the traceback from third-party records (their message already says what
    failed); -vv keeps them for debugging."""
    if record.exc_info and not record.name.startswith(("bot", "store")):
        record.exc_info = None
        record.exc_text = None
    return True


# command name -> the module under bot.cli whose COMMANDS holds it
LAZY_COMMANDS: dict[str, str] = {
    "run": "daemon",
    "poll": "daemon",
    "feeds": "feeds",
    "pages": "pages",
    "page-history": "pages",
    "events": "recent",
    "timeline": "events",
    "search": "events",
    "export": "export",
    "browse": "browse",
    "eval": "evaluate",
    "subscriptions": "subscriptions",
    "outbox": "outbox",
    "doctor": "outbox",
    "backup": "backup",
}


class _Main(click.Group):
    """Subcommands imported on first use; store failures (disk full, corruption) end
    any command with one clear message."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module = importlib.import_module(f"bot.cli.{LAZY_COMMANDS[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file (default: $POLICYBOT_DB or a file in your user data folder).",
)
@click.option(
    "--feeds",
    "feeds_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Feeds configuration (default: $POLICYBOT_FEEDS or ./feeds.yaml). A .env file "
    "next to it, then one in the current folder, fill in unset variables.",
)
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.version_option(package_name="policybot")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, feeds_path: Path | None, verbose: int) -> None:
    """policybot: alerts on facial-recognition vendor policy changes."""
    env, feeds = load_environment(feeds_path, os.environ, Path.cwd())
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if verbose < 2:  # the chat SDKs log each reconnect with a traceback: one line is enough
        for handler in logging.getLogger().handlers:
            handler.addFilter(_one_line_sdk_errors)
    state = CliState(
        feeds_path=feeds,
        db_path=db_path or default_db_path(env),
        verbose=verbose,
        env=env,
    )
    ctx.obj = state
    ctx.call_on_close(state.close)
