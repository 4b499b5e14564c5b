"""Per-class scores for ``policybot eval``: per action, per actor type, per language.

Pure arithmetic over (gold labels, finding) pairs:

* per action: precision, recall and F1 end to end over relevant items: an item
  counts towards predicted class A when it is predicted relevant with action A
  (gold-irrelevant items included), and towards gold class A when it is gold
  relevant with action A (missed items included); plus the confusion of gold
  against predicted action, with a ``(missed)`` column and a ``(not relevant)``
  row;
* per actor type: precision, recall and F1 over every item (no finding = ``none``);
* per language: relevance precision/recall, actor-type accuracy and action
  accuracy on the relevant items found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from bot.models import Finding

MISSED = "(missed)"
NOT_RELEVANT = "(not relevant)"
NO_ACTION = "(none)"

Pair = tuple[dict[str, Any], Finding | None]


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision, recall = _ratio(tp, predicted), _ratio(tp, gold)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n": gold, "predicted": predicted}


def _per_class(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, dict[str, Any]]:
    """P/R/F1 per class from (gold class, predicted class) pairs; None = not in any class."""
    tp: Counter[str] = Counter()
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    for gold, predicted in pairs:
        if gold is not None:
            gold_n[gold] += 1
        if predicted is not None:
            pred_n[predicted] += 1
        if gold is not None and gold == predicted:
            tp[gold] += 1
    classes = sorted(set(gold_n) | set(pred_n))
    return {name: prf(tp[name], pred_n[name], gold_n[name]) for name in classes}


def _predicted_action(found: Finding | None) -> str | None:
    return (found.action or NO_ACTION) if found is not None and found.relevant else None


def per_action(pairs: Sequence[Pair]) -> dict[str, Any]:
    scores = _per_class(
        (str(gold.get("action") or NO_ACTION) if gold.get("relevant") else None,
         _predicted_action(found))
        for gold, found in pairs
    )  # fmt: skip
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for gold, found in pairs:
        predicted = _predicted_action(found)
        if gold.get("relevant"):
            confusion[str(gold.get("action") or NO_ACTION)][predicted or MISSED] += 1
        elif predicted is not None:
            confusion[NOT_RELEVANT][predicted] += 1
    return {
        "classes": scores,
        "confusion": {row: dict(sorted(cols.items())) for row, cols in sorted(confusion.items())},
    }


def per_actor_type(pairs: Sequence[Pair]) -> dict[str, Any]:
    return _per_class(
        (str(gold.get("actor_type") or "none"), found.actor_type if found else "none")
        for gold, found in pairs
    )


def per_language(pairs: Sequence[Pair], languages: Sequence[str]) -> dict[str, Any]:
    groups: dict[str, list[Pair]] = defaultdict(list)
    for language, pair in zip(languages, pairs, strict=True):
        groups[language].append(pair)
    return {language: _language_scores(group) for language, group in sorted(groups.items())}


def _language_scores(pairs: Sequence[Pair]) -> dict[str, Any]:
    tp = [(g, f) for g, f in pairs if g.get("relevant") and f is not None and f.relevant]
    predicted = sum(1 for _, f in pairs if f is not None and f.relevant)
    gold = sum(1 for g, _ in pairs if g.get("relevant"))
    actors = [(g, f) for g, f in pairs if g.get("actor_type") not in (None, "none")]
    actor_ok = sum(g.get("actor_type") == (f.actor_type if f else "none") for g, f in actors)
    return {
        "items": len(pairs),
        "relevance_precision": _ratio(len(tp), predicted),
        "relevance_recall": _ratio(len(tp), gold),
        "relevant": gold,
        "actor_type_accuracy": _ratio(actor_ok, len(actors)),
        "action_accuracy": _ratio(sum(g.get("action") == f.action for g, f in tp if f), len(tp)),
        "relevant_found": len(tp),
    }


def class_scores(pairs: Sequence[Pair], languages: Sequence[str]) -> dict[str, Any]:
    return {
        "per_action": per_action(pairs),
        "per_actor_type": per_actor_type(pairs),
        "per_language": per_language(pairs, languages),
    }


# --------------------------------------------------------------------------- text


def format_lines(scores: dict[str, Any]) -> list[str]:
    lines = ["per action (relevant items, end to end: misses and false alarms count)"]
    lines += _table(scores["per_action"]["classes"])
    confusion = scores["per_action"]["confusion"]
    columns = sorted({c for cols in confusion.values() for c in cols})
    lines.append("action confusion (rows gold, columns predicted)")
    lines.append("  " + f"{'':<15}" + "".join(f"{c[:11]:>12}" for c in columns))
    for row, cols in confusion.items():
        lines.append("  " + f"{row:<15}" + "".join(f"{cols.get(c, 0):>12}" for c in columns))
    lines.append("per actor type (all items)")
    lines += _table(scores["per_actor_type"])
    lines.append("per language")
    lines.append(f"  {'lang':<6}{'items':>6}{'rel P':>8}{'rel R':>8}{'actor':>8}{'action':>8}")
    for language, s in scores["per_language"].items():
        lines.append(
            f"  {language:<6}{s['items']:>6}{s['relevance_precision']:>8.3f}"
            f"{s['relevance_recall']:>8.3f}{s['actor_type_accuracy']:>8.3f}"
            f"{s['action_accuracy']:>8.3f}"
        )
    return lines


def _table(classes: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"  {'class':<15}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}"]
    for name, s in classes.items():
        lines.append(
            f"  {name:<15}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
            f"{s['n']:>6}{s['predicted']:>6}"
        )
    return lines
