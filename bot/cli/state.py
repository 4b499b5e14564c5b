"""The shared CLI state every subcommand receives: paths, loaded lazily and once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click

from bot.config import Config, ConfigError, load_config
from store import Store, StoreError


def default_db_path(env: dict[str, str]) -> Path:
    if env.get("POLICYBOT_DB"):
        return Path(env["POLICYBOT_DB"])
    from platformdirs import user_data_dir  # only without --db or POLICYBOT_DB

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
