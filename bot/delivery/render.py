"""Neutral messages: what an alert, an update or a command reply says.

Every function here is pure and returns a ``bot.models.Message`` in plain text;
each platform translator (Block Kit, Discord embeds, console) escapes it. URLs
are passed on only when they are http(s).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from bot.delivery.links import safe_url
from bot.models import (
    Destination,
    Event,
    EventUpdate,
    Field,
    Link,
    Mention,
    Message,
    SearchHit,
    Section,
    Subscription,
)
from bot.vocabulary import action_info, actor_info, applies_info

MAX_SOURCE_LINKS = 5


# --------------------------------------------------------------------------- words


def action_label(action: str | None) -> str:
    return (action or "policy change").replace("_", " ").capitalize()


def applies_label(applies_to: str | None) -> str:
    if not applies_to:
        return "not stated"
    info = applies_info(applies_to)
    return info.label if info else applies_to.replace("_", " ")


def headline(event: Event) -> str:
    """``Amazon pauses Rekognition for police``: who, what, on what, for whom."""
    actor = actor_info(event.actor_type)
    if actor is None or not actor.authority:
        subject = event.vendor or "A vendor"
        target = event.product or "facial recognition"
    else:
        subject = actor.label
        target = event.product or event.vendor or "facial recognition"
    action = action_info(event.action)
    verb = action.verb if action else "changes its policy on"
    title = f"{subject} {verb} {target}"
    if event.applies_to:
        title += f" for {applies_label(event.applies_to)}"
    return title


def day(value: datetime | date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "unknown"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def one_line(text: str | None, limit: int = 300) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- alerts


def _lead(event: Event) -> Mention | None:
    for mention in event.mentions:
        if mention.primary:
            return mention
    return event.mentions[0] if event.mentions else None


def _fields(event: Event) -> tuple[Field, ...]:
    fields = [
        Field("Vendor", event.vendor or "unknown"),
        Field("Product", event.product or ""),
        Field("Action", action_label(event.action)),
        Field("Applies to", applies_label(event.applies_to)),
        Field("Effective", event.effective.isoformat() if event.effective else ""),
        Field("Duration", event.duration or ""),
        Field("Region", event.region or ""),
        Field("Primary source", _primary_source(event)),
    ]
    actor = actor_info(event.actor_type)
    if actor is None or actor.authority:  # a vendor's own move needs no "Actor" field
        fields.insert(0, Field("Actor", actor.label if actor else event.actor_type))
    return tuple(f for f in fields if f.value)


def _primary_source(event: Event) -> str:
    """The vendor's own words among the reports (its newsroom or a watched policy page)."""
    return next((one_line(m.source, 80) for m in event.mentions if m.primary and m.source), "")


def _source_links(event: Event) -> tuple[Link, ...]:
    links: list[Link] = []
    seen: set[str] = set()
    for mention in sorted(event.mentions, key=lambda m: not m.primary):
        url = safe_url(mention.link)
        if url and url not in seen:
            seen.add(url)
            links.append(Link(one_line(mention.source or "source", 80), url))
        if len(links) >= MAX_SOURCE_LINKS:
            break
    if not links and safe_url(event.link):
        links.append(Link("source", str(safe_url(event.link))))
    return tuple(links)


def outlet_credit(mention: Mention) -> str:
    """``Reuters, via Google News - face recognition``: the publisher, and the feed it
    came through when that is someone else's (an aggregator or a curated feed)."""
    outlet = one_line(mention.source, 80)
    via = one_line(mention.via, 80)
    if via and via.casefold() != outlet.casefold() and outlet:
        return f"{outlet}, via {via}"
    return outlet or via


def outlets(event: Event, limit: int = 3) -> str:
    """The event's first few distinct outlets, ``Reuters, AP News +2``."""
    names = list(dict.fromkeys(one_line(m.source, 60) for m in event.mentions if m.source))
    if not names:
        return ""
    shown = ", ".join(names[:limit])
    more = event.source_count - min(len(names), limit)
    return f"{shown} +{more}" if more > 0 else shown


def footer(event: Event) -> str:
    parts = [plural(event.source_count, "outlet")]
    if event.mention_count != event.source_count:
        parts.append(plural(event.mention_count, "report"))
    parts.append(f"first reported {day(event.first_reported)}")
    return " · ".join(parts)


def alert(event: Event) -> Message:
    """The alert for one event (also used to re-render it when mentions arrive)."""
    lead = _lead(event)
    url = safe_url(lead.link if lead else None) or safe_url(event.link)
    story = one_line(event.title, 500)
    credit = outlet_credit(lead) if lead else ""
    body = f"{story} ({credit})" if credit else story
    section = Section(
        title=headline(event),
        url=url,
        fields=_fields(event),
        quote=one_line(event.evidence, 1000) or None,
        body=body,
        links=_source_links(event),
    )
    lines = [headline(event), body]
    if url:
        lines.append(url)
    if section.quote:
        lines.append(f"“{section.quote}”")
    foot = footer(event)
    lines.append(foot)
    return Message(
        text="\n".join(lines),
        sections=(section,),
        footer=foot,
        accent=event.action,
        ephemeral=False,
    )


