"""The pure Message → Discord embed translator: limits, colours, inert feed text."""

from __future__ import annotations

import re

import discord

from bot.chat.discord.embeds import (
    DEFAULT_COLOUR,
    DESCRIPTION_MAX,
    EMBEDS_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    TOTAL_MAX,
    embeds_length,
    safe_url,
    to_embeds,
    truncate,
)
from bot.chat.discord.text import INVITE_PERMISSIONS, thread_name
from bot.models import ACTIONS, Field, Link, Message, Section
from bot.vocabulary import ACTION_INFO, Action

MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")


def alert(**overrides: object) -> Message:
    section = Section(
        title="Examplecorp pauses police use of FaceMatch",
        url="https://news.example.org/examplecorp-pause",
        fields=(
            Field("Vendor", "Examplecorp"),
            Field("Action", "moratorium"),
            Field("Applies to", "police"),
            Field("Effective", "2024-03-01"),
        ),
        quote="Examplecorp said it would pause sales of FaceMatch to police for one year.",
    )
    values: dict[str, object] = {
        "text": "Examplecorp pauses police use of FaceMatch",
        "sections": (section,),
        "footer": "3 outlets",
        "accent": "moratorium",
    }
    values.update(overrides)
    return Message(**values)  # type: ignore[arg-type]


def check_limits(embeds: list[dict[str, object]]) -> None:
    assert 1 <= len(embeds) <= EMBEDS_MAX
    assert embeds_length(embeds) <= TOTAL_MAX
    for embed in embeds:
        assert len(str(embed.get("title", ""))) <= TITLE_MAX
        assert len(str(embed.get("description", ""))) <= DESCRIPTION_MAX
        fields = embed.get("fields", [])
        assert isinstance(fields, list) and len(fields) <= FIELDS_MAX
        for field in fields:
            assert 1 <= len(field["name"]) <= FIELD_NAME_MAX
            assert 1 <= len(field["value"]) <= FIELD_VALUE_MAX
        footer = embed.get("footer")
        if isinstance(footer, dict):
            assert len(footer["text"]) <= FOOTER_MAX
        # discord.py counts the same way Discord does; it must agree with our count
    assert sum(len(discord.Embed.from_dict(e)) for e in embeds) == embeds_length(embeds)


def test_alert_embed_has_linked_title_fields_quote_footer_and_colour() -> None:
    [embed] = to_embeds(alert())
    assert embed["title"] == "Examplecorp pauses police use of FaceMatch"
    assert embed["url"] == "https://news.example.org/examplecorp-pause"
    names = [f["name"] for f in embed["fields"]]
    assert names == ["Vendor", "Action", "Applies to", "Effective"]
    assert embed["description"].startswith("> Examplecorp said it would pause sales")
    assert embed["footer"] == {"text": "3 outlets"}
    assert embed["color"] == ACTION_INFO[Action.MORATORIUM].colour
    check_limits([embed])


def test_each_action_has_its_own_colour_and_unknown_is_neutral() -> None:
    colours = {to_embeds(alert(accent=action))[0]["color"] for action in ACTIONS}
    assert len(colours) == len(ACTIONS)
    assert DEFAULT_COLOUR not in colours
    assert to_embeds(alert(accent=None))[0]["color"] == DEFAULT_COLOUR


def test_oversized_texts_are_truncated_within_every_limit() -> None:
    big = "word " * 3000
    section = Section(
        title=big,
        url="https://news.example.org/x",
        fields=tuple(Field(big[:400], big) for _ in range(40)),
        quote=big,
        body=big,
    )
    message = Message(text=big, sections=(section,) * 14, footer=big, accent="ban")
    embeds = to_embeds(message)
    check_limits(embeds)
    assert len(embeds) == EMBEDS_MAX
    assert embeds[-1]["title"].startswith("… and 5 more")
    assert embeds_length(embeds) > TOTAL_MAX - 600  # shortened, not emptied
    assert embeds[0]["title"].endswith("…")


def test_single_long_evidence_keeps_the_description_limit() -> None:
    quote = "x" * 9000
    [embed] = to_embeds(alert(sections=(Section(title="t", quote=quote),)))
    assert len(embed["description"]) == DESCRIPTION_MAX
    assert embed["description"].endswith("…")
    check_limits([embed])


def test_message_without_sections_uses_the_text() -> None:
    [embed] = to_embeds(Message(text="No events yet. Try /frpolicy feeds."))
    assert embed["description"] == "No events yet. Try /frpolicy feeds."
    assert "title" not in embed


def test_mentions_in_feed_text_are_neutralised_everywhere() -> None:
    hostile = "@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678>"
    section = Section(
        title=hostile,
        fields=(Field(hostile, hostile),),
        quote=hostile,
        body=hostile,
        links=(Link(hostile, "https://example.org/a"),),
    )
    [embed] = to_embeds(Message(text=hostile, sections=(section,), footer=hostile))
    texts = [embed["title"], embed["description"], embed["footer"]["text"]]
    texts += [f["name"] for f in embed["fields"]] + [f["value"] for f in embed["fields"]]
    for text in texts:
        assert "everyone" in text  # still readable …
        assert not MENTION.search(text), text  # … but never a mention


def test_markdown_cannot_forge_a_masked_link() -> None:
    forged = "[click here](https://evil.example/steal) **bold** `code`"
    section = Section(title=forged, body=forged, fields=(Field("Vendor", forged),))
    [embed] = to_embeds(Message(text=forged, sections=(section,)))
    for text in (embed["title"], embed["description"], embed["fields"][0]["value"]):
        assert "](" not in text.replace("\\](", "")
        assert "\\[click here\\]" in text


def test_links_are_ours_and_only_http() -> None:
    section = Section(
        title="t",
        url="javascript:alert(1)",
        links=(
            Link("Source", "https://example.org/a_(b)"),
            Link("Bad", "javascript:alert(1)"),
            Link("Sneaky", "https://user@evil.example/"),
        ),
    )
    [embed] = to_embeds(Message(text="t", sections=(section,)))
    assert "url" not in embed
    assert "[Source](https://example.org/a_%28b%29)" in embed["description"]
    assert "javascript:" not in embed["description"]
    assert "evil.example" not in embed["description"]
    assert safe_url("http://example.org/x") == "http://example.org/x"
    assert safe_url("https://exa mple.org") is None
    assert safe_url("ftp://example.org") is None


def test_truncate_never_leaves_a_dangling_escape() -> None:
    assert truncate("abc", 5) == "abc"
    assert truncate("abcdef", 4) == "abc…"
    cut = truncate("ab\\*cd", 4)
    assert len(cut) <= 4 and not cut.rstrip("…").endswith("\\")


def test_empty_field_values_are_filled() -> None:
    [embed] = to_embeds(Message(text="t", sections=(Section("t", fields=(Field("", ""),)),)))
    assert embed["fields"][0]["name"] and embed["fields"][0]["value"]


def test_invite_permissions_integer_matches_discord() -> None:
    perms = discord.Permissions(
        view_channel=True,
        send_messages=True,
        send_messages_in_threads=True,
        create_public_threads=True,
        embed_links=True,
        read_message_history=True,
    )
    assert perms.value == INVITE_PERMISSIONS == 309237730304


def test_thread_name_is_plain_and_short() -> None:
    name = thread_name(alert(sections=(Section(title="line\nbreak " + "x" * 300),)))
    assert len(name) <= 100 and "\n" not in name and name.startswith("Updates: line break")
