"""The bench's feeds: N RSS 2.0 feeds of 50 items of about 2 KB each, served over
HTTP/1.1 (keep-alive, ETag/Last-Modified, 304) from a separate process on 127.0.0.1
(one asyncio loop writing each response in one piece: no thread per connection
contending for the GIL, so the server is not what the bench measures).

Each item has a guid, a link, an RFC 822 date, a creator, categories, a short
description and a ``content:encoded`` article; about one item in ten reports a
facial-recognition policy change, so extraction sees related items too.

    python bench/cycle_feeds.py            # serve; prints "port N" when ready

The parent drives it through ``/_reset?feeds=N`` (all feeds at version 0, bodies
built before it answers) and ``/_bump?feeds=K&items=M`` (the first K feeds get M
new items each, so their ETag changes).
"""

from __future__ import annotations

import asyncio
import random
import sys
import threading
import urllib.parse
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

ITEMS = 50
BASE_DATE = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
VENDORS = ["Amazon", "Microsoft", "IBM", "Clearview AI", "Axon", "NEC", "Idemia", "Meta"]
WORDS = [
    "market",
    "analysts",
    "quarterly",
    "results",
    "growth",
    "cloud",
    "revenue",
    "city",
    "council",
    "budget",
    "transport",
    "schools",
    "weather",
    "forecast",
    "election",
    "campaign",
    "policy",
    "report",
    "research",
    "software",
    "release",
    "update",
    "security",
    "patch",
    "conference",
    "announcement",
    "partnership",
    "investment",
    "startup",
    "funding",
    "regional",
    "office",
    "hiring",
    "customers",
    "service",
    "network",
    "infrastructure",
    "energy",
    "prices",
    "retail",
    "sales",
    "consumer",
    "survey",
    "data",
    "industry",
]
POLICY = [
    "{v} said on Monday it will stop selling facial recognition to police departments "
    "for one year, effective immediately.",
    "{v} extends its moratorium on police use of its face recognition software "
    "until further notice.",
    "{v} will no longer offer facial identification to private companies in Europe.",
]


def item_xml(feed: int, number: int) -> str:
    """Item ``number`` of feed ``feed`` (deterministic, about 2 KB)."""
    rng = random.Random(feed * 1_000_003 + number)
    vendor = VENDORS[rng.randrange(len(VENDORS))]
    related = number % 10 == 3
    words = [rng.choice(WORDS) for _ in range(40)]
    if related:
        title = f"{vendor} changes its face recognition policy ({feed}-{number})"
        lead = POLICY[number % len(POLICY)].format(v=vendor)
    else:
        title = f"{' '.join(words[:6]).capitalize()} ({feed}-{number})"
        lead = f"{' '.join(words[6:20]).capitalize()}."
    paragraphs = []
    for p in range(4):
        body = " ".join(rng.choice(WORDS) for _ in range(36))
        paragraphs.append(
            f'<p>{body.capitalize()}, <a href="/story/{feed}/{number}/{p}">read more</a> '
            f"&amp; <em>notes</em>.</p>"
        )
    when = format_datetime(BASE_DATE + timedelta(hours=number, minutes=feed % 60))
    link = f"https://news{feed % 7}.example/{feed}/{number}.html"
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f'<guid isPermaLink="false">bench-{feed}-{number}</guid>'
        f"<pubDate>{when}</pubDate><dc:creator>Reporter {number % 13}</dc:creator>"
        f"<category>{words[30]}</category><category>{words[31]}</category>"
        f"<category>Technology</category>"
        f"<description>{lead} {' '.join(words[20:30])}</description>"
        f"<content:encoded><![CDATA[<p>{lead}</p>{''.join(paragraphs)}]]></content:encoded>"
        f"</item>\n"
    )


def feed_xml(feed: int, version: int, new_per_bump: int) -> bytes:
    newest = ITEMS - 1 + version * new_per_bump
    items = "".join(item_xml(feed, n) for n in range(newest, newest - ITEMS, -1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>'
        f"<title>Bench feed {feed}</title><link>https://news{feed % 7}.example/</link>"
        f"<description>Generated feed {feed}</description><language>en-us</language>\n"
        f"{items}</channel></rss>\n"
    ).encode()


class Feeds:
    """The served bodies, their versions and ETags (guarded by one lock)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bodies: dict[int, tuple[bytes, str, str]] = {}
        self.versions: dict[int, int] = {}
        self.new_per_bump = 5

    def reset(self, count: int) -> None:
        with self.lock:
            self.bodies.clear()
            self.versions = dict.fromkeys(range(count), 0)
            for feed in range(count):
                self._build(feed)

    def bump(self, count: int, items: int) -> None:
        with self.lock:
            self.new_per_bump = items
            for feed in range(min(count, len(self.versions))):
                self.versions[feed] += 1
                self._build(feed)

    def _build(self, feed: int) -> None:
        version = self.versions[feed]
        body = feed_xml(feed, version, self.new_per_bump)
        modified = format_datetime(BASE_DATE + timedelta(days=version), usegmt=True)
        self.bodies[feed] = (body, f'"f{feed}-v{version}"', modified)

    def get(self, feed: int) -> tuple[bytes, str, str] | None:
        with self.lock:
            return self.bodies.get(feed)


FEEDS = Feeds()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 with keep-alive: one GET after another on the connection."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request, *lines = head.decode("latin-1").split("\r\n")
            headers = {}
            for line in lines:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            code, body, extra = respond(request.split(" ")[1], headers)
            reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[code]
            fields = "".join(f"{k}: {v}\r\n" for k, v in extra.items())
            writer.write(
                f"HTTP/1.1 {code} {reason}\r\n{fields}Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


def respond(path: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
    url = urllib.parse.urlsplit(path)
    query = dict(urllib.parse.parse_qsl(url.query))
    if url.path == "/_reset":
        FEEDS.reset(int(query.get("feeds", "0")))
        return 200, b"ok\n", {}
    if url.path == "/_bump":
        FEEDS.bump(int(query.get("feeds", "0")), int(query.get("items", "5")))
        return 200, b"ok\n", {}
    name = url.path.strip("/").removesuffix(".xml").removeprefix("f")
    found = FEEDS.get(int(name)) if name.isdigit() else None
    if found is None:
        return 404, b"not found\n", {}
    body, etag, modified = found
    validators = {"ETag": etag, "Last-Modified": modified}
    tag, since = headers.get("if-none-match"), headers.get("if-modified-since")
    if tag == etag or (tag is None and since == modified):
        return 304, b"", validators
    return 200, body, {"Content-Type": "application/rss+xml; charset=utf-8", **validators}


async def serve() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
    # ends when the parent closes our stdin (or kills us)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(serve())
