"""Persistence on SQLite via sqlite-utils: migrations and queries."""

from store.db import Store, StoreError, now_iso, parse_iso

__all__ = ["Store", "StoreError", "now_iso", "parse_iso"]
