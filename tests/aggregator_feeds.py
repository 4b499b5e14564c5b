"""Feeds in the shapes news aggregators really serve, for tests on 127.0.0.1.

Google News search RSS: ``Headline - Outlet`` titles, an opaque
``news.google.com/rss/articles/<id>?oc=5`` link with the id as a non-permalink
guid, an HTML description repeating the headline and outlet (an ``<ol>`` of
related coverage for a story cluster) and ``<source url="site">Outlet</source>``.
Bing News RSS: a ``News:`` namespace bound to a search URL, ``apiclick.aspx``
links carrying the publisher URL in ``url=``, ``News:Source``. A publisher's own
feed: its article links, its name as the channel title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

# Noon UTC of yesterday: recent enough to count as news, and every story a few hours
# older still falls on the same UTC day, whatever the hour the tests run (a story
# dated the day before another would read as a change of effective date).
NOW = (datetime.now(UTC) - timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Story:
    headline: str
    outlet: str
    site: str  # the outlet's home page, e.g. https://www.reuters.com
    path: str  # the article's path on that site
    article_id: str  # the aggregator's id (Google News encodes the article URL)
    summary: str = ""
    hours_ago: float = 1.0

    @property
    def url(self) -> str:
        return self.site.rstrip("/") + self.path

    @property
    def date(self) -> str:
        return format_datetime(NOW - timedelta(hours=self.hours_ago), usegmt=True)


def _google_link(story: Story) -> str:
    return f"https://news.google.com/rss/articles/{story.article_id}?oc=5"


def _google_line(story: Story) -> str:
    return (f'<a href="{_google_link(story)}" target="_blank">{escape(story.headline)}</a>'
            f'&nbsp;&nbsp;<font color="#6f6f6f">{escape(story.outlet)}</font>')  # fmt: skip


def google_item(story: Story, *, related: tuple[Story, ...] = (), source: bool = True) -> str:
    if related:
        lines = "".join(f"<li>{_google_line(s)}</li>" for s in (story, *related))
        full = '<li><strong><a href="https://news.google.com/stories/CAAqNggKIjBDQklTSGpvSmMzUnZjbms?oc=5" target="_blank">View Full coverage on Google News</a></strong></li>'
        description = f"<ol>{lines}{full}</ol>"
    else:
        description = _google_line(story)
    element = f'<source url="{story.site}">{escape(story.outlet)}</source>' if source else ""
    return (
        f"<item><title>{escape(story.headline)} - {escape(story.outlet)}</title>"
        f"<link>{_google_link(story)}</link>"
        f'<guid isPermaLink="false">{story.article_id}</guid>'
        f"<pubDate>{story.date}</pubDate>"
        f"<description>{escape(description)}</description>{element}</item>"
    )


def google_news(query: str, *items: str, language: str = "en-US") -> str:
    country, lang = language.split("-")[-1], language.split("-")[0]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        "<generator>NFE/5.0</generator>"
        f"<title>{escape(query)} - Google News</title>"
        f"<link>https://news.google.com/search?q={quote(query)}&amp;hl={language}&amp;gl={country}"
        f"&amp;ceid={country}:{lang}</link>"
        f"<language>{language}</language><webMaster>news-webmaster@google.com</webMaster>"
        "<copyright>Copyright 2026 Google. All rights reserved.</copyright>"
        f"<lastBuildDate>{format_datetime(NOW, usegmt=True)}</lastBuildDate>"
        f"<description>Google News</description>{''.join(items)}</channel></rss>"
    )


def bing_item(story: Story) -> str:
    link = ("http://www.bing.com/news/apiclick.aspx?ref=FexRss&amp;aid=&amp;tid=67A1B2C3D4"
            f"&amp;url={_lower_escapes(quote(story.url, safe=''))}&amp;c=5531218742216930213"
            "&amp;mkt=en-us")  # fmt: skip
    return (
        f"<item><title>{escape(story.headline)}</title><link>{link}</link>"
        f"<description>{escape(story.summary or story.headline)}</description>"
        f"<pubDate>{story.date}</pubDate><News:Source>{escape(story.outlet)}</News:Source>"
        "<News:Image>http://www.bing.com/th?id=OVFT.abc&amp;pid=News</News:Image>"
        "<News:ImageSize>Small</News:ImageSize></item>"
    )


def _lower_escapes(text: str) -> str:
    """Bing writes percent-escapes in lower case (``https%3a%2f%2f…``)."""
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), text)


def bing_news(query: str, *items: str) -> str:
    search = f"https://www.bing.com:443/news/search?q={quote(query)}&amp;format=rss"
    return (
        '<?xml version="1.0" encoding="utf-8" ?>'
        f'<rss version="2.0" xmlns:News="{search}"><channel>'
        f"<title>{escape(query)} - BingNews</title><link>{search}</link>"
        "<description>Search results</description>"
        f"<image><url>http://www.bing.com/s/a/bing_p.ico</url><title>{escape(query)}</title>"
        f"<link>{search}</link></image>"
        "<copyright>Copyright 2026 Microsoft. All rights reserved.</copyright>"
        f"{''.join(items)}</channel></rss>"
    )


def publisher_feed(name: str, site: str, *stories: Story) -> str:
    items = "".join(
        f"<item><title>{escape(s.headline)}</title><link>{s.url}</link>"
        f'<guid isPermaLink="true">{s.url}</guid><pubDate>{s.date}</pubDate>'
        f"<description>{escape(s.summary or s.headline)}</description></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(name)}</title><link>{site}</link><description>{escape(name)}</description>"
        f"{items}</channel></rss>"
    )
