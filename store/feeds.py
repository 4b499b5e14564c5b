"""Feeds and their fetch state (the ``feeds`` table of migration 1).

Configuration comes from feeds.yaml through ``sync_feeds``; fetch state
(validators, failures, next due time, redirect tracking) is written back by
the pipeline through ``save_feed_state``. Both are store facts, so a restart
neither re-polls early nor forgets validators.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.models import FeedConfig, FeedState
from store.db import Store, now_iso, parse_iso

_STATE_COLUMNS = (
    "url", "enabled", "status", "etag", "last_modified", "last_fetch_at", "last_success_at",
    "consecutive_failures", "last_error", "next_due_at", "redirect_target", "redirect_count",
    "baseline_done",
)  # fmt: skip


def sync_feeds(store: Store, feeds: Sequence[FeedConfig], *, now: datetime) -> None:
    """Make the feeds table match the configuration, keeping fetch state.

    - a new feed is inserted with status "new" (or "disabled" when not enabled);
    - a feed whose configured URL changed starts over at the new URL: validators,
      redirect tracking, failures, next due time and the first-run baseline reset;
    - a feed answered 410 ("gone") stays disabled until its configured URL changes;
    - a feed no longer in the configuration is disabled (a gone one keeps "gone"),
      unless it was added with ``feeds add`` (origin cli/chat: kept as it is);
    - a configured feed with the id of an added one takes it over (feeds.yaml wins);
    - ``feeds disable`` (operator_disabled) keeps a configured feed disabled.
    """
    stamp = now_iso(now)
    with store.transaction() as db:
        rows = {str(r["id"]): r for r in db.query("SELECT * FROM feeds")}
        for feed in feeds:
            row = rows.get(feed.id)
            if row is None:
                _insert(db, feed, stamp)
            elif row["config_url"] != feed.url:
                _restart(db, feed, stamp)
            else:
                _update(db, feed, row, stamp)
        configured = {feed.id for feed in feeds}
        for feed_id, row in rows.items():
            if row["origin"] not in ("config", None):
                continue  # added without feeds.yaml: managed by `feeds add/remove`
            if feed_id not in configured and (
                row["enabled"] or row["status"] not in ("disabled", "gone")
            ):
                status = "gone" if row["status"] == "gone" else "disabled"
                db.execute(
                    "UPDATE feeds SET enabled = 0, status = ?, updated_at = ? WHERE id = ?",
                    (status, stamp, feed_id),
                )


def _insert(db: Any, feed: FeedConfig, stamp: str) -> None:
    db.execute(
        "INSERT INTO feeds (id, name, url, config_url, kind, interval, enabled, tags, status,"
        " created_at, updated_at, verified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (feed.id, feed.name, feed.url, feed.url, feed.kind, feed.interval, int(feed.enabled),
         json.dumps(list(feed.tags)), "new" if feed.enabled else "disabled", stamp, stamp,
         int(feed.verified)),
    )  # fmt: skip


def _restart(db: Any, feed: FeedConfig, stamp: str) -> None:
    db.execute(
        "UPDATE feeds SET name = ?, url = ?, config_url = ?, kind = ?, interval = ?, enabled = ?,"
        " tags = ?, status = ?, etag = NULL, last_modified = NULL, last_status = NULL,"
        " consecutive_failures = 0, last_error = NULL, next_due_at = NULL, redirect_target = NULL,"
        " redirect_count = 0, baseline_done = 0, last_success_at = NULL, verified = ?,"
        " origin = 'config', added_by = NULL, operator_disabled = 0, updated_at = ? WHERE id = ?",
        (feed.name, feed.url, feed.url, feed.kind, feed.interval, int(feed.enabled),
         json.dumps(list(feed.tags)), "new" if feed.enabled else "disabled", int(feed.verified),
         stamp, feed.id),
    )  # fmt: skip


def _update(db: Any, feed: FeedConfig, row: dict[str, Any], stamp: str) -> None:
    status = str(row["status"])
    enabled = feed.enabled and not (row["origin"] == "config" and row["operator_disabled"])
    if status == "gone":
        enabled = False
    elif not enabled:
        status = "disabled"
    elif status == "disabled":  # re-enabled: show what we last knew
        status = (
            "failing" if row["consecutive_failures"] else "ok" if row["last_success_at"] else "new"
        )
    db.execute(
        "UPDATE feeds SET name = ?, kind = ?, interval = ?, tags = ?, enabled = ?, status = ?,"
        " verified = ?, operator_disabled = CASE WHEN origin = 'config' THEN operator_disabled"
        " ELSE 0 END, origin = 'config', added_by = NULL, updated_at = ? WHERE id = ?",
        (feed.name, feed.kind, feed.interval, json.dumps(list(feed.tags)), int(enabled), status,
         int(feed.verified), stamp, feed.id),
    )  # fmt: skip


def due_feeds(store: Store, *, now: datetime, include_all: bool = False) -> list[FeedState]:
    """Enabled feeds due at ``now`` (never polled, or next due time reached), soonest first.

    ``include_all`` returns every enabled feed regardless of its due time; gone
    feeds are never returned.
    """
    sql = "SELECT * FROM feeds WHERE enabled = 1 AND status != 'gone'"
    params: list[Any] = []
    if not include_all:
        sql += " AND (next_due_at IS NULL OR next_due_at <= ?)"
        params.append(now_iso(now))
    sql += " ORDER BY next_due_at IS NOT NULL, next_due_at, id"
    return [_state(row) for row in store.query(sql, params)]


def due_count(store: Store, *, now: datetime, include_all: bool = False) -> int:
    """How many feeds ``due_feeds(store, now=now, include_all=include_all)`` returns,
    counted by SQLite."""
    sql = "SELECT COUNT(*) AS n FROM feeds WHERE enabled = 1 AND status != 'gone'"
    params: list[Any] = []
    if not include_all:
        sql += " AND (next_due_at IS NULL OR next_due_at <= ?)"
        params.append(now_iso(now))
    return int(store.query(sql, params)[0]["n"])


def expected_body_count(store: Store, *, now: datetime, include_all: bool = False) -> int:
    """How many of ``due_feeds(store, now=now, include_all=include_all)`` are likely to
    answer with a body to parse (``bot.pipeline.expected_bodies``: feeds never read yet,
    and those with no ETag or Last-Modified to ask with), counted by SQLite."""
    sql = (
        "SELECT COUNT(*) AS n FROM feeds WHERE enabled = 1 AND status != 'gone' AND kind != 'page'"
        " AND (baseline_done = 0 OR (COALESCE(etag, '') = '' AND COALESCE(last_modified, '') = ''))"
    )
    params: list[Any] = []
    if not include_all:
        sql += " AND (next_due_at IS NULL OR next_due_at <= ?)"
        params.append(now_iso(now))
    return int(store.query(sql, params)[0]["n"])


def get_feed(store: Store, feed_id: str) -> FeedState | None:
    rows = store.query("SELECT * FROM feeds WHERE id = ?", [feed_id])
    return _state(rows[0]) if rows else None


def list_feeds(store: Store) -> list[FeedState]:
    """Every feed the store knows, configured or not, by name."""
    return [_state(row) for row in store.query("SELECT * FROM feeds ORDER BY name, id")]


def save_feed_state(store: Store, state: FeedState) -> None:
    """Write the fetch state of ``state`` (the configuration columns stay as synced).

    Runs in ``store.transaction()``, so it joins a caller's transaction.
    """
    save_feed_states(store, [state])


def save_feed_states(store: Store, states: Sequence[FeedState]) -> None:
    """``save_feed_state`` for many feeds in one statement (a cycle's 304s)."""
    stamp = now_iso()
    assignments = ", ".join(f"{column} = excluded.{column}" for column in _STATE_COLUMNS)
    with store.transaction() as db:
        db.conn.executemany(
            "INSERT INTO feeds (id, name, config_url, kind, interval, created_at, updated_at, "
            + ", ".join(_STATE_COLUMNS)
            + ") VALUES (?,?,?,?,?,?,?,"
            + ",".join("?" * len(_STATE_COLUMNS))
            + f") ON CONFLICT(id) DO UPDATE SET {assignments}, updated_at = excluded.updated_at",
            [(state.id, state.name, state.config_url, state.kind, state.interval, stamp, stamp,
              *_state_values(state)) for state in states],
        )  # fmt: skip


def _state_values(state: FeedState) -> tuple[Any, ...]:
    """The fetch-state columns of ``state``, in ``_STATE_COLUMNS`` order."""
    return (state.url, int(state.enabled), state.status, state.etag, state.last_modified,
            _iso(state.last_fetch_at), _iso(state.last_success_at), state.consecutive_failures,
            state.last_error, _iso(state.next_due_at), state.redirect_target,
            state.redirect_count, int(state.baseline_done))  # fmt: skip


def _iso(moment: datetime | None) -> str | None:
    return now_iso(moment) if moment is not None else None


def _state(row: dict[str, Any]) -> FeedState:
    return FeedState(
        id=str(row["id"]),
        name=str(row["name"]),
        url=str(row["url"]),
        config_url=str(row["config_url"]),
        kind=str(row["kind"]),
        interval=int(row["interval"]),
        enabled=bool(row["enabled"]),
        status=str(row["status"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetch_at=parse_iso(row["last_fetch_at"]),
        last_success_at=parse_iso(row["last_success_at"]),
        consecutive_failures=int(row["consecutive_failures"]),
        last_error=row["last_error"],
        next_due_at=parse_iso(row["next_due_at"]),
        redirect_target=row["redirect_target"],
        redirect_count=int(row["redirect_count"]),
        baseline_done=bool(row["baseline_done"]),
        verified=bool(row["verified"]),
    )
