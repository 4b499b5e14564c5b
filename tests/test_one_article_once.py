"""End to end on 127.0.0.1: one story through Google News searches (English and
French), Bing News and the publisher's own feed is one alert that names the real
outlets, never repeats an article already shown, and counts distinct publishers."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from click.testing import CliRunner

from bot.app import poll_and_deliver
from bot.cli import main
from bot.config import Config, load_config
from bot.sources.aggregators import outlet_key
from store import Store
from store import event_reads as events_store
from tests import feedserver
from tests.aggregator_feeds import (
    Story,
    bing_item,
    bing_news,
    google_item,
    google_news,
    publisher_feed,
)
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server

REUTERS = Story(
    "Clearview AI halts sales of its facial recognition software to police for a year",
    "Reuters", "https://www.reuters.com", "/technology/clearview-ai-halts-police-sales/",
    "CBMiRRR1", summary="Clearview AI said it would stop selling its facial recognition "
    "software to police departments for one year.",
)  # fmt: skip
AP = Story("Clearview AI pauses police use of face recognition tool", "AP News",
           "https://apnews.com", "/article/clearview-police-pause", "CBMiAAA1", hours_ago=2)  # fmt: skip
LE_MONDE = Story(
    "Clearview AI gèle pendant un an la vente de sa reconnaissance faciale aux policiers",
    "Le Monde", "https://www.lemonde.fr", "/pixels/article/clearview-suspend", "CBMiLLL1",
    hours_ago=3,
)  # fmt: skip
VERGE = Story("Clearview AI stops selling facial recognition to police for a year", "The Verge",
              "https://www.theverge.com", "/policy/clearview-police", "CBMiVVV1", hours_ago=4)  # fmt: skip
WIRED = Story("The Clearview pause, explained", "WIRED", "https://www.wired.com",
              "/story/clearview-pause", "CBMiWWW1")  # fmt: skip
ENGADGET = Story("Clearview takes a year off police sales", "Engadget",
                 "https://www.engadget.com", "/clearview-police-sales", "CBMiEEE1")  # fmt: skip
NOISE = Story("City council debates new parking rules downtown", "Local Paper",
              "https://local.example", "/parking", "CBMiNNN1", hours_ago=30)  # fmt: skip

FEEDS = {
    "/gn-q1": "Google News - facial recognition police",
    "/gn-q2": "Google News - Clearview",
    "/gn-fr": "Google News FR - reconnaissance faciale",
    "/bing": "Bing News - facial recognition",
    "/reuters": "Reuters",  # a publisher's own feed, named after it
}


def write_config(tmp_path: Path, server: FeedServer) -> Config:
    lines = "".join(f"  - name: {name}\n    url: {server.url(path)}\n    kind: news\n"
                    for path, name in FEEDS.items())  # fmt: skip
    path = tmp_path / "feeds.yaml"
    path.write_text("defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "feeds:\n" + lines)
    return load_config(path, env={})


def serve_story(server: FeedServer) -> None:
    """The same Reuters article in every feed, with other outlets' coverage around it."""
    server.set("/gn-q1", google_news('"facial recognition" police', google_item(REUTERS),
                                     google_item(AP), google_item(NOISE)))  # fmt: skip
    server.set("/gn-q2", google_news("Clearview", google_item(REUTERS),
                                     google_item(VERGE, related=(WIRED, ENGADGET, REUTERS))))  # fmt: skip
    server.set("/gn-fr", google_news('"reconnaissance faciale"', google_item(LE_MONDE),
                                     google_item(REUTERS), language="fr-FR"))  # fmt: skip
    server.set("/bing", bing_news("facial recognition", bing_item(REUTERS), bing_item(AP)))
    server.set("/reuters", publisher_feed("Reuters Technology", "https://www.reuters.com",
                                          REUTERS))  # fmt: skip


def poll(store: Store, config: Config) -> str:
    out = io.StringIO()
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=out))
    return out.getvalue()


