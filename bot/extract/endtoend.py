"""End-to-end leave-one-batch-out (LOBO) of the learned second opinion.

For each held-back batch, a model is trained on everything else (bot.extract.lobo:
thresholds by grouped cross-validation inside the training part only), then the
held-out file is replayed through the pipeline ``policybot eval`` runs (feeds, store,
extraction with the vendor's timeline, clustering, routing: bot.evaluate.replay)
twice: the rules alone, and with that fold's model asked by ``extract``. The scores
are ``policybot eval``'s own (bot.evaluate.score, bot.alert_scores), kept as counts
so that folds pool.

Folds run in a process pool (fork: the rules' findings and features of every file,
computed once, are shared with the workers).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from bot import evaluate
from bot.extract import learned
from bot.extract.fitting import Sample
from bot.extract.lobo import Fold, train_fold
from bot.labelled_files import LabelledItem


@dataclass(frozen=True)
class Counts:
    """What ``policybot eval`` prints for one file, as counts (so that files pool)."""

    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    actor_right: int = 0
    actor_n: int = 0  # items whose gold actor type is not none
    action_right: int = 0  # true positives with the gold action
    vendor_alerts: int = 0
    vendor_right: int = 0
    vendor_dup: int = 0
    vendor_never: int = 0  # vendor events never alerted
    authority_alerts: int = 0
    authority_right: int = 0
    authority_dup: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {
            "P": p,
            "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "actor": self.actor_right / self.actor_n if self.actor_n else 0.0,
            "action": self.action_right / self.tp if self.tp else 0.0,
            "vendor right %": 100 * self.vendor_right / self.vendor_alerts
            if self.vendor_alerts
            else 0.0,
        }

    def line(self) -> str:
        s = self.scores()
        return (
            f"P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f} actor {s['actor']:.3f} "
            f"action {s['action']:.3f} | vendor {self.vendor_right}/{self.vendor_alerts} right "
            f"({s['vendor right %']:.1f}%) dup {self.vendor_dup} never {self.vendor_never} "
            f"| authority {self.authority_right}/{self.authority_alerts} dup {self.authority_dup}"
        )


def counts(items: Sequence[LabelledItem]) -> Counts:
    """``items`` replayed through the pipeline as ``policybot eval`` does, scored by
    its own scorer, with whatever model ``extract`` asks now (bot.extract.learned)."""
    replayed = evaluate.replay(items)
    findings = [replayed.findings[i.id] for i in items]
    events = [replayed.events[i.id] for i in items]
    report = evaluate.score(items, findings, 0.0, events)
    rel, actor = report["relevance"], report["actor_type"]
    vendor = replayed.channels["vendor"].counts()
    authority = replayed.channels["authority"].counts()
    return Counts(
        items=len(items),
        tp=rel["tp"],
        fp=rel["fp"],
        fn=rel["fn"],
        actor_right=round(actor["accuracy"] * actor["n"]),
        actor_n=actor["n"],
        action_right=round(report["fields"]["action"] * rel["tp"]),
        vendor_alerts=vendor["alerts"],
        vendor_right=vendor["right"],
        vendor_dup=vendor["duplicate"],
        vendor_never=vendor["never_alerted"],
        authority_alerts=authority["alerts"],
        authority_right=authority["right"],
        authority_dup=authority["duplicate"],
    )


@dataclass(frozen=True)
class FoldResult:
    test: Path
    thresholds: dict[str, float]
    rules: Counts
    model: Counts


def run_fold(
    fold: Fold,
    samples_of: Callable[[Path], list[Sample]],
) -> FoldResult:
    """Train on the fold's training part; replay its held-out file without and with
    the model."""
    model, thresholds = train_fold(fold, samples_of)
    items = [s.item for s in samples_of(fold.test)]
    with learned.using(None):
        alone = counts(items)
    with learned.using(model):
        helped = counts(items)
    return FoldResult(fold.test, thresholds, alone, helped)


_SAMPLES: dict[Path, list[Sample]] = {}  # filled before the pool forks


def _cached(path: Path) -> list[Sample]:
    return _SAMPLES[path]


def _run_cached(fold: Fold) -> FoldResult:
    return run_fold(fold, _cached)


def run_all(
    folds: Sequence[Fold], samples_of: Callable[[Path], list[Sample]], jobs: int
) -> list[FoldResult]:
    """Every fold, in ``jobs`` forked processes (1: in this process), in fold order."""
    for fold in folds:
        for path in (fold.test, *fold.train):
            if path not in _SAMPLES:
                _SAMPLES[path] = samples_of(path)
    if jobs <= 1 or len(folds) < 2:
        return [_run_cached(fold) for fold in folds]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(_run_cached, folds, chunksize=1)


def report(results: Sequence[FoldResult]) -> list[str]:
    """Printed lines: per fold (rules alone, with model, thresholds), then pooled."""
    lines = []
    for r in results:
        name = f"{r.test.name} ({r.rules.items})"
        thresholds = " ".join(
            f"{k} {v:.2f}" if v <= 1 else f"{k} off" for k, v in r.thresholds.items()
        )
        lines.append(f"{name:<20} rules {r.rules.line()}")
        lines.append(f"{'':<20} model {r.model.line()}")
        lines.append(f"{'':<20}       thresholds: {thresholds}")
    rules = sum((r.rules for r in results), Counts())
    model = sum((r.model for r in results), Counts())
    name = f"pooled ({rules.items})"
    lines.append(f"{name:<20} rules {rules.line()}")
    lines.append(f"{'':<20} model {model.line()}")
    a, b = rules.scores(), model.scores()
    lines.append(
        f"{'':<20} gain  "
        + " ".join(f"{k} {b[k] - a[k]:+.3f}" for k in ("P", "R", "F1", "actor", "action"))
    )
    return lines
