"""The SQLite connection: opening, WAL, migrations, transactions.

sqlite-utils is imported only inside ``store/``. Code in ``bot/`` calls the query
functions of the store modules and never touches SQL or ``Store.db`` itself.
"""

from __future__ import annotations

import errno
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@contextmanager
def _without(*modules: str) -> Iterator[None]:
    """Imports of ``modules`` fail for the block's length (unless already loaded)."""
    absent = [name for name in modules if name not in sys.modules]
    for name in absent:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in absent:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


# sqlite-utils imports numpy and pandas when they are installed (matplotlib, of the
# charts extra, brings numpy) only to map their number types to column types; the
# store never writes such values, and numpy alone costs every process start ~90 ms
with _without("numpy", "pandas"):
    import sqlite_utils

from bot.models import utc_iso as now_iso  # noqa: E402 - after the import above
from store.migrations import MIGRATIONS  # noqa: E402

# the writing connection's page cache (see Store.__init__): 512 KiB since the fourteenth
# session (measured with the cycle's smaller window: docs/measurements.md); at 2 MiB a
# cold cycle's polling process peaked 1 MB higher than at 1 MiB, for no CPU measured
PAGE_CACHE_KIB = 512
# Prepared statements the connection keeps (Python's default: 128). A cold cycle prepares
# some 140 distinct ones, 40 of them updates of the events table naming the columns that
# changed (about 13 KB each, its full-text triggers included): all kept, they held 1 MB of
# the polling process. The few that run for every entry or feed stay among the 32.
STATEMENTS_KEPT = 32


class StoreError(Exception):
    """A store problem a user can act on (the message says what to do)."""


class StoreFull(StoreError):
    """The database cannot be written: the disk (or a file-size limit) is full."""


class StoreCorrupt(StoreError):
    """The database file is damaged or is not a policybot database."""


_FULL_CODES = {"SQLITE_FULL", "SQLITE_IOERR", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC",
               "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHMSIZE", "SQLITE_CANTOPEN"}  # fmt: skip
_CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def classify(path: Path, exc: BaseException) -> StoreError | None:
    """A clear StoreError for a disk-full or corruption failure, else None."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        name = "SQLITE_FULL"
    if name in _CORRUPT_CODES or re.search(r"malformed|not a database", text):
        return StoreCorrupt(
            f"the database {path} is damaged ({text}). Stop policybot, keep a copy of the "
            f'file, then recover what it holds with: sqlite3 {path} ".recover" | sqlite3 '
            f"{path}.recovered  and run with --db {path}.recovered (or move it into place). "
            "Or start afresh with --db pointing at a new file."
        )
    if name in _FULL_CODES or re.search(r"disk is full|disk I/O error|file too large", text):
        return StoreFull(
            f"cannot write to the database {path} ({text}): the disk is full or a file-size "
            "limit was reached. Free space on that disk, or run with --db (or POLICYBOT_DB) "
            "pointing at a file on a disk with room. Work finished before this point is kept; "
            "the interrupted step is redone on the next run."
        )
    return None


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn disk-full and corruption errors into StoreFull / StoreCorrupt."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        clear = classify(path, exc)
        if clear is None:
            raise
        raise clear from exc


class Store:
    """One SQLite database, shared by the pipeline threads and the event loop.

    All access goes through a re-entrant lock: SQLite allows one writer, and the
    lock keeps readers on the same connection from seeing a half-open transaction.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self._depth = 0  # savepoint nesting inside the open transaction
        self._before_commit: dict[str, Callable[[], None]] = {}  # see before_commit
        conn = sqlite3.connect(
            str(self.path), check_same_thread=False, timeout=30, cached_statements=STATEMENTS_KEPT
        )
        # no sqlite-utils plugins: loading them walks every installed package's entry
        # points (15 ms per process start), and the store wants no third-party code on
        # its connection
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        with self.db.ensure_autocommit_on():
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=30000")
            # The page cache holds the pages being read and written, PAGE_CACHE_KIB of
            # them, so a cold cycle over a thousand feeds does not grow the process by a
            # 64 MiB cache; other pages come from the system's file cache. No memory
            # map: every page of the file it touched stayed in the process's resident
            # size (some 40 MB after a cold cycle over a thousand feeds, for a daemon's
            # whole life), and reads were no faster for it.
            self.db.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
            self.db.execute("PRAGMA mmap_size=0")
            self.db.execute("PRAGMA temp_store=MEMORY")
            # Checkpoint the write-ahead log every 32 MiB instead of every 4 MiB: each
            # checkpoint syncs the file inside a commit of the one writer, and a cold
            # cycle over a thousand feeds writes some 150 MiB.
            self.db.execute("PRAGMA wal_autocheckpoint=8192")

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open (creating it if ``create``) and migrate the database at ``path``."""
        path = Path(path)
        try:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise StoreError(
                    f"there is no database at {path}: the folder {path.parent} does not exist. "
                    "Check --db (or POLICYBOT_DB); `policybot poll` creates a new database."
                )
            store = cls(path)
        except (OSError, sqlite3.Error) as exc:
            clear = classify(path, exc)
            if clear is not None:
                raise clear from exc
            raise StoreError(
                f"cannot open the database {path}: {exc}. "
                "Pass a writable file with --db PATH or set POLICYBOT_DB."
            ) from exc
        with translated(path):
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
        with self.lock, translated(self.path):
            conn = self.db.conn
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                    while self._before_commit:  # in insertion order, each once
                        self._before_commit.pop(next(iter(self._before_commit)))()
                except BaseException:
                    self._before_commit.clear()
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

    def before_commit(self, key: str, job: Callable[[], None]) -> None:
        """Run ``job`` once inside the open transaction just before it commits (work
        better done once per transaction than once per row, such as full-text indexing);
        a second job with the same ``key`` in one transaction is ignored, and a rollback
        of the transaction drops it. Call it inside ``transaction()``."""
        with self.lock:
            if not self.db.conn.in_transaction:
                raise RuntimeError("Store.before_commit outside a transaction")
            self._before_commit.setdefault(key, job)

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self.lock, translated(self.path):
            return list(self.db.query(sql, params or ()))

    def execute(self, sql: str, params: Any = None) -> sqlite3.Cursor:
        with self.lock, translated(self.path):
            return self.db.execute(sql, params or ())

    def fold_log(self, min_bytes: int = 0) -> bool:
        """Fold the write-ahead log into the database file and empty it, when it holds
        ``min_bytes`` or more (SQLite does it at 32 MiB, or when the last connection
        closes; the next process to open a file with a log left behind reads it all
        first). True when it was folded; a busy or failing database is left as it is."""
        try:
            if Path(f"{self.path}-wal").stat().st_size < min_bytes:
                return False
        except OSError:
            return False
        with self.lock:
            try:
                busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error:
                return False
        return not busy

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` or the problems SQLite found."""
        with self.lock:
            try:
                return [str(row[0]) for row in self.db.execute("PRAGMA integrity_check")]
            except sqlite3.DatabaseError as exc:
                return [str(exc)]

    def backup(self, target: Path) -> int:
        """A consistent copy of the database at ``target`` through SQLite's online backup
        API (safe while the daemon writes: one step, under a read transaction). Written
        to a temporary file first and moved into place only when its integrity check
        passes. Returns the copy's schema version."""
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(str(partial))
        try:
            with self.lock, translated(self.path):
                self.db.conn.backup(copy)
            with translated(partial):
                check = copy.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise StoreError(f"the backup {partial} failed its check ({check}); "
                                     "the database itself may be damaged: run `policybot doctor`.")  # fmt: skip
                version = copy.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
        partial.replace(target)
        return int(version[0] or 0)

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


def ping(path: Path, timeout: float = 2.0) -> str | None:
    """Open ``path`` afresh, read-only, and read its schema version: None when the
    database answers, else what went wrong (for /healthz). A fresh connection notices
    a file that was removed, moved or made unreadable, which the open one would not."""
    if not path.exists():
        return f"the database {path} is missing"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
        try:
            conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"the database {path} does not answer ({exc})"
    return None


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
