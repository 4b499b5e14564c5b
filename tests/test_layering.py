"""Layering, checked on the real import graph of bot/ and store/: one owner per
third-party SDK, no import circles, a store that imports only pure lower modules,
and no environment reads at import time."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each SDK has exactly one owner: a module, or the package of the one backend or
# platform it serves (sqlite_utils: the store; discord.py: the Discord platform;
# lxml: the sources stage, where pages and feeds are read).
OWNERS = {
    "feedparser": "bot/sources/parse.py",
    "trafilatura": "bot/sources/page_text.py",
    "lxml": "bot/sources/",  # page text (with trafilatura) and the fast RSS reader
    "sqlite_utils": "store/",
    "slack_bolt": "bot/chat/slack/runtime.py",
    "slack_sdk": "bot/chat/slack/poster.py",
    "discord": "bot/chat/discord/",
    "apscheduler": "bot/app.py",
    "prometheus_client": "bot/ops/metrics.py",
    "dotenv": "bot/env.py",
    "feedgen": "bot/exports/atom.py",
    "matplotlib": "bot/delivery/chart.py",
    "uvloop": "bot/cli/daemon.py",
}


def source_files() -> list[Path]:
    return sorted(p for d in ("bot", "store") for p in (ROOT / d).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in source_files()}


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (annotations only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def imports(path: Path) -> list[tuple[str, ...]]:
    """(module, names…) for every import, at module level or inside a function."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, ...]] = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name,) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.append((base, *(alias.name for alias in node.names)))
    return found


def imported_roots(path: Path) -> set[str]:
    return {entry[0].split(".")[0] for entry in imports(path)}


def internal_edges(path: Path) -> set[str]:
    """The bot/store modules ``path`` imports (``from pkg import mod`` is an edge to
    ``pkg.mod``; a package's own ``__init__`` is not implied by importing a submodule)."""
    edges: set[str] = set()
    for base, *names in imports(path):
        if not names:
            edges.add(base)
        for name in names:
            edges.add(f"{base}.{name}" if f"{base}.{name}" in MODULES else base)
    return {e for e in edges if e in MODULES}


GRAPH = {name: internal_edges(path) for name, path in MODULES.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module, or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = [stack.pop()]
            while component[-1] != node:
                component.append(stack.pop())
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def owned_by(rel: str, owner: str) -> bool:
    return rel == owner or (owner.endswith("/") and rel.startswith(owner))


# --------------------------------------------------------------------------- SDK owners


def test_each_sdk_is_imported_only_by_its_owner() -> None:
    offenders = []
    for path in source_files():
        rel = path.relative_to(ROOT).as_posix()
        for root in imported_roots(path) & OWNERS.keys():
            if not owned_by(rel, OWNERS[root]):
                offenders.append(f"{rel} imports {root}")
    assert offenders == []


def test_feeds_are_fetched_by_one_module() -> None:
    # aiohttp also serves HTTP and posts to chat platforms, so it has no single owner;
    # in the fetch-and-parse stage only the fetcher speaks HTTP (and checks the
    # network policy on every connection)
    sources = sorted((ROOT / "bot" / "sources").glob("*.py"))
    speakers = [p.name for p in sources if imported_roots(p) & {"aiohttp", "httpx", "requests"}]
    assert speakers == ["fetch.py"]


def test_each_owner_really_imports_its_sdk() -> None:
    for sdk, owner in OWNERS.items():
        users = [p for p in source_files() if owned_by(p.relative_to(ROOT).as_posix(), owner)]
        assert any(sdk in imported_roots(p) for p in users), f"{owner} no longer uses {sdk}"


def test_the_checker_sees_real_imports() -> None:
    # guard against a checker that passes because it finds nothing
    assert "sqlite_utils" in imported_roots(ROOT / "store" / "db.py")
    assert "aiohttp" in imported_roots(ROOT / "bot" / "sources" / "fetch.py")
    assert "store.events" in GRAPH["bot.clustering"]  # "from store import events as …"
    assert "bot.chat.slack.runtime" in GRAPH["bot.chat.slack"]  # an import inside a function


# --------------------------------------------------------------------------- circles


def test_no_import_circles() -> None:
    assert circles(GRAPH) == []


def test_the_circle_finder_finds_circles() -> None:
    graph = {k: set(v) for k, v in GRAPH.items()}
    graph["bot.models"].add("bot.app")  # bot.app imports bot.models, indirectly
    found = circles(graph)
    assert found and "bot.models" in found[0] and "bot.app" in found[0]


# --------------------------------------------------------------------------- the store


def pure(module: str) -> bool:
    """Imports (transitively) no store module and no SDK: only the standard library,
    data-file readers and other pure modules."""
    below = reachable(GRAPH, module) | {module}
    return not any(m == "store" or m.startswith("store.") for m in below) and not any(
        imported_roots(MODULES[m]) & OWNERS.keys() for m in below
    )


def test_the_store_imports_nothing_above_the_pure_modules() -> None:
    used = {t for name, targets in GRAPH.items() if name.split(".")[0] == "store" for t in targets}
    from_bot = sorted(m for m in used if m.startswith("bot"))
    assert from_bot  # it does use model values
    assert [m for m in from_bot if not pure(m)] == []


def test_the_events_stage_is_pure() -> None:
    events = [m for m in MODULES if m == "bot.events" or m.startswith("bot.events.")]
    assert len(events) > 3 and [m for m in events if not pure(m)] == []
    assert not pure("bot.clustering")  # the module that composes rules and SQL


def test_cli_entry_and_command_modules_do_not_import_each_other() -> None:
    commands = {m for m in MODULES if m.startswith("bot.cli.") and m not in ("bot.cli.main",)}
    assert "bot.cli.main" not in set().union(*(reachable(GRAPH, m) for m in commands))


# --------------------------------------------------------------------------- hygiene


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
