"""Fitting the learned second opinion's three linear models (needs scikit-learn, the
``train`` extra, only when fitting): the labelled items as samples with the rules'
findings and features, and the weights as the JSON ``bot/data/fr_model.json`` holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.extract import rules
from bot.extract.features import featurise
from bot.extract.scan import Scan
from bot.labelled_files import LabelledItem
from bot.models import ACTIONS, Entry, Finding

OFF = {
    "relevant": 1.01, "actor": 1.01, "vendor_deal": 1.01, "weak_confidence": 0.0, "action": 1.01,
    "demote": 1.01, "drop": 0.0,
}  # fmt: skip

ACTORS = ("court", "government", "none", "regulator", "vendor")
MIN_COUNT = 2  # a feature seen in fewer items is dropped
C = {"relevance": 1.0, "action": 1.0, "actor": 1.0}
PRUNE = 0.01  # weights smaller than this are not stored
PRUNE_CHARS = 0.03  # ... and for the many hashed character n-gram buckets, this


@dataclass(frozen=True)
class Sample:
    item: LabelledItem
    found: Finding | None
    feats: frozenset[str]
    open: bool  # the rules' scan saw FR content (the model may be asked)
    scan: Any


def samples(items: Sequence[LabelledItem]) -> list[Sample]:
    """Each item with the rules' finding and its features, the item read alone."""
    out = []
    for item in items:
        e = item.entry
        sc, found = rules(e)
        feats = featurise(e.title, e.text, e.language, sc, found) if found else frozenset()
        out.append(Sample(item, found, feats, sc is not None and found is not None, sc))
    return out


def streamed_samples(items: Sequence[LabelledItem]) -> list[Sample]:
    """Each item with the reading the model is handed at run time: ``items`` replayed as
    one feed stream through ``policybot eval``'s pipeline (rules alone), so that an item
    is read with the FR vendors the store knew by then ("Orrin's halt, explained" after
    Orrin's pause: FR news with no face word in it), as ``extract`` reads it in the
    daemon. An item the pipeline never handed to the model keeps its reading alone."""
    from bot import evaluate
    from bot.extract import learned

    handed: dict[str, tuple[Entry, Scan, Finding]] = {}

    def keep(entry: Entry, sc: Scan, found: Finding) -> None:
        if entry.guid is not None:
            handed[entry.guid] = (entry, sc, found)  # the last reading is the one kept

    with learned.using(None), learned.recording(keep):
        evaluate.replay(items)
    out = []
    for item, alone in zip(items, samples(items), strict=True):
        if item.id not in handed:
            out.append(alone)
            continue
        e, sc, found = handed[item.id]
        feats = featurise(e.title, e.text, e.language, sc, found)
        out.append(Sample(item, found, feats, True, sc))
    return out


def _fit_linear(rows: list[frozenset[str]], labels: list[str], c: float) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

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
    with threadpool_limits(1):  # more BLAS threads only cost CPU on small sparse fits
        clf.fit(x, labels)
    classes = [str(k) for k in clf.classes_]
    coef, bias = clf.coef_, clf.intercept_
    weights = {}
    for f, i in index.items():
        w = [round(float(v), 3) for v in coef[:, i]]
        if max(abs(v) for v in w) >= (PRUNE_CHARS if f.startswith("c:") else PRUNE):
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
    chosen = thresholds or dict(OFF)
    return {"relevance": rel, "action": act, "actor": actor, "thresholds": chosen}
