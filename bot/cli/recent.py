"""``policybot events``: recent events (alerts) from the store."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click

from bot.cli.events import plain, to_json
from bot.cli.state import CliState, pass_state
from bot.delivery.render import outlets
from bot.models import Event


def event_json(event: Event) -> dict[str, Any]:
    return dict(to_json(asdict(event)))


def event_line(event: Event) -> str:
    when = event.first_reported.date().isoformat()
    who = plain(event.vendor) or "(no vendor)"
    what = event.action or event.actor_type
    scope = f" ({event.applies_to})" if event.applies_to else ""
    count = f"{event.mention_count} report{'s' if event.mention_count != 1 else ''}"
    places = f"{event.source_count} outlet{'s' if event.source_count != 1 else ''}"
    names = outlets(event)
    named = f": {plain(names)}" if names else ""
    return (f"{when}  #{event.id:<5} {who}: {what}{scope}  [{places}{named} · {count}]\n"
            f"        {plain(event.title)}")  # fmt: skip


@click.command()
@click.option("--vendor", default=None, help="Only events about this vendor.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--all-actors", is_flag=True, help="Include government, regulator and court events.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def events(
    state: CliState, vendor: str | None, limit: int, all_actors: bool, as_json: bool
) -> None:
    """Recent events (newest first)."""
    from store.event_reads import recent_events

    actor_types = None if all_actors else ["vendor"]
    found = recent_events(
        state.store(create=False),
        vendor=vendor,
        limit=limit,
        actor_types=actor_types,
        with_mentions=True,
    )
    if as_json:
        click.echo(json.dumps([event_json(e) for e in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("No events yet. Run `policybot poll --all` first." if not vendor
                   else f"No events for {vendor!r}. Check the spelling, or try `policybot search`.")  # fmt: skip
        return
    for event in found:
        click.echo(event_line(event))


COMMANDS: list[click.Command] = [events]
