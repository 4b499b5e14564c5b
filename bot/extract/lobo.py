"""Leave-one-batch-out (LOBO) measurement of the learned second opinion.

Each held-back batch (eval/heldback/*.jsonl) was written by a different independent
writer, so holding one out at a time and training on everything else (the other
batches, eval/corpus, dev) asks the question that matters: does the model help on
wording nobody tuned it on? Thresholds are chosen by grouped cross-validation inside
each fold's training part only; the held-out batch is scored once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.extract.fitting import Sample, fit
from bot.extract.learned_model import Model, from_json
from bot.extract.model_cv import apply, choose, metrics, out_of_fold, score_with
from bot.models import Finding


@dataclass(frozen=True)
class Fold:
    """One LOBO fold: train on ``train``, score ``test``."""

    test: Path
    train: tuple[Path, ...]


def lobo_folds(batches: Sequence[Path], always: Sequence[Path]) -> list[Fold]:
    """One fold per batch: that batch held out, every other batch and ``always``
    (corpus, dev) trained on. A file may not be both a batch and always trained on."""
    if len(batches) < 2:
        raise ValueError(f"leave-one-batch-out needs two batches or more, got {len(batches)}")
    overlap = {p.resolve() for p in batches} & {p.resolve() for p in always}
    if overlap:
        names = ", ".join(sorted(str(p) for p in overlap))
        raise ValueError(f"{names}: both a held-out batch and always trained on; name it once")
    return [Fold(test, tuple(always) + tuple(b for b in batches if b != test)) for test in batches]


@dataclass(frozen=True)
class FoldResult:
    fold: Fold
    test: list[Sample]
    rules: list[Finding | None]
    model: list[Finding | None]
    thresholds: dict[str, float]
    p_relevant: list[float]  # the fold's model's P(relevant) for each held-out item


def train_fold(
    fold: Fold, samples_of: Callable[[Path], list[Sample]]
) -> tuple[Model, dict[str, float]]:
    """The fold's model, trained on its training files only, and its thresholds
    (chosen by grouped CV there): the held-out file is never read."""
    train = [s for path in fold.train for s in samples_of(path)]
    thresholds = choose(out_of_fold(train))
    return from_json(fit(train, thresholds)), thresholds


def run_fold(fold: Fold, samples_of: Callable[[Path], list[Sample]]) -> FoldResult:
    """Train on the fold's training files (thresholds by grouped CV there), score its
    held-out batch with the rules alone and with the model."""
    model, thresholds = train_fold(fold, samples_of)
    test = samples_of(fold.test)
    scored = score_with(model, test)
    return FoldResult(
        fold,
        test,
        apply(scored, None),
        apply(scored, thresholds),
        thresholds,
        [s.p_relevant for s in scored],
    )


def report(results: Sequence[FoldResult]) -> list[str]:
    """Printed lines: per fold, then all held-out batches pooled."""
    lines = []
    for r in results:
        name = f"{r.fold.test.name} ({len(r.test)})"
        lines.append(f"{name:<22} rules {_fmt(metrics(r.test, r.rules))}")
        lines.append(f"{'':<22} model {_fmt(metrics(r.test, r.model))}  {_fmt(r.thresholds)}")
    pooled = [s for r in results for s in r.test]
    rules = [f for r in results for f in r.rules]
    model = [f for r in results for f in r.model]
    lines.append(f"{f'all ({len(pooled)})':<22} rules {_fmt(metrics(pooled, rules))}")
    lines.append(f"{'':<22} model {_fmt(metrics(pooled, model))}")
    return lines


def _fmt(values: dict[str, float]) -> str:
    return " ".join(f"{k} {v:.3f}" if v <= 1 else f"{k} off" for k, v in values.items())
