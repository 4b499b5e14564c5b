"""Items whose guid keys the store holds are set aside before the rest of them is read
(``bot.sources.parse._read_items``): the entries a fetch gives are exactly those of a
full reading less the stored ones, an article address a stored item shares with a new
one still identifies no article, and a fetch whose guids are missing or repeated is
read in full as before. Invented feeds (a ferry line, a bakery, a choir)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pytest

from bot.models import Entry, FetchResult
from bot.sources.parse import parse_feed


def _rss(*items: tuple[str | None, str, str]) -> bytes:
    """RSS 2.0 with items of (guid or None, link, title)."""
    body = "".join(
        "<item>"
        + (f'<guid isPermaLink="false">{guid}</guid>' if guid is not None else "")
        + f"<link>{link}</link><title>{title}</title>"
        f"<description>{title}: the &lt;b&gt;details&lt;/b&gt; follow.</description>"
        "<pubDate>Mon, 07 Dec 2026 08:00:00 +0000</pubDate></item>"
        for guid, link, title in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harbour news</title><link>https://harbour.example/</link>{body}"
        "</channel></rss>"
    ).encode()


def _atom(*items: tuple[str, str, str]) -> bytes:
    """Atom (read by feedparser, not the fast reader) with entries of (id, link, title)."""
    body = "".join(
        f'<entry><id>{guid}</id><link href="{link}"/><title>{title}</title>'
        f"<updated>2026-12-07T08:00:00Z</updated><summary>{title} today.</summary></entry>"
        for guid, link, title in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Choir notes</title><id>urn:choir</id><updated>2026-12-07T08:00:00Z</updated>"
        f"{body}</feed>"
    ).encode()


def _parse(body: bytes, known: Collection[str] | None) -> tuple[Entry, ...]:
    asked: list[Sequence[str]] = []

    def lookup(keys: Sequence[str]) -> set[str]:
        asked.append(list(keys))
        return {key for key in keys if key in (known or ())}

    result = FetchResult(feed_id="ferry", outcome="ok", status_code=200, body=body,
                         final_url="https://harbour.example/feed.xml")  # fmt: skip
    entries = parse_feed(result, feed_id="ferry", source="Harbour news",
                         known=lookup if known is not None else None).entries  # fmt: skip
    assert len(asked) <= 1  # one query, whichever way the fetch is read
    return entries


def _check(body: bytes, stored: set[str]) -> tuple[Entry, ...]:
    everything = _parse(body, None)
    assert stored <= {entry.key for entry in everything}
    entries = _parse(body, stored)
    assert entries == tuple(entry for entry in everything if entry.key not in stored)
    return entries


FERRIES = (
    ("ferry-1", "https://harbour.example/news/winter-timetable", "Winter timetable for the ferry"),
    ("ferry-2", "https://harbour.example/news/new-pier", "A new pier opens at the north quay"),
    ("ferry-3", "https://harbour.example/news/fares", "Fares stay the same next year"),
    ("ferry-4", "https://harbour.example/news/storm", "Crossings cancelled in the storm"),
)


@pytest.mark.parametrize("stored", [set(), {"guid:ferry-2"}, {"guid:ferry-1", "guid:ferry-4"},
                                    {f"guid:ferry-{n}" for n in range(1, 5)}])  # fmt: skip
def test_the_new_items_are_those_of_a_full_reading_less_the_stored(stored: set[str]) -> None:
    entries = _check(_rss(*FERRIES), stored)
    assert len(entries) == 4 - len(stored)


def test_an_article_address_a_stored_item_shares_identifies_no_article() -> None:
    shared = "https://harbour.example/news/all-in-one-page"
    body = _rss(("bake-1", shared, "Rye loaves return on Fridays"),
                ("bake-2", shared, "The bakery closes for a week in January"),
                ("bake-3", "https://harbour.example/news/bakery-hours", "Longer opening hours"))  # fmt: skip
    entries = _check(body, {"guid:bake-1"})
    by_key = {entry.key: entry for entry in entries}
    assert by_key["guid:bake-2"].article_url is None  # shared with the stored bake-1
    assert by_key["guid:bake-3"].article_url is not None


@pytest.mark.parametrize(
    "items",
    [
        (
            ("same", "https://harbour.example/a", "Nets mended"),
            ("same", "https://harbour.example/b", "Buoys painted"),
            ("other", "https://harbour.example/c", "Gulls counted"),
        ),
        (
            (None, "https://harbour.example/a", "Nets mended"),
            ("two", "https://harbour.example/b", "Buoys painted"),
        ),
        (
            (" ", "https://harbour.example/a", "Nets mended"),
            ("two", "https://harbour.example/b", "Buoys painted"),
        ),
    ],
    ids=["a repeated guid", "a missing guid", "a blank guid"],
)
def test_a_fetch_without_a_guid_for_each_item_is_read_in_full(
    items: tuple[tuple[str | None, str, str], ...],
) -> None:
    body = _rss(*items)
    keys = [entry.key for entry in _parse(body, None)]
    assert not all(key.startswith("guid:") for key in keys) or len(set(keys)) < len(items)
    _check(body, {keys[-1]})


def test_a_feed_feedparser_reads_is_set_aside_the_same_way() -> None:
    body = _atom(("urn:choir:1", "https://choir.example/spring-concert", "Spring concert dates"),
                 ("urn:choir:2", "https://choir.example/new-tenor", "A new tenor joins"))  # fmt: skip
    entries = _check(body, {"guid:urn:choir:1"})
    assert [entry.key for entry in entries] == ["guid:urn:choir:2"]
