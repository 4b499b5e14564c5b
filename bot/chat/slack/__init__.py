"""Slack: the registry entry. Posting (slack_sdk) is in ``poster``, the ``/frpolicy``
app (slack_bolt) in ``runtime``, Block Kit layout in ``blocks``, settings in
``settings``; the SDK modules are imported only when Slack is used."""

from __future__ import annotations

import re

from bot.chat.slack.settings import SlackSettings, load_settings
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

_ID = re.compile(r"^[A-Z0-9]{2,20}$")
WEBHOOK_HOSTS = ("hooks.slack.com", "hooks.slack-gov.com")


def _channel(text: str, rest: str, allow_local: bool) -> Destination:
    workspace, slash, channel = rest.rpartition("/")
    if not _ID.match(channel) or (slash and not _ID.match(workspace)):
        raise DestinationError(f"{text!r}: Slack ids look like C0123ABCD (and T0123ABCD)")
    return Destination("slack", channel=channel, workspace=workspace or None)


def _webhook(text: str, rest: str, allow_local: bool) -> Destination:
    check_webhook_url("slack-webhook", rest, WEBHOOK_HOSTS, allow_local=allow_local)
    return Destination("slack-webhook", webhook_url=rest)


def _posters(settings: SlackSettings, context: PosterContext) -> list[Poster]:
    from bot.chat.slack.poster import installation_token_lookup, slack_posters
    from bot.chat.slack.runtime import installations_path

    lookup = None
    if settings.client_id and context.store is not None:  # multi-workspace OAuth installs
        lookup = installation_token_lookup(installations_path(context.store), settings.client_id)
    return slack_posters(settings, token_lookup=lookup)


def interactive(settings: SlackSettings) -> bool:
    """Slash commands run with a bot token or an OAuth app, and a way in (Socket Mode
    app token or HTTP signing secret)."""
    has_token = settings.enabled or bool(settings.client_id and settings.client_secret)
    return has_token and bool(settings.app_token or settings.signing_secret)


def _runtime(settings: SlackSettings, store: Store) -> Runtime | None:
    if not (settings.enabled and (settings.app_token or settings.signing_secret)):
        return None
    from bot.chat.slack.runtime import SlackRuntime

    return SlackRuntime(settings, store)


PLATFORM = Platform(
    name="slack",
    label="Slack",
    section="slack",
    destinations=(
        DestinationForm(
            "slack",
            "slack:CHANNEL_ID, slack:TEAM_ID/CHANNEL_ID",
            "slack:T0123ABCD/C0123ABCD",
            _channel,
            "set SLACK_BOT_TOKEN (in the environment or .env) and restart",
        ),
        DestinationForm(
            "slack-webhook",
            "slack-webhook:URL",
            "slack-webhook:https://hooks.slack.com/services/T0/B0/x",
            _webhook,
            "run a policybot build with Slack webhook support",
        ),
    ),  # fmt: skip
    load_settings=load_settings,
    posters=_posters,
    enabled=lambda settings: settings.enabled,
    runtime=_runtime,
)
