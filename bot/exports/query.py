"""Which events an export holds: vendor, since, actor types, how many."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.commands.spec import SUBSCRIBABLE_ACTORS
from bot.models import Event
from bot.vendor_lookup import canonical_vendor
from store import Store, event_reads

MAX_EVENTS = 1000
FEED_DEFAULT = 50
_AGO = re.compile(r"^\s*(\d+)\s*(d|w|h)\s*$")


class QueryError(ValueError):
    """A filter that cannot be read; the message names it and shows valid values."""


@dataclass(frozen=True)
class ExportQuery:
    vendor: str | None = None
    since: datetime | None = None
    actor_types: tuple[str, ...] = ()  # empty: every acting actor
    limit: int = MAX_EVENTS

    def describe(self) -> str:
        parts = [f"vendor {self.vendor}" if self.vendor else "all vendors"]
        if self.since:
            parts.append(f"since {self.since:%Y-%m-%d}")
        if self.actor_types:
            parts.append("actors " + ", ".join(self.actor_types))
        return "; ".join(parts)


def parse_since(text: str, *, now: datetime | None = None) -> datetime:
    """``2021-05-01`` (a date, UTC midnight), an ISO timestamp, or ``30d``/``2w``/``12h`` ago."""
    now = now or datetime.now(UTC)
    match = _AGO.match(text)
    if match:
        size = {"d": 86400, "w": 7 * 86400, "h": 3600}[match.group(2)]
        return now - timedelta(seconds=int(match.group(1)) * size)
    try:
        if len(text.strip()) == 10:
            day = date.fromisoformat(text.strip())
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise QueryError(
            f"since={text[:40]!r} is not a date; write 2021-05-01, an ISO time, or 30d / 2w / 12h."
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_actor_types(values: list[str]) -> tuple[str, ...]:
    actors = tuple(dict.fromkeys(v.strip().lower() for v in values if v.strip()))
    bad = [a for a in actors if a not in SUBSCRIBABLE_ACTORS]
    if bad:
        raise QueryError(
            f"actor_type {', '.join(bad)} is not one of {', '.join(SUBSCRIBABLE_ACTORS)}."
        )
    return actors


def from_params(params: Mapping[str, list[str]], store: Store) -> ExportQuery:
    """A query string (``?vendor=Amazon&since=30d&actor_type=regulator&limit=20``)."""
    unknown = set(params) - {"vendor", "since", "actor_type", "limit"}
    if unknown:
        raise QueryError(
            f"unknown filter(s) {', '.join(sorted(unknown))}; use vendor, since, actor_type, limit."
        )
    vendor = (params.get("vendor") or [""])[0].strip() or None
    if vendor is not None:
        vendor = canonical_vendor(vendor, event_reads.vendor_names(store)) or vendor
    since = parse_since(params["since"][0]) if params.get("since") else None
    limit_text = (params.get("limit") or [str(FEED_DEFAULT)])[0]
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_EVENTS:
        raise QueryError(f"limit must be a number from 1 to {MAX_EVENTS}.")
    actors = check_actor_types(
        [v for value in params.get("actor_type", []) for v in value.split(",")]
    )
    return ExportQuery(vendor=vendor, since=since, actor_types=actors, limit=int(limit_text))


def select(store: Store, query: ExportQuery) -> list[Event]:
    return event_reads.archive_events(store, vendor=query.vendor, since=query.since,
                                      actor_types=query.actor_types, limit=query.limit)  # fmt: skip
