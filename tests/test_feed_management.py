"""Feeds managed without editing feeds.yaml: add (one real fetch first), refusals,
remove, enable/disable, OPML import/export; added feeds are polled like the others
and feeds.yaml wins on a conflict. Real HTTP on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from bot.cli.main import main
from bot.sources.opml import read_opml
from store import Store, feed_catalog
from store.feeds import get_feed
from tests import feedserver
from tests.archive import serve_stories
from tests.cli_tables import table_rows
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server


def setup(tmp_path: Path, server: FeedServer, *, allow: bool = True) -> Path:
    serve_stories(server)
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "# hand-written comment that must survive\ndefaults:\n  interval: 15m\n"
        + (ALLOW_LOCAL if allow else "")
        + f"feeds:\n  - name: Policy Wire\n    url: {server.url('/wire.xml')}\n",
        encoding="utf-8",
    )
    return config


def cli(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(tmp_path / "bot.db"), "--feeds",
                                     str(tmp_path / "feeds.yaml"), *args])  # fmt: skip


def test_add_fetches_once_reports_and_saves(tmp_path: Path, feed_server: FeedServer) -> None:
    config = setup(tmp_path, feed_server)
    before = config.read_text(encoding="utf-8")
    url = feed_server.url("/daily.xml")
    result = cli(tmp_path, "feeds", "add", url, "--tag", "tech", "--interval", "1h")
    assert result.exit_code == 0, result.output
    assert "Added feed 'Tech Daily' (id tech-daily, news)" in result.output
    assert (
        "“Tech Daily”: 2 items, newest 2021-05-18; 2 of 2 items look like FR policy news"
        in result.output
    )
    assert len(feed_server.requests_for("/daily.xml")) == 1
    assert config.read_text(encoding="utf-8") == before  # feeds.yaml untouched
    store = Store.open(tmp_path / "bot.db")
    [added] = feed_catalog.added_feeds(store)
    assert (added.id, added.url, added.interval, added.tags) == ("tech-daily", url, 3600, ("tech",))
    store.close()

    listing = cli(tmp_path, "feeds").output
    assert table_rows(listing)["Tech Daily"][-1] == "added via cli"
    polled = cli(tmp_path, "poll", "--all")  # an added feed is polled like the others
    assert polled.exit_code == 0 and "polled 2 feeds: 2 fetched" in polled.output
    assert len(feed_server.requests_for("/daily.xml")) == 2
    listing = cli(tmp_path, "feeds").output  # and survives the next sync with feeds.yaml
    assert table_rows(listing)["Tech Daily"][1] == "ok"


def test_refusals_name_the_problem(tmp_path: Path, feed_server: FeedServer) -> None:
    setup(tmp_path, feed_server)
    page = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
        'href="/daily.xml"><link rel="stylesheet" href="/s.css"></head><body>Blog</body></html>'
    )
    feed_server.set("/blog", page.encode(), content_type="text/html; charset=utf-8")
    feed_server.set("/about", b"<!doctype html><html><body>About</body></html>",
                    content_type="text/html")  # fmt: skip
    feed_server.set("/gone.xml", b"", status=404)
    cases = {
        feed_server.url("/wire.xml"): "already polled as feed 'Policy Wire'",
        feed_server.url("/wire.xml") + "?utm_source=x": "already polled as feed 'Policy Wire'",
        feed_server.url("/blog"): f"is a web page, not a feed. It advertises: {feed_server.url('/daily.xml')}",
        feed_server.url("/about"): "is not an RSS or Atom feed (a web page, advertising no feed)",
        feed_server.url("/gone.xml"): "HTTP 404",
        "ftp://files.example/feed": "must be an http(s) URL",
        "http://192.168.1.20/rss": "192.168.1.20, a private address",
    }  # fmt: skip
    for url, problem in cases.items():
        result = cli(tmp_path, "feeds", "add", url)
        assert result.exit_code == 1, (url, result.output)
        assert "Not added:" in result.output and problem in result.output, result.output
    store = Store.open(tmp_path / "bot.db")
    assert feed_catalog.added_feeds(store) == []
    store.close()


def test_a_private_address_is_refused_without_allow_hosts(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    setup(tmp_path, feed_server, allow=False)
    (tmp_path / "feeds.yaml").write_text(
        "feeds:\n  - name: Public\n    url: https://public.example/rss\n"
    )
    for url in (
        feed_server.url("/daily.xml"),
        feed_server.url("/daily.xml").replace("127.0.0.1", "localhost"),
    ):
        result = cli(tmp_path, "feeds", "add", url)
        assert result.exit_code == 1 and "127.0.0.1, a loopback address" in result.output
        assert "allow_hosts" in result.output
    assert feed_server.requests_for("/daily.xml") == []  # refused before any request


def test_same_name_twice_is_refused_and_a_name_can_be_given(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    setup(tmp_path, feed_server)
    feed_server.set("/other.xml", feed_server.routes["/daily.xml"].body)
    assert cli(tmp_path, "feeds", "add", feed_server.url("/daily.xml")).exit_code == 0
    again = cli(tmp_path, "feeds", "add", feed_server.url("/other.xml"))
    assert again.exit_code == 1 and "already used by feed 'Tech Daily'" in again.output
    assert "--name" in again.output
    named = cli(tmp_path, "feeds", "add", feed_server.url("/other.xml"), "--name", "Mirror")
    assert named.exit_code == 0 and "Added feed 'Mirror'" in named.output


def test_remove_enable_disable(tmp_path: Path, feed_server: FeedServer) -> None:
    setup(tmp_path, feed_server)
    cli(tmp_path, "feeds", "add", feed_server.url("/daily.xml"))
    off = cli(tmp_path, "feeds", "disable", "Policy Wire")  # a feeds.yaml feed, by name
    assert off.exit_code == 0 and "remembered across restarts" in off.output
    assert table_rows(cli(tmp_path, "feeds").output)["Policy Wire"][1] == "disabled"
    polled = cli(tmp_path, "poll", "--all").output
    assert "polled 1 feeds" in polled and feed_server.requests_for("/wire.xml") == []
    on = cli(tmp_path, "feeds", "enable", "policy-wire")
    assert on.exit_code == 0
    assert table_rows(cli(tmp_path, "feeds").output)["Policy Wire"][1] == "new"

    refused = cli(tmp_path, "feeds", "remove", "policy-wire")
    assert (
        refused.exit_code == 1
        and "declared in" in refused.output
        and "feeds disable" in refused.output
    )
    unknown = cli(tmp_path, "feeds", "remove", "nothing-like-it")
    assert unknown.exit_code == 1 and "no feed is called 'nothing-like-it'" in unknown.output
    removed = cli(tmp_path, "feeds", "remove", "Tech Daily")
    assert removed.exit_code == 0 and "removed feed 'tech-daily'" in removed.output
    store = Store.open(tmp_path / "bot.db")
    assert get_feed(store, "tech-daily") is None
    store.close()


def test_feeds_yaml_wins_on_a_conflict_and_says_so(tmp_path: Path, feed_server: FeedServer) -> None:
    config = setup(tmp_path, feed_server)
    cli(tmp_path, "feeds", "add", feed_server.url("/daily.xml"))
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"  - name: Daily Copy\n    url: {feed_server.url('/daily.xml')}\n")
    result = cli(tmp_path, "feeds")
    assert "the feeds.yaml entry wins; the added one is disabled" in result.output
    rows = table_rows(result.output)
    assert rows["Tech Daily"][1] == "disabled" and rows["Daily Copy"][1] == "new"
    config.write_text(text + f"  - name: Tech Daily\n    url: {feed_server.url('/daily.xml')}\n")
    result = cli(tmp_path, "feeds")
    assert "feeds.yaml now declares the id 'tech-daily' too" in result.output
    store = Store.open(tmp_path / "bot.db")
    assert feed_catalog.added_feeds(store) == [] and get_feed(store, "tech-daily") is not None
    store.close()


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>My reader</title></head><body>
  <outline text="Policy" title="Policy">
    <outline type="rss" text="Daily" title="Tech Daily" xmlUrl="{daily}" category="/eu,tech"/>
    <outline type="rss" text="Wire again" xmlUrl="{wire}"/>
  </outline>
  <outline type="rss" text="Broken" xmlUrl="{broken}"/>
</body></opml>
"""


