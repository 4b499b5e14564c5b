"""``policybot browse``: open the archive in Datasette (read in a browser, query, export)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import click

from bot import browse as browsing
from bot.cli.state import CliState, pass_state


@click.command("browse")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open/--no-open", "open_browser", default=True, help="Open a browser.")
@pass_state
def browse(state: CliState, host: str, port: int, open_browser: bool) -> None:
    """Browse the archive in Datasette: events, mentions, feeds, deliveries, canned queries."""
    if not browsing.available():
        raise click.ClickException(browsing.INSTALL_HINT)
    store = state.store()  # creates and migrates the file if needed
    database = Path(store.path)
    state.close()
    with tempfile.TemporaryDirectory(prefix="policybot-browse-") as folder:
        meta = browsing.write_metadata(database, Path(folder))
        args = browsing.command(database, meta, host=host, port=port, open_browser=open_browser)
        click.echo(f"policybot: Datasette on http://{host}:{port}/{database.stem} "
                   f"(queries: {', '.join(browsing.query_names())}). Ctrl-C stops.", err=True)  # fmt: skip
        try:
            code = subprocess.call([sys.executable, "-m", "datasette", *args])
        except KeyboardInterrupt:
            code = 0
    if code not in (0, -2, 130):
        raise click.ClickException(f"Datasette stopped with exit code {code}.")


COMMANDS: list[click.Command] = [browse]
