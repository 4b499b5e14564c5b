"""The SQLite connection: opening, WAL, migrations, transactions.

sqlite-utils is imported only inside ``store/``. Code in ``bot/`` calls the query
functions of the store modules and never touches SQL or ``Store.db`` itself.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.models import utc_iso as now_iso
from store.migrations import MIGRATIONS


class StoreError(Exception):
    """A store problem a user can act on (the message says what to do)."""


class Store:
    """One SQLite database, shared by the pipeline threads and the event loop.

    All access goes through a re-entrant lock: SQLite allows one writer, and the
    lock keeps readers on the same connection from seeing a half-open transaction.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self._depth = 0  # savepoint nesting inside the open transaction
        conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        self.db = sqlite_utils.Database(conn)
        with self.db.ensure_autocommit_on():
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=30000")
            # A 64 MiB page cache and memory-mapped reads keep the clustering lookups
            # (indexed, random pages) off the disk at a million entries; the map covers
            # a file of that size (~1 GB at 10^6 entries; address space, not memory).
            self.db.execute("PRAGMA cache_size=-65536")
            self.db.execute("PRAGMA mmap_size=4294967296")
            self.db.execute("PRAGMA temp_store=MEMORY")

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) and migrate the database at ``path``."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            store = cls(path)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"cannot open the database {path}: {exc}. "
                "Pass a writable file with --db PATH or set POLICYBOT_DB."
            ) from exc
        store.migrate()
        return store

    def close(self) -> None:
        with self.lock:
            self.db.close()

    # -------------------------------------------------------------- transactions

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction; nested calls become savepoints.

        The outermost level takes the write lock at once (``BEGIN IMMEDIATE``), so two
        processes on one file queue instead of failing on a lock upgrade. Savepoint
        names depend only on the depth, so SQLite reuses their prepared statements.
        """
        with self.lock:
            conn = self.db.conn
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                return
            name = f"policybot_{self._depth}"
            self._depth += 1
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._depth -= 1

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.db.query(sql, params or ()))

    def execute(self, sql: str, params: Any = None) -> sqlite3.Cursor:
        with self.lock:
            return self.db.execute(sql, params or ())

    # -------------------------------------------------------------- migrations

    def schema_version(self) -> int:
        with self.lock:
            if not self.db["schema_migrations"].exists():
                return 0
            row = self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            return int(row[0] or 0)

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction. Returns versions applied."""
        applied: list[int] = []
        with self.lock:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            known = max((v for v, _, _ in MIGRATIONS), default=0)
            if current > known:
                raise StoreError(
                    f"the database {self.path} has schema version {current}, newer than this "
                    f"policybot knows ({known}). Upgrade policybot or use another --db file."
                )
            # by set, not by maximum: migrations are numbered per branch and may land out
            # of order, so a database at 5 can still lack 4
            done = {int(r[0]) for r in self.db.execute("SELECT version FROM schema_migrations")}
            for version, name, step in sorted(MIGRATIONS):
                if version in done:
                    continue
                with self.db.atomic():
                    step(self.db)
                    self.db.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (version, name, now_iso()),
                    )
                applied.append(version)
        return applied


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
