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

import asyncio
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial

from bot import heap
from bot.config import Config
from bot.cpu import (
    KnownNames,
    ParseJob,
    ParseOutput,
    ReadJob,
    ReadOutput,
    parse_and_extract,
    read_again,
)
from bot.cpu_pool import CpuPool, WorkerGone
from bot.models import (
    PRIMARY_KINDS,
    Entry,
    FeedState,
    FetchResult,
    FetchSettings,
    Finding,
)
from bot.ops import counts
from bot.rereading import Ask, Readings
from bot.sources.backoff import RATE_LIMITED, next_state
from bot.sources.fetch import Fetcher
from bot.sources.manage import settle_conflicts
from bot.writer import Writer
from store import Store, StoreError, event_reads, now_iso
from store import entries as entries_store
from store import feeds as feeds_store
from store import state as state_store
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedOutcome:
    feed_id: str
    outcome: str  # FetchResult.outcome, or "error" when parsing failed
    new_entries: int = 0
    findings: int = 0
    alerts: int = 0  # outbox rows of kind alert written
    follow_ups: int = 0  # outbox rows of kind update written
    baseline: bool = False
    error: str | None = None
    name: str = ""  # the feed's name, for reports


Progress = Callable[[int, int, FeedOutcome], None]  # (feeds done, feeds due, the last one)


@dataclass(frozen=True)
class PollSummary:
    feeds: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    alerts: int = 0
    follow_ups: int = 0
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. feeds --all left alone because of a Retry-After
    failures: tuple[tuple[str, str], ...] = ()  # (feed name, error), one per failed feed

    def lines(self, delivered: str = "") -> list[str]:
        """The summary in two lines that fit a terminal (``delivered`` appends to the second)."""
        return [
            f"polled {self.feeds} feeds: {self.fetched} fetched, {self.not_modified} not "
            f"modified, {self.failed} failed",
            f"  {self.new_entries} new entries, {self.alerts} alerts, {self.follow_ups} follow-ups"
            + (f"; {delivered}" if delivered else ""),
        ]

    def line(self) -> str:
        return (
            f"polled {self.feeds} feeds: {self.fetched} fetched, {self.not_modified} not modified, "
            f"{self.failed} failed, {self.new_entries} new entries, {self.alerts} alerts, "
            f"{self.follow_ups} follow-ups"
        )


def prepare(store: Store, config: Config, *, now: datetime | None = None) -> None:
    """Mirror feeds.yaml into the store (feeds and declared subscriptions)."""
    now = now or datetime.now(UTC)
    for note in settle_conflicts(store, config.feeds):  # feeds.yaml wins over added feeds
        log.warning("%s", note)
    feeds_store.sync_feeds(store, config.feeds, now=now)
    subscriptions_store.sync_declared(
        store, config.subscriptions, console=config.platform_settings("console")
    )


POOL_MIN_FEEDS = 8  # fewer due feeds than this are parsed in this process
# A cycle expected to bring more bodies than this (see ``expected_bodies``) starts its
# worker processes as it starts, so their interpreters load while the first bodies
# download; any other cycle of at least ``POOL_MIN_FEEDS`` due feeds starts them with
# its first body (a cycle where every feed answers 304 starts none). Either way the
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
        cycle = _Cycle(store, config, now, CpuPool(workers) if workers != 0 else None, 0)
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


AHEAD = 8  # feeds holding a response body or its parsed items between download and queued write
# Feeds written in one transaction at most, and queued writes waiting at most: the
# writer waits up to WRITE_LINGER for a batch to fill (one commit, and one full-text
# flush, for many feeds), unless every feed of the cycle has queued its write. Eight
# feeds of 50 items are 400 entries a commit; sixteen held 2 MB more parsed items in a
# cold cycle's polling process, for no CPU measured (bench_cycle --feeds 1000).
WRITE_BATCH = 8
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


class _Window:
    """At most ``size`` feeds hold a body or its parsed items, from the download until
    their write is done; the next feed in write order may take one spare place, so
    the feeds inside never all wait on one that cannot get in."""

    def __init__(self, size: int) -> None:
        self.free = size
        self._waiters: list[asyncio.Future[None]] = []

    async def enter(self, is_next: Callable[[], bool]) -> None:
        while not (self.free > 0 or (self.free > -1 and is_next())):
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await waiter
        self.free -= 1

    def leave(self) -> None:
        self.free += 1
        self.wake()

    def wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


