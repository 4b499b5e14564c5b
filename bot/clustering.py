"""The cluster stage: record a finding into its event (dedup level 2), read a timeline.

The rules are pure (``bot.events``) and the SQL is in ``store.events``; this module
composes them inside one ``store.transaction()`` (a savepoint inside the caller's
per-feed transaction). Identity is a database fact: ``mentions.entry_id`` is UNIQUE,
so recording the same entry twice changes nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.events import merge, rules, votes
from bot.events.bodies import named_by_office
from bot.events.matching import Profile
from bot.events.records import NewMention, UpdateRecord
from bot.events.signatures import text_bands
from bot.events.status import CONTEXT_ACTORS, Timeline
from bot.events.status import timeline as vendor_timeline
from bot.events.vendor_names import history_names
from bot.models import Entry, Event, EventChange, Finding
from bot.vocabulary import AUTHORITIES
from store import Store, event_reads
from store import entries as entries_store
from store import events as events_store


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
    ``event_updates`` row (kind "field" when a voted field changed, else "mention")
    while it has fewer than ``max_updates`` updates, when the mention brings a new
    outlet or changed a voted field: the same outlet again is a report, not a post.
    """
    when = entry.published or now or datetime.now(UTC)
    finding = without_person_vendor(entry, finding)
    profile = rules.finding_profile(entry, finding, when)
    bands = text_bands(entry.text)  # here, not in the parsing worker: the busier process
    with store.transaction():
        query = rules.candidate_query(entry_id, profile, bands)
        found = events_store.candidates(store, query)
        if found.recorded is not None:
            return EventChange(event_id=found.recorded, created=False, mention_added=False)
        mention = merge.new_mention(entry_id, entry, finding, primary, when, now)
        events = found.events + events_store.named(store, query)
        if query.named_heads:  # a report keyed by no vendor: the vendors it names
            events = events + events_store.vendors_named(store, query)
        if rules.may_be_a_product(profile, events):  # another vendor's product? its events
            events = events + events_store.owners(store, query)
        best = rules.best_candidate(profile, events)
        if best is None:
            event = merge.new_event(mention, entry, finding, profile, when)
            event_id = events_store.open_event(store, event, mention)
            events_store.add_mention(store, event_id, mention)
            events_store.add_bands(store, event_id, tuple(bands))
            return EventChange(event_id=event_id, created=True, mention_added=False)
        candidate, event_profile = best
        events_store.add_mention(store, candidate.id, mention)
        events_store.add_bands(store, candidate.id, tuple(bands))
        changes, update_id = _join(store, candidate.id, mention, profile, event_profile,
                                   max_updates)  # fmt: skip
        return EventChange(
            event_id=candidate.id,
            created=False,
            mention_added=True,
            fields_changed=tuple(change["field"] for change in changes),
            update_id=update_id,
        )


def without_person_vendor(entry: Entry, finding: Finding) -> Finding:
    """An authority's report whose vendor is a person named by office ("Sen. Ana
    Quill", "la jueza Varga") names no company acted on: it is keyed as naming none."""
    vendor = finding.vendor
    if finding.actor_type in AUTHORITIES and vendor and named_by_office(entry.text, vendor):
        return replace(finding, vendor=None)
    return finding


def _join(
    store: Store, event_id: int, mention: NewMention, new: Profile, event: Profile,
    max_updates: int,
) -> tuple[list[dict[str, Any]], int | None]:  # fmt: skip
    """Vote the (already inserted) mention into the event, record the update while under
    ``max_updates``, and write back only the values that changed."""
    old = events_store.stored_event(store, event_id)
    tally = _tally(event_id, old["votes"])
    if tally is None:  # an event from before tallies: count its mentions once
        ballots = events_store.stored_ballots(store, event_id)
        tally, count = merge.rebuilt_tally(ballots), len(ballots)
        new_outlet = True
    else:
        new_outlet = not votes.has_outlet(tally, mention.source)
        merge.vote_into(tally, mention)
        count = int(old["mention_count"]) + 1
    values, changes = merge.joined(old, tally, count, mention, new, event)
    updates = old["update_count"]
    if updates is None:  # an event from before update counts
        updates = events_store.count_updates(store, event_id)
    update_id = None
    # a follow-up only for a new outlet or new facts: the same outlet again says nothing new
    if updates < max_updates and (new_outlet or changes or merge.brings_news(old, mention)):
        updates += 1
        update = UpdateRecord(
            event_id=event_id, seq=updates, kind="field" if changes else "mention",
            entry_id=mention.entry_id,
            detail=merge.update_detail(mention, changes, new_outlet=new_outlet),
            stamp=mention.stamp,
        )  # fmt: skip
        update_id = events_store.add_update(store, update)
    values["update_count"] = updates
    events_store.save_event(store, event_id, merge.changed_columns(old, values))
    _keep_tally(event_id, values["votes"], tally)
    return changes, update_id


# The last tallies written, decoded (event id → (its JSON, the tally)): an event that
# gains mention after mention in one cycle is not decoded from its stored JSON each
# time. An entry is used only while the stored JSON is exactly the one it was written
# as (a rolled-back write, another database, another process: decoded again), and is
# taken out while a join works on it.
_TALLIES: dict[int, tuple[str, votes.Tally]] = {}
_TALLIES_KEPT = 64


def _tally(event_id: int, stored: str) -> votes.Tally | None:
    """``votes.loads(stored)``, from the kept tallies when they hold exactly it."""
    kept = _TALLIES.pop(event_id, None)
    if kept is not None and kept[0] == stored:
        return kept[1]
    return votes.loads(stored)


def _keep_tally(event_id: int, text: str, tally: votes.Tally) -> None:
    _TALLIES[event_id] = (text, tally)
    while len(_TALLIES) > _TALLIES_KEPT:
        del _TALLIES[next(iter(_TALLIES))]


def cluster_items(items: Sequence[tuple[Entry, Finding | None]]) -> list[str | None]:
    """Run the real store clustering over ``items`` in order; each item's event key.

    Uses a throwaway SQLite file, so evaluation measures exactly what the bot does.
    """
    keys: list[str | None] = []
    with tempfile.TemporaryDirectory(prefix="policybot-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.db")
        try:
            for entry, finding in items:
                with store.transaction():
                    new = entries_store.record_entries(store, [entry])
                    if finding is None or not new:
                        keys.append(None)
                        continue
                    entry_id = new[0][0]
                    change = record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
                    entries_store.record_finding(store, entry_id, finding, change.event_id)
                event = event_reads.get_event(store, change.event_id)
                keys.append(event.key if event else None)
        finally:
            store.close()
    return keys


def timeline(store: Store, vendor: str) -> Timeline:
    """The vendor's policy events oldest → newest (plus government, regulator and court
    actions about it) and its current status per product."""
    events = event_reads.vendor_events(store, vendor, also_actor_types=CONTEXT_ACTORS)
    return vendor_timeline(vendor, events)


def history(store: Store, vendor: str) -> list[Event]:
    """The vendor's timeline events (oldest first) under every name it goes by in the
    store (see ``bot.events.vendor_names.history_names``), each told under ``vendor``:
    what ``bot.extract.history`` reads a finding against."""
    others = history_names(
        vendor, event_reads.vendor_keys(store), event_reads.product_makers(store, vendor)
    )
    events = list(timeline(store, vendor).events)
    for other in others:
        events += [replace(e, vendor=vendor) for e in timeline(store, other).events]
    return sorted({e.id: e for e in events}.values(), key=lambda e: (e.first_reported, e.id))
