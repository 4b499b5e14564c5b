"""The labelled-item format (one JSON object a line, as in ``dev.jsonl``), checked strictly.

``policybot eval`` reads any line with an id, title, date and a true/false
``gold.relevant``; ``problems`` checks everything the format promises, so a corpus
kept in the repository (``eval/corpus/``) stays scoreable and consistent:

* item fields: ``id``, ``source``, ``url`` (http/https), ``published`` (a date),
  ``language`` (a lower-case language code), ``title``, ``summary``;
* gold fields, all present: ``relevant`` (true/false), ``actor_type``, ``vendor``,
  ``product``, ``action``, ``applies_to``, ``region``, ``effective`` (a date or
  null), ``duration``, ``event_id``;
* label values from the fixed sets in ``bot.models``; a relevant item is a vendor's
  change with an action; an item that is not relevant has no action.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.models import ACTIONS, ACTOR_TYPES, APPLIES_TO

ITEM_FIELDS = ("id", "source", "url", "published", "language", "title", "summary", "gold")
GOLD_FIELDS = (
    "relevant", "actor_type", "vendor", "product", "action", "applies_to", "region",
    "effective", "duration", "event_id",
)  # fmt: skip
TEXT_GOLD = ("vendor", "product", "duration", "event_id", "region")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_REGION = re.compile(r"^(?:[A-Z]{2,3}(?:-[A-Z0-9]{1,3})?|global)$")


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _one_of(value: Any, allowed: tuple[str, ...], *, nullable: bool) -> bool:
    return (nullable and value is None) or value in allowed


def problems(raw: Any) -> list[str]:
    """What is wrong with one parsed line (empty when it follows the format)."""
    if not isinstance(raw, dict):
        return [f"expected a JSON object, got {type(raw).__name__}"]
    found = [f"missing field {key!r}" for key in ITEM_FIELDS if key not in raw]
    found += [f"unknown field {key!r}" for key in raw if key not in ITEM_FIELDS]
    for key in ("id", "source", "title", "summary"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            found.append(f"{key!r} must be a non-empty string")
    if "url" in raw and not str(raw["url"]).startswith(("https://", "http://")):
        found.append(f"'url' must be an http(s) address, got {raw['url']!r}")
    if "published" in raw and not _is_date(raw["published"]):
        found.append(f"'published' must be a YYYY-MM-DD date, got {raw['published']!r}")
    if "language" in raw and not _LANGUAGE.match(str(raw["language"])):
        found.append(f"'language' must be a code such as 'en' or 'pt', got {raw['language']!r}")
    gold = raw.get("gold")
    if "gold" in raw:
        found += gold_problems(gold)
    return found


def gold_problems(gold: Any) -> list[str]:
    if not isinstance(gold, dict):
        return ["'gold' must be an object"]
    found = [f"gold: missing field {key!r}" for key in GOLD_FIELDS if key not in gold]
    found += [f"gold: unknown field {key!r}" for key in gold if key not in GOLD_FIELDS]
    relevant = gold.get("relevant")
    if not isinstance(relevant, bool):
        found.append("gold.relevant must be true or false")
    checks = (
        ("actor_type", ACTOR_TYPES, False),
        ("action", ACTIONS, True),
        ("applies_to", APPLIES_TO, True),
    )
    for key, allowed, nullable in checks:
        if key in gold and not _one_of(gold[key], allowed, nullable=nullable):
            found.append(f"gold.{key} is {gold[key]!r}; allowed: {', '.join(allowed)}"
                         + (" or null" if nullable else ""))  # fmt: skip
    for key in TEXT_GOLD:
        value = gold.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            found.append(f"gold.{key} must be a non-empty string or null")
    region = gold.get("region")
    if isinstance(region, str) and not _REGION.match(region):
        found.append(f"gold.region is {region!r}; use a code such as US, EU, UK or 'global'")
    if gold.get("effective") is not None and not _is_date(gold["effective"]):
        found.append(f"gold.effective must be a YYYY-MM-DD date or null, got {gold['effective']!r}")
    if relevant is True and (gold.get("actor_type") != "vendor" or gold.get("action") is None):
        found.append("gold: a relevant item is a vendor's change: actor_type vendor and an action")
    if relevant is False and gold.get("action") is not None:
        found.append("gold: an item that is not relevant has no action (null)")
    if gold.get("actor_type") != "none" and gold.get("event_id") is None:
        found.append("gold.event_id is null, but only items with no FR content may lack one")
    return found
