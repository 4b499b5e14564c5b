"""Versioned schema migrations.

Each migration is ``(version, name, function)``; ``Store.migrate`` applies the
pending ones in order, each in its own transaction, and records them in
``schema_migrations``. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = tuple[int, str, Callable[[sqlite_utils.Database], None]]


def _run(db: sqlite_utils.Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m001_initial(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE feeds (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            url TEXT NOT NULL,
            config_url TEXT NOT NULL,
            kind TEXT NOT NULL,
            interval INTEGER NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'new',
            etag TEXT,
            last_modified TEXT,
            last_fetch_at TEXT,
            last_success_at TEXT,
            last_status INTEGER,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_due_at TEXT,
            redirect_target TEXT,
            redirect_count INTEGER NOT NULL DEFAULT 0,
            baseline_done INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_feeds_next_due ON feeds(enabled, next_due_at);

        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            feed_id TEXT NOT NULL,
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            published TEXT,
            language TEXT,
            source TEXT NOT NULL DEFAULT '',
            first_seen_at TEXT NOT NULL,
            baseline INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, key)
        );
        CREATE INDEX idx_entries_link ON entries(link);
        CREATE INDEX idx_entries_published ON entries(published);

        CREATE TABLE findings (
            entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
            relevant INTEGER NOT NULL,
            actor_type TEXT NOT NULL,
            vendor TEXT,
            product TEXT,
            action TEXT,
            applies_to TEXT,
            region TEXT,
            effective TEXT,
            duration TEXT,
            confidence REAL NOT NULL DEFAULT 0,
            evidence TEXT NOT NULL DEFAULT '',
            evidence_start INTEGER NOT NULL DEFAULT 0,
            evidence_end INTEGER NOT NULL DEFAULT 0,
            event_id INTEGER REFERENCES events(id)
        );
        CREATE INDEX idx_findings_vendor ON findings(vendor);
        CREATE INDEX idx_findings_event ON findings(event_id);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            relevant INTEGER NOT NULL,
            actor_type TEXT NOT NULL,
            vendor TEXT,
            product TEXT,
            action TEXT,
            applies_to TEXT,
            region TEXT,
            effective TEXT,
            duration TEXT,
            title TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            link TEXT,
            confidence REAL NOT NULL DEFAULT 0,
            first_reported TEXT NOT NULL,
            last_reported TEXT NOT NULL,
            mention_count INTEGER NOT NULL DEFAULT 1,
            source_count INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_events_vendor ON events(vendor, first_reported);
        CREATE INDEX idx_events_match ON events(actor_type, vendor, first_reported);
        CREATE INDEX idx_events_created ON events(created_at);

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            entry_id INTEGER NOT NULL UNIQUE REFERENCES entries(id),
            source TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            link TEXT,
            published TEXT,
            is_primary INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_mentions_event ON mentions(event_id);

        CREATE TABLE event_updates (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            entry_id INTEGER REFERENCES entries(id),
            detail TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            UNIQUE (event_id, seq)
        );

        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            workspace TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            webhook_url TEXT NOT NULL DEFAULT '',
            vendors TEXT NOT NULL DEFAULT '[]',
            actions TEXT NOT NULL DEFAULT '[]',
            actor_types TEXT NOT NULL DEFAULT '["vendor"]',
            min_confidence REAL NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'active',
            last_error TEXT,
            origin TEXT NOT NULL DEFAULT 'cli',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (platform, channel, webhook_url)
        );

        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
            kind TEXT NOT NULL,
            update_id INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            message_ref TEXT,
            thread_ref TEXT,
            posted_channel TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE (event_id, subscription_id, kind, update_id)
        );
        CREATE INDEX idx_deliveries_queue ON deliveries(status, next_attempt_at);
        CREATE INDEX idx_deliveries_sub ON deliveries(subscription_id, status);

        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )


def m002_events(db: sqlite_utils.Database) -> None:
    """Event clustering: match keys, LSH band signatures, mention votes, FTS5 search."""
    statements = [
        # normalised vendor (case/punctuation-insensitive; '' = none) and the event's
        # distinctive words, so candidate lookup is one indexed range query
        "ALTER TABLE events ADD COLUMN vendor_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN terms TEXT NOT NULL DEFAULT ''",
        "UPDATE events SET vendor_key = lower(trim(coalesce(vendor, '')))",
        "CREATE INDEX idx_events_vendor_key ON events(vendor_key, first_reported)",
        "CREATE INDEX idx_events_vendor_action ON events(vendor_key, action, first_reported)",
        # each mention's own finding and voting weight (canonical fields are voted)
        "ALTER TABLE mentions ADD COLUMN finding TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE mentions ADD COLUMN weight REAL NOT NULL DEFAULT 0",
        "CREATE INDEX idx_event_updates_event ON event_updates(event_id)",
        # MinHash LSH: a near-duplicate shares at least one (band, hash) with its event
        "CREATE TABLE event_bands (band INTEGER NOT NULL, hash INTEGER NOT NULL,"
        " event_id INTEGER NOT NULL REFERENCES events(id),"
        " PRIMARY KEY (band, hash, event_id)) WITHOUT ROWID",
        # full-text search over entries and events (external content, kept by triggers)
        "CREATE VIRTUAL TABLE entries_fts USING fts5(title, summary, content='entries',"
        " content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN"
        " INSERT INTO entries_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);"
        " END",
        "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN"
        " INSERT INTO entries_fts(entries_fts, rowid, title, summary)"
        " VALUES ('delete', old.id, old.title, old.summary); END",
        "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, summary ON entries BEGIN"
        " INSERT INTO entries_fts(entries_fts, rowid, title, summary)"
        " VALUES ('delete', old.id, old.title, old.summary);"
        " INSERT INTO entries_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);"
        " END",
        "CREATE VIRTUAL TABLE events_fts USING fts5(title, evidence, vendor, product,"
        " content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN"
        " INSERT INTO events_fts(rowid, title, evidence, vendor, product)"
        " VALUES (new.id, new.title, new.evidence, new.vendor, new.product); END",
        "CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, title, evidence, vendor, product)"
        " VALUES ('delete', old.id, old.title, old.evidence, old.vendor, old.product); END",
        "CREATE TRIGGER events_fts_au AFTER UPDATE OF title, evidence, vendor, product ON events"
        " BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, title, evidence, vendor, product)"
        " VALUES ('delete', old.id, old.title, old.evidence, old.vendor, old.product);"
        " INSERT INTO events_fts(rowid, title, evidence, vendor, product)"
        " VALUES (new.id, new.title, new.evidence, new.vendor, new.product); END",
        # index what a v1 database already holds; 'optimize' leaves one merged segment,
        # without which later inserts keep re-merging the rebuilt one (several times slower)
        "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
        "INSERT INTO entries_fts(entries_fts) VALUES ('optimize')",
        "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
        "INSERT INTO events_fts(events_fts) VALUES ('optimize')",
    ]
    for statement in statements:
        db.execute(statement)


def m003_event_tallies(db: sqlite_utils.Database) -> None:
    """Clustering at a million entries: each event keeps its running vote tallies and
    its update count, so recording a mention reads one row instead of all mentions.
    Both start unknown ('' / NULL) on existing events and are filled on first use."""
    db.execute("ALTER TABLE events ADD COLUMN votes TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE events ADD COLUMN update_count INTEGER")
    # every new event wrote these three indexes; nothing reads the first two since
    # lookups moved to vendor_key (migration 2), and only vendorless events need the third
    db.execute("DROP INDEX IF EXISTS idx_events_vendor")
    db.execute("DROP INDEX IF EXISTS idx_events_created")
    db.execute("DROP INDEX IF EXISTS idx_events_match")
    db.execute(
        "CREATE INDEX idx_events_vendorless ON events(actor_type, first_reported)"
        " WHERE vendor IS NULL"
    )


def m004_delivery_leases(db: sqlite_utils.Database) -> None:
    """Hardened delivery: a lease per destination (one delivering process), and each
    destination's outage (the circuit breaker: when to probe it next, since when it
    has been failing), so retries go by time, not by a count per row."""
    _run(
        db,
        """
        CREATE TABLE delivery_leases (
            subscription_id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE destination_outages (
            subscription_id INTEGER PRIMARY KEY,
            since TEXT NOT NULL,
            failures INTEGER NOT NULL DEFAULT 0,
            next_probe_at TEXT NOT NULL,
            last_error TEXT
        )
        """,
    )


def m005_sources(db: sqlite_utils.Database) -> None:
    """Sources: unverified feed addresses, and aggregator items read for what they are.

    ``feeds.verified`` is false for an address that rests on a site's URL pattern only.
    Each entry keeps its publisher (``outlet``; ``source`` stays the feed it came
    through), the publisher's site or article address, the aggregator's article id,
    the canonical publisher URL and an outlet+headline key (the three ways one article
    is recognised across feeds), the outlets of related coverage, and which earlier
    entry it repeats. Mentions keep the feed they came through (``via``)."""
    statements = [
        "ALTER TABLE feeds ADD COLUMN verified INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE entries ADD COLUMN outlet TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE entries ADD COLUMN outlet_url TEXT",
        "ALTER TABLE entries ADD COLUMN article_id TEXT",
        "ALTER TABLE entries ADD COLUMN article_url TEXT",
        "ALTER TABLE entries ADD COLUMN headline_key TEXT",
        "ALTER TABLE entries ADD COLUMN related TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE entries ADD COLUMN duplicate_of INTEGER REFERENCES entries(id)",
        "UPDATE entries SET outlet = source",
        "CREATE INDEX idx_entries_article_id ON entries(article_id) WHERE article_id IS NOT NULL",
        "CREATE INDEX idx_entries_article_url ON entries(article_url)"
        " WHERE article_url IS NOT NULL",
        "CREATE INDEX idx_entries_headline_key ON entries(headline_key)"
        " WHERE headline_key IS NOT NULL",
        "ALTER TABLE mentions ADD COLUMN via TEXT NOT NULL DEFAULT ''",
        "UPDATE mentions SET via = source",
    ]
    for statement in statements:
        db.execute(statement)


def m007_pages(db: sqlite_utils.Database) -> None:
    """Watched policy pages (feeds of kind "page"): each distinct text once, keyed by its
    hash (``page_texts``); each page's versions in order (``page_versions``: a page that
    returns to an earlier text gets a new version pointing at the same text), with the
    sentence changes from the version before and the events they were recorded under;
    and each page's watch state (``pages``: the last fetch's text, waiting for a second
    fetch to confirm it, and how many fetches in a row have differed)."""
    statements = [
        "CREATE TABLE page_texts (hash TEXT PRIMARY KEY, text TEXT NOT NULL,"
        " created_at TEXT NOT NULL)",
        "CREATE TABLE page_versions (id INTEGER PRIMARY KEY,"
        " feed_id TEXT NOT NULL REFERENCES feeds(id), seq INTEGER NOT NULL,"
        " hash TEXT NOT NULL REFERENCES page_texts(hash), url TEXT NOT NULL,"
        " seen_at TEXT NOT NULL, baseline INTEGER NOT NULL DEFAULT 0,"
        " changes TEXT NOT NULL DEFAULT '[]', event_ids TEXT NOT NULL DEFAULT '[]',"
        " note TEXT NOT NULL DEFAULT '',"
        " UNIQUE (feed_id, seq))",
        "CREATE TABLE pages (feed_id TEXT PRIMARY KEY REFERENCES feeds(id),"
        " selector TEXT NOT NULL DEFAULT '', last_hash TEXT, last_text TEXT,"
        " churn INTEGER NOT NULL DEFAULT 0, unstable_note TEXT, unstable_at TEXT,"
        " last_checked_at TEXT, updated_at TEXT NOT NULL)",
    ]
    for statement in statements:
        db.execute(statement)


def m008_readers(db: sqlite_utils.Database) -> None:
    """For the people who read the alerts: feeds added without editing feeds.yaml, and
    digests.

    ``feeds.origin`` says who manages a feed: ``config`` (feeds.yaml, which wins on a
    conflict), ``cli`` or ``chat`` (added with ``feeds add``; kept by ``sync_feeds``);
    ``operator_disabled`` is ``feeds disable`` on any feed. A subscription may get a
    digest (``daily``/``weekly`` at ``digest_at`` in ``digest_tz``) instead of, or besides
    (``alerts``), immediate alerts, for periods ending after ``digest_from``; ``digests``
    records each period once (the dedup fact that keeps a digest from being sent twice)."""
    statements = [
        "ALTER TABLE feeds ADD COLUMN origin TEXT NOT NULL DEFAULT 'config'",
        "ALTER TABLE feeds ADD COLUMN added_by TEXT",
        "ALTER TABLE feeds ADD COLUMN operator_disabled INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE subscriptions ADD COLUMN alerts INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE subscriptions ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE subscriptions ADD COLUMN digest_at TEXT NOT NULL DEFAULT '08:00'",
        "ALTER TABLE subscriptions ADD COLUMN digest_tz TEXT NOT NULL DEFAULT 'UTC'",
        "ALTER TABLE subscriptions ADD COLUMN digest_from TEXT",
        "CREATE TABLE digests ("
        " id INTEGER PRIMARY KEY,"
        " subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,"
        " period_start TEXT NOT NULL, period_end TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'sending', event_count INTEGER NOT NULL DEFAULT 0,"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " message_ref TEXT, last_error TEXT, created_at TEXT NOT NULL, sent_at TEXT,"
        " UNIQUE (subscription_id, period_end))",
    ]
    for statement in statements:
        db.execute(statement)


def m009_ops(db: sqlite_utils.Database) -> None:
    """For the people who run it: the ops channel.

    ``subscriptions.ops`` marks a destination that receives operational messages (feed
    health, delivery problems, a weekly summary) instead of alerts. ``ops_facts`` holds
    the last announced state of each watched subject (``feed:ID``, ``destination:ID``,
    ``outbox``): a message goes out when the state changes, never per tick.
    ``ops_notices`` holds each message once (``key`` is the dedup fact) and
    ``ops_deliveries`` its delivery to each ops destination."""
    statements = [
        "ALTER TABLE subscriptions ADD COLUMN ops INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE ops_facts (subject TEXT PRIMARY KEY, state TEXT NOT NULL,"
        " since TEXT NOT NULL, announced_at TEXT, detail TEXT NOT NULL DEFAULT '')",
        "CREATE TABLE ops_notices (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
        " subject TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL,"
        " created_at TEXT NOT NULL)",
        "CREATE TABLE ops_deliveries (id INTEGER PRIMARY KEY,"
        " notice_id INTEGER NOT NULL REFERENCES ops_notices(id) ON DELETE CASCADE,"
        " subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,"
        " status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,"
        " last_error TEXT, created_at TEXT NOT NULL, sent_at TEXT,"
        " UNIQUE (notice_id, subscription_id))",
        "CREATE INDEX idx_ops_deliveries_status ON ops_deliveries(status)",
    ]
    for statement in statements:
        db.execute(statement)


def m010_entries_fts_per_transaction(db: sqlite_utils.Database) -> None:
    """Entries are full-text indexed once per transaction (``store.entries.record_entries``
    adds the transaction's new rows in one statement just before it commits) instead of
    by a row trigger: the index writes its pending terms at every savepoint, so the
    trigger left one small segment per feed for later inserts to merge. Rows already
    stored are indexed; the delete and update triggers stay."""
    db.execute("DROP TRIGGER IF EXISTS entries_fts_ai")


# Later migrations append here. Reserved: 2 = events/clustering (signatures, FTS),
# 3 = event vote tallies (clustering speed), 5 = sources (verified feeds, outlets),
# 7 = watched policy pages, 8 = readers (added feeds, digests).
MIGRATIONS: list[Migration] = [
    (1, "initial schema", m001_initial),
    (2, "events: signatures and search", m002_events),
    (3, "events: vote tallies and update counts", m003_event_tallies),
    (4, "delivery: leases and destination outages", m004_delivery_leases),
    (5, "sources: unverified feeds, outlets, one article once", m005_sources),
    (7, "pages: versions of watched policy pages", m007_pages),
    (8, "readers: added feeds, digests", m008_readers),
    (9, "ops: the ops channel's facts, notices and deliveries", m009_ops),
    (10, "entries: full-text indexed once per transaction", m010_entries_fts_per_transaction),
]
