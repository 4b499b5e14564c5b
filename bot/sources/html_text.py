"""HTML fragments from feeds reduced to inert plain text (stdlib only).

Entities are unescaped, tags dropped, the contents of script/style/template
and similar elements discarded, control and zero-width characters removed,
and whitespace collapsed to single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "head"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"})
_SPACE = re.compile(r"\s+")
_JOINERS = frozenset({"\u200c", "\u200d"})  # needed by some scripts and emoji
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping.append(tag)
        elif tag not in _VOID or tag in ("br", "hr", "img"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
        else:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (or of text that merely contains entities)."""
    if not fragment:
        return ""
    if not _LOOKS_LIKE_HTML.search(fragment):
        return clean_text(fragment)
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return clean_text("".join(collector.parts))


def clean_text(text: str) -> str:
    """NFC text without control, bidi-override or private characters; whitespace collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(_keep(ch) for ch in text)
    return _SPACE.sub(" ", text).strip()


def _keep(ch: str) -> str:
    if ch.isspace() or ch in _JOINERS:
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co"):
        return " "
    return "" if category == "Cf" else ch
