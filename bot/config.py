"""Configuration: feeds.yaml plus the environment, loaded once at the edge.

``load_config`` validates everything before anything touches the store; every
error names the file, the entry and the fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.chat import registry
from bot.delivery.platform import DestinationError
from bot.env import apply_overrides
from bot.env import setting_variables as env_names
from bot.errors import ConfigError as ConfigError
from bot.models import ACTIONS, ACTOR_TYPES, FEED_KINDS, FeedConfig, FetchSettings
from bot.models import DeclaredSubscription as DeclaredSubscription
from bot.models import Filters as Filters
from bot.ops.settings import KEYS as OPS_KEYS
from bot.ops.settings import load_ops_settings
from bot.ops.watch import OpsSettings
from bot.sources import vendor_searches
from bot.sources.identity import canonical_link
from bot.sources.netpolicy import NetworkPolicy, literal_address, split_allow_list
from bot.yaml_loader import SAFE_LOADER


@dataclass(frozen=True)
class Config:
    path: Path
    feeds: tuple[FeedConfig, ...]
    settings: FetchSettings = field(default_factory=FetchSettings)
    subscriptions: tuple[DeclaredSubscription, ...] = ()
    max_updates_per_event: int = 5
    delivery_retry_for: int = 48 * 3600  # seconds of a destination's outage before giving up
    chat: Mapping[str, Any] = field(default_factory=dict)  # platform name -> its settings
    ops: OpsSettings = field(default_factory=OpsSettings)  # the ops channel's thresholds

    def platform_settings(self, name: str) -> Any:
        """A chat platform's settings (its defaults when feeds.yaml has no section)."""
        if name in self.chat:
            return self.chat[name]
        platform = next(p for p in registry.platforms() if p.name == name)
        return platform.load_settings(None, {}, str(self.path))


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$")
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_SLUG = re.compile(r"[^a-z0-9]+")
_DEFAULT_KEYS = {
    "interval", "connect_timeout", "total_timeout", "max_bytes", "max_redirects",
    "concurrency", "per_host", "max_backoff", "max_alert_age_days", "user_agent",
    "max_updates_per_event", "allow_hosts", "delivery_retry_for",
}  # fmt: skip
_FEED_KEYS = {"id", "name", "url", "kind", "interval", "tags", "enabled", "verified"}
_PAGE_KEYS = {"selector", "vendor"}  # kind: page only
_BASE_KEYS = {"defaults", "feeds", "subscriptions", "vendor_searches", "ops"}  # + platform sections
_SEARCH_KEYS = {"interval", "enabled"}
_SECRET_HINT = re.compile(r"(xox[abposr]-|xapp-|token|secret|password)", re.I)


def setting_variables() -> dict[str, str]:
    """Every POLICYBOT_* variable and what it sets (docs/configuration.md lists them)."""
    return env_names(sorted(_DEFAULT_KEYS), OPS_KEYS)


