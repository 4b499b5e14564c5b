"""Loading feeds.yaml: every section checked, every problem reported at once, the
result one frozen ``Config``."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.chat import registry
from bot.config.defaults import DEFAULT_KEYS, DEFAULT_RETRY_FOR, delivery_retry_for, fetch_settings
from bot.config.feeds import declared_feeds, distinct, search_feeds
from bot.config.problems import Problems
from bot.config.subscriptions import declared_subscriptions
from bot.config.yaml_file import read_yaml
from bot.env import apply_overrides
from bot.errors import ConfigError
from bot.models import DeclaredSubscription, FeedConfig, FetchSettings
from bot.ops.settings import KEYS as OPS_KEYS
from bot.ops.settings import load_ops_settings
from bot.ops.watch import OpsSettings


@dataclass(frozen=True)
class Config:
    path: Path
    feeds: tuple[FeedConfig, ...]
    settings: FetchSettings = field(default_factory=FetchSettings)
    subscriptions: tuple[DeclaredSubscription, ...] = ()
    max_updates_per_event: int = 5
    delivery_retry_for: int = DEFAULT_RETRY_FOR  # seconds of an outage before giving up
    chat: Mapping[str, Any] = field(default_factory=dict)  # platform name -> its settings
    ops: OpsSettings = field(default_factory=OpsSettings)  # the ops channel's thresholds

    def platform_settings(self, name: str) -> Any:
        """A chat platform's settings (its defaults when feeds.yaml has no section)."""
        if name in self.chat:
            return self.chat[name]
        platform = next(p for p in registry.platforms() if p.name == name)
        return platform.load_settings(None, {}, str(self.path))


_BASE_KEYS = {"defaults", "feeds", "subscriptions", "vendor_searches", "ops"}  # + platform sections


def load_config(path: str | Path, env: Mapping[str, str] | None = None) -> Config:
    """Read and validate ``path``; chat credentials come from ``env`` (default os.environ).
    Every section is checked and every problem reported in one error."""
    path = Path(path)
    env = os.environ if env is None else env
    raw = read_yaml(path)
    where = str(path)
    problems = Problems()
    top_keys = _BASE_KEYS | {p.section for p in registry.platforms()}
    unknown = set(raw) - top_keys
    if unknown:
        problems.messages.append(
            f"{where}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(top_keys)}."
        )
    defaults = raw.get("defaults") or {}
    settings, max_updates, retry_for = FetchSettings(), 5, Config.delivery_retry_for
    ops = OpsSettings()
    with problems.check():
        if not isinstance(defaults, dict):
            raise ConfigError(f"{where}: 'defaults' must be a mapping of setting: value.")
        defaults, from_env = apply_overrides(defaults, "POLICYBOT_", sorted(DEFAULT_KEYS), env)
        with _naming(from_env):
            settings, max_updates = fetch_settings(defaults, where)
            retry_for = delivery_retry_for(defaults, where)
    with problems.check():
        section = raw.get("ops") or {}
        if isinstance(section, dict):
            section, from_env = apply_overrides(section, "POLICYBOT_OPS_", OPS_KEYS, env)
        with _naming(from_env):
            ops = load_ops_settings(section, where)
    feeds = declared_feeds(raw.get("feeds"), settings, where, problems)
    with problems.check():
        feeds = distinct(feeds + search_feeds(raw.get("vendor_searches"), where), where)
    subs: tuple[DeclaredSubscription, ...] = ()
    with problems.check():
        subs = declared_subscriptions(raw.get("subscriptions") or [], env, where)
    chat: dict[str, Any] = {}
    for platform in registry.platforms():
        with problems.check():
            chat[platform.name] = platform.load_settings(raw.get(platform.section), env, where)
    problems.raise_all()
    return Config(
        path=path,
        feeds=feeds,
        settings=settings,
        subscriptions=subs,
        max_updates_per_event=max_updates,
        delivery_retry_for=retry_for,
        chat=chat,
        ops=ops,
    )


@contextmanager
def _naming(from_env: Mapping[str, str]) -> Iterator[None]:
    """An error in a setting that came from a POLICYBOT_* variable names the variable."""
    try:
        yield
    except ConfigError as exc:
        if not from_env:
            raise
        names = ", ".join(sorted(from_env.values()))
        raise ConfigError(f"{exc} (settings taken from the environment: {names})") from exc
