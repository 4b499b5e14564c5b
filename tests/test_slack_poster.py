"""SlackPoster and SlackWebhookPoster: the real slack_sdk clients against the local fake."""

from __future__ import annotations

import time

import pytest

from bot.chat.slack.poster import SlackPoster, SlackWebhookPoster, slack_posters
from bot.chat.slack.runtime import check_slack_settings
from bot.chat.slack.settings import SlackSettings
from bot.delivery.poster import PermanentFailure, RetryLater, TransientFailure
from bot.models import Destination, Field, Message, Posted, Section
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server

CHANNEL = Destination("slack", channel="C0ALERTS")


fake = fake_slack_server


def settings(fake: FakeSlack, token: str = BOT_TOKEN) -> SlackSettings:
    return SlackSettings(bot_token=token, api_url=fake.api_url)


def message(title: str = "Acme pauses face search for police") -> Message:
    section = Section(title=title, fields=(Field("Vendor", "Acme"),), quote="Acme will pause.")
    return Message(text=title, sections=(section,), footer="1 outlet", ephemeral=False)


async def test_post_sends_blocks_with_unfurls_off_and_returns_ts(fake: FakeSlack) -> None:
    poster = SlackPoster(settings(fake))
    posted = await poster.post(CHANNEL, message())
    calls = fake.recorded("chat.postMessage")
    assert len(calls) == 1
    body = calls[0].body
    assert calls[0].token == BOT_TOKEN
    assert body["channel"] == "C0ALERTS"
    assert body["unfurl_links"] is False and body["unfurl_media"] is False
    assert "thread_ts" not in body
    assert body["blocks"][0]["type"] == "header"
    assert posted.ref.startswith("1700000000.")
    assert posted == Posted(ref=posted.ref, thread_ref=posted.ref, channel="C0ALERTS")


async def test_follow_up_goes_into_thread_and_parent_is_updated(fake: FakeSlack) -> None:
    poster = SlackPoster(settings(fake))
    parent = await poster.post(CHANNEL, message())
    reply = await poster.post(CHANNEL, message("Update: 3 outlets"), thread=parent)
    await poster.edit(CHANNEL, parent, message("Acme pauses (3 outlets)"))
    follow = fake.recorded("chat.postMessage")[1].body
    assert follow["thread_ts"] == parent.ref
    assert follow["reply_broadcast"] is False
    assert reply.thread_ref == parent.ref and reply.ref != parent.ref
    update = fake.recorded("chat.update")[0].body
    assert update["ts"] == parent.ref and update["channel"] == "C0ALERTS"
    assert update["blocks"][0]["text"]["text"] == "Acme pauses (3 outlets)"


async def test_429_is_retried_by_the_sdk_handler_after_retry_after(fake: FakeSlack) -> None:
    fake.fail_next(1, status=429, retry_after=0, method="chat.postMessage")
    poster = SlackPoster(settings(fake), rate_limit_retries=1)
    posted = await poster.post(CHANNEL, message())
    assert posted.ref
    assert fake.attempts("chat.postMessage") == 2
    assert len(fake.recorded("chat.postMessage")) == 1


async def test_long_retry_after_becomes_retry_later_without_sleeping(fake: FakeSlack) -> None:
    fake.fail_next(1, status=429, retry_after=7, method="chat.postMessage")
    poster = SlackPoster(settings(fake))  # one SDK retry, but only for short waits
    started = time.monotonic()
    with pytest.raises(RetryLater) as info:
        await poster.post(CHANNEL, message())
    assert info.value.seconds == 7
    assert time.monotonic() - started < 6  # not the 7 s: the outbox holds the wait, no task sleeps
    assert "C0ALERTS" in str(info.value)
    assert fake.attempts("chat.postMessage") == 1
    assert fake.recorded("chat.postMessage") == []


async def test_429_beyond_the_retries_becomes_retry_later(fake: FakeSlack) -> None:
    fake.fail_next(2, status=429, retry_after=0, method="chat.postMessage")
    with pytest.raises(RetryLater) as info:
        await SlackPoster(settings(fake), rate_limit_retries=1).post(CHANNEL, message())
    assert info.value.seconds == 0
    assert fake.attempts("chat.postMessage") == 2


@pytest.mark.parametrize("status", [500, 503])
async def test_5xx_is_a_transient_failure(fake: FakeSlack, status: int) -> None:
    fake.fail_next(1, status=status)
    with pytest.raises(TransientFailure) as info:
        await SlackPoster(settings(fake)).post(CHANNEL, message())
    assert f"HTTP {status}" in str(info.value)


async def test_connection_refused_is_transient() -> None:
    dead = SlackSettings(bot_token=BOT_TOKEN, api_url="http://127.0.0.1:9/api/")
    with pytest.raises(TransientFailure):
        await SlackPoster(dead, timeout=2).post(CHANNEL, message())


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        ("is_archived", "archived"),
        ("channel_not_found", "/invite @policybot"),
        ("not_in_channel", "/invite @policybot"),
        ("missing_scope", "OAuth & Permissions"),
        ("restricted_action", "workspace admin"),
        ("account_inactive", "SLACK_BOT_TOKEN"),
    ],
)
async def test_destination_errors_are_permanent_and_name_the_fix(
    fake: FakeSlack, error: str, hint: str
) -> None:
    fake.fail_next(1, error=error, method="chat.postMessage")
    with pytest.raises(PermanentFailure) as info:
        await SlackPoster(settings(fake)).post(CHANNEL, message())
    text = str(info.value)
    assert hint in text and "C0ALERTS" in text