def slugify(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "feed"


def parse_duration(value: Any, where: str) -> int:
    """``900``, ``"15m"``, ``"1h"``, ``"1d"`` → seconds."""
    if isinstance(value, bool):
        raise ConfigError(f"{where}: expected a duration like 900, 15m, 1h or 1d, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ConfigError(
                f"{where}: {value!r} is not a duration. Write seconds (900) or 15m, 1h, 1d."
            )
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 60:
        raise ConfigError(
            f"{where}: {value!r} is shorter than a minute; poll at most once a minute."
        )
    return int(seconds)


class _Problems:
    """Collects every section's errors so that one run reports them all at once."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except ConfigError as exc:
            self.messages.append(str(exc))

    def raise_all(self) -> None:
        if len(self.messages) == 1:
            raise ConfigError(self.messages[0])
        if self.messages:
            listed = "\n".join(f"  - {m}" for m in self.messages)
            raise ConfigError(f"{len(self.messages)} problems, fix them all:\n{listed}")


def load_config(path: str | Path, env: Mapping[str, str] | None = None) -> Config:
    """Read and validate ``path``; chat credentials come from ``env`` (default os.environ).
    Every section is checked and every problem reported in one error."""
    path = Path(path)
    env = os.environ if env is None else env
    raw = _read_yaml(path)
    where = str(path)
    problems = _Problems()
    top_keys = _BASE_KEYS | {p.section for p in registry.platforms()}
    unknown = set(raw) - top_keys
    if unknown:
        problems.messages.append(
            f"{where}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(top_keys)}."
        )
    defaults = raw.get("defaults") or {}
    settings, max_updates, retry_for = FetchSettings(), 5, Config.delivery_retry_for
    ops = OpsSettings()
    with problems.check():
        if not isinstance(defaults, dict):
            raise ConfigError(f"{where}: 'defaults' must be a mapping of setting: value.")
        defaults, from_env = apply_overrides(defaults, "POLICYBOT_", sorted(_DEFAULT_KEYS), env)
        with _naming(from_env):
            settings, max_updates = _settings(defaults, where)
            retry_for = _retry_for(defaults, where)
    with problems.check():
        section = raw.get("ops") or {}
        if isinstance(section, dict):
            section, from_env = apply_overrides(section, "POLICYBOT_OPS_", OPS_KEYS, env)
        with _naming(from_env):
            ops = load_ops_settings(section, where)
    feeds = _feeds(raw.get("feeds"), settings, where, problems)
    with problems.check():
        feeds = _distinct(feeds + _vendor_searches(raw.get("vendor_searches"), where), where)
    subs: tuple[DeclaredSubscription, ...] = ()
    with problems.check():
        subs = _subscriptions(raw.get("subscriptions") or [], env, where)
    chat: dict[str, Any] = {}
    for platform in registry.platforms():
        with problems.check():
            chat[platform.name] = platform.load_settings(raw.get(platform.section), env, where)
    problems.raise_all()
    return Config(
        path=path,
        feeds=feeds,
        settings=settings,
        subscriptions=subs,
        max_updates_per_event=max_updates,
        delivery_retry_for=retry_for,
        chat=chat,
        ops=ops,
    )


@contextmanager
def _naming(from_env: Mapping[str, str]) -> Iterator[None]:
    """An error in a setting that came from a POLICYBOT_* variable names the variable."""
    try:
        yield
    except ConfigError as exc:
        if not from_env:
            raise
        names = ", ".join(sorted(from_env.values()))
        raise ConfigError(f"{exc} (settings taken from the environment: {names})") from exc


MAX_CONFIG_BYTES = 2 * 1024 * 1024  # feeds.yaml larger than this is refused unread
MAX_FEEDS = 5000


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"{path}: the file is {size:,} bytes, over the cap of {MAX_CONFIG_BYTES:,} bytes "
                "for feeds.yaml; it is refused unread. Keep it to the feeds you poll."
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: file not found. Run from the folder holding feeds.yaml, "
            "or pass --feeds PATH (or set POLICYBOT_FEEDS)."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc}); save it as UTF-8 text.") from exc
    try:
        raw = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise ConfigError(
            f"{path}{at}: invalid YAML ({problem}). Fix the indentation or quoting there."
        ) from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping with a 'feeds:' list at the top level.")
    return raw


def _settings(defaults: dict[str, Any], where: str) -> tuple[FetchSettings, int]:
    unknown = set(defaults) - _DEFAULT_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: defaults: unknown setting(s) {sorted(unknown)}; allowed: {sorted(_DEFAULT_KEYS)}."
        )
    base = FetchSettings()
    values: dict[str, Any] = {}
    if "interval" in defaults:
        values["interval"] = parse_duration(defaults["interval"], f"{where}: defaults.interval")
    if "max_backoff" in defaults:
        values["max_backoff"] = parse_duration(
            defaults["max_backoff"], f"{where}: defaults.max_backoff"
        )
    for key in ("connect_timeout", "total_timeout"):
        if key in defaults:
            values[key] = _number(defaults[key], f"{where}: defaults.{key}", low=0.1, high=300)
    for key, low, high in (("max_bytes", 1024, 1 << 30), ("max_redirects", 0, 20),
                           ("concurrency", 1, 256), ("per_host", 1, 64)):  # fmt: skip
        if key in defaults:
            values[key] = int(
                _number(defaults[key], f"{where}: defaults.{key}", low=low, high=high)
            )
    if "max_alert_age_days" in defaults:
        age = defaults["max_alert_age_days"]
        values["max_alert_age_days"] = (
            None
            if age is None
            else int(_number(age, f"{where}: defaults.max_alert_age_days", 0, 36500))
        )
    if "allow_hosts" in defaults:
        values["allow_hosts"] = _allow_hosts(
            defaults["allow_hosts"], f"{where}: defaults.allow_hosts"
        )
    if "user_agent" in defaults:
        values["user_agent"] = str(defaults["user_agent"])
    cap = int(_number(defaults.get("max_updates_per_event", 5),
                      f"{where}: defaults.max_updates_per_event", low=0, high=1000))  # fmt: skip
    return FetchSettings(**{**base.__dict__, **values}), cap


def _retry_for(defaults: dict[str, Any], where: str) -> int:
    """How long a destination's outage may last before its deliveries are given up."""
    if "delivery_retry_for" not in defaults:
        return Config.delivery_retry_for
    seconds = parse_duration(
        defaults["delivery_retry_for"], f"{where}: defaults.delivery_retry_for"
    )
    if seconds < 24 * 3600:
        raise ConfigError(f"{where}: defaults.delivery_retry_for is {seconds // 3600} h; keep "
                          "alerts through at least 24 h of outage (write 24h or more).")  # fmt: skip
    return seconds


def _allow_hosts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of host names, addresses or CIDR ranges "
                          "(e.g. [intranet.example, 10.0.0.0/8]).")  # fmt: skip
    try:
        split_allow_list(value)
    except ValueError as exc:
        raise ConfigError(
            f"{where}: {exc}; write a host name, an address or a CIDR range."
        ) from None
    return tuple(v.strip() for v in value)


