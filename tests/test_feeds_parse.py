"""parse_feed: formats, HTML reduction, dates, languages, encodings, identity, errors."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

from bot.models import Entry, FeedState, FetchResult, FetchSettings
from bot.sources.entry_fields import language_tag, plain, resolve_link, utc_from_parts
from bot.sources.fetch import Fetcher
from bot.sources.html_text import html_to_text
from bot.sources.parse import ParsedFeed, parse_feed
from tests import feedserver
from tests.feedserver import FIXTURES, FeedServer

feed_server = feedserver.feed_server  # the fixture, under its own name


def fixture_result(
    name: str,
    content_type: str = "application/rss+xml; charset=utf-8",
    final_url: str = "https://feeds.example.org/feed",
) -> FetchResult:
    return FetchResult(
        feed_id="f",
        outcome="ok",
        status_code=200,
        body=(FIXTURES / name).read_bytes(),
        headers=(("content-type", content_type),),
        final_url=final_url,
    )


def parse(name: str, **kw: str) -> ParsedFeed:
    return parse_feed(fixture_result(name, **kw), feed_id="f", source="Test Source")


def test_rss20() -> None:
    parsed = parse("rss20.xml")
    assert parsed.error is None and parsed.title == "Biometric Policy Watch"
    assert [e.key for e in parsed.entries] == ["guid:pw-1001", "guid:pw-1002", "guid:pw-1003"]
    first = parsed.entries[0]
    assert first.title == "Examplevision pauses police access to its face matching API"
    assert first.summary.startswith("Examplevision said on Tuesday")
    assert first.published == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert parsed.entries[1].published == datetime(2024, 3, 6, 14, 0, tzinfo=UTC)  # -0500
    assert first.language == "en-us" and first.guid == "pw-1001"
    assert first.feed_id == "f" and first.source == "Test Source"
    # the teaser loses to the full content:encoded article
    assert parsed.entries[2].summary == (
        "FaceGrid will no longer offer facial identification to private companies."
    )


def test_atom() -> None:
    parsed = parse("atom.xml", content_type="application/atom+xml")
    assert parsed.error is None and parsed.title == "Vendor Newsroom (invented)"
    first, second = parsed.entries
    assert first.key == "guid:tag:newsroom.example.com,2024:post-77"
    assert first.title == "Our commitment on facial recognition"
    assert first.summary == (
        "Starting today we extend our moratorium on police use of face search "
        "& related tools indefinitely."
    )
    assert first.published == datetime(2024, 4, 1, 6, 0, tzinfo=UTC)  # +02:00 → UTC
    assert first.link == "https://newsroom.example.com/posts/77"
    assert first.language == "en" and second.language == "de"
    assert second.summary == "Wir beenden den Verkauf an Behörden."
    assert second.published == datetime(2024, 4, 3, 12, 0, tzinfo=UTC)  # updated only


def test_rss10_rdf() -> None:
    parsed = parse("rdf.xml", content_type="application/rdf+xml")
    assert parsed.error is None and parsed.title == "Rights Desk (invented)"
    assert [e.title for e in parsed.entries] == [
        "Scanner maker restricts face search for border agencies",
        "Weekly roundup",
    ]
    assert parsed.entries[0].published == datetime(2024, 2, 10, 16, 20, tzinfo=UTC)
    assert parsed.entries[0].link == "https://rights.example.net/notes/1"
    assert parsed.entries[0].language == "en"
    assert len({e.key for e in parsed.entries}) == 2


def test_rss091_without_guids_uses_links() -> None:
    parsed = parse("rss091.xml")
    assert parsed.error is None
    first = parsed.entries[0]
    assert first.link == "http://oldschool.example.com/stories/retailer-drops-pilot.html"
    assert first.key == "link:https://oldschool.example.com/stories/retailer-drops-pilot.html"
    assert first.published is None and first.guid is None


def test_no_guids_canonical_links_and_hash_fallback() -> None:
    parsed = parse("no_guids.xml")
    keys = [e.key for e in parsed.entries]
    assert keys[0] == "link:https://noguid.example.com/a/contract-questions"
    assert keys[1] == "link:https://noguid.example.com/a/vendor-statement"
    assert keys[2].startswith("hash:")
    # the link shown to users is the publisher's, not the identity form
    assert parsed.entries[0].link is not None and "utm_campaign" in parsed.entries[0].link
    assert parsed.entries[2].link is None


def test_duplicate_guids_are_demoted() -> None:
    parsed = parse("duplicate_guids.xml")
    assert [e.key for e in parsed.entries] == [
        "link:https://sloppy.example.com/story/1",
        "link:https://sloppy.example.com/story/2",
        "guid:sloppy-3",
    ]


def test_guids_do_not_depend_on_the_feed_url() -> None:
    here = parse("malformed.xml", final_url="https://broken.example.org/feed")
    moved = parse("malformed.xml", final_url="https://cdn.example.net/other/feed")
    assert [e.key for e in here.entries] == [e.key for e in moved.entries]
    assert here.entries[0].key == "guid:broken-1"


def test_malformed_but_usable_feed_is_used() -> None:
    parsed = parse("malformed.xml")
    assert parsed.error is None
    assert [e.title for e in parsed.entries] == [
        "Vendor halts face matching sales & reviews policy",
        "Second item survives",
    ]
    assert "stray bold tag" in parsed.entries[0].summary and "<b>" not in parsed.entries[0].summary


def test_hopeless_garbage_is_an_error_naming_feed_and_complaint() -> None:
    parsed = parse("garbage.txt", content_type="application/xml")
    assert parsed.entries == ()
    assert parsed.error is not None
    assert "'Test Source'" in parsed.error and "https://feeds.example.org/feed" in parsed.error
    assert "not well-formed" in parsed.error and "feeds.yaml" in parsed.error


def test_html_page_instead_of_a_feed_is_an_error() -> None:
    result = FetchResult(feed_id="f", outcome="ok", final_url="https://example.org/",
                         headers=(("content-type", "text/html; charset=utf-8"),),
                         body=b"<!doctype html><html><body><p>Welcome</p></body></html>")  # fmt: skip
    parsed = parse_feed(result, feed_id="f", source="Homepage")
    assert parsed.entries == () and parsed.error is not None and "Homepage" in parsed.error


def test_html_is_reduced_to_inert_plain_text() -> None:
    (entry,) = parse("html_summaries.xml").entries
    assert entry.title == "Acme Vision & the ban on face search"
    assert entry.summary == (
        "Acme Vision will not sell face search to police. Café owners “relieved”. click"
    )
    for text in (entry.title, entry.summary):
        assert "<" not in text and ">" not in text and "&nbsp;" not in text
        assert "@everyone" not in text and "color:red" not in text and "javascript" not in text
    assert entry.published == datetime(2024, 4, 5, 7, 0, tzinfo=UTC)


def test_iso_8859_1_declared_in_header_and_prolog() -> None:
    parsed = parse("latin1.xml", content_type="application/rss+xml; charset=ISO-8859-1")
    assert parsed.error is None
    assert parsed.title == "Résumé des politiques (inventé)"
    assert parsed.entries[0].summary == (
        "L'entreprise a décidé d'arrêter les ventes à la gendarmerie pendant un an."
    )
    assert parsed.entries[0].language == "fr"


def test_iso_8859_1_declared_only_in_the_prolog() -> None:
    parsed = parse("latin1.xml", content_type="application/rss+xml")
    assert parsed.title == "Résumé des politiques (inventé)"


async def test_fetched_and_parsed_through_a_real_server(feed_server: FeedServer) -> None:
    feed_server.set_file("/latin", "latin1.xml", content_type="text/xml; charset=iso-8859-1")
    url = feed_server.url("/latin")
    feed = FeedState(id="latin", name="Latin", url=url, config_url=url, kind="news",
                     interval=900, enabled=True, status="new")  # fmt: skip
    async with Fetcher(FetchSettings(total_timeout=5.0, allow_hosts=("127.0.0.1",))) as fetcher:
        result = await fetcher.fetch(feed)
    parsed = parse_feed(result, feed_id="latin", source="Latin")
    assert parsed.error is None
    assert parsed.entries[0].title.startswith("Un fournisseur suspend")
    assert "décidé" in parsed.entries[0].summary


def test_relative_links_resolve_and_unsafe_links_are_dropped() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>Relative</title><link>/story/1</link><guid>r-1</guid></item>"
        b"<item><title>Script</title><link>javascript:alert(1)</link></item>"
        b"<item><description>Only a description about a face search pause that is long enough"
        b" to need shortening when it becomes the title of this entry in an alert list</description>"
        b"</item></channel></rss>"
    )
    result = FetchResult(feed_id="f", outcome="ok", body=body,
                         final_url="https://site.example/feeds/rss")  # fmt: skip
    relative, script, untitled = parse_feed(result, feed_id="f", source="S").entries
    assert relative.link == "https://site.example/story/1" and relative.key == "guid:r-1"
    assert script.link is None and script.key.startswith("hash:")
    assert untitled.title.startswith("Only a description") and untitled.title.endswith("…")
    assert len(untitled.title) <= 121


def test_empty_but_valid_feed_is_not_an_error() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    parsed = parse_feed(FetchResult(feed_id="f", outcome="ok", body=body), feed_id="f", source="Q")
    assert parsed.entries == () and parsed.error is None and parsed.title == "Quiet"


def test_non_ok_results_have_nothing_to_parse() -> None:
    for outcome in ("not_modified", "error", "gone", "rate_limited"):
        parsed = parse_feed(FetchResult(feed_id="f", outcome=outcome), feed_id="f", source="S")
        assert parsed == ParsedFeed((), None, None)


def test_a_body_naming_a_local_file_is_not_opened(tmp_path: Path) -> None:
    secret = tmp_path / "local.xml"
    secret.write_bytes((FIXTURES / "rss20.xml").read_bytes())
    result = FetchResult(feed_id="f", outcome="ok", body=str(secret).encode())
    parsed = parse_feed(result, feed_id="f", source="S")
    assert parsed.entries == ()  # feedparser would have read the file given bytes or str


def test_only_entry_values_leave_the_module() -> None:
    parsed = parse("atom.xml")
    allowed = (str, datetime, type(None))
    for entry in parsed.entries:
        assert type(entry) is Entry
        for field in fields(entry):
            value = getattr(entry, field.name)
            if isinstance(value, tuple):  # e.g. related outlets: plain strings only
                assert all(isinstance(v, str) for v in value), field.name
            else:
                assert isinstance(value, allowed), field.name
    assert isinstance(parsed.title, str)


def test_text_helpers() -> None:
    assert html_to_text("<p>a\u202eb</p>\x00c") == "ab c"  # bidi override and NUL removed
    assert plain("A < B & C", "text/plain") == "A < B & C"
    assert plain("<i>x</i> &amp; y") == "x & y"
    assert language_tag("EN_us") == "en-us" and language_tag("en, fr") == "en"
    assert language_tag("not a language") is None
    assert resolve_link(["mailto:x@example.org", "/a", None], "https://h.example/f") == (
        "https://h.example/a"
    )
    assert utc_from_parts((2024, 2, 30, 0, 0, 0)) is None  # impossible date
