"""Watched policy pages: their versions and watch state (migration 7).

Each distinct text is stored once, keyed by its sha256 (``page_texts``), however
many pages or versions show it; ``page_versions`` lists each page's versions in
order, each pointing at its text, with the sentence changes from the version
before. ``pages`` holds the watch state between fetches (``bot.sources.pages``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.models import PageSummary, PageVersion, SentenceChange
from store.db import Store, now_iso, parse_iso

_VERSION_COLS = "feed_id, seq, hash, url, seen_at, baseline, changes, event_ids, note"


def watch_row(store: Store, feed_id: str) -> dict[str, Any]:
    """The page's watch state joined with its current version and text ({} when new)."""
    rows = store.query(
        "SELECT p.selector, p.last_hash, p.last_text, p.churn, p.unstable_note,"
        " v.seq AS current_seq, v.hash AS current_hash, t.text AS current_text"
        " FROM pages p LEFT JOIN page_versions v ON v.feed_id = p.feed_id"
        " AND v.seq = (SELECT MAX(seq) FROM page_versions WHERE feed_id = p.feed_id)"
        " LEFT JOIN page_texts t ON t.hash = v.hash WHERE p.feed_id = ?",
        [feed_id],
    )
    return rows[0] if rows else {}


def save_watch(
    store: Store,
    feed_id: str,
    *,
    selector: str,
    last_hash: str | None,
    last_text: str | None,
    churn: int,
    unstable_note: str | None,
    now: datetime,
) -> None:
    stamp = now_iso(now)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO pages (feed_id, selector, last_hash, last_text, churn, unstable_note,"
            " unstable_at, last_checked_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(feed_id) DO UPDATE SET selector = excluded.selector,"
            " last_hash = excluded.last_hash, last_text = excluded.last_text,"
            " churn = excluded.churn, unstable_note = excluded.unstable_note,"
            " unstable_at = CASE WHEN excluded.unstable_note IS NULL THEN NULL"
            " ELSE coalesce(pages.unstable_at, excluded.unstable_at) END,"
            " last_checked_at = excluded.last_checked_at, updated_at = excluded.updated_at",
            (feed_id, selector, last_hash, last_text, churn, unstable_note,
             stamp if unstable_note else None, stamp, stamp),
        )  # fmt: skip


def add_version(
    store: Store,
    feed_id: str,
    *,
    text: str,
    digest: str,
    url: str,
    seen_at: datetime,
    baseline: bool,
    changes: Sequence[SentenceChange] = (),
    note: str = "",
) -> int:
    """Record the page's next version (its text once per hash); returns its number."""
    stamp = now_iso(seen_at)
    with store.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO page_texts (hash, text, created_at) VALUES (?,?,?)",
            (digest, text, stamp),
        )
        row = db.execute(
            "SELECT coalesce(MAX(seq), 0) + 1 FROM page_versions WHERE feed_id = ?", (feed_id,)
        ).fetchone()
        seq = int(row[0])
        db.execute(
            f"INSERT INTO page_versions ({_VERSION_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
            (feed_id, seq, digest, url, stamp, int(baseline),
             json.dumps([_change_dict(c) for c in changes], ensure_ascii=False), "[]", note),
        )  # fmt: skip
    return seq


def set_version_events(store: Store, feed_id: str, seq: int, event_ids: Sequence[int]) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE page_versions SET event_ids = ? WHERE feed_id = ? AND seq = ?",
            (json.dumps(sorted(set(event_ids))), feed_id, seq),
        )


def versions(store: Store, feed_id: str) -> list[PageVersion]:
    """The page's versions, oldest first."""
    rows = store.query(
        f"SELECT {_VERSION_COLS} FROM page_versions WHERE feed_id = ? ORDER BY seq", [feed_id]
    )
    return [_version(row) for row in rows]


def version_text(store: Store, feed_id: str, seq: int) -> str | None:
    rows = store.query(
        "SELECT t.text FROM page_versions v JOIN page_texts t ON t.hash = v.hash"
        " WHERE v.feed_id = ? AND v.seq = ?",
        [feed_id, seq],
    )
    return str(rows[0]["text"]) if rows else None


def text_count(store: Store) -> int:
    return int(store.query("SELECT COUNT(*) AS n FROM page_texts")[0]["n"])


def summaries(store: Store) -> list[PageSummary]:
    """Every page feed the store knows (kind "page"), by name."""
    rows = store.query(
        "SELECT f.id, f.name, f.url, f.status, f.last_error, p.selector, p.last_checked_at,"
        " p.unstable_note,"
        " (SELECT COUNT(*) FROM page_versions v WHERE v.feed_id = f.id) AS n,"
        " (SELECT MAX(seen_at) FROM page_versions v WHERE v.feed_id = f.id"
        "  AND v.baseline = 0) AS changed_at"
        " FROM feeds f LEFT JOIN pages p ON p.feed_id = f.id"
        " WHERE f.kind = 'page' ORDER BY f.name, f.id"
    )
    result = []
    for row in rows:
        latest = store.query(
            f"SELECT {_VERSION_COLS} FROM page_versions WHERE feed_id = ? AND baseline = 0"
            " ORDER BY seq DESC LIMIT 1",
            [row["id"]],
        )
        result.append(
            PageSummary(
                feed_id=str(row["id"]),
                name=str(row["name"]),
                url=str(row["url"]),
                status=str(row["status"]),
                selector=str(row["selector"] or ""),
                versions=int(row["n"]),
                last_checked_at=parse_iso(row["last_checked_at"]),
                last_change_at=parse_iso(row["changed_at"]),
                latest=_version(latest[0]) if latest else None,
                unstable_note=row["unstable_note"],
                last_error=row["last_error"],
            )
        )
    return result


def _change_dict(change: SentenceChange) -> dict[str, str | None]:
    return {"kind": change.kind, "old": change.old, "new": change.new}


def _version(row: dict[str, Any]) -> PageVersion:
    changes = tuple(
        SentenceChange(str(c.get("kind")), c.get("old"), c.get("new"))
        for c in json.loads(row["changes"] or "[]")
        if isinstance(c, dict)
    )
    return PageVersion(
        feed_id=str(row["feed_id"]),
        seq=int(row["seq"]),
        digest=str(row["hash"]),
        url=str(row["url"]),
        seen_at=parse_iso(row["seen_at"]) or datetime.min,
        baseline=bool(row["baseline"]),
        changes=changes,
        event_ids=tuple(int(i) for i in json.loads(row["event_ids"] or "[]")),
        note=str(row["note"] or ""),
    )
