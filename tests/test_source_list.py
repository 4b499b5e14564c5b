"""The shipped source list and the sources generated from the vendor data."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.config import ConfigError, load_config
from bot.sources import vendor_searches
from bot.sources.identity import canonical_link
from tests import feedserver
from tests.cli_tables import table_rows
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server
SHIPPED = Path(__file__).resolve().parent.parent / "feeds.yaml"


def test_the_shipped_list_validates_covers_every_vendor_and_repeats_no_address() -> None:
    config = load_config(SHIPPED, env={})
    addresses = [canonical_link(f.url) for f in config.feeds]
    assert len(addresses) == len(set(addresses))
    tags = {(tag, f.kind, bool(f.origin)) for f in config.feeds for tag in f.tags}
    uncovered = []
    for vendor in vendor_searches.vendors():
        own = (vendor.slug, "vendor", False) in tags
        searched = (vendor.slug, "news", True) in tags
        if not (own or searched) or (vendor.own_feed and not own):
            uncovered.append(vendor.name)
    assert uncovered == []
    assert {f.kind for f in config.feeds} == {"news", "vendor", "advocacy", "regulator", "page"}


def test_each_generated_search_asks_for_the_vendor_with_policy_words_in_its_language() -> None:
    feeds = vendor_searches.generated_feeds()
    by_vendor = {v.slug: v for v in vendor_searches.vendors()}
    assert feeds and all(f.kind == "news" and f.origin for f in feeds)
    for feed in feeds:
        vendor = by_vendor[feed.tags[-1]]
        assert not vendor.own_feed
        query = parse_qs(urlsplit(feed.url).query)
        text = query["q"][0]
        assert all(f'"{name}"' in text for name in vendor.search_names)
        assert " OR " in text.split('"')[-1]  # a choice of policy words after the names
        language = feed.tags[2]
        assert language in vendor.languages
        assert query["hl"][0].lower().startswith(language.split("-")[0])


def write_vendors(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "vendors.yaml"
    path.write_text("vendors:\n" + body, encoding="utf-8")
    return path


def test_adding_a_vendor_adds_its_searches_and_own_feed_vendors_get_none(tmp_path: Path) -> None:
    vendors = write_vendors(
        tmp_path,
        "  - name: Facecorp\n    languages: [en, fr]\n"
        "  - name: Selfhost\n    own_feed: true\n"
        "  - name: Quietco\n",
    )
    feeds = vendor_searches.generated_feeds(7200, vendors_path=vendors)
    assert [f.id for f in feeds] == [
        "news-search-facecorp-en",
        "news-search-facecorp-fr",
        "news-search-quietco-en",
    ]
    assert all(f.interval == 7200 for f in feeds)
    french = parse_qs(urlsplit(feeds[1].url).query)
    assert "reconnaissance faciale" in french["q"][0] and french["ceid"] == ["FR:fr"]


def test_a_language_without_an_edition_names_the_vendor_and_the_fix(tmp_path: Path) -> None:
    vendors = write_vendors(tmp_path, "  - name: Facecorp\n    languages: [xx]\n")
    with pytest.raises(vendor_searches.SearchDataError) as caught:
        vendor_searches.generated_feeds(vendors_path=vendors)
    assert "'Facecorp'" in str(caught.value) and "'xx'" in str(caught.value)
    assert "en" in str(caught.value)  # the editions it could use


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("feeds", "expected"),
    [
        (
            "  - name: A\n    url: https://x.org/feed/?utm_source=a\n"
            "  - name: B\n    url: https://WWW.x.org/feed\n",
            ["'B'", "same address", "'A'", "remove one"],
        ),
        ("  - name: A\n    url: https://x.org/f\n    verified: maybe\n", ["'verified'", "false"]),
    ],
)
def test_the_list_refuses_a_repeated_address_or_a_bad_verified(
    tmp_path: Path, feeds: str, expected: list[str]
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, "feeds:\n" + feeds), env={})
    assert all(part in str(caught.value) for part in expected), str(caught.value)


def test_a_written_feed_that_repeats_a_generated_search_says_which_vendor(tmp_path: Path) -> None:
    generated = vendor_searches.generated_feeds()[0]
    text = f"vendor_searches: {{interval: 2h}}\nfeeds:\n  - name: Mine\n    url: {generated.url}\n"
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, text), env={})
    assert "same address" in str(caught.value) and "own_feed" in str(caught.value)


def cli(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "bot.db"), "--feeds", str(tmp_path / "feeds.yaml"), *args]
    )
    return result.exit_code, result.output


def test_an_unconfirmed_address_that_is_dead_on_the_first_run_says_so_plainly(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/pattern/feed/", b"<html>Not found</html>", status=404,
                    content_type="text/html")  # fmt: skip
    feed_server.set("/known.xml", b"", status=404)
    feed_server.set("/page", b"<html><body>a web page</body></html>", content_type="text/html")
    write_config(tmp_path, "defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "feeds:\n"
                 f"  - name: Pattern Blog\n    url: {feed_server.url('/pattern/feed/')}\n"
                 "    verified: false\n"
                 f"  - name: Pattern Page\n    url: {feed_server.url('/page')}\n"
                 "    verified: false\n"
                 f"  - name: Known Feed\n    url: {feed_server.url('/known.xml')}\n")  # fmt: skip

    code, listing = cli(tmp_path, "feeds")
    assert code == 0, listing
    assert table_rows(listing)["Pattern Blog"][1:] == ["new", "never", "0", "now", "unconfirmed"]

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "bot.db"), "--feeds",
                                       str(tmp_path / "feeds.yaml"), "poll", "--all"])  # fmt: skip
    text = " ".join(result.output.split())
    assert "warning: 3 feed(s) failed" in text
    for name in ("Pattern Blog", "Pattern Page"):  # the 404 and the web page, not the other
        problem = text.split(f"{name}: ", 1)[1]
        assert problem.index("never confirmed") < problem.index("probably wrong") < 400
    assert text.count("never confirmed") == 2 and "verified: false" in text

    code, listing = cli(tmp_path, "feeds")
    rows = table_rows(listing)
    assert rows["Pattern Blog"][1] == "DEAD" and rows["Pattern Blog"][-1] == "unconfirmed"
    assert rows["Pattern Page"][1] == "DEAD"
    assert rows["Known Feed"][1] == "FAILING"
    assert "2 dead, 1 failing" in listing
    assert rows["Pattern Blog"][4] == "in 24h"  # not a quiet backoff ladder


def test_an_unconfirmed_address_that_stumbles_is_not_called_dead(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/flaky.xml", b"", status=503)
    write_config(tmp_path, "defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "feeds:\n"
                 f"  - name: Flaky\n    url: {feed_server.url('/flaky.xml')}\n"
                 "    verified: false\n")  # fmt: skip
    CliRunner().invoke(main, ["--db", str(tmp_path / "bot.db"), "--feeds",
                              str(tmp_path / "feeds.yaml"), "poll", "--all"])  # fmt: skip
    code, listing = cli(tmp_path, "feeds")
    assert table_rows(listing)["Flaky"][1] == "FAILING"
    assert table_rows(listing)["Flaky"][-1] == "unconfirmed"


def test_generated_searches_are_listed_like_the_others(tmp_path: Path) -> None:
    write_config(tmp_path, "vendor_searches:\n  interval: 6h\nfeeds:\n"
                 "  - name: Own\n    url: https://own.example/feed\n")  # fmt: skip
    code, listing = cli(tmp_path, "feeds")
    assert code == 0, listing
    rows = table_rows(listing)
    assert rows["Own"][1] == "new"
    assert rows["Google News - Clearview AI (en)"][1] == "new"
    assert listing.index("News searches generated from vendors.yaml") < listing.index(
        "Google News - Clearview AI (en)"
    )
    total = 1 + len(vendor_searches.generated_feeds())
    assert f"{total} feeds: {total} new" in listing
