"""``/frpolicy feeds add URL`` in Discord (real CommandTree, fake Discord API): members
with Manage Channels only, the same checks and trial fetch as the CLI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.chat.discord.runtime import DiscordRuntime
from bot.chat.discord.settings import DiscordSettings
from store import Store, feed_catalog
from tests import fake_discord, feedserver
from tests.archive import serve_stories
from tests.fake_discord import FakeDiscord
from tests.feedserver import FeedServer
from tests.test_discord_commands import MANAGE_CHANNELS, VIEW_AND_SEND, invoke, payload, text_of
from tests.test_feed_chat import ADMIN

feed_server = feedserver.feed_server
fake = fake_discord.fake
settings = fake_discord.settings


@pytest.fixture
async def discord_runtime(
    tmp_path: Path, settings: DiscordSettings
) -> AsyncIterator[DiscordRuntime]:
    store = Store.open(tmp_path / "discord.db")
    runtime = DiscordRuntime(settings, store, feed_admin=ADMIN)
    await runtime.client.login(fake_discord.TOKEN)
    try:
        yield runtime
    finally:
        await runtime.stop()
        store.close()


async def test_discord_manage_channels_adds_a_feed_others_cannot(
    discord_runtime: DiscordRuntime, fake: FakeDiscord, feed_server: FeedServer
) -> None:
    serve_stories(feed_server)
    discord_runtime.reply_within = 10.0
    url = feed_server.url("/wire.xml")
    option = [{"name": "add", "type": 3, "value": url}]
    reply = await invoke(discord_runtime, fake, payload("feeds", option, permissions=VIEW_AND_SEND))
    assert "Manage Channels" in text_of(reply)
    assert feed_catalog.added_feeds(discord_runtime.store) == []

    body = payload("feeds", option, permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
    reply = await invoke(discord_runtime, fake, body)
    assert "Added feed 'Policy Wire'" in text_of(reply), text_of(reply)
    assert reply["data"]["allowed_mentions"]["parse"] == []
    [added] = feed_catalog.added_feeds(discord_runtime.store)
    assert added.url == url
