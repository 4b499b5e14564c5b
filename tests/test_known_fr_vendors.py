"""The pipeline remembers which companies are FR vendors: one that acted in FR news of
its own (a launch, a deal) makes a later item about it FR news even with no face word;
a company only an authority acted on does not (invented vendors and feed items, through
the real feed server, store and pipeline)."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from bot import clustering
from bot.app import poll_and_deliver
from bot.config import load_config
from store import Store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

LAUNCH = item("launch-1", "Penwarden AI launches a face-matching watchlist for casinos",
              "Gaming floors can flag banned players at the door.", days_ago=30)  # fmt: skip
FINED = item("fine-1", "Data regulator fines Corbel Systems over stored face scans",
             "The authority says the retailer kept shoppers' biometric templates too long.",
             days_ago=30)  # fmt: skip
NO_FACE_WORDS = [
    item("drop-1", "Penwarden AI drops casinos and mall operators as customers",
         "Venue accounts will be closed within 60 days, the company said.", days_ago=0.2),
    item("drop-2", "Corbel Systems drops casinos and mall operators as customers",
         "Venue accounts will be closed within 60 days, the company said.", days_ago=0.2),
]  # fmt: skip


def _poll(tmp_path: Path, server: FeedServer, store: Store) -> str:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 15m\n  max_alert_age_days: 14\n" + ALLOW_LOCAL + "feeds:\n"
        f"  - name: Outlet A\n    url: {server.url('/a.xml')}\n    kind: news\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    asyncio.run(poll_and_deliver(store, load_config(path), include_all=True, stream=out))
    return out.getvalue()


def test_a_vendor_known_from_its_own_fr_news_needs_no_face_word(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        feed_server.set("/a.xml", rss(LAUNCH, FINED), etag='"1"')
        _poll(tmp_path, feed_server, store)
        feed_server.set("/a.xml", rss(LAUNCH, FINED, *NO_FACE_WORDS), etag='"2"')
        _poll(tmp_path, feed_server, store)
        changes = [
            (e.relevant, e.action) for e in clustering.timeline(store, "Penwarden AI").events
        ]
        assert (True, "ban") in changes
        # only an authority acted on Corbel: its customer news is no FR news
        corbel = clustering.timeline(store, "Corbel Systems").events
        assert all(not e.relevant for e in corbel)
    finally:
        store.close()
