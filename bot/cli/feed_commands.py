"""``policybot feeds add|remove|enable|disable|import|export``: managing feeds without
editing feeds.yaml. Added feeds are kept in the database and polled with the feeds
of feeds.yaml, which wins on a conflict (see ``bot.sources.manage``)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import click

from bot.cli.state import CliState, pass_state
from bot.models import FEED_KINDS
from bot.sources.manage import AddRequest, FeedAdmin, find_feed, settle_conflicts
from bot.sources.opml import OpmlError, read_opml, write_opml
from store import feed_catalog
from store.feeds import sync_feeds

ADDABLE_KINDS = tuple(k for k in FEED_KINDS if k != "page")  # pages go in feeds.yaml


def _admin(state: CliState) -> FeedAdmin:
    config = state.config()
    store = state.store()
    settle_conflicts(store, config.feeds)
    sync_feeds(store, config.feeds, now=datetime.now(UTC))
    return FeedAdmin(config.settings, config.feeds)


@click.command("add")
@click.argument("url")
@click.option("--name", default=None, help="Name to show (default: the feed's own title).")
@click.option("--kind", type=click.Choice(ADDABLE_KINDS), default="news", show_default=True,
              help="news, vendor (a primary source), advocacy or regulator.")  # fmt: skip
@click.option(
    "--interval", default=None, help="How often to poll: 900, 15m, 1h (default: defaults.interval)."
)
@click.option("--tag", "tags", multiple=True, help="A word to file it under (repeatable).")
@pass_state
def add(state: CliState, url: str, name: str | None, kind: str, interval: str | None,
        tags: tuple[str, ...]) -> None:  # fmt: skip
    """Fetch URL once, show what it holds, and add it to the polled feeds."""
    admin = _admin(state)
    outcome = admin.add(
        state.store(),
        AddRequest(url=url, name=name, kind=kind, interval=interval, tags=tags),
        origin="cli",
        added_by="cli",
    )
    if outcome.feed is None:
        raise click.ClickException(outcome.text())
    click.echo(outcome.text())


@click.command("remove")
@click.argument("name")
@pass_state
def remove(state: CliState, name: str) -> None:
    """Stop polling an added feed and forget it (its items stay in the archive)."""
    config = state.config()
    store = state.store()
    found = find_feed(store, config.feeds, name)
    if found is None:
        raise click.ClickException(f"no feed is called {name!r}; `policybot feeds` lists them.")
    feed_id, origin = found
    if origin == "config":
        raise click.ClickException(
            f"feed {feed_id!r} is declared in {config.path}: delete its entry there, or "
            f"switch it off with `policybot feeds disable {feed_id}`."
        )
    feed_catalog.remove_feed(store, feed_id)
    click.echo(f"removed feed {feed_id!r}; what it brought stays in the archive.")


def _switch(state: CliState, name: str, enabled: bool) -> None:
    config = state.config()
    store = state.store()
    sync_feeds(store, config.feeds, now=datetime.now(UTC))
    found = find_feed(store, config.feeds, name)
    if found is None:
        raise click.ClickException(f"no feed is called {name!r}; `policybot feeds` lists them.")
    feed_id, origin = found
    declared = next((f for f in config.feeds if f.id == feed_id), None)
    if enabled and declared is not None and not declared.enabled:
        raise click.ClickException(
            f"feed {feed_id!r} says enabled: false in {config.path}, which wins; change it there."
        )
    feed_catalog.set_enabled(store, feed_id, enabled)
    verb = "enabled" if enabled else "disabled"
    kept = " (remembered across restarts; feeds.yaml is unchanged)" if origin == "config" else ""
    click.echo(f"{verb} feed {feed_id!r}{kept}")


@click.command("enable")
@click.argument("name")
@pass_state
def enable(state: CliState, name: str) -> None:
    """Poll a feed again (one switched off with `feeds disable`)."""
    _switch(state, name, True)


@click.command("disable")
@click.argument("name")
@pass_state
def disable(state: CliState, name: str) -> None:
    """Stop polling a feed without removing it (works for feeds.yaml entries too)."""
    _switch(state, name, False)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(ADDABLE_KINDS), default="news", show_default=True)
@pass_state
def import_command(state: CliState, file: Path, kind: str) -> None:
    """Add every feed of an OPML file (each is fetched once, as with `feeds add`)."""
    try:
        listed = read_opml(file.read_bytes(), where=str(file))
    except OpmlError as exc:
        raise click.ClickException(str(exc)) from None
    if not listed:
        raise click.ClickException(f"{file} lists no feeds (no <outline xmlUrl=…>).")
    admin = _admin(state)
    requests = [AddRequest(url=f.url, name=f.title or None, kind=kind, tags=f.tags) for f in listed]
    outcomes = admin.add_many(state.store(), requests, origin="cli", added_by=f"import {file.name}")
    added = [o for o in outcomes if o.feed is not None]
    for outcome in outcomes:
        mark = "+" if outcome.feed is not None else "-"
        click.echo(f"{mark} {outcome.request.url}\n    {outcome.text()}")
    click.echo(f"imported {len(added)} of {len(outcomes)} feeds from {file}")


@click.command("export")
@click.option("--opml", "fmt", flag_value="opml", default=True, help="OPML 2.0 (the default).")
@click.option("--json", "fmt", flag_value="json", help="JSON.")
@pass_state
def export(state: CliState, fmt: str) -> None:
    """Print every feed (feeds.yaml, generated and added) as OPML or JSON."""
    config = state.config()
    store = state.store()
    switched_off = {
        k for k, v in feed_catalog.feed_origins(store).items() if v["operator_disabled"]
    }
    every = [
        replace(f, enabled=f.enabled and f.id not in switched_off)
        for f in (*config.feeds, *feed_catalog.added_feeds(store))
    ]
    if fmt == "json":
        click.echo(json.dumps([
            {"id": f.id, "name": f.name, "url": f.url, "kind": f.kind, "interval": f.interval,
             "tags": list(f.tags), "enabled": f.enabled, "origin": f.origin or "feeds.yaml"}
            for f in every
        ], indent=2, ensure_ascii=False))  # fmt: skip
        return
    click.echo(write_opml(every), nl=False)


SUBCOMMANDS: list[click.Command] = [add, remove, enable, disable, import_command, export]
