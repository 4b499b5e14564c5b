"""A destination's health while the dispatcher drains it: its lease (one delivering
process), its outage (the circuit breaker and time-based retry), giving rows up,
and recording a post the platform took even when the disk is full.

``DestinationHealth`` is the part of ``Dispatcher`` (bot/delivery/dispatch.py)
that talks to store/leases.py; it uses the dispatcher's store, clock and settings.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from bot.delivery import render
from bot.delivery.lease import describe_owner, owner_is_dead
from bot.models import Delivery
from store import Store, StoreError, leases, outbox
from store import subscriptions as subscriptions_store

log = logging.getLogger("bot.delivery.dispatch")
INTERRUPTED = "interrupted while sending (the delivering process stopped); sent again"
T = TypeVar("T")


@dataclass
class Tally:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)
    refused: set[int] = field(default_factory=set)  # destinations another process holds


def where(delivery: Delivery) -> str:
    """The destination for logs and reports (webhook URLs are secrets: host only)."""
    return render.destination_text(delivery.destination)


class DestinationHealth:
    """Leases, outages and giving up, for ``Dispatcher``."""

    store: Store
    owner: str
    lease_seconds: float
    retry_for: float
    backoff_base: float
    backoff_cap: float
    sleep: Callable[[float], Awaitable[Any]]
    now: Callable[[], datetime]
    _db: Callable[..., Awaitable[Any]]

    async def _lease(self, sub: int, sample: Delivery, tally: Tally) -> leases.Claim | None:
        """Hold this destination's lease, or report who does and leave it alone."""
        claim = await self._db(leases.acquire, self.store, sub, self.owner, self.now(),
                               self.lease_seconds, dead=owner_is_dead,
                               recovered_note=INTERRUPTED)  # fmt: skip
        if claim.recovered:
            log.warning("re-sending %d delivery(ies) to %s interrupted when the process "
                        "delivering them stopped", claim.recovered, where(sample))  # fmt: skip
        if claim.held:
            return claim
        tally.refused.add(sub)
        holder = claim.holder
        assert holder is not None
        problem = (f"deliveries to {where(sample)} are left to another policybot process "
                   f"({describe_owner(holder.owner)}) that holds them until "
                   f"{holder.expires_at:%H:%M:%S} UTC and renews while it runs; this process "
                   "delivers nothing there. Stop the other process to deliver from this one.")  # fmt: skip
        log.warning("%s", problem)
        tally.problems.append(problem)
        return None

    # ----------------------------------------------------------------- one row

    async def _record_sent(self, delivery: Delivery, posted: Any) -> None:
        """The platform took it: record that, retrying a few times when the database
        cannot be written (disk full); then stop with the row named."""
        for wait in (0.5, 2.0, 5.0, None):
            try:
                await self._db(outbox.mark_sent, self.store, delivery.id, posted)
                return
            except StoreError as exc:
                if wait is None:
                    raise StoreError(f"{exc} (the {delivery.kind} for event "
                                     f"{delivery.event_id} to {where(delivery)} was posted but "
                                     "could not be recorded: it is posted once more after a "
                                     "restart)") from exc  # fmt: skip
                await self.sleep(wait)

    async def _transient(self, delivery: Delivery, exc: Exception, tally: Tally) -> bool:
        """The destination is failing: one probe per backoff step (the circuit breaker),
        given up only after ``retry_for`` seconds of outage."""
        sub, now = delivery.subscription_id, self.now()
        outage = await self._db(leases.get_outage, self.store, sub)
        since = outage.since if outage else now
        failures = (outage.failures if outage else 0) + 1
        lasted = (now - since).total_seconds()
        if lasted >= self.retry_for:
            hours = lasted / 3600
            reason = (f"unreachable for {hours:.1f} h (retried for {self.retry_for / 3600:g} h; "
                      f"last error: {exc}); `policybot outbox retry {where(delivery)}` "
                      "queues its deliveries again")  # fmt: skip
            await self._give_up(delivery, reason, tally)
            await self._db(subscriptions_store.mark_failing, self.store, sub, reason)
            await self._db(leases.clear_outage, self.store, sub)
            return False
        delay = min(self.backoff_base * 2 ** (failures - 1), self.backoff_cap)
        probe = now + timedelta(seconds=delay)
        await self._db(leases.save_outage, self.store,
                       leases.Outage(sub, since, failures, probe, str(exc)))  # fmt: skip
        log.info("delivery %d to %s failed (%s); probing again in %.0fs",
                 delivery.id, where(delivery), exc, delay)  # fmt: skip
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

    async def _give_up(self, delivery: Delivery, error: str, tally: Tally) -> None:
        await self._db(outbox.mark_failed, self.store, delivery.id, error,
                       updates_error=f"its alert could not be delivered: {error}")  # fmt: skip
        tally.failed += 1
        problem = (
            f"{delivery.kind} for event {delivery.event_id} to {where(delivery)} failed: {error}"
        )
        log.error("%s", problem)
        tally.problems.append(problem)
