"""Discord: alert delivery (bot and webhook) and the ``/frpolicy`` app commands.

The only module that imports discord.py. Pure parts live next to it:
``bot.chat.discord.embeds`` (Message → embed JSON) and ``bot.chat.discord.text`` (user-facing
texts and error wording). Everything the bot sends carries
``AllowedMentions.none()``: client-wide and explicitly on every send and edit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot import commands
from bot.chat.discord import text as discord_text
from bot.chat.discord.embeds import to_embeds as to_embeds
from bot.commands import MANAGE_COMMANDS, Caller, Request
from bot.config import DiscordSettings
from bot.delivery.poster import (
    DeliveryError,
    PermanentFailure,
    Poster,
    RetryLater,
    TransientFailure,
)
from bot.models import ACTIONS, ACTOR_TYPES, Destination, Filters, Message, Posted
from store import Store

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
RATELIMIT_WAIT_MAX = 30.0  # longer 429 waits surface as RetryLater instead of blocking
REPLY_WITHIN = 2.0  # seconds before an interaction is deferred (Discord allows 3)
THREAD_UNAVAILABLE = {50024, 50001, 50013, 160002, 10008}  # channel type, access, perms, …
THREAD_EXISTS = 160004
GATEWAY_RETRY_FIRST, GATEWAY_RETRY_MAX = 5.0, 300.0  # seconds between connection attempts


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
    settings: DiscordSettings, *, runtime: DiscordRuntime | None = None
) -> list[Poster]:
    """The Discord posters: the bot poster when a token is set (sharing the runtime's
    connected client, if any) and the token-less webhook poster."""
    posters: list[Poster] = [DiscordWebhookPoster(settings)]
    if runtime is not None:
        posters.insert(0, runtime.poster())
    elif settings.enabled:
        posters.insert(0, DiscordPoster(settings))
    return posters


# ------------------------------------------------------------------ app commands


class _Client(discord.Client):
    def __init__(self, runtime: DiscordRuntime) -> None:
        super().__init__(intents=make_intents(), allowed_mentions=NO_MENTIONS,
                         max_ratelimit_timeout=RATELIMIT_WAIT_MAX)  # fmt: skip
        self.runtime = runtime

    async def setup_hook(self) -> None:
        await self.runtime.sync_commands()


class DiscordRuntime:
    """The gateway client for ``policybot run``: answers ``/frpolicy`` and lends its
    logged-in client to the ``DiscordPoster``."""

    def __init__(
        self, settings: DiscordSettings, store: Store, *, reply_within: float = REPLY_WITHIN
    ) -> None:
        apply_api_base(settings)
        self.settings = settings
        self.store = store
        self.reply_within = reply_within  # answer directly if the command is this fast
        self.client: discord.Client = _Client(self)
        self.tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(self.client)
        self.tree.add_command(FrPolicy(self))
        self.tree.on_error = self._on_error  # type: ignore[method-assign]
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def poster(self) -> DiscordPoster:
        return DiscordPoster(self.settings, client=self.client)

    async def start(self) -> None:
        """Connect in the background (login, command sync in setup_hook, gateway) and
        return at once; an unreachable Discord is retried, never fatal to the daemon."""
        if not self.settings.token:
            raise RuntimeError(discord_text.no_token())
        self._stopping = False
        self._task = asyncio.create_task(self._keep_connected(self.settings.token), name="discord")

    async def stop(self) -> None:
        self._stopping = True
        await self.client.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    async def _keep_connected(self, token: str) -> None:
        delay = GATEWAY_RETRY_FIRST
        while not self._stopping and not self.client.is_closed():
            try:
                if self.client.user is None:
                    await self.client.login(token)
                await self.client.connect(reconnect=True)
                return
            except (discord.LoginFailure, discord.PrivilegedIntentsRequired) as exc:
                log.error("%s", discord_text.gateway_fatal(exc))
                return
            except Exception as exc:
                if self._stopping:
                    return
                log.warning("%s", discord_text.gateway_retry(exc, delay))
                await asyncio.sleep(delay)
                delay = min(delay * 2, GATEWAY_RETRY_MAX)

    async def sync_commands(self) -> list[str]:
        """Register ``/frpolicy``: to the dev guild when set (instant), else globally."""
        try:
            if self.settings.dev_guild:
                guild = discord.Object(id=int(self.settings.dev_guild))
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
        except discord.HTTPException as exc:
            log.error(discord_text.sync_failed(self.settings.dev_guild, exc.status, exc.text))
            return []
        return [command.name for command in synced]

    def caller(self, interaction: discord.Interaction) -> Caller:
        perms = interaction.permissions
        return Caller(
            platform="discord",
            user_id=str(interaction.user.id),
            workspace=str(interaction.guild_id) if interaction.guild_id else None,
            channel=str(interaction.channel_id) if interaction.channel_id else None,
            can_manage=bool(interaction.guild_id)
            and (perms.manage_channels or perms.administrator),
        )

    async def respond(self, interaction: discord.Interaction, request: Request) -> None:
        """Run one command off the loop and answer (ephemerally for lookups)."""
        caller = self.caller(interaction)
        if request.command in MANAGE_COMMANDS and not caller.can_manage:
            await _reply(
                interaction,
                discord_text.needs_manage_channels(request.command, caller.workspace),
                True,
            )
            return
        task = asyncio.ensure_future(asyncio.to_thread(self._execute, caller, request))
        done, _ = await asyncio.wait({task}, timeout=self.reply_within)
        if not done:  # slow query: acknowledge now, answer when ready
            await interaction.response.defer(ephemeral=True, thinking=True)
        message = await task
        ephemeral = message.ephemeral or request.command not in MANAGE_COMMANDS
        await _reply(interaction, message, ephemeral)

    def _execute(self, caller: Caller, request: Request) -> Message:
        try:
            return commands.execute(self.store, caller, request)
        except Exception:
            log.exception("/frpolicy %s failed", request.command)
            return discord_text.command_failed(request.command)

    def vendor_choices(self, current: str) -> list[app_commands.Choice[str]]:
        try:
            names = commands.vendor_names(self.store, current, 25)
        except Exception:
            log.exception("vendor autocomplete failed")
            return []
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names[:25]]

    async def _on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        log.error("/frpolicy failed: %s", error, exc_info=error)
        message = discord_text.command_failed("frpolicy")
        if not interaction.response.is_done():
            await _reply(interaction, message, True)


async def _reply(interaction: discord.Interaction, message: Message, ephemeral: bool) -> None:
    embeds = discord_embeds(message)
    if interaction.response.is_done():
        await interaction.followup.send(
            embeds=embeds, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.response.send_message(
            embeds=embeds, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )


_ACTION_CHOICES = [app_commands.Choice(name=a, value=a) for a in ACTIONS]
_ACTOR_CHOICES = [
    app_commands.Choice(name=a, value=a) for a in (*(t for t in ACTOR_TYPES if t != "none"), "any")
]


class FrPolicy(app_commands.Group):
    """``/frpolicy``: each handler builds a ``Request`` and hands it to the runtime."""

    def __init__(self, runtime: DiscordRuntime) -> None:
        super().__init__(name="frpolicy", description="Facial-recognition vendor policy alerts")
        self.runtime = runtime

    @app_commands.command(name="latest", description="The latest FR vendor policy changes")
    @app_commands.describe(count="How many events to show (1-20)")
    async def latest(self, interaction: discord.Interaction,
                     count: app_commands.Range[int, 1, 20] | None = None) -> None:  # fmt: skip
        await self.runtime.respond(interaction, Request("latest", limit=count))

    @app_commands.command(name="vendor", description="One vendor's policy timeline")
    @app_commands.describe(name="Vendor name, e.g. Amazon")
    async def vendor(self, interaction: discord.Interaction, name: str) -> None:
        await self.runtime.respond(interaction, Request("vendor", vendor=name))

    @vendor.autocomplete("name")
    async def _vendor_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(self.runtime.vendor_choices, current)

    @app_commands.command(name="search", description="Search recorded policy events")
    @app_commands.describe(query="Words to look for, e.g. moratorium police")
    async def search(self, interaction: discord.Interaction, query: str) -> None:
        await self.runtime.respond(interaction, Request("search", query=query))

    @app_commands.command(
        name="subscribe", description="Post alerts in this channel (Manage Channels)"
    )
    @app_commands.describe(vendor="Only this vendor", action="Only this action",
                           actor_type="Whose actions (default: vendors)",
                           min_confidence="Only findings at least this confident (0-1)")  # fmt: skip
    @app_commands.choices(action=_ACTION_CHOICES, actor_type=_ACTOR_CHOICES)
    async def subscribe(self, interaction: discord.Interaction, vendor: str | None = None,
                        action: str | None = None, actor_type: str | None = None,
                        min_confidence: app_commands.Range[float, 0.0, 1.0] | None = None) -> None:  # fmt: skip
        filters = Filters(
            vendors=(vendor,) if vendor else (),
            actions=(action,) if action else (),
            actor_types=(actor_type,) if actor_type else ("vendor",),
            min_confidence=min_confidence or 0.0,
        )
        await self.runtime.respond(interaction, Request("subscribe", filters=filters))

    @subscribe.autocomplete("vendor")
    async def _subscribe_vendor(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(self.runtime.vendor_choices, current)

    @app_commands.command(
        name="unsubscribe", description="Stop alerts in this channel (Manage Channels)"
    )
    async def unsubscribe(self, interaction: discord.Interaction) -> None:
        await self.runtime.respond(interaction, Request("unsubscribe"))

    @app_commands.command(name="subscriptions", description="Subscriptions in this server")
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        await self.runtime.respond(interaction, Request("subscriptions"))

    @app_commands.command(name="feeds", description="The sources policybot watches")
    async def feeds(self, interaction: discord.Interaction) -> None:
        await self.runtime.respond(interaction, Request("feeds"))

    @app_commands.command(name="status", description="Feed health and failing subscriptions")
    async def status(self, interaction: discord.Interaction) -> None:
        await self.runtime.respond(interaction, Request("status"))

    @app_commands.command(name="help", description="How to use /frpolicy")
    async def help(self, interaction: discord.Interaction) -> None:
        await self.runtime.respond(interaction, Request("help"))