def update(event: Event, update: EventUpdate, mention: Mention | None) -> Message:
    """A follow-up for the alert's thread: a new outlet (and which fields changed)."""
    detail = update.detail if isinstance(update.detail, Mapping) else {}
    source = one_line((mention.source if mention else detail.get("source")) or "another outlet", 80)
    story = one_line(str((mention.title if mention else detail.get("title")) or ""), 500)
    url = safe_url(mention.link if mention else detail.get("link"))
    changes = _changes(detail) if update.kind == "field" else []
    if changes:
        title = f"Update: {'; '.join(changes)}"
        body = f"Reported by {source}: {story}" if story else f"Reported by {source}"
    elif detail.get("new_outlet", True):
        title = f"Also reported by {source}"
        body = story
    else:  # the same outlet again, with something new to tell
        title = f"More from {source}"
        body = story
    section = Section(title=one_line(title, 250), url=url, body=body or None,
                      links=(Link(source, url),) if url else ())  # fmt: skip
    text = "\n".join(x for x in (title, body, url or "") if x)
    foot = footer(event)
    return Message(text=f"{text}\n{foot}", sections=(section,), footer=foot,
                   accent=event.action, ephemeral=False)  # fmt: skip


def _changes(detail: Mapping[str, Any]) -> list[str]:
    """Readable "field: old → new" lines from an update's detail (shape-tolerant)."""
    if not isinstance(detail, Mapping):
        return []
    items: list[Any] = []
    for key in ("changes", "fields"):
        value = detail.get(key)
        if isinstance(value, Mapping):
            items = [{"field": k, **(v if isinstance(v, Mapping) else {"new": v})}
                     for k, v in value.items()]  # fmt: skip
        elif isinstance(value, list):
            items = [v if isinstance(v, Mapping) else {"field": v} for v in value]
        if items:
            break
    if not items and "field" in detail:
        items = [detail]
    lines = []
    for item in items:
        name = str(item.get("field") or item.get("name") or "field").replace("_", " ")
        old, new = item.get("old"), item.get("new", item.get("value"))
        if old not in (None, "") and new not in (None, ""):
            lines.append(f"{name}: {one_line(str(old), 120)} → {one_line(str(new), 120)}")
        elif new not in (None, ""):
            lines.append(f"{name}: {one_line(str(new), 120)}")
        else:
            lines.append(f"{name} changed")
    return lines


# --------------------------------------------------------------------------- lists


def _event_row(event: Event) -> Section:
    meta = f"{day(event.first_reported)} · {plural(event.source_count, 'outlet')}"
    if event.mentions:
        meta += f": {outlets(event)}"
    return Section(
        title=headline(event),
        url=safe_url(event.link),
        body=f"{one_line(event.title, 300)}\n{meta}",
    )


def latest(events: Sequence[Event]) -> Message:
    if not events:
        return notice(
            "No policy events recorded yet. Run `policybot poll` or wait for the next poll."
        )
    text = "\n".join(f"{day(e.first_reported)}  {headline(e)}  {safe_url(e.link) or ''}".rstrip()
                     for e in events)  # fmt: skip
    return Message(text=f"Latest {plural(len(events), 'event')}:\n{text}",
                   sections=tuple(_event_row(e) for e in events))  # fmt: skip


def timeline(vendor: str, events: Sequence[Event], status: Sequence[str] = ()) -> Message:
    """A vendor's current status lines and its events, oldest first."""
    if not events and not status:
        return notice(
            f"No events recorded for {vendor}. Check the spelling, or try `search {vendor}`."
        )
    ordered = sorted(events, key=lambda e: e.first_reported)
    head = f"{vendor}: " + ("; ".join(status) if status else "no current status")
    rows = [f"{day(e.first_reported)}  {headline(e)}" for e in ordered]
    sections = [Section(title=f"{vendor}: current status", body="\n".join(status) or "unknown")]
    sections += [_event_row(e) for e in ordered]
    return Message(text="\n".join([head, *rows]), sections=tuple(sections),
                   footer=f"{plural(len(ordered), 'event')} on record")  # fmt: skip


def search_results(query: str, hits: Sequence[SearchHit]) -> Message:
    """Search hits (events and single reports), best first."""
    if not hits:
        return notice(f"Nothing found for “{one_line(query, 100)}”. Try a vendor or product name.")
    sections: list[Section] = []
    for hit in hits:
        meta = " · ".join(x for x in (one_line(hit.source, 80), day(hit.published) if hit.published else "",
                                      one_line(hit.vendor, 80)) if x)  # fmt: skip
        body = "\n".join(x for x in (one_line(hit.snippet, 300), meta) if x)
        sections.append(Section(title=one_line(hit.title, 200) or "result",
                                url=safe_url(hit.link), body=body or None))  # fmt: skip
    text = "\n".join(f"- {s.title} {s.url or ''}".rstrip() for s in sections)
    return Message(text=f"{plural(len(hits), 'result')} for “{one_line(query, 100)}”:\n{text}",
                   sections=tuple(sections))  # fmt: skip


def destination_text(dest: Destination) -> str:
    """A destination for display; webhook URLs are secrets, so only their host shows."""
    if dest.webhook_url:
        host = urlsplit(dest.webhook_url).hostname or "webhook"
        return f"{dest.platform}:https://{host}/…"
    return str(dest)


def destination_label(sub: Subscription) -> str:
    return destination_text(sub.destination)


def filters_label(sub: Subscription) -> str:
    if sub.ops:
        return "ops channel: feed health, delivery problems, weekly summary (no alerts)"
    f = sub.filters
    parts = [
        "vendors: " + (", ".join(f.vendors) or "any"),
        "actions: " + (", ".join(f.actions) or "any"),
        "actors: " + (", ".join(f.actor_types) or "any"),
    ]
    if f.min_confidence:
        parts.append(f"min confidence: {f.min_confidence:g}")
    return "; ".join(parts)


def notice(text: str) -> Message:
    """A one-line reply (confirmation, refusal, error with its fix)."""
    return Message(text=text)