async def test_revoked_token_is_permanent(fake: FakeSlack) -> None:
    with pytest.raises(PermanentFailure) as info:
        await SlackPoster(settings(fake, token="xoxb-revoked")).post(CHANNEL, message())
    assert "invalid_auth" in str(info.value) and "SLACK_BOT_TOKEN" in str(info.value)


async def test_editing_a_deleted_message_is_skipped_not_failed(fake: FakeSlack) -> None:
    poster = SlackPoster(settings(fake))
    parent = await poster.post(CHANNEL, message())
    fake.fail_next(1, error="message_not_found", method="chat.update")
    await poster.edit(CHANNEL, parent, message("edited"))  # no exception
    fake.fail_next(1, error="is_archived", method="chat.update")
    with pytest.raises(PermanentFailure):
        await poster.edit(CHANNEL, parent, message("edited"))


async def test_multi_workspace_token_lookup_picks_the_team_token(fake: FakeSlack) -> None:
    fake.tokens.add("xoxb-team-two")

    async def lookup(team: str) -> str | None:
        return {"T0TWO": "xoxb-team-two"}.get(team)

    poster = SlackPoster(SlackSettings(api_url=fake.api_url), token_lookup=lookup)
    await poster.post(Destination("slack", channel="C0TWO", workspace="T0TWO"), message())
    assert fake.recorded("chat.postMessage")[0].token == "xoxb-team-two"
    with pytest.raises(PermanentFailure, match="/slack/install"):
        await poster.post(Destination("slack", channel="C0X", workspace="T0NONE"), message())


# --------------------------------------------------------------------------- webhooks


def hook(fake: FakeSlack) -> Destination:
    return Destination("slack-webhook", webhook_url=fake.webhook_url())


async def test_webhook_posts_blocks_and_follow_up_quotes_the_headline(fake: FakeSlack) -> None:
    poster = SlackWebhookPoster()
    parent = await poster.post(hook(fake), message())
    await poster.post(hook(fake), message("3 outlets now"), thread=parent)
    await poster.edit(hook(fake), parent, message("edited"))  # a no-op
    calls = fake.recorded("hooks")
    assert len(calls) == 2
    first, follow = calls[0].body, calls[1].body
    assert first["unfurl_links"] is False and first["unfurl_media"] is False
    assert first["blocks"][0]["type"] == "header"
    assert parent.thread_ref == "Acme pauses face search for police"
    assert follow["blocks"][0]["elements"][0]["text"] == (
        "↪ Follow-up to: *Acme pauses face search for police*"
    )
    assert follow["text"].startswith("Follow-up to: Acme pauses")


async def test_webhook_429_is_retry_later(fake: FakeSlack) -> None:
    fake.fail_next(1, status=429, retry_after=3, method="hooks")
    with pytest.raises(RetryLater) as info:
        await SlackWebhookPoster(rate_limit_retries=0).post(hook(fake), message())
    assert info.value.seconds == 3


@pytest.mark.parametrize(("status", "body"), [(404, "no_service"), (410, "channel_is_archived")])
async def test_webhook_gone_is_permanent_and_hides_the_secret(
    fake: FakeSlack, status: int, body: str
) -> None:
    fake.fail_next(1, status=status, error=body, method="hooks")
    with pytest.raises(PermanentFailure) as info:
        await SlackWebhookPoster().post(hook(fake), message())
    assert body in str(info.value)
    assert "secret" not in str(info.value)  # the webhook path is a credential
    assert "Create a new webhook" in str(info.value)


async def test_webhook_5xx_is_transient(fake: FakeSlack) -> None:
    fake.fail_next(1, status=502, method="hooks")
    with pytest.raises(TransientFailure):
        await SlackWebhookPoster().post(hook(fake), message())


def test_slack_posters_needs_a_token_for_the_bot_poster() -> None:
    assert [p.platforms for p in slack_posters(SlackSettings())] == [frozenset({"slack-webhook"})]
    both = slack_posters(SlackSettings(bot_token="xoxb-1"))
    assert [p.platforms for p in both] == [frozenset({"slack"}), frozenset({"slack-webhook"})]


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"bot_token": "xoxb-1", "mode": "socket"}, "SLACK_APP_TOKEN"),
        ({"bot_token": "xoxb-1", "mode": "socket", "app_token": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
        ({"bot_token": "xoxb-1", "mode": "http"}, "SLACK_SIGNING_SECRET"),
        (
            {"client_id": "1.2", "client_secret": "s", "mode": "socket", "app_token": "xapp-1"},
            "SLACK_MODE=http",
        ),
    ],
)
def test_missing_mode_credentials_name_the_variable(kwargs: dict[str, str], names: str) -> None:
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match=names):
        check_slack_settings(SlackSettings(**kwargs))  # type: ignore[arg-type]
