"""Events (dedup level 2): clustering findings into events, timelines and search.

All SQL for events lives here; the rules it applies are in ``bot.events``.
Identity is a database fact: ``mentions.entry_id`` is UNIQUE, so recording the
same entry twice changes nothing, and every write runs in ``store.transaction()``
(a savepoint inside the caller's per-feed transaction).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from bot import event_text as signals
from bot import events as rules
from bot.models import Entry, Event, EventChange, Finding, Mention
from store.db import Store, now_iso, parse_iso
from store.entries import finding_date

CANONICAL = (
    "relevant", "actor_type", "vendor", "product", "action",
    "applies_to", "region", "effective", "duration",
)  # fmt: skip
CANDIDATE_LIMIT = 10
CONTEXT_ACTORS = ("government", "regulator", "court")
_EVENT_COLS = (
    "id, vendor_key, actor_type, relevant, action, product, region,"
    " first_reported, last_reported, terms"
)


# --------------------------------------------------------------------------- sql


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts straight from the connection (the hot path skips sqlite-utils'
    per-query savepoint; callers already hold a transaction or only read)."""
    with store.lock:
        cursor = store.db.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _run(store: Store, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    with store.lock:
        return store.db.conn.execute(sql, params)


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
    with store.transaction():
        row = _run(store, "SELECT event_id FROM mentions WHERE entry_id = ?", [entry_id]).fetchone()
        if row:
            return EventChange(event_id=int(row[0]), created=False, mention_added=False)
        profile = rules.finding_profile(entry, finding, when)
        bands = signals.text_bands(entry.text)
        best_id, best_score = None, float("-inf")
        for event_id, candidate in _candidates(store, profile, bands):
            score = rules.decide(profile, candidate)
            if score is not None and score > best_score:
                best_id, best_score = event_id, score
        weight = rules.mention_weight(finding.confidence, primary)
        stamp = now_iso(now)
        if best_id is None:
            event_id = _open_event(store, entry_id, entry, finding, profile, when, stamp)
            _add_mention(store, event_id, entry_id, entry, finding, primary, weight, when, stamp)
            _add_bands(store, event_id, bands)
            return EventChange(event_id=event_id, created=True, mention_added=False)
        _add_mention(store, best_id, entry_id, entry, finding, primary, weight, when, stamp)
        _add_bands(store, best_id, bands)
        changes = _revote(store, best_id, profile, stamp)
        update_id = _add_update(store, best_id, entry_id, entry, changes, max_updates, stamp)
        return EventChange(
            event_id=best_id,
            created=False,
            mention_added=True,
            fields_changed=tuple(change["field"] for change in changes),
            update_id=update_id,
        )


def _candidates(
    store: Store, profile: rules.Profile, bands: list[tuple[int, int]]
) -> list[tuple[int, rules.Profile]]:
    """Events that could take the finding, each from one indexed range query: its
    vendor's (or vendorless) events in the news cycle, older ones only where a
    follow-up may join (same vendor and action, or same non-vendor actor), and
    near-duplicates by LSH band."""
    rows: dict[int, dict[str, Any]] = {}
    for sql, params in _candidate_queries(profile, bands):
        for row in _rows(store, f"SELECT {_EVENT_COLS} FROM events WHERE {sql}", params):
            rows[int(row["id"])] = row
    return [(event_id, _profile(row)) for event_id, row in rows.items()]


def _candidate_queries(
    profile: rules.Profile, bands: list[tuple[int, int]]
) -> list[tuple[str, list[Any]]]:
    def iso(days: float) -> str:
        return now_iso(profile.first + timedelta(days=days))

    lo, hi = iso(-rules.FOLLOW_UP_DAYS), iso(rules.BACKFILL_DAYS)
    near_lo, near_hi = iso(-rules.NEWS_CYCLE_DAYS), iso(rules.NEAR_DAYS)
    newest = f" ORDER BY first_reported DESC LIMIT {CANDIDATE_LIMIT}"
    window = "first_reported BETWEEN ? AND ?"
    queries: list[tuple[str, list[Any]]] = [
        (f"vendor_key = ? AND {window}{newest}", [profile.vendor_key, near_lo, near_hi])
    ]
    if profile.vendor_key:
        queries.append((f"vendor_key = '' AND {window}{newest}", [near_lo, near_hi]))
        if profile.action:  # a follow-up must repeat the action
            queries.append((f"vendor_key = ? AND action = ? AND {window}{newest}",
                            [profile.vendor_key, profile.action, lo, hi]))  # fmt: skip
    else:  # older vendorless events of the same kind of actor (a bill, then its signing)
        queries.append((f"actor_type = ? AND vendor IS NULL AND {window}{newest}",
                        [profile.actor_type, lo, hi]))  # fmt: skip
    if bands:
        match = " OR ".join("(band = ? AND hash = ?)" for _ in bands)
        queries.append(
            (f"id IN (SELECT event_id FROM event_bands WHERE {match} LIMIT {CANDIDATE_LIMIT})"
             f" AND {window}", [*(v for pair in bands for v in pair), lo, hi])
        )  # fmt: skip
    return queries


def _profile(row: dict[str, Any]) -> rules.Profile:
    first = parse_iso(row["first_reported"]) or datetime.now(UTC)
    terms, names = rules.unpack_terms(str(row["terms"] or ""))
    return rules.Profile(
        vendor_key=str(row["vendor_key"] or ""),
        actor_type=str(row["actor_type"]),
        relevant=bool(row["relevant"]),
        action=row["action"],
        product_terms=signals.product_terms(row["product"], row["vendor_key"]),
        region=row["region"],
        first=first,
        last=parse_iso(row["last_reported"]) or first,
        terms=terms,
        names=names,
    )


def _open_event(
    store: Store,
    entry_id: int,
    entry: Entry,
    finding: Finding,
    profile: rules.Profile,
    when: datetime,
    stamp: str,
) -> int:
    slug = "-".join(signals.words(finding.vendor or finding.actor_type)) or "event"
    key = f"{slug}-{when:%Y-%m-%d}-{entry_id}"
    cursor = _run(store,
        "INSERT INTO events (key, relevant, actor_type, vendor, product, action, applies_to,"
        " region, effective, duration, title, evidence, link, confidence, first_reported,"
        " last_reported, mention_count, source_count, created_at, updated_at, vendor_key, terms)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,?,?,?,?)",
        (
            key, int(finding.relevant), finding.actor_type, finding.vendor, finding.product,
            finding.action, finding.applies_to, finding.region,
            finding.effective.isoformat() if finding.effective else None, finding.duration,
            entry.title, finding.evidence, entry.link, finding.confidence,
            now_iso(when), now_iso(when), stamp, stamp, profile.vendor_key,
            rules.pack_terms(profile.terms, profile.names),
        ),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _add_mention(
    store: Store,
    event_id: int,
    entry_id: int,
    entry: Entry,
    finding: Finding,
    primary: bool,
    weight: float,
    when: datetime,
    stamp: str,
) -> None:
    _run(store,
        "INSERT INTO mentions (event_id, entry_id, source, title, link, published, is_primary,"
        " created_at, finding, weight) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            event_id, entry_id, entry.source, entry.title, entry.link, now_iso(when),
            int(primary), stamp, json.dumps(_finding_fields(finding)), weight,
        ),
    )  # fmt: skip


def _add_bands(store: Store, event_id: int, bands: list[tuple[int, int]]) -> None:
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO event_bands (band, hash, event_id) VALUES (?,?,?)",
        [(band, value, event_id) for band, value in bands],
    )


