"""Wiring: posters, the dispatcher, the APScheduler daemon, chat runtimes.

The only module that imports apscheduler. ``policybot run`` is one asyncio
process: an AsyncIOScheduler ticks the poll and dispatch jobs (which feeds are
due is a store fact), and the Slack and Discord runtimes share the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from bot.chat import registry
from bot.config import Config
from bot.delivery.digest import DigestSummary, send_due
from bot.delivery.dispatch import Dispatcher, DispatchSummary
from bot.delivery.platform import PosterContext, Runtime
from bot.delivery.poster import Poster
from bot.ops import channel as ops_channel
from bot.ops.health import Heartbeat
from bot.pipeline import poll_once, prepare
from bot.poll_summary import PollSummary, Progress
from bot.sources.manage import FeedAdmin
from store import Store, StoreCorrupt, StoreError
from store import subscriptions as subscriptions_store

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)


def build_posters(
    config: Config,
    stream: TextIO | None = None,
    runtimes: Mapping[str, Runtime] | None = None,
    store: Store | None = None,
) -> list[Poster]:
    """The posters of every registered platform the configuration can reach (webhooks
    need no token). A platform's running runtime is offered to its posters (Discord's
    gateway client is shared with its poster). A platform that is neither enabled,
    running nor named by any subscription is left out, so ``poll`` without chat
    configuration imports no chat SDK."""
    posters: list[Poster] = []
    subscribed = subscriptions_store.platforms(store) if store is not None else set()
    for platform in registry.platforms():
        settings = config.platform_settings(platform.name)
        runtime = (runtimes or {}).get(platform.name)
        prefixes = {form.prefix for form in platform.destinations}
        if runtime is None and not platform.enabled(settings) and not prefixes & subscribed:
            continue
        context = PosterContext(store=store, stream=stream or sys.stdout, runtime=runtime)
        posters.extend(platform.posters(settings, context))
    return posters


async def _bounded(coro: Any, seconds: float) -> None:
    """Await a shutdown step for at most ``seconds``; its failures are not ours to report."""
    with contextlib.suppress(Exception, asyncio.CancelledError):
        await asyncio.wait_for(coro, seconds)


async def close_posters(posters: list[Poster]) -> None:
    for poster in posters:
        with contextlib.suppress(Exception):
            await poster.close()


async def poll_and_deliver(
    store: Store,
    config: Config,
    *,
    include_all: bool = False,
    stream: TextIO | None = None,
    progress: Progress | None = None,
    prepared: bool = False,
) -> tuple[PollSummary, DispatchSummary]:
    """``policybot poll``: one cycle, then drain the outbox (``prepared``: feeds.yaml is
    mirrored into the store already, ``bot.pipeline.prepare``)."""
    if not prepared:
        prepare(store, config)
    posters = build_posters(config, stream, store=store)
    try:
        summary = await poll_once(store, config, include_all=include_all, progress=progress)
        dispatcher = Dispatcher(store, posters, retry_for=config.delivery_retry_for)
        delivered = await dispatcher.drain()
        await ops_round(store, config, dispatcher.posters)
    finally:
        await close_posters(posters)
    return summary, delivered


async def ops_round(store: Store, config: Config, posters: Mapping[str, Poster]) -> int:
    """Tell the ops channel what changed (stored once, then posted); returns posts made."""
    now = datetime.now(UTC)
    await asyncio.to_thread(ops_channel.check, store, config.ops, now)
    return await ops_channel.send(store, posters, now)


STOP_BUDGET = 4.0  # seconds a signal may take to stop `run` (runtimes, jobs, posters)
STORE_BACKOFF_MAX = 900.0  # longest pause between tries while the database cannot be written


@dataclass
class Daemon:
    """``policybot run``: scheduled polling and delivery until a signal arrives.

    APScheduler only decides WHEN; each job starts a task this class owns, so a
    signal cancels in-flight work at once (the store writes run in worker threads
    and finish their transaction) without the scheduler logging cancellations.
    Chat runtimes connect in their own tasks: a server that cannot be reached never
    delays stopping. A database that cannot be written pauses the ticks with a
    growing backoff and one message per change; a corrupt one stops the daemon.
    """

    store: Store
    config: Config
    tick_seconds: float = 30.0
    dispatch_seconds: float = 5.0
    stream: TextIO | None = None
    on_poll: Callable[[PollSummary], None] | None = None
    http: tuple[str, int] | None = None  # serve the event feeds, /healthz and /metrics
    digest_seconds: float = 60.0
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # injectable

    def __post_init__(self) -> None:
        # /healthz: unhealthy when the scheduler has been silent for three ticks
        self.heartbeat = Heartbeat(max_silence=3 * max(self.tick_seconds, self.dispatch_seconds)
                                   + 30)  # fmt: skip
        self.http_server: Any = None  # bot.http_server.HttpServer once started
        self.stop_event = asyncio.Event()
        self._work = asyncio.Lock()  # one poll or drain at a time
        self._tasks: set[asyncio.Task[Any]] = set()
        self._jobs: dict[str, asyncio.Task[Any]] = {}
        self._overrunning: set[str] = set()  # jobs whose overrun was logged
        self.fatal: StoreError | None = None  # set when the daemon stopped on a store error
        self._store_down_until = 0.0
        self._store_backoff = 0.0
        self.heartbeat.paused = None

    async def run(self) -> None:
        self._install_signals()  # first: a signal while starting up stops as one while idle
        prepare(self.store, self.config)
        runtimes = self._runtimes()
        posters = build_posters(self.config, self.stream, runtimes, self.store)
        self.dispatcher = Dispatcher(self.store, posters, retry_for=self.config.delivery_retry_for)
        scheduler = self._scheduler()
        scheduler.start()
        # a runtime that serves HTTP (Slack's HTTP mode) joins the daemon's server
        shared = [r.share_http() for r in runtimes.values()
                  if self.http is not None and hasattr(r, "share_http")]  # fmt: skip
        starters = [self._spawn(self._start_runtime(r)) for r in runtimes.values()]
        try:
            if self.http is not None and not self.stop_event.is_set():
                await self._serve_http(*self.http, mounts=[app for app in shared if app])
            await self.stop_event.wait()
        finally:
            await self._shut_down(scheduler, starters, list(runtimes.values()), posters)

    async def _shut_down(self, scheduler: AsyncIOScheduler, starters: Sequence[asyncio.Task[Any]],
                         runtimes: Sequence[Runtime], posters: list[Poster]) -> None:  # fmt: skip
        """Stop everything within STOP_BUDGET in all: each step gets its share of what
        is left, so slow steps together never exceed the budget."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + STOP_BUDGET

        def share(part: float) -> float:
            return max(0.0, min(STOP_BUDGET * part, deadline - loop.time()))

        scheduler.shutdown(wait=False)
        if self.http_server is not None:
            await _bounded(self.http_server.stop(), share(0.25))
        await self._cancel_all(starters, share(0.5))
        await _bounded(asyncio.gather(*(runtime.stop() for runtime in runtimes)), share(0.25))
        await _bounded(close_posters(posters), share(0.25))

    def stop(self) -> None:
        self.stop_event.set()

    async def _serve_http(self, host: str, port: int, mounts: list[Any]) -> None:
        from bot.http_server import HttpServer  # aiohttp.web: only when asked
        from bot.ops.routes import ops_routes

        self.http_server = HttpServer(self.store, host, port,
                                      extra=ops_routes(self.store, self.heartbeat),
                                      mounts=mounts)  # fmt: skip
        await self.http_server.start()

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _cancel_all(self, extra: Sequence[asyncio.Task[Any]], seconds: float) -> None:
        tasks = [*self._tasks, *extra]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=max(seconds, 0.01))

    async def _start_runtime(self, runtime: Runtime) -> None:
        try:
            await runtime.start()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # an unreachable chat server must not end the daemon
            log.error("%s could not start (%s: %s); alerts still go out through the posters "
                      "that work. Restart policybot once it is reachable.",
                      type(runtime).__name__, type(exc).__name__, exc)  # fmt: skip

    def _scheduler(self) -> AsyncIOScheduler:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler  # the daemon's, not poll's

        scheduler = AsyncIOScheduler(timezone=UTC)
        now = datetime.now(UTC)
        common: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}
        scheduler.add_job(self._kick, "interval", args=[self.poll_tick], seconds=self.tick_seconds,
                          next_run_time=now, id="poll", **common)  # fmt: skip
        scheduler.add_job(self._kick, "interval", args=[self.dispatch_tick],
                          seconds=self.dispatch_seconds,
                          next_run_time=now + timedelta(seconds=1), id="dispatch", **common)  # fmt: skip
        # digests: checked every minute and at once on start (a missed one goes out now)
        scheduler.add_job(self._kick, "interval", args=[self.digest_tick],
                          seconds=self.digest_seconds,
                          next_run_time=now + timedelta(seconds=2), id="digests", **common)  # fmt: skip
        return scheduler

    async def _kick(self, job: Callable[[], Any]) -> None:
        """The scheduler's job: start ``job`` as a task of ours and return at once
        (skipped while the previous run of the same job is still going)."""
        name = job.__name__
        self.heartbeat.tick()
        running = self._jobs.get(name)
        if self.stop_event.is_set():
            return
        if running is not None and not running.done():
            if name == "poll_tick" and name not in self._overrunning:  # one line per long cycle
                self._overrunning.add(name)
                log.info("the poll cycle is still running; ticks are skipped until it ends")
            return
        self._overrunning.discard(name)
        self._jobs[name] = self._spawn(job())

    async def poll_tick(self) -> None:
        if self.stop_event.is_set() or not self._store_ready():
            return
        async with self._work:
            try:
                summary = await poll_once(self.store, self.config)
            except StoreError as exc:
                self._store_failed(exc)
                return
            except Exception:  # one bad cycle must not end the daemon
                log.exception("poll cycle failed; the next tick retries")
                return
            self._store_ok()
        if summary.feeds:
            log.info("%s", summary.line())
            if self.on_poll:
                self.on_poll(summary)
        await self.dispatch_tick()
        await self.ops_tick()

    async def ops_tick(self) -> None:
        """The ops channel: what changed since the last tick, stored once and posted."""
        if self.stop_event.is_set() or not self._store_ready():
            return
        async with self._work:
            try:
                await ops_round(self.store, self.config, self.dispatcher.posters)
            except StoreError as exc:
                self._store_failed(exc)
            except Exception:
                log.exception("ops channel check failed; the next tick retries")

    async def dispatch_tick(self) -> None:
        if self.stop_event.is_set() or not self._store_ready():
            return
        async with self._work:
            try:
                await self.dispatcher.drain(max_wait=0.0)
            except StoreError as exc:
                self._store_failed(exc)
            except Exception:
                log.exception("delivery cycle failed; pending rows stay queued")

    async def digest_tick(self) -> DigestSummary:
        """Send the digests due at ``clock()`` (each period once: a store fact)."""
        if self.stop_event.is_set() or not self._store_ready():
            return DigestSummary()
        async with self._work:
            try:
                return await send_due(self.store, self.dispatcher.posters, now=self.clock(),
                                      max_age_days=self.config.settings.max_alert_age_days)  # fmt: skip
            except StoreError as exc:
                self._store_failed(exc)
            except Exception:
                log.exception("digest cycle failed; the next tick retries")
        return DigestSummary()

    # ------------------------------------------------------------- store failures

    def _store_ready(self) -> bool:
        return time.monotonic() >= self._store_down_until

    def _store_failed(self, exc: StoreError) -> None:
        if isinstance(exc, StoreCorrupt):
            log.error("%s", exc)
            self.fatal = exc
            self.stop()
            return
        first = self._store_backoff == 0.0
        self.heartbeat.paused = f"the database cannot be written: {exc}"
        self._store_backoff = min(
            max(self._store_backoff * 2, self.tick_seconds), STORE_BACKOFF_MAX
        )
        self._store_down_until = time.monotonic() + self._store_backoff
        if first:
            log.error("%s Pausing polling and delivery; retrying in %.0f s, then less often.",
                      exc, self._store_backoff)  # fmt: skip
        else:
            log.info("the database still cannot be written; next try in %.0f s",
                     self._store_backoff)  # fmt: skip

    def _store_ok(self) -> None:
        if self._store_backoff:
            log.warning("the database can be written again; polling and delivery resume")
        self._store_backoff = 0.0
        self.heartbeat.paused = None

    def _install_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.stop)

    def _runtimes(self) -> dict[str, Runtime]:
        """Each registered platform's interactive runtime, when its settings ask for one.
        Runtimes that can add feeds (``feed_admin``) get the fetch settings and feeds.yaml's
        feeds, so ``/frpolicy feeds add`` checks exactly as ``policybot feeds add``."""
        runtimes: dict[str, Runtime] = {}
        admin = FeedAdmin(self.config.settings, self.config.feeds)
        for platform in registry.platforms():
            settings = self.config.platform_settings(platform.name)
            runtime = platform.runtime(settings, self.store) if platform.runtime else None
            if runtime is not None:
                if hasattr(runtime, "feed_admin"):
                    runtime.feed_admin = admin
                runtimes[platform.name] = runtime
        return runtimes
