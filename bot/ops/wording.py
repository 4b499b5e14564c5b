"""The ops channel's messages, as neutral ``Message``s (each platform translates them),
and their JSON form in ``ops_notices``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from bot.models import Field, Link, Message, Section
from bot.ops.watch import OK, Change

HEADLINES = {
    ("feed", "failing"): "Feed failing: {name}",
    ("feed", "gone"): "Feed gone: {name}",
    ("feed", "moved"): "Feed moved: {name}",
    ("feed", OK): "Feed recovered: {name}",
    ("destination", "failing"): "Deliveries failing: {name}",
    ("destination", OK): "Deliveries recovered: {name}",
    ("outbox", "backed_up"): "The outbox is backing up",
    ("outbox", OK): "The outbox is back to normal",
}
FIXES = {
    ("feed", "failing"): "`policybot feeds` shows its health; fix or remove its url in feeds.yaml.",
    ("feed", "gone"): "The server says it is not there: replace or remove it in feeds.yaml.",
    ("feed", "moved"): "It redirects permanently; put the new address in feeds.yaml.",
    ("destination", "failing"): "`policybot outbox` shows what waits; re-add the destination "
    "with `policybot subscriptions add` once fixed.",
    ("outbox", "backed_up"): "`policybot outbox` shows what waits and where; `policybot "
    "doctor` checks the rest.",
}


def _kind(subject: str) -> str:
    return subject.split(":", 1)[0]


def change_message(change: Change) -> Message:
    obs = change.observation
    kind = _kind(obs.subject)
    title = HEADLINES.get((kind, obs.state), "{name}: " + obs.state).format(name=obs.name)
    body = obs.detail or None
    if obs.state == OK:
        body = f"was {change.before.replace('_', ' ')}; now working again."
    fix = FIXES.get((kind, obs.state))
    section = Section(title=title, body=body, fields=(Field("What to do", fix),) if fix else ())
    return Message(text=_plain(title, body, fix), sections=(section,), ephemeral=False)


def grouped_message(items: Sequence[Change]) -> Message:
    """Many changes in one check: one message listing them."""
    title = f"{len(items)} health changes"
    lines = []
    for change in items[:20]:
        obs = change.observation
        head = HEADLINES.get((_kind(obs.subject), obs.state), "{name}: " + obs.state)
        lines.append("• " + head.format(name=obs.name) + (f" ({obs.detail})" if obs.detail
                                                             and obs.state != OK else ""))  # fmt: skip
    if len(items) > 20:
        lines.append(f"• and {len(items) - 20} more: `policybot feeds` and `policybot outbox`")
    body = "\n".join(lines)
    return Message(text=f"{title}\n{body}", sections=(Section(title=title, body=body),),
                   ephemeral=False)  # fmt: skip


def weekly_message(
    week_from: datetime, feeds: Mapping[str, int], counts: Mapping[str, int], waiting: int,
    troubled: Sequence[str],
) -> Message:  # fmt: skip
    title = f"Weekly health summary (since {week_from:%Y-%m-%d %H:%M} UTC)"
    states = ", ".join(f"{n} {status}" for status, n in sorted(feeds.items())) or "none"
    fields = (
        Field("Feeds", states),
        Field("New entries", str(counts.get("entries", 0))),
        Field("New events", str(counts.get("events", 0))),
        Field("Deliveries sent", str(counts.get("sent", 0))),
        Field("Deliveries failed", str(counts.get("failed", 0))),
        Field("Waiting in the outbox", str(waiting)),
    )
    body = ("Needing attention: " + ", ".join(troubled[:10]) + ("…" if len(troubled) > 10 else "")
            if troubled else "Nothing needs attention.")  # fmt: skip
    text = "\n".join([title, *(f"{f.name}: {f.value}" for f in fields), body])
    return Message(text=text, sections=(Section(title=title, fields=fields, body=body),),
                   ephemeral=False)  # fmt: skip


def _plain(title: str, body: str | None, fix: str | None) -> str:
    return "\n".join(part for part in (title, body, fix) if part)


def to_json(message: Message) -> dict[str, Any]:
    return asdict(message)


def from_json(data: Mapping[str, Any]) -> Message:
    sections = tuple(
        Section(
            title=s["title"], url=s.get("url"), quote=s.get("quote"), body=s.get("body"),
            fields=tuple(Field(**f) for f in s.get("fields") or ()),
            links=tuple(Link(**link) for link in s.get("links") or ()),
        )
        for s in data.get("sections") or ()
    )  # fmt: skip
    return Message(text=str(data["text"]), sections=sections, footer=data.get("footer"),
                   accent=data.get("accent"), ephemeral=bool(data.get("ephemeral")))  # fmt: skip
