"""The ops channel: one message when a feed starts failing, one when it recovers,
checked against the fake Slack and Discord APIs; the rules behind it (first sight,
rate limit, grouping, the weekly summary) on their own."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli.main import main as cli_main
from bot.commands.core import handle_text
from bot.commands.spec import Caller
from bot.models import Destination, Entry, FeedConfig, Filters, Finding
from bot.ops import channel
from bot.ops.watch import Known, Observation, OpsSettings, changes, week_start
from store import Store
from store import feeds as feeds_store
from store import ops as ops_store
from store import subscriptions as subscriptions_store
from tests import feedserver
from tests.chat_fixtures import record
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server, validate_blocks
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import NOISE, rss

fake = fake_slack_server
feed_server = feedserver.feed_server

AT_ONCE = "ops:\n  feed_failing_after: 0\n  min_gap: 0\n  weekly: false\n"


def test_the_ops_channel_hears_once_when_a_feed_fails_and_once_when_it_recovers(
    tmp_path: Path, feed_server: FeedServer, fake: FakeSlack
) -> None:
    feed_server.set("/rss", body=rss(NOISE))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"defaults:\n{ALLOW_LOCAL}console: false\n{AT_ONCE}feeds:\n"
                     f"  - name: Local News\n    url: {feed_server.url('/rss')}\n")  # fmt: skip
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}
    args = ["--db", str(tmp_path / "policybot.db"), "--feeds", str(feeds)]
    runner = CliRunner()

    def policybot(*words: str) -> str:
        result = runner.invoke(cli_main, [*args, *words], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    def ops_posts() -> list[dict[str, object]]:
        return [c.body for c in fake.recorded("chat.postMessage") if c.body["channel"] == "C0OPS"]

    assert "ops channel" in policybot("subscriptions", "add", "slack:C0OPS", "--ops")
    policybot("poll", "--all")  # healthy: nothing to say
    assert ops_posts() == []

    feed_server.set("/rss", body=b"upstream broke", status=500)
    policybot("poll", "--all")
    policybot("poll", "--all")  # still failing: no second message
    posts = ops_posts()
    assert len(posts) == 1
    assert "Feed failing: Local News" in str(posts[0]["text"])
    assert "HTTP 500" in json.dumps(posts[0]["blocks"])
    assert validate_blocks(posts[0]["blocks"]) is None  # type: ignore[arg-type]

    feed_server.set("/rss", body=rss(NOISE))
    policybot("poll", "--all")
    policybot("poll", "--all")
    posts = ops_posts()
    assert len(posts) == 2
    assert "Feed recovered: Local News" in str(posts[1]["text"])
    assert len(fake.recorded("chat.postMessage")) == 2  # no alerts to the ops channel either
    listed = policybot("subscriptions", "list")
    assert "slack:C0OPS" in listed and "ops channel" in listed


def test_subscribe_ops_through_the_command_core(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    admin = Caller("slack", "U1", workspace="T1", channel="C9", can_manage=True)
    reply = handle_text(store, admin, "subscribe ops")
    assert "ops channel" in reply.text
    (sub,) = subscriptions_store.list_subscriptions(store)
    assert sub.ops and sub.destination.channel == "C9"
    assert "takes no filters" in handle_text(store, admin, "subscribe ops vendor:Amazon").text
    member = replace(admin, can_manage=False)
    assert "ops channel" not in handle_text(store, member, "subscribe ops").text
    store.close()


# ----------------------------------------------------------------------------- rules

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday
RULES = OpsSettings(min_gap=1800, group_over=3)


def feed(n: int, state: str = "ok") -> Observation:
    return Observation(f"feed:{n}", state, f"Feed {n}", "HTTP 500" if state != "ok" else "")


def test_first_sight_announces_only_trouble() -> None:
    found = changes({}, [feed(1), feed(2, "failing")], NOW, RULES)
    assert [(c.observation.subject, c.announce) for c in found] == [
        ("feed:1", False), ("feed:2", True)]  # fmt: skip


def test_a_flap_inside_the_gap_waits_and_a_change_after_it_is_announced() -> None:
    known = {"feed:1": Known("failing", NOW - timedelta(minutes=10))}
    assert changes(known, [feed(1)], NOW, RULES) == []  # too soon after the last message
    later = NOW + timedelta(minutes=25)
    (change,) = changes(known, [feed(1)], later, RULES)
    assert change.announce and change.before == "failing"
    assert changes(known, [feed(1, "failing")], later, RULES) == []  # same state: nothing


def test_many_changes_at_once_share_one_message(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    feeds_store.sync_feeds(store, [FeedConfig(f"f{n}", f"Feed {n}", f"https://f{n}.example/rss",
                                              "news", 900) for n in range(6)], now=NOW)  # fmt: skip
    subscriptions_store.add(store, Destination("slack", channel="C0OPS"), Filters(), ops=True)
    for state in feeds_store.list_feeds(store):
        feeds_store.save_feed_state(store, replace(state, status="gone", last_error="HTTP 410"))
    assert channel.check(store, replace(RULES, weekly=False), NOW) == 1
    (notice,) = ops_store.pending(store)
    assert notice.message["sections"][0]["title"] == "6 health changes"
    assert "Feed gone: Feed 5 (HTTP 410)" in notice.message["text"]
    store.close()


def test_the_weekly_summary_goes_out_once_a_week(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    subscriptions_store.add(store, Destination("slack", channel="C0OPS"), Filters(), ops=True)
    store.execute("UPDATE subscriptions SET created_at = ?", ["2026-11-01T00:00:00+00:00"])
    monday = week_start(NOW)
    assert (monday.weekday(), monday.hour, monday.day) == (0, 9, 30)
    assert channel.check(store, RULES, NOW) == 1
    assert channel.check(store, RULES, NOW + timedelta(days=2)) == 0  # same week
    feeds_store.sync_feeds(store, [FeedConfig("wire", "Wire", "https://wire.example/rss",
                                              "news", 900)], now=NOW)  # fmt: skip
    (state,) = feeds_store.list_feeds(store)
    feeds_store.save_feed_state(store, replace(state, status="gone", last_error="HTTP 410"))
    assert channel.check(store, RULES, NOW + timedelta(days=5)) == 2  # next Monday passed
    notices = [n.message for n in ops_store.pending(store)]
    titles = [m["sections"][0]["title"] for m in notices]
    assert titles == ["Weekly health summary (since 2026-11-30 09:00 UTC)", "Feed gone: Wire",
                      "Weekly health summary (since 2026-12-07 09:00 UTC)"]  # fmt: skip
    assert "Nothing needs attention." in notices[0]["text"]
    assert "Needing attention: Wire (gone)" in notices[2]["text"]
    store.close()


def test_a_backed_up_outbox_and_a_failing_destination_are_reported(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    subscriptions_store.add(store, Destination("slack", channel="C0OPS"), Filters(), ops=True)
    alerts = subscriptions_store.add(store, Destination("slack", channel="C0ALERTS"), Filters())
    settings = replace(RULES, weekly=False, outbox_max_pending=0)
    entry = Entry(feed_id="wire", key="guid:1", title="Examplecorp pauses face search sales",
                  summary="Examplecorp paused sales of face search to police.",
                  link="https://wire.example/1", published=NOW, source="Wire")  # fmt: skip
    finding = Finding(relevant=True, actor_type="vendor", vendor="Examplecorp",
                      action="moratorium", applies_to="police", confidence=0.9,
                      evidence="Examplecorp paused sales of face search to police.")  # fmt: skip
    record(store, entry, finding, alertable=True)
    queued = store.query("SELECT subscription_id FROM deliveries")
    assert queued == [{"subscription_id": alerts.id}]  # the ops channel gets no alert
    subscriptions_store.mark_failing(store, alerts.id, "channel_not_found")
    assert channel.check(store, settings, NOW) == 2
    texts = [n.message["text"] for n in ops_store.pending(store)]
    assert any(t.startswith("Deliveries failing: slack:C0ALERTS") and "channel_not_found" in t
               for t in texts)  # fmt: skip
    assert any(t.startswith("The outbox is backing up") for t in texts)
    store.close()
