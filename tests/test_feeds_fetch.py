"""Fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import random
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.models import FeedState, FetchSettings
from bot.sources.backoff import next_state
from bot.sources.fetch import Fetcher
from bot.sources.parse import parse_feed
from tests import feedserver
from tests.feedserver import FIXTURES, FeedServer

feed_server = feedserver.feed_server  # the fixture, under its own name

FAST = FetchSettings(
    connect_timeout=2.0, total_timeout=5.0, max_bytes=256 * 1024, allow_hosts=("127.0.0.1",)
)
RSS = (FIXTURES / "rss20.xml").read_bytes()
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def state(url: str, feed_id: str = "watch", **changes: object) -> FeedState:
    base = FeedState(id=feed_id, name=f"Feed {feed_id}", url=url, config_url=url, kind="news",
                     interval=900, enabled=True, status="new")  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


async def fetch_one(feed: FeedState, settings: FetchSettings = FAST):  # type: ignore[no-untyped-def]
    async with Fetcher(settings) as fetcher:
        return await fetcher.fetch(feed)


@pytest.fixture
def second_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- basics


async def test_ok_fetch_returns_body_validators_and_sends_user_agent(
    feed_server: FeedServer,
) -> None:
    feed_server.set("/rss", RSS, etag='"v1"', last_modified="Tue, 30 Apr 2024 10:00:00 GMT")
    result = await fetch_one(state(feed_server.url("/rss")))
    assert result.outcome == "ok" and result.status_code == 200
    assert result.body == RSS
    assert result.etag == '"v1"' and result.last_modified == "Tue, 30 Apr 2024 10:00:00 GMT"
    assert ("content-type", "application/rss+xml; charset=utf-8") in result.headers
    assert result.final_url == feed_server.url("/rss") and result.permanent_redirect is None
    sent = feed_server.requests_for("/rss")[0].headers
    assert sent["user-agent"] == FAST.user_agent and "https://" in sent["user-agent"]
    assert "if-none-match" not in sent and "if-modified-since" not in sent
    assert "application/rss+xml" in sent["accept"]


async def test_conditional_get_with_etag_gives_not_modified(feed_server: FeedServer) -> None:
    feed_server.set("/rss", RSS, etag='"v1"')
    first = await fetch_one(state(feed_server.url("/rss")))
    feed = next_state(state(feed_server.url("/rss")), first, settings=FAST, now=NOW)
    assert feed.etag == '"v1"'
    second = await fetch_one(feed)
    assert second.outcome == "not_modified" and second.status_code == 304 and second.body == b""
    assert feed_server.requests_for("/rss")[1].headers["if-none-match"] == '"v1"'
    after = next_state(feed, second, settings=FAST, now=NOW)
    assert after.etag == '"v1"' and after.status == "ok"
    feed_server.set("/rss", RSS + b"\n", etag='"v2"')  # content changed
    third = await fetch_one(after)
    assert third.outcome == "ok" and third.etag == '"v2"'


async def test_conditional_get_with_last_modified(feed_server: FeedServer) -> None:
    stamp = "Tue, 30 Apr 2024 10:00:00 GMT"
    feed_server.set("/rss", RSS, last_modified=stamp)
    result = await fetch_one(state(feed_server.url("/rss"), last_modified=stamp))
    assert result.outcome == "not_modified"
    assert feed_server.requests_for("/rss")[0].headers["if-modified-since"] == stamp


async def test_gzip_is_decoded(feed_server: FeedServer) -> None:
    feed_server.set("/rss", RSS, gzip=True)
    result = await fetch_one(state(feed_server.url("/rss")))
    assert result.outcome == "ok" and result.body == RSS
    assert ("content-encoding", "gzip") in result.headers
    assert "gzip" in feed_server.requests_for("/rss")[0].headers["accept-encoding"]
    parsed = parse_feed(result, feed_id="watch", source="Watch")
    assert len(parsed.entries) == 3


async def test_deflate_is_decoded(feed_server: FeedServer) -> None:
    feed_server.set("/rss", RSS, encoding="deflate")
    result = await fetch_one(state(feed_server.url("/rss")))
    assert result.outcome == "ok" and result.body == RSS


# --------------------------------------------------------------------------- status codes


async def test_gone_disables_the_feed(feed_server: FeedServer) -> None:
    feed_server.set("/old", b"gone", status=410, content_type="text/plain")
    feed = state(feed_server.url("/old"))
    result = await fetch_one(feed)
    assert result.outcome == "gone" and result.status_code == 410
    assert result.error is not None and "Feed watch" in result.error and "410" in result.error
    after = next_state(feed, result, settings=FAST, now=NOW)
    assert after.enabled is False and after.status == "gone"


async def test_429_with_delta_seconds(feed_server: FeedServer) -> None:
    feed_server.set("/rss", b"slow down", status=429, headers={"Retry-After": "3600"})
    feed = state(feed_server.url("/rss"), consecutive_failures=1, status="failing")
    result = await fetch_one(feed)
    assert result.outcome == "rate_limited" and result.retry_after == 3600.0
    after = next_state(feed, result, settings=FAST, now=NOW, rng=random.Random(3))
    assert after.consecutive_failures == 1  # not a hard failure
    assert after.next_due_at is not None and after.next_due_at >= NOW + timedelta(seconds=3600)


async def test_429_with_http_date(feed_server: FeedServer) -> None:
    when = datetime.now(UTC) + timedelta(hours=2)
    header = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    feed_server.set("/rss", b"", status=429, headers={"Retry-After": header})
    result = await fetch_one(state(feed_server.url("/rss")))
    assert result.outcome == "rate_limited"
    assert result.retry_after is not None and 7100 < result.retry_after <= 7200


async def test_503_with_retry_after_is_rate_limited_without_is_an_error(
    feed_server: FeedServer,
) -> None:
    feed_server.set("/busy", b"", status=503, headers={"Retry-After": "120"})
    feed_server.set("/down", b"", status=503)
    busy = await fetch_one(state(feed_server.url("/busy")))
    down = await fetch_one(state(feed_server.url("/down")))
    assert busy.outcome == "rate_limited" and busy.retry_after == 120.0
    assert down.outcome == "error" and down.status_code == 503


async def test_404_names_the_feed_the_url_and_the_fix(feed_server: FeedServer) -> None:
    url = feed_server.url("/missing")
    result = await fetch_one(state(url))
    assert result.outcome == "error" and result.status_code == 404
    assert result.error is not None
    assert "'Feed watch'" in result.error and url in result.error
    assert "404" in result.error and "feeds.yaml" in result.error


# --------------------------------------------------------------------------- redirects


async def test_permanent_chain_is_reported(feed_server: FeedServer) -> None:
    feed_server.redirect("/a", "/b", 301)
    feed_server.redirect("/b", feed_server.url("/c"), 308)
    feed_server.set("/c", RSS)
    result = await fetch_one(state(feed_server.url("/a")))
    assert result.outcome == "ok" and result.body == RSS
    assert result.final_url == result.permanent_redirect == feed_server.url("/c")


@pytest.mark.parametrize("temporary", [302, 307, 303])
async def test_any_temporary_hop_means_no_permanent_redirect(
    feed_server: FeedServer, temporary: int
) -> None:
    feed_server.redirect("/a", "/b", 301)
    feed_server.redirect("/b", "/c", temporary)
    feed_server.set("/c", RSS)
    result = await fetch_one(state(feed_server.url("/a")))
    assert result.outcome == "ok" and result.final_url == feed_server.url("/c")
    assert result.permanent_redirect is None


async def test_permanent_redirect_rewrites_after_three_polls(feed_server: FeedServer) -> None:
    feed_server.redirect("/old", "/new", 301)
    feed_server.set("/new", RSS)
    feed = state(feed_server.url("/old"))
    for poll in range(3):
        result = await fetch_one(feed)
        feed = next_state(feed, result, settings=FAST, now=NOW)
        assert (feed.url == feed_server.url("/new")) is (poll == 2)
    await fetch_one(feed)
    assert len(feed_server.requests_for("/old")) == 3
    assert len(feed_server.requests_for("/new")) == 4


async def test_302_never_rewrites(feed_server: FeedServer) -> None:
    feed_server.redirect("/old", "/new", 302)
    feed_server.set("/new", RSS)
    feed = state(feed_server.url("/old"))
    for _ in range(4):
        feed = next_state(feed, await fetch_one(feed), settings=FAST, now=NOW)
    assert feed.url == feed_server.url("/old") and feed.redirect_count == 0


async def test_redirect_limit(feed_server: FeedServer) -> None:
    for hop in range(7):
        feed_server.redirect(f"/r{hop}", f"/r{hop + 1}", 301)
    feed_server.set("/r7", RSS)
    result = await fetch_one(state(feed_server.url("/r0")), replace(FAST, max_redirects=5))
    assert result.outcome == "error" and result.error is not None
    assert "more than 5 redirects" in result.error and "max_redirects" in result.error
    assert not feed_server.requests_for("/r7") and len(feed_server.requests_for("/r5")) == 1
    ok = await fetch_one(state(feed_server.url("/r2")), replace(FAST, max_redirects=5))
    assert ok.outcome == "ok"


async def test_redirect_loop_and_bad_scheme(feed_server: FeedServer) -> None:
    feed_server.redirect("/loop", "/loop", 302)
    feed_server.redirect("/ftp", "ftp://files.example/feed.xml", 301)
    loop = await fetch_one(state(feed_server.url("/loop")))
    ftp = await fetch_one(state(feed_server.url("/ftp")))
    assert loop.outcome == "error" and "redirects" in (loop.error or "")
    assert ftp.outcome == "error" and "non-http(s)" in (ftp.error or "")


# --------------------------------------------------------------------------- size cap


async def test_oversized_body_with_content_length_is_refused_up_front(
    feed_server: FeedServer,
) -> None:
    size = 64 * 1024 * 1024
    feed_server.set("/huge", size=size)
    result = await fetch_one(state(feed_server.url("/huge")))
    assert result.outcome == "error" and result.error is not None
    assert "Feed watch" in result.error and "defaults.max_bytes" in result.error
    assert f"{size:,}" in result.error and f"{FAST.max_bytes:,}" in result.error
    time.sleep(0.2)
    sent = feed_server.sent("/huge")
    assert not sent.complete and sent.bytes < size // 4


async def test_oversized_streamed_body_is_cut_off(feed_server: FeedServer) -> None:
    size = 64 * 1024 * 1024
    feed_server.set("/huge", size=size, content_length=False)
    result = await fetch_one(state(feed_server.url("/huge")))
    assert result.outcome == "error" and result.error is not None
    assert "larger than the size cap" in result.error and "defaults.max_bytes" in result.error
    time.sleep(0.2)
    sent = feed_server.sent("/huge")
    assert not sent.complete and sent.bytes < size // 4


async def test_cap_counts_decoded_bytes(feed_server: FeedServer) -> None:
    bomb = b"<!-- " + b"a" * (4 * 1024 * 1024) + b" -->"
    feed_server.set("/bomb", bomb, gzip=True)
    assert len(gzip.compress(bomb)) < FAST.max_bytes  # small on the wire
    result = await fetch_one(state(feed_server.url("/bomb")))
    assert result.outcome == "error" and "size cap" in (result.error or "")


async def test_body_just_under_the_cap_is_accepted(feed_server: FeedServer) -> None:
    feed_server.set("/fits", size=FAST.max_bytes)
    result = await fetch_one(state(feed_server.url("/fits")))
    assert result.outcome == "ok" and len(result.body) == FAST.max_bytes


# --------------------------------------------------------------------------- timeouts and errors


async def test_total_timeout_on_slow_headers(feed_server: FeedServer) -> None:
    feed_server.set("/slow", RSS, delay=30.0)
    settings = replace(FAST, total_timeout=0.5)
    started = time.monotonic()
    result = await fetch_one(state(feed_server.url("/slow")), settings)
    assert time.monotonic() - started < 15.0  # gave up long before the 30 s answer
    assert result.outcome == "error" and "within 0.5 s" in (result.error or "")
    assert "total_timeout" in (result.error or "")


async def test_total_timeout_covers_a_dripping_body(feed_server: FeedServer) -> None:
    # every chunk arrives well within a read timeout, but the whole body never does
    feed_server.set("/drip", RSS, drip=0.05)
    settings = replace(FAST, total_timeout=0.6)
    started = time.monotonic()
    result = await fetch_one(state(feed_server.url("/drip")), settings)
    assert time.monotonic() - started < 2.0
    assert result.outcome == "error" and "no complete response" in (result.error or "")
    assert 0 < feed_server.sent("/drip").bytes < len(RSS)


async def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/rss"
    result = await fetch_one(state(url))
    assert result.outcome == "error" and result.error is not None
    assert "cannot connect" in result.error and url in result.error


async def test_server_hanging_up_is_an_error(feed_server: FeedServer) -> None:
    feed_server.set("/drop", drop=True)
    result = await fetch_one(state(feed_server.url("/drop")))
    assert result.outcome == "error" and "Feed watch" in (result.error or "")


async def test_tls_handshake_failure_is_named(feed_server: FeedServer) -> None:
    feed_server.set("/rss", RSS)
    url = feed_server.url("/rss").replace("http://", "https://")  # TLS to a plain-HTTP server
    result = await fetch_one(state(url))
    assert result.outcome == "error" and "TLS/certificate" in (result.error or "")
    assert url in (result.error or "")


async def test_a_name_that_does_not_resolve_cannot_connect() -> None:
    async def unknown(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async with Fetcher(FAST, resolve=unknown) as fetcher:
        result = await fetcher.fetch(state("https://feeds.example.invalid/rss"))
    assert result.outcome == "error" and "cannot connect" in (result.error or "")
    assert "Name or service not known" in (result.error or "")
    assert "https://feeds.example.invalid/rss" in (result.error or "")


async def test_fetch_requires_the_context_manager() -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await Fetcher(FAST).fetch(state("http://127.0.0.1:9/rss"))


# --------------------------------------------------------------------------- many feeds


async def test_a_failing_feed_backs_off_while_the_others_continue(feed_server: FeedServer) -> None:
    feed_server.set("/good", RSS)
    feed_server.set("/broken", b"oops", status=500, content_type="text/plain")
    feed_server.set("/slow", RSS, delay=3.0)
    feeds = [
        state(feed_server.url("/good"), "good"),
        state(feed_server.url("/broken"), "broken"),
        state(feed_server.url("/slow"), "slow"),
        state("http://127.0.0.1:9/closed", "closed"),
        state(feed_server.url("/good"), "good-again"),
    ]
    async with Fetcher(replace(FAST, total_timeout=1.0)) as fetcher:
        results = await fetcher.fetch_many(feeds)
    assert [r.feed_id for r in results] == [f.id for f in feeds]
    assert [r.outcome for r in results] == ["ok", "error", "error", "error", "ok"]
    states = [next_state(f, r, settings=FAST, now=NOW) for f, r in zip(feeds, results, strict=True)]
    good, broken = states[0], states[1]
    assert good.status == "ok" and good.next_due_at is not None
    assert broken.status == "failing" and broken.consecutive_failures == 1
    assert broken.next_due_at is not None and broken.next_due_at > good.next_due_at
    assert len(parse_feed(results[4], feed_id="good-again", source="G").entries) == 3


@pytest.mark.parametrize(
    ("concurrency", "per_host", "expected"),
    [(8, 2, 2), (3, 8, 3)],  # the per-host limit, then the overall limit, binds
)
async def test_concurrency_limits(
    feed_server: FeedServer, concurrency: int, per_host: int, expected: int
) -> None:
    for n in range(6):
        feed_server.set(f"/f{n}", RSS, delay=0.15)
    feeds = [state(feed_server.url(f"/f{n}"), f"f{n}") for n in range(6)]
    settings = replace(FAST, concurrency=concurrency, per_host=per_host)
    async with Fetcher(settings) as fetcher:
        results = await fetcher.fetch_many(feeds)
    assert all(r.outcome == "ok" for r in results)
    assert feed_server.max_in_flight == expected


async def test_a_host_named_in_allow_hosts_has_no_per_host_limit(feed_server: FeedServer) -> None:
    for n in range(6):
        feed_server.set(f"/f{n}", RSS, delay=0.15)
    feeds = [state(feed_server.url(f"/f{n}").replace("127.0.0.1", "localhost"), f"f{n}")
             for n in range(6)]  # fmt: skip
    settings = replace(FAST, concurrency=8, per_host=2, allow_hosts=("localhost",))
    async with Fetcher(settings) as fetcher:
        results = await fetcher.fetch_many(feeds)
    assert all(r.outcome == "ok" for r in results), [r.error for r in results]
    assert feed_server.max_in_flight == 6


async def test_hosts_are_limited_separately(
    feed_server: FeedServer, second_server: FeedServer
) -> None:
    feeds = []
    both = threading.Barrier(2)  # each host's /f0 is answered once the other's is in flight
    for server, name in ((feed_server, "a"), (second_server, "b")):
        for n in range(3):
            server.set(f"/f{n}", RSS, delay=0.2, meet=both if n == 0 else None)
            feeds.append(state(server.url(f"/f{n}"), f"{name}{n}"))
    # both servers are 127.0.0.1, so give the second one its own host name
    feeds = [
        replace(f, url=f.url.replace("127.0.0.1", "localhost")) if f.id.startswith("b") else f
        for f in feeds
    ]
    async with Fetcher(replace(FAST, concurrency=8, per_host=1)) as fetcher:
        results = await fetcher.fetch_many(feeds)
    assert all(r.outcome == "ok" for r in results), [r.error for r in results]
    assert feed_server.max_in_flight == 1 and second_server.max_in_flight == 1
    assert not both.broken  # the two hosts ran side by side: their requests met


@pytest.mark.skipif(
    sys.platform != "linux", reason="relies on Linux dropping SYNs to a full backlog"
)
async def test_connect_timeout() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepted: once the backlog is full, connects hang
        port = listener.getsockname()[1]
        fillers = []
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        try:
            started = time.monotonic()
            result = await fetch_one(
                state(f"http://127.0.0.1:{port}/rss"), replace(FAST, connect_timeout=0.3)
            )
            assert time.monotonic() - started < 4.5  # before the 5 s total timeout
        finally:
            for filler in fillers:
                filler.close()
    assert result.outcome == "error" and "no connection within 0.3 s" in (result.error or "")
    assert "connect_timeout" in (result.error or "")
