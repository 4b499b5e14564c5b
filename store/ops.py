"""The ops channel's facts and messages, and the numbers behind /metrics.

``ops_facts``: the last announced state of each watched subject (one row per
subject); ``ops_notices``: each operational message once (``key`` is the dedup
fact); ``ops_deliveries``: a notice to each ops destination. Messages are stored
as the JSON of a neutral ``Message`` written by ``bot.ops``; no wording lives here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from store.db import Store, now_iso, parse_iso


@dataclass(frozen=True)
class Fact:
    subject: str
    state: str
    since: datetime
    announced_at: datetime | None
    detail: str = ""


@dataclass(frozen=True)
class PendingNotice:
    delivery_id: int
    notice_id: int
    subscription_id: int
    attempts: int
    message: dict[str, Any]


def facts(store: Store) -> dict[str, Fact]:
    rows = store.query("SELECT * FROM ops_facts")
    return {
        str(r["subject"]): Fact(
            str(r["subject"]),
            str(r["state"]),
            parse_iso(r["since"]) or datetime.min,  # type: ignore[arg-type]
            parse_iso(r["announced_at"]),
            str(r["detail"] or ""),
        )  # fmt: skip
        for r in rows
    }


def save_fact(store: Store, fact: Fact) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO ops_facts (subject, state, since, announced_at, detail) VALUES (?,?,?,?,?)"
            " ON CONFLICT(subject) DO UPDATE SET state = excluded.state, since = excluded.since,"
            " announced_at = excluded.announced_at, detail = excluded.detail",
            (fact.subject, fact.state, now_iso(fact.since),
             now_iso(fact.announced_at) if fact.announced_at else None, fact.detail),
        )  # fmt: skip


def add_notice(
    store: Store, key: str, subject: str, kind: str, message: dict[str, Any], now: datetime
) -> int:
    """Store a notice once (by ``key``) with a pending delivery to every active ops
    destination; returns the deliveries written (0 when the key was already known)."""
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT OR IGNORE INTO ops_notices (key, subject, kind, message, created_at)"
            " VALUES (?,?,?,?,?)",
            (key, subject, kind, json.dumps(message, ensure_ascii=False), now_iso(now)),
        )
        if not cursor.rowcount:
            return 0
        notice_id = cursor.lastrowid
        cursor = db.execute(
            "INSERT OR IGNORE INTO ops_deliveries (notice_id, subscription_id, created_at)"
            " SELECT ?, id, ? FROM subscriptions WHERE ops = 1 AND status = 'active'",
            (notice_id, now_iso(now)),
        )
        return int(cursor.rowcount or 0)


def pending(store: Store) -> list[PendingNotice]:
    rows = store.query(
        "SELECT d.id, d.notice_id, d.subscription_id, d.attempts, n.message FROM ops_deliveries d"
        " JOIN ops_notices n ON n.id = d.notice_id WHERE d.status = 'pending' ORDER BY d.id"
    )
    return [PendingNotice(int(r["id"]), int(r["notice_id"]), int(r["subscription_id"]),
                          int(r["attempts"]), json.loads(r["message"])) for r in rows]  # fmt: skip


def mark_sent(store: Store, delivery_id: int, now: datetime) -> None:
    with store.transaction() as db:
        db.execute("UPDATE ops_deliveries SET status = 'sent', sent_at = ? WHERE id = ?",
                   (now_iso(now), delivery_id))  # fmt: skip


def mark_attempt(store: Store, delivery_id: int, error: str, *, give_up: bool) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE ops_deliveries SET attempts = attempts + 1, last_error = ?, status = ?"
            " WHERE id = ?",
            (error, "failed" if give_up else "pending", delivery_id),
        )


def sent_notices(store: Store, subscription_id: int | None = None) -> list[dict[str, Any]]:
    """Notices delivered (to one destination, or any), oldest first."""
    sql = ("SELECT n.kind, n.subject, n.message, d.sent_at FROM ops_deliveries d"
           " JOIN ops_notices n ON n.id = d.notice_id WHERE d.status = 'sent'")  # fmt: skip
    params: list[Any] = []
    if subscription_id is not None:
        sql += " AND d.subscription_id = ?"
        params.append(subscription_id)
    return store.query(sql + " ORDER BY d.id", params)


# ------------------------------------------------------------------ health facts


def feed_rows(store: Store) -> list[dict[str, Any]]:
    """Enabled feeds and feeds that went away (gone): what the ops watch looks at."""
    return store.query(
        "SELECT id, name, url, config_url, status, consecutive_failures, last_error,"
        " last_success_at, created_at FROM feeds WHERE enabled = 1 OR status = 'gone'"
        " ORDER BY id"
    )


def destination_rows(store: Store) -> list[dict[str, Any]]:
    """Alert destinations with their status and any outage in progress."""
    return store.query(
        "SELECT s.id, s.status, s.last_error, o.since AS outage_since,"
        " o.last_error AS outage_error FROM subscriptions s"
        " LEFT JOIN destination_outages o ON o.subscription_id = s.id ORDER BY s.id"
    )


def outbox_backlog(store: Store) -> tuple[int, datetime | None]:
    """Rows waiting (pending or sending) and when the oldest of them was queued."""
    row = store.query(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM deliveries"
        " WHERE status IN ('pending', 'sending')"
    )[0]
    return int(row["n"]), parse_iso(row["oldest"])


def week_counts(store: Store, since: datetime) -> dict[str, int]:
    """What happened since ``since``: entries, events, alerts sent, deliveries failed."""
    stamp = now_iso(since)
    one = {
        "entries": "SELECT COUNT(*) AS n FROM entries WHERE first_seen_at >= ?",
        "events": "SELECT COUNT(*) AS n FROM events WHERE created_at >= ?",
        "sent": "SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent' AND sent_at >= ?",
        "failed": "SELECT COUNT(*) AS n FROM deliveries WHERE status = 'failed'"
        " AND created_at >= ?",
    }
    return {name: int(store.query(sql, [stamp])[0]["n"]) for name, sql in one.items()}


# ------------------------------------------------------------------ /metrics


def metric_rows(store: Store) -> dict[str, Any]:
    """Everything /metrics computes from the store, in one read."""
    with store.lock:
        feeds = store.query(
            "SELECT status, COUNT(*) AS n FROM feeds WHERE enabled = 1 OR status = 'gone'"
            " GROUP BY status"
        )
        deliveries = store.query(
            "SELECT s.id AS subscription_id, s.platform, s.channel, s.webhook_url, d.kind,"
            " d.status, COUNT(*) AS n FROM deliveries d"
            " JOIN subscriptions s ON s.id = d.subscription_id"
            " GROUP BY s.id, d.kind, d.status"
        )
        backlog, oldest = outbox_backlog(store)
        totals = {
            name: int(store.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
            for name, table in (
                ("entries", "entries"),
                ("findings", "findings"),
                ("events", "events"),
            )  # fmt: skip
        }
        relevant = store.query("SELECT COUNT(*) AS n FROM findings WHERE relevant = 1")
        totals["relevant_findings"] = int(relevant[0]["n"])
        last = store.query("SELECT MAX(last_success_at) AS t FROM feeds")[0]["t"]
        poll = store.query("SELECT value FROM state WHERE key = 'last_poll_at'")
        ops = store.query("SELECT status, COUNT(*) AS n FROM ops_deliveries GROUP BY status")
    return {
        "feeds": {str(r["status"]): int(r["n"]) for r in feeds},
        "deliveries": deliveries,
        "backlog": backlog,
        "oldest_pending": oldest,
        "totals": totals,
        "last_success": parse_iso(last),
        "last_poll": parse_iso(poll[0]["value"]) if poll else None,
        "ops": {str(r["status"]): int(r["n"]) for r in ops},
    }


def subscription_created(store: Store, subscription_id: int) -> datetime | None:
    rows = store.query("SELECT created_at FROM subscriptions WHERE id = ?", [subscription_id])
    return parse_iso(rows[0]["created_at"]) if rows else None
