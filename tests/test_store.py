"""The SQLite store: migrations, WAL, item-level dedup as a database fact."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.models import Entry
from store import Store, StoreError
from store.entries import entry_count, get_entry, record_entries
from store.migrations import MIGRATIONS


def test_open_migrates_once_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    store = Store.open(path)
    assert store.schema_version() == max(v for v, _, _ in MIGRATIONS)
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    store.close()
    again = Store.open(path)
    assert again.migrate() == []  # nothing pending on reopen
    rows = again.query("SELECT version FROM schema_migrations ORDER BY version")
    assert [r["version"] for r in rows] == sorted(v for v, _, _ in MIGRATIONS)


def test_newer_schema_is_refused_with_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="Upgrade policybot"):
        Store.open(path)


def test_unwritable_location_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="--db PATH"):
        Store.open(blocker / "sub" / "bot.db")


def entry(key: str, title: str = "t") -> Entry:
    return Entry(feed_id="f", key=key, title=title, summary="s",
                 published=datetime(2021, 5, 18, tzinfo=UTC))  # fmt: skip


def test_entries_are_new_once_even_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    store = Store.open(path)
    first = record_entries(store, [entry("guid:a"), entry("guid:b")])
    assert [e.key for _, e in first] == ["guid:a", "guid:b"]
    assert record_entries(store, [entry("guid:a")]) == []
    store.close()
    reopened = Store.open(path)
    assert record_entries(reopened, [entry("guid:b"), entry("guid:c")])[0][1].key == "guid:c"
    assert entry_count(reopened) == 3
    stored = get_entry(reopened, first[0][0])
    assert stored is not None and stored.published == datetime(2021, 5, 18, tzinfo=UTC)


def test_a_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    with pytest.raises(RuntimeError), store.transaction():
        record_entries(store, [entry("guid:x")])
        raise RuntimeError("crash mid-feed")
    assert entry_count(store) == 0


def test_a_failed_inner_step_rolls_back_alone(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    with store.transaction():
        record_entries(store, [entry("guid:kept")])
        with pytest.raises(ValueError), store.transaction():
            record_entries(store, [entry("guid:dropped")])
            raise ValueError("one item failed")
        record_entries(store, [entry("guid:after")])
    keys = [r["key"] for r in store.query("SELECT key FROM entries ORDER BY id")]
    assert keys == ["guid:kept", "guid:after"]
    assert not store.db.conn.in_transaction
