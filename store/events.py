"""Events (dedup level 2): clustering findings into events, timelines and search.

All SQL for events lives here; the rules it applies are in ``bot.events.rules``.
Identity is a database fact: ``mentions.entry_id`` is UNIQUE, so recording the
same entry twice changes nothing, and every write runs in ``store.transaction()``
(a savepoint inside the caller's per-feed transaction).

Recording one entry costs a handful of statements whatever the database size: one
candidate query (``_CANDIDATES``, constant text so it is prepared once), the event
row and its running vote tallies (``bot.events.votes``) instead of all its mentions,
and a stored update count instead of a COUNT.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any

from bot.events import rules, votes
from bot.events import signatures as signals
from bot.models import Entry, EventChange, Finding
from store.db import Store, now_iso, parse_iso

CANDIDATE_LIMIT = 10
_EVENT_COLS = (
    "id, vendor_key, actor_type, relevant, action, product, region,"
    " first_reported, last_reported, terms"
)
_BAND_MATCH = " OR ".join(f"(band = :b{n} AND hash = :h{n})" for n in range(signals.BANDS))
_NEWEST = f"ORDER BY first_reported DESC LIMIT {CANDIDATE_LIMIT}"
# One statement (constant text, so SQLite prepares it once) finds whether the entry
# is already recorded (first branch) and every event that could take the finding,
# each branch an indexed range query; a branch whose guard is false costs nothing.
_CANDIDATES = f"""
SELECT 1, event_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM mentions WHERE entry_id = :entry
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE vendor_key = :vendor AND first_reported BETWEEN :near_lo AND :near_hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND vendor_key = '' AND first_reported BETWEEN :near_lo AND :near_hi
  {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor != '' AND :action != '' AND vendor_key = :vendor AND action = :action
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT * FROM (SELECT 0, {_EVENT_COLS} FROM events
  WHERE :vendor = '' AND actor_type = :actor AND vendor IS NULL
  AND first_reported BETWEEN :lo AND :hi {_NEWEST})
UNION ALL SELECT 0, {_EVENT_COLS} FROM events
  WHERE id IN (SELECT event_id FROM event_bands WHERE {_BAND_MATCH} LIMIT {CANDIDATE_LIMIT})
  AND first_reported BETWEEN :lo AND :hi
"""
_NO_BAND = -1  # pads the band parameters: no stored band is negative
_BAND_KEYS = tuple((f"b{n}", f"h{n}") for n in range(signals.BANDS))
_NO_BANDS = ((_NO_BAND, 0),) * signals.BANDS
# window bounds around the first report, in the order _candidate_params names them
_WINDOWS = (
    ("lo", timedelta(days=-rules.FOLLOW_UP_DAYS)),
    ("hi", timedelta(days=rules.BACKFILL_DAYS)),
    ("near_lo", timedelta(days=-rules.NEWS_CYCLE_DAYS)),
    ("near_hi", timedelta(days=rules.NEAR_DAYS)),
)
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


def record_finding(
    store: Store,
    *,
    entry_id: int,
    entry: Entry,
    finding: Finding,
    primary: bool = False,
    max_updates: int = 5,
    now: datetime | None = None,
) -> EventChange:
    """Join the finding's entry to an existing event or open a new one.

    Idempotent per entry. An existing event that gains the mention gets an
    ``event_updates`` row (kind "field" when a voted field changed, else
    "mention") while it has fewer than ``max_updates`` updates.
    """
    when = entry.published or now or datetime.now(UTC)
    profile = rules.finding_profile(entry, finding, when)
    bands = signals.text_bands(entry.text)
    with store.transaction():
        conn = store.db.conn
        rows = conn.execute(_CANDIDATES, _candidate_params(entry_id, profile, bands)).fetchall()
        if rows and rows[0][0]:
            return EventChange(event_id=int(rows[0][1]), created=False, mention_added=False)
        best_id, best_score, best = None, float("-inf"), None
        vendor = profile.vendor_key
        for row in {row[1]: row for row in rows}.values():
            if vendor and row[2] and row[2] != vendor:
                continue  # another vendor's event (a band match): decide says None
            event = _profile(row[1:])
            score = rules.decide(profile, event)
            if score is not None and score > best_score:
                best_id, best_score, best = row[1], score, event
        mention = _Mention(entry_id, entry, finding, primary, now_iso(when), now_iso(now))
        if best_id is None:
            event_id = _open_event(conn, mention, profile, when)
            _add_mention(conn, event_id, mention)
            _add_bands(conn, event_id, bands)
            return EventChange(event_id=event_id, created=True, mention_added=False)
        _add_mention(conn, best_id, mention)
        _add_bands(conn, best_id, bands)
        assert best is not None
        changes, update_id = _join(conn, best_id, mention, profile, best, max_updates)
        return EventChange(
            event_id=best_id,
            created=False,
            mention_added=True,
            fields_changed=tuple(change["field"] for change in changes),
            update_id=update_id,
        )


def _candidate_params(
    entry_id: int, profile: rules.Profile, bands: list[tuple[int, int]]
) -> dict[str, Any]:
    first = profile.first
    params: dict[str, Any] = {
        "entry": entry_id,
        "vendor": profile.vendor_key,
        "action": profile.action or "",
        "actor": profile.actor_type,
    }
    if first.tzinfo is UTC:  # the usual case: now_iso's conversion is a no-op
        for name, offset in _WINDOWS:
            params[name] = (first + offset).isoformat(timespec="seconds")
    else:  # e.g. a zone with DST: keep now_iso's exact arithmetic
        for name, offset in _WINDOWS:
            params[name] = now_iso(first + offset)
    padded = (*bands, *_NO_BANDS) if len(bands) < signals.BANDS else bands
    for (band_key, hash_key), (band, value) in zip(_BAND_KEYS, padded, strict=False):
        params[band_key] = band
        params[hash_key] = value
    return params


@lru_cache(maxsize=8192)
def _profile(row: tuple[Any, ...]) -> rules.Profile:
    """A stored event's profile from its candidate row (cached: recent events are
    candidates for many entries in a row; the row's values are the cache key)."""
    _, vendor, actor, relevant, action, product, region, first_at, last_at, packed = row
    first = parse_iso(first_at) or datetime.now(UTC)
    terms, names = rules.unpack_terms(str(packed or ""))
    return rules.Profile(
        vendor_key=str(vendor or ""),
        actor_type=str(actor),
        relevant=bool(relevant),
        action=action,
        product_terms=signals.product_terms(product, vendor),
        region=region,
        first=first,
        last=parse_iso(last_at) or first,
        terms=terms,
        names=names,
    )


@dataclass(frozen=True)
class _Mention:
    """One finding's entry on its way into ``mentions``, with its ballot."""

    entry_id: int
    entry: Entry
    finding: Finding
    primary: bool
    published: str
    stamp: str

    @cached_property
    def fields(self) -> dict[str, Any]:
        f = self.finding
        return {
            "relevant": f.relevant, "actor_type": f.actor_type, "vendor": f.vendor,
            "product": f.product, "action": f.action, "applies_to": f.applies_to,
            "region": f.region, "effective": f.effective.isoformat() if f.effective else None,
            "duration": f.duration, "confidence": f.confidence, "evidence": f.evidence,
        }  # fmt: skip

    @cached_property
    def weight(self) -> float:
        return rules.mention_weight(self.finding.confidence, self.primary)

    def vote_into(self, tally: votes.Tally) -> None:
        votes.add_ballot(tally, self.fields, self.weight, published=self.published,
                         entry_id=self.entry_id, primary=self.primary, title=self.entry.title,
                         link=self.entry.link, source=self.entry.publisher,
                         related=self.entry.related)  # fmt: skip


def _open_event(
    conn: sqlite3.Connection, mention: _Mention, profile: rules.Profile, when: datetime
) -> int:
    finding, entry = mention.finding, mention.entry
    slug = "-".join(signals.words(finding.vendor or finding.actor_type)) or "event"
    key = f"{slug}-{when:%Y-%m-%d}-{mention.entry_id}"
    tally = votes.new_tally()
    mention.vote_into(tally)
    cursor = conn.execute(
        "INSERT INTO events (key, relevant, actor_type, vendor, product, action, applies_to,"
        " region, effective, duration, title, evidence, link, confidence, first_reported,"
        " last_reported, mention_count, source_count, created_at, updated_at, vendor_key, terms,"
        " votes, update_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?,?,0)",
        (
            key, int(finding.relevant), finding.actor_type, finding.vendor, finding.product,
            finding.action, finding.applies_to, finding.region,
            finding.effective.isoformat() if finding.effective else None, finding.duration,
            entry.title, finding.evidence, entry.link, finding.confidence,
            mention.published, mention.published, len(tally["src"]), mention.stamp, mention.stamp,
            profile.vendor_key, rules.pack_terms(profile.terms, profile.names),
            votes.dumps(tally),
        ),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _add_mention(conn: sqlite3.Connection, event_id: int, mention: _Mention) -> None:
    entry = mention.entry
    conn.execute(
        "INSERT INTO mentions (event_id, entry_id, source, title, link, published, is_primary,"
        " created_at, finding, weight, via) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            event_id, mention.entry_id, entry.publisher, entry.title, entry.link,
            mention.published, int(mention.primary), mention.stamp, _to_json(mention.fields),
            mention.weight, entry.source,
        ),
    )  # fmt: skip


_INSERT_BANDS = "INSERT OR IGNORE INTO event_bands (band, hash, event_id) VALUES " + ",".join(
    ["(?,?,?)"] * signals.BANDS
)  # all bands in one statement: the usual case (a text long enough to fill every band)


def _add_bands(conn: sqlite3.Connection, event_id: int, bands: list[tuple[int, int]]) -> None:
    rows = [(band, value, event_id) for band, value in bands]
    if len(rows) == signals.BANDS:
        conn.execute(_INSERT_BANDS, [value for row in rows for value in row])
    else:
        conn.executemany(
            "INSERT OR IGNORE INTO event_bands (band, hash, event_id) VALUES (?,?,?)", rows
        )


def _join(
    conn: sqlite3.Connection,
    event_id: int,
    mention: _Mention,
    new: rules.Profile,
    event: rules.Profile,
    max_updates: int,
) -> tuple[list[dict[str, Any]], int | None]:
    """Vote the (already inserted) mention into the event, record the update while under
    ``max_updates``, and write back only the columns that changed."""
    old = dict(zip(_EVENT_ROW_COLS, conn.execute(_EVENT_ROW, (event_id,)).fetchone(), strict=True))
    tally = votes.loads(old["votes"])
    if tally is None:  # an event from before tallies: count its mentions once
        tally, count = _rebuild_tally(conn, event_id)
        new_outlet = True
    else:
        new_outlet = not votes.has_outlet(tally, mention.entry.publisher)
        mention.vote_into(tally)
        count = int(old["mention_count"]) + 1
    values = votes.outcome(tally)
    values["relevant"] = int(bool(values["relevant"]))
    values["actor_type"] = values["actor_type"] or old["actor_type"]
    changes = [
        {"field": name, "old": old[name], "new": values[name]}
        for name in votes.CANONICAL
        if old[name] != values[name]
    ]
    values.update(
        evidence=values["evidence"] or old["evidence"],
        first_reported=min(old["first_reported"], mention.published),
        last_reported=max(old["last_reported"], mention.published),
        mention_count=count,
        vendor_key=signals.vendor_key(values["vendor"]),
        terms=_joined_terms(str(old["terms"] or ""), new, event),
        votes=votes.dumps(tally),
        updated_at=mention.stamp,
    )  # fmt: skip
    updates = old["update_count"]
    if updates is None:  # an event from before update counts
        updates = conn.execute(
            "SELECT COUNT(*) FROM event_updates WHERE event_id = ?", (event_id,)
        ).fetchone()[0]
    update_id = None
    # a follow-up only for a new outlet or new facts: the same outlet again says nothing new
    if updates < max_updates and (new_outlet or changes):
        update_id = _add_update(conn, event_id, updates + 1, mention, changes)
        updates += 1
    values["update_count"] = updates
    # only changed columns: indexes and the events_fts trigger then do no needless work
    changed = {k: v for k, v in values.items() if old[k] != v}
    assignments = ", ".join(f"{column} = ?" for column in changed)
    conn.execute(f"UPDATE events SET {assignments} WHERE id = ?", [*changed.values(), event_id])
    return changes, update_id


def _joined_terms(packed: str, new: rules.Profile, event: rules.Profile) -> str:
    """The event's packed words after the join. ``event`` is the profile read from the
    same row (its words are ``unpack_terms(packed)``), so a mention that brings no new
    word leaves the stored text as it is without re-sorting it."""
    if packed and new.terms <= event.terms and new.names <= event.names:
        return packed
    return rules.pack_terms(event.terms | new.terms, event.names | new.names)


def _rebuild_tally(conn: sqlite3.Connection, event_id: int) -> tuple[votes.Tally, int]:
    rows = conn.execute(
        "SELECT entry_id, source, title, link, published, is_primary, finding, weight"
        " FROM mentions WHERE event_id = ? ORDER BY published, id",
        (event_id,),
    ).fetchall()
    tally = votes.new_tally()
    for entry_id, source, title, link, published, primary, finding, weight in rows:
        votes.add_ballot(tally, json.loads(finding or "{}"), float(weight),
                         published=str(published or ""), entry_id=int(entry_id),
                         primary=bool(primary), title=str(title), link=link,
                         source=str(source or ""))  # fmt: skip
    return tally, len(rows)


def _add_update(
    conn: sqlite3.Connection,
    event_id: int,
    seq: int,
    mention: _Mention,
    changes: list[dict[str, Any]],
) -> int:
    entry = mention.entry
    detail = {
        "entry_id": mention.entry_id, "source": entry.publisher, "via": entry.source,
        "title": entry.title,
        "link": entry.link, "published": now_iso(entry.published) if entry.published else None,
        "changes": changes,
    }  # fmt: skip
    cursor = conn.execute(
        "INSERT INTO event_updates (event_id, seq, kind, entry_id, detail, created_at)"
        " VALUES (?,?,?,?,?,?)",
        (event_id, seq, "field" if changes else "mention", mention.entry_id,
         _to_json_text(detail), mention.stamp),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


# reading lives in store/event_reads.py and search in store/event_search.py; both are
# re-exported here, where callers look for them
from store.event_reads import CONTEXT_ACTORS as CONTEXT_ACTORS  # noqa: E402
from store.event_reads import get_event as get_event  # noqa: E402
from store.event_reads import get_update as get_update  # noqa: E402
from store.event_reads import recent_events as recent_events  # noqa: E402
from store.event_reads import timeline as timeline  # noqa: E402
from store.event_reads import vendor_names as vendor_names  # noqa: E402
from store.event_search import fts_query as fts_query  # noqa: E402
from store.event_search import search as search  # noqa: E402
