"""The outbox table: uniqueness, due rows, parent refs, state changes, recovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.models import Posted
from store import Store, leases, outbox
from store import subscriptions as subscriptions_store
from tests.chat_fixtures import Newsroom, open_store, subscribe

LATER = datetime.now(UTC) + timedelta(hours=1)


def setup(tmp_path: Path) -> tuple[Store, int, int, int]:
    """A store with one event, its alert row and one update row for channel C1."""
    store = open_store(tmp_path)
    sub = subscribe(store, "C1")
    news = Newsroom(store)
    first = news.report("Amazon", source="Outlet A")
    follow = news.report("Amazon", source="Outlet B", hours=1)
    assert follow.update_id is not None
    assert outbox.enqueue(store, first.event_id, sub, "alert")
    assert outbox.enqueue(store, first.event_id, sub, "update", follow.update_id)
    return store, sub, first.event_id, follow.update_id


def status(store: Store, delivery_id: int) -> str:
    row = outbox.get_delivery(store, delivery_id)
    assert row is not None
    return str(row["status"])


def test_enqueue_is_idempotent(tmp_path: Path) -> None:
    store, sub, event_id, update_id = setup(tmp_path)
    assert not outbox.enqueue(store, event_id, sub, "alert")
    assert not outbox.enqueue(store, event_id, sub, "update", update_id)
    assert outbox.queue_depth(store)["pending"] == 2


def test_update_waits_for_its_alert_and_carries_its_ref(tmp_path: Path) -> None:
    store, sub, event_id, update_id = setup(tmp_path)
    due = outbox.claim_due(store, LATER)
    assert [(d.kind, d.parent) for d in due] == [("alert", None)]
    alert = due[0]
    assert alert.destination.channel == "C1" and alert.destination.workspace == "T1"
    assert outbox.mark_sending(store, alert.id)
    assert not outbox.mark_sending(store, alert.id)  # a second claimer loses
    assert outbox.claim_due(store, LATER) == []  # in flight: nothing claimable
    outbox.mark_sent(store, alert.id, Posted(ref="111.222", thread_ref="111.222", channel="C1"))
    [update] = outbox.claim_due(store, LATER)
    assert update.kind == "update" and update.update_id == update_id
    assert update.parent == Posted(ref="111.222", thread_ref="111.222", channel="C1")
    assert outbox.posted_alert(store, event_id, sub) == update.parent


def test_retry_time_and_attempts(tmp_path: Path) -> None:
    store, sub, event_id, _ = setup(tmp_path)
    now = datetime.now(UTC)
    [alert] = outbox.claim_due(store, now)
    outbox.mark_sending(store, alert.id)
    outbox.mark_retry(store, alert.id, now + timedelta(seconds=30.2), "429", count_attempt=False)
    assert outbox.claim_due(store, now + timedelta(seconds=30.1)) == []  # never early
    [again] = outbox.claim_due(store, now + timedelta(seconds=30.2))
    assert again.attempts == 0  # rate limits do not use up attempts
    outbox.mark_retry(store, alert.id, now, "503")
    [again] = outbox.claim_due(store, now + timedelta(seconds=1))
    assert again.attempts == 1
    assert outbox.next_due_at(store, ("slack",)) is not None
    assert outbox.next_due_at(store, ("discord",)) is None


def test_failed_alert_takes_its_updates_along(tmp_path: Path) -> None:
    store, sub, event_id, _ = setup(tmp_path)
    [alert] = outbox.claim_due(store, LATER)
    gone = "its alert could not be delivered: channel_not_found"
    assert outbox.mark_failed(store, alert.id, "channel_not_found", updates_error=gone) == 2
    depth = outbox.queue_depth(store)
    assert depth["failed"] == 2 and depth["pending"] == 0
    errors = [r["last_error"] for r in outbox.failed_rows(store)]
    assert errors.count(gone) == 1 and "channel_not_found" in errors


def test_in_flight_rows_are_recovered_only_when_taking_over_a_lease(tmp_path: Path) -> None:
    store, sub, _, _ = setup(tmp_path)
    [alert] = outbox.claim_due(store, LATER)
    assert leases.acquire(store, sub, "host:1:a", LATER, 60).held
    outbox.mark_sending(store, alert.id)
    assert outbox.queue_depth(store)["sending"] == 1
    refused = leases.acquire(store, sub, "host:2:b", LATER, 60)  # live holder: hands off
    assert not refused.held and refused.holder and refused.holder.owner == "host:1:a"
    assert status(store, alert.id) == "sending"
    assert leases.acquire(store, sub, "host:1:a", LATER, 60).recovered == 0  # renewal
    dead = leases.acquire(store, sub, "host:2:b", LATER, 60, dead=lambda o: o == "host:1:a")
    assert dead.held and dead.recovered == 1 and status(store, alert.id) == "pending"
    assert [d.id for d in outbox.claim_due(store, LATER)] == [alert.id]
    assert not leases.renew(store, sub, "host:1:a", LATER, 60)  # the old holder lost it


def test_failing_subscription_blocks_until_resubscribed(tmp_path: Path) -> None:
    store, sub, _, _ = setup(tmp_path)
    [alert] = outbox.claim_due(store, LATER)
    outbox.mark_retry(store, alert.id, LATER + timedelta(hours=5), "5xx")
    subscriptions_store.mark_failing(store, sub, "is_archived")
    assert outbox.claim_due(store, LATER + timedelta(days=1)) == []
    depth = outbox.queue_depth(store)
    assert depth["blocked"] == 2 and depth["due"] == 0
    # re-subscribing makes it active and its stuck rows due now
    found = subscriptions_store.find(store, alert.destination)
    assert found is not None and found.status == "failing" and found.last_error == "is_archived"
    subscriptions_store.add(store, alert.destination, found.filters)
    [again] = outbox.claim_due(store, datetime.now(UTC) + timedelta(seconds=1))
    assert again.id == alert.id and again.attempts == 0


def test_defer_subscription_moves_only_earlier_rows(tmp_path: Path) -> None:
    store, sub, _, _ = setup(tmp_path)
    other = subscribe(store, "C2")
    news = Newsroom(store)
    change = news.report("IBM")
    outbox.enqueue(store, change.event_id, other, "alert")
    at = datetime.now(UTC) + timedelta(seconds=60)
    assert outbox.defer_subscription(store, sub, at) == 2
    due = outbox.claim_due(store, datetime.now(UTC) + timedelta(seconds=1))
    assert [d.subscription_id for d in due] == [other]
    assert outbox.defer_subscription(store, sub, at - timedelta(seconds=30)) == 0


def test_removing_a_subscription_drops_its_rows(tmp_path: Path) -> None:
    store, sub, _, _ = setup(tmp_path)
    [alert] = outbox.claim_due(store, LATER)
    assert subscriptions_store.remove(store, alert.destination)
    assert outbox.queue_depth(store)["pending"] == 0
    assert not subscriptions_store.remove(store, alert.destination)


def test_a_thread_opened_by_a_follow_up_is_remembered_on_the_alert(tmp_path: Path) -> None:
    store, sub, event_id, _ = setup(tmp_path)
    [alert] = outbox.claim_due(store, LATER)
    outbox.mark_sending(store, alert.id)
    outbox.mark_sent(store, alert.id, Posted(ref="900", thread_ref=None, channel="C1"))
    [update] = outbox.claim_due(store, LATER)
    assert update.parent == Posted(ref="900", thread_ref=None, channel="C1")
    outbox.mark_sending(store, update.id)
    outbox.mark_sent(store, update.id, Posted(ref="901", thread_ref="900", channel="900"))
    assert outbox.posted_alert(store, event_id, sub) == Posted(
        ref="900", thread_ref="900", channel="C1"
    )
