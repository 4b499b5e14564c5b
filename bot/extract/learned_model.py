"""The learned second opinion's models (bot.extract.learned): three linear models
(relevance; action among the eight; actor type) as a sparse dot product over weights,
and the model file that holds them (``bot/data/fr_model.json``, written by
``python -m bot.extract.train``), read through a marshal copy (``load``). Run time needs
only the standard library; scikit-learn is only needed to train."""

from __future__ import annotations

import json
import marshal
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.extract.features import word_set
from bot.extract.resources import DataFileError
from bot.yaml_loader import cached_copy

Row = tuple[float, ...]


class Weights(Mapping[str, Row]):
    """One model's weight rows by feature name, read through a numbering of the feature
    names that the three models of a file share (``numbers``: name → number; ``rows``:
    number → this model's row, None where it weighs no such feature). A ``Scorer``
    scores over these same numbers and rows, so a model read from a file is held once
    (a dictionary per model beside the scorer's numbering held 1.1 MB more in every
    process that extracts)."""

    __slots__ = ("numbers", "rows", "_size")

    def __init__(self, numbers: dict[str, int], rows: list[Row | None]) -> None:
        self.numbers, self.rows = numbers, rows
        self._size = sum(row is not None for row in rows)

    def __getitem__(self, name: str) -> Row:
        row = self.rows[self.numbers[name]]
        if row is None:
            raise KeyError(name)
        return row

    def get(self, name: str, default: Any = None) -> Any:
        number = self.numbers.get(name)
        row = None if number is None else self.rows[number]
        return default if row is None else row

    def __contains__(self, name: object) -> bool:
        number = self.numbers.get(name) if isinstance(name, str) else None
        return number is not None and self.rows[number] is not None

    def __iter__(self) -> Iterator[str]:
        rows = self.rows
        return (name for name, number in self.numbers.items() if rows[number] is not None)

    def __len__(self) -> int:
        return self._size


@dataclass(frozen=True)
class Linear:
    """A (multi-class) linear model: classes, their biases, feature → weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Row]

    def probabilities(self, feats: frozenset[str]) -> dict[str, float]:
        return self.of_rows([w for w in map(self.weights.get, feats) if w is not None])

    def of_rows(self, rows: list[tuple[float, ...]]) -> dict[str, float]:
        """The probabilities of an item whose features' weight rows are ``rows``."""
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

    # the scorer of the three models over feature numbers (made when first asked for)
    _scorer: list[Scorer] = field(default_factory=list, compare=False, repr=False)

    def relevant(self, feats: frozenset[str]) -> float:
        return self.relevance.probabilities(feats)["yes"]

    def scorer(self) -> Scorer:
        if not self._scorer:
            self._scorer.append(Scorer(self))
        return self._scorer[0]


_WORDS_KEPT = 1 << 15  # words whose feature numbers a scorer keeps


class Scorer:
    """The three models of one ``Model`` over feature numbers: each feature any of them
    weighs gets a number, and each word the numbers of its features (``word_set``),
    once per process (within a bound), so that an item is scored with a set union and
    list look-ups instead of a dictionary look-up per feature string and model. The
    same probabilities as ``Linear.probabilities(featurise(...))``: the same features'
    rows are summed (in another order)."""

    def __init__(self, m: Model) -> None:
        self.linears = (m.relevance, m.action, m.actor)
        # per model, feature number -> its weight row (None: a feature it does not weigh);
        # a model read from a file brings them (``Weights``): its rows are not copied
        self.numbers, self.rows = _numbered(self.linears)
        self._words: dict[str, frozenset[int]] = {}

    def features(self, words: Iterable[str], rest: Iterable[str]) -> set[int]:
        """The numbers of the weighed features of an item (``feature_parts``)."""
        number, kept = self.numbers.get, self._words
        out = {n for n in map(number, rest) if n is not None}
        for word in words:
            known = kept.get(word)
            if known is None:
                known = frozenset(n for n in map(number, word_set(word)) if n is not None)
                if len(kept) < _WORDS_KEPT:
                    kept[word] = known
            out |= known
        return out

    def probabilities(self, which: int, features: set[int]) -> dict[str, float]:
        """Model ``which`` (0 relevance, 1 action, 2 actor) on numbered features."""
        rows = self.rows[which]
        # (the weighed features' rows, in the set's order: picked and filtered in C)
        return self.linears[which].of_rows(list(filter(None, map(rows.__getitem__, features))))


