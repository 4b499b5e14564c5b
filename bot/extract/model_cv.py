"""Cross-validation for the learned second opinion (bot.extract.learned): grouped
folds, out-of-fold probabilities, the policy applied under given thresholds, the
extraction-level scores and the thresholds chosen on out-of-fold scores only.
Training itself is bot.extract.train (needs the ``train`` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.extract.acts import AUTHORITIES
from bot.extract.fitting import OFF, Sample, fit
from bot.extract.learned_model import Model, from_json
from bot.extract.learned_policy import asks, revise
from bot.models import Finding

FOLDS = 5
GRID = {
    "relevant": (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01),
    "actor": (0.6, 0.7, 0.8, 0.9, 0.95, 1.01),
    "vendor_deal": (0.6, 0.7, 0.8, 0.9, 0.95, 1.01),
    "weak_confidence": (0.0, 0.5, 0.6, 0.7, 0.8),
    "action": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "demote": (0.6, 0.7, 0.8, 0.9, 1.01),
    "drop": (0.0, 0.1, 0.2, 0.3, 0.4),
}
CAUTIOUS_LOW = ("weak_confidence", "drop")  # lower values of these change fewer findings


def _group(s: Sample) -> str:
    return str(s.item.gold.get("event_id") or s.item.id)


def folds(data: Sequence[Sample], k: int = FOLDS) -> list[list[int]]:
    """Grouped folds: whole events, assigned greedily by size (deterministic)."""
    groups: dict[str, list[int]] = {}
    for n, s in enumerate(data):
        groups.setdefault(_group(s), []).append(n)
    parts: list[list[int]] = [[] for _ in range(k)]
    for _, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        min(parts, key=len).extend(members)
    return parts


@dataclass(frozen=True)
class Scored:
    """One sample's rule finding and the model's probabilities (from a model that
    did not see it)."""

    sample: Sample
    p_relevant: float
    actions: dict[str, float]
    actors: dict[str, float]


def score_with(m: Model, data: Sequence[Sample]) -> list[Scored]:
    return [
        Scored(
            s, m.relevant(s.feats), m.action.probabilities(s.feats), m.actor.probabilities(s.feats)
        )
        if s.found is not None
        else Scored(s, 0.0, {}, {})
        for s in data
    ]


def out_of_fold(data: Sequence[Sample]) -> list[Scored]:
    """Grouped cross-validated probabilities for every sample."""
    scored: list[Scored | None] = [None] * len(data)
    for part in folds(data):
        held = set(part)
        m = from_json(fit([s for n, s in enumerate(data) if n not in held]))
        for n, sc in zip(part, score_with(m, [data[n] for n in part]), strict=True):
            scored[n] = sc
    return [s for s in scored if s is not None]


def revised(s: Scored, thresholds: dict[str, float] | None) -> Finding | None:
    """One sample's finding with the second opinion (None thresholds: rules alone)."""
    found, sample = s.sample.found, s.sample
    if thresholds is None or found is None or sample.scan is None:
        return found
    if found.relevant and found.confidence >= 0.9 or not asks(sample.scan, found, thresholds):
        return found
    published = sample.item.entry.published
    day = published.date() if published else None
    return revise(
        thresholds,
        sample.scan,
        found,
        day,
        lambda: s.p_relevant,
        lambda: s.actions,
        lambda: s.actors,
    )


def apply(scored: Sequence[Scored], thresholds: dict[str, float] | None) -> list[Finding | None]:
    """Findings with the second opinion under ``thresholds`` (None: rules alone)."""
    return [revised(s, thresholds) for s in scored]


def metrics(samples_: Sequence[Sample], findings: Sequence[Finding | None]) -> dict[str, float]:
    """Relevance P/R/F1, actor type (items whose gold actor is not none), action (true
    positives), and ``authP``: of the items given an authority actor type, the share
    whose gold actor type is that one (the actor score alone cannot see false ones)."""
    tp = fp = fn = act_ok = actor_ok = actor_n = auth_ok = auth_n = 0
    for s, f in zip(samples_, findings, strict=True):
        gold = s.item.gold
        pred = bool(f and f.relevant)
        tp += pred and gold["relevant"]
        fp += pred and not gold["relevant"]
        fn += gold["relevant"] and not pred
        if pred and gold["relevant"] and f is not None:
            act_ok += f.action == gold.get("action")
        predicted_actor = f.actor_type if f else "none"
        if gold.get("actor_type") not in (None, "none"):
            actor_n += 1
            actor_ok += predicted_actor == gold.get("actor_type")
        if predicted_actor in AUTHORITIES:
            auth_n += 1
            auth_ok += predicted_actor == gold.get("actor_type")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "P": round(p, 3),
        "R": round(r, 3),
        "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        "actor": round(actor_ok / actor_n, 3) if actor_n else 0.0,
        "action": round(act_ok / tp, 3) if tp else 0.0,
        "authP": round(auth_ok / auth_n, 3) if auth_n else 1.0,
    }


def _value(m: dict[str, float], base: dict[str, float]) -> float | None:
    """The objective (relevance F1 + actor + action), or None when precision (relevance
    or authority actor type) falls more than 0.01 below the rules' own."""
    if m["P"] < base["P"] - 0.01 or m["authP"] < base["authP"] - 0.01:
        return None
    return m["F1"] + m["actor"] + m["action"]


def choose(scored: Sequence[Scored]) -> dict[str, float]:
    """Thresholds chosen on out-of-fold scores, one part at a time (relevance, actor
    type, then weak actions), each maximising relevance F1 + actor + action while
    precision stays within 0.01 of the rules'; ties go to the cautious setting."""
    data = [s.sample for s in scored]
    base = metrics(data, apply(scored, None))
    chosen = dict(OFF)
    parts = (("relevant",), ("actor",), ("vendor_deal",), ("weak_confidence", "action"),
             ("demote",), ("drop",))  # fmt: skip
    for keys in parts:
        best: tuple[float, dict[str, float]] = (-1.0, dict(chosen))
        for combo in _combos(keys):
            t = {**chosen, **combo}
            value = _value(metrics(data, apply(scored, t)), base)
            if value is None:
                continue
            value += 1e-4 * sum(-v if k in CAUTIOUS_LOW else v for k, v in combo.items())
            if value > best[0]:
                best = (value, t)
        chosen = best[1]
    return chosen


def _combos(keys: tuple[str, ...]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{}]
    for key in keys:
        out = [{**c, key: v} for c in out for v in GRID[key]]
    return out
