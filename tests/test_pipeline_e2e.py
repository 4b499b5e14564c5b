"""End to end: local feeds on 127.0.0.1 → real pipeline → SQLite → console alerts."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from click.testing import CliRunner

from bot.app import poll_and_deliver
from bot.cli import main
from bot.config import Config, load_config
from bot.pipeline import poll_once, prepare
from store import Store
from store import feeds as feeds_store
from tests import feedserver
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server

NOW = datetime.now(UTC)


def item(guid: str, title: str, summary: str, *, days_ago: float = 0.0, link: str = "") -> str:
    when = format_datetime(NOW - timedelta(days=days_ago))
    link = link or f"https://news.example/{guid}"
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>{when}</pubDate><description>{summary}</description></item>"
    )


def rss(*items: str, title: str = "Example") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://news.example/</link>"
        f"<description>x</description>{''.join(items)}</channel></rss>"
    )


OLD = item("old-1", "City council debates parking rules", "Nothing about faces.", days_ago=2)
PAUSE_A = item(
    "pause-a",
    "Amazon pauses police use of Rekognition for one year",
    "Amazon said it is implementing a one-year moratorium on police use of its "
    "Rekognition facial recognition software.",
)
PAUSE_B = item(
    "pause-b",
    "Amazon halts sales of face recognition to police departments for a year",
    "The company announced a one-year moratorium on law enforcement use of Rekognition, "
    "its facial recognition technology.",
)
NOISE = item("noise-1", "Quarterly earnings beat expectations", "Revenue rose 4 percent.")


def write_config(tmp_path: Path, server: FeedServer, extra: str = "") -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 15m\n  max_alert_age_days: 14\n" + ALLOW_LOCAL + extra + "feeds:\n"
        f"  - name: Outlet A\n    url: {server.url('/a.xml')}\n    kind: news\n"
        f"  - name: Outlet B\n    url: {server.url('/b.xml')}\n    kind: news\n",
        encoding="utf-8",
    )
    return path


def poll(store: Store, config: Config) -> str:
    out = io.StringIO()
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=out))
    return out.getvalue()


def test_first_sight_is_silent_then_one_alert_per_event_then_none(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/a.xml", rss(OLD), etag='"a1"')
    feed_server.set("/b.xml", rss(NOISE), etag='"b1"')
    config = load_config(write_config(tmp_path, feed_server), env={})
    db = tmp_path / "bot.db"
    store = Store.open(db)

    assert poll(store, config).strip() == ""  # baseline: recorded, not alerted
    assert store.query("SELECT COUNT(*) AS n FROM entries")[0]["n"] == 2

    feed_server.set("/a.xml", rss(PAUSE_A, OLD), etag='"a2"')
    feed_server.set("/b.xml", rss(PAUSE_B, NOISE), etag='"b2"')
    printed = poll(store, config)
    assert printed.count("Amazon") >= 1
    assert "Rekognition" in printed
    alerts = store.query("SELECT COUNT(*) AS n FROM deliveries WHERE kind = 'alert'")[0]["n"]
    assert alerts == 1  # two outlets, one event, one alert

    rows = store.query("SELECT COUNT(*) AS n FROM deliveries")[0]["n"]  # alert + follow-up
    assert "moratorium" not in poll(store, config)  # nothing new: 304s
    assert any("if-none-match" in r.headers for r in feed_server.requests_for("/a.xml"))
    store.close()

    restarted = Store.open(db)
    again = poll(restarted, config)
    assert "Rekognition" not in again
    assert restarted.query("SELECT COUNT(*) AS n FROM deliveries")[0]["n"] == rows


def test_old_items_never_alert(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set("/a.xml", rss(OLD))
    feed_server.set("/b.xml", rss(NOISE))
    config = load_config(write_config(tmp_path, feed_server), env={})
    store = Store.open(tmp_path / "bot.db")
    poll(store, config)
    stale = PAUSE_A.replace(format_datetime(NOW), format_datetime(NOW - timedelta(days=40)))
    feed_server.set("/a.xml", rss(stale, OLD))
    assert "Rekognition" not in poll(store, config)
    assert store.query("SELECT COUNT(*) AS n FROM findings")[0]["n"] == 1  # recorded all the same


def test_a_failing_feed_backs_off_while_the_other_continues(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/a.xml", "oops", status=500)
    feed_server.set("/b.xml", rss(NOISE))
    config = load_config(write_config(tmp_path, feed_server), env={})
    store = Store.open(tmp_path / "bot.db")
    poll(store, config)
    feed_server.set("/b.xml", rss(PAUSE_B, NOISE))
    printed = poll(store, config)
    assert "Rekognition" in printed  # B alerted although A keeps failing
    states = {f.id: f for f in feeds_store.list_feeds(store)}
    assert states["outlet-a"].consecutive_failures == 2
    assert states["outlet-a"].status == "failing"
    assert "500" in (states["outlet-a"].last_error or "")
    assert states["outlet-b"].consecutive_failures == 0
    due_a = states["outlet-a"].next_due_at
    assert due_a is not None and due_a - datetime.now(UTC) > timedelta(minutes=20)  # backed off


def test_cli_poll_prints_summary_and_alert(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set("/a.xml", rss(OLD))
    feed_server.set("/b.xml", rss(NOISE))
    config = write_config(tmp_path, feed_server)
    args = ["--feeds", str(config), "--db", str(tmp_path / "bot.db"), "poll", "--all"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "2 fetched" in first.output and "0 alerts" in first.output
    feed_server.set("/a.xml", rss(PAUSE_A, OLD))
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "Rekognition" in second.output and "1 alerts" in second.output
    listed = CliRunner().invoke(main, [*args[:4], "events", "--json"])
    assert listed.exit_code == 0 and '"vendor": "Amazon"' in listed.output


def test_broken_config_exits_nonzero_without_touching_the_store(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds:\n  - name: A\n    url: not-a-url\n", encoding="utf-8")
    db = tmp_path / "bot.db"
    result = CliRunner().invoke(main, ["--feeds", str(bad), "--db", str(db), "poll"])
    assert result.exit_code != 0
    assert "feeds[1]" in result.output and "http(s) URL" in result.output
    assert not db.exists()


def test_poll_all_honours_an_unexpired_retry_after_and_says_so(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/a.xml", b"", status=429, headers={"Retry-After": "3600"})
    feed_server.set("/b.xml", rss(NOISE))
    config = write_config(tmp_path, feed_server)
    args = ["--feeds", str(config), "--db", str(tmp_path / "bot.db"), "poll", "--all"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0 and "1 failed" in first.output, first.output
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert len(feed_server.requests_for("/a.xml")) == 1  # not asked again within the hour
    assert len(feed_server.requests_for("/b.xml")) == 2
    assert "polled 1 feeds" in second.output
    assert "'Outlet A' not polled" in second.output and "Retry-After" in second.output


def test_worker_processes_record_only_new_items(tmp_path: Path, feed_server: FeedServer) -> None:
    """The process-pool path: parsing and extraction in workers, known keys skipped,
    the alert still found (the finding comes back from the worker)."""
    from bot.pipeline import poll_once, prepare

    stories = [item(f"g{n}", f"Story {n}", "Nothing new.") for n in range(6)]
    feed_server.set("/a.xml", rss(*stories[:4]))
    feed_server.set("/b.xml", rss(NOISE))
    config = load_config(write_config(tmp_path, feed_server), env={})
    store = Store.open(tmp_path / "bot.db")
    prepare(store, config)
    first = asyncio.run(poll_once(store, config, include_all=True, workers=2))
    assert (first.new_entries, first.alerts) == (5, 0)  # baseline
    feed_server.set("/a.xml", rss(PAUSE_A, *stories))
    second = asyncio.run(poll_once(store, config, include_all=True, workers=2))
    assert (second.new_entries, second.alerts) == (3, 1)
    assert store.query("SELECT COUNT(*) AS n FROM entries")[0]["n"] == 8
    assert store.query("SELECT COUNT(*) AS n FROM findings")[0]["n"] >= 1
    store.close()


def test_a_cycle_of_304s_saves_every_feeds_fetch_state(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    # 304s are written together at the end of the cycle, not one write per feed
    feed_server.set("/a.xml", rss(OLD), etag='"a1"')
    feed_server.set("/b.xml", rss(NOISE), etag='"b1"')
    config = load_config(write_config(tmp_path, feed_server), env={})
    store = Store.open(tmp_path / "bot.db")
    prepare(store, config)
    first = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    asyncio.run(poll_once(store, config, include_all=True, now=first))
    feed_server.set("/b.xml", "down", status=503)  # a: 304; b: fails in the same cycle
    later = first + timedelta(hours=2)
    summary = asyncio.run(poll_once(store, config, include_all=True, now=later))
    assert summary.not_modified == 1 and summary.failed == 1
    a = {f.id: f for f in feeds_store.list_feeds(store)}["outlet-a"]
    assert a.etag == '"a1"' and a.status == "ok" and a.consecutive_failures == 0
    assert a.last_fetch_at == later  # the 304 fetch was recorded, and its next due time
    assert a.next_due_at is not None and a.next_due_at > later
    b = {f.id: f for f in feeds_store.list_feeds(store)}["outlet-b"]
    assert b.consecutive_failures == 1 and b.etag == '"b1"' and b.last_fetch_at == later
    assert len(feed_server.requests_for("/a.xml")) == 2
