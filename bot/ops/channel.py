"""The ops channel: destinations subscribed with ``--ops`` hear about feed health,
delivery problems and a weekly summary.

``check`` observes the store, decides what changed (``bot.ops.watch``) and stores
each message once (``store.ops``: the notice key is the dedup fact, the facts table
the last announced state); ``send`` posts the stored messages through the same
posters as alerts. The daemon calls both after each poll; ``policybot poll`` too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from bot.delivery.poster import PermanentFailure, Poster
from bot.delivery.render import destination_text
from bot.ops import counts
from bot.ops.watch import (
    Change,
    Known,
    Observation,
    OpsSettings,
    changes,
    destination_state,
    feed_state,
    outbox_state,
    week_start,
)
from bot.ops.wording import change_message, from_json, grouped_message, to_json, weekly_message
from store import Store, now_iso, parse_iso
from store import ops as ops_store
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5  # an ops message that fails this often is given up (and logged)


def ops_destinations(store: Store) -> list[int]:
    return [s.id for s in subscriptions_store.list_subscriptions(store, active_only=True) if s.ops]


def observe(store: Store, now: datetime, settings: OpsSettings) -> list[Observation]:
    found = []
    for row in ops_store.feed_rows(store):
        dated = {**row, "last_success_at": parse_iso(row["last_success_at"]),
                 "created_at": parse_iso(row["created_at"])}  # fmt: skip
        found.append(feed_state(dated, now, settings))
    outages = {int(r["id"]): r for r in ops_store.destination_rows(store)}
    for sub in subscriptions_store.list_subscriptions(store):
        row = dict(outages.get(sub.id) or {"id": sub.id})
        row.update(id=sub.id, status=sub.status, last_error=sub.last_error,
                   outage_since=parse_iso(row.get("outage_since")))  # fmt: skip
        found.append(destination_state(row, destination_text(sub.destination), now, settings))
    waiting, oldest = ops_store.outbox_backlog(store)
    found.append(outbox_state(waiting, oldest, now, settings))
    return found


def check(store: Store, settings: OpsSettings, now: datetime) -> int:
    """Store the messages the current state calls for; returns deliveries queued."""
    if not ops_destinations(store):
        return 0
    known = {s: Known(f.state, f.announced_at) for s, f in ops_store.facts(store).items()}
    found = changes(known, observe(store, now, settings), now, settings)
    announced = [c for c in found if c.announce]
    queued = 0
    with store.transaction():
        for change in found:
            obs = change.observation
            ops_store.save_fact(store, ops_store.Fact(obs.subject, obs.state, now,
                                                      now if change.announce else None,
                                                      obs.detail))  # fmt: skip
        stamp = now_iso(now)
        if len(announced) > settings.group_over:
            queued += ops_store.add_notice(store, f"group|{stamp}", "group", "group",
                                           to_json(grouped_message(announced)), now)  # fmt: skip
        else:
            for change in announced:
                queued += _notice(store, change, stamp, now)
        if settings.weekly:
            queued += _weekly(store, now)
    return queued


def _notice(store: Store, change: Change, stamp: str, now: datetime) -> int:
    obs = change.observation
    key = f"{obs.subject}|{obs.state}|{stamp}"
    return ops_store.add_notice(store, key, obs.subject, obs.state,
                                to_json(change_message(change)), now)  # fmt: skip


def _weekly(store: Store, now: datetime) -> int:
    """The weekly summary, once per week, when an ops destination existed as it fell due."""
    start = week_start(now)
    first = min((s for s in subscriptions_store.list_subscriptions(store) if s.ops),
                key=lambda s: s.id, default=None)  # fmt: skip
    created = ops_store.subscription_created(store, first.id) if first else None
    if created is None or created > start:
        return 0
    rows = ops_store.metric_rows(store)
    counts = ops_store.week_counts(store, start)
    troubled = [f"{o.name} ({o.state.replace('_', ' ')})"
                for o in observe(store, now, OpsSettings()) if o.state != "ok"]  # fmt: skip
    message = weekly_message(start, rows["feeds"], counts, rows["backlog"], troubled)
    return ops_store.add_notice(store, f"weekly|{now_iso(start)}", "weekly", "weekly",
                                to_json(message), now)  # fmt: skip


async def send(store: Store, posters: Mapping[str, Poster], now: datetime) -> int:
    """Post pending ops messages; returns how many went out."""
    sent = 0
    for item in ops_store.pending(store):
        sub = subscriptions_store.get(store, item.subscription_id)
        if sub is None:
            continue
        poster = posters.get(sub.destination.platform)
        if poster is None:
            continue  # its platform is not configured: `policybot outbox` says so for alerts
        try:
            await poster.post(sub.destination, from_json(item.message), thread=None)
        except Exception as exc:
            give_up = isinstance(exc, PermanentFailure) or item.attempts + 1 >= MAX_ATTEMPTS
            ops_store.mark_attempt(store, item.delivery_id, str(exc), give_up=give_up)
            if give_up:
                counts.ops_message("failed")
                log.error("ops message to %s given up: %s", destination_text(sub.destination), exc)
            continue
        ops_store.mark_sent(store, item.delivery_id, now)
        counts.ops_message("sent")
        sent += 1
    return sent
