"""``policybot run`` (the daemon) and ``policybot poll`` (one cycle)."""

from __future__ import annotations

import asyncio
import contextlib

import click

from bot.chat import registry
from bot.cli.state import CliState, pass_state


@click.command()
@click.option("--tick", default=None, type=click.FloatRange(min=1.0),
              help="Seconds between checks for due feeds (default: $POLICYBOT_TICK or 30).")  # fmt: skip
@click.option("--http", "http", default=None, metavar="[HOST:]PORT",
              help="Serve /healthz and /metrics there (default: $POLICYBOT_HTTP, else off; "
              "HOST defaults to 127.0.0.1).")  # fmt: skip
@pass_state
def run(state: CliState, tick: float | None, http: str | None) -> None:
    """Poll due feeds on a schedule and deliver alerts until Ctrl-C / SIGTERM."""
    from bot.app import Daemon
    from bot.http_server import parse_listen

    tick = tick if tick is not None else _tick(state.env.get("POLICYBOT_TICK"))
    http = http or state.env.get("POLICYBOT_HTTP") or None
    try:
        listen = parse_listen(http) if http else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--http / POLICYBOT_HTTP") from None
    config = state.config()  # validated before the store is touched
    store = state.store()
    targets = [p.label for p in registry.platforms() if p.enabled(config.platform_settings(p.name))]
    click.echo(
        f"policybot: {len(config.feeds)} feeds from {config.path}, database {store.path}, "
        f"alerts to {', '.join(targets) or 'subscribed webhooks only'}. Ctrl-C stops.",
        err=True,
    )
    daemon = Daemon(store, config, tick_seconds=tick, http=listen,
                    on_poll=lambda s: click.echo(s.line(), err=True))  # fmt: skip
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C before the handlers were installed
        asyncio.run(daemon.run())
    if daemon.fatal is not None:
        raise click.ClickException(str(daemon.fatal))
    click.echo("policybot: stopped cleanly.", err=True)


def _tick(text: str | None) -> float:
    if not text:
        return 30.0
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value < 1.0:
        raise click.BadParameter(f"POLICYBOT_TICK={text!r}: write a number of seconds, 1 or more.")
    return value


@click.command()
@click.option("--all", "include_all", is_flag=True, help="Poll every enabled feed, due or not.")
@pass_state
def poll(state: CliState, include_all: bool) -> None:
    """Run one polling cycle over due feeds (or --all), deliver, print a summary."""
    from bot.app import poll_and_deliver

    config = state.config()
    store = state.store()
    summary, delivered = asyncio.run(poll_and_deliver(store, config, include_all=include_all))
    for error in summary.errors:
        click.echo(f"warning: {error}", err=True)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"{summary.line()}; delivered {delivered.sent}, waiting {delivered.waiting}, "
               f"failed {delivered.failed}")  # fmt: skip


COMMANDS: list[click.Command] = [run, poll]
