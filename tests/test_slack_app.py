"""/frpolicy through the real bolt AsyncApp: Socket Mode payloads dispatched in process,
and signed (and forged) HTTP-mode requests through a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
import yaml
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.chat.slack.runtime import BOT_SCOPES, SLASH_COMMAND, SlackRuntime
from bot.chat.slack.settings import SlackSettings
from bot.models import Destination
from store import Store
from store import subscriptions as subscriptions_store
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server

SECRET = "test-signing-secret"
TEAM, CHANNEL = "T0TEST", "C0NEWS"
HERE = Destination("slack", channel=CHANNEL, workspace=TEAM)


fake = fake_slack_server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(tmp_path / "policybot.db")
    yield db
    db.close()


def runtime(fake: FakeSlack, store: Store, **extra: Any) -> SlackRuntime:
    options = {"ack_budget": extra.pop("ack_budget", 2.0)}
    settings = SlackSettings(
        bot_token=BOT_TOKEN,
        app_token="xapp-1-test",
        signing_secret=SECRET,
        api_url=fake.api_url,
        **extra,
    )
    return SlackRuntime(settings, store, host="127.0.0.1", **options)


def command(fake: FakeSlack, text: str, user: str = "UREADER") -> dict[str, str]:
    return {
        "token": "legacy",
        "team_id": TEAM,
        "team_domain": "test",
        "channel_id": CHANNEL,
        "channel_name": "news",
        "user_id": user,
        "user_name": "someone",
        "command": "/frpolicy",
        "text": text,
        "api_app_id": "A0TEST",
        "response_url": fake.response_url(),
        "trigger_id": "1.2.3",
    }


async def socket_dispatch(app: SlackRuntime, body: dict[str, str]) -> tuple[int, dict[str, Any]]:
    started = time.monotonic()
    response = await app.app.async_dispatch(AsyncBoltRequest(body=body, mode="socket_mode"))
    assert time.monotonic() - started < 3.0  # acked within Slack's 3 seconds
    return response.status, json.loads(response.body) if response.body else {}


def all_text(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)


async def test_help_is_answered_ephemerally_in_the_ack(fake: FakeSlack, store: Store) -> None:
    status, payload = await socket_dispatch(runtime(fake, store), command(fake, "help"))
    assert status == 200
    assert payload["response_type"] == "ephemeral"
    assert "/frpolicy latest [N]" in payload["text"]
    assert any(b["type"] == "section" for b in payload["blocks"])
    assert fake.recorded("auth.test")  # bolt authorised the request with our token


async def test_non_admin_cannot_subscribe_the_channel(fake: FakeSlack, store: Store) -> None:
    status, payload = await socket_dispatch(runtime(fake, store), command(fake, "subscribe"))
    assert status == 200
    assert "Only a workspace admin" in all_text(payload)
    assert subscriptions_store.find(store, HERE) is None
    assert fake.recorded("users.info")[0].body["user"] == "UREADER"


async def test_workspace_admin_can_subscribe_and_unsubscribe(fake: FakeSlack, store: Store) -> None:
    fake.admins.add("UADMIN")
    app = runtime(fake, store)
    _, payload = await socket_dispatch(app, command(fake, "subscribe actor:government", "UADMIN"))
    assert "Subscribed" in payload["text"]
    sub = subscriptions_store.find(store, HERE)
    assert sub is not None and sub.origin == "chat"
    assert sub.destination.workspace == TEAM
    assert sub.filters.actor_types == ("government",)
    _, payload = await socket_dispatch(app, command(fake, "unsubscribe", "UADMIN"))
    assert "Unsubscribed" in payload["text"]
    assert subscriptions_store.find(store, HERE) is None


async def test_allow_listed_user_can_subscribe_without_being_admin(
    fake: FakeSlack, store: Store
) -> None:
    app = runtime(fake, store, admins=("UFRIEND",))
    _, payload = await socket_dispatch(app, command(fake, "subscribe", "UFRIEND"))
    assert "Subscribed" in payload["text"]
    assert fake.recorded("users.info") == []  # the allow-list needs no API call


async def test_read_commands_do_not_look_up_the_user(fake: FakeSlack, store: Store) -> None:
    _, payload = await socket_dispatch(runtime(fake, store), command(fake, "status"))
    assert "Delivery queue" in all_text(payload)
    assert fake.recorded("users.info") == []


async def test_slow_answer_acks_first_then_responds_via_response_url(
    fake: FakeSlack, store: Store
) -> None:
    status, payload = await socket_dispatch(
        runtime(fake, store, ack_budget=0.0), command(fake, "help")
    )
    assert status == 200 and payload["text"] == "Working on it…"
    for _ in range(200):
        if fake.recorded("response"):
            break
        await asyncio.sleep(0.02)
    reply = fake.recorded("response")[0].body
    assert reply["response_type"] == "ephemeral"
    assert "/frpolicy latest [N]" in reply["text"]


async def test_a_server_error_still_answers_the_user(fake: FakeSlack, tmp_path: Path) -> None:
    broken = Store.open(tmp_path / "closed.db")
    broken.close()  # every query now fails inside the command core
    _, payload = await socket_dispatch(runtime(fake, broken), command(fake, "status"))
    assert payload["response_type"] == "ephemeral"
    assert "failed on the server" in payload["text"]


# --------------------------------------------------------------------------- HTTP mode


def signed(body: str, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(timestamp or int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


async def test_http_mode_accepts_signed_and_rejects_forged_requests(
    fake: FakeSlack, store: Store
) -> None:
    app = runtime(fake, store, mode="http", port=0)
    await app.start()
    try:
        url = f"http://127.0.0.1:{app.port}/slack/events"
        body = urlencode(command(fake, "help"))
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data=body, headers=signed(body)) as good:
                assert good.status == 200
                payload = await good.json()
            async with session.post(url, data=body, headers=signed(body, "wrong")) as forged:
                assert forged.status == 401
            stale = signed(body, timestamp=int(time.time()) - 3600)
            async with session.post(url, data=body, headers=stale) as replayed:
                assert replayed.status == 401
    finally:
        await app.stop()
    assert payload["response_type"] == "ephemeral"
    assert "/frpolicy latest [N]" in payload["text"]


def test_manifest_declares_the_command_scopes_and_socket_mode() -> None:
    manifest = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "docs" / "slack-manifest.yaml").read_text()
    )
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == SLASH_COMMAND
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)
    assert manifest["settings"]["socket_mode_enabled"] is True


async def test_oauth_install_page_is_served_in_http_mode(
    fake: FakeSlack, store: Store, tmp_path: Path
) -> None:
    settings = SlackSettings(
        signing_secret=SECRET,
        api_url=fake.api_url,
        mode="http",
        port=0,
        client_id="111.222",
        client_secret="client-secret",
    )
    app = SlackRuntime(settings, store, host="127.0.0.1")
    await app.start()
    try:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{app.port}/slack/install"
            async with session.get(url, allow_redirects=False) as page:
                assert page.status in (200, 302)
                where = page.headers.get("Location") or await page.text()
    finally:
        await app.stop()
    assert f"{fake.base}/oauth/v2/authorize?" in where  # follows SLACK_API_URL (GovSlack)
    assert "client_id=111.222" in where and "commands" in where
    assert (tmp_path / "policybot-slack-installations.sqlite3").exists()
