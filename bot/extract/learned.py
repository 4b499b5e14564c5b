"""The learned second opinion: three linear models over bot.extract.features.

Measured but NOT wired into ``extract`` (docs/extraction-model.md: leave-one-batch-out
gains are below the bar or route nothing, and it opens hand-written hard negatives).
Were it wired (``second_opinion``), the rules would stay primary and the model would
be asked only where they leave a case open, with
probability thresholds chosen by grouped cross-validation (``python -m
bot.extract.train``; leave-one-batch-out in docs/extraction-model.md):

- relevance, when the rules dropped an item with an FR term or a vendor name that
  names a vendor (not an authority's act, nor a deployment or restatement, which
  the vendor history reads): a likely change becomes relevant, with
  the model's action;
- actor type, for a dropped item, when the model is confident and disagrees;
- the action of a relevant finding whose evidence the rules rate weak, when the
  model is confident and disagrees.

At run time a model is a sparse dot product over weights read from
``bot/data/fr_model.json`` (lazily, once per process); scikit-learn is only needed
to train.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources as pkg_resources
from pathlib import Path
from typing import Any

from bot.extract.acts import AUTHORITIES
from bot.extract.features import featurise
from bot.extract.resources import DataFileError
from bot.extract.scan import Scan
from bot.models import Entry, Finding

MODEL_FILE = "fr_model.json"
# A deployment or a restatement is news only against the vendor's timeline, which the
# event store's history reads (bot.events.history): not the model's call.
LEFT_TO_HISTORY = ("deployment", "restatement")


@dataclass(frozen=True)
class Linear:
    """A (multi-class) linear model: classes, their biases, feature → weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, feats: frozenset[str]) -> dict[str, float]:
        get = self.weights.get
        rows = [w for w in map(get, feats) if w is not None]
        if rows:  # columns summed in C: zip(*rows) transposes the feature rows
            scores = [
                b + sum(col) for b, col in zip(self.bias, zip(*rows, strict=True), strict=True)
            ]
        else:
            scores = list(self.bias)
        if len(self.classes) == 2 and len(scores) == 1:  # binary: one logit
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, scores[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@dataclass(frozen=True)
class Model:
    relevance: Linear  # classes ("no", "yes")
    action: Linear  # the eight actions
    actor: Linear  # actor types
    thresholds: dict[str, float]

    def relevant(self, feats: frozenset[str]) -> float:
        return self.relevance.probabilities(feats)["yes"]


def _linear(raw: dict[str, Any]) -> Linear:
    classes = tuple(raw["classes"])
    return Linear(
        classes,
        tuple(float(b) for b in raw["bias"]),
        {f: tuple(float(x) for x in w) for f, w in raw["weights"].items()},
    )


def from_json(raw: dict[str, Any]) -> Model:
    return Model(
        relevance=_linear(raw["relevance"]),
        action=_linear(raw["action"]),
        actor=_linear(raw["actor"]),
        thresholds={k: float(v) for k, v in raw["thresholds"].items()},
    )


def read(path: Path) -> Model:
    """A model file; a broken one raises DataFileError naming it."""
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(
            f"{path}: not a readable model file ({exc}); regenerate it with "
            "`python -m bot.extract.train`"
        ) from exc


_override: list[Model | None] = []


@cache
def _shipped() -> Model:
    path = Path(str(pkg_resources.files("bot") / "data" / MODEL_FILE))
    return read(path)


def model() -> Model | None:
    """The model in use: the shipped one unless ``use`` set another (or none)."""
    return _override[-1] if _override else _shipped()


def use(replacement: Model | None) -> None:
    """Use ``replacement`` (None: rules only) from now on in this process; for
    measuring a model trained on part of the data (bot.extract.train)."""
    _override.clear()
    _override.append(replacement)


def open_case(sc: Scan, found: Finding) -> bool:
    """The rules dropped an item with some FR signal (an FR term or a vendor name)
    that names a vendor: the model may open it as that vendor's change."""
    return (
        not found.relevant
        and found.actor_type not in AUTHORITIES
        and found.vendor is not None
        and found.signal not in LEFT_TO_HISTORY
        and bool(sc.fr or sc.vendors)
    )


def _top(probs: dict[str, float]) -> str:
    return max(sorted(probs), key=lambda k: probs[k])


def decide(
    thresholds: dict[str, float],
    found: Finding,
    p_relevant: float,
    actions: dict[str, float],
    published: date | None,
    actors: dict[str, float] | None = None,
) -> Finding:
    """The finding after the second opinion (``found`` itself when nothing changes):
    ``p_relevant``, ``actions`` and ``actors`` are the model's probabilities for the
    item (``actions`` may be empty when ``p_relevant`` opens nothing). Thresholds:
    ``relevant`` opens a dropped vendor item, ``actor`` replaces the actor type of a
    dropped item the rules gave no authority, ``action`` (below ``weak_confidence``)
    replaces a weak finding's action; a threshold above 1 turns its part off."""
    if found.relevant:
        if found.confidence >= thresholds["weak_confidence"] or not actions:
            return found
        action = _top(actions)
        if action != found.action and actions[action] >= thresholds["action"]:
            return replace(found, action=action)
        return found
    if found.actor_type in AUTHORITIES:
        return found
    if found.vendor is not None and p_relevant >= thresholds["relevant"] and actions:
        return replace(
            found,
            relevant=True,
            actor_type="vendor",
            action=_top(actions),
            region=found.region or "global",
            effective=found.effective or published,
            confidence=round(min(p_relevant, 0.6), 3),
        )
    if actors:
        actor = _top(actors)
        if actor != found.actor_type and actors[actor] >= thresholds.get("actor", 1.01):
            return replace(found, actor_type=actor)
    return found


def asks(sc: Scan, found: Finding, thresholds: dict[str, float]) -> bool:
    """Whether the rules leave this case open to the second opinion."""
    if found.relevant:
        return found.confidence < thresholds["weak_confidence"]
    if found.actor_type in AUTHORITIES:
        return False
    return open_case(sc, found) or thresholds.get("actor", 1.01) <= 1.0


def second_opinion(entry: Entry, sc: Scan, found: Finding) -> Finding:
    """``found`` revised by the learned model where the rules leave the case open."""
    if found.relevant and found.confidence >= 0.9:
        return found  # the common confident case: no model needed (not even loaded)
    m = model()
    if m is None or not asks(sc, found, m.thresholds):
        return found
    feats = featurise(entry.title, entry.text, entry.language, sc, found)
    published = entry.published.date() if entry.published else None
    return revise(
        m.thresholds,
        sc,
        found,
        published,
        lambda: m.relevant(feats),
        lambda: m.action.probabilities(feats),
        lambda: m.actor.probabilities(feats),
    )


def revise(
    thresholds: dict[str, float],
    sc: Scan,
    found: Finding,
    published: date | None,
    relevance: Callable[[], float],
    actions: Callable[[], dict[str, float]],
    actors: Callable[[], dict[str, float]],
) -> Finding:
    """``decide`` for a case ``asks`` admits, asking the model only for what the case
    needs (P(relevant) of an open case; actions of a weak or opened finding; actor
    types of an item left dropped): the same path at run time and in measurement."""
    if found.relevant:
        return decide(thresholds, found, 1.0, actions(), published)
    p_relevant = relevance() if open_case(sc, found) else 0.0
    if p_relevant >= thresholds["relevant"]:
        return decide(thresholds, found, p_relevant, actions(), published)
    return decide(thresholds, found, p_relevant, {}, published, actors())
