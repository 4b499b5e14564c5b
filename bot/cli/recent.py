"""``policybot events``: recent events (alerts) from the store."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click

from bot.cli.events import to_json
from bot.cli.state import CliState, pass_state
from bot.cli.table import Column, output_width, table
from bot.delivery.render import outlets
from bot.models import Event


def event_json(event: Event) -> dict[str, Any]:
    return dict(to_json(asdict(event)))


_COLUMNS = (
    Column("DATE"),
    Column("ID"),
    Column("VENDOR", max_width=16),
    Column("ACTION", max_width=20),
    Column("REPORTS", align=">"),
    Column("TITLE", flex=True),
)


def event_rows(events: list[Event], *, width: int) -> list[str]:
    """One row per event: date, id, vendor, action (and whom it applies to), reports,
    and the title after its first outlets (publishers, ``Reuters, AP News +1: …``)."""
    rows = []
    for event in events:
        what = event.action or f"[{event.actor_type}]"
        if event.applies_to:
            what += f" ({event.applies_to.replace('_', ' ')})"
        rows.append((f"{event.first_reported:%Y-%m-%d}", f"#{event.id}",
                     event.vendor or "-", what, event.mention_count,
                     _titled(event)))  # fmt: skip
    return table(_COLUMNS, rows, width=width)


def _titled(event: Event) -> str:
    named = outlets(event, limit=2)
    return f"{named}: {event.title}" if named else event.title


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
    for line in event_rows(found, width=output_width()):
        click.echo(line)


COMMANDS: list[click.Command] = [events]