class _Queued:
    """The feeds whose write is queued, and a waiter for each feed another one waits
    on (only the feeds under way wait: an ``asyncio.Event`` for each of a thousand
    feeds held 0.9 MB for the whole cycle). A feed that writes nothing now (a 304: its
    state is saved at the end of the cycle) follows the feed before it: it counts as
    queued once that one is, without waiting (``follow``)."""

    def __init__(self) -> None:
        self._done: set[str] = set()
        self._waiters: dict[str, asyncio.Future[None]] = {}
        self._followers: dict[str, list[str]] = {}  # feed id → feeds queued with it

    def __contains__(self, feed_id: str) -> bool:
        return feed_id in self._done

    def add(self, feed_id: str) -> list[str]:
        """Mark ``feed_id`` queued, and the feeds that follow it; returns those marked."""
        marked, todo = [], [feed_id]
        while todo:  # a chain of followers: no recursion however long it is
            current = todo.pop()
            if current in self._done:
                continue
            self._done.add(current)
            marked.append(current)
            waiter = self._waiters.pop(current, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
            todo.extend(self._followers.pop(current, ()))
        return marked

    def follow(self, feed_id: str, before: str | None) -> list[str]:
        """``feed_id`` counts as queued once ``before`` is (at once when it is, or when
        there is none); returns the feeds marked now."""
        if before is None or before in self._done:
            return self.add(feed_id)
        self._followers.setdefault(before, []).append(feed_id)
        return []

    async def wait(self, feed_id: str) -> None:
        """Return once ``feed_id``'s write is queued."""
        if feed_id in self._done:
            return
        waiter = self._waiters.get(feed_id)
        if waiter is None:
            waiter = self._waiters[feed_id] = asyncio.get_running_loop().create_future()
        await asyncio.shield(waiter)


class _Cycle:
    """One cycle's fetch → CPU work → write flow (see the module docstring)."""

    def __init__(
        self, store: Store, config: Config, now: datetime, pool: CpuPool | None, pool_after: int
    ) -> None:
        self.store, self.config, self.now, self.pool = store, config, now, pool
        self.pool_after = pool_after
        self.window = _Window(AHEAD)
        self.bodies = 0
        self.loop: asyncio.AbstractEventLoop | None = None  # the cycle's (set by ``run``)
        self.closing = threading.Event()  # the writer must not wait on the loop any more
        self.reread_requests = 0  # requests to read items again sent to a worker
        self.writer = Writer(store, batch=WRITE_BATCH, linger=WRITE_LINGER)
        self.slots = asyncio.Semaphore(WRITE_BATCH)  # queued writes not done yet
        self.unqueued = 0  # feeds of the cycle that have not queued their write
        self.queued = _Queued()  # feeds whose write is queued
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
        follows = False  # a 304: queued with the feed before it (``_Queued.follow``)

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


def record_crash(
    store: Store,
    config: Config,
    feed: FeedState,
    result: FetchResult,
    exc: Exception,
    now: datetime,
) -> FeedOutcome:
    """Back the feed off with the error recorded; its entries are retried next time."""
    error = (
        f"feed {feed.name!r} ({feed.url}): processing failed ({type(exc).__name__}: {exc}). "
        "This is a policybot bug: run with -vv and report it; the feed is retried with backoff."
    )
    failed = replace(result, outcome="error", error=error)
    state = next_state(feed, failed, settings=config.settings, now=now, parse_error=error)
    feeds_store.save_feed_state(store, state)
    return FeedOutcome(feed.id, "error", error=error)


def summarise(outcomes: Sequence[FeedOutcome]) -> PollSummary:
    return PollSummary(
        feeds=len(outcomes),
        fetched=sum(o.outcome == "ok" for o in outcomes),
        not_modified=sum(o.outcome == "not_modified" for o in outcomes),
        failed=sum(o.outcome not in ("ok", "not_modified") for o in outcomes),
        new_entries=sum(o.new_entries for o in outcomes),
        alerts=sum(o.alerts for o in outcomes),
        follow_ups=sum(o.follow_ups for o in outcomes),
        errors=tuple(o.error for o in outcomes if o.error),
        failures=tuple((o.name or o.feed_id, o.error) for o in outcomes if o.error),
    )


def process_result(
    store: Store, config: Config, feed: FeedState, result: FetchResult, *, now: datetime
) -> FeedOutcome:
    """Parse one fetch in this thread and write what it yields (sync)."""
    if feed.kind == "page":
        return process_page(store, config, feed, result, now=now)
    work = None
    if result.outcome == "ok":
        known = partial(entries_store.known_keys, store, feed.id)
        vendors = partial(event_reads.fr_vendor_names, store)
        work = parse_and_extract(ParseJob(result, feed.id, feed.name), known, vendors)
    return write_result(store, config, feed, result, work, now)


def write_result(
    store: Store,
    config: Config,
    feed: FeedState,
    result: FetchResult,
    work: ParseOutput | None,
    now: datetime,
    *,
    quiet: bool = False,
    ask: Ask = read_again,
) -> FeedOutcome:
    """Write everything one fetch yields in one transaction (the writer thread);
    ``quiet``: the caller logs the feed's error (once, after the commit); ``ask``
    reads items again with the FR vendors known at their write (``bot.rereading``)."""
    parse_error = work.error if work else None
    state = next_state(feed, result, settings=config.settings, now=now, parse_error=parse_error)
    baseline = not feed.baseline_done
    if result.outcome == "ok" and parse_error is None:
        state = replace(state, baseline_done=True)
    with store.transaction():
        feeds_store.save_feed_state(store, state)
        new, found, alerts, follow_ups = (
            _record(store, config, feed, work, baseline=baseline, now=now, ask=ask)
            if work
            else (0,) * 4
        )
    error = parse_error or result.error
    if state.status == "dead":  # an unconfirmed address that never worked: say so plainly
        error = state.last_error
    if error and not quiet:
        log.warning("%s", error)
    outcome = "error" if parse_error else result.outcome
    return FeedOutcome(
        feed.id, outcome, new, found, alerts, follow_ups, baseline and bool(new), error
    )


def process_page(
    store: Store, config: Config, feed: FeedState, result: FetchResult, *, now: datetime
) -> FeedOutcome:
    """One fetch of a watched page (kind "page"), in one transaction (sync)."""
    from bot import page_pipeline

    page, state, text_error = page_pipeline.process(store, config, feed, result, now=now)
    error = text_error or result.error or page.report
    if state.status == "dead":
        error = state.last_error
    if error and error is not page.report:  # the caller reports failures, once each
        log.info("%s", error)
    outcome = "error" if text_error else result.outcome
    return FeedOutcome(feed.id, outcome, page.entries, page.findings, page.alerts,
                       page.follow_ups, page.kind == "baseline" and not feed.baseline_done,
                       error)  # fmt: skip


def _record(
    store: Store,
    config: Config,
    feed: FeedState,
    work: ParseOutput,
    *,
    baseline: bool,
    now: datetime,
    ask: Ask = read_again,
) -> tuple[int, int, int, int]:
    """Record the new entries of ``work``, then extract, cluster and route each. The
    worker's reading with the FR vendors it knew stands where the vendors the store
    knows now cannot change it; otherwise ``ask`` reads the item again (see
    ``bot.rereading``)."""
    from bot import clustering
    from bot.delivery.routes import route

    new = entries_store.record_entries(store, work.entries, baseline=baseline, now=now)
    readings = Readings(work, [entry for _, entry in new], feed.name, ask)
    vendors = _KnownVendorNames(store)
    findings = alerts = follow_ups = 0
    repeats = entries_store.may_repeat(store, new)  # one query: the others repeat nothing
    for entry_id, entry in new:
        if entry_id in repeats and entries_store.same_article(store, entry_id, entry) is not None:
            continue  # an article already recorded through another feed: one report
        finding = readings.finding(entry, vendors.names())
        if finding is None:
            continue
        finding = with_history(store, entry, finding, now)
        findings += 1
        change = clustering.record_finding(
            store,
            entry_id=entry_id,
            entry=entry,
            finding=finding,
            primary=feed.kind in PRIMARY_KINDS,
            max_updates=config.max_updates_per_event,
        )
        if change.created or _NAMING_FIELDS.intersection(change.fields_changed):
            vendors.forget()  # the event store's FR vendors may have changed
        entries_store.record_finding(store, entry_id, finding, change.event_id)
        # an authority's act looked back on opens no alerted event of its own
        retold = change.created and finding.signal == "retrospective"
        alertable = not baseline and is_fresh(entry, config.settings, now) and not retold
        written = route(store, change, alertable=alertable)
        # rows for a change that carries an update are follow-ups in alerted threads
        if change.update_id is None:
            alerts += written
        else:
            follow_ups += written
    return len(new), findings, alerts, follow_ups


# an event's fields that ``store.event_reads.fr_vendor_names`` reads (vendor_key follows vendor)
_NAMING_FIELDS = frozenset({"vendor", "relevant", "actor_type"})


class _KnownVendorNames:
    """The store's FR vendor names (``store.event_reads.fr_vendor_names``), read once
    until clustering writes again."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: KnownNames | None = None

    def names(self) -> KnownNames:
        if self._names is None:
            changed, acted = event_reads.fr_vendor_names(self.store)
            self._names = (tuple(changed), tuple(acted))
        return self._names

    def forget(self) -> None:
        self._names = None


def with_history(store: Store, entry: Entry, finding: Finding, now: datetime) -> Finding:
    """The finding read against its vendor's timeline (deployments after an exit are
    reversals; restatements of an old policy are no news): see bot.extract.history.
    The timeline holds the vendor's history under its other names too (a short or long
    form, a gazetteer alias, its product's name): see ``bot.clustering.history``."""
    if finding.signal is None or not finding.vendor:
        return finding
    from bot import clustering
    from bot.extract.history import apply_history

    events = clustering.history(store, finding.vendor)
    return apply_history(finding, events, entry.published or now)


def is_fresh(entry: Entry, settings: FetchSettings, now: datetime) -> bool:
    """Entries older than max_alert_age_days are recorded but never alert."""
    if settings.max_alert_age_days is None or entry.published is None:
        return True
    return now - entry.published <= timedelta(days=settings.max_alert_age_days)
