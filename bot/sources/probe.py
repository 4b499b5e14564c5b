"""Trying a feed address once before it is added (``feeds add``): fetch it through the
project's fetcher (network policy included), parse it, and say what it holds.

A web page instead of a feed is searched for the feeds it advertises
(``<link rel="alternate" type="application/rss+xml" href=…>``), so the user can be
offered those addresses instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

from bot.extract import extract
from bot.models import FeedState, FetchSettings
from bot.sources.fetch import Fetcher
from bot.sources.parse import parse_feed

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rdf+xml")  # fmt: skip


@dataclass(frozen=True)
class Probe:
    """What one fetch of a candidate feed address found."""

    url: str
    final_url: str | None = None
    title: str | None = None
    items: int = 0
    newest: datetime | None = None
    policy_items: int = 0  # items extraction recognises as FR policy news
    alternates: tuple[str, ...] = ()  # feeds a web page advertises
    error: str | None = None  # the fetch or parse problem, naming the fix

    @property
    def is_feed(self) -> bool:
        return self.error is None and not self.alternates


async def probe(url: str, settings: FetchSettings, *, fetcher: Fetcher | None = None) -> Probe:
    """Fetch ``url`` once (no validators) and describe it; never raises for a bad address."""
    state = FeedState(id="probe", name=url, url=url, config_url=url, kind="news",
                      interval=settings.interval, enabled=True, status="new")  # fmt: skip
    if fetcher is None:
        async with Fetcher(settings) as own:
            result = await own.fetch(state)
    else:
        result = await fetcher.fetch(state)
    if result.outcome != "ok":
        problem = without_prefix(url, result.error or f"HTTP {result.status_code}")
        return Probe(url, result.final_url, error=f"{url}: {problem}")
    final = result.final_url or url
    content_type = dict(result.headers).get("content-type", "").lower()
    html = "html" in content_type or result.body.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    )
    if html:
        found = advertised_feeds(result.body.decode("utf-8", "replace"), final)
        if found:
            return Probe(url, final, alternates=found)
    parsed = parse_feed(result, feed_id="probe", source=url)
    if parsed.error or not (parsed.entries or parsed.title):
        reason = "a web page" if html else "no RSS or Atom items in it"
        return Probe(url, final, error=_not_a_feed(url, reason))
    dates = [e.published for e in parsed.entries if e.published is not None]
    policy = sum(1 for entry in parsed.entries if (f := extract(entry)) and f.actor_type != "none")
    return Probe(url, final, title=parsed.title, items=len(parsed.entries),
                 newest=max(dates) if dates else None, policy_items=policy)  # fmt: skip


def _not_a_feed(url: str, reason: str) -> str:
    return (
        f"{url} is not an RSS or Atom feed ({reason}, advertising no feed). Find the feed "
        "link on the site (often /feed, /rss or an RSS icon) and add that address"
    )


def without_prefix(name: str, error: str) -> str:
    """A fetch error without its ``feed 'NAME' (URL): `` prefix."""
    prefix = f"feed {name!r} ("
    if error.startswith(prefix):
        end = error.find("): ", len(prefix))
        if end != -1:
            return error[end + 3 :]
    return error


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
            self.found.append(values["href"].strip())


def advertised_feeds(html: str, base: str) -> tuple[str, ...]:
    """Absolute http(s) addresses of the feeds a page declares, in page order, once each."""
    parser = _FeedLinks()
    parser.feed(html[:2_000_000])
    result: list[str] = []
    for href in parser.found:
        absolute = urljoin(base, href)
        if absolute.startswith(("http://", "https://")) and absolute not in result:
            result.append(absolute)
    return tuple(result[:10])


def describe(found: Probe) -> str:
    """One sentence on what the probe found (for the CLI and chat)."""
    newest = f", newest {found.newest:%Y-%m-%d}" if found.newest else ", items undated"
    if found.items == 0:
        newest = ""
    relevance = (
        f"{found.policy_items} of {found.items} items look like FR policy news"
        if found.policy_items
        else "none of its current items looks like FR policy news"
    )
    title = f"“{found.title}”" if found.title else "(untitled feed)"
    return f"{title}: {found.items} items{newest}; {relevance}."
