"""Reading the CLI's tables back in tests: cells are separated by two or more spaces."""

from __future__ import annotations

import re

_GAP = re.compile(r"\s{2,}")


def table_rows(output: str) -> dict[str, list[str]]:
    """First cell → the row's cells, for every table line of ``output``."""
    rows: dict[str, list[str]] = {}
    for line in output.splitlines():
        cells = _GAP.split(line.strip())
        if len(cells) >= 3 and not line.startswith(" "):
            rows[cells[0]] = cells
    return rows


def assert_fits(output: str, width: int = 80) -> None:
    """Every line fits, except a command to copy (never broken)."""
    too_wide = [
        line
        for line in output.splitlines()
        if len(line) > width and not line.strip().startswith("policybot ")
    ]
    assert not too_wide, too_wide
