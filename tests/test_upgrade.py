"""Upgrades: a database at every earlier schema version (migrations 1..N applied, with
representative rows) opens with this policybot, is migrated to the latest version,
keeps its rows and works; ``policybot backup`` copies a live database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from bot.cli.main import main as cli_main
from bot.models import Destination, Filters
from bot.ops import channel
from bot.ops.watch import OpsSettings
from store import Store, event_reads, outbox
from store import feeds as feeds_store
from store import ops as ops_store
from store import subscriptions as subscriptions_store
from store.migrations import MIGRATIONS

STAMP = "2026-01-05T10:00:00+00:00"
VERSIONS = sorted(version for version, _, _ in MIGRATIONS)


def database_at(path: Path, version: int) -> None:
    """Migrations 1..``version`` applied as a release at that version would have, then
    rows every version has: a feed, an entry with its finding, an event with its mention,
    a subscription with a pending alert, a state value."""
    db = sqlite_utils.Database(path)
    db.execute("CREATE TABLE schema_migrations "
               "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")  # fmt: skip
    for number, name, step in sorted(MIGRATIONS):
        if number > version:
            break
        with db.atomic():
            step(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, STAMP))
    rows = [
        "INSERT INTO feeds (id, name, url, config_url, kind, interval, status, last_success_at,"
        " created_at, updated_at) VALUES ('wire', 'Wire', 'https://wire.example/rss',"
        " 'https://wire.example/rss', 'news', 900, 'ok', :t, :t, :t)",
        "INSERT INTO entries (id, feed_id, key, title, summary, first_seen_at)"
        " VALUES (1, 'wire', 'guid:1', 'Examplecorp pauses police sales', 'It paused them.', :t)",
        "INSERT INTO events (id, key, relevant, actor_type, vendor, action, title,"
        " first_reported, last_reported, created_at, updated_at) VALUES (1, 'examplecorp|1', 1,"
        " 'vendor', 'Examplecorp', 'moratorium', 'Examplecorp pauses police sales', :t, :t, :t, :t)",
        "INSERT INTO findings (entry_id, relevant, actor_type, vendor, action, event_id)"
        " VALUES (1, 1, 'vendor', 'Examplecorp', 'moratorium', 1)",
        "INSERT INTO mentions (event_id, entry_id, source, title, created_at)"
        " VALUES (1, 1, 'Wire', 'Examplecorp pauses police sales', :t)",
        "INSERT INTO subscriptions (id, platform, channel, created_at, updated_at)"
        " VALUES (1, 'slack', 'C0OLD', :t, :t)",
        "INSERT INTO deliveries (event_id, subscription_id, kind, next_attempt_at, created_at)"
        " VALUES (1, 1, 'alert', :t, :t)",
        "INSERT INTO state (key, value, updated_at) VALUES ('last_poll_at', :t, :t)",
    ]
    with db.atomic():
        for sql in rows:
            db.execute(sql, {"t": STAMP})
    db.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_earlier_schema_version_upgrades_to_the_latest(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"at-{version}.db"
    database_at(path, version)
    store = Store.open(path)  # migrates on open, as `policybot run` does on start
    try:
        assert store.schema_version() == VERSIONS[-1]
        applied = {int(r["version"]) for r in store.query("SELECT version FROM schema_migrations")}
        assert applied == set(VERSIONS)
        assert store.integrity_check() == ["ok"]
        (feed,) = feeds_store.list_feeds(store)
        assert (feed.id, feed.status) == ("wire", "ok")
        event = event_reads.get_event(store, 1, with_mentions=True)
        assert event is not None and event.vendor == "Examplecorp" and len(event.mentions) == 1
        (old,) = subscriptions_store.list_subscriptions(store)
        assert old.destination == Destination("slack", channel="C0OLD") and not old.ops
        assert outbox.queue_depth(store)["pending"] == 1
        # the new tables work on the upgraded file
        subscriptions_store.add(store, Destination("slack", channel="C0OPS"), Filters(), ops=True)
        now = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)
        assert channel.check(store, OpsSettings(weekly=False), now) == 1
        (notice,) = ops_store.pending(store)  # the alert queued two days ago waits still
        assert notice.message["text"].startswith("The outbox is backing up")
        assert ops_store.metric_rows(store)["backlog"] == 1
    finally:
        store.close()


def test_backup_copies_a_live_database(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    database_at(db, VERSIONS[-1])
    writer = Store.open(db)  # another process may hold it open and write meanwhile
    writer.execute("INSERT INTO state (key, value, updated_at) VALUES ('k', 'v', ?)", [STAMP])
    runner = CliRunner()
    copy = tmp_path / "copy.db"
    result = runner.invoke(cli_main, ["--db", str(db), "backup", str(copy)])
    assert result.exit_code == 0, result.output
    assert f"schema version {VERSIONS[-1]}, integrity ok" in result.output
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT value FROM state WHERE key = 'k'").fetchone() == ("v",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    again = runner.invoke(cli_main, ["--db", str(db), "backup", str(copy)])
    assert again.exit_code != 0 and "--force" in again.output
    assert runner.invoke(cli_main, ["--db", str(db), "backup", "--force", str(copy)]).exit_code == 0
    writer.close()
