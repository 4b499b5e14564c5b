"""``policybot backup FILE``: a consistent copy of the database, safe while it runs."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.state import CliState, pass_state


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@pass_state
def backup(state: CliState, file: Path, force: bool) -> None:
    """Copy the database to FILE with SQLite's online backup (the daemon may keep running).
    Restore by stopping policybot and putting FILE in place of the database."""
    store = state.store(create=False)
    if file.exists() and not force:
        raise click.ClickException(
            f"{file} exists; pass --force to replace it, or name a new file."
        )
    if file.resolve() == store.path.resolve():
        raise click.ClickException(f"{file} is the database itself; name another file.")
    if not file.parent.is_dir():
        raise click.ClickException(f"the folder {file.parent} does not exist; create it first.")
    version = store.backup(file)
    size = file.stat().st_size
    click.echo(f"backed up {store.path} to {file}: {size:,} bytes, schema version {version}, "
               "integrity ok")  # fmt: skip


COMMANDS: list[click.Command] = [backup]
