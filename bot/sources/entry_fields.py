"""Normalising one feed item's raw values into an ``Entry`` (pure, stdlib only).

``bot.sources.parse`` reads the raw values out of the parser's structures; this module
turns them into plain text, a safe resolved link, an aware UTC date and a
language tag, and assigns identity keys over one fetch's items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urljoin, urlsplit

from bot.models import Entry
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
    items: Sequence[ItemFields], *, feed_id: str, source: str, known: KnownKeys | None = None
) -> tuple[Entry, ...]:
    """Entries for one fetch's items, keyed by the identity rules.

    Keys come first; ``known(keys)`` names those already stored, and only the other
    items have their summaries reduced to text and become entries."""
    texts: dict[int, str] = {}

    def summary_of(index: int) -> str:
        if index not in texts:
            texts[index] = items[index].summary_text()
        return texts[index]

    identities = [RawIdentity(i.guid, i.link, i.title, i.published, partial(summary_of, n))
                  for n, i in enumerate(items)]  # fmt: skip
    keys = assign_keys(identities)
    skip = set(known(keys)) if known is not None else set()
    return tuple(
        Entry(
            feed_id=feed_id,
            key=key,
            title=display_title(i, summary_of(n)),
            summary=summary_of(n),
            link=i.link,
            published=i.published,
            language=i.language,
            guid=i.guid,
            source=source,
        )  # fmt: skip
        for n, (key, i) in enumerate(zip(keys, items, strict=True))
        if key not in skip
    )
