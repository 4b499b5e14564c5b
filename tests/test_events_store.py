"""store.events: clustering findings into events on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.delivery.routes import route
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store, event_reads
from store import entries as entries_store
from store import subscriptions as subscriptions_store

START = datetime(2021, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "events.db")
    yield opened
    opened.close()


def item(
    title: str,
    *,
    source: str = "Example News",
    day: float = 0,
    summary: str = "",
    vendor: str | None = "Acme Vision",
    product: str | None = "FaceFinder",
    action: str | None = "moratorium",
    actor: str = "vendor",
    relevant: bool = True,
    effective: date | None = None,
    duration: str | None = None,
    confidence: float = 0.8,
    applies_to: str | None = "police",
) -> tuple[Entry, Finding]:
    entry = Entry(
        feed_id=source.lower().replace(" ", "-"),
        key=f"guid:{source}:{title}",
        title=title,
        summary=summary,
        link=f"https://{source.lower().replace(' ', '')}.example/{abs(hash(title))}",
        published=START + timedelta(days=day),
        source=source,
    )
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=product,
                      action=action, applies_to=applies_to, effective=effective,
                      duration=duration, confidence=confidence, evidence=title)  # fmt: skip
    return entry, finding


def record(
    store: Store, pair: tuple[Entry, Finding], *, primary: bool = False, max_updates: int = 5
) -> EventChange:
    entry, finding = pair
    with store.transaction():
        new = entries_store.record_entries(store, [entry])
        entry_id = new[0][0] if new else _entry_id(store, entry)
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry,
                                             finding=finding, primary=primary,
                                             max_updates=max_updates)  # fmt: skip
        entries_store.record_finding(store, entry_id, finding, change.event_id)
    return change


def _entry_id(store: Store, entry: Entry) -> int:
    rows = store.query("SELECT id FROM entries WHERE feed_id = ? AND key = ?",
                       [entry.feed_id, entry.key])  # fmt: skip
    return int(rows[0]["id"])


THREE_OUTLETS = [
    item("Acme Vision halts FaceFinder sales to police for a year", source="Daily Wire Service",
         summary="The company cited bias concerns raised by an audit in Dayton, Ohio."),
    item("Ohio police lose access as Acme pauses its face matching tool", source="Tech Weekly",
         day=4, summary="Dayton officers relied on FaceFinder for two years."),
    item("Two weeks on, Acme's FaceFinder pause leaves departments searching", day=13,
         source="Civic Monitor", summary="Agencies in Ohio look for alternatives."),
]  # fmt: skip


def test_three_outlets_over_two_weeks_make_one_event_with_three_mentions(store: Store) -> None:
    changes = [record(store, pair) for pair in THREE_OUTLETS]
    assert [(c.created, c.mention_added) for c in changes] == [
        (True, False), (False, True), (False, True)
    ]  # fmt: skip
    assert len({c.event_id for c in changes}) == 1
    assert changes[0].update_id is None and all(c.update_id for c in changes[1:])
    event = event_reads.get_event(store, changes[0].event_id, with_mentions=True)
    assert event is not None
    assert event.mention_count == 3 and event.source_count == 3
    assert event.first_reported == START  # the event date is the earliest report
    assert [m.source for m in event.mentions] == [
        "Daily Wire Service",
        "Tech Weekly",
        "Civic Monitor",
    ]
    assert event.vendor == "Acme Vision" and event.action == "moratorium"


def test_the_event_alerts_once_and_follow_ups_become_thread_updates(store: Store) -> None:
    subscriptions_store.add(store, Destination(platform="console"), Filters())
    for pair in THREE_OUTLETS:
        change = record(store, pair)
        with store.transaction():
            route(store, change, alertable=True)
    rows = store.query("SELECT kind, COUNT(*) AS n FROM deliveries GROUP BY kind ORDER BY kind")
    assert {r["kind"]: r["n"] for r in rows} == {"alert": 1, "update": 2}


def test_a_moratorium_and_its_extension_a_year_later_are_two_events(store: Store) -> None:
    first = record(store, item("Acme Vision pauses FaceFinder for police for one year"))
    later = record(store, item("Acme Vision extends its FaceFinder police pause indefinitely",
                               day=340, action="extension", duration="indefinite"))  # fmt: skip
    assert first.created and later.created and first.event_id != later.event_id


def test_two_vendors_on_the_same_day_are_two_events(store: Store) -> None:
    one = record(store, item("Acme Vision stops selling face recognition to police"))
    two = record(store, item("Bolt Biometrics stops selling face recognition to police",
                             vendor="Bolt Biometrics", product=None))  # fmt: skip
    assert one.event_id != two.event_id and two.created


def test_one_vendor_two_products_in_one_month_are_two_events(store: Store) -> None:
    one = record(store, item("Acme Vision pauses FaceFinder for police"))
    two = record(store, item("Acme Vision retires emotion analysis in CrowdSense", day=9,
                             product="CrowdSense", action="restriction", applies_to="everyone"))  # fmt: skip
    assert one.event_id != two.event_id and two.created


def test_a_shutdown_and_a_later_reversal_are_two_events(store: Store) -> None:
    off = record(store, item("Acme Vision switches off FaceFinder", action="shutdown"))
    back = record(store, item("Acme Vision switches FaceFinder back on", day=50, action="reversal"))
    assert off.event_id != back.event_id and back.created


def test_updates_are_capped_per_event(store: Store) -> None:
    first = record(store, item("Acme Vision pauses FaceFinder for police", source="Outlet 0"))
    updates = [
        record(store, item(f"Report {n}: Acme pauses FaceFinder", source=f"Outlet {n}", day=n),
               max_updates=2)
        for n in range(1, 5)
    ]  # fmt: skip
    assert {c.event_id for c in updates} == {first.event_id}
    assert all(c.mention_added for c in updates)
    assert [c.update_id is not None for c in updates] == [True, True, False, False]
    rows = store.query("SELECT seq FROM event_updates WHERE event_id = ? ORDER BY seq",
                       [first.event_id])  # fmt: skip
    assert [r["seq"] for r in rows] == [1, 2]
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and event.mention_count == 5  # capped updates, not mentions


def test_a_later_mention_that_changes_a_field_is_a_field_update(store: Store) -> None:
    record(store, item("Acme Vision to pause FaceFinder for police", confidence=0.6,
                       effective=date(2021, 4, 1)))  # fmt: skip
    same = record(store, item("Acme Vision pausing FaceFinder", source="Tech Weekly", day=1,
                              confidence=0.6, effective=date(2021, 4, 1)))  # fmt: skip
    assert same.fields_changed == ()
    assert event_reads.get_update(store, same.update_id or 0).kind == "mention"
    moved = record(store, item("Acme newsroom: FaceFinder pause starts April 15", day=2,
                               source="Acme Newsroom", effective=date(2021, 4, 15),
                               confidence=0.9), primary=True)  # fmt: skip
    assert moved.mention_added and moved.fields_changed == ("effective",)
    update = event_reads.get_update(store, moved.update_id or 0)
    assert update.kind == "field" and update.event_id == moved.event_id
    assert update.detail["changes"] == [
        {"field": "effective", "old": "2021-04-01", "new": "2021-04-15"}
    ]
    event = event_reads.get_event(store, moved.event_id, with_mentions=True)
    assert event is not None and event.effective == date(2021, 4, 15)
    assert event.title == "Acme newsroom: FaceFinder pause starts April 15"  # primary leads
    assert [m.primary for m in event.mentions] == [False, False, True]


def test_recording_the_same_entry_twice_changes_nothing(store: Store) -> None:
    pair = THREE_OUTLETS[0]
    first = record(store, pair)
    again = record(store, pair)
    assert again == EventChange(event_id=first.event_id, created=False, mention_added=False)
    event = event_reads.get_event(store, first.event_id)
    assert event is not None and event.mention_count == 1
    assert store.query("SELECT COUNT(*) AS n FROM event_updates")[0]["n"] == 0


def test_record_finding_rolls_back_with_the_callers_transaction(store: Store) -> None:
    entry, finding = THREE_OUTLETS[0]
    with pytest.raises(RuntimeError), store.transaction():
        new = entries_store.record_entries(store, [entry])
        clustering.record_finding(store, entry_id=new[0][0], entry=entry, finding=finding)
        raise RuntimeError("the feed's fetch failed half-way")
    assert store.query("SELECT COUNT(*) AS n FROM events")[0]["n"] == 0
    assert store.query("SELECT COUNT(*) AS n FROM event_bands")[0]["n"] == 0


def gov(title: str, summary: str, *, source: str, day: float) -> tuple[Entry, Finding]:
    return item(title, summary=summary, source=source, day=day, vendor=None, product=None,
                action=None, actor="government", relevant=False, applies_to=None)  # fmt: skip


def test_city_ban_reports_without_a_vendor_cluster_by_their_words(store: Store) -> None:
    a = record(store, gov("Springfield council bans police face scans", source="A", day=0,
                          summary="The vote in Springfield passed 7-2."))  # fmt: skip
    b = record(store, gov("Springfield police may no longer run face scans", source="B", day=2,
                          summary="The Springfield council vote was 7-2."))  # fmt: skip
    c = record(store, gov("Shelbyville adopts a new school bus budget", source="C", day=2,
                          summary="The Shelbyville mayor signed it."))  # fmt: skip
    assert b.event_id == a.event_id and b.mention_added
    assert c.event_id != a.event_id and c.created


def test_recent_events_newest_first_with_vendor_and_actor_filters(store: Store) -> None:
    record(store, item("Acme Vision pauses FaceFinder for police"))
    record(store, item("Bolt Biometrics exits the face business", day=30, vendor="Bolt Biometrics",
                       product=None, action="exit"))  # fmt: skip
    record(store, item("Regulator fines Acme Vision", day=60, actor="regulator", relevant=False,
                       action=None, product=None))  # fmt: skip
    assert [e.vendor for e in event_reads.recent_events(store)] == [
        "Acme Vision", "Bolt Biometrics", "Acme Vision"
    ]  # fmt: skip
    acme = event_reads.recent_events(store, vendor="ACME vision", actor_types=["vendor"])
    assert [e.action for e in acme] == ["moratorium"]
    assert len(event_reads.recent_events(store, limit=1)) == 1
    assert event_reads.vendor_names(store) == ["Acme Vision", "Bolt Biometrics"]


def test_get_update_names_the_missing_id_and_the_database(store: Store) -> None:
    with pytest.raises(LookupError, match=r"event update 99 .*events\.db"):
        event_reads.get_update(store, 99)


def test_migration_two_creates_signature_and_search_tables(store: Store) -> None:
    assert store.schema_version() >= 2
    names = {r["name"] for r in store.query("SELECT name FROM sqlite_master")}
    assert {"event_bands", "entries_fts", "events_fts", "idx_events_vendor_key"} <= names
    plan = store.query(
        "EXPLAIN QUERY PLAN SELECT event_id FROM event_bands WHERE band = 1 AND hash = 2"
    )
    assert any("PRIMARY KEY" in str(row["detail"]) or "INDEX" in str(row["detail"]) for row in plan)


def _event_fields(store: Store, event_id: int) -> dict[str, object]:
    row = store.query("SELECT * FROM events WHERE id = ?", [event_id])[0]
    return {
        k: v
        for k, v in row.items()
        if k not in ("votes", "update_count", "updated_at", "created_at")
    }


FOLLOW_UPS = [
    item("Acme Vision halts FaceFinder sales to police", source="Daily Wire Service",
         summary="Acme cited bias concerns raised in Dayton, Ohio.", confidence=0.6),
    item("Acme pauses FaceFinder for police in Ohio", source="Tech Weekly", day=1,
         action="ban", confidence=0.7, summary="Dayton officers relied on it."),
    item("Acme newsroom: FaceFinder pause for police", source="Acme Newsroom", day=2,
         confidence=0.9, effective=date(2021, 4, 15), summary="Our statement on Dayton."),
    item("Ohio departments react to Acme FaceFinder pause", source="tech weekly", day=3,
         summary="Dayton police look elsewhere.", duration="one year"),
]  # fmt: skip


def test_an_event_from_before_vote_tallies_is_rebuilt_from_its_mentions(
    store: Store, tmp_path: Path
) -> None:
    """A database migrated from schema 2 has events without tallies or update counts:
    the next mention rebuilds them and the event ends as if tallies had always existed."""
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        expected = [record(fresh, pair, primary="newsroom" in pair[0].title,
                           max_updates=3) for pair in FOLLOW_UPS]  # fmt: skip
        got = [record(store, pair, primary="newsroom" in pair[0].title, max_updates=3)
               for pair in FOLLOW_UPS[:2]]  # fmt: skip
        with store.transaction():  # what migration 3 leaves on an existing event
            store.execute("UPDATE events SET votes = '', update_count = NULL")
        got += [record(store, pair, primary="newsroom" in pair[0].title, max_updates=3)
                for pair in FOLLOW_UPS[2:]]  # fmt: skip
        assert len({c.event_id for c in got}) == 1
        assert [(c.fields_changed, c.update_id is not None) for c in got] == [
            (c.fields_changed, c.update_id is not None) for c in expected
        ]
        assert _event_fields(store, got[0].event_id) == _event_fields(fresh, expected[0].event_id)
        event = event_reads.get_event(store, got[0].event_id)
        assert event is not None and event.mention_count == 4 and event.source_count == 3
        assert event.title == "Acme newsroom: FaceFinder pause for police"
        seqs = store.query("SELECT seq FROM event_updates ORDER BY seq")
        assert [r["seq"] for r in seqs] == [1, 2, 3]  # the cap holds across the rebuild
    finally:
        fresh.close()


def _statements(store: Store, pair: tuple[Entry, Finding]) -> tuple[EventChange, list[str]]:
    """The top-level SQL statements one record_finding runs (trigger work excluded)."""
    entry, finding = pair
    seen: list[str] = []
    with store.transaction():
        entry_id = entries_store.record_entries(store, [entry])[0][0]
        store.db.conn.set_trace_callback(seen.append)
        try:
            change = clustering.record_finding(store, entry_id=entry_id, entry=entry,
                                                 finding=finding)  # fmt: skip
        finally:
            store.db.conn.set_trace_callback(None)
    internal = ("--", "SAVEPOINT", "RELEASE", "PRAGMA")  # and FTS5's own reads ('main'.…)
    run = [s.split("VALUES")[0] for s in seen if not s.startswith(internal) and "'main'." not in s]
    # executemany traces each row: count it once
    return change, [s for n, s in enumerate(run) if n == 0 or s != run[n - 1]]


def test_recording_runs_a_handful_of_statements_whatever_the_event_size(store: Store) -> None:
    """Matching is one candidate query; joining reads the event row, not its mentions."""
    opened, first = _statements(store, THREE_OUTLETS[0])
    assert opened.created and len(first) <= 4  # candidates, event, mention, bands
    assert first[0].lstrip().startswith("SELECT 1, event_id")
    for n, pair in enumerate(THREE_OUTLETS[1:] * 3):
        entry, finding = pair
        pair = (replace(entry, key=f"{entry.key}:{n}"), finding)
        joined, run = _statements(store, pair)
        assert joined.event_id == opened.event_id and joined.mention_added
        assert len(run) <= 6  # candidates, event row, mention, bands, update, event update
        assert not any("FROM mentions WHERE event_id" in s for s in run)
        assert not any("COUNT(*)" in s for s in run)


def test_migration_three_adds_tallies_and_keeps_only_the_event_indexes_in_use(
    store: Store,
) -> None:
    assert store.schema_version() >= 3
    columns = {r["name"] for r in store.query("PRAGMA table_info(events)")}
    assert {"votes", "update_count"} <= columns
    indexes = {r["name"] for r in store.query("PRAGMA index_list(events)")}
    assert {"idx_events_vendor_key", "idx_events_vendor_action", "idx_events_vendorless"} <= indexes
    assert not {"idx_events_vendor", "idx_events_created", "idx_events_match"} & indexes
    record(store, gov("Springfield council bans police face scans", source="A", day=0,
                      summary="The vote in Springfield passed 7-2."))  # fmt: skip
    plan = store.query(
        "EXPLAIN QUERY PLAN SELECT id FROM events WHERE actor_type = 'government'"
        " AND vendor IS NULL AND first_reported BETWEEN '2021' AND '2022'"
    )
    assert any("idx_events_vendorless" in str(row["detail"]) for row in plan)
