"""The learned second opinion: three linear models over bot.extract.features.

``extract`` asks it when a model is in use: the shipped one while ``SHIPPED_IN_USE``
(True since the end-to-end leave-one-batch-out in docs/extraction-model.md met the bar
set for wiring, with the guard below), or one set by ``using(model)``, as that
measurement does. The rules stay primary and the model is asked only where they leave
a case open (``second_opinion``), never where they held a cue back for a reason or the
headline asks, denies or hedges (``guarded``), with probability thresholds chosen by
grouped cross-validation (``python -m bot.extract.train``):

- relevance, when the rules dropped an item with an FR term or a vendor name that
  names a vendor (not an authority's act, nor a deployment, restatement or
  continuation, which the vendor history reads, nor an item where a hard-negative
  family fired): a likely change becomes relevant, with the model's action;
- an authority's act naming an FR vendor, when the actor model is sure it is the
  vendor's: that vendor's deployment, for its timeline to read (``vendor_deal``);
- actor type, for a dropped item, when the model is confident and disagrees;
- the action of a relevant finding whose evidence the rules rate weak, when the
  model is confident and disagrees.

At run time a model is a sparse dot product over weights read from
``bot/data/fr_model.json`` (lazily, once per process, through a marshal copy: ``load``);
scikit-learn is only needed to train.
"""

from __future__ import annotations

import json
import marshal
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources as pkg_resources
from pathlib import Path
from typing import Any

from bot.extract.acts import AUTHORITIES
from bot.extract.features import feature_parts, word_set
from bot.extract.resources import DataFileError
from bot.extract.scan import Scan
from bot.models import Entry, Finding
from bot.yaml_loader import cached_copy

MODEL_FILE = "fr_model.json"
# Whether ``extract`` asks the shipped model (docs/extraction-model.md: the end-to-end
# leave-one-batch-out that decided it); a model set by ``use``/``using`` is asked either way.
SHIPPED_IN_USE = True
# A deployment, a restatement or a continuation (something told as going on: "still",
# "keeps selling") is news only against the vendor's timeline, which the event store's
# history reads (bot.extract.history): not the model's call.
LEFT_TO_HISTORY = ("deployment", "restatement", "continuation", "continuation_fresh")


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


_override: list[Model | None] = []  # at most one: the model ``use`` set (None: rules only)
# Where ``second_opinion`` reports each reading it is handed (``recording``): training
# reads the labelled items as the pipeline hands them to the model.
_sinks: list[Callable[[Entry, Scan, Finding], None]] = []


@cache
def _shipped() -> Model:
    path = Path(str(pkg_resources.files("bot") / "data" / MODEL_FILE))
    return load(path)


def model() -> Model | None:
    """The model in use: the one ``use`` set (None: rules only), else the shipped one
    when ``SHIPPED_IN_USE``, else none."""
    if _override:
        return _override[-1]
    return _shipped() if SHIPPED_IN_USE else None


def use(replacement: Model | None) -> None:
    """Use ``replacement`` (None: rules only) from now on in this process; for
    measuring a model trained on part of the data (bot.extract.endtoend)."""
    _override.clear()
    _override.append(replacement)


@contextmanager
def using(replacement: Model | None) -> Iterator[None]:
    """``use(replacement)`` for the ``with`` block, then what was in use before."""
    before = list(_override)
    use(replacement)
    try:
        yield
    finally:
        _override[:] = before


# Hard-negative families of the rules (bot/data/cues.yaml): a launch, a study, a suit
# filed or a campaign, a plan or rumour, a platform's enforcement, a payment over past
# conduct, a restatement, a shareholders' vote. The model never opens an item where
# one fired, wherever in the item.
HARD_NEGATIVES = frozenset({
    "launch", "study", "campaign", "inquiry", "speculation", "hearsay", "platform",
    "platform_actor",
    "enforcement", "payment", "restatement", "no_news", "shareholder",
})  # fmt: skip


# A deal or deployment is what a vendor-deal relabel reads (never opened by the
# model: only the vendor's timeline can make it news), so ``launch`` does not block it.
DEAL_BLOCKERS = HARD_NEGATIVES - {"launch"}


def hard_negative(sc: Scan, families: frozenset[str] = HARD_NEGATIVES) -> bool:
    return any(h.label in families for h in sc.non_policy)


# Why the rules held back a policy cue they found, when the reason says the item is not
# the vendor's own FR change (``Scan.held_back``, set by bot.extract.classify and
# bot.extract.acts): someone else's act on the vendor (an authority directing it, a
# platform cutting it off, money paid over past conduct); a user of FR ending or trying
# its own cameras; the cue's object is another technology or a unit that is not FR; a
# gate the feature already had; a cue governed by a call, a hedge, a denial or a
# pluperfect. (Negation, conditions and inert data handling are mixed in the labelled
# items, so they are not listed: docs/extraction-model.md.)
HELD_BACK = frozenset({
    "directed", "platform", "paid", "speculation", "shareholder",
    "fr_user", "restatement",
    "other_technology", "other_unit",
    "carried_over", "assurance",
    "call", "hypothetical", "denial", "background",
})  # fmt: skip
# A headline that asks, denies or hedges ("Will X …?", "X denies …", "X may …"): the
# rules' markers, read in the title whether or not a policy cue is there.
HEADLINE_HEDGES = frozenset({"question", "denial", "hypothetical"})


def guarded(sc: Scan) -> bool:
    """The rules left the item dropped for a reason the model may not overrule: a cue
    held back for a reason in ``HELD_BACK``, or a headline that asks, denies or hedges."""
    return bool(sc.held_back & HELD_BACK) or any(
        h.label in HEADLINE_HEDGES for h in sc.headline_marks
    )


