"""store.feeds: syncing configuration, due feeds, saving fetch state (real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import FeedConfig
from store import Store
from store.feeds import due_feeds, get_feed, list_feeds, save_feed_state, sync_feeds
from store.state import get_value, set_value

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(tmp_path / "policybot.db")
    try:
        yield db
    finally:
        db.close()


def config(feed_id: str, url: str | None = None, **changes: object) -> FeedConfig:
    base = FeedConfig(id=feed_id, name=feed_id.title(), url=url or f"https://{feed_id}.example/rss",
                      kind="news", interval=900, tags=("fr",))  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_new_feeds_are_inserted_as_new_and_due(store: Store) -> None:
    sync_feeds(store, [config("alpha"), config("beta", enabled=False)], now=NOW)
    alpha = get_feed(store, "alpha")
    assert alpha is not None
    assert (alpha.status, alpha.enabled, alpha.url, alpha.config_url) == (
        "new", True, "https://alpha.example/rss", "https://alpha.example/rss")  # fmt: skip
    beta = get_feed(store, "beta")
    assert beta is not None and beta.status == "disabled" and not beta.enabled
    assert [f.id for f in due_feeds(store, now=NOW)] == ["alpha"]


def test_state_round_trips_and_survives_a_resync(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None
    saved = replace(
        state, status="failing", etag='"e1"', last_modified="Tue, 30 Apr 2024 10:00:00 GMT",
        last_fetch_at=NOW, last_success_at=NOW - timedelta(hours=1), consecutive_failures=2,
        last_error="feed 'Alpha': boom", next_due_at=NOW + timedelta(hours=1),
        redirect_target="https://alpha.example/new", redirect_count=2, baseline_done=True,
    )  # fmt: skip
    save_feed_state(store, saved)
    assert get_feed(store, "alpha") == saved
    sync_feeds(store, [config("alpha", name="Alpha Renamed", interval=1800)], now=NOW)
    after = get_feed(store, "alpha")
    assert after == replace(saved, name="Alpha Renamed", interval=1800)


def test_due_feeds_honours_next_due_and_include_all(store: Store) -> None:
    sync_feeds(store, [config("alpha"), config("beta"), config("gamma")], now=NOW)
    for feed_id, due in (("alpha", NOW - timedelta(minutes=1)), ("beta", NOW + timedelta(hours=1))):
        state = get_feed(store, feed_id)
        assert state is not None
        save_feed_state(store, replace(state, status="ok", next_due_at=due))
    assert [f.id for f in due_feeds(store, now=NOW)] == ["gamma", "alpha"]  # never polled first
    assert {f.id for f in due_feeds(store, now=NOW + timedelta(hours=2))} == {
        "alpha",
        "beta",
        "gamma",
    }
    assert {f.id for f in due_feeds(store, now=NOW, include_all=True)} == {"alpha", "beta", "gamma"}


def test_gone_feed_stays_disabled_until_its_url_changes(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None
    save_feed_state(store, replace(state, enabled=False, status="gone", last_error="410",
                                   etag='"x"', baseline_done=True))  # fmt: skip
    sync_feeds(store, [config("alpha")], now=NOW)
    still = get_feed(store, "alpha")
    assert still is not None and still.status == "gone" and not still.enabled
    assert due_feeds(store, now=NOW, include_all=True) == []
    sync_feeds(store, [config("alpha", url="https://alpha.example/feed.xml")], now=NOW)
    moved = get_feed(store, "alpha")
    assert moved is not None
    assert (moved.status, moved.enabled, moved.url, moved.etag, moved.last_error) == (
        "new", True, "https://alpha.example/feed.xml", None, None)  # fmt: skip
    assert moved.baseline_done is False
    assert [f.id for f in due_feeds(store, now=NOW)] == ["alpha"]


def test_config_url_change_clears_validators_and_redirect_state(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None
    save_feed_state(store, replace(
        state, status="failing", url="https://alpha.example/moved", etag='"e"', last_modified="lm",
        redirect_target="https://alpha.example/elsewhere", redirect_count=2, consecutive_failures=4,
        next_due_at=NOW + timedelta(days=1),
    ))  # fmt: skip
    sync_feeds(store, [config("alpha", url="https://alpha.example/v2")], now=NOW)
    after = get_feed(store, "alpha")
    assert after is not None
    assert after.url == after.config_url == "https://alpha.example/v2"
    assert (after.etag, after.last_modified, after.redirect_target, after.redirect_count) == (
        None, None, None, 0)  # fmt: skip
    assert after.consecutive_failures == 0 and after.next_due_at is None


def test_rewritten_url_is_kept_while_config_url_is_unchanged(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None
    save_feed_state(store, replace(state, url="https://alpha.example/moved"))
    sync_feeds(store, [config("alpha")], now=NOW)
    after = get_feed(store, "alpha")
    assert after is not None and after.url == "https://alpha.example/moved"


def test_feeds_removed_from_config_are_disabled_and_can_return(store: Store) -> None:
    sync_feeds(store, [config("alpha"), config("beta")], now=NOW)
    beta = get_feed(store, "beta")
    assert beta is not None
    save_feed_state(store, replace(beta, status="ok", last_success_at=NOW))
    sync_feeds(store, [config("alpha")], now=NOW)
    removed = get_feed(store, "beta")
    assert removed is not None and removed.status == "disabled" and not removed.enabled
    assert [f.id for f in due_feeds(store, now=NOW)] == ["alpha"]
    assert {f.id for f in list_feeds(store)} == {"alpha", "beta"}
    sync_feeds(store, [config("alpha"), config("beta")], now=NOW)
    back = get_feed(store, "beta")
    assert back is not None and back.enabled and back.status == "ok"


def test_disabling_in_config(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    sync_feeds(store, [config("alpha", enabled=False)], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None and not state.enabled and state.status == "disabled"
    assert due_feeds(store, now=NOW, include_all=True) == []
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None and state.enabled and state.status == "new"


def test_save_feed_state_joins_the_callers_transaction(store: Store) -> None:
    sync_feeds(store, [config("alpha")], now=NOW)
    state = get_feed(store, "alpha")
    assert state is not None
    with pytest.raises(RuntimeError), store.transaction():
        save_feed_state(store, replace(state, status="ok", etag='"rolled back"'))
        set_value(store, "marker", "x")
        raise RuntimeError("the feed's other writes failed")
    after = get_feed(store, "alpha")
    assert after is not None and after.etag is None and after.status == "new"
    assert get_value(store, "marker") is None


def test_state_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    first = Store.open(path)
    sync_feeds(first, [config("alpha")], now=NOW)
    state = get_feed(first, "alpha")
    assert state is not None
    save_feed_state(first, replace(state, status="ok", next_due_at=NOW + timedelta(hours=1)))
    first.close()
    second = Store.open(path)
    try:
        assert due_feeds(second, now=NOW) == []
        assert [f.id for f in due_feeds(second, now=NOW + timedelta(hours=1))] == ["alpha"]
    finally:
        second.close()


def test_get_feed_unknown(store: Store) -> None:
    assert get_feed(store, "nope") is None


def test_expected_body_count_counts_what_the_pipeline_expects(store: Store) -> None:
    from bot.pipeline import expected_bodies
    from store.feeds import expected_body_count

    feeds = [config(name) for name in ("fresh", "tagged", "dated", "bare", "later", "watched")]
    feeds += [config("switched", enabled=False), replace(config("page"), kind="page")]
    sync_feeds(store, feeds, now=NOW)
    states = {f.id: f for f in list_feeds(store)}
    for name, changes in {
        "tagged": {"etag": '"v7"'},
        "dated": {"last_modified": "Wed, 01 May 2024 09:00:00 GMT"},
        "bare": {"etag": ""},  # read before, but nothing to ask with: a body again
        "later": {"etag": '"v2"', "next_due_at": NOW + timedelta(hours=2)},
        "watched": {"etag": '"v3"', "next_due_at": NOW + timedelta(hours=2)},
    }.items():
        save_feed_state(store, replace(states[name], baseline_done=True, **changes))  # type: ignore[arg-type]
    watched = get_feed(store, "watched")
    assert watched is not None
    save_feed_state(store, replace(watched, baseline_done=False))
    for include_all in (False, True):
        due = due_feeds(store, now=NOW, include_all=include_all)
        assert expected_body_count(store, now=NOW, include_all=include_all) == expected_bodies(due)
    assert expected_body_count(store, now=NOW) == 2  # fresh, bare
    assert expected_body_count(store, now=NOW, include_all=True) == 3  # and watched, not due
