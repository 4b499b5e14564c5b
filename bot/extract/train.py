"""Train the learned second opinion (bot.extract.learned) from labelled JSONL files.

    python -m bot.extract.train [--out bot/data/fr_model.json] [PATHS...]

Default PATHS: ../shared/data/dev.jsonl (when present), eval/corpus, eval/heldback.
Needs scikit-learn (``pip install -e '.[train]'``); the run-time model does not.
Deterministic: same files and rules give the same weights. Thresholds are chosen by
grouped cross-validation (an event's items never split between folds), never on a
held-out file; bot.extract.modelcheck reports what the model changes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.extract import rules
from bot.extract.features import featurise
from bot.labelled_files import LabelledItem, load_paths
from bot.models import ACTIONS, Finding

DEFAULT_PATHS = ("../shared/data/dev.jsonl", "eval/corpus", "eval/heldback")
ACTORS = ("court", "government", "none", "regulator", "vendor")
MIN_COUNT = 2  # a feature seen in fewer items is dropped
C = {"relevance": 1.0, "action": 1.0, "actor": 1.0}
PRUNE = 0.01  # weights smaller than this are not stored


@dataclass(frozen=True)
class Sample:
    item: LabelledItem
    found: Finding | None
    feats: frozenset[str]
    open: bool  # the rules' scan saw FR content (the model may be asked)
    scan: Any


def samples(items: Sequence[LabelledItem]) -> list[Sample]:
    """Each item with the rules' finding and its features."""
    out = []
    for item in items:
        e = item.entry
        sc, found = rules(e)
        feats = featurise(e.title, e.text, e.language, sc, found) if found else frozenset()
        out.append(Sample(item, found, feats, sc is not None and found is not None, sc))
    return out


def _fit_linear(rows: list[frozenset[str]], labels: list[str], c: float) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for feats in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    indices, indptr = [], [0]
    for feats in rows:
        indices.extend(sorted(index[f] for f in feats if f in index))
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    clf.fit(x, labels)
    classes = [str(k) for k in clf.classes_]
    coef, bias = clf.coef_, clf.intercept_
    weights = {}
    for f, i in index.items():
        w = [round(float(v), 3) for v in coef[:, i]]
        if max(abs(v) for v in w) >= PRUNE:
            weights[f] = w
    return {"classes": classes, "bias": [round(float(b), 4) for b in bias], "weights": weights}


def fit(train: Sequence[Sample], thresholds: dict[str, float] | None = None) -> dict[str, Any]:
    """The three models fitted on ``train`` (as the JSON the model file holds)."""
    seen = [s for s in train if s.found is not None]
    rel = _fit_linear(
        [s.feats for s in seen],
        ["yes" if s.item.gold["relevant"] else "no" for s in seen],
        C["relevance"],
    )
    acting = [s for s in seen if s.item.gold["relevant"] and s.item.gold.get("action") in ACTIONS]
    act = _fit_linear(
        [s.feats for s in acting], [s.item.gold["action"] for s in acting], C["action"]
    )
    actor = _fit_linear(
        [s.feats for s in seen], [str(s.item.gold.get("actor_type")) for s in seen], C["actor"]
    )
    chosen = thresholds or {"relevant": 1.01, "actor": 1.01, "weak_confidence": 0.0, "action": 1.01}
    return {"relevance": rel, "action": act, "actor": actor, "thresholds": chosen}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.extract.train", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("bot/data/fr_model.json"))
    args = parser.parse_args(argv)
    paths = args.paths or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()]
    from bot.extract.model_cv import FOLDS, apply, choose, metrics, out_of_fold

    data = samples(load_paths(paths))
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
