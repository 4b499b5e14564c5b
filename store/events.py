"""Events (dedup level 2): the SQL that records findings into events.

Only data access: ``bot.clustering`` composes these functions with the pure rules in
``bot.events``; reads are in ``store.event_reads``, search in ``store.event_search``.
Identity is a database fact: ``mentions.entry_id`` is UNIQUE, so recording the
same entry twice changes nothing, and every write runs in ``store.transaction()``
(a savepoint inside the caller's per-feed transaction).

Recording one entry costs a handful of statements whatever the database size: one
candidate query (``_CANDIDATES``, constant text so it is prepared once), the event
row and its running vote tallies (kept as JSON text) instead of all its mentions,
and a stored update count instead of a COUNT.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.events.records import (
    CandidateEvent,
    CandidateQuery,
    Candidates,
    NewEvent,
    NewMention,
    StoredBallot,
    StoredEvent,
    UpdateRecord,
)
from bot.events.signatures import BANDS
from bot.vocabulary import AUTHORITIES
from store.db import Store, now_iso

CANDIDATE_LIMIT = 10
_EVENT_COLS = (
    "id, vendor_key, actor_type, relevant, action, product, region,"
    " first_reported, last_reported, terms, effective"
)
_BAND_MATCH = " OR ".join(f"(band = :b{n} AND hash = :h{n})" for n in range(BANDS))
_NEWEST = f"ORDER BY first_reported DESC LIMIT {CANDIDATE_LIMIT}"
# authorities' acts are followed up for months (constant SQL text: the names are fixed)
_AUTHORITIES = "(" + ", ".join(f"'{name}'" for name in AUTHORITIES) + ")"
# The finding's vendor under its other names (``bot.events.matching.same_vendor``
# decides): its first word alone ("ondine" for "ondine analytics"), by the index, and
# longer keys that start with that word, by an index range walked at most
# ``_NAME_SCAN`` entries far, so a common first word cannot make the lookup slow.
_NAME_SCAN = 200
# One statement (constant text, so SQLite prepares it once) finds whether the entry
# is already recorded (first branch) and every event that could take the finding,
# each branch an indexed range query; a branch whose guard is false costs nothing.
_CANDIDATES = f"""
SELECT 1, event_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM mentions WHERE entry_id = :entry
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE vendor_key = :vendor AND first_reported BETWEEN :near_lo AND :near_hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND vendor_key = '' AND first_reported BETWEEN :near_lo AND :near_hi
  {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND :action != '' AND vendor_key = :vendor
  AND action = :action
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND :action != '' AND vendor_key = :vendor
  AND (relevant = 1 OR action IS NOT NULL)
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor = '' AND actor_type = :actor AND vendor IS NULL
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND :actor IN {_AUTHORITIES} AND vendor_key = :vendor
  AND actor_type IN {_AUTHORITIES} AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor = '' AND :actor IN {_AUTHORITIES} AND actor_type = :actor
  AND first_reported BETWEEN :near_lo AND :near_hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :actor IN {_AUTHORITIES} AND actor_type IN {_AUTHORITIES}
  AND first_reported BETWEEN :near_lo AND :near_hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND :head != :vendor AND vendor_key = :head
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE id IN (SELECT id FROM events WHERE :vendor != '' AND vendor_key != :vendor
               AND vendor_key BETWEEN :head_lo AND :head_hi
               ORDER BY vendor_key DESC LIMIT {_NAME_SCAN})
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT 0, {_EVENT_COLS} FROM events
  WHERE id IN (SELECT event_id FROM event_bands WHERE {_BAND_MATCH} LIMIT {CANDIDATE_LIMIT})
  AND first_reported BETWEEN :lo AND :hi
"""
_NO_BAND = -1  # pads the band parameters: no stored band is negative
_BAND_KEYS = tuple((f"b{n}", f"h{n}") for n in range(BANDS))
_NO_BANDS = ((_NO_BAND, 0),) * BANDS
_WINDOWS = ("lo", "hi", "near_lo", "near_hi")  # CandidateQuery fields
# one encoder each (json.dumps with options builds a new encoder on every call)
_to_json = json.JSONEncoder(ensure_ascii=True).encode
_to_json_text = json.JSONEncoder(ensure_ascii=False).encode
_EVENT_ROW = (
    "SELECT id, relevant, actor_type, vendor, product, action, applies_to, region,"
    " effective, duration, title, evidence, link, confidence, first_reported,"
    " last_reported, mention_count, source_count, vendor_key, terms, votes, update_count,"
    " updated_at FROM events WHERE id = ?"
)
_EVENT_ROW_COLS = tuple(
    name.strip() for name in _EVENT_ROW.split("SELECT ")[1].split(" FROM")[0].split(",")
)


# --------------------------------------------------------------------------- recording


def candidates(store: Store, query: CandidateQuery) -> Candidates:
    """The event that already has the query's entry, else every event the query's
    windows, vendor, action, actor or bands select (each once, in query order)."""
    rows = store.db.conn.execute(_CANDIDATES, _candidate_params(query)).fetchall()
    if rows and rows[0][0]:
        return Candidates(recorded=int(rows[0][1]))
    unique = {row[1]: row for row in rows}.values()
    return Candidates(recorded=None, events=tuple(CandidateEvent._make(r[1:]) for r in unique))


_OWNERS = f"""
SELECT {_EVENT_COLS} FROM events
  WHERE first_reported BETWEEN :near_lo AND :near_hi AND vendor_key != ''
  AND vendor_key != :vendor AND instr(terms || ' ', :owned) > 0 {_NEWEST}
"""


def owners(store: Store, query: CandidateQuery) -> tuple[CandidateEvent, ...]:
    """Other vendors' events in the query's news cycle whose words hold its
    ``owned_key`` (the product that stands in for the finding's unnamed maker); asked
    only for a vendor no candidate event has."""
    if not query.owned_key:
        return ()
    params = {"vendor": query.vendor_key, "owned": query.owned_key}
    for name in ("near_lo", "near_hi"):
        moment: datetime = getattr(query, name)
        params[name] = (
            moment.isoformat(timespec="seconds") if moment.tzinfo is UTC else now_iso(moment)
        )
    rows = store.db.conn.execute(_OWNERS, params).fetchall()
    return tuple(CandidateEvent._make(row) for row in rows)


def vendors_named(store: Store, query: CandidateQuery) -> tuple[CandidateEvent, ...]:
    """For a report keyed by no vendor: the events in its news cycle of the vendors whose
    key's first word its capitalised words give (``query.named_heads``), each head looked
    up by the vendor-key index (the key itself, or keys that start with it)."""
    if not query.named_heads:
        return ()
    params = _candidate_params(query)
    found: dict[int, CandidateEvent] = {}
    for head in query.named_heads:
        rows = store.db.conn.execute(
            f"SELECT {_EVENT_COLS} FROM events WHERE (vendor_key = ? OR vendor_key BETWEEN ?"
            f" AND ?) AND first_reported BETWEEN ? AND ? {_NEWEST}",
            (head, head + " ", head + " \x7f", params["near_lo"], params["near_hi"]),
        )
        for row in rows.fetchall():
            found.setdefault(int(row[0]), CandidateEvent._make(row))
    return tuple(found.values())


def named(store: Store, query: CandidateQuery) -> tuple[CandidateEvent, ...]:
    """Events in the query's follow-up window stored under the vendor's other names
    (``query.other_names``: the gazetteer's aliases of its company)."""
    if not query.other_names:
        return ()
    marks = ", ".join("?" for _ in query.other_names)
    sql = (
        f"SELECT {_EVENT_COLS} FROM events WHERE vendor_key IN ({marks})"
        f" AND first_reported BETWEEN ? AND ? {_NEWEST}"
    )
    params = _candidate_params(query)
    rows = store.db.conn.execute(sql, (*query.other_names, params["lo"], params["hi"]))
    return tuple(CandidateEvent._make(row) for row in rows.fetchall())


def _candidate_params(query: CandidateQuery) -> dict[str, Any]:
    params: dict[str, Any] = {
        "entry": query.entry_id,
        "vendor": query.vendor_key,
        "head": query.vendor_head,
        # keys that start with the head word: "ondine" then "ondine analytics" (the
        # words are [a-z0-9] joined by spaces, so these bounds enclose exactly them)
        "head_lo": query.vendor_head + " ",
        "head_hi": query.vendor_head + " \x7f",
        "action": query.action,
        "actor": query.actor_type,
    }
    for name in _WINDOWS:
        moment: datetime = getattr(query, name)
        if moment.tzinfo is UTC:  # the usual case: now_iso's conversion is a no-op
            params[name] = moment.isoformat(timespec="seconds")
        else:  # e.g. a zone with DST: keep now_iso's exact arithmetic
            params[name] = now_iso(moment)
    bands = query.bands
    padded = (*bands, *_NO_BANDS) if len(bands) < BANDS else bands
    for (band_key, hash_key), (band, value) in zip(_BAND_KEYS, padded, strict=False):
        params[band_key] = band
        params[hash_key] = value
    return params


def open_event(store: Store, event: NewEvent, mention: NewMention) -> int:
    """Insert the event a finding opens (its mention and bands are added separately)."""
    finding = event.finding
    cursor = store.db.conn.execute(
        "INSERT INTO events (key, relevant, actor_type, vendor, product, action, applies_to,"
        " region, effective, duration, title, evidence, link, confidence, first_reported,"
        " last_reported, mention_count, source_count, created_at, updated_at, vendor_key, terms,"
        " votes, update_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?,?,0)",
        (
            event.key, int(finding.relevant), finding.actor_type, finding.vendor, finding.product,
            finding.action, finding.applies_to, finding.region,
            finding.effective.isoformat() if finding.effective else None, finding.duration,
            event.title, finding.evidence, event.link, finding.confidence,
            mention.published, mention.published, event.source_count, mention.stamp,
            mention.stamp, event.vendor_key, event.terms, event.votes,
        ),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def add_mention(store: Store, event_id: int, mention: NewMention) -> None:
    store.db.conn.execute(
        "INSERT INTO mentions (event_id, entry_id, source, title, link, published, is_primary,"
        " created_at, finding, weight, via) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            event_id, mention.entry_id, mention.source, mention.title, mention.link,
            mention.published, int(mention.primary), mention.stamp, _to_json(dict(mention.fields)),
            mention.weight, mention.via,
        ),
    )  # fmt: skip


_INSERT_BANDS = "INSERT OR IGNORE INTO event_bands (band, hash, event_id) VALUES " + ",".join(
    ["(?,?,?)"] * BANDS
)  # all bands in one statement: the usual case (a text long enough to fill every band)


def add_bands(store: Store, event_id: int, bands: tuple[tuple[int, int], ...]) -> None:
    rows = [(band, value, event_id) for band, value in bands]
    if len(rows) == BANDS:
        store.db.conn.execute(_INSERT_BANDS, [value for row in rows for value in row])
    else:
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO event_bands (band, hash, event_id) VALUES (?,?,?)", rows
        )


def stored_event(store: Store, event_id: int) -> StoredEvent:
    """The event's stored values, as a join needs them (see ``save_event``)."""
    row = store.db.conn.execute(_EVENT_ROW, (event_id,)).fetchone()
    return StoredEvent(dict(zip(_EVENT_ROW_COLS, row, strict=True)))


def stored_ballots(store: Store, event_id: int) -> list[StoredBallot]:
    """Every mention's ballot in report order (for an event stored before tallies)."""
    rows = store.db.conn.execute(
        "SELECT entry_id, source, title, link, published, is_primary, finding, weight"
        " FROM mentions WHERE event_id = ? ORDER BY published, id",
        (event_id,),
    ).fetchall()
    return [
        StoredBallot(
            entry_id=int(entry_id),
            source=str(source or ""),
            title=str(title),
            link=link,
            published=str(published or ""),
            primary=bool(primary),
            fields=json.loads(finding or "{}"),
            weight=float(weight),
        )  # fmt: skip
        for entry_id, source, title, link, published, primary, finding, weight in rows
    ]


def count_updates(store: Store, event_id: int) -> int:
    row = store.db.conn.execute(
        "SELECT COUNT(*) FROM event_updates WHERE event_id = ?", (event_id,)
    ).fetchone()
    return int(row[0])


def add_update(store: Store, update: UpdateRecord) -> int:
    cursor = store.db.conn.execute(
        "INSERT INTO event_updates (event_id, seq, kind, entry_id, detail, created_at)"
        " VALUES (?,?,?,?,?,?)",
        (update.event_id, update.seq, update.kind, update.entry_id,
         _to_json_text(dict(update.detail)), update.stamp),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def save_event(store: Store, event_id: int, changed: Mapping[str, Any]) -> None:
    """Write back the given columns of the event (names as ``stored_event`` gives them)."""
    if not changed:
        return
    unknown = set(changed) - _WRITABLE
    if unknown:
        raise ValueError(f"save_event: {sorted(unknown)} are not event columns")
    assignments = ", ".join(f"{column} = ?" for column in changed)
    store.db.conn.execute(
        f"UPDATE events SET {assignments} WHERE id = ?", [*changed.values(), event_id]
    )


_WRITABLE = frozenset(_EVENT_ROW_COLS) - {"id"}
