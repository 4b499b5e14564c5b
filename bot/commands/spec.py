"""The chat commands, declared once: ``/frpolicy``'s subcommands and their options.

Each platform generates its command surface from ``COMMAND_SET``: Discord builds its
app-command group from it (``bot.chat.discord.commands``), the text surface (Slack,
``bot.commands.text``) reads command names from it; every surface turns what the user
typed into the ``Request`` the spec builds, and ``bot.commands.core.execute`` runs it.
Adding a command is one ``CommandSpec`` here plus its handler in ``bot.commands.core``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.models import ACTIONS, Filters
from bot.vocabulary import ACTING

SUBSCRIBABLE_ACTORS: tuple[str, ...] = ACTING  # an actor that acts can be subscribed to
LATEST_DEFAULT, LATEST_MAX = 5, 20
SEARCH_LIMIT = 10
QUERY_MAX = 200


if TYPE_CHECKING:
    from store import Store


class UsageError(ValueError):
    """The command text could not be understood; the message shows the right usage."""


class FeedAdder(Protocol):
    """Adds a feed for ``feeds add URL`` (``bot.sources.manage.FeedAdmin``): checks, one
    trial fetch, save; returns what to tell the user (added, or why not)."""

    def add_from_chat(self, store: Store, url: str, *, added_by: str) -> str: ...


OPERATOR = "cli"  # the ``Caller.platform`` of the command line: sees every subscription
OPERATOR_HINT = "an operator (use `policybot subscriptions` on the server)"


@dataclass(frozen=True)
class Caller:
    platform: str  # a registered chat platform's name, or OPERATOR
    user_id: str
    workspace: str | None = None  # Slack team id / Discord guild id
    channel: str | None = None  # where the command was typed (the subscribe target)
    can_manage: bool = False  # Slack admin or allow-list; Discord Manage Channels
    manage_hint: str = OPERATOR_HINT  # who may manage, in the platform's own words


@dataclass(frozen=True)
class Request:
    command: str  # one of COMMANDS
    limit: int | None = None  # latest N
    vendor: str | None = None  # vendor NAME
    query: str | None = None  # search QUERY
    filters: Filters = field(default_factory=Filters)  # subscribe filters
    ops: bool = False  # subscribe: the ops channel (health messages) instead of alerts
    url: str | None = None  # feeds add URL


@dataclass(frozen=True)
class Option:
    """One option of a command, as every platform offers it."""

    name: str
    kind: type  # int | float | str
    description: str
    required: bool = False
    low: float | None = None  # inclusive bounds of a number
    high: float | None = None
    choices: tuple[str, ...] = ()
    vendor_names: bool = False  # offer known vendor names while the user types


@dataclass(frozen=True)
class CommandSpec:
    name: str
    description: str
    build: Callable[[Mapping[str, Any]], Request]  # option values -> the core's Request
    options: tuple[Option, ...] = ()
    manage: bool = False  # changes this channel's subscription: needs manage rights
    usage: str = ""  # the typed form, for help: "latest [N]" (default: the name)
    summary: str = ""  # what it does, for help (default: the description)
    example: str = ""  # a typed example, for usage errors: "latest 5"
    typed_filters: bool = False  # typed, its words are subscription filters (vendor:X …)

    def __post_init__(self) -> None:
        object.__setattr__(self, "usage", self.usage or self.name)
        object.__setattr__(self, "summary", self.summary or self.description)


def _plain(name: str) -> Callable[[Mapping[str, Any]], Request]:
    return lambda values: Request(name)


def _feed_url(value: Any) -> str | None:
    """``add URL`` typed (Slack) or the URL given (Discord's option) → the URL."""
    words = str(value or "").split()
    if words and words[0].lower() == "add":
        words = words[1:]
    return " ".join(words).strip("<>") or None


def _subscribe(values: Mapping[str, Any]) -> Request:
    vendor, action, actor = values.get("vendor"), values.get("action"), values.get("actor_type")
    filters = Filters(
        vendors=(vendor,) if vendor else (),
        actions=(action,) if action else (),
        actor_types=(actor,) if actor else ("vendor",),
        min_confidence=values.get("min_confidence") or 0.0,
    )
    return Request("subscribe", filters=filters, ops=values.get("kind") == "ops")


SUBSCRIBE_KINDS = ("alerts", "ops")  # what a subscribed channel gets


COMMAND_SET: tuple[CommandSpec, ...] = (
    CommandSpec(
        "latest", "The latest FR vendor policy changes",
        lambda values: Request("latest", limit=values.get("count")),
        (Option("count", int, f"How many events to show (1-{LATEST_MAX})", low=1,
                high=LATEST_MAX),),
        usage="latest [N]",
        example="latest 5",
        summary=f"the N most recent policy events (default {LATEST_DEFAULT}, at most {LATEST_MAX})",
    ),
    CommandSpec(
        "vendor", "One vendor's policy timeline",
        lambda values: Request("vendor", vendor=values["name"]),
        (Option("name", str, "Vendor name, e.g. Amazon", required=True, vendor_names=True),),
        usage="vendor NAME",
        example="vendor Amazon",
        summary="a vendor's current status and timeline, e.g. `vendor Amazon`",
    ),
    CommandSpec(
        "timeline", "One vendor's policy timeline as a chart",
        lambda values: Request("timeline", vendor=values["name"]),
        (Option("name", str, "Vendor name, e.g. Amazon", required=True, vendor_names=True),),
        usage="timeline NAME",
        example="timeline Amazon",
        summary="a vendor's timeline as a chart posted here, e.g. `timeline Amazon`",
    ),
    CommandSpec(
        "search", "Search recorded policy events",
        lambda values: Request("search", query=values["query"]),
        (Option("query", str, "Words to look for, e.g. moratorium police", required=True),),
        usage="search QUERY",
        example="search moratorium police",
        summary="search reports, e.g. `search moratorium police`",
    ),
    CommandSpec(
        "subscribe", "Post alerts in this channel", _subscribe,
        (
            Option("vendor", str, "Only this vendor", vendor_names=True),
            Option("action", str, "Only this action", choices=ACTIONS),
            Option("actor_type", str, "Whose actions (default: vendors)",
                   choices=(*SUBSCRIBABLE_ACTORS, "any")),
            Option("min_confidence", float, "Only findings at least this confident (0-1)",
                   low=0.0, high=1.0),
            Option("kind", str, "alerts (default), or ops: feed health and delivery problems",
                   choices=SUBSCRIBE_KINDS),
        ),
        manage=True,
        usage="subscribe [ops | filters]",
        typed_filters=True,
        summary="alert this channel; filters: vendor:Amazon action:ban actor:government min:0.7 "
        "(repeatable; --vendor X also works); `subscribe ops`: feed health, delivery problems "
        "and a weekly summary instead of alerts",
    ),
    CommandSpec("unsubscribe", "Stop alerts in this channel", _plain("unsubscribe"), manage=True,
                summary="stop alerts in this channel"),
    CommandSpec("subscriptions", "Subscriptions in this server", _plain("subscriptions"),
                summary="subscriptions in this workspace"),
    CommandSpec(
        "feeds", "The sources policybot watches; add one (admins)",
        lambda values: Request("feeds", url=_feed_url(values.get("add"))),
        (Option("add", str, "A feed address to add (admins; fetched once first)"),),
        usage="feeds [add URL]",
        example="feeds add https://example.org/feed.xml",
        summary="sources and their health; admins: add a feed (fetched once first)",
    ),
    CommandSpec(
        "page", "A watched policy page's last change (no name: the watched pages)",
        lambda values: Request("page", query=values.get("name")),
        (Option("name", str, "Page name, or part of it, e.g. Azure Face"),),
        usage="page [NAME]", example="page Azure Face",
        summary="a watched policy page's last change, e.g. `page Azure Face` (no name: all)",
    ),
    CommandSpec("status", "Feed health and failing subscriptions", _plain("status"),
                summary="feed health, delivery queue, failing subscriptions, last poll"),
    CommandSpec("help", "How to use /frpolicy", _plain("help"), summary="this list"),
)  # fmt: skip
COMMANDS: tuple[str, ...] = tuple(spec.name for spec in COMMAND_SET)
MANAGE_COMMANDS: frozenset[str] = frozenset(spec.name for spec in COMMAND_SET if spec.manage)


def needs_manage(request: Request) -> bool:
    """Whether running ``request`` needs manage rights (changing subscriptions or feeds)."""
    return request.command in MANAGE_COMMANDS or (request.command == "feeds" and bool(request.url))
