"""/frpolicy app commands: Interactions built from payloads, dispatched through the
real CommandTree, answered against the fake Discord API; the shared command core
and a real SQLite store behind them."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.chat.discord.runtime import DiscordRuntime
from bot.chat.discord.settings import DiscordSettings
from bot.chat.discord.text import INVITE_PERMISSIONS
from bot.models import Destination, Message
from store import Store
from store import subscriptions as subscriptions_store
from tests import fake_discord
from tests.fake_discord import APP_ID, FakeDiscord

fake = fake_discord.fake
settings = fake_discord.settings

GUILD = "920000000000000001"
CHANNEL = "123456789012345678"
USER = "950000000000000001"
VIEW_AND_SEND = (1 << 10) | (1 << 11)
MANAGE_CHANNELS = 1 << 4
ADMINISTRATOR = 1 << 3
EPHEMERAL = 64
_ids = itertools.count(960000000000000000)


@pytest.fixture
async def runtime(tmp_path: Path, settings: DiscordSettings) -> AsyncIterator[DiscordRuntime]:
    store = Store.open(tmp_path / "policybot.db")
    runtime = DiscordRuntime(settings, store)
    await runtime.client.login(fake_discord.TOKEN)  # REST only: runs setup_hook (sync)
    try:
        yield runtime
    finally:
        await runtime.stop()
        store.close()


def payload(sub: str, options: list[dict[str, Any]] | None = None, *, permissions: int = VIEW_AND_SEND,
            guild: str | None = GUILD, kind: int = 2) -> dict[str, Any]:  # fmt: skip
    """An INTERACTION_CREATE payload for ``/frpolicy <sub> …`` as Discord sends it."""
    data: dict[str, Any] = {
        "id": "970000000000000001", "name": "frpolicy", "type": 1,
        "options": [{"name": sub, "type": 1, "options": options or []}],
    }  # fmt: skip
    user = FakeDiscord.user(USER, "researcher", bot=False)
    body: dict[str, Any] = {
        "id": str(next(_ids)), "application_id": APP_ID, "type": kind,
        "token": f"interaction-token-{next(_ids)}", "version": 1, "data": data,
        "channel_id": CHANNEL, "locale": "en-US", "entitlements": [],
        "attachment_size_limit": 8 * 1024 * 1024, "app_permissions": str(INVITE_PERMISSIONS),
        "authorizing_integration_owners": {"0": GUILD if guild else USER},
    }  # fmt: skip
    if guild:
        body.update(
            guild_id=guild, guild_locale="en-US", context=0,
            channel={"id": CHANNEL, "type": 0, "guild_id": guild, "name": "alerts",
                     "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
            member={"user": user, "roles": [], "joined_at": datetime.now(UTC).isoformat(),
                    "deaf": False, "mute": False, "flags": 0, "permissions": str(permissions)},
        )  # fmt: skip
    else:
        body.update(context=1, user=user, channel={"id": CHANNEL, "type": 1, "recipients": [user]})
    return body


async def invoke(
    runtime: DiscordRuntime, fake: FakeDiscord, body: dict[str, Any]
) -> dict[str, Any]:
    state = runtime.client._connection
    interaction: discord.Interaction[Any] = discord.Interaction(data=body, state=state)  # type: ignore[arg-type]
    await runtime.tree._call(interaction)
    [callback] = fake.find("POST", f"/interactions/{body['id']}/{body['token']}/callback")
    result: dict[str, Any] = callback.json
    return result


def text_of(response: dict[str, Any]) -> str:
    embeds = response["data"]["embeds"]
    return " ".join(str(e.get("title", "")) + " " + str(e.get("description", "")) for e in embeds)


async def test_commands_sync_globally_on_start(runtime: DiscordRuntime, fake: FakeDiscord) -> None:
    [sync] = fake.find("PUT", f"/applications/{APP_ID}/commands")
    [group] = sync.json
    assert group["name"] == "frpolicy"
    subs = {option["name"] for option in group["options"]}
    assert subs == {"latest", "vendor", "timeline", "search", "subscribe", "unsubscribe",
                    "subscriptions", "feeds", "page", "status", "help"}  # fmt: skip
    subscribe = next(o for o in group["options"] if o["name"] == "subscribe")
    params = {p["name"]: p for p in subscribe["options"]}
    assert set(params) == {"vendor", "action", "actor_type", "min_confidence", "kind"}
    assert {c["value"] for c in params["action"]["choices"]} >= {"moratorium", "ban", "exit"}
    assert params["vendor"]["autocomplete"] is True


async def test_commands_sync_to_the_dev_guild(tmp_path: Path, fake: FakeDiscord) -> None:
    store = Store.open(tmp_path / "dev.db")
    runtime = DiscordRuntime(DiscordSettings(token=fake_discord.TOKEN, dev_guild=GUILD,
                                             api_base=fake.api_base), store)  # fmt: skip
    try:
        await runtime.client.login(fake_discord.TOKEN)
    finally:
        await runtime.stop()
        store.close()
    assert fake.find("PUT", f"/applications/{APP_ID}/guilds/{GUILD}/commands")
    assert fake.commands[GUILD][0]["name"] == "frpolicy"


async def test_lookup_replies_ephemerally_and_pings_nobody(
    runtime: DiscordRuntime, fake: FakeDiscord
) -> None:
    response = await invoke(runtime, fake, payload("help"))
    assert response["type"] == 4
    assert response["data"]["flags"] & EPHEMERAL
    assert response["data"]["allowed_mentions"]["parse"] == []
    assert "subscribe" in text_of(response)


async def test_latest_with_count_runs_the_core(runtime: DiscordRuntime, fake: FakeDiscord) -> None:
    response = await invoke(
        runtime, fake, payload("latest", [{"name": "count", "type": 4, "value": 3}])
    )
    assert response["data"]["flags"] & EPHEMERAL
    assert "failed inside policybot" not in text_of(response)


async def test_subscribe_without_manage_channels_is_refused(
    runtime: DiscordRuntime, fake: FakeDiscord
) -> None:
    options = [{"name": "vendor", "type": 3, "value": "Amazon"}]
    response = await invoke(runtime, fake, payload("subscribe", options, permissions=VIEW_AND_SEND))
    assert response["data"]["flags"] & EPHEMERAL
    assert "Manage Channels" in text_of(response)
    assert subscriptions_store.find(runtime.store, Destination("discord", channel=CHANNEL)) is None


async def test_subscribe_in_a_dm_is_refused(runtime: DiscordRuntime, fake: FakeDiscord) -> None:
    response = await invoke(runtime, fake, payload("subscribe", guild=None))
    assert "server channel" in text_of(response)
    assert subscriptions_store.list_subscriptions(runtime.store) == []


@pytest.mark.parametrize("permissions", [VIEW_AND_SEND | MANAGE_CHANNELS, ADMINISTRATOR])
async def test_subscribe_with_manage_channels_subscribes_this_channel(
    runtime: DiscordRuntime, fake: FakeDiscord, permissions: int
) -> None:
    options = [
        {"name": "vendor", "type": 3, "value": "Amazon"},
        {"name": "action", "type": 3, "value": "moratorium"},
        {"name": "min_confidence", "type": 10, "value": 0.5},
    ]
    response = await invoke(runtime, fake, payload("subscribe", options, permissions=permissions))
    sub = subscriptions_store.find(runtime.store, Destination("discord", channel=CHANNEL))
    assert sub is not None, text_of(response)
    assert sub.filters.actions == ("moratorium",)
    assert [v.casefold() for v in sub.filters.vendors] == ["amazon"]
    assert sub.filters.min_confidence == pytest.approx(0.5)
    assert response["data"]["allowed_mentions"]["parse"] == []
    # and unsubscribe, with the same permission, removes it
    await invoke(runtime, fake, payload("unsubscribe", permissions=permissions))
    assert subscriptions_store.find(runtime.store, Destination("discord", channel=CHANNEL)) is None


async def test_vendor_autocomplete_offers_known_vendors(
    runtime: DiscordRuntime, fake: FakeDiscord
) -> None:
    options = [{"name": "name", "type": 3, "value": "", "focused": True}]
    response = await invoke(runtime, fake, payload("vendor", options, kind=4))
    assert response["type"] == 8
    choices = response["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert all(c["name"] == c["value"] for c in choices)


async def test_slow_command_is_deferred_then_answered_ephemerally(
    tmp_path: Path, settings: DiscordSettings, fake: FakeDiscord
) -> None:
    store = Store.open(tmp_path / "slow.db")
    runtime = DiscordRuntime(settings, store, reply_within=0.0)  # always defer first
    await runtime.client.login(fake_discord.TOKEN)
    try:
        body = payload("status")
        deferred = await invoke(runtime, fake, body)
    finally:
        await runtime.stop()
        store.close()
    assert deferred["type"] == 5 and deferred["data"]["flags"] & EPHEMERAL
    [follow_up] = fake.find("POST", f"/webhooks/{APP_ID}/{body['token']}")
    assert follow_up.json["flags"] & EPHEMERAL
    assert follow_up.json["allowed_mentions"]["parse"] == []
    assert follow_up.json["embeds"]


async def test_failed_command_sync_does_not_stop_the_bot(
    tmp_path: Path, settings: DiscordSettings, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail_next(403, code=50001, path_contains="/commands", method="PUT")
    store = Store.open(tmp_path / "sync.db")
    runtime = DiscordRuntime(settings, store)
    try:
        await runtime.client.login(fake_discord.TOKEN)
        assert runtime.client.user is not None  # logged in despite the failed sync
    finally:
        await runtime.stop()
        store.close()
    assert "applications.commands" in caplog.text


async def test_run_connects_the_gateway_and_answers_a_live_interaction(
    tmp_path: Path, settings: DiscordSettings, fake: FakeDiscord
) -> None:
    store = Store.open(tmp_path / "run.db")
    runtime = DiscordRuntime(settings, store)
    try:
        await asyncio.wait_for(runtime.start(), timeout=1.0)  # returns; connects in background
        await asyncio.wait_for(runtime.client.wait_until_ready(), timeout=5.0)
        assert fake.find("PUT", f"/applications/{APP_ID}/commands")  # synced in setup_hook
        [identify] = [f for f in fake.gateway_frames if f.get("op") == 2]
        intents = discord.Intents._from_value(identify["d"]["intents"])
        assert not (intents.message_content or intents.members or intents.presences)
        # an interaction arriving over the gateway is answered through the real tree
        body = payload("help")
        await fake.dispatch("INTERACTION_CREATE", body)
        callback_path = f"/interactions/{body['id']}/{body['token']}/callback"
        for _ in range(100):
            if fake.find("POST", callback_path):
                break
            await asyncio.sleep(0.02)
        [callback] = fake.find("POST", callback_path)
        assert callback.json["data"]["flags"] & EPHEMERAL
        # the runtime lends its logged-in client to the poster
        posted = await runtime.poster().post(Destination("discord", channel=CHANNEL), Message("hi"))
        assert posted.ref in fake.messages
        await asyncio.wait_for(runtime.stop(), timeout=2.0)
    finally:
        store.close()
    assert runtime.client.is_closed()
