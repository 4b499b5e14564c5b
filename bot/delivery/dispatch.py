"""The dispatcher: drains the outbox through the platform posters.

Destinations run in parallel; each destination is posted sequentially, in event
order, paced to at most one message per ``per_channel_interval`` seconds. Every
row goes ``pending → sending`` (committed) → platform call → ``sent`` with the
platform's reference (committed). The delivery guarantee this gives (at least
once, with a one-message duplicate window per destination) is written down in
docs/delivery.md.

Only the holder of a destination's lease (store/leases.py) delivers there; a
second process is told who holds it and leaves those rows alone. Transient
failures open the destination's circuit breaker: one probe per backoff step,
retried for ``retry_for`` seconds of outage (48 h by default) before the rows
are given up and the subscription marked failing; permanent failures (channel
gone, no permission, invalid token) give up at once.

Store calls are blocking and short; they run through ``asyncio.to_thread`` so a
feed transaction holding the store lock in a worker thread never stalls the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from bot.chat import registry
from bot.delivery import render
from bot.delivery.health import DestinationHealth, Tally, where
from bot.delivery.lease import LEASE_SECONDS, new_owner
from bot.delivery.poster import PermanentFailure, Poster, RetryLater
from bot.models import Delivery, Event, Message
from bot.ops import counts
from store import Store, StoreError, event_reads, leases, outbox
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class DispatchSummary:
    sent: int = 0
    retried: int = 0  # attempts rescheduled (rate limits, transient failures)
    failed: int = 0  # rows given up on (permanent failure, outage longer than retry_for)
    waiting: int = 0  # rows still pending when the drain returned
    problems: tuple[str, ...] = ()  # human messages: what is stuck and how to fix it


class Dispatcher(DestinationHealth):
    """Posts due outbox rows; one instance can drain many times (the daemon keeps one)."""

    def __init__(
        self,
        store: Store,
        posters: Sequence[Poster],
        *,
        per_channel_interval: float = 1.0,
        retry_for: float = 48 * 3600.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        backoff_base: float = 5.0,
        backoff_cap: float = 900.0,
        owner: str | None = None,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self.store = store
        self.posters = {platform: poster for poster in posters for platform in poster.platforms}
        self.per_channel_interval = per_channel_interval
        self.retry_for = retry_for
        self.owner = owner or new_owner()
        self.lease_seconds = lease_seconds
        self.clock = clock
        self.sleep = sleep
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._origin = (clock(), datetime.now(UTC))
        self._last_post: dict[int, float] = {}  # subscription id → clock() of its last post
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
        tally = Tally()
        deadline = self.clock() + (max_wait if until_idle else 0.0)
        try:
            while True:
                due = await self._db(outbox.claim_due, self.store, self.now())
                groups = self._groups(due, tally)
                if groups:
                    await asyncio.gather(*(self._run_destination(sub, rows, deadline, tally)
                                           for sub, rows in groups.items()))  # fmt: skip
                    if until_idle:
                        continue
                    break
                if not until_idle or not await self._wait_for_next(deadline, None, tally.refused):
                    break
        finally:
            await asyncio.shield(self._db(leases.release, self.store, self.owner))
        depth = await self._db(outbox.queue_depth, self.store)
        return DispatchSummary(sent=tally.sent, retried=tally.retried, failed=tally.failed,
                               waiting=depth["pending"] + depth["sending"],
                               problems=tuple(tally.problems))  # fmt: skip

    async def _wait_for_next(
        self, deadline: float, subscription_id: int | None, exclude: set[int] | None = None
    ) -> bool:
        """Sleep until the next claimable row is due if that is before ``deadline``."""
        wake = await self._db(outbox.next_due_at, self.store, tuple(self.posters),
                              subscription_id=subscription_id, exclude=tuple(exclude or ()))  # fmt: skip
        if wake is None:
            return False
        delay = (wake - self.now()).total_seconds()
        if self.clock() + delay > deadline:
            return False
        await self.sleep(max(delay, 0.01))
        return True

    def _groups(self, due: list[Delivery], tally: Tally) -> dict[int, list[Delivery]]:
        """Due rows by subscription; rows no poster can serve stay pending (reported once)."""
        groups: dict[int, list[Delivery]] = {}
        stuck: dict[str, list[str]] = {}
        for delivery in due:
            platform = delivery.destination.platform
            if delivery.subscription_id in tally.refused:
                continue
            if platform in self.posters:
                groups.setdefault(delivery.subscription_id, []).append(delivery)
            elif platform not in self._reported:
                places = stuck.setdefault(platform, [])
                if where(delivery) not in places:
                    places.append(where(delivery))
        for platform, places in stuck.items():
            self._reported.add(platform)
            form = registry.form(platform)
            hint = form.enable_hint if form else "configure that platform"
            problem = (f"alerts for {', '.join(places)} are waiting: no {platform} poster is "
                       f"configured; {hint}, or remove the subscription with "
                       f"`policybot subscriptions remove {places[0]}`.")  # fmt: skip
            log.warning("%s", problem)
            tally.problems.append(problem)
        return groups

    async def _run_destination(
        self, sub: int, rows: list[Delivery], deadline: float, tally: Tally
    ) -> None:
        """One destination, sequentially: its due rows, then rows that become due
        (updates after their alert, retries) until nothing is due before ``deadline``."""
        poster = self.posters[rows[0].destination.platform]
        claim = await self._lease(sub, rows[0], tally)
        if claim is None:
            return
        if claim.recovered:  # recovered rows come first, in order
            rows = await self._db(outbox.claim_due, self.store, self.now(), subscription_id=sub)
        while True:
            for delivery in rows:
                if not await self._db(leases.renew, self.store, sub, self.owner, self.now(),
                                      self.lease_seconds):  # fmt: skip
                    return  # taken over (we stalled past the lease): leave it to the new holder
                if not await self._deliver(poster, delivery, tally):
                    break
            rows = await self._db(outbox.claim_due, self.store, self.now(), subscription_id=sub)
            if not rows:
                if not await self._wait_for_next(deadline, sub):
                    return
                rows = await self._db(outbox.claim_due, self.store, self.now(),
                                      subscription_id=sub)  # fmt: skip

    async def _pace(self, delivery: Delivery) -> None:
        form = registry.form(delivery.destination.platform)
        if form is not None and not form.paced:
            return
        last = self._last_post.get(delivery.subscription_id)
        if last is not None:
            wait = last + self.per_channel_interval - self.clock()
            if wait > 0:
                await self.sleep(wait)

    async def _deliver(self, poster: Poster, delivery: Delivery, tally: Tally) -> bool:
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
            counts.delivered(delivery.destination.platform, "retry")
            self._last_post[delivery.subscription_id] = self.clock()
            await self._reschedule(delivery, max(exc.seconds, 0.0), str(exc), counted=False)
            tally.retried += 1
            return False
        except PermanentFailure as exc:
            counts.delivered(delivery.destination.platform, "failed")
            self._last_post[delivery.subscription_id] = self.clock()
            await self._give_up(delivery, str(exc), tally)
            await self._db(subscriptions_store.mark_failing, self.store,
                           delivery.subscription_id, str(exc))  # fmt: skip
            return False
        except Exception as exc:  # TransientFailure, and adapter bugs treated alike
            counts.delivered(delivery.destination.platform, "retry")
            self._last_post[delivery.subscription_id] = self.clock()
            try:
                return await self._transient(delivery, exc, tally)
            except StoreError:
                with contextlib.suppress(StoreError):
                    await self._db(outbox.release_sending, self.store, delivery.id, str(exc))
                raise
        self._last_post[delivery.subscription_id] = self.clock()
        await self._record_sent(delivery, posted)
        counts.delivered(delivery.destination.platform, "sent")
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
