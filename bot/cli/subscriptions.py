"""``policybot subscriptions add|remove|list``: manage where alerts go."""

from __future__ import annotations

import json
import shlex

import click

from bot.chat.registry import parse_destination
from bot.cli.state import CliState, pass_state
from bot.cli.table import Column, output_width, table, wrapped
from bot.commands.spec import SUBSCRIBABLE_ACTORS
from bot.delivery import render
from bot.delivery.digest import PlanError, check_plan
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
@click.option("--digest", type=click.Choice(["daily", "weekly"]), default=None,
              help="Send one digest a day (or a week, Mondays) instead of each alert.")  # fmt: skip
@click.option("--at", "at", default="08:00", show_default=True, help="Digest time of day, HH:MM.")
@click.option("--tz", default="UTC", show_default=True, help="Digest time zone, e.g. Europe/Paris.")
@click.option("--also-alerts", is_flag=True, help="With --digest: keep immediate alerts too.")
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
    digest: str | None,
    at: str,
    tz: str,
    also_alerts: bool,
    ops: bool,
) -> None:
    """Send alerts to DEST: slack:CHANNEL_ID, slack:TEAM_ID/CHANNEL_ID, discord:CHANNEL_ID,
    slack-webhook:URL or discord-webhook:URL. Adding an existing DEST replaces its filters
    (and resumes a failing one)."""
    destination = _destination(dest)
    if ops and (digest or vendors or actions or actor_types or min_confidence):
        raise click.BadParameter("the ops channel gets no alerts, so it takes no filters or digest; "
                                 "drop them or add the filters to another destination.",
                                 param_hint="--ops")  # fmt: skip
    try:
        plan = check_plan(digest, at, tz) if digest else None
    except PlanError as exc:
        raise click.BadParameter(str(exc), param_hint="--digest/--at/--tz") from None
    filters = Filters(
        vendors=_vendors(state, vendors),
        actions=tuple(dict.fromkeys(actions)),
        actor_types=tuple(dict.fromkeys(actor_types)) or ("vendor",),
        min_confidence=min_confidence,
    )
    store = state.store()
    existing = subscriptions_store.find(store, destination)
    sub = subscriptions_store.add(store, destination, filters, origin="cli", ops=ops)
    subscriptions_store.set_digest(store, sub.id, plan, alerts=plan is None or also_alerts)
    sub = subscriptions_store.get(store, sub.id) or sub
    verb = "updated" if existing else "added"
    sends = "" if sub.ops else f"; {delivery_label(sub)}"  # the ops label says it all
    click.echo(f"{verb} {render.destination_label(sub)}: {render.filters_label(sub)}{sends}")
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
        "alerts": sub.alerts,
        "digest": {"every": sub.digest.every, "at": sub.digest.at, "tz": sub.digest.tz}
        if sub.digest
        else None,
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
    width = output_width()
    rows = [(sub.id, render.destination_label(sub), sub.origin, sub.status.upper()
             if sub.status != "active" else sub.status, delivery_label(sub))
            for sub in subs]  # fmt: skip
    lines = table(_COLUMNS, rows, width=width)
    click.echo(lines[0])
    for line, sub in zip(lines[1:], subs, strict=True):  # each row, then what it is sent
        click.echo(line)
        for text in wrapped(f"for: {compact_filters(sub)}", width=width, indent="    "):
            click.echo(text)
    failing = [sub for sub in subs if sub.status != "active"]
    if failing:
        click.echo(f"Failing ({len(failing)}):")
    for sub in failing:
        for line in wrapped(f"#{sub.id} {render.destination_label(sub)}: "
                            f"{sub.last_error or 'unknown error'}", width=width):  # fmt: skip
            click.echo(line)
        click.echo(f"    fix the cause, then resume it with:\n      {_add_line(sub)}")


_COLUMNS = (
    Column("ID"),
    Column("DESTINATION", max_width=36),
    Column("ORIGIN"),
    Column("STATUS"),
    Column("SENDS", flex=True),
)


def compact_filters(sub: Subscription) -> str:
    """Only the filters that narrow anything: ``Amazon, IBM; ban; government``."""
    if sub.ops:
        return "feed health changes, delivery problems, a weekly summary (no alerts)"
    f = sub.filters
    parts = [", ".join(f.vendors), ", ".join(f.actions)]
    if f.actor_types != ("vendor",):
        parts.append(", ".join(f.actor_types) or "any actor")
    if f.min_confidence:
        parts.append(f"≥{f.min_confidence:g}")
    return "; ".join(p for p in parts if p) or "every vendor policy change"


def delivery_label(sub: Subscription) -> str:
    """``alerts``, ``daily 08:00 Europe/Paris``, ``alerts + weekly 09:00 UTC`` or ``ops``."""
    if sub.ops:
        return "ops channel"
    if sub.digest is None:
        return "alerts"
    plan = f"{sub.digest.every} {sub.digest.at} {sub.digest.tz}"
    return f"alerts + {plan}" if sub.alerts else plan


def _add_line(sub: Subscription) -> str:
    """The ``subscriptions add`` command that recreates ``sub`` with its filters."""
    parts = ["policybot subscriptions add", render.destination_label(sub)]
    if sub.ops:
        return " ".join([*parts, "--ops"])
    if sub.digest:
        parts += [f"--digest {sub.digest.every} --at {sub.digest.at} --tz {sub.digest.tz}"]
        parts += ["--also-alerts"] if sub.alerts else []
    parts += [f"--vendor {shlex.quote(v)}" for v in sub.filters.vendors]
    parts += [f"--action {a}" for a in sub.filters.actions]
    parts += [f"--actor-type {t}" for t in sub.filters.actor_types if t in SUBSCRIBABLE_ACTORS]
    if sub.filters.min_confidence:
        parts.append(f"--min-confidence {sub.filters.min_confidence:g}")
    return " ".join(parts)


COMMANDS: list[click.Command] = [subscriptions]
