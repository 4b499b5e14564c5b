"""Routing: filters, one alert per (event, subscription), updates only after an alert."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.delivery.routes import matches, route
from bot.models import Event, Filters
from store import outbox
from store import subscriptions as subscriptions_store
from tests.chat_fixtures import Newsroom, open_store, subscribe

EVENT = Event(
    id=1, key="k", relevant=True, actor_type="vendor", vendor="Amazon", product="Rekognition",
    action="moratorium", applies_to="police", region=None, effective=None, duration=None,
    title="Amazon pauses police use of Rekognition", evidence="…", link=None, confidence=0.8,
    first_reported=datetime(2026, 1, 1, tzinfo=UTC),
)  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "changes", "expected"),
    [
        (Filters(), {}, True),
        (Filters(vendors=("amazon",)), {}, True),  # case-insensitive
        (Filters(vendors=("AMAZON ",)), {}, True),
        (Filters(vendors=("Microsoft",)), {}, False),
        (Filters(vendors=("Amazon",)), {"vendor": None}, False),
        (Filters(actions=("ban", "moratorium")), {}, True),
        (Filters(actions=("ban",)), {}, False),
        (Filters(min_confidence=0.8), {}, True),
        (Filters(min_confidence=0.81), {}, False),
        (Filters(), {"relevant": False}, False),  # vendor actor must be a relevant change
        (Filters(actor_types=("government",)), {}, False),
        (
            Filters(actor_types=("government",)),
            {"actor_type": "government", "relevant": False},
            True,
        ),
        (Filters(actor_types=("court", "regulator")), {"actor_type": "court"}, True),
        (Filters(actor_types=()), {"actor_type": "regulator", "relevant": False}, True),
        (Filters(actor_types=()), {"actor_type": "none"}, False),  # never
        (Filters(actor_types=("none",)), {"actor_type": "none"}, False),
    ],
)
def test_matches(filters: Filters, changes: dict[str, object], expected: bool) -> None:
    assert matches(filters, replace(EVENT, **changes)) is expected  # type: ignore[arg-type]


def alert_rows(store, sub_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    return [r["event_id"] for r in store.query(
        "SELECT event_id FROM deliveries WHERE subscription_id = ? AND kind = 'alert' ORDER BY id",
        [sub_id])]  # fmt: skip


def test_each_event_once_per_matching_subscription(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    everything = subscribe(store, "CALL")
    amazon = subscribe(store, "CAMZ", vendors=("amazon",))
    bans = subscribe(store, "CBAN", actions=("ban",))
    news = Newsroom(store)
    first = news.report("Amazon")
    second = news.report("Microsoft")
    assert route(store, first, alertable=True) == 2
    assert route(store, second, alertable=True) == 2
    assert alert_rows(store, everything) == [first.event_id, second.event_id]
    assert alert_rows(store, amazon) == [first.event_id]
    assert alert_rows(store, bans) == [second.event_id]
    # routing the same change again writes nothing (database uniqueness, not memory)
    assert route(store, first, alertable=True) == 0
    assert route(store, second, alertable=True) == 0
    assert len(store.query("SELECT id FROM deliveries")) == 4


def test_baseline_stays_silent_until_a_fresh_mention(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    sub = subscribe(store)
    news = Newsroom(store)
    old = news.report("Amazon", source="Outlet A")
    assert route(store, old, alertable=False) == 0
    assert alert_rows(store, sub) == []
    again = news.report("Amazon", source="Outlet B", hours=2, summary_suffix=" More details.")
    assert again.event_id == old.event_id and again.update_id is not None
    # a fresh mention of a silent event alerts (once), it is not an update
    assert route(store, again, alertable=True) == 1
    assert alert_rows(store, sub) == [old.event_id]
    assert store.query("SELECT kind FROM deliveries")[0]["kind"] == "alert"


def test_update_only_after_an_alert(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    sub = subscribe(store)
    news = Newsroom(store)
    first = news.report("Amazon", source="Outlet A")
    assert route(store, first, alertable=True) == 1
    follow = news.report("Amazon", source="Outlet B", hours=3)
    assert follow.update_id is not None
    assert route(store, follow, alertable=True) == 1
    rows = store.query("SELECT kind, update_id FROM deliveries ORDER BY id")
    assert rows == [
        {"kind": "alert", "update_id": 0},
        {"kind": "update", "update_id": follow.update_id},
    ]
    assert route(store, follow, alertable=True) == 0  # idempotent
    # a subscription added later gets no update for an alert it never had
    late = subscribe(store, "CLATE")
    assert route(store, follow, alertable=False) == 0
    assert alert_rows(store, late) == []
    assert outbox.has_alert(store, first.event_id, sub)


def test_failing_subscriptions_are_not_routed(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    sub = subscribe(store)
    subscriptions_store.mark_failing(store, sub, "channel_not_found")
    change = Newsroom(store).report("IBM")
    assert route(store, change, alertable=True) == 0


def test_route_rolls_back_with_the_feed_transaction(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    subscribe(store)
    news = Newsroom(store)
    with pytest.raises(RuntimeError), store.transaction():
        change = news.report("Amazon")
        assert route(store, change, alertable=True) == 1
        raise RuntimeError("crash in the middle of a feed")
    assert store.query("SELECT COUNT(*) AS n FROM deliveries")[0]["n"] == 0
    assert store.query("SELECT COUNT(*) AS n FROM events")[0]["n"] == 0
