"""The text report of ``policybot eval``: the alert-level report first, then the
item-level scores, the per-class tables, and the misses and false alarms."""

from __future__ import annotations

from typing import Any

from bot import alert_scores, class_scores
from bot.evaluate import EFFECTIVE_TOLERANCE_DAYS, EvalResult
from bot.models import Finding


def _describe(found: Finding | None) -> str:
    if found is None:
        return "no FR content"
    parts = [f"actor={found.actor_type}", f"vendor={found.vendor}"]
    if found.relevant:
        parts += [f"action={found.action}", f"applies_to={found.applies_to}"]
    return " ".join(parts)


def _gold_text(gold: dict[str, Any]) -> str:
    keys = ("actor_type", "vendor", "action", "applies_to", "effective")
    return " ".join(f"{k}={gold.get(k)}" for k in keys)


def summary_lines(r: dict[str, Any]) -> list[str]:
    rel, fields = r["relevance"], r["fields"]
    lines = [
        f"{r['items']} items, {r['items_per_second']} items/s (extraction only)",
        f"relevance   precision {rel['precision']:.3f}  recall {rel['recall']:.3f}  "
        f"F1 {rel['f1']:.3f}  (tp {rel['tp']}, fp {rel['fp']}, fn {rel['fn']})",
        f"actor type  accuracy {r['actor_type']['accuracy']:.3f} over {r['actor_type']['n']} items "
        "with an actor",
        f"fields on {r['support']['true_positives']} true positives: vendor {fields['vendor']:.3f}  "
        f"action {fields['action']:.3f}  applies_to {fields['applies_to']:.3f}  "
        f"effective (±{EFFECTIVE_TOLERANCE_DAYS} days, {r['support']['effective']} dated) "
        f"{fields['effective']:.3f}",
    ]
    clustering = r.get("clustering")
    if clustering:
        lines.append(
            "clustering  "
            + "  ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in clustering.items()
            )  # fmt: skip
        )
    else:
        lines.append("clustering  not measured")
    return lines


def format_report(result: EvalResult) -> str:
    lines: list[str] = []
    if result.alerts is not None:
        lines += [*alert_scores.format_lines(result.alerts), ""]
    lines += summary_lines(result.report)
    lines += ["", *class_scores.format_lines(result.report)]
    for title, indexes in (("Misses", result.misses), ("False alarms", result.false_alarms)):
        lines.append("")
        lines.append(f"{title} ({len(indexes)}):")
        for n in indexes:
            item, found = result.items[n], result.findings[n]
            lines.append(f"- {item.id}: {item.entry.title}")
            lines.append(f"    gold: {_gold_text(item.gold)}")
            lines.append(f"    predicted: {_describe(found)}")
            if found is not None and found.evidence:
                lines.append(f"    evidence: {found.evidence}")
    return "\n".join(lines)
