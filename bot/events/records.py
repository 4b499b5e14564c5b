"""The values that clustering and the event store exchange (no rules, no SQL).

``bot.clustering`` asks ``store.events`` for the ``Candidates`` of a
``CandidateQuery``, lets ``bot.events.rules`` pick one, and hands back a
``NewEvent`` or a ``NewMention`` plus the joined values. A second database backend
implements the same functions over the same values.

Timestamps cross as UTC ISO-8601 text (the stored form): candidate rows are
compared by value and cached, so they are not re-parsed for every entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from bot.models import Finding


@dataclass(frozen=True)
class CandidateQuery:
    """Which stored events could take a finding: its vendor, action and actor, the
    windows around its first report, and its text's LSH band hashes."""

    entry_id: int  # already recorded? then nothing else matters
    vendor_key: str  # '' when the finding names no vendor
    action: str  # '' when it has none
    actor_type: str
    lo: datetime  # follow-ups: first report of the event within [lo, hi]
    hi: datetime
    near_lo: datetime  # the news cycle: within [near_lo, near_hi]
    near_hi: datetime
    bands: tuple[tuple[int, int], ...]  # (band, hash) pairs
    vendor_head: str = ""  # the vendor key's first word: keys sharing it may be one vendor
    owned_key: str = ""  # ' word ': a product standing in for its maker, as events hold it
    # the vendor's company under its other gazetteer names, and their first words
    other_names: tuple[str, ...] = ()
    # a report keyed by no vendor: the vendor keys' first words its capitalised words give
    named_heads: tuple[str, ...] = ()


class CandidateEvent(NamedTuple):
    """One stored event as matching needs it (a named tuple: hashable and cheap, one
    per candidate of every recorded entry)."""

    id: int
    vendor_key: str | None
    actor_type: str
    relevant: int
    action: str | None
    product: str | None
    region: str | None
    first_reported: str
    last_reported: str | None
    terms: str | None  # packed by ``bot.events.rules.pack_terms``
    effective: str | None = None  # the date the change takes effect, as voted (ISO)


@dataclass(frozen=True)
class Candidates:
    recorded: int | None  # the event that already has this entry, if any
    events: tuple[CandidateEvent, ...] = ()


@dataclass(frozen=True)
class NewMention:
    """One finding's entry on its way into an event, with its ballot."""

    entry_id: int
    source: str
    title: str
    link: str | None
    published: str  # UTC ISO text: the report date
    primary: bool
    stamp: str  # UTC ISO text: when it was recorded
    fields: Mapping[str, Any]  # the finding's voted fields (JSON-ready)
    weight: float
    published_at: datetime | None = None  # the entry's own date, for update details
    via: str = ""  # the feed it came through (``source`` is its outlet)
    related: tuple[str, ...] = ()  # outlets of related coverage it lists: counted, not posted


@dataclass(frozen=True)
class NewEvent:
    key: str
    finding: Finding
    title: str
    link: str | None
    vendor_key: str
    terms: str  # packed
    votes: str  # the running tally, as JSON
    source_count: int = 1  # distinct outlets, related coverage included


@dataclass(frozen=True)
class StoredEvent:
    """An event's stored state before a join: canonical fields, counters, tally."""

    values: Mapping[str, Any]  # column name -> value, as stored

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


@dataclass(frozen=True)
class StoredBallot:
    """One stored mention's ballot (rebuilding a tally for an event that predates them)."""

    entry_id: int
    source: str
    title: str
    link: str | None
    published: str
    primary: bool
    fields: Mapping[str, Any]
    weight: float


@dataclass(frozen=True)
class UpdateRecord:
    """One ``event_updates`` row: a follow-up mention (``kind`` "mention") or a change of a
    voted field (``kind`` "field", ``detail["changes"]``)."""

    event_id: int
    seq: int
    kind: str
    entry_id: int
    detail: Mapping[str, Any]
    stamp: str
