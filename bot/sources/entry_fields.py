"""Normalising one feed item's raw values into an ``Entry`` (pure, stdlib only).

``bot.sources.parse`` reads the raw values out of the parser's structures; this module
turns them into plain text, a safe resolved link, an aware UTC date and a
language tag, and assigns identity keys over one fetch's items.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urljoin, urlsplit

from bot.models import Entry
from bot.sources.aggregators import Attribution, RawItem, attribute, headline_key
from bot.sources.html_text import clean_text, html_to_text
from bot.sources.identity import RawIdentity, assign_keys

MAX_SUMMARY = 8000  # characters of plain text kept per entry
TITLE_FROM_SUMMARY = 120
_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")


@dataclass(frozen=True)
class ItemFields:
    """One item's normalised values, before identity keys are assigned.

    The summary may come as ``raw_summaries`` (value, content type) pairs: they are
    reduced to text only for items that turn out to be new (``summary_text``)."""

    title: str
    summary: str
    link: str | None
    published: datetime | None
    language: str | None
    guid: str | None
    raw_summaries: tuple[tuple[object, str | None], ...] = ()
    publisher: str = ""  # the publisher the item names (<source>, News:Source, dc:publisher)
    publisher_site: str | None = None  # <source url="…">
    description_html: str = ""  # the raw description (aggregators list coverage in it)

    def summary_text(self) -> str:
        if not self.raw_summaries:
            return self.summary
        return longest(plain(value, kind) for value, kind in self.raw_summaries)

    @property
    def empty(self) -> bool:
        return not (self.title or self.link or self.guid or self.summary_text())


def plain(value: object, content_type: str | None = "text/html") -> str:
    """Plain text of a title/summary value; HTML unless declared text/plain."""
    if not value:
        return ""
    return clean_text(str(value)) if content_type == "text/plain" else html_to_text(str(value))


def longest(texts: Iterable[str], cap: int = MAX_SUMMARY) -> str:
    """The longest text (feeds often pair a teaser with the full article), capped."""
    text = max(texts, key=len, default="")
    if len(text) > cap:
        text = text[:cap].rsplit(" ", 1)[0] + "…"
    return text


def resolve_link(candidates: Iterable[object], base: str) -> str | None:
    """The first candidate that resolves (against ``base``) to an http(s) URL with a host."""
    for candidate in candidates:
        text = str(candidate or "").strip()
        if not text:
            continue
        try:
            url = urljoin(base, text)
            parts = urlsplit(url)
        except ValueError:
            continue
        if parts.scheme in ("http", "https") and parts.hostname:
            return url
    return None


def utc_from_parts(parts: Sequence[int] | None) -> datetime | None:
    """An aware UTC datetime from a UTC ``time.struct_time``-like sequence."""
    if not parts:
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in parts[:6])
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def language_tag(value: object) -> str | None:
    """``en-US`` / ``en_us`` / ``en, fr`` → ``en-us``; anything else → None."""
    if not value:
        return None
    text = str(value).split(",")[0].strip().lower().replace("_", "-")
    return text if _LANG.match(text) else None


def display_title(item: ItemFields, summary: str) -> str:
    if item.title:
        return item.title
    if len(summary) > TITLE_FROM_SUMMARY:
        return summary[:TITLE_FROM_SUMMARY].rsplit(" ", 1)[0] + "…"
    return summary or item.link or item.guid or "(untitled)"


KnownKeys = Callable[[Sequence[str]], Collection[str]]


def to_entries(
    items: Sequence[ItemFields],
    *,
    feed_id: str,
    source: str,
    known: KnownKeys | None = None,
    other_articles: Iterable[str | None] = (),
) -> tuple[Entry, ...]:
    """Entries for one fetch's items, read for their publisher, keyed by the identity rules.

    Keys come first; ``known(keys)`` names those already stored, and only the other
    items have their summaries reduced to text and become entries. ``other_articles``:
    the article addresses of the fetch's items set aside before (stored ones)."""
    read = [_attributed(item) for item in items]
    texts: dict[int, str] = {}

    def summary_of(index: int) -> str:
        if index not in texts:
            item, found = read[index]
            texts[index] = "" if found.description_repeats else item.summary_text()
        return texts[index]

    identities = [RawIdentity(i.guid, i.link, i.title, i.published, partial(summary_of, n))
                  for n, (i, _) in enumerate(read)]  # fmt: skip
    keys = assign_keys(identities)
    skip = set(known(keys)) if known is not None else set()
    # an address shared by different items of one fetch (a feed linking every item to
    # one page) does not identify an article
    shared = Counter(a.article_url for _, a in read if a.article_url)
    shared.update(url for url in other_articles if url)
    return tuple(
        _entry(
            i,
            a,
            key=key,
            summary=summary_of(n),
            feed_id=feed_id,
            source=source,
            shared=shared[a.article_url] > 1 if a.article_url else False,
        )  # fmt: skip
        for n, (key, (i, a)) in enumerate(zip(keys, read, strict=True))
        if key not in skip
    )


def _entry(
    i: ItemFields, a: Attribution, *, key: str, summary: str, feed_id: str, source: str,
    shared: bool,
) -> Entry:  # fmt: skip
    title = display_title(i, summary)
    return Entry(
        feed_id=feed_id,
        key=key,
        title=title,
        summary=summary,
        link=i.link,
        published=i.published,
        language=i.language,
        guid=i.guid,
        source=source,
        outlet=a.outlet,
        outlet_url=a.outlet_url,
        article_id=a.article_id,
        article_url=None if shared else a.article_url,
        related=a.related,
        headline_key=headline_key(
            a.outlet_url or a.article_url or i.link, a.outlet or source, title
        ),  # fmt: skip
    )


def _attributed(item: ItemFields) -> tuple[ItemFields, Attribution]:
    """The item with its publisher's title and link, and what identifies its article."""
    found = attribute(RawItem(item.title, item.link, item.guid, item.description_html,
                              item.publisher, item.publisher_site))  # fmt: skip
    if found.title == item.title and found.link == item.link:  # most items: nothing to change
        return item, found
    return replace(item, title=found.title, link=found.link), found
