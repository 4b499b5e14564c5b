"""A real archive for the reader-facing tests: a local feed server's items, polled by the
real pipeline into a real SQLite store (events, mentions, evidence), no hand-made rows."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bot.app import poll_and_deliver
from bot.config import Config, load_config
from store import Store
from tests.feedserver import ALLOW_LOCAL, FeedServer

# (date, outlet path, title, summary): policy news written for these tests
STORIES: tuple[tuple[str, str, str, str], ...] = (
    ("2020-06-08", "/wire.xml", "IBM leaves the facial recognition business",
     "IBM said it will no longer offer general purpose facial recognition software and "
     "has stopped its development of the technology."),
    ("2020-06-10", "/wire.xml", "Amazon puts a one-year moratorium on police use of Rekognition",
     "Amazon announced a one-year moratorium on police use of Rekognition, its facial "
     "recognition service."),
    ("2020-06-11", "/daily.xml", "Amazon pauses Rekognition sales to police for a year",
     "Amazon is implementing a one-year moratorium on police departments using Rekognition "
     "facial recognition."),
    ("2020-06-11", "/wire.xml", "Microsoft will not sell facial recognition to US police",
     "Microsoft said it will not sell facial recognition technology to police departments "
     "in the United States until there is a federal law."),
    ("2021-05-18", "/daily.xml", "Amazon extends its moratorium on police use of Rekognition",
     "Amazon extended its moratorium on police use of Rekognition facial recognition "
     "indefinitely, until further notice."),
    ("2021-11-02", "/wire.xml", "Meta shuts down the Facebook face recognition system",
     "Meta is shutting down the face recognition system on Facebook and will delete more "
     "than a billion face templates."),
)  # fmt: skip


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{escape(head)}</title><link>https://news.example/{index}-{day}</link>"
        f"<guid>{day}-{index}</guid><pubDate>{format_datetime(_date(day))}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for index, (day, head, text) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>"
        f"<description>test</description>{body}</channel></rss>"
    ).encode()


def _date(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


def serve_stories(server: FeedServer) -> None:
    for path, title in (("/wire.xml", "Policy Wire"), ("/daily.xml", "Tech Daily")):
        items = [(day, head, text) for day, where, head, text in STORIES if where == path]
        server.set(path, rss(title, items))


def write_config(tmp_path: Path, server: FeedServer, extra: str = "") -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 15m\n  max_alert_age_days: null\n" + ALLOW_LOCAL + extra
        + "feeds:\n"
        f"  - name: Policy Wire\n    url: {server.url('/wire.xml')}\n    kind: news\n"
        f"  - name: Tech Daily\n    url: {server.url('/daily.xml')}\n    kind: news\n",
        encoding="utf-8",
    )  # fmt: skip
    return path


def build_archive(tmp_path: Path, server: FeedServer, extra: str = "") -> tuple[Store, Config]:
    """Serve the stories, poll them once through the real pipeline, return the store."""
    serve_stories(server)
    config = load_config(write_config(tmp_path, server, extra), env={})
    store = Store.open(tmp_path / "archive.db")
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=io.StringIO()))
    return store, config
