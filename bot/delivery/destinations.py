"""Destination names: ``slack:C123``, ``slack:T1/C123``, ``discord:123``,
``slack-webhook:https://hooks.slack.com/…``, ``discord-webhook:https://discord.com/api/webhooks/…``,
``console:``."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.models import Destination


class DestinationError(ValueError):
    """A destination string that cannot be used; the message shows the accepted forms."""


_FORMS = (
    "use slack:CHANNEL_ID, slack:TEAM_ID/CHANNEL_ID, discord:CHANNEL_ID, "
    "slack-webhook:URL or discord-webhook:URL"
)
_SLACK_ID = re.compile(r"^[A-Z0-9]{2,20}$")
_DISCORD_ID = re.compile(r"^\d{15,21}$")
_WEBHOOK_HOSTS = {
    "slack-webhook": ("hooks.slack.com", "hooks.slack-gov.com"),
    "discord-webhook": ("discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com"),
}


def parse_destination(text: str, *, allow_local_webhooks: bool = False) -> Destination:
    """Parse and validate a destination string (from the CLI, config or chat)."""
    platform, sep, rest = text.strip().partition(":")
    if not sep:
        raise DestinationError(f"{text!r} has no platform prefix; {_FORMS}.")
    if platform == "console":
        return Destination("console")
    if platform == "slack":
        workspace, slash, channel = rest.rpartition("/")
        if not _SLACK_ID.match(channel) or (slash and not _SLACK_ID.match(workspace)):
            raise DestinationError(
                f"{text!r}: Slack ids look like C0123ABCD (and T0123ABCD); {_FORMS}."
            )
        return Destination("slack", channel=channel, workspace=workspace or None)
    if platform == "discord":
        if not _DISCORD_ID.match(rest):
            raise DestinationError(
                f"{text!r}: a Discord channel id is a 17-20 digit number; {_FORMS}."
            )
        return Destination("discord", channel=rest)
    if platform in _WEBHOOK_HOSTS:
        check_webhook_url(platform, rest, allow_local=allow_local_webhooks)
        return Destination(platform, webhook_url=rest)
    raise DestinationError(f"{text!r}: unknown platform {platform!r}; {_FORMS}.")


def check_webhook_url(platform: str, url: str, *, allow_local: bool = False) -> None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    local = host in ("127.0.0.1", "localhost", "::1")
    if local and allow_local:
        return
    if parts.scheme != "https" or host not in _WEBHOOK_HOSTS[platform]:
        hosts = " or ".join(_WEBHOOK_HOSTS[platform])
        raise DestinationError(f"{platform} URL must be https://{hosts}/…, got {url!r}.")
