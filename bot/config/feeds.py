"""feeds.yaml's sources: each feed or policy page checked, the generated vendor
searches added, no two sources alike."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from bot.config.defaults import parse_duration
from bot.config.problems import Problems
from bot.errors import ConfigError
from bot.models import FEED_KINDS, FeedConfig, FetchSettings
from bot.sources import vendor_searches
from bot.sources.identity import canonical_link
from bot.sources.netpolicy import NetworkPolicy, literal_address

_SLUG = re.compile(r"[^a-z0-9]+")
_FEED_KEYS = {"id", "name", "url", "kind", "interval", "tags", "enabled", "verified"}
_PAGE_KEYS = {"selector", "vendor"}  # kind: page only
_SEARCH_KEYS = {"interval", "enabled"}
_SECRET_HINT = re.compile(r"(xox[abposr]-|xapp-|token|secret|password)", re.I)
MAX_FEEDS = 5000


def slugify(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "feed"


def declared_feeds(
    items: Any, settings: FetchSettings, where: str, problems: Problems
) -> tuple[FeedConfig, ...]:
    feeds: list[FeedConfig] = []
    with problems.check():
        if not isinstance(items, list) or not items:
            raise ConfigError(
                f"{where}: 'feeds' must be a non-empty list of sources (- name: …, url: …)."
            )
        if len(items) > MAX_FEEDS:
            raise ConfigError(
                f"{where}: {len(items):,} feeds, over the cap of {MAX_FEEDS:,} feeds per "
                "feeds.yaml; keep it to the feeds you really poll."
            )
        seen: dict[str, int] = {}
        for index, item in enumerate(items, start=1):
            with problems.check():
                feed = _feed(item, settings, f"{where}: feeds[{index}]")
                if feed.id in seen:
                    raise ConfigError(
                        f"{where}: feeds[{index}] ({feed.name!r}) has the same id {feed.id!r} "
                        f"as feeds[{seen[feed.id]}]; give one of them a distinct 'name' or 'id'."
                    )
                seen[feed.id] = index
                feeds.append(feed)
    return tuple(feeds)


def _feed(item: Any, settings: FetchSettings, where: str) -> FeedConfig:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: expected a mapping with name, url and kind, got {item!r}.")
    label = f"{where} ({item.get('name')!r})" if item.get("name") else where
    unknown = set(item) - _FEED_KEYS - (_PAGE_KEYS if item.get("kind") == "page" else set())
    if unknown & _PAGE_KEYS:
        raise ConfigError(
            f"{label}: {sorted(unknown & _PAGE_KEYS)} only apply to policy pages; add "
            "'kind: page' to watch this url as a web page, or remove them."
        )
    if unknown:
        raise ConfigError(
            f"{label}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_FEED_KEYS)}."
        )
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{label}: 'name' is missing; add a short human name for this source.")
    url = item.get("url")
    if not isinstance(url, str) or not _is_http_url(url):
        raise ConfigError(
            f"{label}: 'url' must be an http(s) URL of an RSS or Atom feed"
            f"{' (or, with kind: page, of a web page)' if item.get('kind') != 'page' else ''}, "
            f"got {url!r}."
        )
    if _SECRET_HINT.search(urlsplit(url).query):
        raise ConfigError(
            f"{label}: the url looks like it carries a secret; feeds.yaml must hold none."
        )
    _check_literal_host(url, settings, label)
    kind = item.get("kind", "news")
    if kind not in FEED_KINDS:
        raise ConfigError(f"{label}: kind {kind!r} is not one of {', '.join(FEED_KINDS)}.")
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError(f"{label}: 'tags' must be a list of words, e.g. [vendor, amazon].")
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{label}: 'enabled' must be true or false.")
    verified = item.get("verified", True)
    if not isinstance(verified, bool):
        raise ConfigError(
            f"{label}: 'verified' must be true or false (false: the address is unconfirmed)."
        )
    interval = (
        parse_duration(item["interval"], f"{label}: interval")
        if "interval" in item
        else settings.interval
    )
    feed_id = str(item.get("id") or slugify(name))
    selector, vendor = _page_options(item, label) if kind == "page" else ("", "")
    return FeedConfig(id=feed_id, name=name.strip(), url=url.strip(), kind=kind,
                      interval=interval, tags=tuple(tags), enabled=enabled,
                      verified=verified, selector=selector, vendor=vendor)  # fmt: skip


def _page_options(item: dict[str, Any], label: str) -> tuple[str, str]:
    """A policy page's ``selector`` (valid CSS) and ``vendor`` (a name)."""
    selector = item.get("selector") or ""
    if not isinstance(selector, str):
        raise ConfigError(
            f"{label}: 'selector' must be a CSS selector string, e.g. main or '#policy'."
        )
    from bot.sources.page_text import check_selector  # lxml and cssselect: pages only

    problem = check_selector(selector.strip()) if selector.strip() else None
    if problem:
        raise ConfigError(
            f"{label}: selector {selector!r} is not valid CSS ({problem}); write the selector of "
            "the element holding the policy text, e.g. main, article or '#policy'."
        )
    vendor = item.get("vendor") or ""
    if not isinstance(vendor, str):
        raise ConfigError(f"{label}: 'vendor' must be the vendor's name, e.g. Microsoft.")
    return selector.strip(), " ".join(vendor.split())


