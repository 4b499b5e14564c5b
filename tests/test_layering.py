"""One owner per third-party SDK, and no environment reads at import time."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWNERS = {
    "httpx": {"bot/sources/fetch.py"},
    "httpcore": {"bot/sources/fetch.py"},
    "feedparser": {"bot/sources/parse.py"},
    "sqlite_utils": {"store/"},
    "slack_bolt": {"bot/chat/slack/runtime.py"},
    "slack_sdk": {"bot/chat/slack/poster.py"},
    "discord": {"bot/chat/discord/"},
    "apscheduler": {"bot/app.py"},
}


def source_files() -> list[Path]:
    return sorted(p for d in ("bot", "store") for p in (ROOT / d).rglob("*.py"))


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def owned_by(rel: str, owners: set[str]) -> bool:
    return any(rel == o or (o.endswith("/") and rel.startswith(o)) for o in owners)


def test_each_sdk_is_imported_only_by_its_owner() -> None:
    offenders = []
    for path in source_files():
        rel = path.relative_to(ROOT).as_posix()
        for root in imported_roots(path) & OWNERS.keys():
            if not owned_by(rel, OWNERS[root]):
                offenders.append(f"{rel} imports {root}")
    assert offenders == []


def test_the_checker_sees_real_imports() -> None:
    # guard against a checker that passes because it finds nothing
    assert "sqlite_utils" in imported_roots(ROOT / "store" / "db.py")
    assert "httpx" in imported_roots(ROOT / "bot" / "sources" / "fetch.py")


def test_no_module_reads_the_environment_at_import_time() -> None:
    offenders = []
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level statements only
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            text = ast.unparse(node)
            if "os.environ" in text or "os.getenv" in text:
                offenders.append(f"{path.relative_to(ROOT)}: {text[:60]}")
    assert offenders == []


def test_no_generic_module_names() -> None:
    names = {p.stem for p in source_files()}
    assert not names & {"utils", "util", "helpers", "manager", "misc", "common"}
