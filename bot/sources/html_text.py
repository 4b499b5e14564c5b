"""HTML fragments from feeds reduced to inert plain text (stdlib only).

Entities are unescaped, tags dropped, the contents of script/style/template
and similar elements discarded, control and zero-width characters removed,
and whitespace collapsed to single spaces.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "head"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"})
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
    text = _simple_markup_text(fragment)
    if text is None:
        collector = _TextCollector()
        collector.feed(fragment)
        collector.close()
        text = "".join(collector.parts)
    return clean_text(text)


# The common case, without a Python call per tag: every "<" opens a plain start,
# end or self-closing tag, and no element whose content is dropped (script, style,
# svg, …) or read raw appears. Each tag becomes what _TextCollector makes of it:
# a space, or nothing for a void element other than br/hr/img written <x>. Text
# runs are unescaped as HTMLParser's convert_charrefs does. Anything else (comments,
# declarations, odd tag syntax) takes the HTMLParser path.
_ATTRS = r"""(?:[ \t\n\r\f]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\r\f"'=<>`]+))?)*[ \t\n\r\f]*"""
_NAME = r"[a-zA-Z][-a-zA-Z0-9:]*"
_SIMPLE_TAG = re.compile(rf"</{_NAME}[ \t\n\r\f]*>|<{_NAME}{_ATTRS}/?>")
_SILENT_VOID = re.compile(
    rf"<(?:{'|'.join(sorted(_VOID - {'br', 'hr', 'img'}))})(?=[ \t\n\r\f>]){_ATTRS}>", re.I
)
_DROPPING = re.compile(rf"</?(?:{'|'.join(sorted(_SKIP))})(?![-a-zA-Z0-9:])", re.I)


def _simple_markup_text(fragment: str) -> str | None:
    if _DROPPING.search(fragment):
        return None
    text = fragment
    if _SILENT_VOID.search(text):
        if "&" in text:  # removing a tag could join two halves of an entity
            return None
        text = _SILENT_VOID.sub("", text)
    text = _SIMPLE_TAG.sub(" ", text)
    if "<" in text:
        return None
    return _unescape(text) if "&" in text else text


# The five references feeds escape text with, by their first character after "&", each
# as html.unescape reads it (their first characters differ).
_COMMON_REFS = {"l": ("lt;", "<"), "g": ("gt;", ">"), "q": ("quot;", '"'), "#": ("#39;", "'"),
                "a": ("amp;", "&")}  # fmt: skip


def _unescape(text: str) -> str:
    """``html.unescape(text)``; the references replaced piece by piece when every "&"
    starts one of the five common ones (one split, no regex callback per reference)."""
    pieces = text.split("&")
    out = [pieces[0]]
    for piece in pieces[1:]:
        ref = _COMMON_REFS.get(piece[:1])
        if ref is None or not piece.startswith(ref[0]):
            return html.unescape(text)
        out += (ref[1], piece[len(ref[0]) :])
    return "".join(out)


def clean_text(text: str) -> str:
    """NFC text without control, bidi-override or private characters; whitespace collapsed."""
    if text.isascii():
        # (deleting the control bytes is one quick pass; the regex search was not)
        if len(text.encode("ascii").translate(None, _CONTROL_BYTES)) != len(text):
            text = _ASCII_CONTROL.sub(" ", text)
    else:
        text = unicodedata.normalize("NFC", text).translate(_TABLE)
    return " ".join(text.split())  # str.split() and re's \s agree on what is whitespace


# C0 controls and DEL that are not whitespace (the others are kept as whitespace)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F])  # the same, as bytes


class _KeepTable(dict[int, str]):
    """str.translate table filled on first sight of each code point (see _keep)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _keep(chr(code))
        return value


_TABLE = _KeepTable()


def _keep(ch: str) -> str:
    if ch.isspace() or ch in _JOINERS:
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co"):
        return " "
    return "" if category == "Cf" else ch
