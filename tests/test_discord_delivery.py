"""End to end from the outbox: real SQLite + routes + Dispatcher + DiscordPoster +
the fake Discord API. Each event is posted once per subscribed channel; updates
land in the alert's thread and the alert is edited to show the new count."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.discord.embeds import TOTAL_MAX
from bot.chat.discord.poster import DiscordPoster, discord_posters
from bot.chat.discord.settings import DiscordSettings
from bot.delivery.dispatch import Dispatcher
from bot.delivery.poster import Poster
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store
from store import subscriptions as subscriptions_store
from tests import fake_discord
from tests.chat_fixtures import record
from tests.fake_discord import FakeDiscord

fake = fake_discord.fake
settings = fake_discord.settings

ALERTS = "123456789012345678"
RESEARCH = "223456789012345678"
OTHER_VENDOR = "323456789012345678"
WHEN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def world(
    tmp_path: Path, settings: DiscordSettings
) -> AsyncIterator[tuple[Store, Dispatcher]]:
    store = Store.open(tmp_path / "policybot.db")
    for channel, vendors in (
        (ALERTS, ()),
        (RESEARCH, ("Examplecorp",)),
        (OTHER_VENDOR, ("Othervision",)),
    ):
        subscriptions_store.add(
            store, Destination("discord", channel=channel), Filters(vendors=vendors)
        )
    posters: list[Poster] = [DiscordPoster(settings)]
    try:
        yield store, Dispatcher(store, posters, per_channel_interval=0.0)
    finally:
        for poster in posters:
            await poster.close()
        store.close()


def report(store: Store, n: int, outlet: str, title: str) -> EventChange:
    """One outlet's report of Examplecorp's moratorium, recorded and routed."""
    entry = Entry(
        feed_id=f"feed-{outlet}", key=f"guid:{outlet}-{n}", title=title,
        summary="Examplecorp said it will pause sales of its FaceMatch recognition system "
                "to police departments for one year @everyone.",
        link=f"https://{outlet}.example.org/story-{n}", published=WHEN + timedelta(hours=n),
        source=outlet,
    )  # fmt: skip
    finding = Finding(
        relevant=True, actor_type="vendor", vendor="Examplecorp", product="FaceMatch",
        action="moratorium", applies_to="police", effective=date(2024, 3, 1),
        duration="1 year", confidence=0.9,
        evidence="Examplecorp said it will pause sales of FaceMatch to police for one year.",
    )  # fmt: skip
    return record(store, entry, finding, alertable=True)


def channel_posts(fake: FakeDiscord, channel: str) -> list[fake_discord.Call]:
    return [
        c
        for c in fake.find("POST", f"/channels/{channel}/messages")
        if c.path.endswith("/messages")
    ]


async def test_each_event_once_per_subscribed_channel_then_updates_in_the_thread(
    world: tuple[Store, Dispatcher], fake: FakeDiscord
) -> None:
    store, dispatcher = world
    first = report(store, 1, "daily", "Examplecorp pauses FaceMatch sales to police for a year")
    assert first.created

    summary = await dispatcher.drain(max_wait=2.0)
    assert summary.sent == 2 and summary.failed == 0
    alerts = {ch: channel_posts(fake, ch) for ch in (ALERTS, RESEARCH, OTHER_VENDOR)}
    assert len(alerts[ALERTS]) == 1 and len(alerts[RESEARCH]) == 1 and alerts[OTHER_VENDOR] == []
    for [call] in (alerts[ALERTS], alerts[RESEARCH]):
        assert call.json["allowed_mentions"]["parse"] == []
        assert sum(len(discord_embed_text(e)) for e in call.json["embeds"]) <= TOTAL_MAX
        assert "Examplecorp" in call.json["embeds"][0]["title"]

    again = await dispatcher.drain(max_wait=0.5)  # nothing new: nothing re-posted
    assert again.sent == 0 and len(channel_posts(fake, ALERTS)) == 1

    second = report(store, 2, "weekly", "Examplecorp pauses FaceMatch police sales for one year")
    assert second.event_id == first.event_id and second.update_id is not None
    summary = await dispatcher.drain(max_wait=2.0)
    assert summary.sent == 2 and summary.failed == 0
    for channel in (ALERTS, RESEARCH):
        [alert] = channel_posts(fake, channel)
        [alert_id] = [m for m, body in fake.messages.items() if body["channel_id"] == channel]
        assert fake.find("POST", f"/channels/{channel}/messages/{alert_id}/threads")
        [follow_up] = fake.find("POST", f"/channels/{alert_id}/messages")  # in the thread
        assert follow_up.json["allowed_mentions"]["parse"] == []
        [edit] = fake.find("PATCH", f"/channels/{channel}/messages/{alert_id}")
        assert edit.json["allowed_mentions"]["parse"] == []
        assert edit.json["embeds"] != alert.json["embeds"]  # shows the new count
    assert len(channel_posts(fake, ALERTS)) == 1  # no new top-level post


async def test_missing_permission_marks_the_subscription_failing(
    world: tuple[Store, Dispatcher], fake: FakeDiscord
) -> None:
    store, dispatcher = world
    fake.fail_next(403, code=50013, path_contains=f"/channels/{RESEARCH}/messages")
    report(store, 1, "daily", "Examplecorp pauses FaceMatch sales to police for a year")
    summary = await dispatcher.drain(max_wait=1.0)
    assert summary.sent == 1 and summary.failed == 1
    sub = subscriptions_store.find(store, Destination("discord", channel=RESEARCH))
    assert sub is not None and sub.status == "failing"
    assert sub.last_error is not None and "Missing Permissions" in sub.last_error
    assert len(fake.find("POST", f"/channels/{RESEARCH}/messages")) == 1  # not retried forever


async def test_rate_limit_delays_without_loss(
    world: tuple[Store, Dispatcher], fake: FakeDiscord
) -> None:
    store, dispatcher = world
    fake.fail_next(
        429, retry_after=0.3, path_contains=f"/channels/{ALERTS}/messages", method="POST"
    )
    report(store, 1, "daily", "Examplecorp pauses FaceMatch sales to police for a year")
    summary = await dispatcher.drain(max_wait=2.0)
    assert summary.sent == 2 and summary.failed == 0 and summary.waiting == 0
    assert len(channel_posts(fake, ALERTS)) == 2  # the 429 and its retry …
    stored = [m for m in fake.messages.values() if m["channel_id"] == ALERTS]
    assert len(stored) == 1  # … but one message


def discord_embed_text(embed: dict[str, object]) -> str:
    parts = [str(embed.get("title", "")), str(embed.get("description", ""))]
    for field in embed.get("fields", []) or []:  # type: ignore[attr-defined]
        parts += [field["name"], field["value"]]
    footer = embed.get("footer")
    if isinstance(footer, dict):
        parts.append(footer["text"])
    return "".join(parts)


async def test_posters_for_settings_include_the_bot_poster(settings: DiscordSettings) -> None:
    posters = discord_posters(settings)
    assert any(isinstance(p, DiscordPoster) for p in posters)
    for poster in posters:
        await poster.close()
