"""feeds.yaml's ``subscriptions:``: destinations (secrets only from the environment)
and their filters."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.chat import registry
from bot.config.defaults import number_in_range
from bot.delivery.platform import DestinationError
from bot.errors import ConfigError
from bot.models import ACTIONS, ACTOR_TYPES, DeclaredSubscription, Filters


def declared_subscriptions(
    items: Any, env: Mapping[str, str], where: str
) -> tuple[DeclaredSubscription, ...]:
    if not isinstance(items, list):
        raise ConfigError(f"{where}: 'subscriptions' must be a list of - destination: … entries.")
    result = []
    for index, item in enumerate(items, start=1):
        label = f"{where}: subscriptions[{index}]"
        if not isinstance(item, dict) or "destination" not in item:
            raise ConfigError(
                f"{label}: each subscription needs 'destination: slack:CHANNEL_ID' (or discord:…)."
            )
        text = str(item["destination"])
        literal_webhook = "webhook:" in text and "${" not in text
        if literal_webhook:
            raise ConfigError(
                f"{label}: a webhook URL is a secret and must not be in feeds.yaml; write "
                "'destination: slack-webhook:${SLACK_WEBHOOK_URL}' and set that variable."
            )
        text = _expand(text, env, label)
        try:
            dest = registry.parse_destination(text)
        except DestinationError as exc:
            raise ConfigError(f"{label}: {exc}") from exc
        result.append(DeclaredSubscription(dest, _filters(item, label)))
    return tuple(result)


_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _expand(text: str, env: Mapping[str, str], label: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not env.get(name):
            raise ConfigError(f"{label}: environment variable {name} is not set; set it or .env.")
        return env[name]

    return _VAR.sub(value, text)


def _filters(item: dict[str, Any], label: str) -> Filters:
    def words(key: str, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ConfigError(f"{label}: '{key}' must be a list.")
        for word in value:
            if allowed is not None and word not in allowed:
                raise ConfigError(
                    f"{label}: {key} value {word!r} is not one of {', '.join(allowed)}."
                )
        return tuple(str(v) for v in value)

    actor_types = words("actor_types", ACTOR_TYPES) or ("vendor",)
    return Filters(
        vendors=words("vendors", None),
        actions=words("actions", ACTIONS),
        actor_types=actor_types,
        min_confidence=number_in_range(
            item.get("min_confidence", 0.0), f"{label}: min_confidence", 0, 1
        ),
    )
