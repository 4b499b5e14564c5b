"""Full-text search over entries and events (SQLite FTS5, ranked by bm25).

User text never reaches FTS5 as syntax: every word is quoted (``fts_query``), so
operators, column filters, stray quotes or brackets simply become words.
"""

from __future__ import annotations

import re

from bot.models import SearchHit
from store.db import Store, parse_iso

# --------------------------------------------------------------------------- search

_QUERY_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 16


def fts_query(text: str, *, any_word: bool = False) -> str:
    """User text → a safe FTS5 query: every word quoted, so no user syntax survives."""
    found = _QUERY_WORD.findall(text or "")[:MAX_QUERY_WORDS]
    return (" OR " if any_word else " ").join(f'"{word}"' for word in found)


def search(store: Store, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Entries and events matching ``query`` (all words; else any word), best first."""
    for any_word in (False, True):
        match = fts_query(query, any_word=any_word)
        if not match:
            return []
        hits = _search_events(store, match, limit) + _search_entries(store, match, limit)
        if hits:
            hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.id))
            return hits[:limit]
    return []


def _search_events(store: Store, match: str, limit: int) -> list[SearchHit]:
    rows = store.query(
        "SELECT e.id, e.title, e.link, e.first_reported, e.vendor,"
        " snippet(events_fts, 1, '', '', '…', 16) AS snip,"
        " bm25(events_fts, 4.0, 1.0, 3.0, 3.0) AS rank"
        " FROM events_fts JOIN events e ON e.id = events_fts.rowid"
        " WHERE events_fts MATCH ? ORDER BY rank LIMIT ?",
        [match, limit],
    )
    return [
        SearchHit(
            kind="event",
            id=int(r["id"]),
            title=str(r["title"]),
            snippet=str(r["snip"] or ""),
            link=r["link"],
            published=parse_iso(r["first_reported"]),
            score=-float(r["rank"]),
            event_id=int(r["id"]),
            vendor=r["vendor"],
        )  # fmt: skip
        for r in rows
    ]


def _search_entries(store: Store, match: str, limit: int) -> list[SearchHit]:
    rows = store.query(
        "SELECT n.id, n.title, n.link, n.published, n.source, n.outlet, f.event_id, f.vendor,"
        " snippet(entries_fts, 1, '', '', '…', 16) AS snip,"
        " bm25(entries_fts, 3.0, 1.0) AS rank"
        " FROM entries_fts JOIN entries n ON n.id = entries_fts.rowid"
        " LEFT JOIN findings f ON f.entry_id = n.id"
        " WHERE entries_fts MATCH ? AND n.duplicate_of IS NULL ORDER BY rank LIMIT ?",
        [match, limit],
    )  # an article seen again through another feed is one result
    return [
        SearchHit(
            kind="entry",
            id=int(r["id"]),
            title=str(r["title"]),
            snippet=str(r["snip"] or ""),
            link=r["link"],
            published=parse_iso(r["published"]),
            score=-float(r["rank"]),
            event_id=r["event_id"],
            vendor=r["vendor"],
            source=str(r["outlet"] or r["source"] or ""),
        )  # fmt: skip
        for r in rows
    ]
