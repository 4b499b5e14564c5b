"""Clustering quality against gold event ids (for ``policybot eval``).

Pure arithmetic over labels: B-cubed precision/recall/F1 and pairwise F1 over the
items that carry a gold event id, plus the two failures users notice:

* ``events_alerted_twice``: a real event a channel should alert (a vendor's policy
  change, or an authority's act) whose mentions lie in two or more predicted events
  that alerted. A mention the pipeline recorded no event for (no FR content found, a
  predicted None) is a miss, not a second alert, and a predicted event that never
  alerted (an irrelevant reading of one report) alerted nobody: neither counts. When
  the caller does not say which predicted events alerted, every recorded one counts.
* ``merged_events``: real events a channel should alert that share one predicted
  event with another such event (one of them would be missed). A comment, plan or
  petition (no channel alerts it) joined to an event hides nothing and does not count.

The same two counts as sessions before this definition read them stay beside these,
so trends stay comparable: ``split_any`` (a relevant gold event whose mentions have
more than one predicted label, an unrecorded mention its own) and ``merged_any``
(every gold event sharing a predicted event with another).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence


def clustering_metrics(
    predicted: Sequence[str | None],
    gold: Sequence[str | None],
    alert_worthy: Sequence[bool],
    alerted: Collection[str] | None = None,
    relevant: Sequence[bool] | None = None,
) -> dict[str, float | int]:
    """Scores over items with a gold id; a predicted None counts as a singleton in the
    B-cubed and pairwise scores.

    ``alert_worthy[i]`` says whether item i's gold event is one a channel should alert
    (a relevant policy change or an authority's act): only those count towards
    ``events_alerted_twice`` and ``merged_events``. ``alerted`` holds the predicted
    event labels that raised an alert (None: every predicted label counts);
    ``relevant[i]`` whether item i's gold event is a vendor's change (``split_any``
    counts those only; None: the alert-worthy ones).
    """
    if not len(predicted) == len(gold) == len(alert_worthy):
        raise ValueError(
            f"clustering_metrics needs one prediction, gold id and relevance flag per item; "
            f"got {len(predicted)}, {len(gold)} and {len(alert_worthy)}."
        )
    relevant = alert_worthy if relevant is None else relevant
    items = [i for i, g in enumerate(gold) if g is not None]
    pred: dict[int, str] = {i: _label(predicted[i], i) for i in items}
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[str(gold[i])].add(i)
    precision = recall = 0.0
    for i in items:
        same_pred, same_gold = by_pred[pred[i]], by_gold[str(gold[i])]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(items)
    b_p, b_r = (precision / n, recall / n) if n else (0.0, 0.0)
    return {
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": _f1(b_p, b_r),
        "pairwise_f1": _pairwise_f1(by_pred, by_gold, pred, gold),
        "events_alerted_twice": _alerted_twice(by_gold, predicted, alert_worthy, alerted),
        "merged_events": _merged(by_pred, gold, alert_worthy),
        "split_any": _split_any(by_gold, pred, relevant),
        "merged_any": _merged(by_pred, gold, [True] * len(gold)),
    }


def _label(predicted: str | None, index: int) -> str:
    return predicted if predicted is not None else f"\0singleton-{index}"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def _pairwise_f1(
    by_pred: dict[str, set[int]],
    by_gold: dict[str, set[int]],
    pred: dict[int, str],
    gold: Sequence[str | None],
) -> float:
    predicted_pairs = sum(_pairs(len(members)) for members in by_pred.values())
    gold_pairs = sum(_pairs(len(members)) for members in by_gold.values())
    overlap: dict[tuple[str, str], int] = defaultdict(int)
    for i, p in pred.items():
        overlap[(p, str(gold[i]))] += 1
    correct = sum(_pairs(count) for count in overlap.values())
    if not predicted_pairs and not gold_pairs:
        return 1.0  # all singletons, correctly
    precision = correct / predicted_pairs if predicted_pairs else 0.0
    recall = correct / gold_pairs if gold_pairs else 0.0
    return _f1(precision, recall)


def _alerted_twice(
    by_gold: dict[str, set[int]],
    predicted: Sequence[str | None],
    alert_worthy: Sequence[bool],
    alerted: Collection[str] | None,
) -> int:
    """Alert-worthy gold events whose mentions lie in two or more predicted events that
    alerted (unrecorded mentions and events that never alerted do not count)."""
    twice = 0
    for members in by_gold.values():
        if not any(alert_worthy[i] for i in members):
            continue
        labels = {predicted[i] for i in members} - {None}
        if alerted is not None:
            labels = {label for label in labels if label in alerted}
        twice += len(labels) > 1
    return twice


def _split_any(by_gold: dict[str, set[int]], pred: dict[int, str], relevant: Sequence[bool]) -> int:
    """Relevant gold events whose mentions have more than one predicted label (an
    unrecorded mention is a label of its own): the count before ``_alerted_twice``."""
    return sum(
        1
        for members in by_gold.values()
        if any(relevant[i] for i in members) and len({pred[i] for i in members}) > 1
    )


def _merged(
    by_pred: dict[str, set[int]], gold: Sequence[str | None], alert_worthy: Sequence[bool]
) -> int:
    """Alert-worthy gold events sharing a predicted event with another one."""
    merged: set[str] = set()
    for members in by_pred.values():
        golds = {str(gold[i]) for i in members if alert_worthy[i]}
        if len(golds) > 1:
            merged |= golds
    return len(merged)
