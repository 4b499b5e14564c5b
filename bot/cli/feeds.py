"""``policybot feeds [--json]``: each feed with its health."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.state import CliState, pass_state
from bot.models import FeedState
from store.feeds import list_feeds, sync_feeds


@click.command("feeds")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_state
def feeds(state: CliState, as_json: bool) -> None:
    """List configured feeds with status, last fetch, failures, last error and next due."""
    config = state.config()  # validated before the store is opened
    store = state.store()
    now = datetime.now(UTC)
    sync_feeds(store, config.feeds, now=now)
    order = {feed.id: index for index, feed in enumerate(config.feeds)}
    origins = {feed.id: feed.origin for feed in config.feeds}
    rows = sorted(list_feeds(store), key=lambda f: (order.get(f.id, len(order)), f.name, f.id))
    if as_json:
        click.echo(json.dumps([feed_json(f, configured=f.id in order, origin=origins.get(f.id, ""))
                               for f in rows], indent=2))  # fmt: skip
        return
    if not rows:
        click.echo("No feeds configured.")
        return
    for feed in rows:
        click.echo(feed_lines(feed, now=now, configured=feed.id in order,
                              origin=origins.get(feed.id, "")))  # fmt: skip
    counts: dict[str, int] = {}
    for feed in rows:
        counts[feed.status] = counts.get(feed.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    click.echo(f"{len(rows)} feeds: {summary}")


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


def feed_lines(feed: FeedState, *, now: datetime, configured: bool = True, origin: str = "") -> str:
    """A feed as two or three readable lines."""
    status = feed.status.upper() if feed.status in ("failing", "gone", "dead") else feed.status
    head = f"{feed.name} [{feed.id}] ({feed.kind}): {status}"
    if not feed.verified:
        head += (" (unconfirmed address, never worked: fix its url)" if feed.status == "dead"
                 else " (unconfirmed address)" if feed.last_success_at is None
                 else " (unconfirmed address, has worked)")  # fmt: skip
    if origin:
        head += f" ({origin})"
    if not configured:
        head += " (no longer in feeds.yaml)"
    due = "never" if not feed.enabled else relative(feed.next_due_at, now, default="now")
    details = (
        f"  last fetch {relative(feed.last_fetch_at, now, default='never')}"
        f", failures {feed.consecutive_failures}, next due {due}"
    )
    if feed.url != feed.config_url:
        details += f", polling {feed.url} (moved permanently)"
    lines = [head, details]
    if feed.last_error:
        lines.append(f"  last error: {feed.last_error}")
    return "\n".join(lines)


def relative(moment: datetime | None, now: datetime, *, default: str) -> str:
    """``5 min ago`` / ``in 2 h`` / ``now``."""
    if moment is None:
        return default
    seconds = (moment - now).total_seconds()
    if abs(seconds) < 60:
        return "now"
    amount = abs(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if amount >= size:
            text = f"{amount / size:.0f} {unit}"
            break
    return f"in {text}" if seconds > 0 else f"{text} ago"


COMMANDS: list[click.Command] = [feeds]
