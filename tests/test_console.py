"""The console poster: readable alerts, follow-ups indented, feed text made inert."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

from bot.chat.console import ConsolePoster, clean
from bot.delivery import render
from bot.models import Destination, Event, EventUpdate, Mention

WHEN = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
CONSOLE = Destination("console")
EVENT = Event(
    id=1, key="k", relevant=True, actor_type="vendor", vendor="Microsoft", product="Azure Face",
    action="ban", applies_to="police", region=None, effective=None, duration=None,
    title="Microsoft bans police use of Azure Face",
    evidence="Microsoft said it will not sell Azure Face to police.",
    link="https://outlet.example.org/story", confidence=0.9, first_reported=WHEN,
    mentions=(Mention(1, "The Outlet", "Microsoft bans police use of Azure Face",
                      "https://outlet.example.org/story", WHEN),),
)  # fmt: skip


async def test_alert_shows_vendor_action_headline_link_and_evidence() -> None:
    out = io.StringIO()
    poster = ConsolePoster(out)
    posted = await poster.post(CONSOLE, render.alert(EVENT))
    text = out.getvalue()
    for part in ("Microsoft bans Azure Face for police", "Action: Ban", "Vendor: Microsoft",
                 "Microsoft bans police use of Azure Face (The Outlet)",
                 "link: https://outlet.example.org/story",
                 "evidence: “Microsoft said it will not sell Azure Face to police.”",
                 "1 outlet · first reported 2026-03-04"):  # fmt: skip
        assert part in text
    assert posted.ref and posted.thread_ref == posted.ref and posted.channel == "console"
    second = await poster.post(CONSOLE, render.alert(EVENT))
    assert second.ref != posted.ref


async def test_follow_ups_are_indented_under_the_alert() -> None:
    out = io.StringIO()
    poster = ConsolePoster(out)
    parent = await poster.post(CONSOLE, render.alert(EVENT))
    late = Mention(2, "Second Outlet", "Another story", "https://second.example.org/s", WHEN)
    up = EventUpdate(id=1, event_id=1, seq=1, kind="mention", entry_id=2, detail={})
    out.truncate(0)
    out.seek(0)
    reply = await poster.post(CONSOLE, render.update(EVENT, up, late), thread=parent)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("    ↳ Also reported by Second Outlet")
    assert all(line.startswith("      ") for line in lines[1:])
    assert reply.thread_ref == parent.ref
    await poster.edit(
        CONSOLE, parent, render.alert(replace(EVENT, source_count=2, mention_count=2))
    )
    assert f"(alert {parent.ref} now: 2 outlets" in out.getvalue()
    out.truncate(0)
    out.seek(0)
    await poster.edit(  # the same counts again: nothing new to note
        CONSOLE, parent, render.alert(replace(EVENT, source_count=2, mention_count=2))
    )
    assert out.getvalue() == ""


async def test_escape_sequences_and_controls_from_feeds_are_stripped() -> None:
    hostile = replace(
        EVENT,
        title="\x1b[2J\x1b[31mRED\x1b[0m headline\x1b]0;pwned title\x07 \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
        evidence="evidence\x08\x08\x08\x07 with \u202eoverride\u202c and\r\nfake line\x9b31m",
        vendor="Micro\x1bcsoft",
    )  # fmt: skip
    out = io.StringIO()
    await ConsolePoster(out).post(CONSOLE, render.alert(hostile))
    text = out.getvalue()
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text and "\x08" not in text
    assert "\u202e" not in text and "\r" not in text
    assert "RED headline" in text and "pwned" not in text and "click" in text
    assert "evidence with override and fake line" in text


def test_clean_keeps_ordinary_text() -> None:
    assert (
        clean("Amazon’s moratorium — 1 year, über café 面部识别")
        == "Amazon’s moratorium — 1 year, über café 面部识别"
    )
    assert clean("a\nb", multiline=True) == "a\nb"
    assert clean("a\nb") == "a b"
