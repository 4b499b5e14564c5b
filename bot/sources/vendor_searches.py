"""Per-vendor news searches, generated from the vendor data.

Every vendor in ``bot/data/vendors.yaml`` without ``own_feed: true`` gets one
aggregator search feed per language it lists (``languages``, default ``en``),
built from ``bot/data/news_searches.yaml``: the vendor's names (``search_names``,
default its name) with face-recognition and policy words, so adding a vendor to
the data adds its search. feeds.yaml switches them on with a top-level
``vendor_searches:`` section (``interval``, ``enabled``).

Pure: reads the two data files and returns ``FeedConfig`` values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import yaml

from bot.models import FeedConfig
from bot.yaml_loader import SAFE_LOADER

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
VENDORS_FILE = DATA_DIR / "vendors.yaml"
SEARCHES_FILE = DATA_DIR / "news_searches.yaml"
DEFAULT_INTERVAL = 3 * 3600  # seconds; dozens of searches share one aggregator host
TAG = "vendor-search"
_SLUG = re.compile(r"[^a-z0-9]+")


class SearchDataError(ValueError):
    """The vendor or search data is unusable; the message names the file, the entry and the fix."""


@dataclass(frozen=True)
class VendorNews:
    """What the vendor data says about one vendor's news coverage."""

    name: str
    languages: tuple[str, ...]
    own_feed: bool
    search_names: tuple[str, ...]

    @property
    def slug(self) -> str:
        return slug(self.name)


def slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-")


def vendors(path: Path = VENDORS_FILE) -> tuple[VendorNews, ...]:
    """Every vendor entry of the gazetteer with its news fields (brands included)."""
    items = _load(path).get("vendors")
    if not isinstance(items, list):
        raise SearchDataError(f"{path}: expected a top-level 'vendors:' list")
    return tuple(_vendor(item, index, path) for index, item in enumerate(items, start=1))


def _vendor(item: Any, index: int, path: Path) -> VendorNews:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise SearchDataError(f"{path}: vendor #{index} needs a 'name'")
    name = item["name"]
    languages = _words(item.get("languages", ["en"]), f"{path}: vendor {name!r}: languages")
    names = _words(item.get("search_names", [name]), f"{path}: vendor {name!r}: search_names")
    own = item.get("own_feed", False)
    if not isinstance(own, bool):
        raise SearchDataError(f"{path}: vendor {name!r}: own_feed must be true or false")
    return VendorNews(name, languages or ("en",), own, names or (name,))


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SearchDataError(f"{where}: expected a list of words, e.g. [en, fr]")
    return tuple(v.strip() for v in value)


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as exc:
        raise SearchDataError(f"cannot read {path} ({exc}); reinstall policybot") from exc
    except yaml.YAMLError as exc:
        raise SearchDataError(f"{path} is not valid YAML ({exc}); fix it there") from exc
    if not isinstance(raw, dict):
        raise SearchDataError(f"{path}: expected a mapping at the top level")
    return raw


def _editions(path: Path) -> tuple[str, Mapping[str, Mapping[str, str]]]:
    raw = _load(path)
    url, editions = raw.get("url"), raw.get("editions")
    if not isinstance(url, str) or "{query}" not in url or not isinstance(editions, dict):
        raise SearchDataError(f"{path}: needs 'url' with {{query}} and an 'editions' mapping")
    return url, editions


def search_url(names: Sequence[str], edition: Mapping[str, str], url: str) -> str:
    """The search-RSS address for ``names`` in one edition."""
    quoted = [f'"{n}"' for n in names]
    who = quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})"
    query = " ".join(str(edition["query"]).replace("{names}", who).split())
    return url.format(query=quote_plus(query), hl=quote_plus(str(edition["hl"])),
                      gl=quote_plus(str(edition["gl"])), ceid=quote_plus(str(edition["ceid"]), safe=":"))  # fmt: skip


def generated_feeds(
    interval: int = DEFAULT_INTERVAL,
    *,
    vendors_path: Path = VENDORS_FILE,
    searches_path: Path = SEARCHES_FILE,
) -> tuple[FeedConfig, ...]:
    """One news search per language for every vendor without a feed of its own."""
    url, editions = _editions(searches_path)
    feeds = []
    for vendor in vendors(vendors_path):
        if vendor.own_feed:
            continue
        for language in vendor.languages:
            edition = editions.get(language)
            if not isinstance(edition, dict) or not {"hl", "gl", "ceid", "query"} <= set(edition):
                raise SearchDataError(
                    f"{vendors_path}: vendor {vendor.name!r} lists language {language!r}, which "
                    f"{searches_path} has no complete edition for (hl, gl, ceid, query); use one "
                    f"of {', '.join(sorted(editions))} or add it there"
                )
            feeds.append(FeedConfig(
                id=f"news-search-{vendor.slug}-{language.lower()}",
                name=f"Google News - {vendor.name} ({language})",
                url=search_url(vendor.search_names, edition, url),
                kind="news",
                interval=interval,
                tags=("search", TAG, language, vendor.slug),
                origin=f"generated from {vendors_path.name} (vendor {vendor.name})",
            ))  # fmt: skip
    return tuple(feeds)
