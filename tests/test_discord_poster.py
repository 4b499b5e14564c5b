"""DiscordPoster and DiscordWebhookPoster: real discord.py against the local fake API."""

from __future__ import annotations

import time

import pytest

from bot.chat.discord.poster import DiscordPoster, DiscordWebhookPoster, discord_posters
from bot.chat.discord.settings import DiscordSettings
from bot.chat.discord.text import INVITE_PERMISSIONS
from bot.delivery.poster import PermanentFailure, RetryLater, TransientFailure
from bot.models import Destination, Field, Message, Posted, Section
from tests import fake_discord
from tests.fake_discord import FakeDiscord

fake = fake_discord.fake
settings = fake_discord.settings

CHANNEL = "123456789012345678"
DEST = Destination("discord", channel=CHANNEL)
NO_PINGS: dict[str, list[str]] = {"parse": []}


def message(
    title: str = "Examplecorp pauses FaceMatch sales to police", outlets: int = 1
) -> Message:
    section = Section(
        title=title,
        url="https://news.example.org/a",
        fields=(Field("Vendor", "Examplecorp"), Field("Action", "moratorium")),
        quote="Examplecorp will pause FaceMatch sales to police @everyone <@&223456789012345678>.",
    )
    return Message(
        text=title, sections=(section,), footer=f"{outlets} outlets", accent="moratorium"
    )


@pytest.fixture
async def poster(settings: DiscordSettings):  # type: ignore[no-untyped-def]
    poster = DiscordPoster(settings)
    yield poster
    await poster.close()


@pytest.fixture
async def webhook_poster(settings: DiscordSettings):  # type: ignore[no-untyped-def]
    poster = DiscordWebhookPoster(DiscordSettings(api_base=settings.api_base))
    yield poster
    await poster.close()


def message_posts(fake: FakeDiscord, channel: str = CHANNEL) -> list[fake_discord.Call]:
    return fake.find("POST", f"/channels/{channel}/messages")


