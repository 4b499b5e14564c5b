"""``policybot timeline VENDOR`` and ``policybot search QUERY``.

Both read only the store (no feeds.yaml needed) through the same functions the
chat commands use: ``bot.clustering.timeline`` and ``store.event_search.search``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from bot import clustering
from bot.cli.state import CliState, pass_state
from bot.delivery.chart import ChartsUnavailable, timeline_png
from bot.events.status import Timeline
from bot.models import Event, SearchHit
from bot.vendor_lookup import canonical_vendor, close_vendors
from store import Store, event_reads, event_search

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str | None) -> str:
    """Feed text is untrusted: no terminal control sequences, one line."""
    return " ".join(_CONTROL.sub(" ", text or "").split())


def to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def resolve_vendor(store: Store, typed: str) -> str:
    """The canonical vendor for what the user typed (any case or a known alias)."""
    known = event_reads.vendor_names(store)
    name = canonical_vendor(typed, known)
    if name:
        return name
    hints = close_vendors(typed, known)
    hint = f" Did you mean {', '.join(hints)}?" if hints else ""
    listed = ", ".join(known[:12]) or "none yet (run `policybot poll` first)"
    raise click.ClickException(
        f"unknown vendor {typed!r} in {store.path}.{hint} "
        f"Vendors with events: {listed}. Pass one of those names (any case) to `policybot timeline`."
    )


# --------------------------------------------------------------------------- timeline


@click.command("timeline")
@click.argument("vendor")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--png", "png", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw the timeline as a PNG chart in this file (needs policybot[charts]).")  # fmt: skip
@pass_state
def timeline(state: CliState, vendor: str, as_json: bool, png: Path | None) -> None:
    """A vendor's policy events, oldest first, and its current status per product."""
    store = state.store(create=False)
    result = clustering.timeline(store, resolve_vendor(store, vendor))
    if png is not None:
        try:
            chart = timeline_png(result)
        except ChartsUnavailable as exc:
            raise click.ClickException(str(exc)) from None
        png.write_bytes(chart.png)
        click.echo(f"wrote {png} ({len(chart.png)} bytes, {len(result.events)} events)", err=True)
    if as_json:
        click.echo(json.dumps(timeline_json(result), indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(timeline_lines(result)))


def timeline_json(result: Timeline) -> dict[str, Any]:
    return {
        "vendor": result.vendor,
        "status": [to_json(asdict(line)) for line in result.status],
        "events": [to_json(asdict(event)) for event in result.events],
    }


def timeline_lines(result: Timeline) -> list[str]:
    lines = [f"{plain(result.vendor)}: {len(result.events)} event(s)"]
    if not result.events:
        return [*lines, "No policy events recorded yet for this vendor."]
    lines.append("Current status:")
    lines += [f"  {plain(line.text)}" for line in result.status] or ["  (no policy change yet)"]
    lines.append("Events (oldest first):")
    for event in result.events:
        lines += event_lines(event)
    return lines


def event_lines(event: Event) -> list[str]:
    what = event.action or event.actor_type
    facts = [plain(x) for x in (event.product, event.applies_to, event.region) if x]
    who = "" if event.actor_type == "vendor" else f" [{event.actor_type}]"
    outlets = f"{event.mention_count} mention(s), {event.source_count} outlet(s)"
    head = f"  {event.first_reported:%Y-%m-%d}  #{event.id}  {what}{who}"
    lines = [f"{head}  {' · '.join(facts)}  ({outlets})".rstrip(), f"      {plain(event.title)}"]
    if event.link:
        lines.append(f"      {plain(event.link)}")
    return lines


# --------------------------------------------------------------------------- search


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 200))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def search(state: CliState, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over feed entries and events, best match first."""
    text = " ".join(query)
    if not event_search.fts_query(text):
        raise click.UsageError(
            f"the search query {text!r} has no words to look for; "
            "try e.g. `policybot search rekognition police`."
        )
    hits = event_search.search(state.store(create=False), text, limit=limit)
    if as_json:
        click.echo(json.dumps([to_json(asdict(h)) for h in hits], indent=2, ensure_ascii=False))
        return
    if not hits:
        click.echo(f"Nothing matches {text!r}. Try fewer or other words.")
        return
    for hit in hits:
        click.echo("\n".join(hit_lines(hit)))


def hit_lines(hit: SearchHit) -> list[str]:
    when = f"{hit.published:%Y-%m-%d}" if hit.published else "----------"
    label = f"event #{hit.id}" if hit.kind == "event" else f"entry #{hit.id}"
    if hit.kind == "entry" and hit.event_id:
        label += f" (event #{hit.event_id})"
    origin = plain(hit.vendor if hit.kind == "event" else hit.source)
    lines = [f"{when}  {label}  {origin}".rstrip(), f"    {plain(hit.title)}"]
    if hit.snippet and plain(hit.snippet) != plain(hit.title):
        lines.append(f"    {plain(hit.snippet)}")
    if hit.link:
        lines.append(f"    {plain(hit.link)}")
    return lines


COMMANDS: list[click.Command] = [timeline, search]
