"""The operator's view of the outbox: ``policybot outbox`` lists open rows and
``policybot outbox retry`` queues failed ones again (see docs/delivery.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from store.db import Store
from store.outbox import at_iso


def requeue(store: Store, subscription_id: int | None = None, *, now: datetime | None = None
            ) -> int:  # fmt: skip
    """``policybot outbox retry``: failed rows (of one destination, or all) become
    pending and due now; their destinations' outages are forgotten and failing
    subscriptions become active again. Returns the number of rows re-queued."""
    stamp = at_iso(now or datetime.now(UTC))
    where, params = ("", []) if subscription_id is None else (" AND subscription_id = ?",
                                                               [subscription_id])  # fmt: skip
    with store.transaction() as db:
        cursor = db.execute(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?"
            " WHERE status = 'failed'" + where,
            [stamp, *params],
        )
        db.execute("DELETE FROM destination_outages WHERE 1" + where, params)
        db.execute(
            "UPDATE subscriptions SET status = 'active', last_error = NULL WHERE status ="
            " 'failing'" + where.replace("subscription_id", "id"),
            params,
        )
        db.execute(
            "UPDATE deliveries SET next_attempt_at = ? WHERE status = 'pending'" + where,
            [stamp, *params],
        )
    return int(cursor.rowcount or 0)


def open_rows(store: Store, *, limit: int = 200) -> list[dict[str, Any]]:
    """Pending, sending and failed rows with their destination, oldest first."""
    return store.query(
        "SELECT d.id, d.event_id, d.subscription_id, d.kind, d.status, d.attempts,"
        " d.next_attempt_at, d.created_at, d.last_error, s.platform, s.workspace, s.channel,"
        " s.webhook_url, s.status AS subscription_status FROM deliveries d"
        " JOIN subscriptions s ON s.id = d.subscription_id"
        " WHERE d.status IN ('pending', 'sending', 'failed') ORDER BY d.id LIMIT ?",
        [limit],
    )
