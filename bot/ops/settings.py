"""The ``ops:`` section of feeds.yaml: the ops channel's thresholds (each one can also
come from a POLICYBOT_OPS_* variable; see ``bot.config.env_overrides``)."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from bot.errors import ConfigError, check_section
from bot.ops.watch import OpsSettings

DURATIONS = ("feed_failing_after", "destination_failing_after", "outbox_max_age", "min_gap")
COUNTS = ("outbox_max_pending", "group_over")
KEYS = (*DURATIONS, *COUNTS, "weekly")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$")
_UNITS = {None: 1, "s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
assert set(KEYS) == {f.name for f in fields(OpsSettings)}


def load_ops_settings(raw: Any, where: str) -> OpsSettings:
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{where}: 'ops' must be a mapping, e.g. ops: {{feed_failing_after: 6h}}."
        )
    check_section(raw, "ops", KEYS, where, secrets="chat credentials")
    values: dict[str, Any] = {}
    for key in DURATIONS:
        if key in raw:
            values[key] = _duration(raw[key], f"{where}: ops.{key}")
    for key in COUNTS:
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{where}: ops.{key} must be a whole number (0 or more), "
                                  f"got {value!r}.")  # fmt: skip
            values[key] = value
    if "weekly" in raw:
        if not isinstance(raw["weekly"], bool):
            raise ConfigError(f"{where}: ops.weekly must be true or false.")
        values["weekly"] = raw["weekly"]
    return OpsSettings(**values)


def _duration(value: Any, where: str) -> int:
    """``0``, ``900``, ``"15m"``, ``"6h"``, ``"1d"`` → seconds (0 allowed: at once)."""
    match = None if isinstance(value, bool) else _DURATION.match(str(value))
    if match is None:
        raise ConfigError(f"{where}: {value!r} is not a duration; write seconds (900) or 15m, "
                          "6h, 1d (0: at once).")  # fmt: skip
    return int(float(match.group(1)) * _UNITS[match.group(2)])
