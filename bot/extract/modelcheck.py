"""Honest measurement of the learned second opinion (needs the ``train`` extra).

    python -m bot.extract.modelcheck [--end-to-end] [--jobs N]
                                     [--batches eval/heldback] [--always PATH ...]

Leave-one-batch-out: for each held-back batch, a model trained on every other batch
plus the ``--always`` files (default: eval/corpus and ../shared/data/dev.jsonl),
thresholds chosen by grouped cross-validation inside that training part, scores the
held-out batch, the rules alone against rules + model, per fold and pooled.

- default: extraction level (each item alone, no event store; bot.extract.lobo):
  relevance P/R/F1, actor type, action and authority precision;
- ``--end-to-end``: the held-out file replayed through the pipeline of ``policybot
  eval`` (store, vendor timeline, clustering, routing; bot.extract.endtoend), with its
  scores: relevance P/R/F1, actor type, action, vendor-channel alerts right, duplicate
  alerts in both channels, vendor events never alerted. Folds run in ``--jobs``
  processes (default 2).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from bot.extract import endtoend
from bot.extract.fitting import Sample, streamed_samples
from bot.extract.lobo import lobo_folds, report, run_fold
from bot.labelled_files import labelled_files, load_items

ALWAYS = ("eval/corpus", "../shared/data/dev.jsonl")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.extract.modelcheck", description=__doc__)
    parser.add_argument("--batches", type=Path, nargs="+", default=[Path("eval/heldback")])
    parser.add_argument("--always", type=Path, nargs="*", default=None)
    parser.add_argument("--end-to-end", action="store_true", help="replay through the pipeline")
    parser.add_argument("--jobs", type=int, default=2, help="processes for --end-to-end folds")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    always_paths = args.always if args.always is not None else [Path(p) for p in ALWAYS]
    batches = labelled_files(args.batches)
    always = labelled_files([p for p in always_paths if p.exists()])
    seen: dict[str, str] = {}

    @cache
    def samples_of(path: Path) -> list[Sample]:
        return streamed_samples(load_items(path, seen))

    for path in (*always, *batches):  # ids must be unique across every file
        samples_of(path)
    folds = lobo_folds(batches, always)
    level = "end to end (policybot eval's replay)" if args.end_to_end else "extraction level"
    print(f"LOBO {level} over {len(batches)} batches; always trained on: "
          f"{', '.join(map(str, always))}")  # fmt: skip
    if args.end_to_end:
        lines = endtoend.report(endtoend.run_all(folds, samples_of, args.jobs))
    else:
        lines = report([run_fold(fold, samples_of) for fold in folds])
    for line in lines:
        print(line, flush=True)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
