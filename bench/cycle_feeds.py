"""The bench's feeds: N RSS 2.0 feeds of 50 items of about 2 KB each, served over
HTTP/1.1 (keep-alive, ETag/Last-Modified, 304) from a separate process on 127.0.0.1.

Each item has a guid, a link, an RFC 822 date, a creator, categories, a short
description and a ``content:encoded`` article; about one item in ten reports a
facial-recognition policy change, so extraction sees related items too.

    python bench/cycle_feeds.py            # serve; prints "port N" when ready

The parent drives it through ``/_reset?feeds=N`` (all feeds at version 0, bodies
built before it answers) and ``/_bump?feeds=K&items=M`` (the first K feeds get M
new items each, so their ETag changes).
"""

from __future__ import annotations

import random
import sys
import threading
import urllib.parse
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/_reset":
            FEEDS.reset(int(query.get("feeds", "0")))
            return self._send(200, b"ok\n", {})
        if url.path == "/_bump":
            FEEDS.bump(int(query.get("feeds", "0")), int(query.get("items", "5")))
            return self._send(200, b"ok\n", {})
        name = url.path.strip("/").removesuffix(".xml").removeprefix("f")
        found = FEEDS.get(int(name)) if name.isdigit() else None
        if found is None:
            return self._send(404, b"not found\n", {})
        body, etag, modified = found
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-Modified-Since") == modified
            and not self.headers.get("If-None-Match")
        ):
            return self._send(304, b"", {"ETag": etag, "Last-Modified": modified})
        headers = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag,
                   "Last-Modified": modified}  # fmt: skip
        return self._send(200, body, headers)

    def _send(self, code: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 1024
    print(f"port {server.server_address[1]}", flush=True)
    # ends when the parent closes our stdin (or kills us)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
