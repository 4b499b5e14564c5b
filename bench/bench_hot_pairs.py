"""Warm and bumped cycles of two or more source trees, alternating, from one state.

``bench_cycle.py`` measures one tree and runs a cold cycle before its warm and bumped
ones; on a shared machine, where one cold cycle of 1,000 feeds takes minutes, a
before/after comparison of the short cycles is better made from one cold state,
alternating the trees run by run so that both see the same load. This script runs one
cold cycle over N feeds (with the first tree; or reuses the state ``--state`` kept
from an earlier run), then ``--runs`` warm cycles of each tree (every feed answers
304) and ``--runs`` bumped ones (20 feeds with 5 new items), each from a copy of that
state, the order of the trees alternating, and prints each run and the medians: wall
and CPU seconds (the process and its reaped children) and peak RSS of the process
tree, with ``--threads`` each thread's time on a core, waiting for one and blocked.

Each tree is run by this interpreter's ``policybot`` with ``PYTHONPATH=TREE`` (a
worktree or a ``git archive`` of a commit: its ``bot`` and ``store`` packages are
byte-compiled first, and one unmeasured cold cycle over a few feeds stores each
tree's compiled patterns, as ``bench_cycle.py`` does).

    python bench/bench_hot_pairs.py --runs 6 base=/tmp/base new=/path/to/worktree
    python bench/bench_hot_pairs.py --runs 6 --cycles bumped --state /tmp/cold1000 A=… B=…
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench_cycle import (
    BUMP_FEEDS,
    BUMP_ITEMS,
    WARM_FEEDS,
    FeedServer,
    Policybot,
    Run,
    median,
    policybot_exe,
)


def tree_tool(tree: str, work: Path, server: FeedServer, feeds: int) -> Policybot:
    tool = Policybot(policybot_exe(), work, server, feeds)
    tool.env["PYTHONPATH"] = tree
    return tool


def cold_state(first: str, state: Path, kept: Path | None, server: FeedServer, feeds: int) -> str:
    """The state after one cold cycle over ``feeds`` feeds in ``state``: a copy of
    ``kept`` (its feeds moved to this server's port) when it exists, else run now (and
    kept there)."""
    if kept is not None and (kept / "bot.db").exists():
        shutil.copytree(kept, state)
        text = (state / "feeds.yaml").read_text(encoding="utf-8")
        found = re.search(r"localhost:(\d+)/", text)
        old, new = f"localhost:{found.group(1) if found else ''}/", f"localhost:{server.port}/"
        with sqlite3.connect(state / "bot.db") as db:
            db.execute("UPDATE feeds SET url = replace(url, ?, ?), "
                       "config_url = replace(config_url, ?, ?)", (old, new, old, new))  # fmt: skip
        tree_tool(first, state, server, feeds)  # feeds.yaml written for this server
        return f"cold state: a copy of {kept}"
    run = tree_tool(first, state, server, feeds).cycle()
    if kept is not None:
        shutil.copytree(state, kept)
    return f"cold state: one cycle, {run.wall:.2f} s wall, {run.cpu:.2f} s CPU"


def line(run: Run) -> str:
    return (f"{run.wall:.3f} s wall, {run.cpu:.3f} s CPU, {run.peak_mb:.0f} MB "
            f"({run.main_mb:.0f}+{run.others_mb:.0f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", help="LABEL=PATH of each source tree")
    parser.add_argument("--runs", type=int, default=5, help="runs of each tree and cycle")
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--cycles", default="warm,bumped", help="warm, bumped or both")
    parser.add_argument("--state", default="", help="keep the cold state here, or reuse it")
    parser.add_argument("--threads", action="store_true", help="where each thread's time went")
    args = parser.parse_args()
    trees = [tuple(t.split("=", 1)) for t in args.trees]
    for _, tree in trees:
        for package in ("bot", "store"):
            compileall.compile_dir(str(Path(tree) / package), quiet=1)
    server = FeedServer()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
    try:
        for label, tree in trees:  # each tree's compiled patterns stored first
            server.control(f"_reset?feeds={WARM_FEEDS}")
            tree_tool(tree, tmp / f"warm-{label}", server, WARM_FEEDS).cycle()
        server.control(f"_reset?feeds={args.feeds}")
        state = tmp / "state"
        print(cold_state(trees[0][1], state, Path(args.state) if args.state else None,
                         server, args.feeds), flush=True)  # fmt: skip
        runs: dict[tuple[str, str], list[Run]] = {}
        for cycle in args.cycles.split(","):
            if cycle == "bumped":
                server.control(f"_bump?feeds={BUMP_FEEDS}&items={BUMP_ITEMS}")
            for n in range(args.runs):
                for label, tree in trees if n % 2 == 0 else trees[::-1]:
                    work = tmp / f"run-{label}"
                    shutil.copytree(state, work)
                    tool = tree_tool(tree, work, server, args.feeds)
                    tool.threads = args.threads
                    run = tool.cycle()
                    runs.setdefault((cycle, label), []).append(run)
                    extra = f" :: {run.threads}" if args.threads else ""
                    print(f"  {cycle} {label}: {line(run)}{extra}", flush=True)
                    shutil.rmtree(work)
        print("load average:", Path("/proc/loadavg").read_text().strip())
        for (cycle, label), found in runs.items():
            print(f"{cycle} {label}: median {line(median(found))} [{len(found)} runs]")
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