def _finding_fields(finding: Finding) -> dict[str, Any]:
    return {
        "relevant": finding.relevant, "actor_type": finding.actor_type,
        "vendor": finding.vendor, "product": finding.product, "action": finding.action,
        "applies_to": finding.applies_to, "region": finding.region,
        "effective": finding.effective.isoformat() if finding.effective else None,
        "duration": finding.duration, "confidence": finding.confidence,
        "evidence": finding.evidence,
    }  # fmt: skip


def _revote(store: Store, event_id: int, new: rules.Profile, stamp: str) -> list[dict[str, Any]]:
    """Recompute the event's canonical fields from all its mentions; return the changes."""
    old = _rows(store, "SELECT * FROM events WHERE id = ?", [event_id])[0]
    mentions = _rows(
        store, "SELECT * FROM mentions WHERE event_id = ? ORDER BY published, id", [event_id]
    )
    ballots = [(json.loads(m["finding"] or "{}"), float(m["weight"])) for m in mentions]
    values: dict[str, Any] = {
        name: rules.vote((fields.get(name), weight) for fields, weight in ballots)
        for name in CANONICAL
    }
    values["relevant"] = int(bool(values["relevant"]))
    values["actor_type"] = values["actor_type"] or old["actor_type"]
    changes = [
        {"field": name, "old": old[name], "new": values[name]}
        for name in CANONICAL
        if old[name] != values[name]
    ]
    lead = next((m for m in mentions if m["is_primary"]), mentions[0])
    values.update(
        title=lead["title"],
        link=lead["link"],
        evidence=_best_evidence(ballots, values["action"]) or old["evidence"],
        confidence=max(float(fields.get("confidence") or 0.0) for fields, _ in ballots),
        first_reported=min(m["published"] for m in mentions),
        last_reported=max(m["published"] for m in mentions),
        mention_count=len(mentions),
        source_count=len({str(m["source"]).casefold() for m in mentions}),
        vendor_key=signals.vendor_key(values["vendor"]),
        terms=rules.pack_terms(*(a | b for a, b in zip(
            rules.unpack_terms(str(old["terms"] or "")), (new.terms, new.names), strict=True))),
        updated_at=stamp,
    )  # fmt: skip
    # only changed columns: indexes and the events_fts trigger then do no needless work
    changed = {k: v for k, v in values.items() if old[k] != v}
    assignments = ", ".join(f"{column} = ?" for column in changed)
    _run(store, f"UPDATE events SET {assignments} WHERE id = ?", [*changed.values(), event_id])
    return changes


