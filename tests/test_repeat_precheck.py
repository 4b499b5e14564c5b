"""``store.entries.may_repeat`` (one query for a fetch's new entries) names every entry
that ``same_article`` (one query per entry, run in order) finds an earlier entry for."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.models import Entry
from store import Store
from store.entries import may_repeat, record_entries, same_article

BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _entries(rng: random.Random, feed: str, n: int) -> list[Entry]:
    out = []
    for i in range(n):
        out.append(
            Entry(
                feed_id=feed,
                key=f"{feed}-{i}",
                title=f"Story {i}",
                summary="",
                published=BASE + timedelta(days=rng.choice([0, 1, 2, 5, 9])),
                article_id=rng.choice([None, None, "aid-1", "aid-2", ""]),
                article_url=rng.choice([None, None, "https://a.example/1", "https://a.example/2"]),
                headline_key=rng.choice([None, "h1", "h2", "h3", ""]),
            )
        )
    return out


def test_every_repeat_is_named_and_the_rest_are_mostly_not(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    rng = random.Random(3)
    found = 0
    try:
        for feed in ("feed-a", "feed-b", "feed-c", "feed-d"):
            with store.transaction():
                new = record_entries(store, _entries(rng, feed, 12))
                maybe = may_repeat(store, new)
                assert maybe <= {entry_id for entry_id, _ in new}
                for entry_id, entry in new:
                    if same_article(store, entry_id, entry) is not None:
                        found += 1
                        assert entry_id in maybe, entry
        assert found > 5  # the data above does repeat articles, in and across fetches
        with store.transaction():  # entries sharing nothing with what is stored
            fresh = [Entry(feed_id="feed-e", key=f"e-{i}", title=f"Other {i}", summary="",
                           article_id=f"x{i}", article_url=f"https://b.example/{i}",
                           headline_key=f"k{i}") for i in range(5)]  # fmt: skip
            assert may_repeat(store, record_entries(store, fresh)) == set()
    finally:
        store.close()
