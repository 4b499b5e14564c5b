"""Slack's error codes → what the operator reads: the destination and the fix.

Pure text and header parsing; ``bot.chat.slack.poster`` maps the SDK's errors through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
STALE_MESSAGE = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})


def retry_after(headers: Mapping[str, Any] | None, default: float = 1.0) -> float:
    for name, value in (headers or {}).items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) and value else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return default
    return default
