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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.chat import registry
from bot.config import Config
from bot.delivery.digest import DigestSummary, send_due
from bot.delivery.dispatch import Dispatcher, DispatchSummary
from bot.delivery.platform import PosterContext, Runtime
from bot.delivery.poster import Poster
from bot.http_server import HttpServer
from bot.pipeline import PollSummary, Progress, poll_once, prepare
from bot.sources.manage import FeedAdmin
from store import Store

log = logging.getLogger(__name__)


def build_posters(
    config: Config,
    stream: TextIO | None = None,
    runtimes: Mapping[str, Runtime] | None = None,
    store: Store | None = None,
) -> list[Poster]:
    """The posters of every registered platform the configuration can reach (webhooks
    need no token). A platform's running runtime is offered to its posters (Discord's
    gateway client is shared with its poster)."""
    posters: list[Poster] = []
    for platform in registry.platforms():
        context = PosterContext(store=store, stream=stream or sys.stdout,
                                runtime=(runtimes or {}).get(platform.name))  # fmt: skip
        posters.extend(platform.posters(config.platform_settings(platform.name), context))
    return posters


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
) -> tuple[PollSummary, DispatchSummary]:
    """``policybot poll``: one cycle, then drain the outbox."""
    prepare(store, config)
    posters = build_posters(config, stream, store=store)
    try:
        summary = await poll_once(store, config, include_all=include_all, progress=progress)
        delivered = await Dispatcher(store, posters).drain()
    finally:
        await close_posters(posters)
    return summary, delivered


@dataclass
class Daemon:
    """``policybot run``: scheduled polling and delivery until a signal arrives."""

    store: Store
    config: Config
    tick_seconds: float = 30.0
    dispatch_seconds: float = 5.0
    stream: TextIO | None = None
    on_poll: Callable[[PollSummary], None] | None = None
    http: tuple[str, int] | None = None  # serve /feeds/events.atom etc. on (host, port)
    digest_seconds: float = 60.0
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # injectable

    def __post_init__(self) -> None:
        self.http_server: HttpServer | None = None
        self.stop_event = asyncio.Event()
        self._work = asyncio.Lock()  # one poll or drain at a time; stop waits for it

    async def run(self) -> None:
        prepare(self.store, self.config)
        runtimes = self._runtimes()
        posters = build_posters(self.config, self.stream, runtimes, self.store)
        self.dispatcher = Dispatcher(self.store, posters)
        scheduler = self._scheduler()
        self._install_signals()
        scheduler.start()
        try:
            if self.http is not None:
                self.http_server = HttpServer(self.store, *self.http)
                await self.http_server.start()
            for runtime in runtimes.values():
                await runtime.start()
            await self.stop_event.wait()
        finally:
            if self.http_server is not None:
                await self.http_server.stop()
            scheduler.shutdown(wait=False)
            async with self._work:  # let an in-flight poll/drain finish its transaction
                pass
            for runtime in runtimes.values():
                with contextlib.suppress(Exception):
                    await runtime.stop()
            await close_posters(posters)

    def stop(self) -> None:
        self.stop_event.set()

    def _scheduler(self) -> AsyncIOScheduler:
        scheduler = AsyncIOScheduler(timezone=UTC)
        now = datetime.now(UTC)
        common: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}
        scheduler.add_job(self.poll_tick, "interval", seconds=self.tick_seconds,
                          next_run_time=now, id="poll", **common)  # fmt: skip
        scheduler.add_job(self.dispatch_tick, "interval", seconds=self.dispatch_seconds,
                          next_run_time=now + timedelta(seconds=1), id="dispatch", **common)  # fmt: skip
        # digests: checked every minute and at once on start (a missed one goes out now)
        scheduler.add_job(self.digest_tick, "interval", seconds=self.digest_seconds,
                          next_run_time=now + timedelta(seconds=2), id="digests", **common)  # fmt: skip
        return scheduler

    async def digest_tick(self) -> DigestSummary:
        """Send the digests due at ``clock()`` (each period once: a store fact)."""
        if self.stop_event.is_set():
            return DigestSummary()
        async with self._work:
            try:
                return await send_due(self.store, self.dispatcher.posters, now=self.clock(),
                                      max_age_days=self.config.settings.max_alert_age_days)  # fmt: skip
            except Exception:
                log.exception("digest cycle failed; the next tick retries")
                return DigestSummary()

    async def poll_tick(self) -> None:
        if self.stop_event.is_set():
            return
        async with self._work:
            try:
                summary = await poll_once(self.store, self.config)
            except Exception:  # one bad cycle must not end the daemon
                log.exception("poll cycle failed; the next tick retries")
                return
        if summary.feeds:
            log.info("%s", summary.line())
            if self.on_poll:
                self.on_poll(summary)
        await self.dispatch_tick()

    async def dispatch_tick(self) -> None:
        if self.stop_event.is_set():
            return
        async with self._work:
            try:
                await self.dispatcher.drain(max_wait=0.0)
            except Exception:
                log.exception("delivery cycle failed; pending rows stay queued")

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
