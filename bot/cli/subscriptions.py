"""``policybot subscriptions add|remove|list``: manage where alerts go."""

from __future__ import annotations

import json
import shlex

import click

from bot.chat.registry import parse_destination
from bot.cli.state import CliState, pass_state
from bot.commands.spec import SUBSCRIBABLE_ACTORS
from bot.delivery import render
from bot.delivery.platform import DestinationError
from bot.models import ACTIONS, Destination, Filters, Subscription
from bot.vendor_lookup import canonical_vendor, close_vendors
from store import event_reads
from store import subscriptions as subscriptions_store


def _destination(text: str) -> Destination:
    try:
        return parse_destination(text)
    except DestinationError as exc:
        raise click.BadParameter(str(exc), param_hint="DEST") from exc


def _vendors(state: CliState, names: tuple[str, ...]) -> tuple[str, ...]:
    """Canonical names; an unknown vendor is refused (it could never match), with the
    closest known names."""
    known = event_reads.vendor_names(state.store())
    result: list[str] = []
    for name in names:
        canonical = canonical_vendor(name, known)
        if canonical is None:
            close = close_vendors(name, known)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise click.BadParameter(
                f"vendor {name!r} is not in bot/data/vendors.yaml or the database, so no alert "
                f"could ever match it; {hint}`policybot events` shows the vendors seen so far.",
                param_hint="--vendor",
            )
        if canonical not in result:
            result.append(canonical)
    return tuple(result)


@click.group()
def subscriptions() -> None:
    """Channels that receive alerts, and their filters."""


@subscriptions.command("add")
@click.argument("dest")
@click.option(
    "--vendor", "vendors", multiple=True, metavar="NAME", help="Only this vendor (repeatable)."
)
@click.option("--action", "actions", multiple=True, type=click.Choice(ACTIONS),
              help="Only this action (repeatable).")  # fmt: skip
@click.option("--actor-type", "actor_types", multiple=True, type=click.Choice(SUBSCRIBABLE_ACTORS),
              help="Whose actions: vendor (default), government, regulator, court (repeatable).")  # fmt: skip
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Only findings at least this confident.")  # fmt: skip
@click.option("--ops", is_flag=True, help="Make DEST the ops channel: feed health changes, "
              "delivery problems and a weekly summary instead of alerts.")  # fmt: skip
@pass_state
def add_command(
    state: CliState,
    dest: str,
    vendors: tuple[str, ...],
    actions: tuple[str, ...],
    actor_types: tuple[str, ...],
    min_confidence: float,
    ops: bool,
) -> None:
    """Send alerts to DEST: slack:CHANNEL_ID, slack:TEAM_ID/CHANNEL_ID, discord:CHANNEL_ID,
    slack-webhook:URL or discord-webhook:URL. Adding an existing DEST replaces its filters
    (and resumes a failing one)."""
    destination = _destination(dest)
    if ops and (vendors or actions or actor_types or min_confidence):
        raise click.BadParameter("the ops channel gets no alerts, so it takes no filters; "
                                 "drop them or add the filters to another destination.",
                                 param_hint="--ops")  # fmt: skip
    filters = Filters(
        vendors=_vendors(state, vendors),
        actions=tuple(dict.fromkeys(actions)),
        actor_types=tuple(dict.fromkeys(actor_types)) or ("vendor",),
        min_confidence=min_confidence,
    )
    store = state.store()
    existing = subscriptions_store.find(store, destination)
    sub = subscriptions_store.add(store, destination, filters, origin="cli", ops=ops)
    verb = "updated" if existing else "added"
    click.echo(f"{verb} {render.destination_label(sub)}: {render.filters_label(sub)}")
    if existing is not None and existing.origin == "config":
        click.echo(
            "note: this destination is declared in feeds.yaml; the next start resets it to "
            "that declaration. Change feeds.yaml to make this permanent.",
            err=True,
        )


@subscriptions.command("remove")
@click.argument("dest")
@pass_state
def remove_command(state: CliState, dest: str) -> None:
    """Stop sending alerts to DEST (its queued deliveries are dropped)."""
    destination = _destination(dest)
    store = state.store()
    existing = subscriptions_store.find(store, destination)
    if existing is None:
        raise click.ClickException(
            f"{render.destination_text(destination)} is not subscribed; "
            "`policybot subscriptions list` shows the subscriptions."
        )
    if existing.origin in ("config", "builtin"):
        where = "'console: true'" if existing.origin == "builtin" else "its 'subscriptions:' list"
        raise click.ClickException(
            f"{render.destination_label(existing)} is declared in feeds.yaml ({where}) and "
            "would come back at the next poll; delete it there instead."
        )
    subscriptions_store.remove(store, destination)
    click.echo(f"removed {render.destination_label(existing)}")


def _as_json(sub: Subscription) -> dict[str, object]:
    return {
        "id": sub.id,
        "destination": render.destination_label(sub),
        "platform": sub.destination.platform,
        "workspace": sub.destination.workspace,
        "channel": sub.destination.channel,
        "filters": {
            "vendors": list(sub.filters.vendors),
            "actions": list(sub.filters.actions),
            "actor_types": list(sub.filters.actor_types),
            "min_confidence": sub.filters.min_confidence,
        },
        "status": sub.status,
        "last_error": sub.last_error,
        "origin": sub.origin,
        "ops": sub.ops,
    }


@subscriptions.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def list_command(state: CliState, as_json: bool) -> None:
    """Subscriptions with their filters; failing ones show their last error."""
    subs = subscriptions_store.list_subscriptions(state.store(create=False))
    if as_json:
        click.echo(json.dumps([_as_json(s) for s in subs], indent=2))
        return
    if not subs:
        click.echo("no subscriptions; add one with `policybot subscriptions add DEST`.")
        return
    for sub in subs:
        line = f"{sub.id:>4}  {render.destination_label(sub)}  [{sub.origin}]  {render.filters_label(sub)}"
        click.echo(line)
        if sub.status != "active":
            click.echo(
                f"      FAILING: {sub.last_error or 'unknown error'}\n"
                f"      fix the cause, then resume it with: {_add_line(sub)}"
            )


def _add_line(sub: Subscription) -> str:
    """The ``subscriptions add`` command that recreates ``sub`` with its filters."""
    parts = ["policybot subscriptions add", render.destination_label(sub)]
    if sub.ops:
        return " ".join([*parts, "--ops"])
    parts += [f"--vendor {shlex.quote(v)}" for v in sub.filters.vendors]
    parts += [f"--action {a}" for a in sub.filters.actions]
    parts += [f"--actor-type {t}" for t in sub.filters.actor_types if t in SUBSCRIBABLE_ACTORS]
    if sub.filters.min_confidence:
        parts.append(f"--min-confidence {sub.filters.min_confidence:g}")
    return " ".join(parts)


COMMANDS: list[click.Command] = [subscriptions]
