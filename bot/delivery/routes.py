"""Routing: which subscriptions get an event, written to the outbox.

``matches`` is the pure filter; ``route`` is called by the pipeline inside the
feed's transaction, so outbox rows commit (or roll back) with the event itself.
"""

from __future__ import annotations

from bot.models import Event, EventChange, Filters
from store import Store, event_reads, outbox
from store import subscriptions as subscriptions_store


def matches(filters: Filters, event: Event) -> bool:
    """Does ``event`` pass ``filters``? Empty filter tuples mean "any".

    Events without an actor (``actor_type == "none"``) never match, and an event
    whose actor is a vendor matches only when it is a relevant policy change.
    """
    if event.actor_type == "none":
        return False
    if filters.actor_types and event.actor_type not in filters.actor_types:
        return False
    if event.actor_type == "vendor" and not event.relevant:
        return False
    if filters.vendors and not _same_word(event.vendor, filters.vendors):
        return False
    if filters.actions and not _same_word(event.action, filters.actions):
        return False
    return event.confidence >= filters.min_confidence


def _same_word(value: str | None, allowed: tuple[str, ...]) -> bool:
    if not value:
        return False
    wanted = value.casefold().strip()
    return any(wanted == item.casefold().strip() for item in allowed)


def route(store: Store, change: EventChange, *, alertable: bool) -> int:
    """Queue deliveries for one recorded finding; returns outbox rows written.

    For each active subscription whose filters match the event: with no alert
    row yet for (event, subscription) and ``alertable`` → an alert; with an alert
    row and ``change.update_id`` set → an update for its thread. Idempotent:
    routing the same change twice writes nothing the second time.
    """
    subscribed = [
        sub
        for sub in subscriptions_store.list_subscriptions(store, active_only=True)
        if not sub.ops and sub.alerts
    ]  # (not ops channels nor digest-only ones)
    if not subscribed:  # nothing to route to: the event is not read
        return 0
    event = event_reads.get_event(store, change.event_id)
    if event is None:
        return 0
    written = 0
    with store.transaction():
        for sub in subscribed:
            if not matches(sub.filters, event):
                continue
            if not outbox.has_alert(store, event.id, sub.id):
                if alertable:
                    written += outbox.enqueue(store, event.id, sub.id, "alert")
            elif change.update_id is not None:
                written += outbox.enqueue(store, event.id, sub.id, "update", change.update_id)
    return written
