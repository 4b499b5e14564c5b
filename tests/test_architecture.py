"""docs/architecture.md stays true to the tree: each folder of bot/ is one stage of the
table, each stage appears in the pipeline drawing, and the modules of the stages the
layout owns are each named in their row."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `bot/([a-z_]+)/` \| ([^|]+) \| (.+) \|$", re.M)


def stage_rows() -> list[tuple[str, str, str]]:
    return [(folder, stage.strip(), text) for folder, stage, text in ROW.findall(DOC)]


def packages() -> set[str]:
    return {p.parent.name for p in (ROOT / "bot").glob("*/__init__.py")}


def test_each_folder_of_bot_is_one_stage() -> None:
    rows = stage_rows()
    folders = [folder for folder, _, _ in rows]
    stages = [stage for _, stage, _ in rows]
    assert sorted(folders) == sorted(packages())  # every folder once, no stale row
    assert len(set(stages)) == len(stages)  # one stage per folder


def test_each_stage_is_in_the_drawing() -> None:
    drawing = DOC.split("```")[1]
    for folder, stage, _ in stage_rows():
        assert f"bot/{folder}" in drawing, folder
        assert all(word in drawing for word in stage.split(" and ")), stage


def test_rows_name_every_module_of_their_folder() -> None:
    for folder, _, text in stage_rows():
        if folder == "extract":  # described by what it finds; its modules change often
            continue
        base = ROOT / "bot" / folder
        names = {p.stem for p in base.glob("*.py") if p.stem != "__init__"}
        names |= {p.parent.name for p in base.glob("*/__init__.py")}
        missing = {n for n in names if f"`{n}`" not in text and f"`{n}/`" not in text}
        assert missing == set(), (folder, missing)
