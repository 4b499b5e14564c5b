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

This module holds which model is in use and the entry point ``second_opinion``; the
models and their file are ``bot.extract.learned_model``, the policy (which cases are
asked, what the probabilities decide) ``bot.extract.learned_policy``; their names are
also reachable from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from bot.extract.acts import AUTHORITIES
from bot.extract.features import feature_parts
from bot.extract.learned_model import Linear, Model, Scorer, Weights, from_json, load, read
from bot.extract.learned_policy import (
    DEAL_BLOCKERS,
    HARD_NEGATIVES,
    HEADLINE_HEDGES,
    HELD_BACK,
    LEFT_TO_HISTORY,
    asks,
    deal_vendor,
    decide,
    guarded,
    hard_negative,
    open_case,
    revise,
)
from bot.extract.scan import Scan
from bot.models import Entry, Finding

# The parts of the second opinion, where they are (what this module long held itself)
__all__ = [
    "AUTHORITIES", "DEAL_BLOCKERS", "HARD_NEGATIVES", "HEADLINE_HEDGES", "HELD_BACK",
    "LEFT_TO_HISTORY", "MODEL_FILE", "SHIPPED_IN_USE", "Linear", "Model", "Scorer",
    "Weights", "asks", "deal_vendor", "decide", "from_json", "guarded", "hard_negative",
    "load", "model", "open_case", "read", "recording", "revise", "second_opinion", "use",
    "using",
]  # fmt: skip

MODEL_FILE = "fr_model.json"
# Whether ``extract`` asks the shipped model (docs/extraction-model.md: the end-to-end
# leave-one-batch-out that decided it); a model set by ``use``/``using`` is asked either way.
SHIPPED_IN_USE = True


_override: list[Model | None] = []  # at most one: the model ``use`` set (None: rules only)
# Where ``second_opinion`` reports each reading it is handed (``recording``): training
# reads the labelled items as the pipeline hands them to the model.
_sinks: list[Callable[[Entry, Scan, Finding], None]] = []


# the package's data folder, as the other data files are found (``importlib.resources``
# gave the same path for this folder, and its import, with tempfile, shutil, random,
# bz2 and lzma, cost a parsing worker about 0.01 s of CPU at each start)
_DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def _shipped() -> Model:
    return load(_DATA / MODEL_FILE)


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
