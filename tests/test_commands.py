"""The command core: parsing Slack text, permissions, validation, every subcommand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.chat.discord.runtime import MANAGE_HINT as DISCORD_HINT
from bot.chat.slack.runtime import MANAGE_HINT as SLACK_HINT
from bot.commands.core import execute, handle_text, vendor_names
from bot.commands.spec import Caller, Request, UsageError
from bot.commands.text import parse_text
from bot.delivery.routes import route
from bot.models import Destination, FeedConfig, Filters
from store import Store
from store import feeds as feeds_store
from store import state as state_store
from store import subscriptions as subscriptions_store
from tests.chat_fixtures import T0, Newsroom, open_store

ADMIN = Caller("slack", "U1", workspace="T1", channel="C1", can_manage=True,
              manage_hint=SLACK_HINT)  # fmt: skip
MEMBER = Caller("slack", "U2", workspace="T1", channel="C1", can_manage=False,
               manage_hint=SLACK_HINT)  # fmt: skip
HERE = Destination("slack", channel="C1", workspace="T1")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store(tmp_path)
    news = Newsroom(store)
    news.report("Amazon", source="Outlet A")
    news.report("Amazon", source="Outlet B", hours=1)
    news.report("Microsoft", hours=5)
    return store


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Request("help")),
        ("help", Request("help")),
        ("LATEST", Request("latest")),
        ("latest 7", Request("latest", limit=7)),
        ("vendor Clearview AI", Request("vendor", vendor="Clearview AI")),
        ("search police  moratorium", Request("search", query="police moratorium")),
        ("subscribe", Request("subscribe", filters=Filters())),
        (
            'subscribe vendor:amazon vendor:"Clearview AI" action:ban,exit actor:government min:0.7',
            Request("subscribe", filters=Filters(vendors=("amazon", "Clearview AI"),
                    actions=("ban", "exit"), actor_types=("government",), min_confidence=0.7)),
        ),
        (
            "subscribe --vendor IBM --action=moratorium --actor-type court --min-confidence 0.5",
            Request("subscribe", filters=Filters(vendors=("IBM",), actions=("moratorium",),
                    actor_types=("court",), min_confidence=0.5)),
        ),
        ("subscribe vendor:Clearview AI", Request("subscribe", filters=Filters(vendors=("Clearview AI",)))),
        ("unsubscribe", Request("unsubscribe")),
        ("status", Request("status")),
    ],
)  # fmt: skip
def test_parse_text(text: str, expected: Request) -> None:
    assert parse_text(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("frobnicate", "Unknown command"),
        ("latest five", "latest [N]"),
        ("latest -3", "latest [N]"),
        ("vendor", "vendor NAME"),
        ("search", "search QUERY"),
        ("subscribe loud", "vendor:Amazon"),
        ("subscribe colour:red", "Unknown filter"),
        ("subscribe min:high", "number from 0 to 1"),
        ("subscribe --vendor", "needs a value"),
        ("status now", "takes no arguments"),
    ],
)
def test_parse_errors_say_the_fix(text: str, says: str) -> None:
    with pytest.raises(UsageError, match=re.escape(says)):
        parse_text(text)


def test_handle_text_turns_mistakes_into_help(store: Store) -> None:
    message = handle_text(store, MEMBER, 'search "Rekognition')  # unbalanced quote
    assert "result" in message.text and "Rekognition" in message.text
    message = handle_text(store, MEMBER, "frobnicate now")
    assert message.text.startswith("Unknown command “frobnicate”")
    assert "/frpolicy latest [N]" in message.text


def test_non_manager_cannot_subscribe_or_unsubscribe(store: Store) -> None:
    for command in ("subscribe", "unsubscribe"):
        message = execute(store, MEMBER, Request(command))
        assert "Only a workspace admin or a user listed under slack.admins" in message.text
    discord = Caller("discord", "1", workspace="2", channel="123456789012345678",
                     manage_hint=DISCORD_HINT)  # fmt: skip
    assert "Manage Channels" in execute(store, discord, Request("subscribe")).text
    assert subscriptions_store.list_subscriptions(store) == []


def test_subscribe_validates_and_canonicalises(store: Store) -> None:
    message = handle_text(store, ADMIN, "subscribe action:banana actor:alien vendor:Amazzon")
    assert message.text.startswith("Not subscribed.")
    assert "Valid actions: moratorium, extension, ban" in message.text
    assert "Valid: vendor, government, regulator, court" in message.text
    assert "Unknown vendor “Amazzon”. Did you mean Amazon" in message.text
    assert subscriptions_store.list_subscriptions(store) == []

    message = handle_text(
        store, ADMIN, "subscribe vendor:aws vendor:AMAZON action:BAN actor:any min:7"
    )
    assert message.text.startswith("Subscribed")
    sub = subscriptions_store.find(store, HERE)
    assert sub is not None and sub.origin == "chat" and sub.destination.workspace == "T1"
    assert sub.filters == Filters(vendors=("Amazon",), actions=("ban",),
                                  actor_types=("vendor", "government", "regulator", "court"),
                                  min_confidence=1.0)  # fmt: skip
    # subscribing again updates in place
    assert handle_text(store, ADMIN, "subscribe").text.startswith("Updated")
    assert len(subscriptions_store.list_subscriptions(store)) == 1


def test_resubscribing_a_failing_channel_resumes_it(store: Store) -> None:
    sub = subscriptions_store.add(store, HERE, Filters(), origin="chat")
    subscriptions_store.mark_failing(store, sub.id, "not_in_channel")
    assert "FAILING: not_in_channel" in handle_text(store, MEMBER, "subscriptions").text
    assert "not_in_channel" in handle_text(store, MEMBER, "status").text
    assert "Delivery resumes" in handle_text(store, ADMIN, "subscribe").text
    resumed = subscriptions_store.find(store, HERE)
    assert resumed is not None and resumed.status == "active"


def test_unsubscribe_and_config_managed_channels(store: Store) -> None:
    assert "no subscription" in handle_text(store, ADMIN, "unsubscribe").text
    handle_text(store, ADMIN, "subscribe")
    assert handle_text(store, ADMIN, "unsubscribe").text.startswith("Unsubscribed")
    assert subscriptions_store.find(store, HERE) is None
    subscriptions_store.add(store, HERE, Filters(), origin="config")
    for text in ("subscribe", "unsubscribe"):
        assert "managed in feeds.yaml" in handle_text(store, ADMIN, text).text
    assert subscriptions_store.find(store, HERE) is not None


def test_cli_caller_cannot_subscribe_a_channel_it_is_not_in(store: Store) -> None:
    cli = Caller("cli", "operator", can_manage=True)
    assert "policybot subscriptions add DEST" in execute(store, cli, Request("subscribe")).text


def test_subscriptions_are_scoped_to_the_workspace(store: Store) -> None:
    subscriptions_store.add(store, HERE, Filters(), origin="chat")
    subscriptions_store.add(
        store, Destination("slack", channel="C9", workspace="TOTHER"), Filters()
    )
    subscriptions_store.add(store, Destination("discord", channel="123456789012345678"), Filters())
    text = handle_text(store, MEMBER, "subscriptions").text
    assert "slack:T1/C1" in text and "TOTHER" not in text and "discord" not in text
    cli = execute(store, Caller("cli", "op"), Request("subscriptions")).text
    assert "TOTHER" in cli and "discord:123456789012345678" in cli


def test_latest_vendor_search(store: Store) -> None:
    Newsroom(store).report("IBM", relevant=False, hours=9)  # not a policy change: not listed
    latest = handle_text(store, MEMBER, "latest")
    assert [s.title for s in latest.sections] == [
        "Microsoft bans Azure Face for police", "Amazon pauses Rekognition for police"]  # fmt: skip
    clamped = handle_text(store, MEMBER, "latest 500")
    assert clamped.footer == "Showing 20 (between 1 and 20)."
    timeline = handle_text(store, MEMBER, "vendor aws")  # an alias finds the canonical vendor
    assert timeline.text.startswith("Amazon: ") and "Amazon pauses Rekognition" in timeline.text
    missing = handle_text(store, MEMBER, "vendor Microsof")
    assert "No events recorded" in missing.text and "Did you mean Microsoft" in missing.text
    found = handle_text(store, MEMBER, "search Rekognition")
    assert "Rekognition" in found.text and found.sections


def test_feeds_status_help(store: Store) -> None:
    feed = FeedConfig(id="news", name="Example News", url="https://news.example.org/rss",
                      kind="news", interval=900)  # fmt: skip
    feeds_store.sync_feeds(store, [feed], now=T0)
    state_store.set_value(store, "last_poll_at", "2026-11-02T09:00:00+00:00")
    sub = subscriptions_store.add(store, HERE, Filters(), origin="chat")
    route(store, Newsroom(store).report("IBM"), alertable=True)
    assert "Example News" in handle_text(store, MEMBER, "feeds").text
    status = handle_text(store, MEMBER, "status").text
    assert "1 feed: 1 new" in status
    assert "1 pending (1 due now)" in status and "2026-11-02T09:00:00" in status
    assert sub.id and "/frpolicy subscribe" in handle_text(store, MEMBER, "help").text


def test_vendor_names_for_autocomplete(store: Store) -> None:
    names = vendor_names(store, "am")
    assert names[0] == "Amazon"
    assert "Microsoft" in vendor_names(store, "", 100)
    assert len(vendor_names(store, "", 3)) == 3
    assert vendor_names(store, "zzzz") == []


def test_every_declared_command_has_a_handler_and_a_text_form() -> None:
    from bot.commands import core
    from bot.commands.spec import COMMAND_SET

    assert [spec.name for spec in COMMAND_SET] == list(core._HANDLERS)
    for spec in COMMAND_SET:
        required = " ".join("x" for option in spec.options if option.required)
        assert parse_text(f"{spec.name} {required}".strip()).command == spec.name


async def test_platform_surfaces_are_generated_from_the_declaration() -> None:
    from bot.chat.discord.commands import command, frpolicy_group
    from bot.commands.spec import COMMAND_SET, CommandSpec, Option
    from bot.commands.text import _typed

    asked: list[Request] = []

    async def respond(interaction: object, request: Request) -> None:
        asked.append(request)

    async def complete(interaction: object, current: str) -> list[object]:
        return []

    group = frpolicy_group(respond, complete)  # type: ignore[arg-type]
    for spec in COMMAND_SET:
        generated = group.get_command(spec.name)
        assert generated is not None and generated.name == spec.name
        params = {p.name: p for p in generated.parameters}  # type: ignore[union-attr]
        assert list(params) == [o.name for o in sorted(spec.options, key=lambda o: not o.required)]
        for option in spec.options:
            assert params[option.name].required == option.required
            assert [c.value for c in params[option.name].choices] == list(option.choices)
    # a new command is one declaration: Discord and the typed surface follow
    echo = CommandSpec("echo", "Say it back", lambda v: Request("search", query=v.get("words")),
                       (Option("words", str, "What to say", required=True),),
                       usage="echo WORDS", example="echo hello")  # fmt: skip
    await command(echo, respond, complete).callback(object(), words="hi there")  # type: ignore[arg-type, call-arg]
    assert asked == [Request("search", query="hi there")]
    assert _typed(echo, ["hi", "there"]) == asked[0]
    with pytest.raises(UsageError, match=re.escape("Usage: echo WORDS, e.g. `echo hello`.")):
        _typed(echo, [])
