"""Channel subscriptions: who gets which alerts.

One row per destination (``UNIQUE(platform, channel, webhook_url)``); adding a
destination that exists updates its filters (an upsert). Filters are stored as
JSON lists. ``origin`` records who manages the row: ``cli``, ``chat``,
``config`` (mirrors feeds.yaml, see ``sync_declared``) or ``builtin`` (the
console subscription).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.models import DeclaredSubscription, Destination, DigestPlan, Filters, Subscription
from store.db import Store, now_iso, parse_iso

CONSOLE = Destination("console")


@dataclass(frozen=True)
class SyncResult:
    """What ``sync_declared`` changed."""

    added: int = 0
    updated: int = 0
    removed: int = 0


def _key(dest: Destination) -> tuple[str, str, str]:
    return dest.platform, dest.channel or "", dest.webhook_url or ""


def add(
    store: Store, dest: Destination, filters: Filters, *, origin: str = "cli", ops: bool = False
) -> Subscription:
    """Subscribe ``dest`` (or replace its filters). A failing destination becomes
    active again and its stuck deliveries become eligible (see ``reactivate``).
    ``ops``: the destination receives operational messages instead of alerts."""
    platform, channel, webhook = _key(dest)
    stamp = now_iso()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO subscriptions (platform, workspace, channel, webhook_url, vendors, actions,"
            " actor_types, min_confidence, status, last_error, origin, ops, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,'active',NULL,?,?,?,?)"
            " ON CONFLICT(platform, channel, webhook_url) DO UPDATE SET"
            " workspace = CASE WHEN excluded.workspace != '' THEN excluded.workspace"
            " ELSE subscriptions.workspace END, vendors = excluded.vendors,"
            " actions = excluded.actions, actor_types = excluded.actor_types,"
            " min_confidence = excluded.min_confidence, origin = excluded.origin,"
            " ops = excluded.ops, updated_at = excluded.updated_at",
            (
                platform, dest.workspace or "", channel, webhook,
                json.dumps(list(filters.vendors)), json.dumps(list(filters.actions)),
                json.dumps(list(filters.actor_types)), float(filters.min_confidence),
                origin, int(ops), stamp, stamp,
            ),
        )  # fmt: skip
        sub = find(store, dest)
        assert sub is not None  # just written in this transaction
        if sub.status != "active":
            reactivate(store, sub.id)
            sub = get(store, sub.id)
            assert sub is not None
    return sub


def remove(store: Store, dest: Destination) -> bool:
    """Unsubscribe ``dest``; its outbox rows go with it. False if it was not subscribed."""
    sub = find(store, dest)
    if sub is None:
        return False
    with store.transaction() as db:
        db.execute("DELETE FROM deliveries WHERE subscription_id = ?", (sub.id,))
        db.execute("DELETE FROM subscriptions WHERE id = ?", (sub.id,))
    return True


def list_subscriptions(
    store: Store, *, active_only: bool = False, platform: str | None = None
) -> list[Subscription]:
    sql = "SELECT * FROM subscriptions"
    clauses: list[str] = []
    params: list[Any] = []
    if active_only:
        clauses.append("status = 'active'")
    if platform is not None:
        clauses.append("platform = ?")
        params.append(platform)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return [_subscription(row) for row in store.query(sql + " ORDER BY id", params)]


def platforms(store: Store) -> set[str]:
    """The platforms any subscription (active or not) delivers to."""
    return {
        str(row["platform"]) for row in store.query("SELECT DISTINCT platform FROM subscriptions")
    }


def get(store: Store, subscription_id: int) -> Subscription | None:
    rows = store.query("SELECT * FROM subscriptions WHERE id = ?", [subscription_id])
    return _subscription(rows[0]) if rows else None


def find(store: Store, dest: Destination) -> Subscription | None:
    rows = store.query(
        "SELECT * FROM subscriptions WHERE platform = ? AND channel = ? AND webhook_url = ?",
        list(_key(dest)),
    )
    return _subscription(rows[0]) if rows else None


def mark_failing(store: Store, subscription_id: int, error: str) -> None:
    """Stop delivering to this destination until it is re-subscribed."""
    with store.transaction() as db:
        db.execute(
            "UPDATE subscriptions SET status = 'failing', last_error = ?, updated_at = ? WHERE id = ?",
            (error, now_iso(), subscription_id),
        )


def reactivate(store: Store, subscription_id: int) -> int:
    """Make a failing subscription active again; its pending rows become due now and
    rows that failed are queued again. Returns the number of rows made eligible."""
    stamp = now_iso()
    with store.transaction() as db:
        db.execute(
            "UPDATE subscriptions SET status = 'active', last_error = NULL, updated_at = ?"
            " WHERE id = ?",
            (stamp, subscription_id),
        )
        cursor = db.execute(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?"
            " WHERE subscription_id = ? AND status IN ('pending', 'failed', 'sending')",
            (stamp, subscription_id),
        )
    return int(cursor.rowcount or 0)


def sync_declared(
    store: Store, declared: Sequence[DeclaredSubscription], *, console: bool
) -> SyncResult:
    """Make config-origin rows mirror feeds.yaml; keep the builtin console row iff ``console``.

    A declared destination that was added by hand becomes config-managed.
    """
    added = updated = removed = 0
    with store.transaction():
        wanted = {_key(d.destination) for d in declared}
        for item in declared:
            old = find(store, item.destination)
            if old is None:
                added += 1
            elif old.filters != item.filters or old.origin != "config":
                updated += 1
            else:
                continue
            add(store, item.destination, item.filters, origin="config")
        for sub in list_subscriptions(store):
            if sub.origin == "config" and _key(sub.destination) not in wanted:
                remove(store, sub.destination)
                removed += 1
        builtin = find(store, CONSOLE)
        if console and builtin is None:
            add(store, CONSOLE, Filters(), origin="builtin")
            added += 1
        elif not console and builtin is not None and builtin.origin == "builtin":
            remove(store, CONSOLE)
            removed += 1
    return SyncResult(added=added, updated=updated, removed=removed)


def _subscription(row: dict[str, Any]) -> Subscription:
    dest = Destination(
        platform=str(row["platform"]),
        channel=row["channel"] or None,
        workspace=row["workspace"] or None,
        webhook_url=row["webhook_url"] or None,
    )
    filters = Filters(
        vendors=tuple(json.loads(row["vendors"] or "[]")),
        actions=tuple(json.loads(row["actions"] or "[]")),
        actor_types=tuple(json.loads(row["actor_types"] or "[]")),
        min_confidence=float(row["min_confidence"] or 0.0),
    )
    plan = None
    if row.get("digest"):
        plan = DigestPlan(every=str(row["digest"]), at=str(row["digest_at"]),
                          tz=str(row["digest_tz"]), since=parse_iso(row.get("digest_from")))  # fmt: skip
    return Subscription(
        id=int(row["id"]),
        destination=dest,
        filters=filters,
        status=str(row["status"]),
        last_error=row["last_error"],
        origin=str(row["origin"]),
        digest=plan,
        alerts=bool(row.get("alerts", 1)),
        ops=bool(row.get("ops")),
    )


def set_digest(
    store: Store, subscription_id: int, plan: DigestPlan | None, *, alerts: bool
) -> None:
    """Give a subscription a digest (or none) and switch its immediate alerts on or off.
    A new or changed plan counts from now (no digest of the time before it)."""
    with store.transaction() as db:
        db.execute(
            "UPDATE subscriptions SET digest = ?, digest_at = ?, digest_tz = ?, alerts = ?,"
            " digest_from = CASE WHEN digest = ? AND digest_at = ? AND digest_tz = ?"
            " THEN digest_from ELSE ? END, updated_at = ? WHERE id = ?",
            (plan.every if plan else "", plan.at if plan else "08:00", plan.tz if plan else "UTC",
             int(alerts), plan.every if plan else "", plan.at if plan else "08:00",
             plan.tz if plan else "UTC", now_iso() if plan else None, now_iso(), subscription_id),
        )  # fmt: skip
