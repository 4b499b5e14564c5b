"""Entries (dedup level 1) and their findings.

Identity is a database fact: ``UNIQUE(feed_id, key)``. An entry seen once is
kept, so an item that drops out of a feed and comes back is not new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

from bot.models import Entry, Finding
from store.db import Store, now_iso, parse_iso, translated
from store.reader import CHUNK as _CHUNK
from store.reader import known_in

SAME_ARTICLE_DAYS = 3  # the same publisher's same headline this close is one article


def record_entries(
    store: Store, entries: Iterable[Entry], *, baseline: bool = False, now: datetime | None = None
) -> list[tuple[int, Entry]]:
    """Insert entries not seen before; return the new ones with their row ids.

    Must be called inside ``store.transaction()`` along with the rest of the
    feed's results. ``baseline`` marks entries recorded without alerting.
    """
    seen_at = now_iso(now)
    entries = list(entries)
    rows = [
        (
            entry.feed_id, entry.key, entry.guid, entry.link, entry.title, entry.summary,
            now_iso(entry.published) if entry.published else None,
            entry.language, entry.source, seen_at, int(baseline), entry.outlet,
            entry.outlet_url, entry.article_id, entry.article_url, entry.headline_key,
            json.dumps(list(entry.related), ensure_ascii=False) if entry.related else "[]",
        )
        for entry in entries
    ]  # fmt: skip
    with store.transaction() as db:
        conn = db.conn
        (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()
        conn.executemany(
            "INSERT OR IGNORE INTO entries (feed_id, key, guid, link, title, summary, published,"
            " language, source, first_seen_at, baseline, outlet, outlet_url, article_id,"
            " article_url, headline_key, related) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        # the rows this call added: ids above every row before it, in insertion order
        ids = {(feed, key): int(row_id) for row_id, feed, key in conn.execute(
            "SELECT id, feed_id, key FROM entries WHERE id > ?", (last,))}  # fmt: skip
        new: list[tuple[int, Entry]] = []
        for entry in entries:
            row_id = ids.pop((entry.feed_id, entry.key), None)  # a repeated key: its first
            if row_id is not None:
                new.append((row_id, entry))
        if new:
            store.before_commit("entries_fts", partial(_index_text, store, new[0][0]))
    return new


def _index_text(store: Store, first_id: int) -> None:
    """Full-text index the entries this transaction recorded (ids from ``first_id`` on:
    new rows take ids above every row before the transaction). One statement per
    transaction: SQLite's full-text index writes its pending terms out at every
    savepoint, so a row-by-row trigger left a small segment per feed to merge."""
    store.db.conn.execute(
        "INSERT INTO entries_fts(rowid, title, summary)"
        " SELECT id, title, summary FROM entries WHERE id >= ?",
        (first_id,),
    )


def same_article(store: Store, entry_id: int, entry: Entry) -> int | None:
    """The earlier entry that is this entry's article seen through another feed (or
    listed again), recorded as ``duplicate_of``; None when the article is new.

    The same article: the same aggregator id, the same canonical publisher URL, or
    the same publisher with the same headline within ``SAME_ARTICLE_DAYS``."""
    when = entry.published or datetime.now(UTC)
    lo, hi = (now_iso(when + timedelta(days=d)) for d in (-SAME_ARTICLE_DAYS, SAME_ARTICLE_DAYS))
    with store.lock, translated(store.path):
        row = store.db.conn.execute(
            "SELECT id FROM entries WHERE id < :id AND duplicate_of IS NULL AND ("
            " article_id = :aid OR article_url = :url OR (headline_key = :head"
            " AND coalesce(published, first_seen_at) BETWEEN :lo AND :hi))"
            " ORDER BY id LIMIT 1",
            {"id": entry_id, "aid": entry.article_id, "url": entry.article_url,
             "head": entry.headline_key, "lo": lo, "hi": hi},
        ).fetchone()  # fmt: skip
    if row is None:  # most entries: a read, no savepoint
        return None
    with store.transaction() as db:
        db.execute("UPDATE entries SET duplicate_of = ? WHERE id = ?", (row[0], entry_id))
    return int(row[0])


def may_repeat(store: Store, new: Sequence[tuple[int, Entry]]) -> set[int]:
    """The ids of ``new`` entries that ``same_article`` could find an earlier entry for:
    an earlier row shares their aggregator id, publisher URL or headline key (one query
    for the lot; ``same_article`` then decides, in order, for these only)."""
    keys = ("article_id", "article_url", "headline_key")
    values = [sorted({v for _, e in new if (v := getattr(e, k)) is not None}) for k in keys]
    if not any(values):
        return set()
    first: dict[tuple[int, str], int] = {}  # (key, value) → the lowest id holding it
    with store.lock, translated(store.path):
        conn = store.db.conn
        for start in range(0, max(map(len, values)), _CHUNK // 3):
            chunks = [v[start : start + _CHUNK // 3] for v in values]
            where = " OR ".join(f"{k} IN ({','.join('?' * len(c))})"
                                for k, c in zip(keys, chunks, strict=True) if c)  # fmt: skip
            rows = conn.execute(f"SELECT id, {', '.join(keys)} FROM entries WHERE {where}",
                                [v for c in chunks for v in c])  # fmt: skip
            for row_id, *found in rows:
                for k, value in enumerate(found):
                    if value is not None and first.get((k, value), row_id) >= row_id:
                        first[(k, value)] = row_id
    out = set()
    for entry_id, entry in new:
        for k, key in enumerate(keys):
            value = getattr(entry, key)
            if value is not None and first.get((k, value), entry_id) < entry_id:
                out.add(entry_id)
                break
    return out


def known_keys(store: Store, feed_id: str, keys: Sequence[str]) -> set[str]:
    """Those of ``keys`` already stored for ``feed_id``."""
    with store.lock:
        return known_in(store.db.conn, feed_id, keys)


def record_finding(store: Store, entry_id: int, finding: Finding, event_id: int | None) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO findings (entry_id, relevant, actor_type, vendor, product, action,"
            " applies_to, region, effective, duration, confidence, evidence, evidence_start,"
            " evidence_end, event_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                entry_id, int(finding.relevant), finding.actor_type, finding.vendor, finding.product,
                finding.action, finding.applies_to, finding.region,
                finding.effective.isoformat() if finding.effective else None,
                finding.duration, finding.confidence, finding.evidence, finding.evidence_start,
                finding.evidence_end, event_id,
            ),
        )  # fmt: skip


def entry_count(store: Store, feed_id: str | None = None) -> int:
    if feed_id is None:
        return int(store.query("SELECT COUNT(*) AS n FROM entries")[0]["n"])
    return int(
        store.query("SELECT COUNT(*) AS n FROM entries WHERE feed_id = ?", [feed_id])[0]["n"]
    )


def get_entry(store: Store, entry_id: int) -> Entry | None:
    rows = store.query("SELECT * FROM entries WHERE id = ?", [entry_id])
    return _entry(rows[0]) if rows else None


def _entry(row: dict[str, object]) -> Entry:
    return Entry(
        feed_id=str(row["feed_id"]),
        key=str(row["key"]),
        title=str(row["title"]),
        summary=str(row["summary"] or ""),
        link=row["link"] if isinstance(row["link"], str) else None,
        published=parse_iso(row["published"] if isinstance(row["published"], str) else None),
        language=row["language"] if isinstance(row["language"], str) else None,
        guid=row["guid"] if isinstance(row["guid"], str) else None,
        source=str(row["source"] or ""),
        outlet=str(row.get("outlet") or ""),
        outlet_url=_text(row.get("outlet_url")),
        article_id=_text(row.get("article_id")),
        article_url=_text(row.get("article_url")),
        related=tuple(json.loads(str(row.get("related") or "[]"))),
        headline_key=_text(row.get("headline_key")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def finding_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def findings_by_guid(store: Store) -> dict[str, tuple[Finding | None, str | None]]:
    """Every entry with a guid → (its recorded finding or None, its event's key or None).

    ``policybot eval`` reads what the pipeline recorded for each replayed item."""
    rows = store.query(
        "SELECT e.guid, f.entry_id AS found, f.relevant, f.actor_type, f.vendor, f.product,"
        " f.action, f.applies_to, f.region, f.effective, f.duration, f.confidence, f.evidence,"
        " f.evidence_start, f.evidence_end, ev.key AS event_key FROM entries e"
        " LEFT JOIN findings f ON f.entry_id = e.id LEFT JOIN events ev ON ev.id = f.event_id"
        " WHERE e.guid IS NOT NULL"
    )
    return {str(row["guid"]): (_finding(row), row["event_key"]) for row in rows}


def _finding(row: dict[str, Any]) -> Finding | None:
    if row["found"] is None:
        return None
    return Finding(
        relevant=bool(row["relevant"]), actor_type=str(row["actor_type"]), vendor=row["vendor"],
        product=row["product"], action=row["action"], applies_to=row["applies_to"],
        region=row["region"], effective=finding_date(row["effective"]),
        duration=row["duration"], confidence=float(row["confidence"]),
        evidence=str(row["evidence"]), evidence_start=int(row["evidence_start"]),
        evidence_end=int(row["evidence_end"]),
    )  # fmt: skip
