"""Discord ``/frpolicy``: the gateway client for ``policybot run``, answering the app
commands (generated from ``bot.commands.spec`` by ``bot.chat.discord.commands``) through
the command core, and lending its logged-in client to the ``DiscordPoster``.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from typing import Any

import discord
from discord import app_commands

from bot.chat.discord import text as discord_text
from bot.chat.discord.commands import frpolicy_group
from bot.chat.discord.poster import (
    NO_MENTIONS,
    RATELIMIT_WAIT_MAX,
    DiscordPoster,
    apply_api_base,
    discord_embeds,
    make_intents,
)
from bot.chat.discord.settings import DiscordSettings
from bot.commands import core as commands
from bot.commands.spec import Caller, FeedAdder, Request, needs_manage
from bot.models import Message
from store import Store

log = logging.getLogger(__name__)
MANAGE_HINT = "a member with the Manage Channels permission in this channel"

REPLY_WITHIN = 2.0  # seconds before an interaction is deferred (Discord allows 3)
GATEWAY_RETRY_FIRST, GATEWAY_RETRY_MAX = 5.0, 300.0  # seconds between connection attempts


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
        self,
        settings: DiscordSettings,
        store: Store,
        *,
        reply_within: float = REPLY_WITHIN,
        feed_admin: FeedAdder | None = None,
    ) -> None:
        apply_api_base(settings)
        self.settings = settings
        self.store = store
        self.feed_admin = feed_admin
        self.reply_within = reply_within  # answer directly if the command is this fast
        self.client: discord.Client = _Client(self)
        self.tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(self.client)
        self.tree.add_command(frpolicy_group(self.respond, self.vendor_completions))
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
            manage_hint=MANAGE_HINT,
        )

    async def respond(self, interaction: discord.Interaction, request: Request) -> None:
        """Run one command off the loop and answer (ephemerally for lookups)."""
        caller = self.caller(interaction)
        if needs_manage(request) and not caller.can_manage:
            what = "feeds add" if request.command == "feeds" else request.command
            await _reply(
                interaction,
                discord_text.needs_manage_channels(what, caller.workspace),
                True,
            )
            return
        task = asyncio.ensure_future(asyncio.to_thread(self._execute, caller, request))
        done, _ = await asyncio.wait({task}, timeout=self.reply_within)
        if not done:  # slow query: acknowledge now, answer when ready
            await interaction.response.defer(ephemeral=True, thinking=True)
        message = await task
        ephemeral = message.ephemeral or not needs_manage(request)
        await _reply(interaction, message, ephemeral)

    def _execute(self, caller: Caller, request: Request) -> Message:
        try:
            return commands.execute(self.store, caller, request, feed_admin=self.feed_admin)
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

    async def vendor_completions(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(self.vendor_choices, current)

    async def _on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        log.error("/frpolicy failed: %s", error, exc_info=error)
        message = discord_text.command_failed("frpolicy")
        if not interaction.response.is_done():
            await _reply(interaction, message, True)


async def _reply(interaction: discord.Interaction, message: Message, ephemeral: bool) -> None:
    embeds = discord_embeds(message)
    extra: dict[str, Any] = {}
    if message.attachment is not None:  # a chart: attached, and shown in the first embed
        attachment = message.attachment
        extra["files"] = [discord.File(io.BytesIO(attachment.data), filename=attachment.filename,
                                       description=attachment.title[:1000])]  # fmt: skip
        if embeds:
            embeds[0].set_image(url=f"attachment://{attachment.filename}")
    if interaction.response.is_done():
        await interaction.followup.send(
            embeds=embeds, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **extra
        )
    else:
        await interaction.response.send_message(
            embeds=embeds, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **extra
        )
