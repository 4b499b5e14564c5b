"""The fast RSS reader agrees with feedparser wherever it accepts a document.

Every document goes through both paths of ``parse_feed``: the fast one (lxml,
falling back to feedparser for what it does not model) and feedparser alone.
Where the fast reader accepts, the entries and the title must be identical;
nowhere may either path raise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import FetchResult
from bot.sources.fastfeed import read_rss
from bot.sources.parse import parse_feed
from tests.feedserver import FIXTURES

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "feedparser-tests"
CORPUS = Path("/work/shared/corpus/feedparser-tests") if not CORPUS.is_dir() else CORPUS
HEADERS = (("content-type", "application/rss+xml; charset=utf-8"),)


def result(body: bytes, headers: tuple[tuple[str, str], ...] = HEADERS) -> FetchResult:
    return FetchResult(feed_id="f", outcome="ok", status_code=200, body=body,
                       headers=headers, final_url="https://feeds.example.org/feed")  # fmt: skip


def compare(body: bytes, headers: tuple[tuple[str, str], ...] = HEADERS) -> bool:
    """True when the fast reader accepted ``body`` (and then agreed with feedparser)."""
    fast = parse_feed(result(body, headers), feed_id="f", source="S")
    slow = parse_feed(result(body, headers), feed_id="f", source="S", fast=False)
    accepted = read_rss(body, dict(headers)) is not None
    if accepted:
        assert fast.entries == slow.entries
        assert fast.title == slow.title and fast.error is None
    else:
        assert fast == slow
    return accepted


def test_fixtures_agree_and_the_fast_path_takes_plain_rss() -> None:
    accepted = {path.name for path in sorted(FIXTURES.iterdir()) if compare(path.read_bytes())}
    # plain RSS goes the fast way; Atom, RDF, Latin-1 and broken documents do not
    assert {"rss20.xml", "rss091.xml", "no_guids.xml", "duplicate_guids.xml"} <= accepted
    assert not accepted & {"atom.xml", "rdf.xml", "latin1.xml", "malformed.xml", "garbage.txt"}


def test_bench_shaped_feed_is_read_fast_and_identically() -> None:
    from bench.cycle_feeds import feed_xml

    assert compare(feed_xml(3, 1, 5))


def test_rejections_fall_back() -> None:
    base = (FIXTURES / "rss20.xml").read_bytes()
    for change in (b"<item><source url='https://x.example/'>X</source>", b"<item><media:title>x"):
        body = base.replace(b"<item>", change, 1)
        assert read_rss(body, dict(HEADERS)) is None
        compare(body)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser's test corpus is not at {CORPUS}")
def test_feedparser_corpus_agrees() -> None:
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix == ".xml")
    assert len(paths) > 2000
    accepted = sum(
        compare(path.read_bytes(), (("content-type", "application/xml"),)) for path in paths
    )
    assert accepted > 50  # the comparison is not vacuous
