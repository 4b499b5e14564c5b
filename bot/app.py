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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TextIO

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.chat.console import ConsolePoster
from bot.config import Config
from bot.delivery.dispatch import Dispatcher, DispatchSummary
from bot.delivery.poster import Poster
from bot.pipeline import PollSummary, poll_once, prepare
from store import Store

log = logging.getLogger(__name__)


class Runtime(Protocol):
    """An interactive chat connection (Slack Socket Mode/HTTP, Discord gateway)."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...


def build_posters(
    config: Config,
    stream: TextIO | None = None,
    runtimes: Sequence[Runtime] = (),
    store: Store | None = None,
) -> list[Poster]:
    """One poster per platform the configuration can reach (webhooks need no token).
    A running Discord gateway client is shared with its poster."""
    posters: list[Poster] = []
    if config.console:
        posters.append(ConsolePoster(stream or sys.stdout))
    posters.extend(_slack_posters(config, store))
    from bot.chat.discord.poster import discord_posters
    from bot.chat.discord.runtime import DiscordRuntime

    gateway = next((r for r in runtimes if isinstance(r, DiscordRuntime)), None)
    posters.extend(discord_posters(config.discord, client=gateway.client if gateway else None))
    return posters


def _slack_posters(config: Config, store: Store | None) -> list[Poster]:
    from bot.chat.slack.poster import installation_token_lookup, slack_posters
    from bot.chat.slack.runtime import installations_path

    lookup = None
    if config.slack.client_id and store is not None:  # multi-workspace OAuth installs
        lookup = installation_token_lookup(installations_path(store), config.slack.client_id)
    return slack_posters(config.slack, token_lookup=lookup)


def slack_interactive(config: Config) -> bool:
    """Slack slash commands run with a bot token or an OAuth app, and a way in
    (Socket Mode app token or HTTP signing secret)."""
    slack = config.slack
    has_token = slack.enabled or bool(slack.client_id and slack.client_secret)
    return has_token and bool(slack.app_token or slack.signing_secret)


async def close_posters(posters: list[Poster]) -> None:
    for poster in posters:
        with contextlib.suppress(Exception):
            await poster.close()


async def poll_and_deliver(
    store: Store, config: Config, *, include_all: bool = False, stream: TextIO | None = None
) -> tuple[PollSummary, DispatchSummary]:
    """``policybot poll``: one cycle, then drain the outbox."""
    prepare(store, config)
    posters = build_posters(config, stream, store=store)
    try:
        summary = await poll_once(store, config, include_all=include_all)
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

    def __post_init__(self) -> None:
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
            for runtime in runtimes:
                await runtime.start()
            await self.stop_event.wait()
        finally:
            scheduler.shutdown(wait=False)
            async with self._work:  # let an in-flight poll/drain finish its transaction
                pass
            for runtime in runtimes:
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
        return scheduler

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

    def _runtimes(self) -> list[Runtime]:
        runtimes: list[Runtime] = []
        if self.config.slack.enabled and (
            self.config.slack.app_token or self.config.slack.signing_secret
        ):
            from bot.chat.slack.runtime import SlackRuntime

            runtimes.append(SlackRuntime(self.config.slack, self.store))
        if self.config.discord.enabled:
            from bot.chat.discord.runtime import DiscordRuntime

            runtimes.append(DiscordRuntime(self.config.discord, self.store))
        return runtimes
