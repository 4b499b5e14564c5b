"""The learned second opinion: three linear models over bot.extract.features.

Measured but NOT wired into ``extract`` (docs/extraction-model.md: under grouped
cross-validation and with batch2 held out it moved nothing beyond noise). Were it
wired (``second_opinion``), the rules would stay primary and the model would be asked
only where they leave a case open, with probability thresholds chosen by grouped cross-validation
(``python -m bot.extract.train``; see docs/extraction-model.md):

- relevance, when the rules found a vendor and an FR capability but no action
  they trust (the item would be dropped): a likely change becomes relevant, with
  the model's action;
- the action of a relevant finding whose evidence the rules rate weak, when the
  model is confident and disagrees.

At run time a model is a sparse dot product over weights read from
``bot/data/fr_model.json`` (lazily, once per process); scikit-learn is only needed
to train.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources as pkg_resources
from pathlib import Path
from typing import Any

from bot.extract.features import featurise
from bot.extract.resources import DataFileError
from bot.extract.scan import Scan
from bot.models import Entry, Finding

MODEL_FILE = "fr_model.json"


@dataclass(frozen=True)
class Linear:
    """A (multi-class) linear model: classes, their biases, feature → weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, feats: frozenset[str]) -> dict[str, float]:
        scores = list(self.bias)
        for feat in feats:
            w = self.weights.get(feat)
            if w is not None:
                for k, value in enumerate(w):
                    scores[k] += value
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
    """The rules found a vendor and an FR capability but no change they trust."""
    return (
        not found.relevant
        and found.actor_type in ("vendor", "none")
        and found.vendor is not None
        and found.signal is None
        and sc.has_fr
    )


def decide(
    thresholds: dict[str, float],
    found: Finding,
    p_relevant: float,
    actions: dict[str, float],
    published: date | None,
) -> Finding:
    """The finding after the second opinion (``found`` itself when nothing changes):
    ``p_relevant`` and ``actions`` are the model's probabilities for the item."""
    action = max(actions, key=lambda k: actions[k])
    if not found.relevant:
        if p_relevant < thresholds["relevant"]:
            return found
        return replace(
            found,
            relevant=True,
            actor_type="vendor",
            action=action,
            region=found.region or "global",
            effective=found.effective or published,
            confidence=round(min(p_relevant, 0.6), 3),
        )
    if (
        found.confidence < thresholds["weak_confidence"]
        and action != found.action
        and actions[action] >= thresholds["action"]
    ):
        return replace(found, action=action)
    return found


def asks(sc: Scan, found: Finding, thresholds: dict[str, float]) -> bool:
    """Whether the rules leave this case open to the second opinion."""
    if found.relevant:
        return found.confidence < thresholds["weak_confidence"]
    return open_case(sc, found)


def second_opinion(entry: Entry, sc: Scan, found: Finding) -> Finding:
    """``found`` revised by the learned model where the rules leave the case open."""
    if found.relevant and found.confidence >= 0.9:
        return found  # the common confident case: no model needed (not even loaded)
    if not found.relevant and not open_case(sc, found):
        return found
    m = model()
    if m is None or not asks(sc, found, m.thresholds):
        return found
    feats = featurise(entry.title, entry.text, entry.language, sc, found)
    published = entry.published.date() if entry.published else None
    p_relevant = m.relevant(feats) if not found.relevant else 1.0
    return decide(m.thresholds, found, p_relevant, m.action.probabilities(feats), published)
