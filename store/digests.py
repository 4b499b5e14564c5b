"""Digest periods (the ``digests`` table of migration 8): one row per subscription and
period end, claimed before anything is posted, so a digest is never sent twice, even
across restarts; a failed post may be tried again a few times."""

from __future__ import annotations

from datetime import datetime

from bot.models import Event
from store.db import Store, now_iso, parse_iso
from store.event_reads import get_event

MAX_ATTEMPTS = 3


def claim(store: Store, subscription_id: int, start: datetime, end: datetime) -> bool:
    """Take the period ending at ``end`` for this subscription; False when it was sent,
    found empty, is being sent, or failed too often already."""
    stamp, until = now_iso(), now_iso(end)
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO digests (subscription_id, period_start, period_end, status, attempts,"
            " created_at) VALUES (?, ?, ?, 'sending', 1, ?)"
            " ON CONFLICT(subscription_id, period_end) DO UPDATE SET status = 'sending',"
            " attempts = attempts + 1 WHERE status = 'failed' AND attempts < ?",
            (subscription_id, now_iso(start), until, stamp, MAX_ATTEMPTS),
        )
    return bool(cursor.rowcount)


def finish(
    store: Store,
    subscription_id: int,
    end: datetime,
    *,
    status: str,
    events: int = 0,
    ref: str | None = None,
    error: str | None = None,
) -> None:
    """Record how the period went: ``sent``, ``empty`` (nothing happened) or ``failed``."""
    with store.transaction() as db:
        db.execute(
            "UPDATE digests SET status = ?, event_count = ?, message_ref = ?, last_error = ?,"
            " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END"
            " WHERE subscription_id = ? AND period_end = ?",
            (status, events, ref, error, status, now_iso(), subscription_id, now_iso(end)),
        )


def last_period_end(store: Store, subscription_id: int) -> datetime | None:
    rows = store.query(
        "SELECT MAX(period_end) AS end FROM digests WHERE subscription_id = ?"
        " AND status IN ('sent', 'empty')",
        [subscription_id],
    )
    return parse_iso(rows[0]["end"]) if rows else None


def history(store: Store, subscription_id: int) -> list[dict[str, object]]:
    return store.query(
        "SELECT period_start, period_end, status, event_count, attempts, last_error FROM digests"
        " WHERE subscription_id = ? ORDER BY period_end",
        [subscription_id],
    )


def recorded_events(
    store: Store, start: datetime, end: datetime, *, reported_after: datetime
) -> list[Event]:
    """Events policybot recorded in [start, end) that were first reported after
    ``reported_after`` (old news found on a feed's first fetch is left out), oldest first."""
    rows = store.query(
        "SELECT id FROM events WHERE created_at >= ? AND created_at < ? AND first_reported >= ?"
        " ORDER BY first_reported, id",
        [now_iso(start), now_iso(end), now_iso(reported_after)],
    )
    found = (get_event(store, int(row["id"]), with_mentions=True) for row in rows)
    return [event for event in found if event is not None]
