"""User-facing Discord wording: delivery errors, refusals, thread names.

Pure (no discord.py): each error names the channel, the problem and the fix.
"""

from __future__ import annotations

import re

from bot.chat.discord.embeds import inert, truncate
from bot.models import Message

# View Channels (1<<10) + Send Messages (1<<11) + Embed Links (1<<14)
# + Read Message History (1<<16) + Create Public Threads (1<<35)
# + Send Messages in Threads (1<<38)
INVITE_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 35) | (1 << 38)
PERMISSION_NAMES = (
    "View Channels, Send Messages, Send Messages in Threads, Create Public Threads, "
    "Embed Links and Read Message History"
)
INVITE_HINT = (
    f"re-invite the bot with scopes bot+applications.commands and permissions={INVITE_PERMISSIONS} "
    "(see docs/discord.md)"
)
THREAD_NAME_MAX = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def rejected(where: str, status: int, code: int, text: str) -> str:
    """A 4xx from Discord that retrying cannot fix."""
    if code == 50001:
        return (
            f"{where}: the bot cannot see this channel (Discord 50001 Missing Access). "
            f"Give the bot's role View Channels there, or {INVITE_HINT}."
        )
    if code == 50013:
        return (
            f"{where}: the bot lacks a permission in this channel (Discord 50013 Missing "
            f"Permissions). Grant its role {PERMISSION_NAMES} in the channel settings "
            f"(permissions integer {INVITE_PERMISSIONS}), or {INVITE_HINT}."
        )
    if code == 10003 or (status == 404 and not code):
        return (
            f"{where}: Discord says this channel does not exist (10003 Unknown Channel): it "
            "was deleted or the bot was removed from its server. Remove the subscription "
            f"(policybot subscriptions remove) or {INVITE_HINT}."
        )
    if status == 401:
        return bad_token(where)
    detail = f" {code}" if code else ""
    return (
        f"{where}: Discord rejected the message (HTTP {status}{detail}: {text or 'no detail'}). "
        "Check the channel id and the bot's permissions there; run with -vv to see the request."
    )


def bad_token(where: str) -> str:
    return (
        f"{where}: Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy a fresh token from "
        "the Developer Portal (your application → Bot → Reset Token) into DISCORD_TOKEN or .env."
    )


def no_token() -> str:
    return (
        "Discord: DISCORD_TOKEN is not set. Put the bot token from the Developer Portal "
        "(your application → Bot → Reset Token) in DISCORD_TOKEN or .env, or use a "
        "discord-webhook: destination, which needs no token."
    )


def not_connected() -> str:
    return "Discord: the bot client is still logging in; the delivery will be retried shortly."


def rate_limited(where: str, seconds: float) -> str:
    return f"{where}: Discord rate limit (429); retrying in {seconds:.1f}s."


def server_error(where: str, status: int) -> str:
    return f"{where}: Discord answered HTTP {status} (a Discord-side problem); will retry with backoff."


def unreachable(where: str, exc: BaseException) -> str:
    return (
        f"{where}: cannot reach Discord ({type(exc).__name__}: {exc}); will retry. "
        "Check this machine's network or proxy if it persists."
    )


def bad_channel(where: str) -> str:
    return (
        f"{where}: not a Discord channel id. Use discord:CHANNEL_ID with the 17-20 digit id "
        "(Discord settings → Advanced → Developer Mode, then right-click the channel → Copy Channel ID)."
    )


def bad_webhook(where: str) -> str:
    return (
        f"{where}: not a Discord webhook URL. Copy it from the channel's settings → "
        "Integrations → Webhooks → Copy Webhook URL (https://discord.com/api/webhooks/ID/TOKEN)."
    )


def webhook_gone(where: str) -> str:
    return (
        f"{where}: Discord says this webhook no longer exists (404 Unknown Webhook). Create a "
        "new webhook in the channel's settings → Integrations and subscribe its URL again."
    )


def gateway_retry(exc: BaseException, delay: float) -> str:
    return (
        f"Discord: cannot connect the bot ({type(exc).__name__}: {exc}); retrying in {delay:.0f}s. "
        "Alerts stay queued meanwhile; check this machine's network if it persists."
    )


def gateway_fatal(exc: BaseException) -> str:
    if "intent" in type(exc).__name__.lower():
        return (
            "Discord: the gateway refused the bot's intents. policybot needs no privileged intent; "
            "check that you run an unmodified policybot (Developer Portal → Bot → intents may stay off)."
        )
    return bad_token("Discord")


def sync_failed(guild: str | None, status: int, text: str) -> str:
    scope = f"guild {guild}" if guild else "globally"
    return (
        f"Discord: registering /frpolicy {scope} failed (HTTP {status}: {text}). Invite the bot "
        "with the applications.commands scope (see docs/discord.md) and check DISCORD_DEV_GUILD."
    )


def thread_name(message: Message) -> str:
    """Thread names are plain text (no markdown, no mentions), at most 100 characters."""
    headline = message.sections[0].title if message.sections else message.text
    name = _CONTROL.sub(" ", f"Updates: {headline}").strip()
    return name[: THREAD_NAME_MAX - 1] + "…" if len(name) > THREAD_NAME_MAX else name


def follow_up_note(message: Message) -> str:
    """Webhooks cannot open threads or reply, so a follow-up says it is one and quotes
    the headline (escaped) it carries."""
    headline = message.sections[0].title if message.sections else message.text.split("\n")[0]
    headline = headline.removeprefix("Update: ").strip()
    return truncate(f"Follow-up: {inert(headline)}", 2000)


def needs_manage_channels(command: str, workspace: str | None) -> Message:
    if workspace is None:
        text = f"/frpolicy {command} works in a server channel, not in direct messages."
    elif command == "feeds add":
        text = (
            "/frpolicy feeds add changes what policybot watches for everyone, which needs the "
            "Manage Channels permission here. Ask a moderator or admin to add the feed."
        )
    else:
        text = (
            f"/frpolicy {command} changes this channel's alerts, which needs the Manage Channels "
            "permission here. Ask someone with Manage Channels (a moderator or admin) to run it."
        )
    return Message(text=text, ephemeral=True)


def command_failed(command: str) -> Message:
    return Message(
        text=(
            f"/frpolicy {command} failed inside policybot. Try again in a minute; if it keeps "
            "failing, the bot operator can find the error in policybot's log."
        ),
        ephemeral=True,
    )