def test_one_story_through_many_feeds_is_one_alert_naming_the_real_outlets(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = write_config(tmp_path, feed_server)
    for path in FEEDS:
        feed_server.set(path, google_news("quiet", google_item(NOISE)))
    store = Store.open(tmp_path / "bot.db")
    assert poll(store, config).strip() == ""  # the first sight of each feed is a baseline

    serve_story(feed_server)
    printed = poll(store, config)
    alerts = store.query("SELECT COUNT(*) AS n FROM deliveries WHERE kind = 'alert'")
    assert alerts[0]["n"] == 1

    (event,) = events_store.recent_events(store, limit=5, with_mentions=True)
    reports = {(m.source, m.title) for m in event.mentions}
    articles = {(s.outlet, s.headline) for s in (REUTERS, AP, LE_MONDE, VERGE)}
    assert reports == articles  # each article once, under its publisher and plain headline
    assert event.mention_count == len(articles)
    publishers = {outlet_key(s.outlet) for s in (REUTERS, AP, LE_MONDE, VERGE, WIRED, ENGADGET)}
    assert event.source_count == len(publishers)  # cluster outlets count, without posts
    assert f"{len(publishers)} outlets" in printed

    follow_ups = [line for line in printed.splitlines() if "↳" in line]
    named = [line.split("reported by ", 1)[-1].split(":")[0].strip() for line in follow_ups]
    opener = min(event.mentions, key=lambda m: m.entry_id).source  # the report that alerted
    assert sorted(named) == sorted(o for o, _ in articles if o != opener)  # new outlets only
    for path, name in FEEDS.items():
        if path != "/reuters":  # the aggregators' feeds are never named as outlets
            assert f"reported by {name}" not in printed and f"({name})" not in printed
    for story in (REUTERS, AP, LE_MONDE, VERGE):
        assert f"{story.headline} - {story.outlet}" not in printed
    assert "WIRED" not in printed and "Engadget" not in printed  # counted, not posted

    copies = store.query(
        "SELECT feed_id, duplicate_of FROM entries WHERE title = ? ORDER BY id", [REUTERS.headline]
    )
    assert len(copies) == len(FEEDS)  # every feed recorded its copy …
    assert sum(row["duplicate_of"] is None for row in copies) == 1  # … of one article

    assert poll(store, config).strip() == ""  # nothing new: nothing printed
    store.close()

    def cli(*words: str) -> str:
        args = ["--db", str(tmp_path / "bot.db"), "--feeds", str(tmp_path / "feeds.yaml")]
        result = CliRunner().invoke(main, [*args, *words])
        assert result.exit_code == 0, result.output
        return result.output

    (row,) = cli("events").splitlines()[1:]  # one event: its reports, titled by its outlets
    assert f"  {len(articles)}  " in row
    first = event.mentions[0].source  # the earliest report's outlet comes first
    assert row.split(f"  {len(articles)}  ", 1)[1].startswith(first)
    found = cli("search", "Clearview", "halts", "sales")
    assert found.count(REUTERS.headline) == 1  # one article, one result …
    assert "  Reuters\n" in found  # … under its publisher


def test_a_later_copy_of_an_article_already_shown_posts_nothing(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = write_config(tmp_path, feed_server)
    for path in FEEDS:
        feed_server.set(path, google_news("quiet", google_item(NOISE)))
    store = Store.open(tmp_path / "bot.db")
    poll(store, config)
    feed_server.set("/gn-q1", google_news("q", google_item(REUTERS), google_item(NOISE)))
    first = poll(store, config)
    assert "Clearview AI halts sales" in first and "(Reuters, via" in first

    # the publisher's own feed and Bing carry the same article a cycle later
    feed_server.set("/reuters", publisher_feed("Reuters Technology", "https://www.reuters.com",
                                               REUTERS))  # fmt: skip
    feed_server.set("/bing", bing_news("q", bing_item(REUTERS)))
    assert poll(store, config).strip() == ""
    updates = store.query("SELECT COUNT(*) AS n FROM event_updates")[0]["n"]
    assert updates == 0

    # the same outlet with a different article and nothing new to say: a report, no post
    again = Story("Clearview AI confirms one-year halt on police sales of its face recognition"
                  " software", "Reuters", "https://www.reuters.com",
                  "/technology/clearview-confirms-halt/", "CBMiRRR2")  # fmt: skip
    feed_server.set("/gn-q2", google_news("q", google_item(again), google_item(NOISE)))
    assert poll(store, config).strip() == ""
    (event,) = events_store.recent_events(store, limit=5)
    assert event.mention_count == 2 and event.source_count == 1

    # the same outlet with new facts: a follow-up
    later = Story("Clearview AI extends its halt on police sales indefinitely", "Reuters",
                  "https://www.reuters.com", "/technology/clearview-extends-halt/", "CBMiRRR3")  # fmt: skip
    feed_server.set("/gn-fr", google_news("q", google_item(later), google_item(NOISE)))
    printed = poll(store, config)
    assert "↳ More from Reuters" in printed and later.headline in printed
    store.close()
