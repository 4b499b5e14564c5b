"""Status wording: a vendor's timeline and one sentence per product's current status.

Pure: ``store.event_reads.vendor_events`` reads the events (with ``CONTEXT_ACTORS``), this module words them
(the templates are in ``bot/data/events.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.events.matching import WORLDWIDE
from bot.events.signatures import normalise, product_terms, word_lists
from bot.models import Event
from bot.vocabulary import AUTHORITIES, action_info

CONTEXT_ACTORS: tuple[str, ...] = AUTHORITIES  # shown on a vendor's timeline too


@dataclass(frozen=True)
class StatusLine:
    """Current status of one vendor product (or the vendor as a whole)."""

    product: str | None
    text: str  # "Rekognition: police use paused indefinitely since 2021-05"
    event_id: int
    since: date


@dataclass(frozen=True)
class Timeline:
    vendor: str
    events: tuple[Event, ...]  # oldest first
    status: tuple[StatusLine, ...] = ()


def status_text(event: Event, label: str) -> str:
    """``Rekognition: police use paused indefinitely since 2021-05``."""
    data = word_lists()
    template = str(data["status"].get(event.action or "", "policy changed"))
    who = str(data["status_who"].get(event.applies_to or "", ""))
    text = template.replace("{who}", who)
    duration = (event.duration or "").strip()
    if duration:
        low = normalise(duration)
        if low.startswith("indefinite"):
            text += " indefinitely"
        elif low[:1].isdigit():
            text += f" for {duration}"
        elif low.startswith(("until", "pending", "while")):
            text += f" {duration}"
        else:
            text += f" ({duration})"
    if event.region and normalise(event.region) not in WORLDWIDE:
        text += f" in {event.region}"
    since = status_since(event)
    return f"{label}: {text} since {since:%Y-%m}"


def status_since(event: Event) -> date:
    info = action_info(event.action)
    if (info is not None and info.dated_by_report) or event.effective is None:
        return event.first_reported.date()
    return event.effective


def status_lines(vendor: str, events: Sequence[Event]) -> tuple[StatusLine, ...]:
    """Latest relevant event per product (None = the vendor as a whole), oldest first."""
    latest: dict[frozenset[str], Event] = {}
    for event in sorted(events, key=lambda e: e.first_reported):
        if not event.relevant or not event.action:
            continue
        latest[product_terms(event.product)] = event
    lines = [
        StatusLine(
            product=event.product,
            text=status_text(event, event.product or vendor),
            event_id=event.id,
            since=status_since(event),
        )
        for event in latest.values()
    ]
    return tuple(sorted(lines, key=lambda line: (line.since, line.text)))


def timeline(vendor: str, events: Sequence[Event]) -> Timeline:
    """The vendor's timeline from its events (oldest first) and their current status;
    the display name is the latest one an event used."""
    name = next((e.vendor for e in reversed(events) if e.vendor), vendor)
    return Timeline(vendor=name, events=tuple(events), status=status_lines(name, events))
