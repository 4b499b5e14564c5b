"""Vendor names for commands: the gazetteer (bot/data/vendors.yaml) plus the store.

Resolves what a user typed (any case, or an alias such as "AWS") to the canonical
vendor name that events carry, suggests close names, and feeds autocomplete.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.yaml_loader import SAFE_LOADER

log = logging.getLogger(__name__)
VENDORS_FILE = Path(__file__).resolve().parent / "data" / "vendors.yaml"


@lru_cache(maxsize=4)
def gazetteer(path: Path = VENDORS_FILE) -> dict[str, str]:
    """Alias (case-folded) → canonical vendor name from bot/data/vendors.yaml.

    Read defensively: a missing or malformed file gives {} (and a log line), so
    commands keep working with the vendors the store knows.
    """
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        log.warning("cannot read the vendor list %s (%s); using store vendors only", path, exc)
        return {}
    items: Any = raw.get("vendors") if isinstance(raw, dict) else raw
    if isinstance(items, dict):
        items = [{"name": k, **(v if isinstance(v, dict) else {})} for k, v in items.items()]
    names: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            names.setdefault(item.casefold(), item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        parent = item.get("parent")
        canonical = parent if isinstance(parent, str) and parent else item["name"]
        aliases = item.get("aliases")
        for alias in [item["name"], *(aliases if isinstance(aliases, list) else [])]:
            if isinstance(alias, str) and alias.strip():
                names.setdefault(alias.strip().casefold(), canonical)
    return names


def canonical_vendor(text: str, store_names: Iterable[str] = ()) -> str | None:
    """The canonical name for ``text`` (any case, or a gazetteer alias), or None."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for name in store_names:
        if name.casefold() == wanted:
            return name
    return gazetteer().get(wanted)


def _all_vendors(store_names: Iterable[str]) -> list[str]:
    return sorted(set(gazetteer().values()) | {n for n in store_names if n}, key=str.casefold)


def close_vendors(text: str, store_names: Iterable[str] = (), n: int = 3) -> list[str]:
    names = _all_vendors(store_names)
    by_fold = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(text.casefold(), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[c] for c in close]


def known_vendors(store_names: Iterable[str], *, prefix: str = "", limit: int = 25) -> list[str]:
    """Vendor names starting with ``prefix`` first, then those containing it."""
    fold = prefix.strip().casefold()
    names = _all_vendors(store_names)
    starts = [n for n in names if n.casefold().startswith(fold)]
    contains = [n for n in names if fold and fold in n.casefold() and n not in starts]
    return (starts + contains)[: max(limit, 0)]


@lru_cache(maxsize=4)
def domain_vendors(path: Path = VENDORS_FILE) -> dict[str, str]:
    """Domain (lower case) → canonical vendor name, from the gazetteer's ``domains``."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError):
        return {}
    items = raw.get("vendors") if isinstance(raw, dict) else None
    domains: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        parent = item.get("parent")
        canonical = parent if isinstance(parent, str) and parent else item["name"]
        for domain in item.get("domains") or []:
            if isinstance(domain, str) and domain.strip():
                domains.setdefault(domain.strip().lower().rstrip("."), canonical)
    return domains


def page_vendor(url: str, name: str = "") -> str | None:
    """Whose page ``url`` is: the vendor owning its domain (or a parent domain), else a
    vendor named in the page's ``name`` (longest name first), else None."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    by_domain = domain_vendors()
    for start in range(len(labels) - 1):
        vendor = by_domain.get(".".join(labels[start:]))
        if vendor:
            return vendor
    words = f" {' '.join(name.split())} ".casefold()
    for alias, vendor in sorted(gazetteer().items(), key=lambda kv: -len(kv[0])):
        if f" {alias} " in words or f" {alias}'s " in words or f" {alias}:" in words:
            return vendor
    return None
