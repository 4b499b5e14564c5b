"""Migration 5 on a database written by the code before it."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.old_schema import database_at


def test_migration_five_applies_to_an_older_database_and_keeps_what_it_holds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    database_at(path, 4)

    store = Store.open(path)
    assert 5 in {int(r["version"]) for r in store.query("SELECT version FROM schema_migrations")}
    entry = store.query("SELECT outlet, article_id, duplicate_of FROM entries")[0]
    assert entry == {"outlet": "Wire", "article_id": None, "duplicate_of": None}
    assert store.query("SELECT verified FROM feeds")[0]["verified"] == 1
    assert store.migrate() == []
    store.close()
