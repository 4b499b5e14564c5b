"""``policybot run`` (the daemon) and ``policybot poll`` (one cycle)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from bot.chat import registry
from bot.cli.progress import ProgressLine
from bot.cli.state import CliState, pass_state
from bot.cli.table import output_width
from bot.poll_summary import PollSummary
from bot.stopping import exit_at_once
from store.feed_catalog import added_feeds

if TYPE_CHECKING:
    from bot.app import Daemon
    from bot.config import Config
    from store import Store


@click.command()
@click.option("--tick", default=None, type=click.FloatRange(min=1.0),
              help="Seconds between checks for due feeds (default: $POLICYBOT_TICK or 30).")  # fmt: skip
@click.option("--http", "listen", default=None, metavar="[HOST:]PORT",
              help="Serve /healthz, /metrics, /feeds/events.atom and /feeds/events.json there "
              "(default: $POLICYBOT_HTTP, else off; HOST defaults to 127.0.0.1).")  # fmt: skip
@pass_state
def run(state: CliState, tick: float | None, listen: str | None) -> None:
    """Poll due feeds on a schedule and deliver alerts until Ctrl-C / SIGTERM."""
    with exit_at_once():  # a signal before the daemon's event loop handles them
        daemon = _start(state, listen, tick)
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C as the loop closes
            asyncio.run(daemon.run())
    if daemon.fatal is not None:
        raise click.ClickException(str(daemon.fatal))
    click.echo("policybot: stopped cleanly.", err=True)


def _start(state: CliState, listen: str | None, tick: float | None) -> Daemon:
    """Check --tick, --http and feeds.yaml, open the database, announce what runs."""
    from bot.app import Daemon
    from bot.http_server import parse_listen

    tick = tick if tick is not None else _tick(state.env.get("POLICYBOT_TICK"))
    listen = listen or state.env.get("POLICYBOT_HTTP") or None
    try:
        http = parse_listen(listen) if listen else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--http / POLICYBOT_HTTP") from None
    config = state.config()  # validated before the store is touched
    store = state.store()
    targets = [p.label for p in registry.platforms() if p.enabled(config.platform_settings(p.name))]
    click.echo(
        f"policybot: {len(config.feeds) + len(added_feeds(store))} feeds ({config.path} and "
        f"added ones), database {store.path}, "
        f"alerts to {', '.join(targets) or 'subscribed webhooks only'}. Ctrl-C stops.",
        err=True,
    )
    daemon = Daemon(store, config, tick_seconds=tick, on_poll=_report, http=http)
    if http:
        click.echo(f"policybot: event feeds at http://{http[0]}:{http[1]}/feeds/events.atom "
                   "and /feeds/events.json; /healthz and /metrics beside them", err=True)  # fmt: skip
    return daemon


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
    from bot import cpu_pool

    config = state.config()
    store = state.store()
    _workers_ahead(store, include_all)
    try:
        _poll(store, config, include_all)
    finally:
        cpu_pool.end_early()  # those the cycle did not take (it polled fewer feeds)


def _poll(store: Store, config: Config, include_all: bool) -> None:
    from bot.app import poll_and_deliver
    from bot.pipeline import prepare

    prepare(store, config)  # feeds.yaml mirrored first: the loop suits the due feeds
    progress = ProgressLine(sys.stderr, width=output_width(sys.stderr))
    try:
        with asyncio.Runner(loop_factory=_loop_for(store, include_all)) as runner:
            summary, delivered = runner.run(
                poll_and_deliver(
                    store, config, include_all=include_all, progress=progress, prepared=True
                )
            )
    finally:
        progress.clear()
    _failures(summary)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    sent = f"delivered {delivered.sent}, waiting {delivered.waiting}, failed {delivered.failed}"
    click.echo("\n".join(summary.lines(sent)))


def _workers_ahead(store: Store, include_all: bool) -> None:
    """Start the cycle's parsing workers now (``bot.cpu_pool.start_early``) when it will
    have a pool (``POOL_MIN_FEEDS`` due feeds or more, as the store has them before
    feeds.yaml is mirrored): their interpreters and imports then run on another core
    while this process loads the cycle's own code (the HTTP client, the pipeline, the
    writer), not after its first body. A cycle where every feed answers 304 ends them
    unused: their start (about a fifth of a CPU second on the other core) is the price
    of a bumped cycle's worker being ready sooner."""
    from datetime import UTC, datetime

    from bot import cpu_pool
    from store.feeds import due_count

    if due_count(store, now=datetime.now(UTC), include_all=include_all) >= cpu_pool.POOL_MIN_FEEDS:
        cpu_pool.start_early()


def _loop_for(store: Store, include_all: bool) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop for a cycle over the due feeds: asyncio's own (None) when more
    than ``POOL_AFTER`` of them are expected to bring a body to parse, else uvloop's
    (``_fast_loop``). In a cycle of many bodies the parsing worker sets the pace, not
    the loop, and uvloop (its module and its library's pages) held about 2 MB more at
    the peak of a cold cycle over a thousand feeds, for no CPU measured; in a cycle of
    conditional GETs the loop is most of the work."""
    from datetime import UTC, datetime

    from bot.pipeline import POOL_AFTER
    from store.feeds import expected_body_count

    now = datetime.now(UTC)
    many = expected_body_count(store, now=now, include_all=include_all) > POOL_AFTER
    return None if many else _fast_loop()


def _fast_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed (Linux, macOS), else asyncio's own
    (None): a cycle's thousand conditional GETs cost about a fifth less CPU on it. Only
    ``poll``, a short process that does little but that, uses it, and not for a cycle of
    many bodies (``_loop_for``); the daemon keeps asyncio's loop, which its chat SDKs
    and scheduler are tested on."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - Windows, or installed without it
        return None
    return uvloop.new_event_loop  # type: ignore[no-any-return]


def _failures(summary: PollSummary) -> None:
    """Each failed feed once: its problem without the feed's URL, grouped when shared."""
    if not summary.failures:
        return
    from bot.cli.feed_table import problem_lines  # only when something failed

    click.echo(f"warning: {len(summary.failures)} feed(s) failed:", err=True)
    for line in problem_lines(summary.failures, width=output_width(sys.stderr),
                              hint="`policybot feeds`"):  # fmt: skip
        click.echo(line, err=True)


def _report(summary: PollSummary) -> None:
    click.echo("\n".join(summary.lines()), err=True)
    _failures(summary)


COMMANDS: list[click.Command] = [run, poll]
