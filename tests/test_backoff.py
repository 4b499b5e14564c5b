"""Scheduling policy: next_state for every fetch outcome, and Retry-After parsing."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.models import FeedState, FetchResult, FetchSettings
from bot.sources.backoff import next_state, parse_retry_after

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
SETTINGS = FetchSettings(interval=900, max_backoff=24 * 3600)
URL = "https://feeds.example.org/rss"
TARGET = "https://feeds.example.org/new-rss"


def feed(**changes: object) -> FeedState:
    base = FeedState(id="f", name="Feed", url=URL, config_url=URL, kind="news",
                     interval=900, enabled=True, status="new")  # fmt: skip
    return FeedState(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def result(outcome: str = "ok", **changes: object) -> FetchResult:
    return FetchResult(feed_id="f", outcome=outcome, **changes)  # type: ignore[arg-type]


def step(state: FeedState, res: FetchResult, seed: int = 1, **kw: object) -> FeedState:
    return next_state(state, res, settings=SETTINGS, now=NOW, rng=random.Random(seed), **kw)  # type: ignore[arg-type]


def delay(state: FeedState) -> float:
    assert state.next_due_at is not None
    return (state.next_due_at - NOW).total_seconds()


def test_ok_resets_failures_and_schedules_the_interval_with_jitter() -> None:
    state = step(feed(consecutive_failures=3, status="failing", last_error="boom"),
                 result(etag='"v2"', last_modified="Wed, 01 May 2024 10:00:00 GMT"))  # fmt: skip
    assert (state.status, state.consecutive_failures, state.last_error) == ("ok", 0, None)
    assert state.etag == '"v2"' and state.last_modified == "Wed, 01 May 2024 10:00:00 GMT"
    assert state.last_fetch_at == NOW and state.last_success_at == NOW
    assert 900 * 0.9 <= delay(state) <= 900 * 1.1


def test_jitter_spreads_feeds() -> None:
    delays = {delay(step(feed(), result(), seed=s)) for s in range(20)}
    assert len(delays) > 10
    assert min(delays) >= 810 and max(delays) <= 990


def test_ok_without_validators_clears_old_ones() -> None:
    state = step(feed(etag='"old"', last_modified="x"), result())
    assert state.etag is None and state.last_modified is None


def test_not_modified_keeps_validators_unless_new_ones_come() -> None:
    old = feed(etag='"v1"', last_modified="Tue, 30 Apr 2024 10:00:00 GMT", consecutive_failures=2)
    kept = step(old, result("not_modified", status_code=304))
    assert kept.etag == '"v1"' and kept.last_modified == old.last_modified
    assert kept.status == "ok" and kept.consecutive_failures == 0
    fresh = step(old, result("not_modified", status_code=304, etag='"v2"'))
    assert fresh.etag == '"v2"' and fresh.last_modified == old.last_modified


def test_errors_back_off_exponentially_up_to_the_cap() -> None:
    state = feed()
    delays = []
    for _ in range(12):
        state = step(state, result("error", error="feed 'Feed': boom"))
        delays.append(delay(state))
    assert state.status == "failing" and state.consecutive_failures == 12
    assert state.last_error == "feed 'Feed': boom"
    assert 1800 * 0.9 <= delays[0] <= 1800 * 1.1  # interval * 2**1
    assert 3600 * 0.9 <= delays[1] <= 3600 * 1.1  # interval * 2**2
    assert all(d <= SETTINGS.max_backoff for d in delays)
    assert delays[-1] >= SETTINGS.max_backoff * 0.9
    assert state.last_success_at is None


def test_parse_error_counts_as_a_failure_and_keeps_old_validators() -> None:
    state = step(feed(etag='"good"'), result(etag='"broken"'), parse_error="feed 'Feed': garbage")
    assert state.status == "failing" and state.consecutive_failures == 1
    assert state.last_error == "feed 'Feed': garbage"
    assert state.etag == '"good"'  # so the broken body is fetched (and reported) again


def test_rate_limited_is_not_a_hard_failure_and_honours_retry_after() -> None:
    before = feed(consecutive_failures=2, status="failing")
    state = step(before, result("rate_limited", status_code=429, retry_after=7200.0))
    assert state.consecutive_failures == 2 and state.status == "failing"
    assert 7200 <= delay(state) <= 7200 * 1.1
    assert state.last_error is not None and "retry after 7200 s" in state.last_error


def test_rate_limited_without_retry_after_waits_the_interval() -> None:
    state = step(feed(), result("rate_limited", status_code=429))
    assert 900 <= delay(state) <= 990 and state.consecutive_failures == 0


def test_rate_limited_has_a_floor_and_a_ceiling() -> None:
    assert delay(step(feed(), result("rate_limited", retry_after=1.0))) >= 60
    huge = step(feed(), result("rate_limited", retry_after=30 * 86400.0))
    assert delay(huge) <= SETTINGS.max_backoff * 1.1


def test_gone_disables_with_a_fix() -> None:
    state = step(feed(status="ok"), result("gone", status_code=410))
    assert state.enabled is False and state.status == "gone" and state.next_due_at is None
    assert state.last_error is not None
    assert (
        "410" in state.last_error and "feeds.yaml" in state.last_error and URL in state.last_error
    )


def test_permanent_redirect_rewrites_only_after_three_in_a_row() -> None:
    state = feed()
    for expected in (1, 2):
        state = step(state, result(permanent_redirect=TARGET, final_url=TARGET))
        assert (state.url, state.redirect_target, state.redirect_count) == (URL, TARGET, expected)
    state = step(state, result(permanent_redirect=TARGET, final_url=TARGET))
    assert state.url == TARGET and state.redirect_count == 0 and state.redirect_target is None
    assert state.config_url == URL


def test_a_fetch_without_redirect_resets_the_count() -> None:
    state = step(feed(), result(permanent_redirect=TARGET))
    state = step(state, result(permanent_redirect=TARGET))
    state = step(state, result())  # no redirect this time
    assert state.redirect_count == 0 and state.redirect_target is None
    state = step(state, result(permanent_redirect=TARGET))
    assert state.url == URL and state.redirect_count == 1


def test_a_different_target_restarts_the_count() -> None:
    state = step(feed(), result(permanent_redirect=TARGET))
    state = step(state, result(permanent_redirect=TARGET))
    state = step(state, result(permanent_redirect=TARGET + "?v=2"))
    assert state.redirect_target == TARGET + "?v=2" and state.redirect_count == 1
    assert state.url == URL


def test_temporary_redirects_never_rewrite() -> None:
    state = feed()
    for _ in range(5):  # the fetcher reports a 302/307 chain as no permanent redirect
        state = step(state, result(final_url=TARGET, permanent_redirect=None))
    assert state.url == URL and state.redirect_count == 0


def test_a_failed_fetch_does_not_advance_the_redirect_count() -> None:
    state = step(feed(), result(permanent_redirect=TARGET))
    state = step(state, result("error", error="timeout"))
    assert state.redirect_count == 1
    state = step(state, result(permanent_redirect=TARGET))
    state = step(state, result(permanent_redirect=TARGET))
    assert state.url == TARGET


def test_baseline_flag_is_left_alone() -> None:
    assert step(feed(baseline_done=True), result("error", error="x")).baseline_done is True
    assert step(feed(baseline_done=False), result()).baseline_done is False


@pytest.mark.parametrize(
    ("header", "expected"),
    [("120", 120.0), (" 5 ", 5.0), ("0", 0.0), ("-3", 0.0), ("1.5", 1.5)],
)
def test_retry_after_seconds(header: str, expected: float) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_retry_after_http_date() -> None:
    when = (NOW + timedelta(minutes=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after(when, now=NOW) == 1800.0
    past = (NOW - timedelta(minutes=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after(past, now=NOW) == 0.0


@pytest.mark.parametrize("header", [None, "", "soon", "nan", "Someday, 99 Foo 2024"])
def test_retry_after_garbage(header: str | None) -> None:
    assert parse_retry_after(header, now=NOW) is None
