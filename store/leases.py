"""Delivery leases and destination outages (migration 4).

A lease says which process may deliver to one destination (subscription) right
now: ``owner`` (host:pid:token), ``heartbeat_at`` and ``expires_at``. A
dispatcher takes it before posting, renews it before every post and releases
it when it is done; another process is refused while it is held. Rows left
``sending`` are put back to ``pending`` only by the process that takes over a
lease that was absent, expired or whose owner is dead: never under a live
owner. Leases are per destination, so several workers can hold different ones.

An outage row is a destination's circuit breaker: since when it has been
failing, how many probes failed, and when the next single probe is due (no row
of the destination is due before it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from store.db import Store, now_iso, parse_iso
from store.outbox import at_iso


@dataclass(frozen=True)
class Lease:
    subscription_id: int
    owner: str
    heartbeat_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Claim:
    """The result of ``acquire``: held (with rows recovered from a dead holder) or
    refused (with the live holder)."""

    held: bool
    recovered: int = 0
    holder: Lease | None = None


def acquire(
    store: Store,
    subscription_id: int,
    owner: str,
    now: datetime,
    ttl: float,
    *,
    dead: Callable[[str], bool] = lambda owner: False,
    recovered_note: str = "",
) -> Claim:
    """Take (or renew) the lease of one destination, atomically across processes.
    Rows a previous holder left 'sending' go back to 'pending' with ``recovered_note``
    (the caller's wording) as their last error."""
    expires = at_iso(now + timedelta(seconds=ttl))
    with store.transaction() as db:
        rows = list(db.query("SELECT * FROM delivery_leases WHERE subscription_id = ?",
                             [subscription_id]))  # fmt: skip
        current = _lease(rows[0]) if rows else None
        if (current is not None and current.owner != owner and current.expires_at > now
                and not dead(current.owner)):  # fmt: skip
            return Claim(held=False, holder=current)
        db.execute(
            "INSERT INTO delivery_leases (subscription_id, owner, acquired_at, heartbeat_at,"
            " expires_at) VALUES (?,?,?,?,?) ON CONFLICT(subscription_id) DO UPDATE SET"
            " owner = excluded.owner, heartbeat_at = excluded.heartbeat_at,"
            " expires_at = excluded.expires_at, acquired_at = CASE WHEN owner = excluded.owner"
            " THEN acquired_at ELSE excluded.acquired_at END",
            (subscription_id, owner, at_iso(now), at_iso(now), expires),
        )
        recovered = 0
        if current is None or current.owner != owner:
            cursor = db.execute(
                "UPDATE deliveries SET status = 'pending', last_error = ? WHERE"
                " subscription_id = ? AND status = 'sending'",
                (recovered_note or None, subscription_id),
            )  # fmt: skip
            recovered = int(cursor.rowcount or 0)
    return Claim(held=True, recovered=recovered)


def renew(store: Store, subscription_id: int, owner: str, now: datetime, ttl: float) -> bool:
    """Heartbeat; False when the lease is no longer ours (then stop delivering there)."""
    with store.transaction() as db:
        cursor = db.execute(
            "UPDATE delivery_leases SET heartbeat_at = ?, expires_at = ?"
            " WHERE subscription_id = ? AND owner = ?",
            (at_iso(now), at_iso(now + timedelta(seconds=ttl)), subscription_id, owner),
        )
    return cursor.rowcount == 1


def release(store: Store, owner: str, subscription_id: int | None = None) -> int:
    sql = "DELETE FROM delivery_leases WHERE owner = ?"
    params: list[Any] = [owner]
    if subscription_id is not None:
        sql += " AND subscription_id = ?"
        params.append(subscription_id)
    with store.transaction() as db:
        cursor = db.execute(sql, params)
    return int(cursor.rowcount or 0)


def holders(store: Store) -> list[Lease]:
    rows = store.query("SELECT * FROM delivery_leases ORDER BY subscription_id")
    return [_lease(row) for row in rows]


def _lease(row: dict[str, Any]) -> Lease:
    heartbeat, expires = parse_iso(row["heartbeat_at"]), parse_iso(row["expires_at"])
    assert heartbeat is not None and expires is not None
    return Lease(int(row["subscription_id"]), str(row["owner"]), heartbeat, expires)


# --------------------------------------------------------------------------- outages


@dataclass(frozen=True)
class Outage:
    subscription_id: int
    since: datetime
    failures: int
    next_probe_at: datetime
    last_error: str | None


def get_outage(store: Store, subscription_id: int) -> Outage | None:
    rows = store.query("SELECT * FROM destination_outages WHERE subscription_id = ?",
                       [subscription_id])  # fmt: skip
    return _outage(rows[0]) if rows else None


def outages(store: Store) -> list[Outage]:
    return [_outage(r) for r in store.query("SELECT * FROM destination_outages")]


def save_outage(store: Store, outage: Outage) -> None:
    """Record a failed probe; every pending row of the destination waits for the next."""
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO destination_outages (subscription_id, since, failures,"
            " next_probe_at, last_error) VALUES (?,?,?,?,?)",
            (outage.subscription_id, now_iso(outage.since), outage.failures,
             at_iso(outage.next_probe_at), outage.last_error),
        )  # fmt: skip


def clear_outage(store: Store, subscription_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM destination_outages WHERE subscription_id = ?", [subscription_id])


def _outage(row: dict[str, Any]) -> Outage:
    since, probe = parse_iso(row["since"]), parse_iso(row["next_probe_at"])
    assert since is not None and probe is not None
    return Outage(int(row["subscription_id"]), since, int(row["failures"]), probe,
                  row["last_error"])  # fmt: skip
