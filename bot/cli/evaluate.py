"""`policybot eval`: measure extraction (and clustering) on a labelled JSONL file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.evaluate import EvalInputError, format_report, run_eval, write_predictions
from bot.extract import DataFileError


@click.command("eval")
@click.argument("file", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the scores.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write one JSON line of predictions per item to this file.",
)
def eval_command(file: Path, as_json: bool, predictions: Path | None) -> None:
    """Score extraction on FILE.jsonl (labelled items in the dev.jsonl format).

    Needs neither feeds.yaml nor a database: clustering runs on a temporary file.
    """
    try:
        result = run_eval(file)
        if predictions is not None:
            write_predictions(result, predictions)
    except (EvalInputError, DataFileError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.report, ensure_ascii=False))
    else:
        click.echo(format_report(result))


COMMANDS: list[click.Command] = [eval_command]
