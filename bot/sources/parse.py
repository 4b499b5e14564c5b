"""Parsing a fetched body into ``Entry`` values (sync; run it off the event loop).

Well-formed RSS 2.0 goes through ``bot.sources.fastfeed`` (lxml); everything
else, and whatever the fast reader declines, through feedparser, the only
module importing it. Nothing feedparser-shaped leaves this module. It imports
no HTTP client, so parsing worker processes stay small.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.models import Entry, FetchResult
from bot.sources.aggregators import article_url
from bot.sources.document import check_body, one_charset
from bot.sources.entry_fields import (
    ItemFields,
    KnownKeys,
    language_tag,
    plain,
    resolve_link,
    to_entries,
    utc_from_parts,
)
from bot.sources.fastfeed import read_rss
from bot.sources.html_text import clean_text


@dataclass(frozen=True)
class ParsedFeed:
    entries: tuple[Entry, ...]
    title: str | None
    error: str | None


def parse_feed(
    result: FetchResult,
    *,
    feed_id: str,
    source: str,
    fast: bool = True,
    known: KnownKeys | None = None,
) -> ParsedFeed:
    """Entries of an ok FetchResult; other outcomes have nothing to parse.

    Well-formed RSS 2.0 is read by ``fastfeed.read_rss`` (lxml); whatever it does not
    model, and everything when ``fast`` is False, by feedparser. With ``known`` (keys
    → those already stored) only new items are cleaned up and returned."""
    if result.outcome != "ok":
        return ParsedFeed((), None, None)
    # No base URI for feedparser: it would resolve guids against it, and a guid
    # must not change when the feed's URL does. Links are resolved in _link.
    headers = {k: v for k, v in result.headers if k != "content-location"}
    base = result.final_url or ""
    where = f"feed {source!r} ({result.final_url or feed_id})"
    unusable = check_body(result.body)
    if unusable:
        return ParsedFeed((), None, f"{where}: {unusable}. It is retried with backoff; if it "
                          "persists, check the url in feeds.yaml")  # fmt: skip
    doc = read_rss(result.body, headers) if fast else None
    if doc is not None:
        title = plain(doc["title"], doc["title_type"]) or None
        language = language_tag(doc["language"]) or language_tag(headers.get("content-language"))
        read = _read_items(doc["entries"], language, base, known)
        if read is not None:
            items, others, ask = read
            entries = to_entries(items, feed_id=feed_id, source=source, known=ask,
                                 other_articles=others)  # fmt: skip
            return ParsedFeed(entries, title, None)
    return _parse_tolerant(result, headers, feed_id=feed_id, source=source, known=known)


def _parse_tolerant(
    result: FetchResult,
    headers: dict[str, str],
    *,
    feed_id: str,
    source: str,
    known: KnownKeys | None,
) -> ParsedFeed:
    """feedparser: any RSS/Atom/RDF dialect, broken markup, any encoding."""
    base = result.final_url or ""
    where = f"feed {source!r} ({result.final_url or feed_id})"
    # One charset decision for the whole document (the fast reader declines documents
    # whose declared and actual encodings disagree): feedparser then reads UTF-8.
    body, _charset = one_charset(result.body, headers.get("content-type", ""))
    content_type = headers.get("content-type", "application/xml").split(";")[0]
    headers = {**headers, "content-type": f"{content_type}; charset=utf-8"}
    try:
        import feedparser  # only for what the fast reader declines (its import: ~50 ms)

        # A stream, never bytes or str: feedparser opens those as a path or URL.
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as exc:  # noqa: BLE001 - a broken feed must not stop the poll
        return ParsedFeed((), None, f"{where}: the parser failed ({exc}). Check the url in feeds.yaml points at an RSS or Atom feed")  # fmt: skip
    meta = parsed.get("feed", {})
    title = plain(meta.get("title"), (meta.get("title_detail") or {}).get("type")) or None
    language = language_tag(meta.get("language")) or language_tag(headers.get("content-language"))
    read = _read_items(parsed.get("entries", []), language, base, known)
    if read is None:
        return ParsedFeed((), title, _empty_error(parsed, where, len(result.body)))
    items, others, ask = read
    entries = to_entries(items, feed_id=feed_id, source=source, known=ask,
                         other_articles=others)  # fmt: skip
    return ParsedFeed(entries, title, None)


def _read_items(
    entries: Sequence[Any], language: str | None, base: str, known: KnownKeys | None
) -> tuple[list[ItemFields], list[str | None], KnownKeys | None] | None:
    """The items of ``entries`` to make entries of (None: no item holds anything), the
    article addresses of the items set aside as stored, and what ``to_entries`` still
    asks for stored keys (None once they are set aside).

    When every item has a guid of its own, its identity key is ``guid:<guid>`` whatever
    else it holds (``bot.sources.identity``): the items whose keys the store holds
    (``known``, one query) are set aside before their other values are read, and only
    their links are, for the article address each gives (an address two items of one
    fetch share identifies no article: ``to_entries``). A bumped feed's body is mostly
    items the store holds. Otherwise every item is read, and ``to_entries`` asks."""
    guids = [_guid(entry).strip() for entry in entries] if known is not None else []
    if known is not None and all(guids) and len(set(guids)) == len(guids) > 0:
        keys = [f"guid:{guid}" for guid in guids]
        stored = set(known(keys))
        others = [article_url(_link(entry, base))
                  for entry, key in zip(entries, keys, strict=True) if key in stored]  # fmt: skip
        fresh = [entry for entry, key in zip(entries, keys, strict=True) if key not in stored]
        return [_item(entry, language, base) for entry in fresh], others, None
    items = [_item(entry, language, base) for entry in entries]
    items = [item for item in items if not item.empty]
    return (items, [], known) if items else None


def _empty_error(parsed: Any, where: str, size: int) -> str | None:
    fix = "Check the url in feeds.yaml points at the RSS or Atom feed itself, not a web page"
    if parsed.get("bozo"):
        complaint = parsed.get("bozo_exception") or "malformed document"
        return f"{where}: not a usable feed, the parser says: {complaint}. {fix}"
    if not parsed.get("version") and size:
        return f"{where}: the response is not an RSS or Atom feed. {fix}"
    return None  # a valid feed that is empty right now


def _item(entry: Any, feed_language: str | None, base: str) -> ItemFields:
    """Read one parser entry's raw values (the only place that knows its shape)."""

    def text(detail: Any, value: Any) -> str:
        return plain(value, (detail or {}).get("type", "text/html"))

    def kind(detail: Any) -> str:
        return str((detail or {}).get("type", "text/html"))

    summaries = [(entry.get("summary"), kind(entry.get("summary_detail")))]
    summaries += [(c.get("value"), kind(c)) for c in entry.get("content") or []]
    dates = (entry.get(f) for f in ("published_parsed", "updated_parsed", "created_parsed"))
    detail = entry.get("title_detail") or entry.get("summary_detail") or {}
    return ItemFields(
        title=text(entry.get("title_detail"), entry.get("title")),
        summary="",
        raw_summaries=tuple(summaries),
        link=_link(entry, base),
        published=next((d for d in map(utc_from_parts, dates) if d), None),
        language=language_tag(entry.get("language"))
        or language_tag(detail.get("language"))
        or feed_language,
        guid=_guid(entry) or None,
        **_publisher(entry),
    )


def _guid(entry: Any) -> str:
    return clean_text(str(entry.get("id") or ""))


def _link(entry: Any, base: str) -> str | None:
    links = [entry.get("link")]
    links += [x.get("href") for x in entry.get("links") or [] if x.get("rel") == "alternate"]
    return resolve_link(links, base)


def _publisher(entry: Any) -> dict[str, Any]:
    """Who the item says published it: RSS ``<source url>`` (Google News), Bing News's
    ``News:Source``, ``dc:publisher``; and the raw description, where aggregators list
    related coverage."""
    source = entry.get("source") or {}
    name = source.get("title") or entry.get("news_source") or entry.get("publisher") or ""
    return {
        "publisher": plain(name, "text/plain"),
        "publisher_site": source.get("href") or source.get("url"),
        "description_html": str(entry.get("summary") or ""),
    }
