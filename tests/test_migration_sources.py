"""Migration 5 on a database written by the code before it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from store import Store
from store.migrations import MIGRATIONS


def test_migration_five_applies_to_an_older_database_and_keeps_what_it_holds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL)")  # fmt: skip
    for version, name, step in MIGRATIONS:
        if version < 5:
            step(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')", (version, name))
    db.execute("INSERT INTO feeds (id, name, url, config_url, kind, interval, created_at,"
               " updated_at) VALUES ('f', 'F', 'https://f.example/rss', 'https://f.example/rss',"
               " 'news', 900, 'x', 'x')")  # fmt: skip
    db.execute("INSERT INTO entries (feed_id, key, title, source, first_seen_at)"
               " VALUES ('f', 'guid:1', 'A headline', 'F', 'x')")  # fmt: skip
    db.conn.commit()
    db.close()

    store = Store.open(path)
    assert 5 in {int(r["version"]) for r in store.query("SELECT version FROM schema_migrations")}
    entry = store.query("SELECT outlet, article_id, duplicate_of FROM entries")[0]
    assert entry == {"outlet": "F", "article_id": None, "duplicate_of": None}
    assert store.query("SELECT verified FROM feeds")[0]["verified"] == 1
    assert store.migrate() == []
    store.close()
