"""Where a profiled cycle's samples went, per process and thread, by stage.

Reads py-spy's raw output (``py-spy record --subprocesses --threads --format raw``,
as ``bench_cycle.py --profile DIR`` leaves it: one line per stack, frames joined by
";", the sample count last) and prints, for each thread that has samples, its share
of all samples and the share of its own samples spent under each stage: a stage is
a function (``name (file)``, or one line of it), and a sample counts once, for the
first stage of ``STAGES`` its stack holds (so extraction's own imports count as
imports, and the event loop only what no other stage claims).

    python bench/profile_shares.py DIR/policybot-1000-cold.txt

py-spy samples a thread only while it runs or waits to run (not while it sleeps on
I/O or a lock), so a thread's samples are its busy time, and the busiest process
of a cycle that overlaps its stages is the one that sets the cycle's length.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

# (label, function, file[:line]): the first of these a stack holds names its stage
STAGES = (
    ("imports", "_find_and_load", "<frozen importlib._bootstrap>"),
    ("extraction (read with known vendors)", "_with_known", "bot/cpu.py"),
    ("extraction (plain)", "_extract", "bot/cpu.py"),
    ("extraction (read again for the writer)", "read_again", "bot/cpu.py"),
    ("parse_feed (XML, items, identity, clean-up)", "parse_feed", "bot/sources/parse.py"),
    ("clustering", "record_finding", "bot/clustering.py"),
    ("entry inserts", "record_entries", "store/entries.py"),
    ("finding inserts", "record_finding", "store/entries.py"),
    ("full-text index", "_index_text", "store/entries.py"),
    ("commit (and savepoint releases)", "__exit__", "contextlib.py"),
    ("routing", "route", "bot/delivery/routes.py"),
    ("fetch", "fetch", "bot/sources/fetch.py"),
    ("worker answers read (unpickling)", "_read", "bot/cpu_pool.py"),
    ("jobs sent to the worker (pickling)", "_submit", "bot/cpu_pool.py"),
    ("writer waiting for jobs", "_gather", "bot/writer.py"),
    ("a job read (unpickling)", "serve", "bot/cpu_worker.py:63"),
    ("an answer pickled", "serve", "bot/cpu_worker.py:71"),
    ("an answer written to the pipe", "serve", "bot/cpu_worker.py:78"),
    ("event loop", "run", "asyncio/runners.py"),
)
_FRAME = re.compile(r"^(?P<name>\S+) \((?P<file>[^:)]+)(?::(?P<line>\d+))?\)$")


def stage_of(frames: list[str]) -> str:
    parsed = []
    for frame in frames:
        match = _FRAME.match(frame.strip())
        if match:
            parsed.append((match["name"], match["file"], match["line"] or ""))
    for label, name, where in STAGES:
        file, _, line = where.partition(":")
        for got_name, got_file, got_line in parsed:
            same = got_name.rsplit(".", 1)[-1] == name and got_file.endswith(file)
            if same and (not line or got_line == line):
                return label
    return "other"


def shares(path: Path) -> tuple[Counter[str], dict[str, Counter[str]]]:
    threads: Counter[str] = Counter()
    stages: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = raw.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        # process lines come first, then "thread (tid): name" or "thread (tid)"
        thread_at = next((i for i, f in enumerate(frames) if f.startswith("thread (")), None)
        if thread_at is None:
            continue
        process = "worker" if thread_at > 1 else "polling process"
        name = frames[thread_at].partition(": ")[2] or "main"
        who = f"{process}, {'writer thread' if name.startswith('policybot-store') else name}"
        if process == "worker":
            who = "worker"
        threads[who] += int(count)
        stages[who][stage_of(frames[thread_at + 1 :])] += int(count)
    return threads, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("profile", type=Path, help="py-spy raw output (collapsed stacks)")
    parser.add_argument("--min", type=float, default=1.0, help="smallest share printed, %%")
    args = parser.parse_args()
    threads, stages = shares(args.profile)
    total = sum(threads.values())
    print(f"{args.profile.name}: {total:,} samples")
    for who, count in threads.most_common():
        if 100 * count / total < args.min:
            continue
        print(f"{who}: {100 * count / total:.1f} % of all samples")
        for label, n in stages[who].most_common():
            if 100 * n / count >= args.min:
                print(f"  {100 * n / count:5.1f} %  {label}")


if __name__ == "__main__":
    main()
