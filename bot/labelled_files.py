"""Reading labelled JSONL files for ``policybot eval`` (leniently: what scoring needs).

Each line holds one feed item as an RSS entry would carry it plus its ``gold``
labels (see ../shared/data/README.md); ``bot.label_format`` checks the full format.
The ``Entry`` built for an item never sees its ``gold``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.models import Entry

REQUIRED = ("id", "title", "published", "gold")


class EvalInputError(Exception):
    """The labelled file cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class LabelledItem:
    id: str
    entry: Entry
    gold: dict[str, Any]


def _published(value: Any, where: str) -> datetime:
    if not isinstance(value, str) or not value.strip():
        raise EvalInputError(f"{where}: 'published' must be a date such as \"2020-06-10\".")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise EvalInputError(
            f"{where}: 'published' is {value!r}, not a date; write it as YYYY-MM-DD."
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def parse_item(raw: Any, where: str) -> LabelledItem:
    """One JSON object as a labelled item (the Entry never sees ``gold``)."""
    if not isinstance(raw, dict):
        raise EvalInputError(f"{where}: expected a JSON object, got {type(raw).__name__}.")
    missing = [key for key in REQUIRED if key not in raw]
    if missing:
        raise EvalInputError(
            f"{where}: missing field(s) {', '.join(missing)}; every line needs "
            f"{', '.join(REQUIRED)} (see ../shared/data/README.md)."
        )
    gold = raw["gold"]
    if not isinstance(gold, dict) or not isinstance(gold.get("relevant"), bool):
        raise EvalInputError(f"{where}: 'gold' must be an object with a true/false 'relevant'.")
    for key in ("title", "summary"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise EvalInputError(f"{where}: '{key}' must be a string.")
    entry = Entry(
        feed_id="eval",
        key=str(raw["id"]),
        title=str(raw["title"] or ""),
        summary=str(raw.get("summary") or ""),
        link=raw.get("url") if isinstance(raw.get("url"), str) else None,
        published=_published(raw["published"], where),
        language=raw.get("language") if isinstance(raw.get("language"), str) else None,
        source=str(raw.get("source") or ""),
    )
    return LabelledItem(str(raw["id"]), entry, gold)


def labelled_files(paths: Sequence[Path]) -> list[Path]:
    """The .jsonl files named by ``paths`` (a folder stands for its *.jsonl files)."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise EvalInputError(
                f"{path}: no such file or folder; pass labelled .jsonl files or folders of them."
            )
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise EvalInputError(f"{path}: the folder holds no *.jsonl file.")
            files += found
        else:
            files.append(path)
    return files


def load_paths(paths: Sequence[Path]) -> list[LabelledItem]:
    """Every item of every file; ids must be unique across all of them."""
    items: list[LabelledItem] = []
    seen: dict[str, str] = {}
    for path in labelled_files(paths):
        items += load_items(path, seen)
    return items


def load_items(path: Path, seen: dict[str, str] | None = None) -> list[LabelledItem]:
    """Read a labelled JSONL file; errors name the file and line. ``seen`` maps ids
    already read (from other files) to where they were read."""
    if not path.exists():
        raise EvalInputError(f"{path}: no such file; pass the path of a labelled .jsonl file.")
    if path.is_dir():
        raise EvalInputError(f"{path} is a folder; pass the path of a labelled .jsonl file.")
    items: list[LabelledItem] = []
    seen = {} if seen is None else seen
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot read it as UTF-8 text ({exc}).") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(
                f"{where}: invalid JSON ({exc.msg} at column {exc.colno}); "
                "each line must be one JSON object."
            ) from None
        item = parse_item(raw, where)
        if item.id in seen:
            raise EvalInputError(
                f"{where}: duplicate id {item.id!r} (first at {seen[item.id]}); "
                "ids must be unique across every file evaluated together."
            )
        seen[item.id] = where
        items.append(item)
    if not items:
        raise EvalInputError(f"{path}: the file holds no items; expected one JSON object a line.")
    return items
