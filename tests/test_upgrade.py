"""Upgrades: a database at every earlier schema version (migrations 1..N applied, with
representative rows) opens with this policybot, is migrated to the latest version,
keeps its rows and works; ``policybot backup`` copies a live database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
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
from tests.old_schema import STAMP, database_at

VERSIONS = sorted(version for version, _, _ in MIGRATIONS)


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