def open_case(sc: Scan, found: Finding) -> bool:
    """The rules dropped an item with some FR signal (an FR term or a vendor name)
    that names a vendor, and no hard-negative family fired: the model may open it as
    that vendor's change."""
    return (
        not found.relevant
        and found.actor_type not in AUTHORITIES
        and found.vendor is not None
        and found.signal not in LEFT_TO_HISTORY
        and bool(sc.fr or sc.vendors)
        and not hard_negative(sc)
        and not guarded(sc)
    )


def deal_vendor(sc: Scan, found: Finding) -> str | None:
    """The vendor of an item the rules read as an authority's act that names an FR
    vendor (a police force buying a vendor's system may be that vendor's news: its
    timeline decides, bot.events.history), when no hard-negative family fired and the
    rules saw no policy act in it (a purchase, not a halt or an order to stop)."""
    if found.relevant or found.actor_type not in AUTHORITIES or hard_negative(sc, DEAL_BLOCKERS):
        return None
    if sc.actions:  # a halt, stop or ban ("Mayor halts X's contract", "X was ordered to
        return None  # stop selling …"): the authority's own act, or its act on the vendor
    if found.vendor:
        return found.vendor
    return next((v.vendor for v in sc.vendors), None)


def _top(probs: dict[str, float]) -> str:
    return max(sorted(probs), key=lambda k: probs[k])


def decide(
    thresholds: dict[str, float],
    found: Finding,
    p_relevant: float,
    actions: dict[str, float],
    published: date | None,
    actors: dict[str, float] | None = None,
    deal: str | None = None,
) -> Finding:
    """The finding after the second opinion (``found`` itself when nothing changes):
    ``p_relevant``, ``actions`` and ``actors`` are the model's probabilities for the
    item (``actions`` may be empty when ``p_relevant`` opens nothing). Thresholds:
    ``relevant`` opens a dropped vendor item, ``actor`` replaces the actor type of a
    dropped item the rules gave no authority, ``action`` (below ``weak_confidence``)
    replaces a weak finding's action, ``vendor_deal`` makes an authority's act naming
    the vendor ``deal`` that vendor's deployment (for its timeline to read); a
    threshold above 1 turns its part off."""
    if found.relevant:
        if found.confidence >= thresholds["weak_confidence"]:
            return found
        if actors:
            actor = _top(actors)
            if actor in AUTHORITIES and actors[actor] >= thresholds.get("demote", 1.01):
                return replace(found, relevant=False, actor_type=actor, action=None, signal=None)
        if p_relevant < thresholds.get("drop", 0.0):
            return replace(found, relevant=False, action=None, signal=None)
        if not actions:
            return found
        action = _top(actions)
        if action != found.action and actions[action] >= thresholds["action"]:
            return replace(found, action=action)
        return found
    if found.actor_type in AUTHORITIES:
        if deal is None or not actors:
            return found
        sure = actors.get("vendor", 0.0) >= thresholds.get("vendor_deal", 1.01)
        return (
            replace(found, actor_type="vendor", vendor=deal, signal="deployment") if sure else found
        )
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
        return thresholds.get("vendor_deal", 1.01) <= 1.0 and deal_vendor(sc, found) is not None
    if guarded(sc):  # neither opened nor given another actor type
        return False
    return open_case(sc, found) or thresholds.get("actor", 1.01) <= 1.0


@contextmanager
def recording(sink: Callable[[Entry, Scan, Finding], None]) -> Iterator[None]:
    """Within the block, every reading ``second_opinion`` is handed (the entry, the rules'
    scan and finding, as the pipeline read it: with the FR vendors the store knew) is
    passed to ``sink`` first (bot.extract.fitting reads the training items so)."""
    _sinks.append(sink)
    try:
        yield
    finally:
        _sinks.remove(sink)


def second_opinion(entry: Entry, sc: Scan, found: Finding) -> Finding:
    """``found`` revised by the learned model where the rules leave the case open."""
    if _sinks:
        _sinks[-1](entry, sc, found)
    if found.relevant and found.confidence >= 0.9:
        return found  # the common confident case: no model needed (not even loaded)
    m = model()
    if m is None or not asks(sc, found, m.thresholds):
        return found
    scorer = m.scorer()
    feats = scorer.features(*feature_parts(entry.title, entry.text, entry.language, sc, found))
    published = entry.published.date() if entry.published else None
    return revise(
        m.thresholds,
        sc,
        found,
        published,
        lambda: scorer.probabilities(0, feats)["yes"],
        lambda: scorer.probabilities(1, feats),
        lambda: scorer.probabilities(2, feats),
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
        demote = thresholds.get("demote", 1.01) <= 1.0
        # never dropped where a hard-negative family fired: the rules weighed that cue
        # in its clause and kept the change ("a refusal that also covers the app store"),
        # the model reads the same cue without the clause
        droppable = thresholds.get("drop", 0.0) > 0.0 and not hard_negative(sc)
        p_relevant = relevance() if droppable else 1.0
        return decide(
            thresholds, found, p_relevant, actions(), published, actors() if demote else None
        )
    if found.actor_type in AUTHORITIES:
        return decide(thresholds, found, 0.0, {}, published, actors(), deal_vendor(sc, found))
    p_relevant = relevance() if open_case(sc, found) else 0.0
    if p_relevant >= thresholds["relevant"]:
        return decide(thresholds, found, p_relevant, actions(), published)
    return decide(thresholds, found, p_relevant, {}, published, actors())