async def test_alert_is_one_embed_post_that_pings_nobody(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    posted = await poster.post(DEST, message())
    [call] = [c for c in message_posts(fake) if c.path.endswith("/messages")]
    assert call.json["allowed_mentions"]["parse"] == []
    assert call.json["allowed_mentions"].get("replied_user") in (None, False)
    [embed] = call.json["embeds"]
    assert embed["title"] == "Examplecorp pauses FaceMatch sales to police"
    assert "@everyone" not in embed["description"] and "<@&" not in embed["description"]
    assert call.headers["Authorization"] == f"Bot {fake_discord.TOKEN}"
    assert posted == Posted(ref=posted.ref, thread_ref=None, channel=CHANNEL)
    assert posted.ref in fake.messages
    # logged in once, without the gateway
    await poster.post(DEST, message())
    assert len(fake.find("GET", "/users/@me")) == 1
    assert len(fake.find("GET", "/oauth2/applications/@me")) == 1


async def test_follow_ups_open_one_thread_and_land_in_it(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    alert = await poster.post(DEST, message())
    first = await poster.post(DEST, message("Examplecorp extends pause"), thread=alert)
    assert first.thread_ref == alert.ref  # a thread started from a message shares its id
    [thread_call] = fake.find("POST", "/threads")
    assert thread_call.path == f"/channels/{CHANNEL}/messages/{alert.ref}/threads"
    assert thread_call.json["name"].startswith("Updates: Examplecorp extends pause")
    [in_thread] = fake.find("POST", f"/channels/{first.thread_ref}/messages")
    assert in_thread.json["allowed_mentions"] == NO_PINGS
    # the dispatcher passes the known thread: no second thread creation
    parent = Posted(alert.ref, thread_ref=first.thread_ref, channel=CHANNEL)
    second = await poster.post(DEST, message("More outlets"), thread=parent)
    assert second.thread_ref == first.thread_ref
    assert len(fake.find("POST", "/threads")) == 1
    # thread unknown to the caller but already there (160004): reused, not duplicated
    third = await poster.post(DEST, message("Yet more"), thread=alert)
    assert third.thread_ref == alert.ref
    assert len(fake.find("POST", f"/channels/{alert.ref}/messages")) == 3
    assert len(fake.threads) == 1


async def test_reply_where_threads_are_not_allowed(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    alert = await poster.post(DEST, message())
    fake.fail_next(
        400,
        code=50024,
        message="Cannot execute action on this channel type",
        path_contains="/threads",
    )
    reply = await poster.post(DEST, message("Update"), thread=alert)
    assert reply.thread_ref is None and reply.channel == CHANNEL
    call = message_posts(fake)[-1]
    assert str(call.json["message_reference"]["message_id"]) == alert.ref
    assert call.json["message_reference"]["fail_if_not_exists"] is False
    assert call.json["allowed_mentions"]["parse"] == []
    assert call.json["allowed_mentions"]["replied_user"] is False


async def test_reply_when_thread_creation_is_forbidden(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    alert = await poster.post(DEST, message())
    fake.fail_next(403, code=50013, path_contains="/threads")
    reply = await poster.post(DEST, message("Update"), thread=alert)
    assert reply.thread_ref is None
    assert str(message_posts(fake)[-1].json["message_reference"]["message_id"]) == alert.ref


async def test_edit_replaces_the_original_embed(fake: FakeDiscord, poster: DiscordPoster) -> None:
    alert = await poster.post(DEST, message(outlets=1))
    await poster.edit(DEST, alert, message(outlets=4))
    [call] = fake.find("PATCH", f"/channels/{CHANNEL}/messages/{alert.ref}")
    assert call.json["embeds"][0]["footer"]["text"] == "4 outlets"
    assert call.json["allowed_mentions"]["parse"] == []
    assert fake.messages[alert.ref]["embeds"][0]["footer"]["text"] == "4 outlets"


async def test_edit_of_a_deleted_alert_is_not_an_error(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    await poster.edit(DEST, Posted("999999999999999999", channel=CHANNEL), message())
    assert fake.find("PATCH", "/messages/999999999999999999")


async def test_short_429_waits_and_posts_once(fake: FakeDiscord, poster: DiscordPoster) -> None:
    await poster.post(DEST, message())  # logged in
    fake.fail_next(
        429, retry_after=0.3, path_contains=f"/channels/{CHANNEL}/messages", method="POST"
    )
    started = time.monotonic()
    posted = await poster.post(DEST, message("after the wait"))
    assert time.monotonic() - started >= 0.3
    assert len(message_posts(fake)) == 3  # first post, the 429, the retry
    titles = [m["embeds"][0]["title"] for m in fake.messages.values()]
    assert titles.count("after the wait") == 1 and posted.ref in fake.messages


async def test_long_429_surfaces_as_retry_later(fake: FakeDiscord, poster: DiscordPoster) -> None:
    fake.fail_next(429, retry_after=120.0, path_contains="/messages", method="POST")
    with pytest.raises(RetryLater) as caught:
        await poster.post(DEST, message())
    assert caught.value.seconds == pytest.approx(120.0)
    assert fake.messages == {}


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (403, 50013, str(INVITE_PERMISSIONS)),
        (403, 50001, "Missing Access"),
        (404, 10003, "Unknown Channel"),
    ],
)
async def test_permission_and_missing_channel_are_permanent(
    fake: FakeDiscord, poster: DiscordPoster, status: int, code: int, expected: str
) -> None:
    fake.fail_next(status, code=code, path_contains="/messages")
    with pytest.raises(PermanentFailure) as caught:
        await poster.post(DEST, message())
    text = str(caught.value)
    assert CHANNEL in text and expected in text


async def test_server_error_is_transient(fake: FakeDiscord, poster: DiscordPoster) -> None:
    fake.fail_next(503, path_contains="/messages")
    with pytest.raises(TransientFailure):
        await poster.post(DEST, message())


async def test_bad_token_is_permanent_and_names_the_variable(
    fake: FakeDiscord, poster: DiscordPoster
) -> None:
    fake.fail_next(401, code=0, path_contains="/users/@me")
    with pytest.raises(PermanentFailure, match="DISCORD_TOKEN"):
        await poster.post(DEST, message())


async def test_non_numeric_channel_is_permanent(poster: DiscordPoster) -> None:
    with pytest.raises(PermanentFailure, match="Copy Channel ID"):
        await poster.post(Destination("discord", channel="general"), message())


# ---------------------------------------------------------------------- webhooks


async def test_webhook_post_waits_for_the_id_and_pings_nobody(
    fake: FakeDiscord, webhook_poster: DiscordWebhookPoster
) -> None:
    dest = Destination("discord-webhook", webhook_url=fake.webhook_url())
    posted = await webhook_poster.post(dest, message())
    [call] = fake.find("POST", "/webhooks/")
    assert call.query.get("wait") in ("true", "1")
    assert call.json["allowed_mentions"]["parse"] == []
    assert "Authorization" not in call.headers  # token-less
    assert posted.ref in fake.messages
    await webhook_poster.edit(dest, posted, message(outlets=2))
    [edit] = fake.find("PATCH", f"/messages/{posted.ref}")
    assert edit.json["allowed_mentions"]["parse"] == []
    assert edit.json["embeds"][0]["footer"]["text"] == "2 outlets"


async def test_webhook_follow_up_quotes_the_headline(
    fake: FakeDiscord, webhook_poster: DiscordWebhookPoster
) -> None:
    dest = Destination("discord-webhook", webhook_url=fake.webhook_url())
    alert = await webhook_poster.post(dest, message())
    await webhook_poster.post(dest, message("Examplecorp *extends* @everyone"), thread=alert)
    content = fake.find("POST", "/webhooks/")[-1].json["content"]
    assert content.startswith("Follow-up: Examplecorp \\*extends\\*")
    assert "@everyone" not in content


async def test_webhook_429_is_honoured_without_loss(
    fake: FakeDiscord, webhook_poster: DiscordWebhookPoster
) -> None:
    dest = Destination("discord-webhook", webhook_url=fake.webhook_url())
    fake.fail_next(429, retry_after=0.2, path_contains="/webhooks/")
    started = time.monotonic()
    posted = await webhook_poster.post(dest, message())
    assert time.monotonic() - started >= 0.2
    assert len(fake.find("POST", "/webhooks/")) == 2
    assert list(fake.messages) == [posted.ref]


async def test_webhook_deleted_is_permanent(
    fake: FakeDiscord, webhook_poster: DiscordWebhookPoster
) -> None:
    dest = Destination("discord-webhook", webhook_url=fake.webhook_url())
    fake.fail_next(404, code=10015, message="Unknown Webhook", path_contains="/webhooks/")
    with pytest.raises(PermanentFailure, match="webhook no longer exists") as caught:
        await webhook_poster.post(dest, message())
    assert "t" * 68 not in str(caught.value)  # the secret token is not echoed


async def test_discord_posters_cover_both_platforms(settings: DiscordSettings) -> None:
    posters = discord_posters(settings)
    assert {p for poster in posters for p in poster.platforms} == {"discord", "discord-webhook"}
    tokenless = discord_posters(DiscordSettings())
    assert [p.platforms for p in tokenless] == [frozenset({"discord-webhook"})]
    for poster in posters + tokenless:
        await poster.close()