def test_opml_import_and_export_round_trip(tmp_path: Path, feed_server: FeedServer) -> None:
    setup(tmp_path, feed_server)
    feed_server.set("/broken.xml", b"", status=500)
    opml = tmp_path / "reader.opml"
    opml.write_text(OPML.format(daily=feed_server.url("/daily.xml"), wire=feed_server.url("/wire.xml"),
                                broken=feed_server.url("/broken.xml")))  # fmt: skip
    result = cli(tmp_path, "feeds", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert "imported 1 of 3 feeds" in result.output
    assert "already polled as feed 'Policy Wire'" in result.output and "HTTP 500" in result.output

    exported = cli(tmp_path, "feeds", "export")
    assert exported.exit_code == 0
    back = {f.url: f for f in read_opml(exported.output)}
    assert set(back) == {feed_server.url("/wire.xml"), feed_server.url("/daily.xml")}
    assert back[feed_server.url("/daily.xml")].title == "Tech Daily"
    assert set(back[feed_server.url("/daily.xml")].tags) >= {"policy", "eu", "tech"}

    bad = tmp_path / "bad.opml"
    bad.write_text("<rss><channel/></rss>")
    refused = cli(tmp_path, "feeds", "import", str(bad))
    assert refused.exit_code == 1 and "not OPML" in refused.output
