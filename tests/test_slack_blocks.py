"""The Slack translator: Block Kit shape, limits, and untrusted text kept inert."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.chat.slack.blocks import escape, safe_url
from bot.chat.slack.poster import to_blocks
from bot.models import Field, Link, Message, Section
from tests.fake_slack import validate_blocks

ATTACKS = (
    "<!channel> pay now",
    "<!here|here> look",
    "<!everyone>",
    "ping <@U123ABC> and <#C999|general>",
    "click <https://evil.example|your bank>",
    "@everyone @here @channel wake up",
    "<!subteam^S123>",
)


def alert(title: str = "Acme pauses face search for police", **extra: Any) -> Message:
    section = Section(
        title=title,
        url="https://news.example/acme?id=1&src=rss",
        fields=(
            Field("Vendor", "Acme Vision"),
            Field("Action", "moratorium"),
            Field("Applies to", "police"),
            Field("Effective", "2024-06-01"),
        ),
        quote="Acme said it will pause sales of its face search tool to police for one year.",
        links=(Link("Example News", "https://news.example/acme"),),
        **extra,
    )
    return Message(
        text=f"{title} (Acme Vision, moratorium)", sections=(section,), footer="3 outlets"
    )


def all_text(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text string anywhere in the blocks."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return found


def links_in(text: str) -> list[str]:
    """The control sequences Slack would act on: <…> runs."""
    return re.findall(r"<([^<>]*)>", text)


def test_alert_has_header_fields_quote_links_and_outlets_context() -> None:
    text, blocks = to_blocks(alert())
    kinds = [b["type"] for b in blocks]
    assert kinds == ["header", "section", "section", "context", "context"]
    assert blocks[0]["text"] == {"type": "plain_text", "text": "Acme pauses face search for police"}
    fields = [f["text"] for f in blocks[1]["fields"]]
    assert fields[0] == "*Vendor*\nAcme Vision"
    assert fields[3] == "*Effective*\n2024-06-01"
    assert blocks[2]["text"]["text"].startswith(">Acme said")
    assert links_in(blocks[3]["elements"][0]["text"]) == [
        "https://news.example/acme?id=1&amp;src=rss|Read the report",
        "https://news.example/acme|Example News",
    ]
    assert blocks[4]["elements"][0]["text"] == "3 outlets"
    assert text.startswith("Acme pauses face search")
    assert validate_blocks(blocks) is None


@pytest.mark.parametrize("attack", ATTACKS)
def test_injection_in_title_summary_quote_field_and_footer_is_inert(attack: str) -> None:
    section = Section(
        title=f"Acme {attack}",
        fields=(Field("Vendor", attack), Field(attack, "x")),
        quote=attack,
        body=attack,
        links=(Link(attack, "https://news.example/ok"),),
    )
    message = Message(text=attack, sections=(section, section), footer=attack)
    text, blocks = to_blocks(message)
    for value in [text, *all_text(blocks)]:
        controls = links_in(value)
        # the only control sequence allowed is our own link to the validated URL
        assert all(c.startswith("https://news.example/ok|") for c in controls), value
        assert "<!" not in value and "<@" not in value and "<#" not in value
        assert not re.search(r"@(channel|here|everyone)\b", value, re.I), value
    for block in blocks:
        for obj in [
            block.get("text"),
            *(block.get("fields") or []),
            *(block.get("elements") or []),
        ]:
            if obj and obj["type"] == "mrkdwn":
                assert obj["verbatim"] is True


def test_forged_link_in_label_cannot_break_out() -> None:
    section = Section(title="t", links=(Link("a>|<https://evil.example|b", "https://ok.example/"),))
    _, blocks = to_blocks(Message(text="t", sections=(section,)))
    text = blocks[-1]["elements"][0]["text"]
    assert links_in(text) == ["https://ok.example/|a&gt;¦&lt;https://evil.example¦b"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,hi",
        "https://ok.example/a>b",
        "https://ok.example/a|b",
        "https://ok.example/a b",
        "//no-scheme.example",
        "https:///nohost",
        "",
        None,
    ],
)
def test_only_plain_http_urls_become_links(url: str | None) -> None:
    assert safe_url(url) is None
    section = Section(title="Headline", url=url, links=(Link("Source", url or ""),))
    _, blocks = to_blocks(Message(text="x", sections=(section, section)))
    assert not any(links_in(t) for t in all_text(blocks))


def test_escape_never_cuts_an_entity_in_half() -> None:
    raw = "&" * 5000
    for limit in range(1, 40):
        clipped = escape(raw, limit)
        assert len(clipped) <= limit
        assert re.fullmatch(r"(&amp;)*…", clipped), clipped


def test_limits_are_respected_with_huge_untrusted_text() -> None:
    huge = "<&>" * 3000 + " @channel"
    section = Section(
        title=huge,
        url="https://news.example/" + "a" * 100,
        fields=tuple(Field(huge, huge) for _ in range(14)),
        quote=huge + "\n" + huge,
        body=huge,
        links=tuple(Link(huge, f"https://news.example/{i}") for i in range(80)),
    )
    text, blocks = to_blocks(Message(text=huge, sections=(section,), footer=huge))
    assert validate_blocks(blocks) is None
    assert len(text) <= 3000
    assert len(blocks[0]["text"]["text"]) <= 150
    assert len(blocks[1]["fields"]) == 10
    assert all(len(f["text"]) <= 2000 for f in blocks[1]["fields"])
    for value in [text, *all_text(blocks)]:
        assert len(value) <= 3000
        # no dangling half entity: every & starts a full entity
        assert not re.search(r"&(?!amp;|lt;|gt;)", value), value[-20:]


def test_many_sections_are_capped_at_50_blocks_with_a_note() -> None:
    sections = tuple(
        Section(
            title=f"Event {i}", url=f"https://news.example/{i}", fields=(Field("Vendor", "Acme"),)
        )
        for i in range(40)
    )
    _, blocks = to_blocks(Message(text="latest", sections=sections, footer="40 events"))
    assert len(blocks) <= 50
    assert validate_blocks(blocks) is None
    notes = [b["elements"][0]["text"] for b in blocks if b["type"] == "context"]
    assert notes[-1] == "40 events"
    assert re.fullmatch(r"…and \d+ more not shown\.", notes[-2])
    # list replies link each title instead of using a header
    assert blocks[0]["text"]["text"] == "*<https://news.example/0|Event 0>*"


def test_text_only_message_becomes_one_section() -> None:
    text, blocks = to_blocks(Message(text="Usage: /frpolicy latest [N]\n<b>"))
    assert blocks == [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "Usage: /frpolicy latest [N]\n&lt;b&gt;",
                "verbatim": True,
            },
        }
    ]
    assert text == "Usage: /frpolicy latest [N]\n&lt;b&gt;"


def test_empty_and_control_only_strings_still_make_valid_blocks() -> None:
    section = Section(title="\x01", fields=(Field("Vendor", ""),), body="\x02")
    text, blocks = to_blocks(Message(text="", sections=(section,)))
    assert validate_blocks(blocks) is None
    assert blocks[0]["text"]["text"] == "—"
    assert text
