"""feeds.yaml's ``defaults:`` section (and its POLICYBOT_* overrides): fetch settings,
durations, the allow list and the delivery retry window."""

from __future__ import annotations

import re
from typing import Any

from bot.env import setting_variables as env_names
from bot.errors import ConfigError
from bot.models import FetchSettings
from bot.ops.settings import KEYS as OPS_KEYS
from bot.sources.netpolicy import split_allow_list

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$")
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
DEFAULT_KEYS = {
    "interval", "connect_timeout", "total_timeout", "max_bytes", "max_redirects",
    "concurrency", "per_host", "max_backoff", "max_alert_age_days", "user_agent",
    "max_updates_per_event", "allow_hosts", "delivery_retry_for",
}  # fmt: skip
DEFAULT_RETRY_FOR = 48 * 3600  # seconds of a destination's outage before giving up


def setting_variables() -> dict[str, str]:
    """Every POLICYBOT_* variable and what it sets (docs/configuration.md lists them)."""
    return env_names(sorted(DEFAULT_KEYS), OPS_KEYS)


def parse_duration(value: Any, where: str) -> int:
    """``900``, ``"15m"``, ``"1h"``, ``"1d"`` → seconds."""
    if isinstance(value, bool):
        raise ConfigError(f"{where}: expected a duration like 900, 15m, 1h or 1d, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ConfigError(
                f"{where}: {value!r} is not a duration. Write seconds (900) or 15m, 1h, 1d."
            )
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 60:
        raise ConfigError(
            f"{where}: {value!r} is shorter than a minute; poll at most once a minute."
        )
    return int(seconds)


def fetch_settings(defaults: dict[str, Any], where: str) -> tuple[FetchSettings, int]:
    unknown = set(defaults) - DEFAULT_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: defaults: unknown setting(s) {sorted(unknown)}; allowed: {sorted(DEFAULT_KEYS)}."
        )
    base = FetchSettings()
    values: dict[str, Any] = {}
    if "interval" in defaults:
        values["interval"] = parse_duration(defaults["interval"], f"{where}: defaults.interval")
    if "max_backoff" in defaults:
        values["max_backoff"] = parse_duration(
            defaults["max_backoff"], f"{where}: defaults.max_backoff"
        )
    for key in ("connect_timeout", "total_timeout"):
        if key in defaults:
            values[key] = number_in_range(
                defaults[key], f"{where}: defaults.{key}", low=0.1, high=300
            )
    for key, low, high in (("max_bytes", 1024, 1 << 30), ("max_redirects", 0, 20),
                           ("concurrency", 1, 256), ("per_host", 1, 64)):  # fmt: skip
        if key in defaults:
            values[key] = int(
                number_in_range(defaults[key], f"{where}: defaults.{key}", low=low, high=high)
            )
    if "max_alert_age_days" in defaults:
        age = defaults["max_alert_age_days"]
        values["max_alert_age_days"] = (
            None
            if age is None
            else int(number_in_range(age, f"{where}: defaults.max_alert_age_days", 0, 36500))
        )
    if "allow_hosts" in defaults:
        values["allow_hosts"] = _allow_hosts(
            defaults["allow_hosts"], f"{where}: defaults.allow_hosts"
        )
    if "user_agent" in defaults:
        values["user_agent"] = str(defaults["user_agent"])
    cap = int(number_in_range(defaults.get("max_updates_per_event", 5),
                              f"{where}: defaults.max_updates_per_event", low=0, high=1000))  # fmt: skip
    return FetchSettings(**{**base.__dict__, **values}), cap


def delivery_retry_for(defaults: dict[str, Any], where: str) -> int:
    """How long a destination's outage may last before its deliveries are given up."""
    if "delivery_retry_for" not in defaults:
        return DEFAULT_RETRY_FOR
    seconds = parse_duration(
        defaults["delivery_retry_for"], f"{where}: defaults.delivery_retry_for"
    )
    if seconds < 24 * 3600:
        raise ConfigError(f"{where}: defaults.delivery_retry_for is {seconds // 3600} h; keep "
                          "alerts through at least 24 h of outage (write 24h or more).")  # fmt: skip
    return seconds


def _allow_hosts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of host names, addresses or CIDR ranges "
                          "(e.g. [intranet.example, 10.0.0.0/8]).")  # fmt: skip
    try:
        split_allow_list(value)
    except ValueError as exc:
        raise ConfigError(
            f"{where}: {exc}; write a host name, an address or a CIDR range."
        ) from None
    return tuple(v.strip() for v in value)


def number_in_range(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: expected a number between {low} and {high}, got {value!r}.")
    if not low <= value <= high:
        raise ConfigError(
            f"{where}: {value} is out of range; use a number between {low} and {high}."
        )
    return float(value)
