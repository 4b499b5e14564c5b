"""``policybot run`` (the daemon) and ``policybot poll`` (one cycle)."""

from __future__ import annotations

import asyncio
import contextlib

import click

from bot.chat import registry
from bot.cli.state import CliState, pass_state


@click.command()
@click.option("--tick", default=30.0, show_default=True, type=click.FloatRange(min=1.0),
              help="Seconds between checks for due feeds.")  # fmt: skip
@pass_state
def run(state: CliState, tick: float) -> None:
    """Poll due feeds on a schedule and deliver alerts until Ctrl-C / SIGTERM."""
    from bot.app import Daemon

    config = state.config()  # validated before the store is touched
    store = state.store()
    targets = [p.label for p in registry.platforms() if p.enabled(config.platform_settings(p.name))]
    click.echo(
        f"policybot: {len(config.feeds)} feeds from {config.path}, database {store.path}, "
        f"alerts to {', '.join(targets) or 'subscribed webhooks only'}. Ctrl-C stops.",
        err=True,
    )
    daemon = Daemon(store, config, tick_seconds=tick,
                    on_poll=lambda s: click.echo(s.line(), err=True))  # fmt: skip
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C before the handlers were installed
        asyncio.run(daemon.run())
    if daemon.fatal is not None:
        raise click.ClickException(str(daemon.fatal))
    click.echo("policybot: stopped cleanly.", err=True)


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
