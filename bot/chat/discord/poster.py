"""Discord: alert delivery through the bot (a shared, logged-in client) and webhooks.

discord.py is imported only in ``bot/chat/discord/`` (here, ``runtime`` and
``commands``). Pure parts live next to it:
``bot.chat.discord.embeds`` (Message → embed JSON) and ``bot.chat.discord.text`` (user-facing
texts and error wording). Everything the bot sends carries
``AllowedMentions.none()``: client-wide and explicitly on every send and edit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.chat.discord import text as discord_text
from bot.chat.discord.embeds import to_embeds as to_embeds
from bot.chat.discord.settings import DiscordSettings
from bot.delivery.poster import (
    DeliveryError,
    PermanentFailure,
    Poster,
    RetryLater,
    TransientFailure,
)
from bot.models import Destination, Message, Posted

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
RATELIMIT_WAIT_MAX = 30.0  # longer 429 waits surface as RetryLater instead of blocking
THREAD_UNAVAILABLE = {50024, 50001, 50013, 160002, 10008}  # channel type, access, perms, …
THREAD_EXISTS = 160004


def apply_api_base(settings: DiscordSettings) -> None:
    """Point discord.py at ``settings.api_base`` (a local fake in tests): the REST
    base, and the gateway at ``/gateway`` on the same host."""
    if settings.api_base:
        base = settings.api_base.rstrip("/")
        Route.BASE = base if "/api/v" in base else f"{base}/api/v10"
        parts = urlsplit(base)
        scheme = "wss" if parts.scheme == "https" else "ws"
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"{scheme}://{parts.netloc}/gateway")


def discord_embeds(message: Message) -> list[discord.Embed]:
    return [discord.Embed.from_dict(data) for data in to_embeds(message)]


def make_intents() -> discord.Intents:
    """Non-privileged intents: slash commands need no message content or member list."""
    intents = discord.Intents.default()
    intents.message_content = False
    intents.members = False
    intents.presences = False
    return intents


def delivery_error(exc: BaseException, where: str) -> DeliveryError | None:
    """discord.py / aiohttp failure → the dispatcher's error classes (None: not ours)."""
    if isinstance(exc, discord.RateLimited):
        return RetryLater(discord_text.rate_limited(where, exc.retry_after), exc.retry_after)
    if isinstance(exc, discord.LoginFailure):
        return PermanentFailure(discord_text.bad_token(where))
    if isinstance(exc, discord.HTTPException):
        status, code = exc.status, exc.code
        if status == 429:
            seconds = _retry_after(exc)
            return RetryLater(discord_text.rate_limited(where, seconds), seconds)
        if status >= 500:
            return TransientFailure(discord_text.server_error(where, status))
        return PermanentFailure(discord_text.rejected(where, status, code, exc.text))
    if isinstance(exc, aiohttp.ClientError | OSError | asyncio.TimeoutError):
        return TransientFailure(discord_text.unreachable(where, exc))
    return None


def _retry_after(exc: discord.HTTPException) -> float:
    header = exc.response.headers.get("Retry-After") if exc.response is not None else None
    try:
        return max(float(header or 5.0), 0.0)
    except ValueError:
        return 5.0


class DiscordPoster:
    """Posts alerts as embeds through the bot's REST API (``discord:CHANNEL_ID``).

    Without a ``client`` it logs in on first use (no gateway, as ``policybot poll``
    needs); ``DiscordRuntime`` passes its connected client instead."""

    platforms: frozenset[str] = frozenset({"discord"})

    def __init__(self, settings: DiscordSettings, *, client: discord.Client | None = None) -> None:
        self.settings = settings
        self._client = client
        self._owned = client is None
        self._login_lock = asyncio.Lock()

    async def _ready(self) -> discord.Client:
        if self._client is None:
            apply_api_base(self.settings)
            self._client = discord.Client(
                intents=make_intents(), allowed_mentions=NO_MENTIONS,
                max_ratelimit_timeout=RATELIMIT_WAIT_MAX,
            )  # fmt: skip
        async with self._login_lock:
            if self._client.user is None:
                if not self._owned:
                    raise TransientFailure(discord_text.not_connected())
                if not self.settings.token:
                    raise PermanentFailure(discord_text.no_token())
                await self._client.login(self.settings.token)
        return self._client

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        where = str(dest)
        channel = _channel_id(dest, thread)
        try:
            client = await self._ready()
            embeds = discord_embeds(message)
            if thread is None:
                sent = await _send(client, channel, embeds)
                return Posted(ref=str(sent.id), thread_ref=None, channel=str(channel))
            return await self._follow_up(client, channel, thread, message, embeds)
        except DeliveryError:
            raise
        except Exception as exc:
            raise _translated(exc, where) from exc

    async def _follow_up(self, client: discord.Client, channel: int, alert: Posted,
                         message: Message, embeds: list[discord.Embed]) -> Posted:  # fmt: skip
        """In the alert's thread (opened once), or as a reply where threads are not allowed."""
        thread_id = int(alert.thread_ref) if alert.thread_ref else None
        if thread_id is None:
            thread_id = await _open_thread(client, channel, int(alert.ref), message)
        if thread_id is not None:
            try:
                sent = await _send(client, thread_id, embeds)
                return Posted(ref=str(sent.id), thread_ref=str(thread_id), channel=str(channel))
            except (discord.Forbidden, discord.NotFound) as exc:
                log.info("thread %s unusable (%s); replying in %s instead", thread_id, exc, channel)
        reference = discord.MessageReference(
            message_id=int(alert.ref), channel_id=channel, fail_if_not_exists=False
        )
        sent = await _send(client, channel, embeds, reference=reference)
        return Posted(ref=str(sent.id), thread_ref=None, channel=str(channel))

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        where = str(dest)
        channel = int(posted.channel or _channel_id(dest, None))
        try:
            client = await self._ready()
            partial = client.get_partial_messageable(channel).get_partial_message(int(posted.ref))
            await partial.edit(embeds=discord_embeds(message), allowed_mentions=NO_MENTIONS)
        except discord.NotFound as exc:
            if exc.code != 10008:
                raise _translated(exc, where) from exc
            log.warning("%s: alert message %s was deleted; nothing to edit", where, posted.ref)
        except DeliveryError:
            raise
        except Exception as exc:
            raise _translated(exc, where) from exc

    async def close(self) -> None:
        if self._owned and self._client is not None:
            await self._client.close()
            self._client = None


