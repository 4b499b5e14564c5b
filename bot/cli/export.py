"""``policybot export``: events with their mentions and evidence as CSV, JSON, Atom or
JSON Feed, for spreadsheets, newsroom tools and feed readers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.events import resolve_vendor
from bot.cli.state import CliState, pass_state
from bot.commands.spec import SUBSCRIBABLE_ACTORS
from bot.exports.atom import atom_feed
from bot.exports.jsonfeed import json_feed
from bot.exports.query import MAX_EVENTS, ExportQuery, QueryError, parse_since, select
from bot.exports.records import event_record, to_csv

FORMATS = ("csv", "json", "atom", "jsonfeed")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--vendor", default=None, help="Only this vendor's events (any case or alias).")
@click.option("--since", default=None, help="From this date: 2021-05-01, or 30d / 2w / 12h ago.")
@click.option("--actor-type", "actor_types", multiple=True, type=click.Choice(SUBSCRIBABLE_ACTORS),
              help="Only these actors (repeatable; default all).")  # fmt: skip
@click.option("--limit", default=MAX_EVENTS, show_default=True, type=click.IntRange(1, 100_000))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")  # fmt: skip
@pass_state
def export(state: CliState, fmt: str, vendor: str | None, since: str | None,
           actor_types: tuple[str, ...], limit: int, output: Path | None) -> None:  # fmt: skip
    """Export events (newest first) with their mentions and evidence."""
    store = state.store()
    try:
        start = parse_since(since) if since else None
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    query = ExportQuery(vendor=resolve_vendor(store, vendor) if vendor else None, since=start,
                        actor_types=actor_types, limit=limit)  # fmt: skip
    events = select(store, query)
    title = f"policybot: FR policy events ({query.describe()})"
    where = output.resolve().as_uri() if output else "urn:policybot:export"
    if fmt == "csv":
        text = to_csv(events)
    elif fmt == "json":
        text = json.dumps([event_record(e) for e in events], indent=2, ensure_ascii=False) + "\n"
    elif fmt == "atom":
        text = atom_feed(events, title=title, self_url=where).decode()
    else:
        text = json.dumps(json_feed(events, title=title, feed_url=where), indent=2,
                          ensure_ascii=False) + "\n"  # fmt: skip
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {len(events)} event(s) ({query.describe()}) to {output} as {fmt}", err=True)


COMMANDS: list[click.Command] = [export]
