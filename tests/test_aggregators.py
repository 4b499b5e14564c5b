"""Aggregator and curated items read for what they are: publisher, article, one report.

Parsing goes through the real feedparser path (``parse_feed``) on bodies in the
shapes Google News, Bing News and publishers serve (tests/aggregator_feeds.py).
"""

from __future__ import annotations

from bot.models import FetchResult
from bot.sources.aggregators import coverage, guess_suffix, outlet_key, strip_suffix
from bot.sources.parse import parse_feed
from tests.aggregator_feeds import (
    Story,
    bing_item,
    bing_news,
    google_item,
    google_news,
    publisher_feed,
)

REUTERS = Story("Facecorp halts sales of its face search tool to police for a year", "Reuters",
                "https://www.reuters.com", "/technology/facecorp-halts-2026/", "CBMiRRR1")  # fmt: skip
VERGE = Story("Facecorp stops selling face search to police departments", "The Verge",
              "https://www.theverge.com", "/policy/facecorp-police", "CBMiVVV1")  # fmt: skip
WIRED = Story("What the Facecorp pause means for police", "WIRED", "https://www.wired.com",
              "/story/facecorp-pause", "CBMiWWW1")  # fmt: skip


def parse(body: str, name: str = "search"):  # noqa: ANN201 - a ParsedFeed
    result = FetchResult(feed_id=name, outcome="ok", body=body.encode(),
                         final_url="https://feeds.example/" + name)  # fmt: skip
    parsed = parse_feed(result, feed_id=name, source=name)
    assert parsed.error is None, parsed.error
    return parsed.entries


def test_a_google_news_item_names_its_publisher_and_drops_the_suffix() -> None:
    (entry,) = parse(google_news("facecorp", google_item(REUTERS)), "gn")
    assert entry.title == REUTERS.headline
    assert entry.outlet == "Reuters" and entry.publisher == "Reuters" and entry.via == "gn"
    assert entry.outlet_url == "https://www.reuters.com"  # the article itself is opaque
    assert entry.link == "https://news.google.com/rss/articles/CBMiRRR1?oc=5"
    assert entry.article_id == "news.google.com:CBMiRRR1" and entry.article_url is None
    assert entry.summary == ""  # the description only repeated the headline and outlet
    assert "Reuters" not in entry.text


def test_without_a_source_element_the_title_suffix_names_the_outlet() -> None:
    (entry,) = parse(google_news("facecorp", google_item(VERGE, source=False)))
    assert entry.title == VERGE.headline and entry.outlet == "The Verge"


def test_a_story_cluster_lists_its_related_outlets_without_them_becoming_reports() -> None:
    (entry,) = parse(google_news("facecorp", google_item(VERGE, related=(WIRED, REUTERS))))
    assert entry.outlet == "The Verge"
    assert entry.related == ("WIRED", "Reuters")
    assert entry.summary == "" and "WIRED" not in entry.text


def test_a_bing_news_item_leads_to_the_publisher_and_names_it() -> None:
    (entry,) = parse(bing_news("facecorp police", bing_item(REUTERS)))
    assert entry.outlet == "Reuters"
    assert entry.link == REUTERS.url and entry.outlet_url == REUTERS.url
    assert entry.article_url == "https://reuters.com/technology/facecorp-halts-2026"
    assert entry.key == f"link:{entry.article_url}"  # stable: not the click-tracking link


def test_curated_items_name_their_publisher_and_own_feeds_name_none() -> None:
    curated = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Planet Privacy</title><link>https://planet.example/</link>"
        "<description>x</description><item><title>Notes on a face search pause</title>"
        "<link>https://blog.example/notes</link><dc:publisher>Example Blog</dc:publisher>"
        "</item></channel></rss>"
    )
    (entry,) = parse(curated, "planet")
    assert entry.outlet == "Example Blog" and entry.via == "planet"
    (own,) = parse(publisher_feed("Reuters Technology", "https://www.reuters.com", REUTERS), "rt")
    assert own.outlet == "" and own.publisher == "rt"  # the feed is the outlet
    assert own.article_url == "https://reuters.com/technology/facecorp-halts-2026"


def test_one_article_has_the_same_keys_through_every_feed_that_carries_it() -> None:
    (english,) = parse(google_news("a", google_item(REUTERS)), "gn-en")
    (french,) = parse(google_news("b", google_item(REUTERS), language="fr-FR"), "gn-fr")
    (bing,) = parse(bing_news("c", bing_item(REUTERS)), "bing")
    (own,) = parse(publisher_feed("Reuters Technology", "https://www.reuters.com", REUTERS), "rt")
    assert english.article_id == french.article_id is not None
    assert bing.article_url == own.article_url is not None
    assert english.headline_key == bing.headline_key == own.headline_key is not None
    (other,) = parse(google_news("a", google_item(VERGE)), "gn-en")
    assert other.headline_key != english.headline_key


def test_title_helpers() -> None:
    assert strip_suffix("Pause announced - Reuters", "reuters") == "Pause announced"
    assert strip_suffix("Pause announced | The Verge", "The Verge") == "Pause announced"
    assert strip_suffix("Pause announced - Reuters", "AP News") == "Pause announced - Reuters"
    assert guess_suffix("Police pause face search tool - Local Daily") == (
        "Police pause face search tool",
        "Local Daily",
    )
    # a dash inside a headline with a long tail is not an outlet
    title = "Face search - the tool police used for years without telling anyone at all"
    assert guess_suffix(title) == (title, "")
    assert outlet_key("The Verge") == outlet_key("the verge") == "verge"
    assert coverage("plain words, no list") == ([], "plain words, no list")
