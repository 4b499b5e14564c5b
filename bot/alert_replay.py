"""The alert-level report of ``policybot eval``: what a subscribed channel would receive.

Labelled items are replayed as a feed stream through the code the daemon runs:
one feed per ``source``, each item arriving in published order as one RSS fetch
of its feed, handed to ``bot.pipeline.process_result`` (parse, record, extract,
cluster, route into the outbox) on a throwaway SQLite file with the real
migrations. Two subscriptions listen: a vendor channel (the default filters)
and an authority channel (government, regulator and court actions).

Time is injected: each fetch happens at its item's published time, so the
``max_alert_age_days`` limit never drops an old item. An alert is read from the
outbox row routing wrote, with the event as it stood right after that fetch (what
the dispatcher would have posted); its real-world event is the majority gold
``event_id`` over the event's mentions at the end of the replay.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bot.config import Config, slugify
from bot.models import Destination, FeedConfig, FetchResult, Filters, Finding
from bot.pipeline import prepare, process_result
from store import Store, event_reads, outbox
from store import entries as entries_store
from store import feeds as feeds_store
from store import subscriptions as subscriptions_store

AUTHORITY_TYPES = ("government", "regulator", "court")
CHANNELS: dict[str, Filters] = {
    "vendor": Filters(),  # the default subscription: relevant vendor policy changes
    "authority": Filters(actor_types=AUTHORITY_TYPES),
}
OUTCOMES = ("right", "wrong", "duplicate", "no_real_event")


@dataclass(frozen=True)
class ReplayItem:
    """What the replay needs of one labelled item (the Entry fields plus its gold)."""

    id: str
    source: str
    title: str
    summary: str
    link: str | None
    published: datetime
    language: str | None
    gold: dict[str, Any]


@dataclass(frozen=True)
class Alert:
    """One alert row as routing wrote it, with the event's fields when it was written."""

    channel: str
    event_id: int
    event_key: str
    vendor: str | None
    action: str | None
    actor_type: str
    title: str
    gold_event: str | None = None  # majority gold event_id of the event's mentions
    outcome: str = ""  # one of OUTCOMES
    expected: str | None = None  # the gold action (vendor) or actor type (authority)


@dataclass
class ChannelReport:
    alerts: list[Alert] = field(default_factory=list)
    never_alerted: list[str] = field(default_factory=list)  # gold event ids

    def counts(self) -> dict[str, int]:
        found = Counter(alert.outcome for alert in self.alerts)
        counts = {"alerts": len(self.alerts), **{name: found[name] for name in OUTCOMES}}
        counts["never_alerted"] = len(self.never_alerted)
        return counts


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
            alerts = _stream(store, Path(tmp), ordered)
            members = _event_members(store, {a.event_id for a in alerts})
            recorded = entries_store.findings_by_guid(store)
        finally:
            store.close()
    missing = (None, None)
    return Replayed(
        channels=score_alerts(alerts, members, items),
        findings={item.id: recorded.get(item.id, missing)[0] for item in items},
        events={item.id: recorded.get(item.id, missing)[1] for item in items},
    )


def _stream(store: Store, tmp: Path, items: Sequence[ReplayItem]) -> list[Alert]:
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
    seen = 0
    for item in items:
        _fetch(store, config, feeds[item.source].id, [item], item.published)
        for row in outbox.rows_after(store, seen):
            seen = max(seen, int(row["id"]))
            if row["kind"] == "alert" and row["subscription_id"] in channels:
                alerts.append(_alert(store, channels[row["subscription_id"]], row["event_id"]))
    return alerts


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


# --------------------------------------------------------------------------- scoring


def gold_events(items: Sequence[ReplayItem]) -> dict[str, dict[str, Any]]:
    """Gold labels per gold event id (event-level: the first item's gold)."""
    events: dict[str, dict[str, Any]] = {}
    for item in items:
        event_id = item.gold.get("event_id")
        if event_id:
            events.setdefault(str(event_id), item.gold)
    return events


