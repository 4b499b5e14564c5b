"""The durable outbox: one ``deliveries`` row per (event, subscription, kind, update).

Routing inserts rows in the same transaction that records the event
(``UNIQUE(event_id, subscription_id, kind, update_id)`` + INSERT OR IGNORE, so
re-routing is idempotent). The dispatcher reads due rows with ``claim_due`` and
moves each through ``pending → sending → sent`` (or back to ``pending`` with a
later ``next_attempt_at``, or to ``failed``). Every state change commits on its
own, so a crash leaves at most the row being posted in ``sending``; the process
that next takes that destination's lease puts it back to ``pending``
(store/leases.py). See docs/delivery.md.

``update_id`` is stored as 0 for alerts (SQLite treats NULLs as distinct in
UNIQUE constraints).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from bot.models import Delivery, Destination, Posted
from store.db import Store, now_iso, parse_iso

STATUSES: tuple[str, ...] = ("pending", "sending", "sent", "failed")

_DUE_SELECT = """
SELECT d.id, d.event_id, d.subscription_id, d.kind, d.update_id, d.attempts,
       d.next_attempt_at, s.platform, s.workspace, s.channel, s.webhook_url,
       p.message_ref AS parent_ref, p.thread_ref AS parent_thread,
       p.posted_channel AS parent_channel,
       MAX(d.next_attempt_at, COALESCE(o.next_probe_at, '')) AS due_at
FROM deliveries d
JOIN subscriptions s ON s.id = d.subscription_id
LEFT JOIN deliveries p
  ON d.kind = 'update' AND p.event_id = d.event_id AND p.subscription_id = d.subscription_id
 AND p.kind = 'alert' AND p.update_id = 0
LEFT JOIN destination_outages o ON o.subscription_id = d.subscription_id
WHERE d.status = 'pending' AND s.status = 'active'
  AND (d.kind = 'alert' OR p.status = 'sent')
