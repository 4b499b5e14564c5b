"""``/frpolicy timeline VENDOR`` in Discord: the chart arrives as a file attachment of
the interaction reply (multipart, read by the fake Discord API) and in the embed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.chat.discord.runtime import DiscordRuntime
from bot.chat.discord.settings import DiscordSettings
from tests import fake_discord, feedserver
from tests.archive import build_archive
from tests.fake_discord import FakeDiscord
from tests.feedserver import FeedServer
from tests.test_discord_commands import payload, text_of
from tests.test_timeline_chart import png_size

feed_server = feedserver.feed_server
fake = fake_discord.fake
settings = fake_discord.settings


async def test_discord_attaches_the_chart(
    tmp_path: Path, fake: FakeDiscord, settings: DiscordSettings, feed_server: FeedServer
) -> None:
    store, _ = await asyncio.to_thread(build_archive, tmp_path, feed_server)
    runtime = DiscordRuntime(settings, store, reply_within=10.0)
    await runtime.client.login(fake_discord.TOKEN)
    try:
        import discord

        body = payload("timeline", [{"name": "name", "type": 3, "value": "Amazon"}])
        interaction = discord.Interaction(data=body, state=runtime.client._connection)  # type: ignore[arg-type]
        await runtime.tree._call(interaction)
    finally:
        await runtime.stop()
        store.close()
    [call] = fake.find("POST", f"/interactions/{body['id']}/{body['token']}/callback")
    [png] = call.files
    assert png.filename == "amazon-timeline.png" and png.field == "files[0]"
    assert png_size(png.data) == (1000, 500)
    reply = call.json
    assert "Rekognition" in text_of(reply)
    assert reply["data"]["embeds"][0]["image"]["url"] == "attachment://amazon-timeline.png"
    assert reply["data"]["attachments"][0]["filename"] == "amazon-timeline.png"
    assert reply["data"]["allowed_mentions"]["parse"] == []