def _best_evidence(ballots: list[tuple[dict[str, Any], float]], action: str | None) -> str:
    """The evidence of the heaviest mention that states the voted action."""
    stated = [(w, f.get("evidence") or "") for f, w in ballots if f.get("action") == action]
    stated = [pair for pair in stated if pair[1]]
    return max(stated, key=lambda pair: pair[0])[1] if stated else ""


def _add_update(
    store: Store,
    event_id: int,
    entry_id: int,
    entry: Entry,
    changes: list[dict[str, Any]],
    max_updates: int,
    stamp: str,
) -> int | None:
    count = int(_rows(store,
        "SELECT COUNT(*) AS n FROM event_updates WHERE event_id = ?", [event_id])[0]["n"])  # fmt: skip
    if count >= max_updates:
        return None
    detail = {
        "entry_id": entry_id, "source": entry.source, "title": entry.title, "link": entry.link,
        "published": now_iso(entry.published) if entry.published else None, "changes": changes,
    }  # fmt: skip
    cursor = _run(store,
        "INSERT INTO event_updates (event_id, seq, kind, entry_id, detail, created_at)"
        " VALUES (?,?,?,?,?,?)",
        (event_id, count + 1, "field" if changes else "mention", entry_id,
         json.dumps(detail, ensure_ascii=False), stamp),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


# --------------------------------------------------------------------------- reading


def get_event(store: Store, event_id: int, *, with_mentions: bool = False) -> Event | None:
    rows = store.query("SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        return None
    return _event(rows[0], _mentions(store, event_id) if with_mentions else ())


def recent_events(
    store: Store,
    *,
    vendor: str | None = None,
    limit: int = 20,
    actor_types: Sequence[str] | None = None,
) -> list[Event]:
    """Newest first (by event date); ``vendor`` matches case-insensitively."""
    where, params = [], []
    if vendor is not None:
        where.append("vendor_key = ?")
        params.append(signals.vendor_key(vendor))
    if actor_types:
        where.append(f"actor_type IN ({','.join('?' for _ in actor_types)})")
        params.extend(actor_types)
    sql = "SELECT * FROM events" + (f" WHERE {' AND '.join(where)}" if where else "")
    rows = store.query(f"{sql} ORDER BY first_reported DESC, id DESC LIMIT ?", [*params, limit])
    return [_event(row) for row in rows]


def get_update(store: Store, update_id: int) -> rules.EventUpdate:
    rows = store.query("SELECT * FROM event_updates WHERE id = ?", [update_id])
    if not rows:
        raise LookupError(
            f"event update {update_id} is not in the database {store.path}; "
            "it may belong to another database file (check --db / POLICYBOT_DB)."
        )
    row = rows[0]
    return rules.EventUpdate(
        id=int(row["id"]),
        event_id=int(row["event_id"]),
        seq=int(row["seq"]),
        kind=str(row["kind"]),
        entry_id=row["entry_id"],
        detail=json.loads(row["detail"] or "{}"),
        created_at=parse_iso(row["created_at"]),
    )


def timeline(store: Store, vendor: str) -> rules.Timeline:
    """The vendor's policy events oldest → newest (plus government, regulator and court
    actions about it) and its current status per product."""
    rows = store.query(
        "SELECT * FROM events WHERE vendor_key = ? ORDER BY first_reported, id",
        [signals.vendor_key(vendor)],
    )
    events = [
        _event(row, _mentions(store, int(row["id"])))
        for row in rows
        if row["relevant"] or row["actor_type"] in CONTEXT_ACTORS
    ]
    name = next((e.vendor for e in reversed(events) if e.vendor), vendor)
    return rules.Timeline(
        vendor=name, events=tuple(events), status=rules.status_lines(name, events)
    )


def vendor_names(store: Store) -> list[str]:
    """Vendors that have events (display names, one per vendor, sorted)."""
    rows = store.query(
        "SELECT vendor, COUNT(*) AS n FROM events WHERE vendor_key != '' AND vendor IS NOT NULL"
        " GROUP BY vendor_key, vendor ORDER BY n DESC"
    )
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(signals.vendor_key(row["vendor"]), str(row["vendor"]))
    return sorted(names.values(), key=str.casefold)


def _mentions(store: Store, event_id: int) -> tuple[Mention, ...]:
    rows = store.query(
        "SELECT * FROM mentions WHERE event_id = ? ORDER BY published, id", [event_id]
    )
    return tuple(
        Mention(
            entry_id=int(row["entry_id"]),
            source=str(row["source"] or ""),
            title=str(row["title"] or ""),
            link=row["link"],
            published=parse_iso(row["published"]),
            primary=bool(row["is_primary"]),
        )
        for row in rows
    )


def _event(row: dict[str, Any], mentions: tuple[Mention, ...] = ()) -> Event:
    return Event(
        id=int(row["id"]),
        key=str(row["key"]),
        relevant=bool(row["relevant"]),
        actor_type=str(row["actor_type"]),
        vendor=row["vendor"],
        product=row["product"],
        action=row["action"],
        applies_to=row["applies_to"],
        region=row["region"],
        effective=finding_date(row["effective"]),
        duration=row["duration"],
        title=str(row["title"]),
        evidence=str(row["evidence"] or ""),
        link=row["link"],
        confidence=float(row["confidence"] or 0.0),
        first_reported=parse_iso(row["first_reported"]) or datetime.now(UTC),
        mention_count=int(row["mention_count"]),
        source_count=int(row["source_count"]),
        mentions=mentions,
    )


# search lives in store/event_search.py; re-exported here, where callers look for it
from store.event_search import fts_query as fts_query  # noqa: E402
from store.event_search import search as search  # noqa: E402
