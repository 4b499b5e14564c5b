"""Persistence on SQLite via sqlite-utils: migrations and queries."""

from store.db import Store, StoreCorrupt, StoreError, StoreFull, now_iso, parse_iso

__all__ = ["Store", "StoreCorrupt", "StoreError", "StoreFull", "now_iso", "parse_iso"]
