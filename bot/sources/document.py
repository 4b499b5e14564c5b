"""What a fetched feed document is before parsing: empty, cut off, and in which charset.

Pure functions over bytes (no parser): ``check_body`` says why a body must not
be parsed at all (empty, truncated), and ``one_charset`` decides the document's
character encoding ONCE, re-encoding it as UTF-8 so that every field of every
item is decoded the same way.
"""

from __future__ import annotations

import codecs
import re

_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# A document that ends with its root element (or, in RSS, its item container) closed;
# comments and whitespace may follow.
_CLOSED_ROOT = re.compile(
    rb"</\s*(?:[\w-]+:)?(?:rss|feed|rdf|channel)\s*>(?:\s|<!--.*?-->)*\Z", re.I | re.S
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def check_body(body: bytes) -> str | None:
    """Why this body is not a complete document (None when it may be parsed)."""
    if not body.strip():
        return "the server answered with an empty body"
    text = body if body.lstrip()[:1] == b"<" else b""
    if (
        text
        and not _CLOSED_ROOT.search(text[-4096:])
        and re.search(rb"<(?:\w+:)?(?:rss|feed|rdf)\b", text[:4096], re.I)
    ):
        return (f"the document is cut off ({len(body):,} bytes, its root element is never "
                "closed); nothing from it was stored")  # fmt: skip
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def one_charset(body: bytes, content_type: str) -> tuple[bytes, str]:
    """(the body as UTF-8, the charset it was read in), decided once per document.

    A byte-order mark wins; then UTF-8 when the bytes are valid UTF-8 (mis-declared
    UTF-8 is the common case, and other encodings' text rarely validates as UTF-8);
    then the XML declaration, the HTTP header, and windows-1252 as the last resort.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _as_utf8(body.decode(name, errors="replace")), name
    declared_match = _DECLARED.match(body[:512])
    declared = _codec(declared_match.group(1).decode("ascii")) if declared_match else None
    header_match = _HEADER_CHARSET.search(content_type or "")
    header = _codec(header_match.group(1)) if header_match else None
    try:
        return _as_utf8(body.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    for candidate in (declared, header, "cp1252"):
        if candidate and candidate != "utf-8":
            try:
                return _as_utf8(body.decode(candidate)), candidate
            except (UnicodeDecodeError, LookupError):
                continue
    return _as_utf8(body.decode("cp1252", errors="replace")), "cp1252"


def _as_utf8(text: str) -> bytes:
    """UTF-8 bytes whose XML declaration (if any) says utf-8."""
    data = text.encode("utf-8")
    match = _DECLARED.match(data[:512])
    if match:
        data = data[: match.start(1)] + b"utf-8" + data[match.end(1) :]
    return data
