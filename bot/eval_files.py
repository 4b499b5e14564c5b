"""``policybot eval --per-file``: every labelled file replayed as its own feed stream.

Held-back batches are written by different writers about events that may overlap
(two batches may each hold a regulator's fine of one company under their own gold
event ids); replayed together, the events of one batch meet the other's in the store
and are scored as merged or split across batches. One stream per file measures each
batch as the daemon would have met it, and the table gives, per file, what users
feel: duplicate alerts per channel, events alerted twice or merged, events never
alerted, beside relevance, actor type and action; the last line sums the counts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.evaluate import run_eval
from bot.labelled_files import labelled_files

COUNTS = ("twice", "merged", "vendor_dup", "authority_dup", "vendor_never", "authority_never")


def per_file(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """One row per labelled file under ``paths``, each scored on its own replay."""
    return [_row(path) for path in labelled_files(paths)]


def _row(path: Path) -> dict[str, Any]:
    report = run_eval(path).report
    alerts, clustering = report["alerts"], report["clustering"] or {}
    row: dict[str, Any] = {
        "file": str(path),
        "items": report["items"],
        "precision": report["relevance"]["precision"],
        "recall": report["relevance"]["recall"],
        "actor": report["actor_type"]["accuracy"],
        "action": report["fields"]["action"],
        "vendor_right": alerts["vendor"]["right"],
        "vendor_alerts": alerts["vendor"]["alerts"],
        "twice": clustering.get("events_alerted_twice", 0),
        "merged": clustering.get("merged_events", 0),
        "vendor_dup": alerts["vendor"]["duplicate"],
        "authority_dup": alerts["authority"]["duplicate"],
        "vendor_never": alerts["vendor"]["never_alerted"],
        "authority_never": alerts["authority"]["never_alerted"],
    }
    row["sum"] = row["twice"] + row["merged"] + row["vendor_dup"] + row["authority_dup"]
    return row


def format_lines(rows: Sequence[dict[str, Any]]) -> Iterator[str]:
    """The table: one line per file, then the counts summed over the files."""
    yield "per file (each replayed as its own stream); sum = twice + merged + vendor dup + authority dup"
    head = "  ".join(
        f"{name:>6}" for name in ("twice", "merged", "v dup", "a dup", "v nev", "a nev")
    )
    yield f"  {'file':<24}{'items':>6}  {'P':>5}  {'R':>5}  actor action  vendor ok  {head}   sum"
    for row in rows:
        counts = "  ".join(f"{row[name]:>6}" for name in COUNTS)
        ok = f"{row['vendor_right']}/{row['vendor_alerts']}"
        yield (f"  {Path(row['file']).name:<24}{row['items']:>6}  {row['precision']:.3f}  "
               f"{row['recall']:.3f}  {row['actor']:.3f}  {row['action']:.3f}  {ok:>9}  "
               f"{counts}  {row['sum']:>4}")  # fmt: skip
    totals = "  ".join(f"{sum(row[name] for row in rows):>6}" for name in COUNTS)
    items = sum(row["items"] for row in rows)
    yield (f"  {f'{len(rows)} files':<24}{items:>6}  {'':>5}  {'':>5}  {'':>5}  {'':>6}  {'':>9}  "
           f"{totals}  {sum(row['sum'] for row in rows):>4}")  # fmt: skip
