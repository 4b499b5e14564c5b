"""What one ``poll`` cycle leaves and starts: a long write-ahead log folded into the
database file, a short one left to SQLite, and no parsing worker for a handful of
changed feeds."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_config
from bot.cpu_pool import cores
from bot.pipeline import FOLD_LOG_BYTES, POOL_AFTER, POOL_MIN_FEEDS, poll_once, prepare
from store import Store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server
ROOT = Path(__file__).resolve().parent.parent


def _rss(feed: int, count: int) -> str:
    items = "".join(
        f"<item><title>Harbour ferry timetable {feed}-{n} changes for winter</title>"
        f"<link>https://ferries.example/{feed}/{n}</link><guid>ferry-{feed}-{n}</guid>"
        f"<description>Crossings {n} leave earlier on weekdays.</description></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Ferries {feed}</title><link>https://ferries.example/</link>"
        f"<description>x</description>{items}</channel></rss>"
    )


def _feeds(tmp_path: Path, server: FeedServer, count: int) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "console: false\nfeeds:\n" + "".join(
            f"  - name: Ferries {n}\n    url: {server.url(f'/f{n}.xml')}\n" for n in range(count)
        ), encoding="utf-8",
    )  # fmt: skip
    return path


def test_the_store_folds_a_log_past_the_given_size(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    log = Path(f"{store.path}-wal")
    try:
        with store.transaction():
            for n in range(200):
                store.execute("INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)",
                              (f"k{n}", "x" * 500, "2026-12-07T06:00:00Z"))  # fmt: skip
        size = log.stat().st_size
        assert size > 0
        assert store.fold_log(size + 1) is False and log.stat().st_size == size  # small: left
        assert store.fold_log(size) is True and log.stat().st_size == 0
        assert store.query("SELECT COUNT(*) AS n FROM state")[0]["n"] >= 200  # all kept
    finally:
        store.close()


def test_a_cycle_leaves_a_short_log_to_sqlite(tmp_path: Path, feed_server: FeedServer) -> None:
    for n in range(3):
        feed_server.set(f"/f{n}.xml", _rss(n, 4), etag=f'"v{n}"')
    db = tmp_path / "bot.db"
    polled = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(db), "--feeds",
         str(_feeds(tmp_path, feed_server, 3)), "poll", "--all"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert "12 new entries" in polled.stdout
    # far below FOLD_LOG_BYTES: not folded (and synced) by the cycle, kept for the next one
    assert 0 < Path(f"{db}-wal").stat().st_size < FOLD_LOG_BYTES


def test_a_cycle_folds_a_log_past_its_threshold(tmp_path: Path, feed_server: FeedServer) -> None:
    for n in range(3):
        feed_server.set(f"/f{n}.xml", _rss(n, 4), etag=f'"v{n}"')
    config = load_config(_feeds(tmp_path, feed_server, 3), {})
    store = Store.open(tmp_path / "bot.db")
    log = Path(f"{store.path}-wal")
    try:
        prepare(store, config)
        summary = asyncio.run(poll_once(store, config, include_all=True, fold_log_bytes=1))
        assert summary.new_entries == 12
        assert log.stat().st_size == 0  # folded into the file by the cycle itself
        assert len(store.query("SELECT key FROM entries")) == 12
    finally:
        store.close()


class _Spawned:
    """The parsing workers started while it listens (the interpreter's audit events)."""

    listening = False
    workers: list[str] = []

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if cls.listening and event == "subprocess.Popen" and "bot.cpu_worker" in str(args):
            cls.workers.append(str(args[0]))


sys.addaudithook(_Spawned.hook)


def _poll_counting_workers(tmp_path: Path, server: FeedServer, feeds: int) -> list[str]:
    config = load_config(_feeds(tmp_path, server, feeds), {})
    store = Store.open(tmp_path / "bot.db")
    prepare(store, config)
    _Spawned.workers, _Spawned.listening = [], True
    try:
        summary = asyncio.run(poll_once(store, config, include_all=True))
    finally:
        _Spawned.listening = False
        store.close()
    assert summary.new_entries == 2 * feeds
    return _Spawned.workers


def test_a_few_changed_feeds_are_parsed_by_a_worker_started_with_the_first_body(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    """Too few bodies expected to start workers with the cycle, enough feeds due for a
    pool: the first body starts them (the polling process loads no extraction code)."""
    few = POOL_AFTER - 4
    assert few >= POOL_MIN_FEEDS  # enough feeds due for a pool, too few bodies to start it
    for n in range(few):
        feed_server.set(f"/f{n}.xml", _rss(n, 2), etag=f'"v{n}"')
    assert 1 <= len(_poll_counting_workers(tmp_path, feed_server, few)) <= max(1, cores() - 1)


def test_many_changed_feeds_start_a_worker(tmp_path: Path, feed_server: FeedServer) -> None:
    many = POOL_AFTER + 12
    for n in range(many):
        feed_server.set(f"/f{n}.xml", _rss(n, 2), etag=f'"v{n}"')
    assert len(_poll_counting_workers(tmp_path, feed_server, many)) >= 1


def test_a_cycle_of_many_bodies_runs_on_asyncios_loop(tmp_path: Path) -> None:
    """``poll`` picks its event loop by the bodies its due feeds are expected to bring:
    asyncio's own for more than POOL_AFTER (the worker sets the pace; uvloop would only
    add memory), the fast loop for a cycle of conditional GETs."""
    from dataclasses import replace

    pytest.importorskip("uvloop")  # without it both loops are asyncio's: nothing to tell apart
    from bot.cli.daemon import _fast_loop, _loop_for
    from bot.models import FeedConfig
    from store.feeds import list_feeds, save_feed_state, sync_feeds

    store = Store.open(tmp_path / "bot.db")
    try:
        feeds = [FeedConfig(id=f"tides-{n}", name=f"Tides {n}", url=f"https://tides.example/{n}",
                            kind="news", interval=900) for n in range(POOL_AFTER + 1)]  # fmt: skip
        sync_feeds(store, feeds, now=datetime.now(UTC))
        assert _loop_for(store, include_all=True) is None  # never read: each brings a body
        for state in list_feeds(store):
            save_feed_state(store, replace(state, baseline_done=True, etag=f'"{state.id}"'))
        assert _loop_for(store, include_all=True) is _fast_loop() is not None  # GETs only
    finally:
        store.close()
