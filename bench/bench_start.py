"""Benchmark: what a process of each kind costs before it does any work.

Each kind is imported in a fresh interpreter (``python -c``), ``--runs`` times; the
medians are printed: resident memory after the imports (VmRSS), modules loaded, and
CPU milliseconds spent importing (after the interpreter's own start).

- ``poll``: the modules ``policybot poll`` loads before its first fetch (the
  command, the pipeline, the app, uvloop) and a store opened on a new file;
- ``poll+clustering``: the same, plus what its writer loads in a cycle with new
  items when a worker reads them (clustering, routing);
- ``worker``: a parsing worker's start (``bot.cpu_worker``'s imports).

    python bench/bench_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL = (
    "import bot.cli.main, bot.pipeline, bot.app, bot.cli.daemon, uvloop\n"
    "from store import Store\n"
    "Store.open(sys.argv[1]).close()\n"
)
KINDS = {
    "poll": POLL,
    "poll+clustering": POLL + "import bot.clustering, bot.delivery.routes, bot.cpu\n",
    "worker": "import bot.heap, bot.cpu, bot.sources.parse\nfrom bot.extract import extract\n",
}
MEASURE = """
import sys, time
started = time.process_time()
{code}
spent = time.process_time() - started
rss = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmRSS"))
print(int(rss), len(sys.modules), spent * 1000)
"""


def once(code: str, db: Path) -> tuple[float, int, float]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE.format(code=code), str(db)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    rss_kb, modules, cpu_ms = done.stdout.split()
    return int(rss_kb) / 1024, int(modules), float(cpu_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per kind (medians)")
    args = parser.parse_args()
    print(f"medians of {args.runs} fresh processes per kind")
    print("| kind | RSS after imports | modules | import CPU |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, code in KINDS.items():
            runs = [once(code, Path(tmp) / f"{kind}-{n}.db") for n in range(args.runs)]
            rss, modules, cpu = (statistics.median(r[i] for r in runs) for i in range(3))
            print(f"| {kind} | {rss:.1f} MB | {modules:.0f} | {cpu:.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
