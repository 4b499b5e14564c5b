"""One cycle's flow: fetch → CPU work → write (``Cycle``).

Feeds start in write order, at most ``STARTED`` under way at once; at most ``AHEAD``
feeds (and the next one in write order) hold a response body or its parsed items
between the download and the queueing of their write (``bot.cycle_window``); the CPU
work runs in worker processes (``bot.cpu_pool``) or here, and one writer thread
(``bot.writer``) records each feed (``bot.recording``), up to ``WRITE_BATCH`` feeds a
transaction."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial

from bot import heap
from bot.config import Config
from bot.cpu import ParseJob, ParseOutput, ReadJob, ReadOutput, parse_and_extract, read_again
from bot.cpu_pool import CpuPool, WorkerGone
from bot.cycle_window import Queued, Window
from bot.models import FeedState, FetchResult
from bot.ops import counts
from bot.poll_summary import FeedOutcome, Progress
from bot.recording import process_page, record_crash, write_result
from bot.sources.backoff import next_state
from bot.sources.fetch import Fetcher
from bot.writer import Writer
from store import Store, StoreError, event_reads
from store import entries as entries_store
from store import feeds as feeds_store

log = logging.getLogger(__name__)


# feeds holding a response body or its parsed items between download and queued write
# (eight, with eight queued writes, held some 2 MB more of a cold cycle's polling process
# at its peak: docs/measurements.md, fourteenth session)
AHEAD = 4
# Feeds written in one transaction at most, and queued writes waiting at most: the
# writer waits up to WRITE_LINGER for a batch to fill (one commit, and one full-text
# flush, for many feeds), unless every feed of the cycle has queued its write. Four
# feeds of 50 items are 200 entries a commit; sixteen held 2 MB more parsed items than
# eight in a cold cycle's polling process, for no CPU measured (bench_cycle --feeds 1000).
WRITE_BATCH = 4
WRITE_LINGER = 0.25  # seconds
# Feeds under way at once (fetching, or done and waiting for their turn to write): a
# feed that has not started holds nothing, so memory does not grow with the number of
# feeds. The earliest unfinished feed is always under way (they start in
# write order), so a cycle never waits on a feed that cannot start.
STARTED = 16 * AHEAD
# How long the writer thread may hold the GIL while the event loop waits for it. At
# Python's default (5 ms) the loop waited about that long after every socket call and
# pipe write while the writer was busy: seconds per thousand feeds, and the downloads
# that feed the workers fell behind.
SWITCH_INTERVAL = 0.0005


class Cycle:
    """One cycle's fetch → CPU work → write flow (see the module docstring)."""

    def __init__(
        self, store: Store, config: Config, now: datetime, pool: CpuPool | None, pool_after: int
    ) -> None:
        self.store, self.config, self.now, self.pool = store, config, now, pool
        self.pool_after = pool_after
        self.window = Window(AHEAD)
        self.bodies = 0
        self.loop: asyncio.AbstractEventLoop | None = None  # the cycle's (set by ``run``)
        self.closing = threading.Event()  # the writer must not wait on the loop any more
        self.reread_requests = 0  # requests to read items again sent to a worker
        self.writer = Writer(store, batch=WRITE_BATCH, linger=WRITE_LINGER)
        self.slots = asyncio.Semaphore(WRITE_BATCH)  # queued writes not done yet
        self.unqueued = 0  # feeds of the cycle that have not queued their write
        self.queued = Queued()  # feeds whose write is queued
        self.previous: dict[str, str] = {}  # feed id → the feed written just before it
        on_disk = store.path.name not in ("", ":memory:") and store.path.exists()
        self.db_path = str(store.path) if on_disk else None
        self.progress: Progress | None = None
        self.done = 0
        self.unchanged: list[FeedState] = []  # fetch states of 304s, written at the end

    async def run(self, fetcher: Fetcher, due: Sequence[FeedState]) -> list[FeedOutcome]:
        # Writes go in a canonical order (by feed id) whatever order the downloads
        # finish in: clustering then sees the same entries in the same order, so the
        # same items give the same events and alerts. Fetching and the CPU work still
        # overlap; a feed only waits for the feed before it to queue its write (the
        # writer runs them in that order, several feeds to a transaction).
        self.loop = asyncio.get_running_loop()
        ordered = sorted(due, key=lambda feed: feed.id)
        self.unqueued = len(ordered)
        self.previous = {b.id: a.id for a, b in zip(ordered, ordered[1:], strict=False)}
        # STARTED runners take the feeds in write order, each the next one as its last
        # ends: a feed that has not started is not even a task (a thousand waiting
        # tasks held 1.5 MB)
        outcomes: list[FeedOutcome | None] = [None] * len(ordered)
        queue = iter(enumerate(ordered))

        async def runner() -> None:
            for place, feed in queue:
                outcomes[place] = await self.counted(fetcher, feed, len(ordered))

        await asyncio.gather(*(runner() for _ in range(min(STARTED, len(ordered)))))
        if self.unchanged:
            await self.writer.write(partial(feeds_store.save_feed_states, store=self.store,
                                            states=self.unchanged))  # fmt: skip
        return [outcome for outcome in outcomes if outcome is not None]

    async def counted(self, fetcher: Fetcher, feed: FeedState, total: int) -> FeedOutcome:
        """One feed, named in its outcome, reported to ``progress`` when done."""
        outcome = await self.one(fetcher, feed)
        if outcome.name != feed.name:
            outcome = replace(outcome, name=feed.name)
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, total, outcome)
        return outcome

    def is_next(self, feed: FeedState) -> bool:
        """Every feed before this one has queued its write."""
        before = self.previous.get(feed.id)
        return before is None or before in self.queued

    async def my_turn(self, feed: FeedState) -> None:
        before = self.previous.get(feed.id)
        if before is not None:
            await self.queued.wait(before)

    async def write(
        self, feed: FeedState, job: Callable[[], FeedOutcome], queued: Callable[[], None]
    ) -> FeedOutcome:
        """Queue ``job`` in the writer once fewer than ``WRITE_BATCH`` writes wait (the
        next feed may queue its own now, and ``queued()`` gives the feed's place in the
        window back); its result."""
        await self.slots.acquire()
        future = self.writer.submit(job)
        future.add_done_callback(lambda _: self.slots.release())
        self._mark_queued(feed)
        queued()
        return await future

    def _mark_queued(self, feed: FeedState) -> None:
        if feed.id not in self.queued:
            self._marked(self.queued.add(feed.id))

    def _marked(self, feed_ids: list[str]) -> None:
        for _ in feed_ids:
            self.window.wake()  # the next feed may take the spare place now
            self.unqueued -= 1
            if self.unqueued == 0:  # the cycle's last write: no batch waits for more
                self.writer.hurry()

    async def one(self, fetcher: Fetcher, feed: FeedState) -> FeedOutcome:
        held = False
        follows = False  # a 304: queued with the feed before it (``Queued.follow``)

        async def take_place() -> None:
            nonlocal held
            await self.window.enter(partial(self.is_next, feed))
            held = True

        def leave() -> None:  # the feed's body and items are out of the window
            nonlocal held
            if held:
                held = False
                self.window.leave()

        result = FetchResult(feed_id=feed.id, outcome="error")
        store, config, now = self.store, self.config, self.now
        try:
            result = await fetcher.fetch(feed, before_body=take_place)
            counts.fetched(result.outcome, result.elapsed)
            if result.outcome == "not_modified" and feed.kind != "page":
                # nothing to write now: its runner moves on to the next feed at once, and
                # does not wait behind a changed feed whose body a worker is still reading
                follows = True
                self._marked(self.queued.follow(feed.id, self.previous.get(feed.id)))
                return self.not_modified(feed, result)
            if feed.kind == "page":  # a watched page: read and written in the writer
                await self.my_turn(feed)
                page = await self.write(
                    feed, partial(process_page, store, config, feed, result, now=now), leave
                )
                counts.recorded(entries=page.new_entries, findings=page.findings,
                                 alerts=page.alerts, updates=page.follow_ups)  # fmt: skip
                return page
            work = await self.cpu_work(feed, result) if result.outcome == "ok" else None
            result = replace(result, body=b"")  # the writer needs no body
            await self.my_turn(feed)
            outcome = await self.write(
                feed,
                partial(
                    write_result,
                    store,
                    config,
                    feed,
                    result,
                    work,
                    now,
                    quiet=True,
                    ask=self.read_again,
                ),  # fmt: skip
                leave,
            )
            if outcome.error:  # the caller reports failures (PollSummary.failures), once each
                log.info("%s", outcome.error)
            counts.recorded(entries=outcome.new_entries, findings=outcome.findings,
                             alerts=outcome.alerts, updates=outcome.follow_ups)  # fmt: skip
            return outcome
        except StoreError:  # disk full, corruption: the whole cycle stops, said once
            raise
        except Exception as exc:  # a bug on one feed must not stop the others
            log.exception("processing feed %r failed", feed.name)
            await self.my_turn(feed)
            return await self.write(
                feed, partial(record_crash, store, config, feed, result, exc, now), leave
            )
        finally:
            leave()
            if not follows:
                self._mark_queued(feed)

    def not_modified(self, feed: FeedState, result: FetchResult) -> FeedOutcome:
        """A 304 changes only the feed's fetch state: kept for one statement at the end of
        the cycle (a lost one only means the feed is polled again), not one writer round
        trip per feed."""
        state = next_state(feed, result, settings=self.config.settings, now=self.now)
        self.unchanged.append(state)
        error = state.last_error if state.status == "dead" else result.error
        return FeedOutcome(feed.id, result.outcome, error=error, name=feed.name)

    async def cpu_work(self, feed: FeedState, result: FetchResult) -> ParseOutput:
        """Parse in a worker process once the cycle has started them (see
        ``poll_once``), here before that and when they are gone.

        Parsing here runs on the event loop: a few milliseconds a body, known keys
        read over a read-only connection (the writer never blocks it). A thread
        would cost more than it saves: every socket call the loop makes while the
        thread parses waits for the GIL (measured: twice the CPU of a bumped
        cycle). Without a database file it is a thread with the store's own lookup."""
        job = ParseJob(result, feed.id, feed.name, self.db_path)
        self.bodies += 1
        if self.pool is not None and self.db_path is not None and self.bodies > self.pool_after:
            try:
                return await self.pool.run(job)
            except WorkerGone as exc:
                log.warning("parsing workers unavailable (%s); parsing in this process", exc)
                if self.pool is not None:  # another feed may have given up on it already
                    self.pool.close()
                    self.pool = None
        if self.db_path is not None:
            return parse_and_extract(job)
        known = partial(entries_store.known_keys, self.store, feed.id)
        vendors = partial(event_reads.fr_vendor_names, self.store)
        return await asyncio.to_thread(parse_and_extract, job, known, vendors)

    def read_again(self, job: ReadJob) -> ReadOutput:
        """``job`` read by a worker when this cycle's workers run (this process then
        never loads extraction), else here; called by the writer thread, which waits
        for the answer. Meanwhile the worker's queue goes on: the bodies it parses
        leave their places in the window as their writes queue."""
        pool, loop = self.pool, self.loop
        if pool is not None and pool.started and loop is not None and not self.closing.is_set():
            self.reread_requests += 1
            asked = asyncio.run_coroutine_threadsafe(pool.read(job), loop)
            while True:
                try:
                    return asked.result(timeout=0.2)
                except WorkerGone:
                    break
                except TimeoutError:
                    if self.closing.is_set():  # the loop waits on this thread: read here
                        asked.cancel()
                        break
        return read_again(job)

    def close(self) -> None:
        self.closing.set()
        self.writer.close()
        if self.reread_requests:
            log.debug("items read again by a worker for the writer: %d requests",
                      self.reread_requests)  # fmt: skip
        # this process's freed pages go back before the workers end: a worker's last act
        # is saving the patterns it compiled, its largest moment, so the two peaks do
        # not add up
        heap.give_back()
        if self.pool is not None:
            self.pool.close()
            heap.give_back()