def search_feeds(raw: Any, where: str) -> tuple[FeedConfig, ...]:
    """The per-vendor news searches, when feeds.yaml asks for them."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or set(raw) - _SEARCH_KEYS:
        raise ConfigError(
            f"{where}: 'vendor_searches' must be a mapping with {sorted(_SEARCH_KEYS)}, "
            "e.g. vendor_searches: {interval: 3h}."
        )
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: vendor_searches.enabled must be true or false.")
    if not enabled:
        return ()
    interval = (
        parse_duration(raw["interval"], f"{where}: vendor_searches.interval")
        if "interval" in raw
        else vendor_searches.DEFAULT_INTERVAL
    )
    try:
        return vendor_searches.generated_feeds(interval)
    except vendor_searches.SearchDataError as exc:
        raise ConfigError(f"{where}: vendor_searches: {exc}.") from exc


def distinct(feeds: tuple[FeedConfig, ...], where: str) -> tuple[FeedConfig, ...]:
    """No two sources with the same id or the same address (up to tracking and case)."""
    ids: dict[str, FeedConfig] = {}
    urls: dict[str, FeedConfig] = {}
    for feed in feeds:
        for what, seen, key in (("id", ids, feed.id), ("address", urls, canonical_link(feed.url))):
            other = seen.setdefault(key, feed)
            if other is feed:
                continue
            fix = ("set own_feed: true for its vendor in bot/data/vendors.yaml, or rename "
                   "the feeds.yaml entry" if feed.origin else "remove one of them")  # fmt: skip
            origin = f" ({feed.origin})" if feed.origin else ""
            raise ConfigError(
                f"{where}: feed {feed.name!r}{origin} has the same {what} as feed "
                f"{other.name!r}: {key}; {fix}."
            )
    return feeds


@lru_cache(maxsize=8)
def _network_policy(allow_hosts: tuple[str, ...]) -> NetworkPolicy:
    return NetworkPolicy(allow_hosts)  # one per allow list, not one per feed


def _check_literal_host(url: str, settings: FetchSettings, label: str) -> None:
    """A URL naming a non-public address outright is refused before any fetch."""
    host = urlsplit(url.strip()).hostname or ""
    policy = _network_policy(settings.allow_hosts)
    address = literal_address(host)
    if address is None and host.rstrip(".").lower() == "localhost":
        address = literal_address("127.0.0.1")
    reason = policy.refusal(host, address) if address is not None else None
    if reason:
        raise ConfigError(
            f"{label}: the url points at {address}, a {reason} address, which feeds may not "
            f"reach. If this feed really is on your network, add {address} (or its CIDR "
            "range) to defaults.allow_hosts in feeds.yaml."
        )


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def feed_from_mapping(item: Mapping[str, Any], settings: FetchSettings, where: str) -> FeedConfig:
    """One feed checked exactly as a feeds.yaml entry is (``feeds add`` and ``import``)."""
    return _feed(dict(item), settings, where)