def _channel_id(dest: Destination, thread: Posted | None) -> int:
    channel = (thread.channel if thread and thread.channel else None) or dest.channel
    if not channel or not channel.isdigit():
        raise PermanentFailure(discord_text.bad_channel(str(dest)))
    return int(channel)


def _translated(exc: Exception, where: str) -> DeliveryError:
    error = delivery_error(exc, where)
    if error is None:
        raise exc
    return error


async def _send(client: discord.Client, channel: int, embeds: Sequence[discord.Embed],
                reference: discord.MessageReference | None = None) -> discord.Message:  # fmt: skip
    target = client.get_partial_messageable(channel)
    if reference is None:
        return await target.send(embeds=embeds, allowed_mentions=NO_MENTIONS)
    return await target.send(
        embeds=embeds, allowed_mentions=NO_MENTIONS, reference=reference, mention_author=False
    )


async def _open_thread(
    client: discord.Client, channel: int, message_id: int, message: Message
) -> int | None:
    """A public thread on the alert; its id (= the alert's id), or None where not allowed."""
    try:
        data = await client.http.start_thread_with_message(
            channel, message_id, name=discord_text.thread_name(message),
            auto_archive_duration=10080, rate_limit_per_user=None,
        )  # fmt: skip
    except discord.HTTPException as exc:
        if exc.code == THREAD_EXISTS:
            return message_id
        if exc.status in (400, 403, 404) and exc.code in THREAD_UNAVAILABLE:
            log.info(
                "no thread on %s/%s (%s %s); replying", channel, message_id, exc.status, exc.code
            )
            return None
        raise
    return int(data["id"])


class DiscordWebhookPoster:
    """Token-less delivery to a channel webhook (``discord-webhook:URL``)."""

    platforms: frozenset[str] = frozenset({"discord-webhook"})

    def __init__(self, settings: DiscordSettings | None = None) -> None:
        self.settings = settings or DiscordSettings()
        self._session: aiohttp.ClientSession | None = None

    def _webhook(self, dest: Destination) -> discord.Webhook:
        apply_api_base(self.settings)
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        try:
            return discord.Webhook.from_url(dest.webhook_url or "", session=self._session)
        except ValueError:
            raise PermanentFailure(discord_text.bad_webhook(str(dest))) from None

    async def post(
        self, dest: Destination, message: Message, *, thread: Posted | None = None
    ) -> Posted:
        where = _webhook_label(dest)
        webhook = self._webhook(dest)
        content = discord_text.follow_up_note(message) if thread is not None else None
        try:
            sent = await webhook.send(
                content=content or discord.utils.MISSING, embeds=discord_embeds(message),
                allowed_mentions=NO_MENTIONS, wait=True,
            )  # fmt: skip
        except discord.NotFound as exc:
            raise PermanentFailure(discord_text.webhook_gone(where)) from exc
        except Exception as exc:
            raise _translated(exc, where) from exc
        return Posted(ref=str(sent.id), thread_ref=None, channel=str(sent.channel.id))

    async def edit(self, dest: Destination, posted: Posted, message: Message) -> None:
        where = _webhook_label(dest)
        webhook = self._webhook(dest)
        try:
            await webhook.edit_message(
                int(posted.ref), embeds=discord_embeds(message), allowed_mentions=NO_MENTIONS
            )
        except discord.NotFound as exc:
            if exc.code == 10008:  # the alert was deleted: nothing to edit
                log.warning("%s: alert message %s was deleted; nothing to edit", where, posted.ref)
                return
            raise PermanentFailure(discord_text.webhook_gone(where)) from exc
        except Exception as exc:
            raise _translated(exc, where) from exc

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def _webhook_label(dest: Destination) -> str:
    """The webhook named without its secret token."""
    url = dest.webhook_url or ""
    head, _, _ = url.rpartition("/")
    return f"discord-webhook:{head}/…" if head else "discord-webhook"


def discord_posters(
    settings: DiscordSettings, *, client: discord.Client | None = None
) -> list[Poster]:
    """The Discord posters: the bot poster when a token is set (sharing the runtime's
    connected ``client``, if any) and the token-less webhook poster."""
    posters: list[Poster] = [DiscordWebhookPoster(settings)]
    if client is not None:
        posters.insert(0, DiscordPoster(settings, client=client))
    elif settings.enabled:
        posters.insert(0, DiscordPoster(settings))
    return posters
