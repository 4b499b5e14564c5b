"""A fast reader for well-formed RSS 2.0 feeds (lxml), feedparser's understudy.

``read_rss`` parses a body with lxml and returns the channel and its items in
the shape ``bot.sources.parse`` reads from feedparser (the same keys, values
and content types), or ``None`` for anything outside what it models: not
well-formed, not UTF-8, a DOCTYPE, a namespace or an item element it does not
know, attributes that change how a value is read, embedded markup beyond plain
formatting tags, a date that is not plain RFC 822. The caller then hands the
document to feedparser, which tolerates everything; this reader only has to be
right where it accepts (tests/test_parse_conformance.py checks that it agrees
with feedparser on the fixtures and on feedparser's own test corpus).

Why not fastfeedparser: it is fast at the XML level too, but it decides content
types, dates and links its own way, so matching feedparser's values would mean
undoing its choices; here each rule mirrors feedparser's and rejects the rest.
"""

from __future__ import annotations

import re
import threading
from calendar import timegm
from contextlib import suppress
from datetime import datetime
from html.entities import entitydefs
from time import gmtime
from typing import Any
from urllib.parse import urljoin

from lxml import etree

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
# item children that feed none of the values we read (or only as written below)
_HARMLESS = frozenset({"author", "category", "comments", "enclosure", f"{_DC}creator",
                       f"{_DC}subject", "{http://wellformedweb.org/CommentAPI/}commentRss",
                       "{http://purl.org/rss/1.0/modules/slash/}comments"})  # fmt: skip
_READ = frozenset({"title", "link", "description", "guid", "pubDate", _CONTENT})
# formatting tags feedparser's sanitizer keeps as they are (and that html_to_text
# reads as a space): values with any other tag go to feedparser
_SAFE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ]
)
_TAG = re.compile(r"</?([a-zA-Z][^\s/>]*)")
_LOOKS_HTML = re.compile(r"</\w+>|&#?\w+;")
_ENTITYISH = re.compile(r"&([A-Za-z0-9_]+);")
_WORD_TAG = re.compile(r"</?(\w+)")
_ENTITY = re.compile(r"&(\w+);")
_URIFIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_DECLARED = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UT|UTC|Z)"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_CP1252 = {c: bytes([c]).decode("cp1252") for c in range(128, 160) if c not in (129, 141, 143, 144, 157)}  # fmt: skip
_local = threading.local()


class _Reject(Exception):
    """The document is outside what this reader models; feedparser reads it."""


def read_rss(body: bytes, headers: dict[str, str]) -> dict[str, Any] | None:
    """``{"title", "title_type", "language", "entries"}`` of an RSS 2.0 body, or None."""
    try:
        return _read(body, headers)
    except (_Reject, etree.XMLSyntaxError, ValueError, UnicodeError):
        return None


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_comments=True, remove_pis=True, strip_cdata=True,
        )  # fmt: skip
    return parser