def majority(ids: Sequence[str], gold_of: dict[str, str | None]) -> str | None:
    """The gold event most of ``ids`` belong to (ties: the one reported first)."""
    counts = Counter(gold_of[i] for i in ids if gold_of.get(i))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def score_alerts(
    alerts: Sequence[Alert], members: dict[int, list[str]], items: Sequence[ReplayItem]
) -> dict[str, ChannelReport]:
    gold_of = {item.id: (str(item.gold["event_id"]) if item.gold.get("event_id") else None)
               for item in items}  # fmt: skip
    events = gold_events(items)
    reports = {name: ChannelReport() for name in CHANNELS}
    alerted: dict[str, set[str]] = {name: set() for name in CHANNELS}
    for alert in alerts:
        gold_event = majority(members.get(alert.event_id, []), gold_of)
        gold = events.get(gold_event or "")
        outcome, expected = _judge(alert, gold, gold_event in alerted[alert.channel])
        if outcome in ("right", "wrong") and gold_event:
            alerted[alert.channel].add(gold_event)
        reports[alert.channel].alerts.append(
            replace(alert, gold_event=gold_event, outcome=outcome, expected=expected)
        )
    for name, report in reports.items():
        report.never_alerted = [
            event_id
            for event_id, gold in events.items()
            if _belongs(name, gold) and event_id not in alerted[name]
        ]
    return reports


def _belongs(channel: str, gold: dict[str, Any] | None) -> bool:
    """Is the gold event one this channel should alert about?"""
    if gold is None:
        return False
    if channel == "vendor":
        return bool(gold.get("relevant")) and gold.get("actor_type", "vendor") == "vendor"
    return gold.get("actor_type") in AUTHORITY_TYPES


def _judge(alert: Alert, gold: dict[str, Any] | None, repeated: bool) -> tuple[str, str | None]:
    if not _belongs(alert.channel, gold):
        return "no_real_event", None
    assert gold is not None
    if repeated:
        return "duplicate", None
    if alert.channel == "vendor":
        expected = gold.get("action")
        return ("right" if alert.action == expected else "wrong"), expected
    expected = gold.get("actor_type")
    return ("right" if alert.actor_type == expected else "wrong"), expected


# --------------------------------------------------------------------------- report


def as_json(reports: dict[str, ChannelReport]) -> dict[str, Any]:
    return {
        name: {
            **report.counts(),
            "right_share": _share(report),
            "problems": [
                {
                    "event": a.event_key,
                    "title": a.title,
                    "outcome": a.outcome,
                    "gold_event": a.gold_event,
                    "predicted": _predicted(a),
                    "expected": a.expected,
                }
                for a in report.alerts
                if a.outcome != "right"
            ],  # fmt: skip
            "never_alerted_events": report.never_alerted,
        }
        for name, report in reports.items()
    }


def _share(report: ChannelReport) -> float:
    alerts = len(report.alerts)
    return round(sum(a.outcome == "right" for a in report.alerts) / alerts, 4) if alerts else 0.0


def _predicted(alert: Alert) -> str | None:
    return alert.action if alert.channel == "vendor" else alert.actor_type


def format_lines(reports: dict[str, ChannelReport]) -> Iterator[str]:
    yield "alert-level report (items replayed as feeds through store, clustering and routing)"
    yield (f"  {'channel':<10}{'alerts':>7}{'right':>7}{'wrong':>7}{'dup':>5}"
           f"{'no event':>10}{'never alerted':>15}{'right %':>9}")  # fmt: skip
    for name, report in reports.items():
        c = report.counts()
        yield (f"  {name:<10}{c['alerts']:>7}{c['right']:>7}{c['wrong']:>7}{c['duplicate']:>5}"
               f"{c['no_real_event']:>10}{c['never_alerted']:>15}{100 * _share(report):>8.1f}%")  # fmt: skip
    yield "  (right: right event and action (vendor) or actor type (authority); wrong: right event,"
    yield "   wrong action or actor type; dup: a second alert of one gold event; no event: gold"
    yield "   not relevant or not for this channel)"
    for name, report in reports.items():
        for alert in report.alerts:
            if alert.outcome == "right":
                continue
            detail = f"{alert.outcome}: {_predicted(alert)}"
            if alert.outcome == "wrong":
                detail += f" (gold {alert.expected})"
            yield f"  - {name} {detail}, gold event {alert.gold_event}: {alert.title}"
        for event_id in report.never_alerted:
            yield f"  - {name} never alerted: {event_id}"
