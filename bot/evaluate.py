"""Measure extraction, event clustering and alerts on labelled JSONL files.

Each line holds one feed item as an RSS entry would carry it plus its ``gold``
labels (see ../shared/data/README.md). The items are replayed in published order
through the pipeline the daemon runs (``bot.alert_replay``): predictions are made
from the item's title, summary, published date, language, url and source only
(and, like in the daemon, from what earlier items left in the store); ``gold`` is
read afterwards, for scoring. Extraction alone is also timed, item by item.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot import alert_replay, alert_scores
from bot.class_scores import class_scores
from bot.events.metrics import clustering_metrics
from bot.extract import extract
from bot.labelled_files import EvalInputError, LabelledItem, load_paths
from bot.models import Finding
from bot.vocabulary import AUTHORITIES

EFFECTIVE_TOLERANCE_DAYS = 3
PREDICTION_KEYS = (
    "id", "relevant", "actor_type", "vendor", "product", "action", "applies_to", "region",
    "effective", "duration", "event", "confidence", "evidence",
)  # fmt: skip


@dataclass
class EvalResult:
    report: dict[str, Any]
    items: list[LabelledItem]
    findings: list[Finding | None]
    events: list[str | None] | None
    misses: list[int] = field(default_factory=list)
    false_alarms: list[int] = field(default_factory=list)
    alerts: dict[str, alert_scores.ChannelReport] | None = None


# --------------------------------------------------------------------------- scoring


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _gold_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def relevance_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, Any]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def field_scores(pairs: Sequence[tuple[dict[str, Any], Finding]]) -> tuple[dict[str, float], int]:
    """Accuracy of vendor, action, applies_to and effective (±3 days) on true positives."""
    counts = dict.fromkeys(("vendor", "action", "applies_to"), 0)
    eff_ok = eff_n = 0
    for gold, found in pairs:
        for name in counts:
            counts[name] += gold.get(name) == getattr(found, name)
        wanted = _gold_date(gold.get("effective"))
        if wanted is not None:
            eff_n += 1
            got = found.effective
            eff_ok += got is not None and abs((got - wanted).days) <= EFFECTIVE_TOLERANCE_DAYS
    scores = {name: _ratio(n, len(pairs)) for name, n in counts.items()}
    scores["effective"] = _ratio(eff_ok, eff_n)
    return scores, eff_n


def score(
    items: Sequence[LabelledItem],
    findings: Sequence[Finding | None],
    seconds: float,
    events: Sequence[str | None] | None,
    alerted: set[str] | None = None,
) -> dict[str, Any]:
    """The report's scores; ``alerted`` holds the keys of the events that raised an alert
    in the replay (see ``clustering_metrics``)."""
    gold_rel = [bool(i.gold.get("relevant")) for i in items]
    pred_rel = [bool(f and f.relevant) for f in findings]
    actor_pairs = [
        (str(i.gold.get("actor_type")), f.actor_type if f else "none")
        for i, f in zip(items, findings, strict=True)
        if i.gold.get("actor_type") not in (None, "none")
    ]
    tps = [
        (i.gold, f)
        for i, f in zip(items, findings, strict=True)
        if f and f.relevant and i.gold["relevant"]
    ]
    fields, eff_n = field_scores(tps)
    return {
        "items": len(items),
        "relevance": relevance_scores(gold_rel, pred_rel),
        "actor_type": {
            "accuracy": _ratio(sum(g == p for g, p in actor_pairs), len(actor_pairs)),
            "n": len(actor_pairs),
        },
        "fields": fields,
        "support": {"true_positives": len(tps), "effective": eff_n},
        "items_per_second": round(len(items) / seconds, 1) if seconds > 0 else None,
        "clustering": _clustering(items, events, alerted),
        **class_scores(
            [(i.gold, f) for i, f in zip(items, findings, strict=True)],
            [i.entry.language or "?" for i in items],
        ),
    }


def _clustering(
    items: Sequence[LabelledItem], events: Sequence[str | None] | None, alerted: set[str] | None
) -> dict[str, float | int] | None:
    if events is None:
        return None

    gold = [i.gold.get("event_id") for i in items]
    worthy = [alert_worthy(i.gold) for i in items]
    relevant = [bool(i.gold.get("relevant")) for i in items]
    gold_ids = [str(g) if g else None for g in gold]
    return clustering_metrics(list(events), gold_ids, worthy, alerted, relevant)


def alert_worthy(gold: dict[str, Any]) -> bool:
    """Whether a channel should alert the item's gold event: a relevant policy change
    (the vendor channel) or an authority's act (the authority channel)."""
    return bool(gold.get("relevant")) or gold.get("actor_type") in AUTHORITIES


# --------------------------------------------------------------------------- running


def predict(items: Sequence[LabelledItem]) -> tuple[list[Finding | None], float]:
    """Extraction over the entries only (gold is not passed in), and the time it took."""
    entries = [item.entry for item in items]
    started = time.perf_counter()
    findings = [extract(entry) for entry in entries]
    return findings, time.perf_counter() - started


def replay(items: Sequence[LabelledItem]) -> alert_replay.Replayed:
    """``items`` replayed as feeds through the pipeline (see ``bot.alert_replay``)."""
    return alert_replay.replay([
        alert_scores.ReplayItem(
            id=i.id, source=i.entry.source, title=i.entry.title, summary=i.entry.summary,
            link=i.entry.link, published=i.entry.published or datetime.now(UTC),
            language=i.entry.language, gold=i.gold,
        )
        for i in items
    ])  # fmt: skip


def run_eval(paths: Path | Sequence[Path]) -> EvalResult:
    """Score ``paths``: every item goes through the pipeline the daemon runs (feed
    parsing, extraction with its vendor's timeline, clustering, routing), and the
    findings and events it recorded are scored; extraction alone is timed apart."""
    items = load_paths([paths] if isinstance(paths, Path) else paths)
    from bot.extract import warm_up

    warm_up()
    _, seconds = predict(items)
    replayed = replay(items)
    findings = [replayed.findings[i.id] for i in items]
    events = [replayed.events[i.id] for i in items]
    alerted = {a.event_key for report in replayed.channels.values() for a in report.alerts}
    report = {
        "alerts": alert_scores.as_json(replayed.channels),
        **score(items, findings, seconds, events, alerted),
    }
    result = EvalResult(report, items, findings, events, alerts=replayed.channels)
    for n, (item, found) in enumerate(zip(items, findings, strict=True)):
        predicted = bool(found and found.relevant)
        if item.gold["relevant"] and not predicted:
            result.misses.append(n)
        elif predicted and not item.gold["relevant"]:
            result.false_alarms.append(n)
    return result


def prediction_row(item: LabelledItem, found: Finding | None, event: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": item.id,
        "relevant": bool(found and found.relevant),
        "actor_type": found.actor_type if found else "none",
        "event": event,
    }
    for key in ("vendor", "product", "action", "applies_to", "region", "duration", "evidence"):
        values[key] = getattr(found, key) if found else None
    values["effective"] = found.effective.isoformat() if found and found.effective else None
    values["confidence"] = found.confidence if found else 0.0
    return {key: values[key] for key in PREDICTION_KEYS}


def write_predictions(result: EvalResult, out: Path) -> None:
    events = result.events or [None] * len(result.items)
    lines = [
        json.dumps(prediction_row(item, found, event), ensure_ascii=False)
        for item, found, event in zip(result.items, result.findings, events, strict=True)
    ]
    try:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise EvalInputError(
            f"cannot write predictions to {out}: {exc}; pass a writable path to --predictions."
        ) from exc
