"""A policy page's text: HTML → the sentences of its policy text (trafilatura, lxml).

The only module importing trafilatura or lxml. One lxml parse serves both ways of
finding the policy text:

- a page with a ``selector`` in feeds.yaml: the elements that CSS selector matches
  (lxml's cssselect), read block by block;
- otherwise trafilatura's main-content extraction, which drops navigation, menus,
  footers and other boilerplate by its own scoring.

Either way, page furniture that is not policy text is removed first (scripts,
navigation, headers and footers, cookie and consent banners, pop-ups, hidden
elements), then the text is normalised (``normalise_lines``) so that whitespace,
session tokens, times of day and short date lines ("Last updated …", "© 2026 …")
do not make a new version. What comes back is a ``PageText``: the sentences, one
per line, and their hash (a version's identity).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector, SelectorError

from bot.sources.sentence_diff import split_sentences


class PageTextError(Exception):
    """The page has no usable text; the message says why and what to do."""


@dataclass(frozen=True)
class PageText:
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# Elements that never hold a page's policy text.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav",
    "header", "footer", "aside", "dialog", "select", "input", "textarea",
)  # fmt: skip
_DROP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "dialog", "alertdialog", "search", "menu"}
)
# id / class words of page furniture (cookie and consent banners, promos, pop-ups).
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(cookie|cookies|consent|gdpr|onetrust|banner|promo|promotion|newsletter|"
    r"modal|popup|pop-up|toast|announcement|breadcrumbs?|skip-link|site-header|site-footer|"
    r"share|social|subscribe)(?:$|[-_\s])",
    re.I,
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "br",
        "hr",
        "figcaption",
        "caption",
        "summary",
        "details",
        "address",
    ]
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def page_text(body: bytes, *, content_type: str = "", selector: str | None = None) -> PageText:
    """The normalised policy text of an HTML page (raises PageTextError)."""
    if content_type and not re.search(r"html|xml", content_type, re.I):
        raise PageTextError(
            f"the response is {content_type.split(';')[0]!r}, not an HTML page; "
            "put the address of the policy's web page in feeds.yaml"
        )
    tree = _parse(body, content_type)
    _strip_furniture(tree)
    lines = _selected_lines(tree, selector) if selector else _main_lines(tree)
    sentences = tuple(s for line in normalise_lines(lines) for s in split_sentences(line))
    if not sentences:
        where = (
            f"the selector {selector!r} matched only empty elements"
            if selector
            else ("no main text was found on the page")
        )
        raise PageTextError(
            f"{where}; set `selector:` for this page in feeds.yaml to the element holding "
            "the policy text (e.g. main, article or #content)"
        )
    return PageText(sentences)


def check_selector(selector: str) -> str | None:
    """Why ``selector`` is not a valid CSS selector (None when it is)."""
    try:
        CSSSelector(selector)
    except (SelectorError, ValueError) as exc:
        return str(exc) or "invalid selector"
    return None


# --------------------------------------------------------------------------- parsing


def _parse(body: bytes, content_type: str) -> lxml.html.HtmlElement:
    charset = re.search(r"charset=([\w.-]+)", content_type or "", re.I)
    try:
        if charset:
            text = body.decode(charset.group(1), errors="replace")
            text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with a declaration
            return lxml.html.document_fromstring(text)
        return lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, LookupError, ValueError) as exc:
        raise PageTextError(f"the page could not be read as HTML ({exc})") from exc


def _strip_furniture(tree: lxml.html.HtmlElement) -> None:
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            doomed.append(element)
            continue
        if element.tag in ("html", "body", "main", "article"):
            continue
        if element.tag in _DROP_TAGS or _is_furniture(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_furniture(element: lxml.html.HtmlElement) -> bool:
    if element.get("role", "").lower() in _DROP_ROLES:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden", "") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")):
        return True
    names = f"{element.get('id', '')} {element.get('class', '')}"
    return bool(_FURNITURE.search(names))


def _selected_lines(tree: lxml.html.HtmlElement, selector: str) -> list[str]:
    problem = check_selector(selector)
    if problem:
        raise PageTextError(f"the selector {selector!r} is not valid CSS ({problem})")
    found = CSSSelector(selector)(tree)
    if not found:
        raise PageTextError(
            f"the selector {selector!r} matched nothing on the page (it may have been "
            "redesigned); correct `selector:` for this page in feeds.yaml, or remove it "
            "to use the page's main text"
        )
    lines: list[str] = []
    for element in found:
        lines.extend(_block_lines(element))
    return lines


def _main_lines(tree: lxml.html.HtmlElement) -> list[str]:
    import trafilatura  # imported on first use: it loads its models (~0.3 s) when imported

    text = trafilatura.extract(
        tree,
        output_format="txt",
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    if text:
        return text.splitlines()
    body = tree.find("body")
    return _block_lines(body if body is not None else tree)


def _block_lines(element: lxml.html.HtmlElement) -> list[str]:
    """The element's text with a line break at every block boundary."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(element)
    return "".join(parts).splitlines()


# --------------------------------------------------------------------------- normalising

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")
# long runs mixing letters and digits (session ids, cache busters, CSRF tokens, hashes)
_BULLET = re.compile(r"^\s*[-*•·▪◦]\s+")
_TOKEN = re.compile(r"\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16,}\b")
_TOKEN_PARAM = re.compile(r"\b(sid|sessionid|jsessionid|phpsessid|token|csrf\w*|nonce)=\S+", re.I)
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?:\s?(?:UTC|GMT|[A-Z]{2,4}T))?\b", re.I
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "januar|februar|märz|juni|juli|oktober|dezember|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_DATE = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+Z?)?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|"
    rf"\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{4}}|(?:19|20)\d{{2}})\b",
    re.I,
)
# what is left of a date line once its dates are gone ("Last updated:", "© Example Inc.")
_DATE_LINE_WORDS = re.compile(
    r"\b(last|updated?|modified|revised|reviewed|published|effective|date|as of|on|at|"
    r"copyright|all rights reserved|page|generated|retrieved|today|is|was|this|the|"
    r"mis à jour|aktualisiert|actualizado|stand)\b|[©:,.;|()\-–—]",
    re.I,
)
DATE_LINE_MAX_WORDS = 3  # a line with at most this many words besides its dates is a date line


def normalise_lines(lines: list[str]) -> list[str]:
    """Lines that mean the same compare equal: Unicode forms, whitespace, session
    tokens and times of day folded; empty lines and date lines dropped."""
    result: list[str] = []
    for raw in lines:
        line = unicodedata.normalize("NFKC", raw)
        line = _BULLET.sub("", _SPACE.sub(" ", line)).strip()
        if not line:
            continue
        line = _TOKEN_PARAM.sub(lambda m: f"{m.group(1)}=…", line)
        line = _TOKEN.sub("…", line)
        line = _TIME.sub("…", line)
        if _is_date_line(line):
            continue
        result.append(line)
    return result


def _is_date_line(line: str) -> bool:
    if not _DATE.search(line):
        return False
    rest = _DATE_LINE_WORDS.sub(" ", _DATE.sub(" ", line)).replace("…", " ")
    return len(rest.split()) <= DATE_LINE_MAX_WORDS