def _read(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    _check_encoding(body, headers)
    if b"<!DOCTYPE" in body[:2048] or b"<!ENTITY" in body or b"xml:" in body:
        raise _Reject("doctype, entities or xml:base/xml:lang")
    root = etree.fromstring(body, _parser())
    if root.tag != "rss" or len(root) != 1 or root[0].tag != "channel":
        raise _Reject("not RSS 2.0")
    lang = headers.get("content-language")
    title: tuple[str, str] | None = None
    language = None
    entries = []
    for child in root[0]:
        tag = child.tag
        if tag == "item":
            entries.append(_entry(child, lang))
        elif tag == "title":
            if title is not None:
                raise _Reject("two channel titles")
            title = _text_value(child)
        elif tag == "language":
            lang = language = _value(child)
        elif not isinstance(tag, str):
            raise _Reject("entity or other node")
    if not entries:
        raise _Reject("no items: feedparser explains empty documents")
    value, kind = title or ("", "text/plain")
    return {"title": value, "title_type": kind, "language": language, "entries": entries}


def _check_encoding(body: bytes, headers: dict[str, str]) -> None:
    content_type = headers.get("content-type", "").lower()
    charset = re.search(r"charset=[\"']?([a-z0-9._-]+)", content_type)
    if charset and charset.group(1) not in ("utf-8", "utf8"):
        raise _Reject("charset")
    declared = _DECLARED.match(body)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise _Reject("declared encoding")
    if not body.isascii():
        if not charset and content_type.startswith("text/"):
            raise _Reject("text/* without charset: RFC 3023 rules apply")
        body.decode("utf-8")  # UnicodeError: not UTF-8


def _entry(item: Any, lang: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    seen: set[str] = set()
    guid_is_link = False
    for child in item:
        tag = child.tag
        if tag in _HARMLESS:
            continue
        if tag not in _READ or tag in seen:
            raise _Reject(f"item element {tag!r}")
        seen.add(tag)
        if tag == "guid":
            attrs = dict(child.attrib)
            guid_is_link = attrs.pop("isPermaLink", "true") == "true"
            if attrs:
                raise _Reject("guid attributes")
            value = _value(child)
            entry["id"] = _urljoin(value) if guid_is_link else value
            continue
        if child.attrib:
            raise _Reject(f"attributes on {tag}")
        if tag == "link":
            value = _value(child)
            if not value:
                raise _Reject("empty link")
            # feedparser undoes what it takes for unhandled character references
            entry["link"] = _ENTITYISH.sub(r"&\g<1>", _urljoin(value).replace("&amp;", "&"))
            entry["links"] = [{"rel": "alternate", "href": entry["link"]}]
        elif tag == "title":
            value, kind = _text_value(child)
            entry["title"] = value
            entry["title_detail"] = {"type": kind, "language": lang}
        elif tag == "description":
            entry["summary"] = _html_value(child)
            entry["summary_detail"] = {"type": "text/html", "language": lang}
        elif tag == _CONTENT:
            entry["content"] = [
                {"type": "text/html", "value": _html_value(child), "language": lang}
            ]
        else:  # pubDate
            entry["published_parsed"] = _date(_value(child))
    if guid_is_link and "link" not in entry and entry.get("id"):
        entry["link"] = entry["id"]
    if "summary" not in entry and "content" in entry:
        entry["summary"] = entry["content"][0]["value"]
    return entry


def _value(element: Any) -> str:
    """An element's text as feedparser leaves it: stripped, mojibake and cp1252 fixed."""
    if len(element):
        raise _Reject("markup inside a text element")
    text = (element.text or "").strip()
    if text.isascii():
        return text
    with suppress(UnicodeEncodeError, UnicodeDecodeError):  # feedparser re-decodes
        text = text.encode("iso-8859-1").decode("utf-8")  # UTF-8 read as Latin-1
    return text.translate(_CP1252)


def _text_value(element: Any) -> tuple[str, str]:
    """A nominally plain value (RSS titles): HTML when it looks like it, as feedparser guesses."""
    text = _value(element)
    if not _LOOKS_HTML.search(text):
        return text, "text/plain"
    if any(tag.lower() not in _SAFE_TAGS for tag in _WORD_TAG.findall(text)):
        raise _Reject("a tag outside the known set: feedparser decides")
    if any(name not in entitydefs for name in _ENTITY.findall(text)):
        return text, "text/plain"  # an unknown entity: feedparser says not HTML
    return _checked_html(text), "text/html"


def _html_value(element: Any) -> str:
    return _checked_html(_value(element))


def _checked_html(text: str) -> str:
    if "<" in text:
        if "<!" in text or "<?" in text:
            raise _Reject("comment, CDATA or declaration inside HTML")
        if not _SAFE_TAGS.issuperset(map(str.lower, _TAG.findall(text))):
            raise _Reject("a tag the sanitizer would change")
    return text


def _urljoin(uri: str) -> str:
    try:
        return urljoin("", _URIFIXER.sub(r"\1\3", uri))
    except ValueError:
        return ""


def _date(text: str) -> Any:
    """A UTC ``time.struct_time`` of a plain RFC 822 date (other forms: feedparser)."""
    match = _RFC822.fullmatch(text)
    if not match:
        raise _Reject(f"date {text!r}")
    day, month, year, hour, minute, second, zone = match.groups()
    datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))  # ValueError
    offset = 0
    if zone[0] in "+-":
        offset = (int(zone[1:3]) * 60 + int(zone[3:])) * 60 * (1 if zone[0] == "+" else -1)
    stamp = timegm((int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second)))
    return gmtime(stamp - offset)
