"""The same items give the same events and alerts whatever order feeds complete in.

Five local feeds carry overlapping reports of a few vendor policy changes; each
trial serves them with different per-feed delays (so downloads finish in a
different order), into a fresh database, and the events, their mentions and the
outbox rows must come out identical.
"""

from __future__ import annotations

import asyncio
import io
import random
from pathlib import Path

from bot.app import poll_and_deliver
from bot.config import load_config
from store import Store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

# (headline, text) per story; outlets reword them (our own wording throughout).
STORIES = {
    "amazon": [
        ("Amazon pauses police use of Rekognition for a year",
         "Amazon said it will stop police departments from using Rekognition for one year."),
        ("Amazon halts Rekognition sales to police for one year",
         "The company announced a one-year moratorium on police use of its Rekognition software."),
        ("Police lose access to Amazon Rekognition for a year",
         "Amazon is implementing a one-year pause on police use of Rekognition."),
    ],
    "microsoft": [
        ("Microsoft will not sell Azure Face to police",
         "Microsoft said it bans sales of its Azure Face recognition to police departments."),
        ("Microsoft bars police from Azure Face",
         "Microsoft will not sell facial recognition to US police departments, it said."),
    ],
    "ibm": [
        ("IBM leaves the facial recognition business",
         "IBM said it exits general purpose facial recognition and will no longer offer it."),
        ("IBM quits facial recognition",
         "IBM no longer offers general purpose facial recognition or analysis software."),
    ],
}  # fmt: skip
FEEDS = 5


def feed_items(feed: int) -> str:
    """Each feed carries some wordings of some stories (a fixed, overlapping mix)."""
    items = []
    for story, wordings in STORIES.items():
        for n, (title, text) in enumerate(wordings):
            if (feed + n + len(story)) % 3 != 0:
                guid = f"f{feed}-{story}-{n}"
                items.append(item(guid, title, text, days_ago=(feed + n) / 24))
    return rss(*items, title=f"Outlet {feed}")


def run_once(tmp_path: Path, server: FeedServer, delays: list[float]) -> tuple[object, ...]:
    config_path = tmp_path / "feeds.yaml"
    config_path.write_text(
        f"defaults:\n{ALLOW_LOCAL}  max_updates_per_event: 100\nfeeds:\n"
        + "".join(
            f"  - name: Outlet {f}\n    url: {server.url(f'/o{f}.xml')}\n" for f in range(FEEDS)
        ),
        encoding="utf-8",
    )
    config = load_config(config_path, env={})
    store = Store.open(tmp_path / "bot.db")
    for f in range(FEEDS):  # first sight: a calm item each (the silent baseline)
        server.set(f"/o{f}.xml", rss(item(f"calm-{f}", "Town fair opens", "Rides.")))
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=io.StringIO()))
    for f in range(FEEDS):
        server.set(f"/o{f}.xml", feed_items(f), delay=delays[f])
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=io.StringIO()))
    events = store.query(
        "SELECT e.id, e.vendor, e.action, group_concat(en.key, ' ') AS keys FROM events e"
        " JOIN mentions m ON m.event_id = e.id JOIN entries en ON en.id = m.entry_id"
        " GROUP BY e.id ORDER BY e.id"
    )
    deliveries = store.query(
        "SELECT d.event_id, d.kind, d.update_id, d.status FROM deliveries d"
        " ORDER BY d.event_id, d.kind, d.update_id"
    )
    store.close()
    shaped = tuple((e["vendor"], e["action"], tuple(sorted(e["keys"].split()))) for e in events)
    return shaped, tuple(tuple(d.values()) for d in deliveries)


def test_events_and_alerts_do_not_depend_on_the_order_feeds_complete(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    rng = random.Random(7)
    results = []
    for trial in range(4):
        delays = [rng.choice([0.0, 0.05, 0.15, 0.3]) for _ in range(FEEDS)]
        if trial == 0:
            delays = [0.3 - 0.06 * f for f in range(FEEDS)]  # last feed first
        folder = tmp_path / f"trial{trial}"
        folder.mkdir()
        results.append(run_once(folder, feed_server, delays))
    events, deliveries = results[0]
    assert len(events) >= 3 and any(kind == "alert" for _, kind, *_ in deliveries)
    assert all(result == results[0] for result in results[1:])
