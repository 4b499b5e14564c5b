"""The ops channel on Discord: the neutral message arrives as an embed (fake Discord API)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.chat.discord.poster import DiscordPoster
from bot.chat.discord.settings import DiscordSettings
from bot.models import Destination, FeedConfig, Filters
from bot.ops import channel
from bot.ops.watch import OpsSettings
from store import Store
from store import feeds as feeds_store
from store import subscriptions as subscriptions_store
from tests import fake_discord
from tests.fake_discord import FakeDiscord

fake = fake_discord.fake
settings = fake_discord.settings


async def test_discord_ops_channel_gets_the_same_message_as_an_embed(
    tmp_path: Path, fake: FakeDiscord, settings: DiscordSettings
) -> None:
    store = Store.open(tmp_path / "bot.db")
    now = datetime.now(UTC)
    feeds_store.sync_feeds(store, [FeedConfig("wire", "Wire", "https://wire.example/rss",
                                              "news", 900)], now=now)  # fmt: skip
    subscriptions_store.add(store, Destination("discord", channel="423456789012345678"),
                            Filters(), ops=True)  # fmt: skip
    rules = OpsSettings(feed_failing_after=3600, min_gap=0, weekly=False)
    poster = DiscordPoster(settings)
    try:
        assert channel.check(store, rules, now) == 0  # first sight, healthy: silent
        (state,) = feeds_store.list_feeds(store)
        feeds_store.save_feed_state(store, replace(
            state, status="failing", consecutive_failures=4, last_success_at=now - timedelta(hours=2),
            last_error="feed 'Wire': connection refused"))  # fmt: skip
        assert channel.check(store, rules, now) == 1
        assert channel.check(store, rules, now + timedelta(minutes=1)) == 0
        assert await channel.send(store, {"discord": poster}, now) == 1
        assert await channel.send(store, {"discord": poster}, now) == 0
    finally:
        await poster.close()
        store.close()
    (post,) = fake.posts()
    embed = post.json["embeds"][0]
    assert embed["title"] == "Feed failing: Wire"
    assert "connection refused" in embed["description"]
