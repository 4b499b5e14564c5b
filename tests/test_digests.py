"""Digests: scheduled by the daemon's digest job with an injected clock, posted through
the real Slack poster to the fake Slack API, from a real archive (local feeds →
pipeline → SQLite); one message per period, never twice, nothing when nothing happened,
and a digest missed while the daemon was down goes out once on the next start."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from bot.app import Daemon, poll_and_deliver
from bot.chat.slack.poster import slack_posters
from bot.chat.slack.settings import SlackSettings
from bot.cli.main import main
from bot.delivery.digest import PlanError, check_plan, period_end
from bot.delivery.dispatch import Dispatcher
from bot.models import Destination, Filters
from store import Store, digests, outbox
from store import subscriptions as subscriptions_store
from tests import feedserver
from tests.archive import build_archive, rss
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server
from tests.feedserver import FeedServer

feed_server = feedserver.feed_server
fake = fake_slack_server
PARIS = ZoneInfo("Europe/Paris")
CHANNEL = Destination("slack", channel="C0DIGEST")


def test_period_ends_follow_local_time_across_daylight_saving() -> None:
    plan = check_plan("daily", "8:00", "Europe/Paris")
    winter = period_end(plan, datetime(2026, 3, 28, 12, tzinfo=UTC))
    summer = period_end(plan, datetime(2026, 3, 30, 12, tzinfo=UTC))  # after the clocks moved
    assert winter.astimezone(PARIS).hour == summer.astimezone(PARIS).hour == 8
    assert (winter.hour, summer.hour) == (7, 6)  # 08:00 Paris in UTC, winter then summer
    assert period_end(plan, datetime(2026, 3, 28, 6, tzinfo=UTC)).day == 27  # before 08:00
    weekly = check_plan("weekly", "09:30", "UTC")
    monday = period_end(weekly, datetime(2026, 12, 6, 12, tzinfo=UTC))  # a Sunday
    assert (monday.weekday(), monday.day, monday.hour, monday.minute) == (0, 30, 9, 30)
    for bad in (
        ("hourly", "08:00", "UTC"),
        ("daily", "25:00", "UTC"),
        ("daily", "08:00", "Mars/Base"),
    ):
        with pytest.raises(PlanError):
            check_plan(*bad)


def subscribe_digest(db: Path, **plan: str) -> int:
    store = Store.open(db)
    sub = subscriptions_store.add(store, CHANNEL, Filters(actor_types=("vendor",)))
    subscriptions_store.set_digest(store, sub.id, check_plan(**plan), alerts=False)
    store.close()
    return sub.id


async def tick(store: Store, config, fake: FakeSlack, now: datetime):  # type: ignore[no-untyped-def]
    """One digest run of a freshly started daemon at ``now`` (the injected clock)."""
    daemon = Daemon(store, config, clock=lambda: now)
    assert daemon._scheduler().get_job("digests") is not None  # the daemon's own scheduler
    daemon.dispatcher = Dispatcher(store, slack_posters(SlackSettings(bot_token=BOT_TOKEN,
                                                                      api_url=fake.api_url)))  # fmt: skip
    try:
        return await daemon.digest_tick()
    finally:
        for poster in daemon.dispatcher.posters.values():
            await poster.close()


async def test_daily_digest_once_per_period_grouped_by_vendor(
    tmp_path: Path, fake: FakeSlack, feed_server: FeedServer
) -> None:
    started = datetime.now(UTC)
    sub_id = subscribe_digest(tmp_path / "archive.db", every="daily", at="08:00", tz="Europe/Paris")
    store, config = await asyncio.to_thread(build_archive, tmp_path, feed_server)
    first = period_end(check_plan("daily", "08:00", "Europe/Paris"), started + timedelta(days=1))

    # the daemon was down at the first 08:00; it starts two days later: ONE digest, all of it
    late = first + timedelta(days=2, hours=3)
    summary = await tick(store, config, fake, late)
    assert (summary.sent, summary.empty) == (1, 0)
    [post] = fake.recorded("chat.postMessage")
    text = post.body["text"]
    assert post.body["channel"] == "C0DIGEST"
    assert text.startswith("policybot daily digest, ") and "5 events" in text
    assert text.index("Amazon:") < text.index("IBM:")  # vendors with more events first
    assert text.count("Rekognition") >= 2 and "Meta:" in text and "Microsoft:" in text
    [row] = digests.history(store, sub_id)
    assert row["status"] == "sent" and row["event_count"] == 5
    assert datetime.fromisoformat(str(row["period_end"])).astimezone(PARIS).hour == 8

    # the same minute again, and a restarted daemon: nothing more (a database fact)
    assert (await tick(store, config, fake, late)).sent == 0
    assert (await tick(store, config, fake, late + timedelta(minutes=5))).sent == 0
    assert len(fake.recorded("chat.postMessage")) == 1

    # the next day nothing happened: no message, the period is recorded as empty
    summary = await tick(store, config, fake, late + timedelta(days=1))
    assert (summary.sent, summary.empty) == (0, 1)
    assert len(fake.recorded("chat.postMessage")) == 1
    assert [r["status"] for r in digests.history(store, sub_id)] == ["sent", "empty"]
    store.close()


async def test_a_failed_digest_is_retried_then_sent_once(
    tmp_path: Path, fake: FakeSlack, feed_server: FeedServer
) -> None:
    started = datetime.now(UTC)
    sub_id = subscribe_digest(tmp_path / "archive.db", every="weekly", at="09:00", tz="UTC")
    store, config = await asyncio.to_thread(build_archive, tmp_path, feed_server)
    monday = period_end(check_plan("weekly", "09:00", "UTC"), started + timedelta(days=7))
    fake.fail_next(1, status=503, method="chat.postMessage")
    first = await tick(store, config, fake, monday + timedelta(minutes=1))
    assert first.failed == 1 and digests.history(store, sub_id)[0]["status"] == "failed"
    second = await tick(store, config, fake, monday + timedelta(minutes=2))
    assert second.sent == 1
    assert "weekly digest" in fake.recorded("chat.postMessage")[0].body["text"]
    assert (await tick(store, config, fake, monday + timedelta(minutes=3))).sent == 0
    store.close()


def test_a_digest_only_subscription_gets_no_immediate_alerts(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    sub_id = subscribe_digest(tmp_path / "archive.db", every="daily", at="08:00", tz="UTC")
    store, config = build_archive(tmp_path, feed_server)
    news = ("2021-06-01", "Clearview AI settles and will no longer license its face database to businesses",
            "Clearview AI settled and agreed to a permanent ban on selling access to its "
            "facial recognition database to private companies.")  # fmt: skip
    feed_server.set("/daily.xml", rss("Tech Daily", [news]))
    asyncio.run(poll_and_deliver(store, config, include_all=True, stream=io.StringIO()))
    console = subscriptions_store.find(store, Destination("console"))
    [event] = [r["id"] for r in store.query("SELECT id FROM events WHERE vendor = 'Clearview AI'")]
    assert console is not None and outbox.has_alert(store, event, console.id)  # alerts flow
    assert store.query("SELECT COUNT(*) AS n FROM deliveries WHERE subscription_id = ?",
                       [sub_id])[0]["n"] == 0  # fmt: skip
    store.close()


def test_cli_adds_and_lists_a_digest(tmp_path: Path) -> None:
    db = str(tmp_path / "bot.db")
    added = CliRunner().invoke(main, ["--db", db, "subscriptions", "add", "slack:C0DIGEST",
                                      "--digest", "daily", "--at", "07:30", "--tz", "Europe/Paris"])  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "daily 07:30 Europe/Paris" in added.output
    listed = CliRunner().invoke(main, ["--db", db, "subscriptions", "list"]).output
    assert "daily 07:30 Europe/Paris" in listed
    both = CliRunner().invoke(main, ["--db", db, "subscriptions", "add", "slack:C0DIGEST",
                                     "--digest", "weekly", "--also-alerts"])  # fmt: skip
    assert "alerts + weekly 08:00 UTC" in both.output
    bad = CliRunner().invoke(main, ["--db", db, "subscriptions", "add", "slack:C0DIGEST",
                                    "--digest", "daily", "--tz", "Paris"])  # fmt: skip
    assert bad.exit_code == 2 and "not a time zone" in bad.output
