"""Discord: the registry entry. Posting is in ``poster``, the gateway client and
``/frpolicy`` in ``runtime`` and ``commands`` (all three use discord.py, imported only
when Discord is used), embeds and texts in ``embeds`` and ``text``."""

from __future__ import annotations

import re

from bot.chat.discord.settings import DiscordSettings, load_settings
from bot.delivery.platform import (
    DestinationError,
    DestinationForm,
    Platform,
    PosterContext,
    Runtime,
    check_webhook_url,
)
from bot.delivery.poster import Poster
from bot.models import Destination
from store import Store

_ID = re.compile(r"^\d{15,21}$")
WEBHOOK_HOSTS = ("discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com")


def _channel(text: str, rest: str, allow_local: bool) -> Destination:
    if not _ID.match(rest):
        raise DestinationError(f"{text!r}: a Discord channel id is a 17-20 digit number")
    return Destination("discord", channel=rest)


def _webhook(text: str, rest: str, allow_local: bool) -> Destination:
    check_webhook_url("discord-webhook", rest, WEBHOOK_HOSTS, allow_local=allow_local)
    return Destination("discord-webhook", webhook_url=rest)


def _posters(settings: DiscordSettings, context: PosterContext) -> list[Poster]:
    from bot.chat.discord.poster import discord_posters

    client = getattr(context.runtime, "client", None)  # a running gateway shares its client
    return discord_posters(settings, client=client)


def _runtime(settings: DiscordSettings, store: Store) -> Runtime | None:
    if not settings.enabled:
        return None
    from bot.chat.discord.runtime import DiscordRuntime

    return DiscordRuntime(settings, store)


PLATFORM = Platform(
    name="discord",
    label="Discord",
    section="discord",
    destinations=(
        DestinationForm(
            "discord",
            "discord:CHANNEL_ID",
            "discord:123456789012345678",
            _channel,
            "set DISCORD_TOKEN (in the environment or .env) and restart",
        ),
        DestinationForm(
            "discord-webhook",
            "discord-webhook:URL",
            "discord-webhook:https://discord.com/api/webhooks/1/x",
            _webhook,
            "run a policybot build with Discord webhook support",
        ),
    ),  # fmt: skip
    load_settings=load_settings,
    posters=_posters,
    enabled=lambda settings: settings.enabled,
    runtime=_runtime,
)