def _numbered(
    linears: tuple[Linear, ...],
) -> tuple[dict[str, int], tuple[list[Row | None], ...]]:
    """The feature numbering the models share and each model's rows by number: the
    ``Weights``' own when all of them read one numbering, else made (each feature in
    the order the models and their weights list it)."""
    weights = [linear.weights for linear in linears]
    first = weights[0]
    if isinstance(first, Weights) and all(
        isinstance(w, Weights) and w.numbers is first.numbers for w in weights
    ):
        return first.numbers, tuple(w.rows for w in weights if isinstance(w, Weights))
    numbers: dict[str, int] = {}
    for w in weights:
        for name in w:
            numbers.setdefault(name, len(numbers))
    return numbers, tuple([w.get(name) for name in numbers] for w in weights)


def from_json(raw: dict[str, Any]) -> Model:
    """The three models of a model file, their weights over one numbering (``Weights``).
    ``shared`` keeps one object per distinct weight, weight row and feature name across
    the three models (the stored weights are rounded: a few hundred distinct values),
    so that the marshal copy (``load``) stores each once."""
    shared: dict[Any, Any] = {}

    def one(x: Any) -> Any:
        return shared.setdefault(x, x)

    parts = [raw["relevance"], raw["action"], raw["actor"]]
    numbers: dict[str, int] = {}
    for part in parts:
        for name in part["weights"]:
            numbers.setdefault(one(name), len(numbers))
    linears = []
    for part in parts:
        rows: list[Row | None] = [None] * len(numbers)
        for name, w in part["weights"].items():
            rows[numbers[name]] = one(tuple(one(float(x)) for x in w))
        linears.append(Linear(tuple(part["classes"]), tuple(float(b) for b in part["bias"]),
                              Weights(numbers, rows)))  # fmt: skip
    return Model(
        relevance=linears[0],
        action=linears[1],
        actor=linears[2],
        thresholds={k: float(v) for k, v in raw["thresholds"].items()},
    )


_COPY_FORMAT = 2  # bump when the copy's layout changes


def load(path: Path) -> Model:
    """The model file ``path``, from its marshal copy (``yaml_loader.cached_copy``: beside
    it in ``__pycache__``) while the file's size and modification time are those the copy
    was made from; else parsed, and the copy written. The copy loads in a few ms and
    shares equal weights (about 5 MB resident against 14 MB for the parsed JSON)."""
    try:
        stat = path.stat()
    except OSError:
        return read(path)  # (raises DataFileError naming the file)
    key = (_COPY_FORMAT, stat.st_size, stat.st_mtime_ns)
    copy = cached_copy(path)
    try:
        stored, parts = marshal.loads(copy.read_bytes())
        if stored == key:
            return _from_parts(parts)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no copy yet, or one of another file version or Python
    found = read(path)
    try:
        data = marshal.dumps((key, _parts(found)))
        copy.parent.mkdir(exist_ok=True)
        partial = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, copy)
    except (OSError, ValueError):
        pass  # a folder that cannot be written: no copy
    return found


def _parts(m: Model) -> tuple[Any, ...]:
    """What the marshal copy holds: the feature names in number order, each model's
    classes, biases and rows by number, and the thresholds."""
    linears = (m.relevance, m.action, m.actor)
    numbers, rows = _numbered(linears)
    lin = tuple((x.classes, x.bias, r) for x, r in zip(linears, rows, strict=True))
    return (tuple(numbers), lin, m.thresholds)


def _from_parts(parts: tuple[Any, ...]) -> Model:
    names, lin, thresholds = parts
    numbers = {name: number for number, name in enumerate(names)}
    relevance, action, actor = (Linear(c, b, Weights(numbers, rows)) for c, b, rows in lin)
    return Model(relevance, action, actor, thresholds)


def read(path: Path) -> Model:
    """A model file; a broken one raises DataFileError naming it."""
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(
            f"{path}: not a readable model file ({exc}); regenerate it with "
            "`python -m bot.extract.train`"
        ) from exc
