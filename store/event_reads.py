"""Reading events: one event, recent events, updates, a vendor's events, vendor names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bot.events.signatures import vendor_key
from bot.models import Event, EventUpdate, Mention
from store.db import Store, parse_iso, translated
from store.entries import finding_date
from store.reader import fr_vendor_names_in

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
    with_mentions: bool = False,
) -> list[Event]:
    """Newest first (by event date); ``vendor`` matches case-insensitively; with
    ``with_mentions`` each event carries its reports (their outlets)."""
    where, params = [], []
    if vendor is not None:
        where.append("vendor_key = ?")
        params.append(vendor_key(vendor))
    if actor_types:
        where.append(f"actor_type IN ({','.join('?' for _ in actor_types)})")
        params.extend(actor_types)
    sql = "SELECT * FROM events" + (f" WHERE {' AND '.join(where)}" if where else "")
    rows = store.query(f"{sql} ORDER BY first_reported DESC, id DESC LIMIT ?", [*params, limit])
    if with_mentions:
        return [_event(row, _mentions(store, int(row["id"]))) for row in rows]
    return [_event(row) for row in rows]


def archive_events(
    store: Store,
    *,
    vendor: str | None = None,
    since: datetime | None = None,
    actor_types: Sequence[str] = (),
    limit: int = 500,
) -> list[Event]:
    """The record for exports and feeds, newest first, each event with its mentions:
    vendor policy changes, and the acts of the other ``actor_types`` (all when empty)."""
    where = ["(relevant = 1 OR actor_type != 'vendor')", "actor_type != 'none'"]
    params: list[Any] = []
    if vendor is not None:
        where.append("vendor_key = ?")
        params.append(vendor_key(vendor))
    if since is not None:
        where.append("first_reported >= ?")
        params.append(since.astimezone(UTC).isoformat(timespec="seconds"))
    if actor_types:
        where.append(f"actor_type IN ({','.join('?' for _ in actor_types)})")
        params.extend(actor_types)
    rows = store.query(
        f"SELECT * FROM events WHERE {' AND '.join(where)}"
        " ORDER BY first_reported DESC, id DESC LIMIT ?",
        [*params, limit],
    )
    return [_event(row, _mentions(store, int(row["id"]))) for row in rows]


def get_update(store: Store, update_id: int) -> EventUpdate:
    rows = store.query("SELECT * FROM event_updates WHERE id = ?", [update_id])
    if not rows:
        raise LookupError(
            f"event update {update_id} is not in the database {store.path}; "
            "it may belong to another database file (check --db / POLICYBOT_DB)."
        )
    row = rows[0]
    return EventUpdate(
        id=int(row["id"]),
        event_id=int(row["event_id"]),
        seq=int(row["seq"]),
        kind=str(row["kind"]),
        entry_id=row["entry_id"],
        detail=json.loads(row["detail"] or "{}"),
        created_at=parse_iso(row["created_at"]),
    )


def vendor_events(store: Store, vendor: str, *, also_actor_types: Sequence[str]) -> list[Event]:
    """The vendor's relevant events oldest → newest, with their mentions, plus its events
    whose actor is one of ``also_actor_types`` (e.g. a regulator acting on it)."""
    rows = store.query(
        "SELECT * FROM events WHERE vendor_key = ? ORDER BY first_reported, id",
        [vendor_key(vendor)],
    )
    return [
        _event(row, _mentions(store, int(row["id"])))
        for row in rows
        if row["relevant"] or row["actor_type"] in also_actor_types
    ]


def vendor_names(store: Store, *, relevant_only: bool = False) -> list[str]:
    """Vendors that have events (display names, one per vendor, sorted); with
    ``relevant_only``, vendors with a policy change of their own."""
    only = " AND relevant = 1" if relevant_only else ""
    rows = store.query(
        "SELECT vendor, COUNT(*) AS n FROM events WHERE vendor_key != '' AND vendor IS NOT NULL"
        f"{only} GROUP BY vendor_key, vendor ORDER BY n DESC"
    )
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(vendor_key(row["vendor"]), str(row["vendor"]))
    return sorted(names.values(), key=str.casefold)


def fr_vendor_names(store: Store) -> tuple[list[str], list[str]]:
    """The FR vendors the store knows (every event is FR news): those with a policy
    change of their own, and the others that acted in FR news of their own (a launch,
    a deal, a platform cutting them off). Companies only an authority acted on are left
    out (their names may be misread words)."""
    with store.lock, translated(store.path):
        return fr_vendor_names_in(store.db.conn)


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
            via=str(row.get("via") or ""),
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


def vendor_keys(store: Store) -> list[str]:
    """The vendor keys the store holds events under."""
    rows = store.query("SELECT DISTINCT vendor_key FROM events WHERE vendor_key != ''")
    return [str(row["vendor_key"]) for row in rows]


def product_makers(store: Store, product: str) -> list[str]:
    """The vendors the store has seen naming ``product`` in a finding or an event (its
    name alone, or after the vendor's: "FaceGate", "Acme FaceGate")."""
    key = vendor_key(product)
    if not key:
        return []
    like = f"%{max(key.split(), key=len)}%"
    rows = store.query(
        "SELECT vendor, product FROM findings WHERE product LIKE ? AND vendor != ''"
        " UNION SELECT vendor, product FROM events WHERE product LIKE ? AND vendor != ''",
        [like, like],
    )
    makers = {
        vendor_key(row["vendor"])
        for row in rows
        if vendor_key(row["product"]) in (key, f"{vendor_key(row['vendor'])} {key}")
    }
    return sorted(makers - {""})
