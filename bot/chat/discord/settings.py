"""Discord settings: the ``discord:`` section of feeds.yaml and the DISCORD_* variables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.errors import ConfigError, check_section


@dataclass(frozen=True)
class DiscordSettings:
    token: str | None = None
    dev_guild: str | None = None  # sync commands to this guild only (development)
    api_base: str | None = None  # DISCORD_API_BASE, for tests against a local fake

    @property
    def enabled(self) -> bool:
        return bool(self.token)


def load_settings(raw: Any, env: Mapping[str, str], where: str) -> DiscordSettings:
    """The ``discord:`` section of feeds.yaml (dev_guild) and the DISCORD_* variables."""
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'discord' must be a mapping (dev_guild).")
    check_section(raw, "discord", ("dev_guild",), where, secrets="DISCORD_TOKEN")
    guild = raw.get("dev_guild") or env.get("DISCORD_DEV_GUILD")
    if guild is not None and not str(guild).isdigit():
        raise ConfigError(f"{where}: discord.dev_guild must be a server (guild) id, digits "
                          f"only, got {guild!r}.")  # fmt: skip
    return DiscordSettings(
        token=env.get("DISCORD_TOKEN") or None,
        dev_guild=str(guild) if guild else None,
        api_base=env.get("DISCORD_API_BASE") or None,
    )
