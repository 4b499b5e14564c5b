"""The alert-level report of ``policybot eval``: what a subscribed channel would receive.

Labelled items are replayed as a feed stream through the code the daemon runs:
one feed per ``source``, each item arriving in published order as one RSS fetch
of its feed, handed to ``bot.recording.process_result`` (parse, record, extract,
cluster, route into the outbox) on a throwaway SQLite file with the real
migrations. Two subscriptions listen: a vendor channel (the default filters)
and an authority channel (government, regulator and court actions).

Time is injected: each fetch happens at its item's published time, so the
``max_alert_age_days`` limit never drops an old item. An alert is read from the
outbox row routing wrote, with the event as it stood right after that fetch (what
the dispatcher would have posted); ``bot.alert_scores`` judges them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bot.alert_scores import CHANNELS, Alert, ChannelReport, FollowUp, ReplayItem, score_alerts
from bot.config import Config, slugify
from bot.models import Destination, FeedConfig, FetchResult, Finding
from bot.pipeline import prepare
from bot.recording import process_result
from store import Store, event_reads, outbox
from store import entries as entries_store
from store import feeds as feeds_store
from store import subscriptions as subscriptions_store

# --------------------------------------------------------------------------- replay


@dataclass(frozen=True)
class Replayed:
    """What the replay produced: the channel reports, and per item id the finding the
    pipeline recorded (None: no FR content) and the key of the event it joined."""

    channels: dict[str, ChannelReport]
    findings: dict[str, Finding | None]
    events: dict[str, str | None]


def replay(items: Sequence[ReplayItem]) -> Replayed:
    """Replay ``items`` through a fresh store; one report per channel in ``CHANNELS``."""
    ordered = sorted(items, key=lambda item: item.published)  # stable: file order on ties
    with tempfile.TemporaryDirectory(prefix="policybot-replay-") as tmp:
        store = Store.open(Path(tmp) / "replay.db")
        try:
            alerts, follow_ups = _stream(store, Path(tmp), ordered)
            members = _event_members(store, {a.event_id for a in alerts})
            recorded = entries_store.findings_by_guid(store)
        finally:
            store.close()
    missing = (None, None)
    return Replayed(
        channels=score_alerts(alerts, members, items, follow_ups),
        findings={item.id: recorded.get(item.id, missing)[0] for item in items},
        events={item.id: recorded.get(item.id, missing)[1] for item in items},
    )


def _stream(
    store: Store, tmp: Path, items: Sequence[ReplayItem]
) -> tuple[list[Alert], list[FollowUp]]:
    feeds = _feeds(items)
    config = Config(path=tmp / "feeds.yaml", feeds=tuple(feeds.values()), chat={"console": False})
    start = items[0].published - timedelta(days=1) if items else datetime.now().astimezone()
    prepare(store, config, now=start)
    channels = {
        subscriptions_store.add(store, Destination("console", channel=name), filters).id: name
        for name, filters in CHANNELS.items()
    }
    for feed in feeds.values():  # the first fetch of a feed is a baseline: make it empty
        _fetch(store, config, feed.id, [], start)
    alerts: list[Alert] = []
    follow_ups: list[FollowUp] = []
    seen = 0
    for item in items:
        _fetch(store, config, feeds[item.source].id, [item], item.published)
        for row in outbox.rows_after(store, seen):
            seen = max(seen, int(row["id"]))
            channel = channels.get(row["subscription_id"])
            if channel is None:
                continue
            if row["kind"] == "alert":
                alerts.append(_alert(store, channel, row["event_id"]))
            else:
                follow_ups.append(FollowUp(channel, row["event_id"], _update_item(store, row)))
    return alerts, follow_ups


def _update_item(store: Store, row: dict[str, Any]) -> str | None:
    """The replayed item (its guid) a thread update carries."""
    update = event_reads.get_update(store, int(row["update_id"]))
    entry = entries_store.get_entry(store, update.entry_id) if update.entry_id else None
    return entry.guid if entry is not None else None


def _feeds(items: Sequence[ReplayItem]) -> dict[str, FeedConfig]:
    """One feed per source, with a unique id."""
    feeds: dict[str, FeedConfig] = {}
    taken: set[str] = set()
    for item in items:
        if item.source in feeds:
            continue
        base = slugify(item.source or "feed")
        feed_id, n = base, 1
        while feed_id in taken:
            n += 1
            feed_id = f"{base}-{n}"
        taken.add(feed_id)
        feeds[item.source] = FeedConfig(
            id=feed_id, name=item.source or feed_id, url=f"https://replay.invalid/{feed_id}",
            kind="news", interval=900,
        )  # fmt: skip
    return feeds


def _fetch(
    store: Store, config: Config, feed_id: str, items: Sequence[ReplayItem], now: datetime
) -> None:
    feed = feeds_store.get_feed(store, feed_id)
    assert feed is not None  # synced by prepare()
    result = FetchResult(
        feed_id=feed_id, outcome="ok", status_code=200, body=rss(items),
        headers=(("content-type", "application/rss+xml; charset=utf-8"),), final_url=feed.url,
    )  # fmt: skip
    process_result(store, config, feed, result, now=now)


def rss(items: Sequence[ReplayItem]) -> bytes:
    """An RSS 2.0 document carrying ``items`` (the channel language is the first item's)."""
    language = next((i.language for i in items if i.language), None)
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
             "<title>replay</title><link>https://replay.invalid/</link>"]  # fmt: skip
    if language:
        parts.append(f"<language>{escape(language)}</language>")
    for item in items:
        parts.append(
            f'<item><guid isPermaLink="false">{escape(item.id)}</guid>'
            f"<title>{escape(item.title)}</title>"
            f"<description>{escape(escape(item.summary))}</description>"
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            + (f"<link>{escape(item.link)}</link>" if item.link else "")
            + "</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def _alert(store: Store, channel: str, event_id: int) -> Alert:
    event = event_reads.get_event(store, event_id)
    assert event is not None  # routing just read it
    return Alert(
        channel, event.id, event.key, event.vendor, event.action, event.actor_type, event.title
    )


def _event_members(store: Store, event_ids: set[int]) -> dict[int, list[str]]:
    """Item ids (the replayed guids) of each alerted event's mentions, at the end."""
    members: dict[int, list[str]] = {}
    for event_id in event_ids:
        event = event_reads.get_event(store, event_id, with_mentions=True)
        assert event is not None
        ids = []
        for mention in event.mentions:
            entry = entries_store.get_entry(store, mention.entry_id)
            if entry is not None and entry.guid:
                ids.append(entry.guid)
        members[event_id] = ids
    return members
