"""Slack Web API: the bot-token Poster (chat.postMessage / chat.update), the token-less
incoming-webhook Poster, and the Web API calls the ``/frpolicy`` runtime needs.

The only module importing slack_sdk (slack_bolt is ``bot.chat.slack.runtime``'s; the
escaping and Block Kit layout are pure code in ``bot.chat.slack.blocks``). Every SDK
error becomes ``RetryLater`` / ``TransientFailure`` / ``PermanentFailure``
(``bot.delivery.poster``) with a message that names the destination and the fix
(``bot.chat.slack.errors``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
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
from bot.chat.slack.errors import PERMANENT_ERRORS, STALE_MESSAGE, retry_after
from bot.chat.slack.settings import SlackSettings
from bot.delivery.poster import (
    DeliveryError,
    PermanentFailure,
    Poster,
    RetryLater,
    TransientFailure,
)
from bot.models import Attachment, Destination, Message, Posted

__all__ = [
    "DEFAULT_API_URL",
    "SlackPoster",
    "SlackWebhookPoster",
    "api_url",
    "bolt_client",
    "installation_stores",
    "installation_token_lookup",
    "is_workspace_admin",
    "slack_posters",
    "to_blocks",
]

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
TokenLookup = Callable[[str], Awaitable[str | None]]


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
        return retry_after(response.headers) <= self.max_wait


def _api_error(exc: SlackApiError, dest: Destination, method: str) -> DeliveryError:
    response = exc.response
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    data = getattr(response, "data", None)
    code = str(data.get("error") or "") if isinstance(data, dict) else ""
    if status == 429 or code == "ratelimited":
        seconds = retry_after(getattr(response, "headers", None))
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
            if not (isinstance(data, dict) and data.get("error") in STALE_MESSAGE):
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
            seconds = retry_after(headers)
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


def installation_token_lookup(path: Path, client_id: str) -> TokenLookup:
    """A ``TokenLookup`` reading bot tokens from slack_sdk's SQLite installation store."""
    installations = SQLite3InstallationStore(database=str(path), client_id=client_id)

    async def lookup(team_id: str) -> str | None:
        bot = await installations.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    return lookup


def installation_stores(
    database: str, client_id: str
) -> tuple[SQLite3InstallationStore, SQLite3OAuthStateStore]:
    """slack_sdk's SQLite stores for OAuth installs: installations and OAuth states."""
    return (
        SQLite3InstallationStore(database=database, client_id=client_id),
        SQLite3OAuthStateStore(database=database, expiration_seconds=600),
    )


def bolt_client(settings: SlackSettings, *, oauth: bool) -> AsyncWebClient:
    """The Web API client the bolt app answers with (per-workspace tokens under OAuth)."""
    return AsyncWebClient(token=None if oauth else settings.bot_token, base_url=api_url(settings))


async def upload_file(
    client: AsyncWebClient, channel: str, attachment: Attachment, comment: str
) -> str | None:
    """Upload ``attachment`` into ``channel`` (files_upload_v2); None when it worked,
    else what went wrong and the fix (missing scope, bot not in the channel)."""
    try:
        await client.files_upload_v2(
            channel=channel, file=attachment.data, filename=attachment.filename,
            title=attachment.title[:250], initial_comment=comment[:3000],
        )  # fmt: skip
    except SlackApiError as exc:
        error = str(exc.response.get("error") or exc)
        fix = {
            "missing_scope": "add the files:write scope to the Slack app and reinstall it",
            "not_in_channel": "invite the bot with /invite @policybot",
            "channel_not_found": "invite the bot with /invite @policybot",
        }.get(error, "check policybot's log")
        return f"the chart could not be posted ({error}): {fix}"
    except (TimeoutError, SlackClientError, aiohttp.ClientError) as exc:
        log.warning("files_upload_v2 to %s failed: %s", channel, exc)
        return f"the chart could not be posted ({type(exc).__name__}); try again later"
    return None


async def is_workspace_admin(client: AsyncWebClient, user: str) -> bool:
    """Whether ``user`` administers the workspace (users.info; False when it fails)."""
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
