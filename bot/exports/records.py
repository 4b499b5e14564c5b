"""An event as an export record (JSON, CSV): its facts, evidence and every mention."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from bot.models import Event

CSV_COLUMNS = (
    "id", "first_reported", "vendor", "product", "action", "actor_type", "applies_to", "region",
    "effective", "duration", "title", "link", "evidence", "confidence", "mention_count",
    "source_count", "mentions",
)  # fmt: skip


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "first_reported": event.first_reported.isoformat(),
        "vendor": event.vendor,
        "product": event.product,
        "action": event.action,
        "actor_type": event.actor_type,
        "applies_to": event.applies_to,
        "region": event.region,
        "effective": event.effective.isoformat() if event.effective else None,
        "duration": event.duration,
        "title": event.title,
        "link": event.link,
        "evidence": event.evidence,
        "confidence": round(event.confidence, 3),
        "mention_count": event.mention_count,
        "source_count": event.source_count,
        "mentions": [
            {
                "source": m.source,
                "title": m.title,
                "link": m.link,
                "published": m.published.isoformat() if m.published else None,
                "primary": m.primary,
            }
            for m in event.mentions
        ],
    }


def headline(event: Event) -> str:
    """``Amazon: moratorium (police)`` — who did what, for feed titles."""
    who = event.vendor or event.actor_type.capitalize()
    what = event.action or event.actor_type
    scope = f" ({event.applies_to.replace('_', ' ')})" if event.applies_to else ""
    return f"{who}: {what}{scope}"


def to_csv(events: Sequence[Event]) -> str:
    """One row per event; its mentions in one cell, one ``outlet — title — link`` a line.
    Cells that a spreadsheet would run as a formula are prefixed with a quote."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        record = event_record(event)
        record["mentions"] = "\n".join(
            " — ".join(x for x in (m["source"], m["title"], m["link"] or "") if x)
            for m in record["mentions"]
        )
        writer.writerow([_cell(record[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
