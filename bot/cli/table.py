"""Plain-text tables that fit the terminal (80 columns when not a terminal).

Hand-written rather than tabulate/rich: the one thing needed here is fitting a
fixed width by shortening one or two flexible columns (tabulate wraps instead,
rich brings a renderer we do not otherwise use), and that is a few lines.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
DEFAULT_WIDTH = 80


@dataclass(frozen=True)
class Column:
    header: str
    flex: bool = False  # takes the room left; shortened to fit
    max_width: int | None = None  # a fixed column is never wider than this
    align: str = "<"  # "<" or ">"
    middle: bool = False  # shorten in the middle (keeps a distinguishing end)


def plain(text: object) -> str:
    """Untrusted text for a terminal: no control sequences, one line."""
    return " ".join(_CONTROL.sub(" ", "" if text is None else str(text)).split())


def output_width(stream: TextIO | None = None) -> int:
    """The terminal's width when printing to one, else 80."""
    stream = stream or sys.stdout
    try:
        if stream.isatty():
            return max(60, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    except (AttributeError, ValueError):
        pass
    return DEFAULT_WIDTH


def shorten(text: str, width: int, *, middle: bool = False) -> str:
    """``text`` in at most ``width`` characters, an ellipsis marking the cut."""
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    if not middle:
        return text[: width - 1].rstrip() + "…"
    head = (width - 1) // 2 + (width - 1) % 2
    tail = width - 1 - head
    return text[:head].rstrip() + "…" + (text[-tail:].lstrip() if tail else "")


def table(
    columns: Sequence[Column], rows: Sequence[Sequence[object]], *, width: int = DEFAULT_WIDTH
) -> list[str]:
    """Header and rows, two spaces between columns, every line at most ``width`` long."""
    cells = [[plain(value) for value in row] for row in rows]
    natural = [
        max([len(col.header)] + [len(row[i]) for row in cells]) for i, col in enumerate(columns)
    ]
    widths = [
        n if col.flex or col.max_width is None else min(n, max(col.max_width, len(col.header)))
        for n, col in zip(natural, columns, strict=True)
    ]
    gaps = 2 * (len(columns) - 1)
    flexible = [i for i, col in enumerate(columns) if col.flex]
    room = width - gaps - sum(w for i, w in enumerate(widths) if i not in flexible)
    # share the room between flexible columns, a narrow one keeping its natural width
    for index in sorted(flexible, key=lambda i: natural[i]):
        share = max(len(columns[index].header), room // max(1, len(flexible)))
        widths[index] = min(natural[index], share)
        room -= widths[index]
        flexible = [i for i in flexible if i != index]
    lines = []
    for row in [[col.header for col in columns], *cells]:
        parts = []
        for value, col, size in zip(row, columns, widths, strict=True):
            text = shorten(value, size, middle=col.middle)
            parts.append(f"{text:{col.align}{size}}")
        lines.append("  ".join(parts).rstrip())
    return lines


def wrapped(text: str, *, width: int = DEFAULT_WIDTH, indent: str = "  ") -> list[str]:
    """A paragraph of untrusted text wrapped under an indent."""
    return textwrap.wrap(
        plain(text), width=width, initial_indent=indent, subsequent_indent=indent + "  "
    ) or [indent.rstrip()]
