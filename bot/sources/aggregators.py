"""Items read for what they are: who published them, which article they are.

News aggregators (Google News, Bing News) and curated or planet-style feeds carry
other publishers' articles. Their items name the publisher (Google News's
``<source url=…>``, Bing News's ``News:Source``, ``dc:publisher``), often repeat it
as a " - Outlet" title suffix, hide the article behind the aggregator's own link
(Bing's ``apiclick.aspx?…&url=`` carries it; Google's is opaque, its ``<source
url>`` gives the outlet's site) and, for Google News story clusters, list related
coverage with its outlets in the description. ``attribute`` turns those raw values
into the outlet, the clean title, the publisher's address and the keys that
recognise one article across feeds. Pure, stdlib only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from bot.sources.html_text import clean_text
from bot.sources.identity import canonical_link, sha1_hex

GOOGLE_NEWS = "news.google.com"
_GOOGLE_ARTICLE = re.compile(r"^/(?:rss/)?(?:articles|read)/([A-Za-z0-9_-]{8,})")
_SEPARATORS = (" - ", " – ", " — ", " | ")
MAX_SUFFIX_WORDS = 6  # a " - Outlet" suffix guessed without a <source> is this short
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RawItem:
    """What the parser found in one item (plain title, raw description HTML)."""

    title: str
    link: str | None
    guid: str | None
    description_html: str = ""
    publisher: str = ""  # <source>, News:Source, dc:publisher (plain text)
    publisher_site: str | None = None  # <source url="…">


@dataclass(frozen=True)
class Attribution:
    title: str  # without a " - Outlet" suffix
    outlet: str  # "" when the item names no publisher
    outlet_url: str | None  # the publisher's article, or its site when the article is hidden
    link: str | None  # the item's link (the publisher's article when the aggregator carries it)
    article_id: str | None  # "news.google.com:<id>": the aggregator's id of the article
    article_url: str | None  # the publisher's canonical article URL, when known
    related: tuple[str, ...]  # outlets of the related coverage the item lists
    description_repeats: bool  # the description only repeats headlines and outlets


def attribute(raw: RawItem) -> Attribution:
    host = _host(raw.link)
    google = host == GOOGLE_NEWS
    target = _bing_target(raw.link)
    site = _http(raw.publisher_site)
    outlet = clean_text(raw.publisher)
    title = raw.title
    if outlet:
        title = strip_suffix(title, outlet)
    elif google or target:  # an aggregator item without a publisher element
        title, outlet = guess_suffix(title)
    listed, leftover = coverage(raw.description_html) if google else ([], "")
    link = target or raw.link
    own = outlet_key(outlet)
    related = tuple(dict.fromkeys(o for _, o in listed if o and outlet_key(o) != own))
    return Attribution(
        title=title,
        outlet=outlet,
        outlet_url=target or (site if google else None),
        link=link,
        article_id=_google_id(raw.link, raw.guid) if google else None,
        article_url=_article_url(raw.link, google, target),
        related=related,
        description_repeats=bool(listed) and not leftover,
    )


def article_url(link: str | None) -> str | None:
    """The publisher's canonical article address an item's ``link`` gives
    (``Attribution.article_url``; the item's other values do not change it)."""
    return _article_url(link, _host(link) == GOOGLE_NEWS, _bing_target(link))


def _article_url(link: str | None, google: bool, target: str | None) -> str | None:
    if target:
        return canonical_link(target)
    if not google and link and _has_path(link):
        return canonical_link(link)
    return None


# --------------------------------------------------------------------------- titles


def strip_suffix(title: str, outlet: str) -> str:
    """``Headline - Outlet`` → ``Headline`` (any usual separator, any case)."""
    folded = title.casefold()
    for sep in _SEPARATORS:
        tail = (sep + outlet).casefold()
        if folded.endswith(tail) and len(title) > len(tail):
            return title[: len(title) - len(tail)].rstrip()
    return title


def guess_suffix(title: str) -> tuple[str, str]:
    """Split ``Headline - Outlet`` when no publisher element names the outlet."""
    for sep in _SEPARATORS[:3]:
        head, found, tail = title.rpartition(sep)
        words = len(_WORD.findall(tail))
        if found and 0 < words <= MAX_SUFFIX_WORDS and len(_WORD.findall(head)) >= 3:
            return head.rstrip(), tail.strip()
    return title, ""


# --------------------------------------------------------------------------- links


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def _http(url: str | None) -> str | None:
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    return parts.geturl() if parts.scheme in ("http", "https") and parts.hostname else None


def _has_path(url: str) -> bool:
    """An article address, not a bare site (feeds that link every item home exist)."""
    try:
        return urlsplit(url).path.strip("/") != ""
    except ValueError:
        return False


def _bing_target(link: str | None) -> str | None:
    """The publisher URL a Bing News ``apiclick.aspx`` link redirects to."""
    host = _host(link)
    if not (host == "bing.com" or host.endswith(".bing.com")):
        return None
    parts = urlsplit(link or "")
    if not parts.path.lower().endswith("/apiclick.aspx"):
        return None
    target = dict(parse_qsl(parts.query)).get("url")
    checked = _http(target)
    return checked if checked and not _host(checked).endswith("bing.com") else None


def _google_id(link: str | None, guid: str | None) -> str | None:
    match = _GOOGLE_ARTICLE.match(urlsplit(link or "").path)
    found = match.group(1) if match else (guid or "").strip()
    return f"{GOOGLE_NEWS}:{found}" if found else None


# --------------------------------------------------------------------------- outlets


def outlet_key(name: str) -> str:
    """A publisher's name folded for counting: case, accents kept, punctuation and a
    leading "the" dropped (``The Verge`` = ``the verge`` = ``Verge``)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", name).casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def headline_key(outlet_site: str | None, outlet: str, title: str) -> str | None:
    """One key per (publisher, headline): the publisher's host when known, else its name."""
    host = urlsplit(canonical_link(outlet_site)).hostname if outlet_site else None
    who = host or outlet_key(outlet)
    words = " ".join(_WORD.findall(unicodedata.normalize("NFKC", title).casefold()))
    if not who or len(words.split()) < 3:
        return None
    return sha1_hex(f"{who}\x1f{words}".encode())


# --------------------------------------------------------------------------- clusters


class _Coverage(HTMLParser):
    """(headline, outlet) pairs of a Google News description, and any other text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self.other: list[str] = []
        self._where: str | None = None
        self._anchor = ""
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "font"):
            self._where, self._buffer = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag != self._where:
            return
        text = clean_text("".join(self._buffer))
        if tag == "a":
            self._anchor = text
        elif self._anchor:
            self.pairs.append((self._anchor, text))
            self._anchor = ""
        self._where = None

    def handle_data(self, data: str) -> None:
        if self._where:
            self._buffer.append(data)
        elif clean_text(data.replace("\xa0", " ")):
            self.other.append(data)


def coverage(description_html: str) -> tuple[list[tuple[str, str]], str]:
    """The headlines with their outlets a description lists, and its remaining text."""
    if "<font" not in description_html.lower():
        return [], description_html
    parser = _Coverage()
    parser.feed(description_html)
    parser.close()
    return parser.pairs, clean_text(" ".join(parser.other))
