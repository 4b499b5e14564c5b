"""A database as an earlier release left it: migrations 1..N applied, with rows."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from store.migrations import MIGRATIONS

STAMP = "2026-01-05T10:00:00+00:00"


def database_at(path: Path, version: int) -> None:
    """Migrations 1..``version`` applied as a release at that version would have, then
    rows every version has: a feed, an entry with its finding, an event with its mention,
    a subscription with a pending alert, a state value."""
    db = sqlite_utils.Database(path)
    db.execute("CREATE TABLE schema_migrations "
               "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")  # fmt: skip
    for number, name, step in sorted(MIGRATIONS):
        if number > version:
            break
        with db.atomic():
            step(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, STAMP))
    rows = [
        "INSERT INTO feeds (id, name, url, config_url, kind, interval, status, last_success_at,"
        " created_at, updated_at) VALUES ('wire', 'Wire', 'https://wire.example/rss',"
        " 'https://wire.example/rss', 'news', 900, 'ok', :t, :t, :t)",
        "INSERT INTO entries (id, feed_id, key, title, summary, source, first_seen_at)"
        " VALUES (1, 'wire', 'guid:1', 'Examplecorp pauses police sales', 'It paused them.',"
        " 'Wire', :t)",
        "INSERT INTO events (id, key, relevant, actor_type, vendor, action, title,"
        " first_reported, last_reported, created_at, updated_at) VALUES (1, 'examplecorp|1', 1,"
        " 'vendor', 'Examplecorp', 'moratorium', 'Examplecorp pauses police sales', :t, :t, :t, :t)",
        "INSERT INTO findings (entry_id, relevant, actor_type, vendor, action, event_id)"
        " VALUES (1, 1, 'vendor', 'Examplecorp', 'moratorium', 1)",
        "INSERT INTO mentions (event_id, entry_id, source, title, created_at)"
        " VALUES (1, 1, 'Wire', 'Examplecorp pauses police sales', :t)",
        "INSERT INTO subscriptions (id, platform, channel, created_at, updated_at)"
        " VALUES (1, 'slack', 'C0OLD', :t, :t)",
        "INSERT INTO deliveries (event_id, subscription_id, kind, next_attempt_at, created_at)"
        " VALUES (1, 1, 'alert', :t, :t)",
        "INSERT INTO state (key, value, updated_at) VALUES ('last_poll_at', :t, :t)",
    ]
    with db.atomic():
        for sql in rows:
            db.execute(sql, {"t": STAMP})
    db.close()
