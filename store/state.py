"""Small key/value facts about the running bot (last poll time, …)."""

from __future__ import annotations

from store.db import Store, now_iso


def set_value(store: Store, key: str, value: str) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, value, now_iso()),
        )


def get_value(store: Store, key: str) -> str | None:
    rows = store.query("SELECT value FROM state WHERE key = ?", [key])
    return str(rows[0]["value"]) if rows else None
