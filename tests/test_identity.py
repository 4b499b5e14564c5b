"""Item identity: canonical links and per-fetch key assignment with demotion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.sources.identity import RawIdentity, assign_keys, canonical_link

ARTICLE = "https://news.example.com/2024/03/vendor-pauses-face-search"


@pytest.mark.parametrize(
    "variant",
    [
        ARTICLE,
        "HTTPS://NEWS.EXAMPLE.COM/2024/03/vendor-pauses-face-search",
        "http://news.example.com/2024/03/vendor-pauses-face-search",
        "https://www.news.example.com/2024/03/vendor-pauses-face-search",
        "https://m.news.example.com/2024/03/vendor-pauses-face-search",
        "https://mobile.news.example.com/2024/03/vendor-pauses-face-search",
        "https://amp.news.example.com/2024/03/vendor-pauses-face-search",
        "https://news.example.com/2024/03/vendor-pauses-face-search/",
        "https://news.example.com/2024/03/vendor-pauses-face-search/amp",
        "https://news.example.com/2024/03/vendor-pauses-face-search/amp/",
        "https://news.example.com/amp/2024/03/vendor-pauses-face-search",
        "https://news.example.com/2024/03/vendor-pauses-face-search.amp",
        "https://news.example.com/2024/03/vendor-pauses-face-search?amp",
        "https://news.example.com/2024/03/vendor-pauses-face-search?outputType=amp",
        "https://news.example.com/2024/03/vendor-pauses-face-search#comments",
        "https://news.example.com:443/2024/03/vendor-pauses-face-search",
        "http://news.example.com:80/2024/03/vendor-pauses-face-search",
        "  https://news.example.com/2024/03/vendor-pauses-face-search  ",
        "https://news.example.com/2024/03/vendor-pauses-face-search?utm_source=rss&utm_medium=feed"
        "&utm_campaign=x&fbclid=IwAR0&gclid=abc&mc_cid=1&mc_eid=2&igshid=3&ref=home&cmpid=4"
        "&ocid=5&_hsenc=6&_hsmi=7",
    ],
)
def test_variants_of_one_article_share_a_canonical_link(variant: str) -> None:
    assert canonical_link(variant) == ARTICLE


def test_content_parameters_are_kept_and_sorted() -> None:
    first = canonical_link("https://example.com/story?id=42&page=2&utm_source=x")
    second = canonical_link("https://example.com/story?page=2&id=42")
    assert first == second == "https://example.com/story?id=42&page=2"
    assert canonical_link("https://example.com/story?id=43") != first


def test_distinct_paths_and_hosts_stay_distinct() -> None:
    assert canonical_link("https://example.com/a") != canonical_link("https://example.com/b")
    assert canonical_link("https://a.example.com/x") != canonical_link("https://b.example.com/x")
    assert canonical_link("https://example.com:8443/x") == "https://example.com:8443/x"
    assert canonical_link("https://example.com/Case") != canonical_link("https://example.com/case")


def test_prefix_is_not_stripped_when_it_is_the_whole_domain() -> None:
    assert canonical_link("https://m.com/x") == "https://m.com/x"
    assert canonical_link("https://www.com/") == "https://www.com/"


def test_root_and_empty_path_agree() -> None:
    assert canonical_link("https://Example.com") == canonical_link("https://example.com/")
    assert canonical_link("https://example.com") == "https://example.com/"


@pytest.mark.parametrize("value", ["urn:uuid:1234", "not a url", "mailto:a@example.com", ""])
def test_non_http_values_come_back_unchanged(value: str) -> None:
    assert canonical_link(value) == value


def test_bad_port_does_not_raise() -> None:
    assert canonical_link("https://example.com:99999/x") == "https://example.com:99999/x"


# --------------------------------------------------------------------------- keys

WHEN = datetime(2024, 3, 5, 14, 30, tzinfo=UTC)


def item(
    guid: str | None = None,
    link: str | None = None,
    title: str = "A title",
    published: datetime | None = WHEN,
    summary: str = "",
) -> RawIdentity:
    return RawIdentity(guid=guid, link=link, title=title, published=published, summary=summary)


def test_guid_is_preferred() -> None:
    keys = assign_keys([item(guid="abc-1", link="https://x.example/1")])
    assert keys == ["guid:abc-1"]


def test_link_when_no_guid_is_canonical() -> None:
    keys = assign_keys([item(link="https://www.x.example/1/?utm_source=rss#top")])
    assert keys == ["link:https://x.example/1"]


def test_hash_when_neither_guid_nor_link() -> None:
    keys = assign_keys([item(title="Vendor pauses sales")])
    assert keys[0].startswith("hash:") and len(keys[0]) == len("hash:") + 40


def test_hash_ignores_case_and_whitespace_but_not_the_date() -> None:
    a = assign_keys([item(title="Vendor  pauses\nSALES")])[0]
    b = assign_keys([item(title="vendor pauses sales")])[0]
    c = assign_keys([item(title="vendor pauses sales", published=WHEN + timedelta(days=1))])[0]
    assert a == b
    assert c != a


def test_hash_date_is_timezone_independent() -> None:
    other_zone = WHEN.astimezone(timezone(timedelta(hours=-5)))
    assert assign_keys([item(title="t", published=other_zone)]) == assign_keys([item(title="t")])


def test_blank_guid_counts_as_empty() -> None:
    keys = assign_keys([item(guid="   ", link="https://x.example/1")])
    assert keys == ["link:https://x.example/1"]


def test_duplicated_guid_demotes_those_items_to_link() -> None:
    items = [
        item(guid="same", link="https://x.example/1", title="One"),
        item(guid="same", link="https://x.example/2", title="Two"),
        item(guid="own", link="https://x.example/3", title="Three"),
    ]
    assert assign_keys(items) == [
        "link:https://x.example/1",
        "link:https://x.example/2",
        "guid:own",
    ]


def test_all_identical_guids_fall_back_to_link_for_every_item() -> None:
    items = [
        item(guid="https://x.example/", link=f"https://x.example/{n}", title=str(n))
        for n in range(5)
    ]
    keys = assign_keys(items)
    assert keys == [f"link:https://x.example/{n}" for n in range(5)]


def test_duplicated_guid_and_link_fall_back_to_hash() -> None:
    items = [
        item(guid="g", link="https://x.example/home", title="First story"),
        item(guid="g", link="https://x.example/home", title="Second story"),
    ]
    keys = assign_keys(items)
    assert all(k.startswith("hash:") for k in keys)
    assert keys[0] != keys[1]


def test_shared_link_variants_count_as_duplicates() -> None:
    items = [
        item(link="https://x.example/home?utm_source=a", title="First"),
        item(link="https://www.x.example/home/", title="Second"),
    ]
    keys = assign_keys(items)
    assert len(set(keys)) == 2
    assert all(k.startswith("hash:") for k in keys)


def test_same_title_and_date_without_link_are_told_apart_by_summary() -> None:
    items = [
        item(title="Daily briefing", summary="Vendor A pauses sales."),
        item(title="Daily briefing", summary="Vendor B ends a contract."),
    ]
    keys = assign_keys(items)
    assert len(set(keys)) == 2


def test_an_item_listed_twice_keeps_its_guid() -> None:
    twice = item(guid="g-9", link="https://x.example/9", title="Same item")
    assert assign_keys([twice, twice]) == ["guid:g-9", "guid:g-9"]


def test_demotion_only_affects_the_duplicated_items() -> None:
    items = [item(guid=f"g{n}", link=f"https://x.example/{n}", title=str(n)) for n in range(3)]
    items.append(item(guid="g0", link="https://x.example/other", title="clash"))
    keys = assign_keys(items)
    assert keys[1:3] == ["guid:g1", "guid:g2"]
    assert keys[0] == "link:https://x.example/0"
    assert keys[3] == "link:https://x.example/other"


def test_keys_are_stable_across_fetches() -> None:
    items = [item(guid=f"g{n}", title=f"t{n}") for n in range(4)]
    assert assign_keys(items) == assign_keys(list(items))
    assert assign_keys(items[1:]) == assign_keys(items)[1:]


def test_empty_input() -> None:
    assert assign_keys([]) == []
