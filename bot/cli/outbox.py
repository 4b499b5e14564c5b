"""``policybot outbox [--json]``, ``outbox retry [DEST]`` and ``policybot doctor``."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import click

from bot.chat.registry import parse_destination
from bot.cli.state import CliState, pass_state
from bot.delivery import render
from bot.delivery.lease import describe_owner
from bot.delivery.platform import DestinationError
from bot.models import Destination
from store import Store, leases, outbox, outbox_admin
from store import feeds as feeds_store
from store import state as state_store
from store import subscriptions as subscriptions_store


def _label(row: dict[str, Any]) -> str:
    dest = Destination(platform=str(row["platform"]), channel=row["channel"] or None,
                       workspace=row["workspace"] or None, webhook_url=row["webhook_url"] or None)  # fmt: skip
    return render.destination_text(dest)


def outbox_report(store: Store) -> dict[str, Any]:
    """Open rows, per-destination outages and lease holders, JSON-ready."""
    subs = {
        s.id: render.destination_label(s) for s in subscriptions_store.list_subscriptions(store)
    }
    rows = [
        {"id": r["id"], "destination": _label(r), "event_id": r["event_id"], "kind": r["kind"],
         "status": r["status"], "attempts": r["attempts"], "next_attempt_at": r["next_attempt_at"],
         "created_at": r["created_at"], "last_error": r["last_error"],
         "subscription_status": r["subscription_status"]}
        for r in outbox_admin.open_rows(store)
    ]  # fmt: skip
    outages = [
        {"destination": subs.get(o.subscription_id, str(o.subscription_id)),
         "since": o.since.isoformat(), "failed_probes": o.failures,
         "next_probe_at": o.next_probe_at.isoformat(), "last_error": o.last_error}
        for o in leases.outages(store)
    ]  # fmt: skip
    holders = [
        {"destination": subs.get(h.subscription_id, str(h.subscription_id)), "owner": h.owner,
         "heartbeat_at": h.heartbeat_at.isoformat(), "expires_at": h.expires_at.isoformat()}
        for h in leases.holders(store)
    ]  # fmt: skip
    return {"counts": outbox.queue_depth(store), "rows": rows, "outages": outages,
            "leases": holders}  # fmt: skip


def outbox_lines(report: dict[str, Any]) -> list[str]:
    counts = report["counts"]
    lines = [f"outbox: {counts['pending']} pending ({counts['due']} due now, {counts['blocked']} "
             f"blocked by a failing subscription), {counts['sending']} sending, "
             f"{counts['failed']} failed, {counts['sent']} sent"]  # fmt: skip
    for o in report["outages"]:
        lines.append(f"  outage: {o['destination']} failing since {o['since']} "
                     f"({o['failed_probes']} probes), next probe {o['next_probe_at']}: "
                     f"{o['last_error']}")  # fmt: skip
    for h in report["leases"]:
        lines.append(f"  delivering: {h['destination']} by {describe_owner(h['owner'])} "
                     f"(heartbeat {h['heartbeat_at']}, expires {h['expires_at']})")  # fmt: skip
    for r in report["rows"]:
        when = f", next try {r['next_attempt_at']}" if r["status"] == "pending" else ""
        error = f": {r['last_error']}" if r["last_error"] else ""
        lines.append(f"  #{r['id']} {r['status']} {r['kind']} of event {r['event_id']} to "
                     f"{r['destination']} (attempts {r['attempts']}{when}){error}")  # fmt: skip
    if counts["failed"]:
        lines.append("`policybot outbox retry [DEST]` queues failed deliveries again.")
    return lines


@click.group("outbox", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def outbox_command(ctx: click.Context, as_json: bool) -> None:
    """Pending and failed deliveries, destination outages and who is delivering."""
    if ctx.invoked_subcommand is not None:
        return
    state = ctx.find_object(CliState)
    assert state is not None
    report = outbox_report(state.store(create=False))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(outbox_lines(report)))


@outbox_command.command("retry")
@click.argument("dest", required=False)
@pass_state
def retry_command(state: CliState, dest: str | None) -> None:
    """Queue failed deliveries again (of DEST, or all) and reactivate failing subscriptions."""
    store = state.store(create=False)
    sub_id = None
    if dest is not None:
        try:
            sub = subscriptions_store.find(store, parse_destination(dest))
        except DestinationError as exc:
            raise click.BadParameter(str(exc), param_hint="DEST") from exc
        if sub is None:
            raise click.ClickException(f"no subscription for {dest}; "
                                       "`policybot subscriptions list` shows them.")  # fmt: skip
        sub_id = sub.id
    count = outbox_admin.requeue(store, sub_id)
    where = dest or "every destination"
    click.echo(f"re-queued {count} failed delivery(ies) to {where}; they go out on the next "
               "poll or dispatch tick.")  # fmt: skip


@click.command("doctor")
@pass_state
def doctor(state: CliState) -> None:
    """Integrity check, schema version, outbox, delivery leases and feed health at once."""
    store = state.store(create=False)
    integrity = store.integrity_check()
    lines = [f"database: {store.path}", f"integrity: {'ok' if integrity == ['ok'] else 'DAMAGED'}"]
    lines += [f"  {problem}" for problem in integrity[:10] if integrity != ["ok"]]
    lines.append(f"schema version: {store.schema_version()}")
    report = outbox_report(store)
    summary = outbox_lines(report)
    lines += summary[:1] + [line for line in summary if line.startswith(("  outage", "  deliv"))]
    if not report["leases"]:
        lines.append("  delivering: no process holds a delivery lease now")
    feeds = feeds_store.list_feeds(store)
    health = Counter(f.status for f in feeds)
    lines.append(
        f"feeds: {len(feeds)} ({', '.join(f'{n} {s}' for s, n in sorted(health.items()))})"
    )
    now = datetime.now(UTC)
    for feed in feeds:
        if feed.status in ("failing", "gone"):
            lines.append(f"  {feed.name}: {feed.status}, {feed.consecutive_failures} failures: "
                         f"{feed.last_error}")  # fmt: skip
    last = state_store.get_value(store, "last_poll_at") or "never"
    lines.append(f"last poll: {last} (now {now:%Y-%m-%dT%H:%M:%S}+00:00)")
    click.echo("\n".join(lines))
    if integrity != ["ok"]:
        raise click.ClickException(
            f'the database is damaged; recover it with: sqlite3 {store.path} ".recover" | '
            f"sqlite3 {store.path}.recovered"
        )


COMMANDS: list[click.Command] = [outbox_command, doctor]
