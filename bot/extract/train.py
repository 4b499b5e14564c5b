"""Train the learned second opinion (bot.extract.learned) from labelled JSONL files.

    python -m bot.extract.train [--out bot/data/fr_model.json] [PATHS...]

Default PATHS: ../shared/data/dev.jsonl (when present), eval/corpus, eval/heldback.
Needs scikit-learn (``pip install -e '.[train]'``); the run-time model does not.
Each file is replayed as its own feed stream through ``policybot eval``'s pipeline (rules
alone) and every item is learned from as the pipeline reads it (fitting.streamed_samples).
Deterministic: same files and rules give the same weights. Thresholds are chosen by
grouped cross-validation (an event's items never split between folds), never on a
held-out file; bot.extract.modelcheck reports what the model changes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from bot.extract.fitting import fit, streamed_samples
from bot.extract.model_cv import FOLDS, apply, choose, metrics, out_of_fold
from bot.labelled_files import labelled_files, load_items

DEFAULT_PATHS = ("../shared/data/dev.jsonl", "eval/corpus", "eval/heldback")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.extract.train", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("bot/data/fr_model.json"))
    args = parser.parse_args(argv)
    paths = args.paths or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()]
    seen: dict[str, str] = {}  # ids must be unique across every file
    # each file read as its own feed stream, as the pipeline hands items to the model
    data = [s for path in labelled_files(paths) for s in streamed_samples(load_items(path, seen))]
    scored = out_of_fold(data)
    thresholds = choose(scored)
    raw = fit(data, thresholds)
    raw["trained_on"] = sorted({p.name for p in paths})
    args.out.write_text(json.dumps(raw, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"{len(data)} items from {', '.join(map(str, paths))}")
    print(f"grouped {FOLDS}-fold CV, rules alone : {metrics(data, apply(scored, None))}")
    print(f"grouped {FOLDS}-fold CV, with model  : {metrics(data, apply(scored, thresholds))}")
    print(f"thresholds: {thresholds}")
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
