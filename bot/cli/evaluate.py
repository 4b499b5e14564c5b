"""`policybot eval`: measure extraction (and clustering) on a labelled JSONL file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot import eval_files
from bot.eval_report import format_report
from bot.evaluate import run_eval, write_predictions
from bot.extract import DataFileError
from bot.labelled_files import EvalInputError


@click.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the scores.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write one JSON line of predictions per item to this file.",
)
@click.option(
    "--per-file",
    is_flag=True,
    help="Replay every labelled file as its own stream and print one line of counts per file.",
)
def eval_command(
    paths: tuple[Path, ...], as_json: bool, predictions: Path | None, per_file: bool
) -> None:
    """Score PATHS: labelled .jsonl files (the dev.jsonl format) or folders of them.

    Prints the alert-level report first (the items replayed as feeds through the
    real store, clustering and routing into a vendor and an authority channel),
    then relevance, fields, clustering and per-class scores. Needs neither
    feeds.yaml nor a database: everything runs on temporary files. With --per-file,
    each file is replayed alone and one line per file gives its duplicate alerts,
    events alerted twice, merged and never alerted, and the sums over the files.
    """
    if per_file:
        if predictions is not None:
            raise click.ClickException("--predictions writes one file: leave out --per-file.")
        try:
            rows = eval_files.per_file(list(paths))
        except (EvalInputError, DataFileError) as exc:
            raise click.ClickException(str(exc)) from exc
        text = json.dumps(rows) if as_json else "\n".join(eval_files.format_lines(rows))
        click.echo(text)
        return
    try:
        result = run_eval(list(paths))
        if predictions is not None:
            write_predictions(result, predictions)
    except (EvalInputError, DataFileError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.report, ensure_ascii=False))
    else:
        click.echo(format_report(result))


COMMANDS: list[click.Command] = [eval_command]
