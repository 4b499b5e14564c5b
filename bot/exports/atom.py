"""Atom 1.0 for feed readers, written with feedgen (the only module importing it).

feedgen rather than a hand-made ElementTree writer: it is the maintained Python
generator for Atom and RSS, gets the required elements, ids, RFC 3339 dates and
escaping right, and is what our own test reads back with feedparser.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from bot.exports.records import headline
from bot.models import Event

FEED_ID = "urn:policybot:events"


def atom_feed(
    events: Sequence[Event], *, title: str, self_url: str, home_url: str | None = None
) -> bytes:
    """The events, newest first, as an Atom document (UTF-8 bytes)."""
    feed = FeedGenerator()
    feed.id(f"{FEED_ID}:{quote(title, safe='')}")
    feed.title(title)
    feed.author({"name": "policybot"})
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    if home_url:
        feed.link(href=home_url, rel="alternate")
    feed.subtitle("Facial-recognition policy changes, with the reports behind each one.")
    feed.generator("policybot")
    feed.updated(max((e.first_reported for e in events), default=datetime(2020, 1, 1, tzinfo=UTC)))
    for event in reversed(events):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        entry.id(f"urn:policybot:event:{event.key}")
        entry.title(f"{headline(event)} — {event.title}")
        entry.published(event.first_reported)
        entry.updated(event.first_reported)
        if event.link and event.link.startswith(("http://", "https://")):
            entry.link(href=event.link, rel="alternate")
        entry.content(content_text(event), type="text")
        for word in (event.vendor, event.action, event.actor_type):
            if word:
                entry.category(term=word)
    return bytes(feed.atom_str(pretty=True))


def content_text(event: Event) -> str:
    """Facts, the evidence sentence and each report, as plain text."""
    facts = [
        f"{label}: {value}"
        for label, value in (
            ("Vendor", event.vendor), ("Product", event.product), ("Action", event.action),
            ("Applies to", event.applies_to), ("Region", event.region),
            ("Effective", event.effective.isoformat() if event.effective else None),
            ("Duration", event.duration),
        )
        if value
    ]  # fmt: skip
    lines = [" | ".join(facts)]
    if event.evidence:
        lines.append(f"Evidence: “{event.evidence}”")
    lines.append(f"Reported by {event.source_count} outlet(s):")
    for mention in event.mentions:
        when = f"{mention.published:%Y-%m-%d} " if mention.published else ""
        lines.append(f"- {when}{mention.source}: {mention.title} {mention.link or ''}".rstrip())
    return "\n".join(lines)
