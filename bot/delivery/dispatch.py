"""The dispatcher: drains the outbox through the platform posters.

Destinations run in parallel; each destination is posted sequentially, in event
order, paced to at most one message per ``per_channel_interval`` seconds. Every
row goes ``pending → sending`` (committed) → platform call → ``sent`` with the
platform's reference (committed). The delivery guarantee this gives (at least
once, with a one-message duplicate window per destination) is written down in
docs/delivery.md.

Store calls are blocking and short; they run through ``asyncio.to_thread`` so a
feed transaction holding the store lock in a worker thread never stalls the loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from bot.delivery import render
from bot.delivery.poster import PermanentFailure, Poster, RetryLater
from bot.models import Delivery, Event, Message
from store import Store, event_reads, outbox
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)
T = TypeVar("T")

# What to set so a platform's rows can be delivered (reported when no poster serves it).
_ENABLE_HINTS = {
    "console": "set 'console: true' in feeds.yaml",
    "slack": "set SLACK_BOT_TOKEN (in the environment or .env) and restart",
    "discord": "set DISCORD_TOKEN (in the environment or .env) and restart",
    "slack-webhook": "run a policybot build with Slack webhook support",
    "discord-webhook": "run a policybot build with Discord webhook support",
}


# Platforms with no rate limit to respect (a terminal).
_UNPACED = frozenset({"console"})


@dataclass(frozen=True)
class DispatchSummary:
    sent: int = 0
    retried: int = 0  # attempts rescheduled (rate limits, transient failures)
    failed: int = 0  # rows given up on (permanent failure, attempts exhausted)
    waiting: int = 0  # rows still pending when the drain returned
    problems: tuple[str, ...] = ()  # human messages: what is stuck and how to fix it


@dataclass
class _Tally:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


def where(delivery: Delivery) -> str:
    """The destination for logs and reports (webhook URLs are secrets: host only)."""
    return render.destination_text(delivery.destination)


class Dispatcher:
    """Posts due outbox rows; one instance can drain many times (the daemon keeps one)."""

    def __init__(
        self,
        store: Store,
        posters: Sequence[Poster],
        *,
        per_channel_interval: float = 1.0,
        max_attempts: int = 8,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        backoff_base: float = 5.0,
        backoff_cap: float = 900.0,
    ) -> None:
        self.store = store
        self.posters = {platform: poster for poster in posters for platform in poster.platforms}
        self.per_channel_interval = per_channel_interval
        self.max_attempts = max(1, max_attempts)
        self.clock = clock
        self.sleep = sleep
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._origin = (clock(), datetime.now(UTC))
        self._last_post: dict[int, float] = {}  # subscription id → clock() of its last post
        self._recovered = False
        self._reported: set[str] = set()

    def now(self) -> datetime:
        """Wall time that advances with ``clock`` (so a test clock drives retry times)."""
        start, wall = self._origin
        return wall + timedelta(seconds=self.clock() - start)

    async def _db(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.to_thread(func, *args, **kwargs)

    # ----------------------------------------------------------------- drain

    async def drain(self, *, until_idle: bool = True, max_wait: float = 30.0) -> DispatchSummary:
        """Post every due row. With ``until_idle``, keep going while rows become due
        within ``max_wait`` seconds (short rate limits, backoff); rows due later stay
        pending for the next drain. Without it, one pass over what is due now."""
        tally = _Tally()
        if not self._recovered:
            recovered = await self._db(outbox.recover_in_flight, self.store)
            if recovered:
                log.warning("re-sending %d delivery(ies) interrupted by a restart", recovered)
            self._recovered = True
        deadline = self.clock() + (max_wait if until_idle else 0.0)
        while True:
            due = await self._db(outbox.claim_due, self.store, self.now())
            groups = self._groups(due, tally)
            if groups:
                await asyncio.gather(*(self._run_destination(sub, rows, deadline, tally)
                                       for sub, rows in groups.items()))  # fmt: skip
                if until_idle:
                    continue
                break
            if not until_idle or not await self._wait_for_next(deadline, None):
                break
        depth = await self._db(outbox.queue_depth, self.store)
        return DispatchSummary(sent=tally.sent, retried=tally.retried, failed=tally.failed,
                               waiting=depth["pending"] + depth["sending"],
                               problems=tuple(tally.problems))  # fmt: skip

    async def _wait_for_next(self, deadline: float, subscription_id: int | None) -> bool:
        """Sleep until the next claimable row is due if that is before ``deadline``."""
        wake = await self._db(outbox.next_due_at, self.store, tuple(self.posters),
                              subscription_id=subscription_id)  # fmt: skip
        if wake is None:
            return False
        delay = (wake - self.now()).total_seconds()
        if self.clock() + delay > deadline:
            return False
        await self.sleep(max(delay, 0.01))
        return True

    def _groups(self, due: list[Delivery], tally: _Tally) -> dict[int, list[Delivery]]:
        """Due rows by subscription; rows no poster can serve stay pending (reported once)."""
        groups: dict[int, list[Delivery]] = {}
        stuck: dict[str, list[str]] = {}
        for delivery in due:
            platform = delivery.destination.platform
            if platform in self.posters:
                groups.setdefault(delivery.subscription_id, []).append(delivery)
            elif platform not in self._reported:
                places = stuck.setdefault(platform, [])
                if where(delivery) not in places:
                    places.append(where(delivery))
        for platform, places in stuck.items():
            self._reported.add(platform)
            hint = _ENABLE_HINTS.get(platform, "configure that platform")
            problem = (f"alerts for {', '.join(places)} are waiting: no {platform} poster is "
                       f"configured; {hint}, or remove the subscription with "
                       f"`policybot subscriptions remove {places[0]}`.")  # fmt: skip
            log.warning("%s", problem)
            tally.problems.append(problem)
        return groups

    async def _run_destination(
        self, sub: int, rows: list[Delivery], deadline: float, tally: _Tally
    ) -> None:
        """One destination, sequentially: its due rows, then rows that become due
        (updates after their alert, retries) until nothing is due before ``deadline``."""
        poster = self.posters[rows[0].destination.platform]
        while True:
            for delivery in rows:
                if not await self._deliver(poster, delivery, tally):
                    break
            rows = await self._db(outbox.claim_due, self.store, self.now(), subscription_id=sub)
            if not rows:
                if not await self._wait_for_next(deadline, sub):
                    return
                rows = await self._db(outbox.claim_due, self.store, self.now(),
                                      subscription_id=sub)  # fmt: skip

    # ----------------------------------------------------------------- one row

    async def _pace(self, delivery: Delivery) -> None:
        if delivery.destination.platform in _UNPACED:
            return
        last = self._last_post.get(delivery.subscription_id)
        if last is not None:
            wait = last + self.per_channel_interval - self.clock()
            if wait > 0:
                await self.sleep(wait)

    async def _deliver(self, poster: Poster, delivery: Delivery, tally: _Tally) -> bool:
        """Post one row. Returns False when the destination should stop for now."""
        try:
            rendered = await self._db(self._render, delivery)
        except Exception as exc:  # a rendering bug must not block the queue
            log.exception("cannot render delivery %d", delivery.id)
            await self._give_up(delivery, f"cannot render event {delivery.event_id}: {exc}", tally)
            return True
        if rendered is None:
            await self._give_up(delivery, f"event {delivery.event_id} no longer exists", tally)
            return True
        event, message = rendered
        await self._pace(delivery)
        if not await self._db(outbox.mark_sending, self.store, delivery.id):
            return True  # taken by another dispatcher meanwhile
        thread = delivery.parent if delivery.kind == "update" else None
        try:
            posted = await poster.post(delivery.destination, message, thread=thread)
        except RetryLater as exc:
            self._last_post[delivery.subscription_id] = self.clock()
            await self._reschedule(delivery, max(exc.seconds, 0.0), str(exc), counted=False)
            tally.retried += 1
            return False
        except PermanentFailure as exc:
            self._last_post[delivery.subscription_id] = self.clock()
            await self._give_up(delivery, str(exc), tally)
            await self._db(subscriptions_store.mark_failing, self.store,
                           delivery.subscription_id, str(exc))  # fmt: skip
            return False
        except Exception as exc:  # TransientFailure, and adapter bugs treated alike
            self._last_post[delivery.subscription_id] = self.clock()
            return await self._transient(delivery, exc, tally)
        self._last_post[delivery.subscription_id] = self.clock()
        await self._db(outbox.mark_sent, self.store, delivery.id, posted)
        tally.sent += 1
        if delivery.kind == "update" and delivery.parent is not None:
            await self._edit_parent(poster, delivery, event)
        return True

    def _render(self, delivery: Delivery) -> tuple[Event, Message] | None:
        event = event_reads.get_event(self.store, delivery.event_id, with_mentions=True)
        if event is None:
            return None
        if delivery.kind == "alert" or delivery.update_id is None:
            return event, render.alert(event)
        update = event_reads.get_update(self.store, delivery.update_id)
        mention = next((m for m in event.mentions if m.entry_id == update.entry_id), None)
        return event, render.update(event, update, mention)

    async def _edit_parent(self, poster: Poster, delivery: Delivery, event: Event) -> None:
        """Best effort: show the new mention count on the alert itself."""
        assert delivery.parent is not None
        try:
            await poster.edit(delivery.destination, delivery.parent, render.alert(event))
        except Exception as exc:
            log.warning("could not update the alert for event %d in %s: %s",
                        event.id, where(delivery), exc)  # fmt: skip

    async def _transient(self, delivery: Delivery, exc: Exception, tally: _Tally) -> bool:
        attempts = delivery.attempts + 1
        if attempts >= self.max_attempts:
            await self._give_up(delivery, f"gave up after {attempts} attempts: {exc}", tally)
            return True
        delay = min(self.backoff_base * 2 ** (attempts - 1), self.backoff_cap)
        log.info("delivery %d to %s failed (%s); retrying in %.0fs",
                 delivery.id, delivery.destination, exc, delay)  # fmt: skip
        await self._reschedule(delivery, delay, str(exc), counted=True)
        tally.retried += 1
        return False

    async def _reschedule(
        self, delivery: Delivery, seconds: float, error: str, *, counted: bool
    ) -> None:
        """Retry this row after ``seconds``; the destination's other rows wait as well."""
        at = self.now() + timedelta(seconds=seconds)
        await self._db(outbox.mark_retry, self.store, delivery.id, at, error, count_attempt=counted)
        await self._db(outbox.defer_subscription, self.store, delivery.subscription_id, at)

    async def _give_up(self, delivery: Delivery, error: str, tally: _Tally) -> None:
        await self._db(outbox.mark_failed, self.store, delivery.id, error)
        tally.failed += 1
        problem = (
            f"{delivery.kind} for event {delivery.event_id} to {where(delivery)} failed: {error}"
        )
        log.error("%s", problem)
        tally.problems.append(problem)
