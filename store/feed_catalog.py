"""Feeds added without editing feeds.yaml (``feeds add``/``import``), and operator
switches (``feeds enable/disable``). Rows live in the ``feeds`` table with
``origin`` cli or chat; ``store.feeds.sync_feeds`` keeps them, and a feeds.yaml
entry with the same id takes a row over (feeds.yaml wins)."""

from __future__ import annotations

import json
from typing import Any

from bot.models import FeedConfig
from store.db import Store, now_iso

ADDED_ORIGINS = ("cli", "chat")


def add_feed(store: Store, feed: FeedConfig, *, origin: str, added_by: str = "") -> None:
    """Insert an added feed (the caller has checked that its id and address are new)."""
    stamp = now_iso()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO feeds (id, name, url, config_url, kind, interval, enabled, tags, status,"
            " created_at, updated_at, verified, origin, added_by) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,1,?,?)",
            (feed.id, feed.name, feed.url, feed.url, feed.kind, feed.interval,
             int(feed.enabled), json.dumps(list(feed.tags)),
             "new" if feed.enabled else "disabled", stamp, stamp, origin, added_by or None),
        )  # fmt: skip


def remove_feed(store: Store, feed_id: str) -> bool:
    """Delete an added feed (its entries and events stay in the archive)."""
    with store.transaction() as db:
        cursor = db.execute(
            f"DELETE FROM feeds WHERE id = ? AND origin IN ({_ADDED})", (feed_id, *ADDED_ORIGINS)
        )
    return bool(cursor.rowcount)


def set_enabled(store: Store, feed_id: str, enabled: bool) -> None:
    """Switch a feed on or off by hand; a configured feed remembers it across restarts."""
    rows = store.query("SELECT * FROM feeds WHERE id = ?", [feed_id])
    if not rows:
        raise LookupError(feed_id)
    row = rows[0]
    if enabled:
        status = (
            "failing" if row["consecutive_failures"] else "ok" if row["last_success_at"] else "new"
        )
    else:
        status = "disabled"
    with store.transaction() as db:
        db.execute(
            "UPDATE feeds SET enabled = ?, operator_disabled = ?, status = ?, updated_at = ?"
            " WHERE id = ? AND status != 'gone'",
            (int(enabled), int(not enabled), status, now_iso(), feed_id),
        )


def feed_origins(store: Store) -> dict[str, dict[str, Any]]:
    """id → {origin, added_by, operator_disabled} for every feed row."""
    rows = store.query("SELECT id, origin, added_by, operator_disabled FROM feeds")
    return {str(row["id"]): dict(row) for row in rows}


def added_feeds(store: Store) -> list[FeedConfig]:
    """The added feeds as configurations (for ``feeds export`` and conflict checks)."""
    rows = store.query(
        f"SELECT * FROM feeds WHERE origin IN ({_ADDED}) ORDER BY created_at, id", ADDED_ORIGINS
    )
    return [
        FeedConfig(
            id=str(row["id"]), name=str(row["name"]), url=str(row["config_url"]),
            kind=str(row["kind"]), interval=int(row["interval"]),
            tags=tuple(json.loads(row["tags"] or "[]")), enabled=not row["operator_disabled"],
            origin=f"added via {row['origin']}",
        )
        for row in rows
    ]  # fmt: skip


_ADDED = ",".join("?" for _ in ADDED_ORIGINS)
