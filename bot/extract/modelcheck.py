"""Honest measurement of the learned second opinion (needs the ``train`` extra).

    python -m bot.extract.modelcheck --hold-out eval/heldback/batch2.jsonl [PATHS...]

Prints, at the extraction level (each item alone, no event store), relevance P/R/F1,
actor type and action for the rules alone and with the model:

- grouped cross-validation by event over all PATHS (thresholds chosen on the same
  out-of-fold scores, as ``bot.extract.train`` does);
- leave-one-file-out: a model trained (thresholds chosen by grouped CV) on every
  file but ``--hold-out``, scored on that file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bot.extract.learned import from_json
from bot.extract.train import (
    DEFAULT_PATHS,
    apply,
    choose,
    fit,
    metrics,
    out_of_fold,
    samples,
    score_with,
)
from bot.labelled_files import load_paths


def _files(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.extract.modelcheck", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--hold-out", type=Path, required=True)
    args = parser.parse_args(argv)
    files = _files(args.paths or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()])
    held = args.hold_out.resolve()
    data = samples(load_paths(files))
    scored = out_of_fold(data)
    t = choose(scored)
    print(f"grouped CV over {len(data)} items, rules alone : {metrics(data, apply(scored, None))}")
    print(f"grouped CV over {len(data)} items, with model  : {metrics(data, apply(scored, t))}")
    print(f"  thresholds {t}")
    train_files = [f for f in files if f.resolve() != held]
    train = samples(load_paths(train_files))
    t_train = choose(out_of_fold(train))
    model = from_json(fit(train, t_train))
    test = samples(load_paths([args.hold_out]))
    test_scored = score_with(model, test)
    name = args.hold_out.name
    print(
        f"leave {name} out ({len(test)} items), rules alone : {metrics(test, apply(test_scored, None))}"
    )
    print(
        f"leave {name} out ({len(test)} items), with model  : {metrics(test, apply(test_scored, t_train))}"
    )
    print(f"  thresholds (grouped CV without {name}) {t_train}")


if __name__ == "__main__":
    main()
