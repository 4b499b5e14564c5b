"""The dispatcher against a fake chat backend and a real SQLite outbox."""

from __future__ import annotations

import asyncio
import contextlib
import io
from pathlib import Path

import pytest

from bot.chat.console import ConsolePoster
from bot.delivery.dispatch import Dispatcher
from bot.delivery.poster import PermanentFailure, Poster, RetryLater, TransientFailure
from bot.delivery.routes import route
from bot.models import Destination, Filters, Posted
from store import Store, leases, outbox, outbox_admin
from store import subscriptions as subscriptions_store
from tests.chat_fixtures import FakeChat, FakeTime, Newsroom, Post, open_store, subscribe


def setup(tmp_path: Path, channels: tuple[str, ...] = ("C1",), vendors: tuple[str, ...] = ("Amazon",)
          ) -> tuple[Store, FakeTime, FakeChat, Newsroom]:  # fmt: skip
    store = open_store(tmp_path)
    for channel in channels:
        subscribe(store, channel)
    news = Newsroom(store)
    for vendor in vendors:
        route(store, news.report(vendor), alertable=True)
    clock = FakeTime()
    return store, clock, FakeChat(clock=clock.clock), news


def dispatcher(store: Store, clock: FakeTime, *posters: Poster, **options: float) -> Dispatcher:
    return Dispatcher(store, list(posters), clock=clock.clock, sleep=clock.sleep, **options)  # type: ignore[arg-type]


def statuses(store: Store) -> list[str]:
    return [r["status"] for r in store.query("SELECT status FROM deliveries ORDER BY id")]


async def test_each_event_posted_once_per_subscribed_channel(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1", "C2"), ("Amazon", "Microsoft", "IBM"))
    summary = await dispatcher(store, clock, chat).drain()
    assert (summary.sent, summary.failed, summary.waiting) == (6, 0, 0)
    for channel in ("C1", "C2"):
        texts = chat.texts(channel)
        assert len(texts) == 3
        assert [t.split(" ")[0] for t in texts] == ["Amazon", "Microsoft", "IBM"]  # event order
    assert statuses(store) == ["sent"] * 6
    # a second drain (and a new dispatcher, as after a restart) posts nothing again
    assert (await dispatcher(store, clock, chat).drain()).sent == 0
    assert len(chat.posts) == 6
    refs = store.query("SELECT message_ref FROM deliveries")
    assert sorted(r["message_ref"] for r in refs) == sorted(p.ref for p in chat.posts)


async def test_pacing_is_per_channel_and_channels_run_in_parallel(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1", "C2"), ("Amazon", "Microsoft", "IBM"))
    posted = {channel: asyncio.Event() for channel in ("C1", "C2")}
    overlapped: list[str] = []  # channels whose first post was in flight with the other's

    async def hold_until_the_other_channel_posts(post: Post) -> None:
        """Each channel's first post stays in flight until the other channel has posted:
        with channels run one after the other this never happens (the safety-net timeout
        fails the test instead of hanging it)."""
        channel = post.dest.channel
        if posted[channel].is_set():
            return
        posted[channel].set()
        other = "C2" if channel == "C1" else "C1"
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(posted[other].wait(), timeout=60)
        if posted[other].is_set():
            overlapped.append(channel)

    chat.on_post = hold_until_the_other_channel_posts
    summary = await dispatcher(store, clock, chat, per_channel_interval=1.0).drain()
    assert sorted(overlapped) == ["C1", "C2"]  # both channels were in flight at once
    assert summary.sent == 6
    first: dict[str, float] = {}
    for channel in ("C1", "C2"):
        times = [p.at for p in chat.posts if p.dest.channel == channel]
        assert len(times) == 3
        assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False))
        first[channel] = times[0]
    # pacing is per channel: the second channel's first post waited for no other channel
    assert first["C1"] == first["C2"]


