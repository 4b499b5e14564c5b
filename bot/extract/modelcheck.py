"""Honest measurement of the learned second opinion (needs the ``train`` extra).

    python -m bot.extract.modelcheck [--batches eval/heldback] [--always PATH ...]

Leave-one-batch-out at the extraction level (each item alone, no event store): for
each held-back batch, a model trained on every other batch plus the ``--always``
files (default: eval/corpus and ../shared/data/dev.jsonl), thresholds chosen by
grouped cross-validation inside that training part, scores the held-out batch. Prints
relevance P/R/F1, actor type, action and authority precision for the rules alone and
with the model, per fold and pooled over all folds (bot.extract.lobo).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from bot.extract.fitting import Sample, samples
from bot.extract.lobo import lobo_folds, report, run_fold
from bot.labelled_files import labelled_files, load_items

ALWAYS = ("eval/corpus", "../shared/data/dev.jsonl")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.extract.modelcheck", description=__doc__)
    parser.add_argument("--batches", type=Path, nargs="+", default=[Path("eval/heldback")])
    parser.add_argument("--always", type=Path, nargs="*", default=None)
    args = parser.parse_args(argv)
    always_paths = args.always if args.always is not None else [Path(p) for p in ALWAYS]
    batches = labelled_files(args.batches)
    always = labelled_files([p for p in always_paths if p.exists()])
    seen: dict[str, str] = {}

    @cache
    def samples_of(path: Path) -> list[Sample]:
        return samples(load_items(path, seen))

    for path in (*always, *batches):  # ids must be unique across every file
        samples_of(path)
    print(f"LOBO over {len(batches)} batches; always trained on: {', '.join(map(str, always))}")
    for line in report([run_fold(fold, samples_of) for fold in lobo_folds(batches, always)]):
        print(line, flush=True)


if __name__ == "__main__":
    main()
