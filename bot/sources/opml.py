"""OPML, the subscription list every feed reader imports and exports.

Written and read with the standard library's ElementTree: OPML 2.0 is a handful
of ``<outline>`` elements, and ElementTree neither resolves external entities
nor fetches anything (expat refuses entity-expansion bombs), so no dependency
is needed for it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from bot.models import FeedConfig


class OpmlError(ValueError):
    """The file is not OPML; the message says where and what to do."""


@dataclass(frozen=True)
class OpmlFeed:
    title: str
    url: str
    tags: tuple[str, ...] = ()  # the folders it sits in and its category attribute


def read_opml(text: str | bytes, where: str = "the OPML file") -> list[OpmlFeed]:
    """Every ``<outline xmlUrl=…>``, with its folders as tags; duplicates once."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise OpmlError(
            f"{where} is not valid XML ({exc}); export it again from your reader."
        ) from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise OpmlError(
            f"{where} is XML but not OPML (no <opml><body>); export your feed list as OPML."
        )
    found: dict[str, OpmlFeed] = {}

    def walk(node: ET.Element, folders: tuple[str, ...]) -> None:
        for child in node.findall("outline"):
            url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
            title = (child.get("title") or child.get("text") or "").strip()
            if url:
                category = tuple(
                    c.strip().strip("/")
                    for c in (child.get("category") or "").split(",")
                    if c.strip()
                )
                tags = tuple(dict.fromkeys(_tag(t) for t in (*folders, *category) if _tag(t)))
                found.setdefault(url, OpmlFeed(title=title, url=url, tags=tags))
            walk(child, (*folders, title) if not url and title else folders)

    walk(root.find("body"), ())  # type: ignore[arg-type]
    return list(found.values())


def _tag(text: str) -> str:
    return "-".join(text.lower().split())[:40]


def write_opml(feeds: Sequence[FeedConfig], *, title: str = "policybot feeds") -> str:
    """OPML 2.0 with one folder per feed kind; each outline keeps its tags as category."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        if feed.kind not in folders:
            folders[feed.kind] = ET.SubElement(body, "outline", text=feed.kind, title=feed.kind)
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(folders[feed.kind], "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
