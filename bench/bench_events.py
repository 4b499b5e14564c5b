"""Benchmark: record and match one entry against 10^5 and 10^6 stored entries/events.

Bulk-loads synthetic entries, events, mentions and LSH band rows (one transaction,
executemany), then times the real pipeline path for fresh entries:
``store.entries.record_entries`` + ``bot.clustering.record_finding`` +
``store.entries.record_finding``, in per-feed transactions of 25 entries.
Prints milliseconds per entry (the median of ``--repeat`` rounds of ``MEASURED``
fresh entries each). Target: <= 1 ms per entry at 10^6.

    .venv/bin/python bench/bench_events.py            # 10^5 and 10^6, built from scratch
    .venv/bin/python bench/bench_events.py 100000     # one size
    .venv/bin/python bench/bench_events.py --keep /tmp/policybot-bench 1000000
        # builds /tmp/policybot-bench/bench-1000000.db once (the 10^6 load takes minutes)
        # and measures a fresh copy of it on every later run
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clustering import record_finding
from bot.events import rules, votes
from bot.events.signatures import BANDS, vendor_key
from bot.models import ACTIONS, Entry, Finding
from store import Store, now_iso
from store import entries as entries_store

SPAN_DAYS = 3650  # ten years of history
VENDORS = 2000
MEASURED = 2000
MENTIONS = 4  # mentions per stored event
BATCH = 25  # entries per feed transaction
START = datetime(2015, 1, 1, tzinfo=UTC)
WORDS = [f"w{n}" for n in range(20000)]
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))  # word use


def vendor_name(rng: random.Random) -> str:
    # a few vendors dominate the news, as in reality: the top one has ~2% of events
    return f"Vendor {int(VENDORS * rng.random() ** 2)}"


def text(rng: random.Random, n: int = 30) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=ZIPF, k=n))


def bulk_load(store: Store, size: int, rng: random.Random) -> None:
    """``size`` entries, ``size // MENTIONS`` events (that many mentions each), band rows.

    Rows go in through the real schema, and the entries' full-text index is filled the
    way ``store.entries.record_entries`` fills it (one INSERT … SELECT in the
    transaction), so the indexes end up in the state a long-running bot's would (a
    one-off FTS 'rebuild' would load faster but leave a segment layout that slows
    every later insert).
    """
    with store.transaction():
        insert_rows(store, size, rng)


def insert_rows(store: Store, size: int, rng: random.Random) -> None:
    stamp = now_iso()
    events = size // MENTIONS
    db = store.db.conn
    db.executemany(
        "INSERT INTO entries (id, feed_id, key, title, summary, published, source,"
        " first_seen_at) VALUES (?,?,?,?,?,?,?,?)",
        (
            (i + 1, f"feed{i % 500}", f"k{i}", text(rng, 8), text(rng, 20),
             now_iso(START + timedelta(days=SPAN_DAYS * (i // MENTIONS) / events)), f"Outlet {i % 500}",
             stamp)
            for i in range(size)
        ),
    )  # fmt: skip
    db.execute(
        "INSERT INTO entries_fts(rowid, title, summary) SELECT id, title, summary FROM entries"
    )
    event_rows = []
    for e in range(events):
        vendor = vendor_name(rng)
        when = now_iso(START + timedelta(days=SPAN_DAYS * e / events))
        terms = rules.pack_terms(rng.sample(WORDS, 40), rng.sample(WORDS, 4))
        action = rng.choice(ACTIONS)
        event_rows.append(
            (e + 1, f"ev{e}", 1, "vendor", vendor, None, action, "police", "US", "title", "",
             when, when, MENTIONS, MENTIONS, stamp, stamp, vendor_key(vendor), terms,
             event_tally(e * MENTIONS + 1, vendor, action, when), 0)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO events (id, key, relevant, actor_type, vendor, product, action,"
        " applies_to, region, title, evidence, first_reported, last_reported, mention_count,"
        " source_count, created_at, updated_at, vendor_key, terms, votes, update_count)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        event_rows,
    )
    db.executemany(
        "INSERT INTO mentions (event_id, entry_id, source, title, published, created_at,"
        " finding, weight) VALUES (?,?,?,?,?,?,?,?)",
        (
            (i // MENTIONS + 1, i + 1, f"Outlet {i % 500}", "title", event_rows[i // MENTIONS][11],
             stamp, "{}", 0.8)
            for i in range(size)
        ),
    )  # fmt: skip
    db.execute(
        "INSERT INTO entries_fts(rowid, title, summary) SELECT id, title, summary FROM entries"
    )
    for band in range(BANDS):  # sorted, so the primary key is appended to
        rows = sorted((band, rng.getrandbits(62), i // MENTIONS + 1) for i in range(size))
        db.executemany("INSERT INTO event_bands (band, hash, event_id) VALUES (?,?,?)", rows)


def event_tally(first_entry: int, vendor: str, action: str, when: str) -> str:
    """The vote tally a bot keeps for an event of ``MENTIONS`` reports (events.votes)."""
    tally = votes.new_tally()
    fields = {"relevant": True, "actor_type": "vendor", "vendor": vendor, "action": action,
              "applies_to": "police", "region": "US", "confidence": 0.8}  # fmt: skip
    for n in range(MENTIONS):
        votes.add_ballot(tally, fields, 0.8, published=when, entry_id=first_entry + n,
                         primary=False, title="title", link=None,
                         source=f"Outlet {(first_entry - 1 + n) % 500}")  # fmt: skip
    return votes.dumps(tally)


def measure(store: Store, rng: random.Random) -> tuple[float, float]:
    """Milliseconds per entry for ``MEASURED`` fresh entries: the whole per-feed path
    (entry insert with full-text indexing, clustering, finding row, commit), and the
    clustering call (``record_finding``: match + record) alone."""
    pairs = []
    run_id = rng.getrandbits(32)
    for i in range(MEASURED):
        # new items are recent news: the last weeks of the history and the days after it
        when = START + timedelta(days=SPAN_DAYS + rng.uniform(-30, 10))
        vendor = vendor_name(rng)
        entry = Entry(feed_id=f"bench{i % 40}", key=f"bench:{run_id}:{i}", title=text(rng, 10),
                      summary=text(rng, 35), link=f"https://example.org/{i}", published=when,
                      source=f"Bench {i % 40}")  # fmt: skip
        finding = Finding(relevant=True, actor_type="vendor", vendor=vendor,
                          action=rng.choice(ACTIONS), applies_to="police", confidence=0.8)  # fmt: skip
        pairs.append((entry, finding))
    clustering = 0.0
    started = time.perf_counter()
    for start in range(0, MEASURED, BATCH):
        with store.transaction():
            new = entries_store.record_entries(store, [e for e, _ in pairs[start : start + BATCH]])
            for (entry_id, entry), (_, finding) in zip(
                new, pairs[start : start + BATCH], strict=True
            ):
                began = time.perf_counter()
                change = record_finding(store, entry_id=entry_id, entry=entry,
                                                     finding=finding)  # fmt: skip
                clustering += time.perf_counter() - began
                entries_store.record_finding(store, entry_id, finding, change.event_id)
    total = time.perf_counter() - started
    return total * 1000 / MEASURED, clustering * 1000 / MEASURED


def build(path: Path, size: int, rng: random.Random) -> float:
    """Bulk-load a database of ``size`` entries at ``path``; seconds taken."""
    store = Store.open(path)
    try:
        loaded = time.perf_counter()
        bulk_load(store, size, rng)
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as a running bot's WAL would be
        return time.perf_counter() - loaded
    finally:
        store.close()


def run(size: int, *, keep: Path | None, repeat: int) -> None:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        path = Path(tmp) / "bench.db"
        kept = keep / f"bench-{size}.db" if keep else None
        if kept and kept.exists():
            load = f"reused {kept}"
            rng.seed(f"{size}:{time.time_ns()}")  # fresh measured items on every run
        else:
            load = f"bulk load {build(kept or path, size, rng):.0f} s"
        if kept:
            shutil.copyfile(kept, path)  # measure a copy: the kept file stays as built
        store = Store.open(path)
        rounds = [measure(store, rng) for _ in range(repeat)]
        events = store.query("SELECT COUNT(*) AS n FROM events")[0]["n"]
        store.close()
    per_entry = statistics.median(r[0] for r in rounds)
    clustering = statistics.median(r[1] for r in rounds)

    def verdict(ms: float) -> str:
        return "within" if ms <= 1.0 else "over"

    def spread(i: int) -> str:
        return ", ".join(f"{r[i]:.3f}" for r in rounds)

    print(f"{size:>9,} entries / {events:,} events stored ({load}): median of {repeat} x "
          f"{MEASURED}: record_finding (match + record) {clustering:.3f} ms/entry "
          f"[{verdict(clustering)} the 1 ms target; rounds {spread(1)}]; whole per-feed path "
          f"incl. entry insert, FTS and commit {per_entry:.3f} ms/entry [{verdict(per_entry)};"
          f" rounds {spread(0)}]", flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, help="build each size's database here once")
    parser.add_argument("--repeat", type=int, default=3, help="measured rounds per size")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        run(size, keep=args.keep, repeat=args.repeat)


if __name__ == "__main__":
    main()
