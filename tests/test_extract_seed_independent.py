"""Extraction reads the same item the same way whatever the process's hash seed.

A platform cutting off two companies' services in one item ("pulls X's app"; "also
suspended Y's account") names as the item's vendor the target of the act that comes
first in the text. The choice once came from a set's iteration order, so the vendor (and
with it the event an alert joined) changed from one process to the next.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ITEMS = [
    (
        "Payments firm Tovell pulls PixTrace's checkout",
        "Tovell suspended the merchant account of Corvid Labs' face finder, citing its rules "
        "on scraped photos.",
    ),
    (
        "Tovell pulls PixTrace's app from its store",
        "Tovell also suspended the developer account behind Corvid Labs' face finder.",
    ),
]

SCRIPT = """
import json, sys
sys.path.insert(0, "tests")
from extract_helpers import entry
from bot.extract import extract
out = []
for title, summary in json.loads(sys.argv[1]):
    f = extract(entry(title, summary))
    out.append(None if f is None else [f.vendor, f.actor_type, f.relevant, f.action])
print(json.dumps(out))
"""


def _run(seed: int) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(ITEMS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(done.stdout))


def test_platform_targets_named_in_text_order_under_any_seed() -> None:
    readings = [_run(seed) for seed in (1, 2, 3, 4, 5, 6)]
    assert all(r == readings[0] for r in readings), readings
    vendors = [r[0] for r in readings[0]]  # type: ignore[index]
    assert vendors == ["PixTrace", "PixTrace"]