async def test_retry_later_storm_delays_but_loses_nothing(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1",), ("Amazon", "Microsoft"))
    chat.failures = [RetryLater("429 from slack:C1", 2.0) for _ in range(12)]
    summary = await dispatcher(store, clock, chat).drain(max_wait=120)
    assert summary.sent == 2 and summary.failed == 0 and summary.retried == 12
    assert len(chat.posts) == 2 and statuses(store) == ["sent", "sent"]
    assert clock.now - 1000.0 >= 24.0  # honoured each Retry-After


async def test_long_retry_after_leaves_rows_for_the_next_drain(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path)
    chat.failures = [RetryLater("429", 300.0)]
    daemon = dispatcher(store, clock, chat)  # long-lived, as in `policybot run`
    first = await daemon.drain(max_wait=30)
    assert (first.sent, first.waiting) == (0, 1) and chat.posts == []
    assert statuses(store) == ["pending"]
    clock.now += 200
    assert (await daemon.drain(max_wait=0)).sent == 0  # not due yet
    clock.now += 101
    assert (await daemon.drain(max_wait=0)).sent == 1


async def test_transient_outage_backs_off_then_delivers(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1",), ("Amazon", "Microsoft"))
    chat.failures = [TransientFailure("503 from slack") for _ in range(4)]
    summary = await dispatcher(store, clock, chat, backoff_base=1.0).drain(max_wait=60)
    assert summary.sent == 2 and summary.failed == 0 and summary.retried == 4
    assert [t.split(" ")[0] for t in chat.texts()] == ["Amazon", "Microsoft"]  # order kept
    waits = [s for s in clock.sleeps if s >= 1.0]
    assert waits[:4] == pytest.approx([1.0, 2.0, 4.0, 8.0], abs=1e-3)  # exponential backoff
    row = store.query("SELECT attempts FROM deliveries ORDER BY id")[0]
    assert row["attempts"] == 4


async def test_an_outage_of_hours_gives_nothing_up_and_costs_one_probe_per_step(
    tmp_path: Path,
) -> None:
    """30 simulated hours of 5xx on a destination with 6 queued alerts: every row is
    kept, only the head row is tried (once per backoff step), then all go out in order."""
    vendors = ("Amazon", "Microsoft", "IBM", "Clearview AI")
    store, clock, chat, _ = setup(tmp_path, ("C1",), vendors)
    outage_end = clock.now + 30 * 3600
    probes: list[float] = []

    async def post(dest, message, *, thread=None):  # type: ignore[no-untyped-def]
        if clock.now < outage_end:
            probes.append(clock.now)
            raise TransientFailure("HTTP 500 from slack:C1")
        return await FakeChat.post(chat, dest, message, thread=thread)

    chat.post = post  # type: ignore[method-assign]
    daemon = dispatcher(store, clock, chat, backoff_base=5.0, backoff_cap=900.0)
    while clock.now < outage_end + 3600:  # the daemon's dispatch ticks, an hour past the end
        summary = await daemon.drain(max_wait=0)
        assert summary.failed == 0
        clock.now += 60
    assert [t.split(" ")[0] for t in chat.texts()] == [v.split()[0] for v in vendors]  # in order
    assert statuses(store) == ["sent"] * len(vendors)
    # one probe per backoff step (capped at 15 min), not one per row
    assert len(probes) <= 30 * 3600 / 900 + 12
    assert all(b - a >= 5.0 - 1e-6 for a, b in zip(probes, probes[1:], strict=False))
    assert leases.outages(store) == []  # the breaker closed on the first success


async def test_an_outage_longer_than_retry_for_marks_the_subscription_failing(
    tmp_path: Path,
) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1",), ("Amazon", "Microsoft"))
    chat.failures = [TransientFailure("503 from slack") for _ in range(1000)]
    daemon = dispatcher(store, clock, chat, retry_for=2 * 3600.0, backoff_cap=600.0)
    failed = 0
    for _ in range(200):
        failed += (await daemon.drain(max_wait=0)).failed
        clock.now += 60
    assert failed == 1 and statuses(store) == ["failed", "pending"]
    sub = subscriptions_store.list_subscriptions(store)[-1]
    assert sub.status == "failing" and "unreachable for 2." in (sub.last_error or "")
    assert "policybot outbox retry" in (sub.last_error or "")
    # re-queued by hand once the channel works: everything goes out
    chat.failures = []
    assert outbox_admin.requeue(store) == 1
    clock.now += 1
    assert (await daemon.drain()).sent == 2


async def test_a_second_dispatcher_is_refused_while_the_first_holds_the_lease(
    tmp_path: Path,
) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1",), ("Amazon", "Microsoft"))
    holder = dispatcher(store, clock, chat)
    first = outbox.claim_due(store, holder.now())[0]
    claim = leases.acquire(store, first.subscription_id, holder.owner, holder.now(), 120.0)
    outbox.mark_sending(store, first.id)  # the holder is mid-post
    second = dispatcher(store, clock, chat)
    other = await second.drain()
    assert claim.held and other.sent == 0 and chat.posts == []
    assert "another policybot process" in other.problems[0]
    assert statuses(store) == ["sending", "pending"]  # a live holder's row is not touched
    # the holder dies without releasing: the lease expires, the next one recovers the row
    clock.now += 121
    later = await second.drain()
    assert later.sent == 2 and statuses(store) == ["sent", "sent"]


async def test_permanent_failure_marks_subscription_failing(tmp_path: Path) -> None:
    store, clock, chat, news = setup(tmp_path, ("C1", "C2"), ("Amazon", "Microsoft"))
    bad = Destination("slack", channel="C1", workspace="T1")

    c1_attempts = []

    async def post(dest, message, *, thread=None):  # type: ignore[no-untyped-def]
        if dest.channel == "C1":
            c1_attempts.append(message)
            raise PermanentFailure("slack:C1 is archived; unarchive it or remove the subscription")
        return await FakeChat.post(chat, dest, message, thread=thread)

    chat.post = post  # type: ignore[method-assign]
    summary = await dispatcher(store, clock, chat).drain()
    assert summary.failed == 1 and summary.sent == 2 and len(c1_attempts) == 1  # not retried
    sub = subscriptions_store.find(store, bad)
    assert sub is not None and sub.status == "failing" and "archived" in (sub.last_error or "")
    assert outbox.queue_depth(store)["blocked"] == 1  # the other C1 row waits, not lost
    assert (await dispatcher(store, clock, chat).drain()).sent == 0
    assert len(c1_attempts) == 1
    # new events are not routed to the failing channel
    assert route(store, news.report("IBM"), alertable=True) == 1


async def test_updates_wait_for_the_alert_and_go_into_its_thread(tmp_path: Path) -> None:
    store, clock, chat, news = setup(tmp_path)
    follow = news.report("Amazon", source="Second Outlet", hours=2)
    assert route(store, follow, alertable=True) == 1  # the update row
    chat.failures = [RetryLater("429", 100.0)]
    daemon = dispatcher(store, clock, chat)
    first = await daemon.drain(max_wait=5)
    assert first.sent == 0 and chat.posts == []  # the update did not overtake its alert
    clock.now += 101
    summary = await daemon.drain()
    assert summary.sent == 2
    alert, update = chat.posts
    assert alert.thread is None
    assert update.thread == Posted(ref=alert.ref, thread_ref=alert.ref, channel="C1")
    assert "Second Outlet" in update.message.text
    # the alert was edited to show the new count
    [(dest, posted, message)] = chat.edits
    assert posted.ref == alert.ref and "2 outlets" in (message.footer or "")


async def test_edit_failure_does_not_fail_the_update(tmp_path: Path) -> None:
    store, clock, chat, news = setup(tmp_path)
    await dispatcher(store, clock, chat).drain()
    route(store, news.report("Amazon", source="Second Outlet", hours=2), alertable=True)
    chat.edit_failure = TransientFailure("chat.update 500")
    summary = await dispatcher(store, clock, chat).drain()
    assert summary.sent == 1 and summary.failed == 0
    assert statuses(store) == ["sent", "sent"]


async def test_crash_after_post_resends_once_and_never_again(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path, ("C1",), ("Amazon", "Microsoft", "IBM"))
    accepted = asyncio.Event()
    hang = asyncio.Event()

    async def crash_on_second(post):  # type: ignore[no-untyped-def]
        if len(chat.posts) == 2:  # the platform took message 2; we die before recording it
            accepted.set()
            await hang.wait()

    chat.on_post = crash_on_second
    task = asyncio.create_task(dispatcher(store, clock, chat).drain())
    await asyncio.wait_for(accepted.wait(), 5)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert statuses(store) == ["sent", "sending", "pending"]
    chat.on_post = None
    restarted = await dispatcher(store, clock, chat).drain()  # recovery on first use
    assert restarted.sent == 2
    texts = [t.split(" ")[0] for t in chat.texts()]
    assert texts == ["Amazon", "Microsoft", "Microsoft", "IBM"]  # one duplicate: the window
    assert statuses(store) == ["sent"] * 3
    assert (await dispatcher(store, clock, chat).drain()).sent == 0
    assert len(chat.posts) == 4


async def test_missing_poster_leaves_rows_pending_and_says_how_to_fix(tmp_path: Path) -> None:
    store, clock, console, _ = setup(tmp_path)
    console.platforms = frozenset({"console"})
    subscriptions_store.add(store, Destination("console"), Filters(), origin="builtin")
    route(store, Newsroom(store).report("IBM"), alertable=True)
    d = dispatcher(store, clock, console)
    summary = await d.drain()
    assert summary.sent == 1 and summary.waiting == 2  # both slack alerts wait
    [problem] = summary.problems
    assert "slack:T1/C1" in problem and "SLACK_BOT_TOKEN" in problem
    assert (await d.drain()).problems == ()  # reported once
    assert statuses(store).count("pending") == 2


async def test_unknown_adapter_errors_are_retried_not_fatal(tmp_path: Path) -> None:
    store, clock, chat, _ = setup(tmp_path)
    chat.failures = [ValueError("bug in an adapter")]  # type: ignore[list-item]
    summary = await dispatcher(store, clock, chat, backoff_base=1.0).drain()
    assert summary.sent == 1 and summary.retried == 1


async def test_console_end_to_end_alert_then_threaded_follow_up(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    subscriptions_store.add(store, Destination("console"), Filters(), origin="builtin")
    news = Newsroom(store)
    route(store, news.report("Amazon", source="Outlet \x1b[31mA"), alertable=True)
    route(store, news.report("Amazon", source="Outlet B", hours=1), alertable=True)
    out = io.StringIO()
    clock = FakeTime()
    summary = await dispatcher(store, clock, ConsolePoster(out)).drain()
    assert summary.sent == 2
    text = out.getvalue()
    assert "Amazon pauses Rekognition for police" in text and "\x1b" not in text
    assert "    ↳ Also reported by Outlet B" in text
    assert "now: 2 outlets" not in text  # the alert, drawn after both reports, already said so
