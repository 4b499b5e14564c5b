"""Entries are full-text indexed once per transaction, just before it commits
(``store.entries.record_entries`` with ``Store.before_commit``): what a commit keeps
is searchable, what a rollback drops is not, and the index always matches the rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import Entry
from store import Store
from store.entries import record_entries


def _entry(feed: str, n: int, word: str) -> Entry:
    return Entry(feed_id=feed, key=f"{feed}-{n}", title=f"Item {n} {word}",
                 summary=f"Story {n} about {word} and more.", source=feed)  # fmt: skip


def _found(store: Store, word: str) -> set[str]:
    rows = store.query(
        "SELECT n.key FROM entries_fts JOIN entries n ON n.id = entries_fts.rowid"
        " WHERE entries_fts MATCH ?",
        [word],
    )
    return {str(r["key"]) for r in rows}


def _index_matches_rows(store: Store) -> None:
    # FTS5 compares the index with the content table and raises on any difference
    store.execute("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "bot.db")
    with opened.transaction():
        for feed in ("a", "b", "c"):
            opened.execute(
                "INSERT INTO feeds (id, name, url, config_url, kind, interval, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, 'news', 900, 'x', 'x')",
                [feed, feed, f"https://{feed}.example/feed", f"https://{feed}.example/feed"],
            )
    return opened


def test_savepoints_rolled_back_inside_a_batch_leave_no_index_rows(store: Store) -> None:
    with store.transaction():  # the writer's batch: each feed a savepoint
        with store.transaction():
            record_entries(store, [_entry("a", n, "heron") for n in range(3)])
        with pytest.raises(RuntimeError), store.transaction():
            record_entries(store, [_entry("b", n, "egret") for n in range(3)])
            raise RuntimeError("this feed failed")
        with store.transaction():  # takes the ids the failed feed gave back
            record_entries(store, [_entry("c", n, "ibis") for n in range(2)])
        assert _found(store, "heron") == set()  # indexed when the batch commits
    assert _found(store, "heron") == {"a-0", "a-1", "a-2"}
    assert _found(store, "egret") == set()
    assert _found(store, "ibis") == {"c-0", "c-1"}
    _index_matches_rows(store)


def test_a_rolled_back_transaction_leaves_nothing_for_the_next(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        record_entries(store, [_entry("a", n, "plover") for n in range(2)])
        raise RuntimeError("the whole batch failed")
    with store.transaction():
        record_entries(store, [_entry("b", 0, "curlew")])
    assert _found(store, "plover") == set()
    assert _found(store, "curlew") == {"b-0"}
    _index_matches_rows(store)


def test_entries_seen_again_are_not_indexed_twice(store: Store) -> None:
    with store.transaction():
        record_entries(store, [_entry("a", 0, "avocet")])
    with store.transaction():
        assert record_entries(store, [_entry("a", 0, "avocet"), _entry("a", 1, "avocet")])
    assert _found(store, "avocet") == {"a-0", "a-1"}
    _index_matches_rows(store)


def test_before_commit_outside_a_transaction_is_refused(store: Store) -> None:
    with pytest.raises(RuntimeError, match="outside a transaction"):
        store.before_commit("x", lambda: None)
