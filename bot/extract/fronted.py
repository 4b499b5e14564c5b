"""Fronted adverbials: background phrases that open a sentence ("After the ruling, …",
"Since X's withdrawal: …"), read once per text by ``scan``; ``scan.in_fronted`` asks
whether a position lies in one."""

from __future__ import annotations

import re


def spans(
    opener: re.Pattern[str], norm: str, sentences: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Fronted adverbials: from a sentence-opening "After …"/"Two years after …" to its
    first comma, or to a headline's colon ("Since X's withdrawal: banks test …")."""
    out = []
    for start, end in sentences:
        if opener.match(norm, start) is None:
            continue
        stop = min(end, start + 160)
        ends = [i for i in (norm.find(", ", start, stop), norm.find(": ", start, stop)) if i > 0]
        if ends:
            out.append((start, min(ends)))
    return out
