"""Slack settings: the ``slack:`` section of feeds.yaml and the SLACK_* variables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.errors import ConfigError, check_section

_KEYS = ("mode", "port", "admins")


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str | None = None
    app_token: str | None = None  # Socket Mode
    signing_secret: str | None = None  # HTTP mode
    api_url: str | None = None  # SLACK_API_URL (tests, GovSlack)
    mode: str = "socket"  # "socket" | "http"
    port: int = 3000
    admins: tuple[str, ...] = ()  # user ids allowed to change subscriptions besides admins
    client_id: str | None = None
    client_secret: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.bot_token)


def load_settings(raw: Any, env: Mapping[str, str], where: str) -> SlackSettings:
    """The ``slack:`` section of feeds.yaml (mode, port, admins) and the SLACK_* variables."""
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'slack' must be a mapping (mode, port, admins).")
    check_section(raw, "slack", _KEYS, where, secrets="SLACK_BOT_TOKEN, SLACK_APP_TOKEN, "
                  "SLACK_SIGNING_SECRET or SLACK_CLIENT_SECRET")  # fmt: skip
    mode = (
        raw.get("mode")
        or env.get("SLACK_MODE")
        or (
            "http"
            if env.get("SLACK_SIGNING_SECRET") and not env.get("SLACK_APP_TOKEN")
            else "socket"
        )
    )
    if mode not in ("socket", "http"):
        raise ConfigError(f"{where}: slack.mode must be 'socket' or 'http', got {mode!r}.")
    for key in ("bot_token", "app_token", "signing_secret", "client_secret"):
        if key in raw:
            raise ConfigError(
                f"{where}: slack.{key} must not be in feeds.yaml; set it in the environment or .env "
                f"(SLACK_{key.upper()})."
            )
    admins = raw.get("admins") or []
    if not isinstance(admins, list) or not all(isinstance(a, str) for a in admins):
        raise ConfigError(f"{where}: slack.admins must be a list of Slack user ids (U…).")
    port = raw.get("port") or env.get("PORT") or 3000
    if isinstance(port, bool) or not str(port).isdigit() or not 1 <= int(port) <= 65535:
        raise ConfigError(f"{where}: slack.port must be a port number from 1 to 65535, "
                          f"got {port!r}.")  # fmt: skip
    settings = SlackSettings(
        bot_token=env.get("SLACK_BOT_TOKEN") or None,
        app_token=env.get("SLACK_APP_TOKEN") or None,
        signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        api_url=env.get("SLACK_API_URL") or None,
        mode=mode,
        port=int(port),
        admins=tuple(str(a) for a in admins),
        client_id=env.get("SLACK_CLIENT_ID") or None,
        client_secret=env.get("SLACK_CLIENT_SECRET") or None,
    )
    if settings.api_url and not _is_http_url(settings.api_url):
        raise ConfigError(
            f"SLACK_API_URL={settings.api_url!r} is not an http(s) URL ending in /api/."
        )
    return settings


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)
