"""Item identity: a stable key per feed entry (dedup level 1).

Rules, in order of preference:

1. ``guid:<guid>`` when the entry has a guid;
2. ``link:<canonical link>`` otherwise;
3. ``hash:<sha1 of normalised title + date>`` as the last resort.

Within ONE fetch a key type that is empty or shared by different items is
demoted for those items, so two distinct items never collapse into one key
(feeds that give every item the same guid, or reuse links, exist). Items that
share a key and are really the same item (same link, title and date: a feed
that lists an item twice) keep it.

Pure stdlib: no third-party imports.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

# Query parameters that only track the click, never select the content.
_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "ttclid",
        "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "ref_url", "referrer", "cmpid",
        "ocid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "_ga",
        "_gl", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id", "rb_clickid",
        "s_cid", "wt.mc_id", "icid", "cmp", "ito", "smid", "sr_share", "spm", "amp",
        "taid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "ncid",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "at_")
_AMP_VALUED = frozenset({"outputtype", "output", "format"})  # dropped when the value is "amp"
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RawIdentity:
    """The identity-bearing fields of one parsed item.

    ``summary`` only breaks ties between items whose title and date are equal
    and that have no usable guid or link.
    """

    guid: str | None
    link: str | None
    title: str
    published: datetime | None
    summary: str | Callable[[], str] = ""  # a callable is asked only when needed

    def summary_text(self) -> str:
        return self.summary() if callable(self.summary) else self.summary


# --------------------------------------------------------------------- canonical links


# An item's link is asked for by its key, its article and its headline, within one
# feed's items (the keys of a feed's items are computed first, then its new items
# cleaned up): a few hundred recent links answer those. 4,096 held some 0.8 MB for
# the whole cycle in a parsing worker (the links, their normalised forms and the
# cache's nodes), and a feed's links are never asked for again in a later feed.
@lru_cache(maxsize=512)
def canonical_link(url: str) -> str:
    """A normalised form of ``url`` for identity (not for display).

    Lower-cases scheme and host, folds http into https, drops ``www.``/``m.``/
    ``mobile.``/``amp.`` host prefixes, default ports, AMP path variants,
    tracking parameters and the fragment, sorts the remaining query parameters
    and removes a trailing slash. Anything that is not an absolute http(s)
    URL comes back stripped but otherwise unchanged.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = _fold_host(parts.hostname.lower().rstrip("."))
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = _fold_path(parts.path)
    query = _clean_query(parts.query)
    return urlunsplit(("https", host, path, query, ""))


def _fold_host(host: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            rest = host.removeprefix(prefix)
            if rest != host and "." in rest:
                host, changed = rest, True
    return host


_SLASHES = re.compile(r"/{2,}")
_AMP_DIR = re.compile(r"/amp/?$")
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)?$")


def _fold_path(path: str) -> str:
    path = path or "/"
    if "//" in path:
        path = _SLASHES.sub("/", path)
    if "amp" in path:  # (most paths: none of the three AMP forms, no regex run)
        if path.startswith("/amp/"):
            path = path[4:]
        path = _AMP_SUFFIX.sub(r"\1", _AMP_DIR.sub("/", path))
    if len(path) > 1:
        path = path.rstrip("/")
    return path or "/"


def _clean_query(query: str) -> str:
    if not query:
        return ""
    kept = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        lower = key.lower()
        if lower in _TRACKING_EXACT or lower.startswith(_TRACKING_PREFIXES):
            continue
        if lower in _AMP_VALUED and value.lower() == "amp":
            continue
        kept.append((key, value))
    kept.sort()
    return "&".join(
        f"{quote(k, safe='')}={quote(v, safe='')}" if v else quote(k, safe="") for k, v in kept
    )


# --------------------------------------------------------------------- keys


def normalise_title(title: str) -> str:
    """Case-folded, accent-preserving, whitespace-collapsed title for hashing."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", title)).strip().casefold()


def _date_text(published: datetime | None) -> str:
    if published is None:
        return ""
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.astimezone(UTC).isoformat(timespec="seconds")


def _hash(*parts: str) -> str:
    return sha1_hex("\x1f".join(parts).encode("utf-8"))


def sha1_hex(data: bytes) -> str:
    """SHA-1 of ``data`` in hex (identity keys, headline keys)."""
    return str(_SHA1(data).hexdigest())


def _sha1_constructor() -> Any:
    """CPython's own SHA-1 (``_sha1``): ``hashlib`` would load OpenSSL's libcrypto,
    some 3.6 MB of a parsing worker's memory, for this one digest. The same digest
    from ``hashlib`` on an interpreter without it."""
    try:
        return importlib.import_module("_sha1").sha1
    except ImportError:
        return importlib.import_module("hashlib").sha1


_SHA1 = _sha1_constructor()


def _same_item(item: RawIdentity) -> tuple[str, str, str, str]:
    """What must agree for two items sharing a key to be one item listed twice."""
    link = canonical_link(item.link) if item.link and item.link.strip() else ""
    title, summary = normalise_title(item.title), normalise_title(item.summary_text())
    return (link, title, _date_text(item.published), summary)


def assign_keys(items: Sequence[RawIdentity]) -> list[str]:
    """One key per item, in order; distinct items in one fetch get distinct keys."""
    keys: list[str | None] = [None] * len(items)
    levels: list[Callable[[RawIdentity], str | None]] = [
        lambda i: f"guid:{i.guid.strip()}" if i.guid and i.guid.strip() else None,
        lambda i: f"link:{canonical_link(i.link)}" if i.link and i.link.strip() else None,
        lambda i: f"hash:{_hash(normalise_title(i.title), _date_text(i.published))}",
    ]
    for level in levels:
        _assign_level(items, keys, level)
    # Last resort for items identical in guid, link, title and date: the summary decides.
    for index, key in enumerate(keys):
        if key is None:
            item = items[index]
            title = normalise_title(item.title)
            digest = _hash(title, _date_text(item.published), normalise_title(item.summary_text()))
            keys[index] = f"hash:{digest}"
    return [key or "" for key in keys]


def _assign_level(
    items: Sequence[RawIdentity],
    keys: list[str | None],
    candidate: Callable[[RawIdentity], str | None],
) -> None:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        if keys[index] is None:
            key = candidate(item)
            if key is not None:
                groups[key].append(index)
    for key, members in groups.items():
        # one member always agrees with itself: its summary need not be read
        if len(members) == 1 or len({_same_item(items[m]) for m in members}) == 1:
            for m in members:
                keys[m] = key
