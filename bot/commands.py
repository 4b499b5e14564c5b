"""The platform-neutral command core behind ``/frpolicy`` (Slack, Discord) and the CLI.

Adapters parse the platform's payload into a ``Request`` (or pass the raw Slack
text to ``handle_text``), decide ``Caller.can_manage`` with the platform's own
rules, call ``execute`` off the event loop, and render the returned ``Message``.

INTERFACE STUB: implemented by the chat-core work (issue 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.models import Filters, Message
from store import Store

COMMANDS: tuple[str, ...] = (
    "latest", "vendor", "search", "subscribe", "unsubscribe",
    "subscriptions", "feeds", "status", "help",
)  # fmt: skip
MANAGE_COMMANDS: frozenset[str] = frozenset({"subscribe", "unsubscribe"})


class UsageError(ValueError):
    """The command text could not be understood; the message shows the right usage."""


@dataclass(frozen=True)
class Caller:
    platform: str  # "slack" | "discord" | "cli"
    user_id: str
    workspace: str | None = None  # Slack team id / Discord guild id
    channel: str | None = None  # where the command was typed (the subscribe target)
    can_manage: bool = False  # Slack admin or allow-list; Discord Manage Channels


@dataclass(frozen=True)
class Request:
    command: str  # one of COMMANDS
    limit: int | None = None  # latest N
    vendor: str | None = None  # vendor NAME
    query: str | None = None  # search QUERY
    filters: Filters = field(default_factory=Filters)  # subscribe filters


def parse_text(text: str) -> Request:
    """Parse Slack-style text: ``latest 5``, ``vendor amazon``, ``subscribe vendor:amazon action:ban``."""
    raise NotImplementedError


def execute(store: Store, caller: Caller, request: Request) -> Message:
    """Run one command; never raises for user mistakes (returns a Message that says the fix)."""
    raise NotImplementedError


def handle_text(store: Store, caller: Caller, text: str) -> Message:
    """``parse_text`` then ``execute``; a UsageError becomes a help Message."""
    raise NotImplementedError


def vendor_names(store: Store, prefix: str = "", limit: int = 25) -> list[str]:
    """Known vendor names (gazetteer + store) starting with ``prefix``, for autocomplete."""
    raise NotImplementedError