"""


# A row is due when its own retry time and its destination's next probe have passed.
_DUE_AT = "MAX(d.next_attempt_at, COALESCE(o.next_probe_at, ''))"


def at_iso(moment: datetime) -> str:
    """A due time as stored and compared: UTC ISO 8601 with microseconds.

    Rows written with whole seconds (``now_iso``) compare correctly with these:
    ``…:05+00:00`` sorts before ``…:05.5…`` and after ``…:04.9…``.
    """
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def enqueue(
    store: Store,
    event_id: int,
    subscription_id: int,
    kind: str,
    update_id: int | None = None,
    *,
    now: datetime | None = None,
) -> bool:
    """Queue one delivery; False if that exact row already exists (idempotent)."""
    if kind not in ("alert", "update"):
        raise ValueError(f"delivery kind must be 'alert' or 'update', got {kind!r}")
    stamp = now_iso(now)
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT OR IGNORE INTO deliveries (event_id, subscription_id, kind, update_id, status,"
            " attempts, next_attempt_at, created_at) VALUES (?,?,?,?,'pending',0,?,?)",
            (event_id, subscription_id, kind, update_id or 0, stamp, stamp),
        )
    return bool(cursor.rowcount)


def has_alert(store: Store, event_id: int, subscription_id: int) -> bool:
    rows = store.query(
        "SELECT 1 FROM deliveries WHERE event_id = ? AND subscription_id = ?"
        " AND kind = 'alert' AND update_id = 0",
        [event_id, subscription_id],
    )
    return bool(rows)


def claim_due(
    store: Store,
    now: datetime | None = None,
    *,
    subscription_id: int | None = None,
    limit: int = 500,
) -> list[Delivery]:
    """Pending rows due at ``now`` for active subscriptions, in delivery order.

    An update is due only once its alert row is sent; ``Delivery.parent`` then
    carries that alert's platform reference. Rows are not changed here: the
    dispatcher calls ``mark_sending`` right before posting each one.
    """
    sql = _DUE_SELECT + f" AND {_DUE_AT} <= ?"
    params: list[Any] = [at_iso(now or datetime.now(UTC))]
    if subscription_id is not None:
        sql += " AND d.subscription_id = ?"
        params.append(subscription_id)
    rows = store.query(
        sql + " ORDER BY d.subscription_id, d.event_id,"
        " CASE d.kind WHEN 'alert' THEN 0 ELSE 1 END, d.update_id, d.id LIMIT ?",
        [*params, limit],
    )
    return [_delivery(row) for row in rows]


def next_due_at(
    store: Store,
    platforms: Collection[str] | None = None,
    *,
    subscription_id: int | None = None,
    exclude: Collection[int] = (),
) -> datetime | None:
    """When the earliest claimable row (on these platforms, of this subscription)
    becomes due, or None."""
    sql = "SELECT MIN(due_at) AS at FROM (" + _DUE_SELECT
    params: list[Any] = []
    if subscription_id is not None:
        sql += " AND d.subscription_id = ?"
        params.append(subscription_id)
    if exclude:
        sql += f" AND d.subscription_id NOT IN ({','.join('?' for _ in exclude)})"
        params.extend(exclude)
    if platforms is not None:
        if not platforms:
            return None
        sql += f" AND s.platform IN ({','.join('?' for _ in platforms)})"
        params.extend(platforms)
    rows = store.query(sql + ")", params)
    return parse_iso(rows[0]["at"]) if rows else None


def get_delivery(store: Store, delivery_id: int) -> dict[str, Any] | None:
    """The raw row (status, attempts, last_error, refs), for reports and tests."""
    rows = store.query("SELECT * FROM deliveries WHERE id = ?", [delivery_id])
    return rows[0] if rows else None


def mark_sending(store: Store, delivery_id: int) -> bool:
    """Committed before the platform call: a crash now leaves the row 'sending'.

    A compare-and-set: False when the row is no longer pending (another
    dispatcher took it), and the caller must not post it.
    """
    with store.transaction() as db:
        cursor = db.execute(
            "UPDATE deliveries SET status = 'sending' WHERE id = ? AND status = 'pending'",
            (delivery_id,),
        )
    return cursor.rowcount == 1


def mark_sent(
    store: Store, delivery_id: int, posted: Posted, *, now: datetime | None = None
) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE deliveries SET status = 'sent', message_ref = ?, thread_ref = ?,"
            " posted_channel = ?, sent_at = ?, last_error = NULL WHERE id = ?",
            (posted.ref, posted.thread_ref, posted.channel, now_iso(now), delivery_id),
        )
        # the destination answered: its outage (if any) is over
        db.execute(
            "DELETE FROM destination_outages WHERE subscription_id ="
            " (SELECT subscription_id FROM deliveries WHERE id = ?)",
            (delivery_id,),
        )
        if posted.thread_ref:
            # A follow-up that opened the alert's thread (Discord creates it on the
            # first follow-up): remember it on the alert so later ones reuse it.
            db.execute(
                "UPDATE deliveries SET thread_ref = ? WHERE thread_ref IS NULL AND kind = 'alert'"
                " AND (event_id, subscription_id) IN (SELECT event_id, subscription_id"
                " FROM deliveries WHERE id = ? AND kind = 'update')",
                (posted.thread_ref, delivery_id),
            )


def mark_retry(
    store: Store, delivery_id: int, at: datetime, error: str, *, count_attempt: bool = True
) -> None:
    """Back to 'pending', due at ``at``. Rate limits pass ``count_attempt=False``
    so a long 429 storm never exhausts the attempts of a row."""
    with store.transaction() as db:
        db.execute(
            "UPDATE deliveries SET status = 'pending', next_attempt_at = ?, last_error = ?,"
            " attempts = attempts + ? WHERE id = ?",
            (at_iso(at), error, int(count_attempt), delivery_id),
        )


def mark_failed(store: Store, delivery_id: int, error: str, *, updates_error: str) -> int:
    """Give up on a row. The pending updates of a failed alert fail with it (they
    could never be threaded), recording ``updates_error``. Returns the number of rows
    marked failed."""
    with store.transaction() as db:
        db.execute(
            "UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?"
            " WHERE id = ?",
            (error, delivery_id),
        )
        rows = list(
            db.query(
                "SELECT event_id, subscription_id FROM deliveries WHERE id = ? AND kind = 'alert'",
                [delivery_id],
            )
        )
        count = 1
        if rows:
            cursor = db.execute(
                "UPDATE deliveries SET status = 'failed', last_error = ? WHERE event_id = ?"
                " AND subscription_id = ? AND kind = 'update' AND status = 'pending'",
                (updates_error, rows[0]["event_id"], rows[0]["subscription_id"]),
            )  # fmt: skip
            count += int(cursor.rowcount or 0)
    return count


def defer_subscription(store: Store, subscription_id: int, at: datetime) -> int:
    """Push every pending row of a destination to ``at`` at the earliest (rate limit)."""
    stamp = at_iso(at)
    with store.transaction() as db:
        cursor = db.execute(
            "UPDATE deliveries SET next_attempt_at = ? WHERE subscription_id = ?"
            " AND status = 'pending' AND next_attempt_at < ?",
            (stamp, subscription_id, stamp),
        )
    return int(cursor.rowcount or 0)


def release_sending(store: Store, delivery_id: int, error: str) -> None:
    """A caught error between ``mark_sending`` and the outcome: back to pending."""
    with store.transaction() as db:
        db.execute(
            "UPDATE deliveries SET status = 'pending', last_error = ? WHERE id = ?"
            " AND status = 'sending'",
            (error, delivery_id),
        )


def queue_depth(store: Store) -> dict[str, int]:
    """Row counts: pending, sending, sent, failed, plus ``due`` (pending and claimable
    now) and ``blocked`` (pending for a failing subscription)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in store.query("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status"):
        counts[str(row["status"])] = int(row["n"])
    due = store.query("SELECT COUNT(*) AS n FROM (" + _DUE_SELECT + f" AND {_DUE_AT} <= ?)",
                      [at_iso(datetime.now(UTC))])  # fmt: skip
    counts["due"] = int(due[0]["n"])
    blocked = store.query(
        "SELECT COUNT(*) AS n FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
        " WHERE d.status = 'pending' AND s.status != 'active'"
    )
    counts["blocked"] = int(blocked[0]["n"])
    return counts


