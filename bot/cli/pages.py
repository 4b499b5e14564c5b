"""``policybot pages [--json]`` and ``policybot page-history NAME [--diff N]``."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.state import CliState, pass_state
from bot.delivery import page_render
from bot.models import PageSummary, PageVersion
from store import pages as pages_store
from store.feeds import sync_feeds


@click.command("pages")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_state
def pages(state: CliState, as_json: bool) -> None:
    """Each watched policy page: status, last change, versions kept."""
    config = state.config()
    store = state.store()
    sync_feeds(store, config.feeds, now=datetime.now(UTC))
    summaries = pages_store.summaries(store)
    if as_json:
        click.echo(json.dumps([page_json(p) for p in summaries], indent=2, ensure_ascii=False))
        return
    click.echo(page_render.page_list(summaries).text)
    for page in summaries:
        if page.unstable_note:
            click.echo(f"  {page.name}: {page.unstable_note}")
        elif page.last_error and page.status != "ok":
            click.echo(f"  {page.name}: {page.last_error}")


@click.command("page-history")
@click.argument("name")
@click.option("--diff", "diff_seq", type=int, default=None, metavar="N",
              help="Show the sentences version N changed from the version before.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_state
def page_history(state: CliState, name: str, diff_seq: int | None, as_json: bool) -> None:
    """A watched page's versions, oldest first (each cited by its hash)."""
    store = state.store()
    page, candidates = page_render.find_page(pages_store.summaries(store), name)
    if page is None:
        known = f" Watched pages: {', '.join(candidates)}." if candidates else ""
        raise click.ClickException(f"no watched page called {name!r}.{known}")
    versions = pages_store.versions(store, page.feed_id)
    if diff_seq is not None:
        chosen = next((v for v in versions if v.seq == diff_seq), None)
        if chosen is None:
            raise click.ClickException(
                f"page {page.name!r} has versions 1 to {len(versions)}; pick N among them."
            )
        versions = [chosen]
    if as_json:
        rows = [version_json(v, pages_store.version_text(store, page.feed_id, v.seq) or "")
                for v in versions]  # fmt: skip
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(f"{page.name} — {page.url}")
    for version in versions:
        click.echo(page_render.version_line(version))
        if diff_seq is not None:
            if version.baseline:
                click.echo("  (a baseline: the text as first seen)")
            for change in version.changes:
                for line in page_render.change_lines(change):
                    click.echo(f"  {line}")


def page_json(page: PageSummary) -> dict[str, Any]:
    return {
        "id": page.feed_id,
        "name": page.name,
        "url": page.url,
        "status": page_render.status_label(page),
        "selector": page.selector or None,
        "versions": page.versions,
        "last_checked_at": page.last_checked_at.isoformat() if page.last_checked_at else None,
        "last_change_at": page.last_change_at.isoformat() if page.last_change_at else None,
        "last_change": version_json(page.latest) if page.latest else None,
        "unstable": page.unstable_note,
        "last_error": page.last_error,
    }


def version_json(version: PageVersion, text: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "version": version.seq,
        "sha256": version.digest,
        "url": version.url,
        "seen_at": version.seen_at.isoformat(),
        "baseline": version.baseline,
        "note": version.note or None,
        "changes": [asdict(c) for c in version.changes],
        "event_ids": list(version.event_ids),
    }
    if text is not None:
        row["text"] = text
    return row


COMMANDS: list[click.Command] = [pages, page_history]
