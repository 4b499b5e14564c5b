"""Root command group, global options, and the shared CLI state."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from platformdirs import user_data_dir

from bot.config import Config, ConfigError, load_config, read_dotenv
from store import Store, StoreError


def default_db_path(env: dict[str, str]) -> Path:
    if env.get("POLICYBOT_DB"):
        return Path(env["POLICYBOT_DB"])
    return Path(user_data_dir("policybot", appauthor=False)) / "policybot.db"


@dataclass
class CliState:
    """What every subcommand needs: where things are, loaded lazily and once."""

    feeds_path: Path
    db_path: Path
    verbose: int
    env: dict[str, str]
    _config: Config | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)

    def config(self) -> Config:
        """Load and validate feeds.yaml (exits non-zero, naming the problem, on error)."""
        if self._config is None:
            try:
                self._config = load_config(self.feeds_path, self.env)
            except ConfigError as exc:
                raise click.ClickException(f"configuration error: {exc}") from exc
        return self._config

    def store(self, *, create: bool = True) -> Store:
        """The database; read-only commands pass ``create=False`` so a mistyped
        --db folder is an error rather than a new empty database."""
        if self._store is None:
            try:
                self._store = Store.open(self.db_path, create=create)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


pass_state = click.make_pass_decorator(CliState)


class _Main(click.Group):
    """Store failures (disk full, corruption) end any command with one clear message."""

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
    help="Feeds configuration (default: $POLICYBOT_FEEDS or ./feeds.yaml).",
)
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.version_option(package_name="policybot")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, feeds_path: Path | None, verbose: int) -> None:
    """policybot: alerts on facial-recognition vendor policy changes."""
    env = {**read_dotenv(), **os.environ}
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    state = CliState(
        feeds_path=feeds_path or Path(env.get("POLICYBOT_FEEDS") or "feeds.yaml"),
        db_path=db_path or default_db_path(env),
        verbose=verbose,
        env=env,
    )
    ctx.obj = state
    ctx.call_on_close(state.close)


def _register() -> None:
    from bot.cli import daemon, evaluate, events, feeds, outbox, recent, subscriptions

    for module in (daemon, feeds, recent, events, evaluate, subscriptions, outbox):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
