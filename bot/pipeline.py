"""One polling cycle: due feeds → fetch → parse → record → extract → cluster → route.

Fetching is async. Parsing, clean-up and extraction (the CPU work) run in worker
processes (``bot.cpu``), one per core, for items whose keys the store does not
hold yet. One writer thread (``bot.writer``) then records each feed atomically
(feed state, entries, findings, events and outbox rows; up to ``WRITE_BATCH`` feeds
share a transaction: group commit), so a crash or a signal never leaves half a feed
written and no two threads wait on the store. At most ``AHEAD`` feeds (and the
next one in write order) hold a response body or its parsed items between the
download and the queueing of their write, and at most ``WRITE_BATCH`` queued
writes wait for the writer: the fetcher waits for a place before reading a body,
so memory stays flat however many feeds there are.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from bot import heap
from bot.config import Config
from bot.cpu_pool import POOL_MIN_FEEDS, CpuPool
from bot.cycle import SWITCH_INTERVAL, Cycle
from bot.models import FeedState
from bot.ops import counts
from bot.poll_summary import PollSummary, Progress, summarise
from bot.sources.backoff import RATE_LIMITED
from bot.sources.fetch import Fetcher
from bot.sources.manage import settle_conflicts
from store import Store, now_iso
from store import feeds as feeds_store
from store import state as state_store
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)


def prepare(store: Store, config: Config, *, now: datetime | None = None) -> None:
    """Mirror feeds.yaml into the store (feeds and declared subscriptions)."""
    now = now or datetime.now(UTC)
    for note in settle_conflicts(store, config.feeds):  # feeds.yaml wins over added feeds
        log.warning("%s", note)
    feeds_store.sync_feeds(store, config.feeds, now=now)
    subscriptions_store.sync_declared(
        store, config.subscriptions, console=config.platform_settings("console")
    )


# A cycle expected to bring more bodies than this (see ``expected_bodies``) starts its
# worker processes as it starts, so their interpreters load while the first bodies
# download; any other cycle of at least ``POOL_MIN_FEEDS`` due feeds starts them with
# its first body (a cycle where every feed answers 304 starts none; ``policybot poll``
# starts them before it loads the cycle's code, ``bot.cpu_pool.start_early``, and such
# a cycle ends them unused). Either way the
# workers parse every body: this process only fetches, hands bodies over and writes,
# and never loads the parsing and extraction code and data (some 20 MB, and a third of
# a CPU second to load: in a worker that runs on another core while the downloads go
# on; parsed here, the loop stopped for it). Until 2026-12 a cycle parsed its first 24
# bodies here, so a cycle with a few changed feeds among a thousand loaded extraction
# into the polling process, on its own critical path.
POOL_AFTER = 24
# a cycle that grew the write-ahead log past this folds it into the database file itself
# (a cold cycle writes some 40 MB: the next process would read it all back when it opens
# the database and fold it in when it closes); a smaller log is left to SQLite, whose
# fold and sync at exit would lengthen a short cycle
FOLD_LOG_BYTES = 8 << 20


def expected_bodies(due: Sequence[FeedState]) -> int:
    """Due feeds likely to answer with a body to parse: those never read yet, and
    those with no validator for a conditional request (no ETag, no Last-Modified)."""
    return sum(
        1
        for feed in due
        if feed.kind != "page" and (not feed.baseline_done or not (feed.etag or feed.last_modified))
    )


async def poll_once(
    store: Store,
    config: Config,
    *,
    include_all: bool = False,
    fetcher: Fetcher | None = None,
    now: datetime | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    fold_log_bytes: int = FOLD_LOG_BYTES,
) -> PollSummary:
    """Fetch every due feed (or all enabled feeds) and process the results;
    ``progress(done, total, outcome)`` is called as each feed finishes.

    ``workers``: parsing processes beside this one (default: one per core but one
    when at least ``POOL_MIN_FEEDS`` feeds are due, started with the cycle when more
    than ``POOL_AFTER`` bodies are expected, else with its first body; a number: that
    many; 0: parse in this process). Workers parse every body and read items again for
    the writer.
    ``fold_log_bytes``: a write-ahead log at least this long when the cycle ends is
    folded into the database file (``Store.fold_log``)."""
    now = now or datetime.now(UTC)
    due = feeds_store.due_feeds(store, now=now, include_all=include_all)
    waiting = [f for f in due if rate_limited_until(f, now) is not None]
    due = [f for f in due if f not in waiting]
    if due:
        if workers is None:
            workers = None if len(due) >= POOL_MIN_FEEDS else 0
        many = expected_bodies(due) > POOL_AFTER
        heap.map_large_blocks()
        heap.one_heap()  # before the writer thread starts (see bot.heap)
        cycle = Cycle(store, config, now, CpuPool(workers) if workers != 0 else None, 0)
        if cycle.pool is not None and many and cycle.db_path is not None:
            cycle.pool.start()  # their interpreters start while the first bodies download
        cycle.progress = progress
        switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            if fetcher is None:
                async with Fetcher(config.settings) as own:
                    outcomes = await cycle.run(own, due)
            else:
                outcomes = await cycle.run(fetcher, due)
        finally:
            sys.setswitchinterval(switch)
            cycle.close()
    state_store.set_value(store, "last_poll_at", now_iso(datetime.now(UTC)))
    store.fold_log(fold_log_bytes)  # after the cycle's last write
    counts.polled()
    summary = summarise(outcomes if due else [])
    notes = tuple(
        f"feed {f.name!r} not polled: its server asked to wait (Retry-After) until "
        f"{rate_limited_until(f, now):%Y-%m-%d %H:%M} UTC; --all does not override that"
        for f in waiting
    )
    return replace(summary, notes=notes)


def rate_limited_until(feed: FeedState, now: datetime) -> datetime | None:
    """When a rate-limited feed may be polled again, if that is still ahead."""
    limited = (feed.last_error or "").startswith(RATE_LIMITED)
    if limited and feed.next_due_at is not None and feed.next_due_at > now:
        return feed.next_due_at
    return None
