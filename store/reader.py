"""Reads over a plain ``sqlite3`` connection, for a parsing worker process.

A worker asks which identity keys the store already holds and which FR vendors it
knows, over its own read-only connection (WAL readers never block the one writer,
nor wait for it). This module imports only ``sqlite3`` and pure modules, not
sqlite-utils (nor ``store.db``), so a worker process stays small.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from bot.events.signatures import vendor_key

CHUNK = 500  # keys per query (well under SQLite's variable limit)
# Page cache of a reader, KiB: its reads are index look-ups of a few pages each, and the
# operating system caches the file anyway (SQLite's default, 2 MB, was resident in the
# polling process and in each worker for the whole cycle).
READER_CACHE_KIB = 256


class KeyReader:
    """``known_keys`` for another process: its own read-only connection to the file,
    opened on first use."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn: sqlite3.Connection | None = None

    def __call__(self, feed_id: str, keys: Sequence[str]) -> set[str]:
        return known_in(self.connection(), feed_id, keys)

    def connection(self) -> sqlite3.Connection:
        """The read-only connection (for other reads of the same worker)."""
        if self._conn is None:
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
            self._conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")
        return self._conn


def known_in(conn: sqlite3.Connection, feed_id: str, keys: Sequence[str]) -> set[str]:
    """Those of ``keys`` stored for ``feed_id``."""
    found: set[str] = set()
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT key FROM entries WHERE feed_id = ? AND key IN ({marks})", [feed_id, *chunk]
        )
        found.update(row[0] for row in rows)
    return found


def fr_vendor_names_in(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """``store.event_reads.fr_vendor_names`` over a plain connection: the FR vendors
    with a policy change of their own, and those known only from FR news of their own
    (full names), each list sorted."""
    rows = conn.execute(
        "SELECT vendor, MAX(relevant) AS changed, COUNT(*) AS n FROM events"
        " WHERE vendor_key != '' AND vendor IS NOT NULL"
        " AND (relevant = 1 OR actor_type = 'vendor')"
        " GROUP BY vendor_key, vendor ORDER BY n DESC"
    )
    changed: dict[str, str] = {}
    acted: dict[str, str] = {}
    for vendor, was_changed, _count in rows:
        key = vendor_key(vendor)
        (changed if was_changed else acted).setdefault(key, str(vendor))
    others = [name for key, name in acted.items() if key not in changed]
    return sorted(changed.values(), key=str.casefold), sorted(others, key=str.casefold)
