"""Parsing workers read each item again with the FR vendors the store knew when they
read it (``bot.cpu.parse_and_extract``); the writer keeps that reading only when the
store still knows exactly those vendors, and reads the item again otherwise. Here the
worker's view is stale on purpose (invented vendors, the real feed server, store,
parser and writer path)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from bot import clustering
from bot.config import load_config
from bot.cpu import ParseJob, parse_and_extract
from bot.models import FetchResult
from bot.recording import write_result
from store import Store
from store import entries as entries_store
from store import feeds as feeds_store
from tests.feedserver import FeedServer
from tests.test_known_fr_vendors import FINED, LAUNCH, NO_FACE_WORDS, _poll, feed_server
from tests.test_pipeline_e2e import item, rss

__all__ = ["feed_server"]


HALT = item("halt-1", "Corbel Systems halts sales of its face recognition software to police",
            "The company said the pause takes effect immediately.", days_ago=0.2)  # fmt: skip


def _write_with_worker_view(
    tmp_path: Path, store: Store, changed: list[str], acted: list[str], *items: str
) -> None:
    """Parse a second body (``items`` after the first poll's) as a worker that knew
    ``changed``/``acted``, then write it."""
    config = load_config(tmp_path / "feeds.yaml")
    feed = feeds_store.due_feeds(store, now=datetime.now(UTC), include_all=True)[0]
    body = rss(LAUNCH, FINED, *items).encode()
    result = FetchResult(feed_id=feed.id, outcome="ok", status_code=200, body=body,
                         headers=(("content-type", "application/rss+xml"),),
                         final_url=feed.url)  # fmt: skip
    known = partial(entries_store.known_keys, store, feed.id)
    work = parse_and_extract(ParseJob(result, feed.id, feed.name), known, lambda: (changed, acted))
    assert work.known_names == (tuple(changed), tuple(acted))
    write_result(store, config, feed, result, work, datetime.now(UTC))


def _changes(store: Store, vendor: str) -> list[tuple[bool, str | None]]:
    return [(e.relevant, e.action) for e in clustering.timeline(store, vendor).events]


@pytest.fixture
def polled_store(tmp_path: Path, feed_server: FeedServer) -> Iterator[Store]:
    """A store after one poll of a feed whose launch item makes Penwarden AI known."""
    store = Store.open(tmp_path / "bot.db")
    try:
        feed_server.set("/a.xml", rss(LAUNCH, FINED), etag='"1"')
        _poll(tmp_path, feed_server, store)
        yield store
    finally:
        store.close()


def test_a_worker_that_did_not_know_the_vendor_yet_is_read_again(
    tmp_path: Path, polled_store: Store
) -> None:
    store = polled_store  # the first poll made Penwarden AI known
    _write_with_worker_view(tmp_path, store, [], [], *NO_FACE_WORDS)  # read before it knew
    assert (True, "ban") in _changes(store, "Penwarden AI")


def test_a_worker_reading_with_vendors_the_store_does_not_know_is_not_kept(
    tmp_path: Path, polled_store: Store
) -> None:
    store = polled_store
    # this worker takes Corbel Systems for a vendor with a policy change: its reading
    # of Corbel's customer news is FR news; only an authority acted on Corbel here
    _write_with_worker_view(tmp_path, store, ["Corbel Systems"], ["Penwarden AI"], *NO_FACE_WORDS)
    assert all(not e.relevant for e in clustering.timeline(store, "Corbel Systems").events)
    assert (True, "ban") in _changes(store, "Penwarden AI")


def test_an_item_the_worker_read_only_with_other_vendors_gets_its_plain_reading(
    tmp_path: Path, polled_store: Store
) -> None:
    store = polled_store
    # the worker's reading with Corbel as a known vendor settled this item, so it
    # skipped the plain reading; the store does not know Corbel as an FR vendor, so
    # the writer reads it plainly (face words: FR news either way)
    _write_with_worker_view(tmp_path, store, ["Corbel Systems"], ["Penwarden AI"], HALT)
    assert any(e.relevant for e in clustering.timeline(store, "Corbel Systems").events)