def failed_rows(store: Store, *, limit: int = 20) -> list[dict[str, Any]]:
    """The most recent failed rows with their errors, newest first."""
    return store.query(
        "SELECT id, event_id, subscription_id, kind, attempts, last_error FROM deliveries"
        " WHERE status = 'failed' ORDER BY id DESC LIMIT ?",
        [limit],
    )


def _delivery(row: dict[str, Any]) -> Delivery:
    dest = Destination(
        platform=str(row["platform"]),
        channel=row["channel"] or None,
        workspace=row["workspace"] or None,
        webhook_url=row["webhook_url"] or None,
    )
    parent = None
    if row["kind"] == "update" and row["parent_ref"]:
        parent = Posted(
            ref=str(row["parent_ref"]),
            thread_ref=row["parent_thread"],
            channel=row["parent_channel"],
        )
    return Delivery(
        id=int(row["id"]),
        event_id=int(row["event_id"]),
        subscription_id=int(row["subscription_id"]),
        kind=str(row["kind"]),
        destination=dest,
        attempts=int(row["attempts"]),
        update_id=int(row["update_id"]) or None,
        parent=parent,
    )


def posted_alert(store: Store, event_id: int, subscription_id: int) -> Posted | None:
    """The platform reference of a sent alert, if any."""
    rows = store.query(
        "SELECT message_ref, thread_ref, posted_channel FROM deliveries WHERE event_id = ?"
        " AND subscription_id = ? AND kind = 'alert' AND update_id = 0 AND status = 'sent'",
        [event_id, subscription_id],
    )
    if not rows or not rows[0]["message_ref"]:
        return None
    row = rows[0]
    return Posted(ref=str(row["message_ref"]), thread_ref=row["thread_ref"],
                  channel=row["posted_channel"])  # fmt: skip


def rows_after(store: Store, after_id: int) -> list[dict[str, Any]]:
    """Outbox rows with an id above ``after_id``, oldest first (``policybot eval`` reads
    what routing queued after each replayed fetch)."""
    return store.query(
        "SELECT id, event_id, subscription_id, kind, update_id FROM deliveries"
        " WHERE id > ? ORDER BY id",
        [after_id],
    )
