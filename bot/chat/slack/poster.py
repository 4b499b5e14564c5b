"""Slack: the bot-token Poster (chat.postMessage / chat.update), the token-less
incoming-webhook Poster, and ``SlackRuntime`` (the ``/frpolicy`` app on slack_bolt).

The only module importing slack_bolt and slack_sdk (the escaping and Block Kit
layout are pure code in ``bot/slack_blocks.py``). Every SDK error becomes
``RetryLater`` / ``TransientFailure`` / ``PermanentFailure`` (bot/chat.py) with
a message that names the destination and the fix.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.models.blocks import Block
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.chat.slack.blocks import HEADER_MAX, build_blocks, escape
from bot.commands import MANAGE_COMMANDS, Caller, UsageError, handle_text, parse_text
from bot.config import ConfigError, SlackSettings
from bot.delivery.poster import (
    DeliveryError,
    PermanentFailure,
    Poster,
    RetryLater,
    TransientFailure,
)
from bot.models import Destination, Message, Posted
from store import Store

__all__ = [
    "BOT_SCOPES",
    "DEFAULT_API_URL",
    "SLASH_COMMAND",
    "SlackPoster",
    "SlackRuntime",
    "SlackWebhookPoster",
    "api_url",
    "check_slack_settings",
    "installation_token_lookup",
    "installations_path",
    "slack_posters",
    "to_blocks",
]

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
TokenLookup = Callable[[str], Awaitable[str | None]]

_BAD_TOKEN = (
    "Slack rejected the bot token ({code}) while posting to {dest}: the app was uninstalled or "
    "SLACK_BOT_TOKEN is wrong. Reinstall the app to the workspace and set SLACK_BOT_TOKEN to its "
    "xoxb- token (docs/slack.md)."
)
PERMANENT_ERRORS: dict[str, str] = {
    "channel_not_found": (
        "Slack channel {channel} ({dest}) was not found: it was deleted, the id is wrong, or it is "
        "private and policybot is not a member. Type `/invite @policybot` in that channel, or "
        "remove it with `policybot subscriptions remove {dest}`."
    ),
    "not_in_channel": (
        "policybot is not a member of Slack channel {channel} ({dest}): type `/invite @policybot` "
        "in that channel (public channels also work with the chat:write.public scope), or remove "
        "it with `policybot subscriptions remove {dest}`."
    ),
    "is_archived": (
        "Slack channel {channel} ({dest}) is archived: unarchive it and subscribe it again, or "
        "remove it with `policybot subscriptions remove {dest}`."
    ),
    "restricted_action": (
        "the workspace's settings prevent policybot from posting in Slack channel {channel} "
        "({dest}): ask a workspace admin to allow apps to post there, or remove it with "
        "`policybot subscriptions remove {dest}`."
    ),
    "missing_scope": (
        "the Slack app lacks the scope {needed} needed to post to {dest}: add it under OAuth & "
        "Permissions (docs/slack-manifest.yaml lists every scope) and reinstall the app."
    ),
    "account_inactive": _BAD_TOKEN,
    "token_revoked": _BAD_TOKEN,
    "token_expired": _BAD_TOKEN,
    "invalid_auth": _BAD_TOKEN,
    "not_authed": _BAD_TOKEN,
    "team_access_not_granted": _BAD_TOKEN,
}
# chat.update errors about one old message: the destination itself is fine.
_STALE_MESSAGE = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})


def to_blocks(message: Message) -> tuple[str, list[dict[str, Any]]]:
    """The one Slack translator: (fallback text, Block Kit blocks).

    ``bot.chat.slack.blocks`` escapes and clips the untrusted text; each block is then
    parsed into slack_sdk's Block Kit models, whose ``to_dict`` validates every
    limit (raising ``SlackObjectFormationError`` if one were ever exceeded).
    """
    text, raw = build_blocks(message)
    blocks = [Block.parse(item) for item in raw]
    return text, [block.to_dict() for block in blocks if block is not None]


def api_url(settings: SlackSettings) -> str:
    """The Web API base URL (``SLACK_API_URL`` or slack.com), with a trailing slash."""
    url = settings.api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def _retry_after(headers: Mapping[str, Any] | None, default: float = 1.0) -> float:
    for name, value in (headers or {}).items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) and value else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return default
    return default


class ShortRateLimitRetry(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler (sleeps Retry-After, then retries), used only for
    short waits: a longer Retry-After surfaces as ``RetryLater`` so the outbox,
    not a sleeping coroutine, holds the wait (and it survives a restart)."""

    def __init__(self, max_retry_count: int = 1, max_wait: float = 2.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return _retry_after(response.headers) <= self.max_wait


def _api_error(exc: SlackApiError, dest: Destination, method: str) -> DeliveryError:
    response = exc.response
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    data = getattr(response, "data", None)
    code = str(data.get("error") or "") if isinstance(data, dict) else ""
    if status == 429 or code == "ratelimited":
        seconds = _retry_after(getattr(response, "headers", None))
        return RetryLater(
            f"Slack rate-limited {method} to {dest}; retrying in {seconds:g}s.", seconds
        )
    if code in PERMANENT_ERRORS:
        needed = data.get("needed") if isinstance(data, dict) else None
        text = PERMANENT_ERRORS[code].format(
            code=code, dest=dest, channel=dest.channel, needed=needed or "(see the error)"
        )
        return PermanentFailure(text)
    reason = code or f"HTTP {status}"
    return TransientFailure(
        f"Slack {method} to {dest} failed ({reason}); it will be retried with backoff. If it "
        "persists, check https://status.slack.com and the SLACK_API_URL setting."
    )


class SlackPoster:
    """Posts alerts with a bot token (``slack:`` destinations).

    ``token_lookup`` (multi-workspace OAuth installs) maps a team id to its bot
    token; without it, or for destinations without a team, ``bot_token`` is used.
    """

    platforms: frozenset[str] = frozenset({"slack"})

    def __init__(
        self,
        settings: SlackSettings,
        *,
        rate_limit_retries: int = 1,
        timeout: int = 15,
        token_lookup: TokenLookup | None = None,
    ) -> None:
        if not settings.bot_token and token_lookup is None:
            raise ValueError(
                "SlackPoster needs SLACK_BOT_TOKEN (the xoxb- token under OAuth & Permissions) "
                "or an OAuth installation store; see docs/slack.md."
            )
        self._settings = settings
        self._base_url = api_url(settings)
        self._retries = rate_limit_retries
        self._timeout = timeout
        self._token_lookup = token_lookup
        self._clients: dict[str, AsyncWebClient] = {}

    async def _client(self, dest: Destination) -> AsyncWebClient:
        token = self._settings.bot_token
        if self._token_lookup is not None and dest.workspace:
            token = await self._token_lookup(dest.workspace) or token
        if not token:
            raise PermanentFailure(
                f"no Slack bot token for workspace {dest.workspace} ({dest}): install the app "
                "there through /slack/install, or set SLACK_BOT_TOKEN."
            )
        if token not in self._clients:
            self._clients[token] = AsyncWebClient(
                token=token,
                base_url=self._base_url,
                timeout=self._timeout,
                retry_handlers=[ShortRateLimitRetry(max_retry_count=self._retries)],
            )
        return self._clients[token]

    async def _call(self, dest: Destination, method: str, **kwargs: Any) -> dict[str, Any]:
        client = await self._client(dest)
        try:
            response = await client.api_call(method, json=kwargs)
        except SlackApiError as exc:
            raise _api_error(exc, dest, method) from exc
        except (TimeoutError, SlackClientError, aiohttp.ClientError, OSError) as exc:
            raise TransientFailure(
                f"Slack {method} to {dest} failed ({type(exc).__name__}: {exc}); it will be "
                "retried. Check the network and SLACK_API_URL."
            ) from exc
        data = response.data
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _channel(dest: Destination) -> str:
        if not dest.channel:
            raise PermanentFailure(
                f"{dest} has no channel id; subscribe a channel as slack:C0123ABCD instead."
            )
        return dest.channel

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        text, blocks = to_blocks(message)
        channel = (thread.channel if thread is not None else None) or self._channel(dest)
        args: dict[str, Any] = {
            "channel": channel,
            "text": text,
            "blocks": blocks,
            "unfurl_links": False,
            "unfurl_media": False,
        }
        if thread is not None:
            args["thread_ts"] = thread.thread_ref or thread.ref
            args["reply_broadcast"] = False
        data = await self._call(dest, "chat.postMessage", **args)
        ts = str(data.get("ts") or "")
        if not ts:
            raise TransientFailure(f"Slack chat.postMessage to {dest} answered without a ts.")
        used = str(data.get("channel") or channel)
        return Posted(ref=ts, thread_ref=args.get("thread_ts") or ts, channel=used)

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        text, blocks = to_blocks(message)
        channel = posted.channel or self._channel(dest)
        try:
            await self._call(
                dest, "chat.update", channel=channel, ts=posted.ref, text=text, blocks=blocks
            )
        except (PermanentFailure, TransientFailure) as exc:
            data = getattr(getattr(exc.__cause__, "response", None), "data", None)
            if not (isinstance(data, dict) and data.get("error") in _STALE_MESSAGE):
                raise
            log.warning("not editing Slack message %s in %s: %s", posted.ref, dest, data["error"])

    async def close(self) -> None:
        self._clients.clear()


def _redact(url: str) -> str:
    """A webhook URL is a secret: show only its host."""
    host = urlsplit(url).hostname or "?"
    return f"slack-webhook:https://{host}/…"


class SlackWebhookPoster:
    """Posts to Slack incoming webhooks (``slack-webhook:URL``), no bot token needed.

    Webhooks can neither thread nor edit: a follow-up is a new message that quotes
    the alert's headline (kept in ``Posted.thread_ref``); ``edit`` does nothing.
    """

    platforms: frozenset[str] = frozenset({"slack-webhook"})

    def __init__(self, *, rate_limit_retries: int = 1, timeout: int = 15) -> None:
        self._retries = rate_limit_retries
        self._timeout = timeout

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        if not dest.webhook_url:
            raise PermanentFailure(
                f"{dest} has no webhook URL; use slack-webhook:https://hooks.slack.com/…"
            )
        label = _redact(dest.webhook_url)
        text, blocks = to_blocks(message)
        if thread is not None and thread.thread_ref:
            quoted = escape(thread.thread_ref, 300)
            note = {"type": "context", "elements": [{"type": "mrkdwn", "text": f"↪ Follow-up to: *{quoted}*", "verbatim": True}]}  # fmt: skip
            blocks = [note, *blocks[:49]]
            text = escape(f"Follow-up to: {thread.thread_ref}", 300) + " — " + text
        client = AsyncWebhookClient(
            dest.webhook_url,
            timeout=self._timeout,
            retry_handlers=[ShortRateLimitRetry(max_retry_count=self._retries)],
        )
        try:
            response = await client.send(
                text=text[:3500], blocks=blocks, unfurl_links=False, unfurl_media=False
            )
        except (TimeoutError, SlackClientError, aiohttp.ClientError, OSError) as exc:
            raise TransientFailure(
                f"posting to {label} failed ({type(exc).__name__}: {exc}); it will be retried."
            ) from exc
        self._check(label, response.status_code, response.body, response.headers)
        digest = hashlib.sha256(f"{dest.webhook_url}\n{text}".encode()).hexdigest()[:16]
        headline = message.sections[0].title if message.sections else message.text
        if thread is not None and thread.thread_ref:
            headline = thread.thread_ref
        return Posted(ref=f"webhook:{digest}", thread_ref=headline[:HEADER_MAX] or None)

    @staticmethod
    def _check(label: str, status: int, body: str, headers: Mapping[str, Any]) -> None:
        if status == 200:
            return
        if status == 429:
            seconds = _retry_after(headers)
            raise RetryLater(f"Slack rate-limited {label}; retrying in {seconds:g}s.", seconds)
        if status >= 500:
            raise TransientFailure(f"{label} answered HTTP {status}; it will be retried.")
        reason = (body or "").strip()[:100] or f"HTTP {status}"
        if status in (403, 404, 410) or reason in ("no_service", "channel_is_archived", "no_team"):
            raise PermanentFailure(
                f"the Slack incoming webhook {label} no longer works ({reason}): the webhook was "
                "revoked or its channel archived. Create a new webhook, then run `policybot "
                "subscriptions remove` for the old one and `subscriptions add slack-webhook:NEW_URL`."
            )
        raise PermanentFailure(
            f"the Slack incoming webhook {label} refused the message (HTTP {status}: {reason}); "
            "check that the URL is a current incoming webhook (docs/slack.md)."
        )

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        """Incoming webhooks cannot edit messages: nothing to do."""

    async def close(self) -> None:
        return None


def slack_posters(
    settings: SlackSettings, *, token_lookup: TokenLookup | None = None
) -> list[Poster]:
    """The Slack posters for this configuration: the bot-token poster when
    SLACK_BOT_TOKEN (or an OAuth installation store) is available, and always the
    webhook poster."""
    posters: list[Poster] = []
    if settings.bot_token or token_lookup is not None:
        posters.append(SlackPoster(settings, token_lookup=token_lookup))
    posters.append(SlackWebhookPoster())
    return posters


# --------------------------------------------------------------------------- /frpolicy runtime

SLASH_COMMAND = "/frpolicy"
BOT_SCOPES: tuple[str, ...] = ("chat:write", "chat:write.public", "commands", "users:read")
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


def installation_token_lookup(path: Path, client_id: str) -> TokenLookup:
    """A ``TokenLookup`` reading bot tokens from slack_sdk's SQLite installation store."""
    installations = SQLite3InstallationStore(database=str(path), client_id=client_id)

    async def lookup(team_id: str) -> str | None:
        bot = await installations.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    return lookup


class SlackRuntime:
    """The Slack app for ``policybot run``: ``/frpolicy`` over Socket Mode or HTTP."""

    def __init__(
        self,
        settings: SlackSettings,
        store: Store,
        *,
        host: str = "0.0.0.0",
        ack_budget: float = ACK_BUDGET,
    ) -> None:
        check_slack_settings(settings)
        self.settings = settings
        self.store = store
        self.host = host
        self.ack_budget = ack_budget
        self.port: int | None = None  # the bound port in HTTP mode, once started
        self.app = self._build_app()
        self._socket: AsyncSocketModeHandler | None = None
        self._runner: web.AppRunner | None = None

    def _build_app(self) -> AsyncApp:
        settings = self.settings
        oauth = bool(settings.client_id and settings.client_secret)
        base_url = api_url(settings)
        client = AsyncWebClient(token=None if oauth else settings.bot_token, base_url=base_url)
        kwargs: dict[str, Any] = {
            "name": "policybot",
            "client": client,
            "signing_secret": settings.signing_secret or "",
        }
        if oauth:
            database = str(installations_path(self.store))
            oauth_root = base_url.removesuffix("/").removesuffix("/api")
            kwargs["oauth_settings"] = AsyncOAuthSettings(
                client_id=settings.client_id,
                client_secret=settings.client_secret,
                scopes=list(BOT_SCOPES),
                authorization_url=f"{oauth_root}/oauth/v2/authorize",
                installation_store=SQLite3InstallationStore(
                    database=database, client_id=str(settings.client_id)
                ),
                state_store=SQLite3OAuthStateStore(database=database, expiration_seconds=600),
            )
        app = AsyncApp(**kwargs)
        app.command(SLASH_COMMAND)(self._on_command)
        return app

    async def _on_command(
        self, ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient
    ) -> None:
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
        self, body: dict[str, Any], client: AsyncWebClient
    ) -> tuple[str, list[dict[str, Any]], str]:
        text = str(body.get("text") or "").strip()
        try:
            caller = await self._caller(body, client, text)
            message = await asyncio.to_thread(handle_text, self.store, caller, text)
        except Exception:  # the user gets an answer; the details go to the log
            log.exception("/frpolicy %r failed", text)
            message = Message(
                text="Sorry, /frpolicy failed on the server; the error was logged. "
                "Try again, or ask the operator to check policybot's log."
            )
        rendered, blocks = to_blocks(message)
        return rendered, blocks, "ephemeral" if message.ephemeral else "in_channel"

    async def _caller(self, body: dict[str, Any], client: AsyncWebClient, text: str) -> Caller:
        user = str(body.get("user_id") or "")
        try:
            wanted = parse_text(text).command
        except UsageError:
            wanted = ""
        can_manage = user in self.settings.admins
        if not can_manage and wanted in MANAGE_COMMANDS:
            can_manage = await self._is_workspace_admin(client, user)
        return Caller(
            platform="slack",
            user_id=user,
            workspace=str(body.get("team_id") or "") or None,
            channel=str(body.get("channel_id") or "") or None,
            can_manage=can_manage,
        )

    @staticmethod
    async def _is_workspace_admin(client: AsyncWebClient, user: str) -> bool:
        try:
            response = await client.users_info(user=user)
        except (TimeoutError, SlackClientError, aiohttp.ClientError) as exc:
            log.warning(
                "users.info for %s failed (%s); treating as non-admin. Is users:read granted?",
                user,
                exc,
            )
            return False
        info = response.get("user") or {}
        return bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))

    async def start(self) -> None:
        """Connect over Socket Mode, or serve HTTP on settings.port (bolt verifies signatures)."""
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
