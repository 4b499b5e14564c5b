"""``policybot feeds [--json]``: each feed with its health; its subcommands
(``add``, ``remove``, ``enable``, ``disable``, ``import``, ``export``) are in
``bot.cli.feed_commands``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.feed_commands import SUBCOMMANDS
from bot.cli.feed_table import feed_rows, problem_lines
from bot.cli.state import CliState
from bot.cli.table import output_width
from bot.models import FeedState
from bot.sources.manage import settle_conflicts
from store import feed_catalog
from store.feeds import list_feeds, sync_feeds


@click.group("feeds", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def feeds(ctx: click.Context, as_json: bool) -> None:
    """List feeds (feeds.yaml and added ones) with status, last fetch, failures, last
    error and next due; the subcommands add, remove, switch, import and export feeds."""
    if ctx.invoked_subcommand is None:
        list_feeds_command(ctx.find_object(CliState), as_json)


def list_feeds_command(state: CliState | None, as_json: bool) -> None:
    assert state is not None
    config = state.config()  # validated before the store is opened
    store = state.store()
    now = datetime.now(UTC)
    for note in settle_conflicts(store, config.feeds):
        click.echo(f"note: {note}", err=True)
    sync_feeds(store, config.feeds, now=now)
    added = feed_catalog.added_feeds(store)
    order = {feed.id: index for index, feed in enumerate((*config.feeds, *added))}
    origins = {feed.id: feed.origin for feed in (*config.feeds, *added)}
    rows = sorted(list_feeds(store), key=lambda f: (order.get(f.id, len(order)), f.name, f.id))
    if as_json:
        click.echo(json.dumps([feed_json(f, configured=f.id in order, origin=origins.get(f.id, ""))
                               for f in rows], indent=2))  # fmt: skip
        return
    if not rows:
        click.echo("No feeds configured.")
        return
    width = output_width()
    for line in feed_rows(rows, now=now, configured=set(order), origins=origins, width=width):
        click.echo(line)
    counts: dict[str, int] = {}
    for feed in rows:
        counts[feed.status] = counts.get(feed.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    click.echo(f"{len(rows)} feeds: {summary}")
    failures = [(f.name, f.last_error) for f in rows if f.last_error and f.enabled]
    if failures:
        click.echo(f"Problems ({len(failures)} feed{'s' if len(failures) != 1 else ''}):")
        for line in problem_lines(failures, width=width):
            click.echo(line)


def feed_json(feed: FeedState, *, configured: bool = True, origin: str = "") -> dict[str, Any]:
    def iso(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "id": feed.id,
        "name": feed.name,
        "kind": feed.kind,
        "url": feed.url,
        "config_url": feed.config_url,
        "configured": configured,
        "origin": origin or "feeds.yaml",
        "verified": feed.verified,
        "enabled": feed.enabled,
        "status": feed.status,
        "interval": feed.interval,
        "last_fetch_at": iso(feed.last_fetch_at),
        "last_success_at": iso(feed.last_success_at),
        "consecutive_failures": feed.consecutive_failures,
        "last_error": feed.last_error,
        "next_due_at": iso(feed.next_due_at),
        "redirect_target": feed.redirect_target,
        "redirect_count": feed.redirect_count,
    }


for _command in SUBCOMMANDS:
    feeds.add_command(_command)

COMMANDS: list[click.Command] = [feeds]
