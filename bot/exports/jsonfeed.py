"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): a dict, so the standard library's
json writes it; each item carries the export record under ``_policybot``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.exports.atom import content_text
from bot.exports.records import event_record, headline
from bot.models import Event

VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(
    events: Sequence[Event], *, title: str, feed_url: str, home_url: str | None = None
) -> dict[str, Any]:
    feed: dict[str, Any] = {
        "version": VERSION,
        "title": title,
        "feed_url": feed_url,
        "description": "Facial-recognition policy changes, with the reports behind each one.",
        "authors": [{"name": "policybot"}],
        "items": [],
    }
    if home_url:
        feed["home_page_url"] = home_url
    for event in events:
        item: dict[str, Any] = {
            "id": f"urn:policybot:event:{event.key}",
            "title": f"{headline(event)} — {event.title}",
            "content_text": content_text(event),
            "date_published": event.first_reported.isoformat(),
            "tags": [w for w in (event.vendor, event.action, event.actor_type) if w],
            "_policybot": event_record(event),
        }
        if event.link and event.link.startswith(("http://", "https://")):
            item["url"] = event.link
        feed["items"].append(item)
    return feed
