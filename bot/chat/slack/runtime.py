"""Slack ``/frpolicy``: the slash-command app (slack_bolt, Socket Mode or HTTP) over the
command core in ``bot.commands.core``, with optional multi-workspace OAuth installs.

The only module importing slack_bolt; Web API calls go through ``bot.chat.slack.poster``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from bot.chat.slack.poster import (
    api_url,
    bolt_client,
    installation_stores,
    is_workspace_admin,
    to_blocks,
    upload_file,
)
from bot.chat.slack.settings import SlackSettings
from bot.commands.core import handle_text
from bot.commands.spec import Caller, FeedAdder, UsageError, needs_manage
from bot.commands.text import parse_text
from bot.errors import ConfigError
from bot.models import Message
from store import Store

log = logging.getLogger(__name__)
MANAGE_HINT = "a workspace admin or a user listed under slack.admins in feeds.yaml"

SLASH_COMMAND = "/frpolicy"
BOT_SCOPES: tuple[str, ...] = (
    "chat:write", "chat:write.public", "commands", "users:read", "files:write",
)  # fmt: skip
ACK_BUDGET = 2.0  # seconds to compute the reply inline before acking with "working on it"


def check_slack_settings(settings: SlackSettings) -> None:
    """Raise ConfigError naming the missing variable for the configured mode."""
    oauth = bool(settings.client_id and settings.client_secret)
    if not settings.bot_token and not oauth:
        raise ConfigError(
            "Slack is not configured: set SLACK_BOT_TOKEN to the app's xoxb- token (OAuth & "
            "Permissions), or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for multi-workspace installs."
        )
    if settings.mode == "socket":
        if not settings.app_token or not settings.app_token.startswith("xapp-"):
            raise ConfigError(
                "Slack Socket Mode needs SLACK_APP_TOKEN (an xapp- app-level token with the "
                "connections:write scope, under Basic Information → App-Level Tokens); or set "
                "SLACK_MODE=http with SLACK_SIGNING_SECRET."
            )
        if oauth:
            raise ConfigError(
                "multi-workspace OAuth installs (SLACK_CLIENT_ID/SLACK_CLIENT_SECRET) need an HTTP "
                "endpoint for /slack/install: set SLACK_MODE=http and SLACK_SIGNING_SECRET."
            )
    elif not settings.signing_secret:
        raise ConfigError(
            "Slack HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials → "
            "Signing Secret); or use Socket Mode with SLACK_APP_TOKEN."
        )


def installations_path(store: Store) -> Path:
    """Where OAuth installations are kept: a SQLite file next to the main database."""
    return store.path.with_name(store.path.stem + "-slack-installations.sqlite3")


class SlackRuntime:
    """The Slack app for ``policybot run``: ``/frpolicy`` over Socket Mode or HTTP."""

    def __init__(
        self,
        settings: SlackSettings,
        store: Store,
        *,
        host: str = "0.0.0.0",
        ack_budget: float = ACK_BUDGET,
        feed_admin: FeedAdder | None = None,
    ) -> None:
        check_slack_settings(settings)
        self.settings = settings
        self.store = store
        self.feed_admin = feed_admin
        self.host = host
        self.ack_budget = ack_budget
        self.port: int | None = None  # the bound port in HTTP mode, once started
        self.app = self._build_app()
        self._socket: AsyncSocketModeHandler | None = None
        self._runner: web.AppRunner | None = None
        self._shared = False  # HTTP mode served by the daemon's server (``share_http``)

    def _build_app(self) -> AsyncApp:
        settings = self.settings
        oauth = bool(settings.client_id and settings.client_secret)
        base_url = api_url(settings)
        client = bolt_client(settings, oauth=oauth)
        kwargs: dict[str, Any] = {
            "name": "policybot",
            "client": client,
            "signing_secret": settings.signing_secret or "",
        }
        if oauth:
            database = str(installations_path(self.store))
            installations, states = installation_stores(database, str(settings.client_id))
            oauth_root = base_url.removesuffix("/").removesuffix("/api")
            kwargs["oauth_settings"] = AsyncOAuthSettings(
                client_id=settings.client_id,
                client_secret=settings.client_secret,
                scopes=list(BOT_SCOPES),
                authorization_url=f"{oauth_root}/oauth/v2/authorize",
                installation_store=installations,
                state_store=states,
            )
        app = AsyncApp(**kwargs)
        app.command(SLASH_COMMAND)(self._on_command)
        return app

    async def _on_command(self, ack: Any, body: dict[str, Any], respond: Any, client: Any) -> None:
        """Ack within 3 s: inline when the answer is ready in ``ack_budget``, else via respond()."""
        task = asyncio.ensure_future(self._answer(body, client))
        done, _ = await asyncio.wait({task}, timeout=self.ack_budget)
        if task in done:
            text, blocks, kind = task.result()
            await ack(text=text, blocks=blocks, response_type=kind)
            return
        await ack(text="Working on it…", response_type="ephemeral")
        text, blocks, kind = await task
        await respond(text=text, blocks=blocks, response_type=kind, replace_original=False)

    async def _answer(
        self, body: dict[str, Any], client: Any
    ) -> tuple[str, list[dict[str, Any]], str]:
        text = str(body.get("text") or "").strip()
        try:
            caller = await self._caller(body, client, text)
            message = await asyncio.to_thread(
                handle_text, self.store, caller, text, feed_admin=self.feed_admin
            )
        except Exception:  # the user gets an answer; the details go to the log
            log.exception("/frpolicy %r failed", text)
            message = Message(
                text="Sorry, /frpolicy failed on the server; the error was logged. "
                "Try again, or ask the operator to check policybot's log."
            )
        if message.attachment is not None:
            message = await self._post_attachment(client, body, message)
        rendered, blocks = to_blocks(message)
        return rendered, blocks, "ephemeral" if message.ephemeral else "in_channel"

    async def _post_attachment(
        self, client: Any, body: dict[str, Any], message: Message
    ) -> Message:
        """Upload the message's file (a chart) into the channel; the command's own reply
        becomes a short ephemeral note, or the text with what went wrong."""
        attachment = message.attachment
        assert attachment is not None
        channel = str(body.get("channel_id") or "")
        problem = await upload_file(client, channel, attachment, attachment.title)
        if problem is None:
            return Message(text=f"Posted the chart “{attachment.filename}” in this channel.")
        return replace(message, attachment=None, ephemeral=True, footer=f"No chart: {problem}.")

    async def _caller(self, body: dict[str, Any], client: Any, text: str) -> Caller:
        user = str(body.get("user_id") or "")
        try:
            wanted = needs_manage(parse_text(text))
        except UsageError:
            wanted = False
        can_manage = user in self.settings.admins
        if not can_manage and wanted:
            can_manage = await is_workspace_admin(client, user)
        return Caller(
            platform="slack",
            user_id=user,
            workspace=str(body.get("team_id") or "") or None,
            channel=str(body.get("channel_id") or "") or None,
            can_manage=can_manage,
            manage_hint=MANAGE_HINT,
        )

    def share_http(self) -> web.Application | None:
        """In HTTP mode, hand the Slack endpoints (``/slack/events``, and the OAuth pages)
        to the daemon's HTTP server instead of opening settings.port; None in Socket Mode."""
        if self.settings.mode != "http":
            return None
        self._shared = True
        return self.app.web_app(path="/slack/events", port=self.settings.port)

    async def start(self) -> None:
        """Connect over Socket Mode, or serve HTTP on settings.port (bolt verifies signatures)."""
        if self._shared:
            log.info("Slack HTTP endpoint served by the daemon's HTTP server at /slack/events")
            return
        if self.settings.mode == "socket":
            self._socket = AsyncSocketModeHandler(self.app, self.settings.app_token)
            await self._socket.connect_async()
            log.info("Slack Socket Mode connected")
            return
        self._runner = web.AppRunner(
            self.app.web_app(path="/slack/events", port=self.settings.port)
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.settings.port).start()
        self.port = int(self._runner.addresses[0][1])
        log.info("Slack HTTP endpoint listening on %s:%s/slack/events", self.host, self.port)

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
