"""Network policy: feeds cannot make policybot fetch non-public addresses.

Real sockets: the feed server on 127.0.0.1 is the only allowed host; redirects
from it to every non-public address class are refused before any connection,
and a poll through the real pipeline stores nothing from them.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import poll_and_deliver
from bot.config import ConfigError, load_config
from bot.sources.fetch import Fetcher
from bot.sources.netpolicy import NetworkPolicy, literal_address, refused_class
from store import Store
from tests import feedserver
from tests.feedserver import FeedServer
from tests.test_feeds_fetch import FAST, RSS, state

feed_server = feedserver.feed_server

# One target per address class (host as written in a Location header).
PRIVATE_TARGETS = {
    "loopback (other than the allowed 127.0.0.1)": "127.0.0.2",
    "IPv6 loopback": "[::1]",
    "cloud metadata (link-local)": "169.254.169.254",
    "private 10/8": "10.1.2.3",
    "private 192.168/16": "192.168.1.1",
    "private 172.16/12": "172.16.0.1",
    "carrier-grade NAT": "100.64.0.1",
    "multicast": "224.0.0.1",
    "unspecified": "0.0.0.0",
    "IPv6 unique-local": "[fd00::1]",
    "IPv6 link-local": "[fe80::1]",
    "IPv4-mapped loopback": "[::ffff:127.0.0.2]",
    "IPv4-mapped metadata": "[::ffff:169.254.169.254]",
    "decimal form of 127.0.0.2": "2130706434",
    "hex form of 169.254.169.254": "0xa9fea9fe",
}


@pytest.mark.parametrize("target", PRIVATE_TARGETS.values(), ids=list(PRIVATE_TARGETS))
async def test_a_redirect_to_a_non_public_address_is_refused_naming_it_and_the_setting(
    feed_server: FeedServer, target: str
) -> None:
    feed_server.redirect("/rss", f"http://{target}/latest/meta-data/", 302)
    async with Fetcher(FAST) as fetcher:
        result = await fetcher.fetch(state(feed_server.url("/rss")))
    assert result.outcome == "error" and not result.body
    assert result.error is not None
    assert "refused to connect" in result.error
    assert "defaults.allow_hosts" in result.error
    address = literal_address(target)
    assert address is not None
    assert str(address) in result.error or target.strip("[]") in result.error


async def test_the_allow_list_is_what_lets_the_local_server_through(
    feed_server: FeedServer,
) -> None:
    feed_server.set("/rss", RSS)
    async with Fetcher(replace(FAST, allow_hosts=())) as fetcher:
        refused = await fetcher.fetch(state(feed_server.url("/rss")))
    assert refused.outcome == "error" and "127.0.0.1 (loopback address)" in (refused.error or "")
    assert feed_server.requests_for("/rss") == []  # refused before connecting
    async with Fetcher(replace(FAST, allow_hosts=("127.0.0.0/8",))) as fetcher:
        allowed = await fetcher.fetch(state(feed_server.url("/rss")))
    assert allowed.outcome == "ok"


def resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """Answers for made-up host names (what a hostile DNS server could say)."""

    async def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


@pytest.mark.parametrize(
    "answer",
    [["169.254.169.254"], ["93.184.216.34", "10.0.0.7"], ["::1"], ["::ffff:192.168.0.1"]],
    ids=["metadata", "one-private-among-public", "ipv6-loopback", "ipv4-mapped"],
)
async def test_a_name_resolving_to_any_non_public_address_is_refused(answer: list[str]) -> None:
    resolve = resolver({"feeds.example": answer})
    async with Fetcher(replace(FAST, allow_hosts=()), resolve=resolve) as fetcher:
        result = await fetcher.fetch(state("http://feeds.example/rss"))
    assert result.outcome == "error" and "refused to connect" in (result.error or "")
    assert "which 'feeds.example' resolves to" in (result.error or "")
    assert "defaults.allow_hosts" in (result.error or "")


async def test_a_redirect_to_a_name_is_checked_on_that_hop(feed_server: FeedServer) -> None:
    feed_server.redirect("/rss", "http://inside.example/feed", 302)
    resolve = resolver({"inside.example": ["192.168.7.7"]})
    async with Fetcher(FAST, resolve=resolve) as fetcher:
        result = await fetcher.fetch(state(feed_server.url("/rss")))
    assert result.outcome == "error" and "192.168.7.7 (private address)" in (result.error or "")
    assert result.final_url == "http://inside.example/feed"


async def test_an_allowed_name_is_fetched_from_the_address_that_was_checked(
    feed_server: FeedServer,
) -> None:
    # no DNS server knows this name: the request can only reach the feed server
    # through the checked answer
    feed_server.set("/rss", RSS)
    port = feed_server.url("/").split(":")[2].split("/")[0]
    resolve = resolver({"feeds.internal": ["127.0.0.1"]})
    async with Fetcher(replace(FAST, allow_hosts=("feeds.internal",)), resolve=resolve) as f:
        result = await f.fetch(state(f"http://feeds.internal:{port}/rss"))
    assert result.outcome == "ok" and result.body == RSS
    assert feed_server.requests_for("/rss")[0].headers["host"] == f"feeds.internal:{port}"


def test_a_redirect_to_metadata_stores_nothing_through_the_pipeline(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.redirect("/a.xml", "http://169.254.169.254/latest/meta-data/", 302)
    feed_server.redirect("/b.xml", "http://[fd00::1]/feed", 307)
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  allow_hosts: [127.0.0.1]\nfeeds:\n"
        f"  - name: A\n    url: {feed_server.url('/a.xml')}\n"
        f"  - name: B\n    url: {feed_server.url('/b.xml')}\n",
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "bot.db")
    summary, _ = asyncio.run(
        poll_and_deliver(store, load_config(path, env={}), include_all=True, stream=io.StringIO())
    )
    assert summary.failed == 2 and summary.new_entries == 0
    assert all("refused to connect" in e for e in summary.errors)
    assert store.query("SELECT COUNT(*) AS n FROM entries")[0]["n"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8080/feed",
        "http://2130706433/feed",
        "http://0251.0376.0251.0376/latest/meta-data/",
        "http://[fd00::5]/rss",
        "http://[::ffff:10.0.0.1]/rss",
    ],
)
def test_a_feed_url_naming_a_private_address_is_refused_at_validation(
    tmp_path: Path, url: str
) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(f"feeds:\n  - name: Inside\n    url: {url}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"feeds\[1\].*defaults\.allow_hosts"):
        load_config(path, env={})
    host = url.split("/")[2].rsplit(":", 1)[0] if "[" not in url else url.split("/")[2]
    path.write_text(
        f"defaults:\n  allow_hosts: ['{host}', 0.0.0.0/0, '::/0']\n"
        f"feeds:\n  - name: Inside\n    url: {url}\n",
        encoding="utf-8",
    )
    assert load_config(path, env={}).feeds[0].url == url


def test_bad_allow_list_entries_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  allow_hosts: ['10.0.0.0/33']\nfeeds:\n  - name: A\n    url: https://a.org/f\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="allow_hosts.*CIDR"):
        load_config(path, env={})


def test_address_classes_and_allow_matching() -> None:
    def cls(text: str) -> str | None:
        address = literal_address(text)
        assert address is not None, text
        return refused_class(address)

    assert cls("8.8.8.8") is None and cls("2606:4700::1111") is None
    assert cls("127.1") == "loopback"  # short legacy form
    assert cls("::ffff:192.168.0.1") == "IPv4-mapped private"
    assert cls("64:ff9b::a9fe:a9fe") == "IPv4-mapped link-local (cloud metadata)"
    assert cls("100.100.100.200") == "carrier-grade NAT"
    assert cls("fd12::1") == "IPv6 unique-local"
    assert literal_address("example.org") is None and literal_address("cafe") is None
    policy = NetworkPolicy(("intranet.example", "10.0.0.0/8"))
    assert policy.refusal("intranet.example.", "192.168.4.4") is None  # by name
    assert policy.refusal("other", "10.9.9.9") is None  # by range
    assert policy.refusal("other", "::ffff:10.9.9.9") is None  # mapped form of the range
    assert policy.refusal("other", "192.168.4.4") == "private"
