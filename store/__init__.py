"""Persistence on SQLite via sqlite-utils: migrations and queries.

The names below come from ``store.db`` when first used, so a module that needs only
``store.reader`` (a parsing worker process) never loads sqlite-utils.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.db import Store, StoreCorrupt, StoreError, StoreFull, now_iso, parse_iso

__all__ = ["Store", "StoreCorrupt", "StoreError", "StoreFull", "now_iso", "parse_iso"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from store import db

        return getattr(db, name)
    raise AttributeError(f"module 'store' has no attribute {name!r}")
