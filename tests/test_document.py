"""Feed documents that must not be half-read: empty, cut off, or in two charsets."""

from __future__ import annotations

import pytest

from bot.models import FetchResult
from bot.sources.document import one_charset
from bot.sources.parse import parse_feed

ITEMS = (
    "<item><title>Régulateur: amende pour une société</title><link>https://n.example/1</link>"
    "<guid>one</guid><description>La soci&#233;t&#233; doit payer.</description></item>"
    "<item><title>Second</title><link>https://n.example/2</link><guid>two</guid>"
    "<description>Encore une décision du régulateur.</description></item>"
)
DOC = (
    '<?xml version="1.0" encoding="{enc}"?><rss version="2.0"><channel><title>N</title>'
    + ITEMS
    + "</channel></rss>"
)


def parse(body: bytes, content_type: str = "application/rss+xml; charset=utf-8"):  # type: ignore[no-untyped-def]
    result = FetchResult(feed_id="n", outcome="ok", status_code=200, body=body,
                         headers=(("content-type", content_type),),
                         final_url="https://n.example/rss")  # fmt: skip
    return parse_feed(result, feed_id="n", source="News")


@pytest.mark.parametrize("body", [b"", b"  \n\t "])
def test_an_empty_body_is_a_feed_error(body: bytes) -> None:
    parsed = parse(body)
    assert parsed.entries == () and parsed.error is not None
    assert "empty body" in parsed.error and "'News'" in parsed.error


@pytest.mark.parametrize("cut", [60, 200, 330, -20, -7])
def test_a_cut_off_document_stores_nothing(cut: int) -> None:
    body = DOC.format(enc="utf-8").encode()
    parsed = parse(body[:cut])
    assert parsed.entries == ()
    assert parsed.error is not None and "cut off" in parsed.error


def test_a_complete_document_still_parses() -> None:
    parsed = parse(DOC.format(enc="utf-8").encode() + b"\n<!-- cached -->\n")
    assert parsed.error is None and len(parsed.entries) == 2


@pytest.mark.parametrize(
    ("declared", "header", "encoding"),
    [
        ("utf-8", "application/rss+xml; charset=iso-8859-1", "utf-8"),  # header lies
        ("iso-8859-1", "text/xml", "utf-8"),  # declaration lies
        ("iso-8859-1", "application/rss+xml; charset=utf-8", "latin-1"),  # header lies
        ("windows-1252", "application/xml", "cp1252"),  # both right
    ],
)
def test_one_charset_for_the_whole_document(declared: str, header: str, encoding: str) -> None:
    body = DOC.format(enc=declared).encode(encoding)
    parsed = parse(body, header)
    first, second = parsed.entries
    assert first.title == "Régulateur: amende pour une société"  # raw bytes
    assert "société" in first.summary  # entities
    assert "décision du régulateur" in second.summary


def test_one_charset_reports_its_decision() -> None:
    assert one_charset("é".encode(), "text/xml; charset=iso-8859-1")[1] == "utf-8"
    assert one_charset("é".encode("latin-1"), "text/xml; charset=iso-8859-1")[1] == "iso8859-1"
    assert one_charset(b"\xef\xbb\xbf<a/>", "")[1] == "utf-8-sig"