def _number(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: expected a number between {low} and {high}, got {value!r}.")
    if not low <= value <= high:
        raise ConfigError(
            f"{where}: {value} is out of range; use a number between {low} and {high}."
        )
    return float(value)


def _feeds(
    items: Any, settings: FetchSettings, where: str, problems: _Problems
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


def _vendor_searches(raw: Any, where: str) -> tuple[FeedConfig, ...]:
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


def _distinct(feeds: tuple[FeedConfig, ...], where: str) -> tuple[FeedConfig, ...]:
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


def _subscriptions(
    items: Any, env: Mapping[str, str], where: str
) -> tuple[DeclaredSubscription, ...]:
    if not isinstance(items, list):
        raise ConfigError(f"{where}: 'subscriptions' must be a list of - destination: … entries.")
    result = []
    for index, item in enumerate(items, start=1):
        label = f"{where}: subscriptions[{index}]"
        if not isinstance(item, dict) or "destination" not in item:
            raise ConfigError(
                f"{label}: each subscription needs 'destination: slack:CHANNEL_ID' (or discord:…)."
            )
        text = str(item["destination"])
        literal_webhook = "webhook:" in text and "${" not in text
        if literal_webhook:
            raise ConfigError(
                f"{label}: a webhook URL is a secret and must not be in feeds.yaml; write "
                "'destination: slack-webhook:${SLACK_WEBHOOK_URL}' and set that variable."
            )
        text = _expand(text, env, label)
        try:
            dest = registry.parse_destination(text)
        except DestinationError as exc:
            raise ConfigError(f"{label}: {exc}") from exc
        result.append(DeclaredSubscription(dest, _filters(item, label)))
    return tuple(result)


_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _expand(text: str, env: Mapping[str, str], label: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not env.get(name):
            raise ConfigError(f"{label}: environment variable {name} is not set; set it or .env.")
        return env[name]

    return _VAR.sub(value, text)


def _filters(item: dict[str, Any], label: str) -> Filters:
    def words(key: str, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ConfigError(f"{label}: '{key}' must be a list.")
        for word in value:
            if allowed is not None and word not in allowed:
                raise ConfigError(
                    f"{label}: {key} value {word!r} is not one of {', '.join(allowed)}."
                )
        return tuple(str(v) for v in value)

    actor_types = words("actor_types", ACTOR_TYPES) or ("vendor",)
    return Filters(
        vendors=words("vendors", None),
        actions=words("actions", ACTIONS),
        actor_types=actor_types,
        min_confidence=_number(item.get("min_confidence", 0.0), f"{label}: min_confidence", 0, 1),
    )


def feed_from_mapping(item: Mapping[str, Any], settings: FetchSettings, where: str) -> FeedConfig:
    """One feed checked exactly as a feeds.yaml entry is (``feeds add`` and ``import``)."""
    return _feed(dict(item), settings, where)
