"""Benchmark: policybot against rss2email and feed2exec on the same local feeds.

A separate process (bench/cycle_feeds.py) serves N RSS feeds of 50 items of about
2 KB on 127.0.0.1. For each N and each tool, from an empty state: a cold cycle
(every item new), a warm one (every feed answers 304) and a bumped one (20 feeds
with 5 new items each). Each cycle is one fresh process of the tool:

    policybot --db D --feeds F poll --all      (no chat configured)
    r2e -c C -d D run --no-send                (rss2email)
    feed2exec --config C --database D fetch    (null output)

policybot's modules are byte-compiled first, as an installed package's are (see
``compile_policybot``), and one unmeasured cold cycle over a few feeds stores the
compiled patterns a cycle uses, as any earlier run on the machine has (see
``warm_policybot``). It prints wall seconds, CPU seconds (user + system of the process and its
children), peak memory of the whole process tree (the largest sum of RSS over the
process and its descendants, sampled every 20 ms; where it had children, the peak
of the process alone and the peak of its children's sum follow in brackets, each
peaking when it does) and entries/s. rss2email and feed2exec are looked up on PATH, in
$BENCH_VENV/bin (default /work/bench-venv) or through $R2E / $FEED2EXEC; a tool
that is missing is reported as 'not installed'.

    python bench/bench_cycle.py [--feeds 200,1000] [--repeat 1] [--tools policybot,rss2email,feed2exec]
    python bench/bench_cycle.py --feeds 1000 --hot 9      # 9 warm and 9 bumped runs per cold one
    python bench/bench_cycle.py --daemon 1000 [--cycles 10]
    python bench/bench_cycle.py --feeds 1000 --tools policybot --profile DIR
    python bench/bench_cycle.py --feeds 1000 --tools policybot --cold-only [--threads]

``--threads`` prints, after the table, each policybot thread's seconds on a core,
waiting for a core (another process had it) and blocked (waiting on I/O, a lock,
the GIL or for work): a parsing worker that is blocked much of its life was starved
of bodies, and time waiting for a core means the machine was busy with other work.

``--daemon N`` runs ``policybot run`` over N feeds for ``--cycles`` cycles (20 feeds
bumped between cycles) and prints its memory after each cycle. ``--profile DIR``
runs each policybot cycle under a profiler and leaves its profile in DIR: py-spy's
stacks of the whole process tree (``policybot-N-cycle.txt``, the writer thread and
the parsing workers included; ``bench/profile_shares.py`` prints where they went)
when py-spy is installed, else cProfile's
statistics of the polling process (``policybot-N-cycle.pstats``); the figures of a
profiled run are the profiler's too, so compare profiles, not those figures.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ITEMS = 50
BUMP_FEEDS, BUMP_ITEMS = 20, 5
CYCLES = ("cold", "warm", "bumped")
RUN_TIMEOUT = 1800.0  # seconds: no tool run may take longer


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float  # RSS summed over the process tree (shared pages counted in each)
    pss_mb: float  # PSS summed over the tree (shared pages split)
    main_mb: float = 0.0  # the tool's own process alone: its peak RSS
    others_mb: float = 0.0  # its descendants (parsing workers): peak of their summed RSS
    threads: str = ""  # with --threads: where each thread's time went


# ----------------------------------------------------------------- the feed server


class FeedServer:
    """bench/cycle_feeds.py in a child process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "cycle_feeds.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "port":
            self.stop()
            raise SystemExit(f"the feed server did not start (said {line!r})")
        self.port = int(line[1])

    def url(self, feed: int) -> str:
        return f"http://localhost:{self.port}/f{feed}.xml"

    def control(self, what: str) -> None:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{what}", timeout=300) as r:
            r.read()

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ----------------------------------------------------------------- measuring a process


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo and len(found) < 10_000:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _rss_kb(pid: int) -> int:
    return _field_kb(f"/proc/{pid}/status", "VmRSS:")


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared pages split among the processes sharing them."""
    return _field_kb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _field_kb(path: str, name: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(name):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _schedstat(pid: int) -> dict[int, tuple[float, float]]:
    """Each thread of ``pid``: (seconds on a core, seconds runnable waiting for one),
    from /proc/PID/task/TID/schedstat."""
    found: dict[int, tuple[float, float]] = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                on_cpu, waiting, _ = f.read().split()
        except (OSError, ValueError):
            continue
        found[int(tid)] = (int(on_cpu) / 1e9, int(waiting) / 1e9)
    return found


class PeakSampler(threading.Thread):
    """Largest sums of RSS and of PSS over a process tree, sampled until stopped; with
    ``threads``, each thread's time on a core, waiting for one and blocked."""

    def __init__(self, pid: int, interval: float = 0.02, threads: bool = False) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb, self.peak_pss_kb = pid, interval, 0, 0
        self.main_kb = self.others_kb = 0  # the root alone; the rest of the tree
        self.done = threading.Event()
        self.threads = threads
        # (pid, tid) → (first seen, last seen, on a core, waiting for a core)
        self.seen: dict[tuple[int, int], tuple[float, float, float, float]] = {}

    def run(self) -> None:
        tick = 0
        pids = [self.pid]
        while not self.done.is_set():
            if tick % 10 == 0:  # the tree changes rarely; /proc walks cost CPU
                pids = _tree(self.pid)
                if self.threads:
                    self._sched(pids)
            sizes = [_rss_kb(p) for p in pids]  # pids[0] is the root
            self.peak_kb = max(self.peak_kb, sum(sizes))
            self.main_kb = max(self.main_kb, sizes[0])
            self.others_kb = max(self.others_kb, sum(sizes[1:]))
            if tick % 5 == 0:  # smaps_rollup is dearer to read
                self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(p) for p in pids))
            tick += 1
            self.done.wait(self.interval)

    def _sched(self, pids: list[int]) -> None:
        now = time.perf_counter()
        for pid in pids:
            for tid, (on_cpu, waiting) in _schedstat(pid).items():
                first = self.seen.get((pid, tid), (now,))[0]
                self.seen[(pid, tid)] = (first, now, on_cpu, waiting)

    def report(self) -> str:
        """One clause per thread that used a core: on a core / waiting for one /
        blocked (sleeping: on I/O, a lock, the GIL or no work), seconds of its life as
        sampled (schedstat is read at every tenth RSS sample, every 0.2 s, so up to that
        much of each thread's life is missed)."""
        parts = []
        for (pid, tid), (first, last, on_cpu, waiting) in sorted(self.seen.items()):
            if on_cpu < 0.05:
                continue
            who = ("polling process" if pid == self.pid else f"worker {pid}") + (
                "" if tid == pid else f" thread {tid}"
            )
            blocked = max(0.0, last - first - on_cpu - waiting)
            parts.append(f"{who}: {on_cpu:.1f} s on a core / {waiting:.1f} s waiting for "
                         f"one / {blocked:.1f} s blocked")  # fmt: skip
        return "; ".join(parts)


def measure(cmd: list[str], env: dict[str, str], log: Path, threads: bool = False) -> Run:
    """Run ``cmd`` to completion; its wall time, CPU time and peak tree RSS (and with
    ``threads``, where each thread's time went)."""
    with log.open("ab") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out, stdin=subprocess.DEVNULL)
        sampler = PeakSampler(proc.pid, threads=threads)
        sampler.start()
        deadline = start + RUN_TIMEOUT
        status, usage = 0, None
        while time.perf_counter() < deadline:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.005)
        else:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed with exit code {proc.returncode}; see {log}")
    assert usage is not None
    peak_kb = max(sampler.peak_kb, usage.ru_maxrss)
    pss_kb = sampler.peak_pss_kb or peak_kb
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, pss_kb / 1024,
               sampler.main_kb / 1024, sampler.others_kb / 1024, sampler.report() if threads else "")  # fmt: skip


# ----------------------------------------------------------------- the tools


def find_tool(name: str, env_var: str) -> str | None:
    explicit = os.environ.get(env_var)
    if explicit:
        return explicit if Path(explicit).exists() else None
    venv = Path(os.environ.get("BENCH_VENV", "/work/bench-venv")) / "bin" / name
    return shutil.which(name) or (str(venv) if venv.exists() else None)


def clean_env() -> dict[str, str]:
    drop = ("SLACK_", "DISCORD_", "POLICYBOT_")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


class Tool:
    name = ""

    def __init__(self, exe: str, work: Path, server: FeedServer, feeds: int,
                 threads: bool = False) -> None:  # fmt: skip
        self.exe, self.work, self.env = exe, work, clean_env()
        self.threads = threads  # --threads: where each thread's time went
        work.mkdir(parents=True, exist_ok=True)
        self.setup(server, feeds)

    def setup(self, server: FeedServer, feeds: int) -> None:
        raise NotImplementedError

    def command(self) -> list[str]:
        raise NotImplementedError

    def cycle(self) -> Run:
        return measure(self.command(), self.env, self.work / "log.txt", self.threads)


class Policybot(Tool):
    name = "policybot"
    profile: Path | None = None  # a folder: each cycle's profile is left there
    cycles = 0

    def setup(self, server: FeedServer, feeds: int) -> None:
        self.feeds = feeds
        lines = ["defaults:\n  interval: 15m\n  allow_hosts: [localhost]\nconsole: false\nfeeds:\n"]
        lines += [f"  - name: Feed {f}\n    url: {server.url(f)}\n" for f in range(feeds)]
        (self.work / "feeds.yaml").write_text("".join(lines), encoding="utf-8")

    def command(self) -> list[str]:
        w = self.work
        args = ["--db", str(w / "bot.db"), "--feeds", str(w / "feeds.yaml"), "poll", "--all"]
        if self.profile is None:
            return [self.exe, *args]
        name = self.profile / f"policybot-{self.feeds}-{CYCLES[self.cycles % len(CYCLES)]}"
        self.cycles += 1
        return profiled(self.exe, args, name)


class Rss2email(Tool):
    name = "rss2email"

    def setup(self, server: FeedServer, feeds: int) -> None:
        lines = ["[DEFAULT]\nto = bench@example.org\nfrom = bench@example.org\n"]
        lines += [f"\n[feed.f{f}]\nurl = {server.url(f)}\n" for f in range(feeds)]
        (self.work / "r2e.cfg").write_text("".join(lines), encoding="utf-8")

    def command(self) -> list[str]:
        w = self.work
        return [self.exe, "-c", str(w / "r2e.cfg"), "-d", str(w / "r2e.json"), "run", "--no-send"]


class Feed2exec(Tool):
    name = "feed2exec"

    def setup(self, server: FeedServer, feeds: int) -> None:
        lines = [f"[f{f}]\nurl = {server.url(f)}\noutput = feed2exec.plugins.null\n\n"
                 for f in range(feeds)]  # fmt: skip
        (self.work / "feed2exec.ini").write_text("".join(lines), encoding="utf-8")
        self.env["XDG_CACHE_HOME"] = str(self.work / "cache")

    def command(self) -> list[str]:
        w = self.work
        return [self.exe, "--config", str(w / "feed2exec.ini"),
                "--database", str(w / "feed2exec.db"), "fetch"]  # fmt: skip


def profiled(exe: str, args: list[str], name: Path) -> list[str]:
    """``exe args`` under py-spy (the whole process tree, its stacks in py-spy's raw
    format: ``bench/profile_shares.py`` reads them, flamegraph.pl or speedscope draw
    them) when it is installed, else under cProfile (the polling process:
    ``python -m cProfile -m bot``)."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if Path(spy).exists():
        return [spy, "record", "--subprocesses", "--threads", "--rate", "200", "--format",
                "raw", "--output", f"{name}.txt", "--", exe, *args]  # fmt: skip
    return [sys.executable, "-m", "cProfile", "-o", f"{name}.pstats", "-m", "bot", *args]


def compile_policybot() -> str:
    """Byte-compile the policybot package the benchmark runs, as ``pip install`` does for
    an installed package (rss2email's and feed2exec's modules were compiled when pip
    installed them). An editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise
    compile every module from source in every measured process. Returns what was done."""
    found = []
    for name in ("bot", "store"):
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)
            found.append(folder)
    return "policybot's modules byte-compiled first: " + (", ".join(found) or "not found")


WARM_FEEDS = 40  # the warm-up cycle's feeds: more than bot.pipeline.POOL_AFTER, so a worker parses


def warm_policybot(server: FeedServer) -> str:
    """One unmeasured cold cycle over ``WARM_FEEDS`` feeds, so the compiled-pattern file
    (``bot.extract.compiled``: built on a machine's first run, and again for the patterns
    an edit of the rules or data changed) holds what a cycle compiles, as it does on a
    machine that has run policybot before. Measured right after a rules change instead,
    the cold cycle's worker compiles the changed patterns itself and keeps them until it
    exits (with ``bot/data/__pycache__/regexes.*`` removed, the worker of a cold cycle over
    1,000 feeds peaked 2 to 8 MB higher). Returns what was done."""
    with tempfile.TemporaryDirectory(prefix="bench-warm-") as tmp:
        server.control(f"_reset?feeds={WARM_FEEDS}")
        tool = Policybot(policybot_exe(), Path(tmp), server, WARM_FEEDS)
        cmd = [tool.exe, "--db", str(tool.work / "bot.db"), "--feeds",
               str(tool.work / "feeds.yaml"), "poll", "--all"]  # fmt: skip
        done = subprocess.run(cmd, env=tool.env, capture_output=True, timeout=RUN_TIMEOUT,
                              check=False)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the warm-up cycle failed ({done.returncode}): {done.stderr[-500:]!r}")
    return f"compiled patterns stored first: one unmeasured cold cycle over {WARM_FEEDS} feeds"


def policybot_exe() -> str:
    found = Path(sys.executable).parent / "policybot"
    return str(found) if found.exists() else shutil.which("policybot") or "policybot"


# ----------------------------------------------------------------- the table


def run_tool(cls: type[Tool], exe: str, server: FeedServer, feeds: int, tmp: Path,
             repeat: int, cold_only: bool = False, threads: bool = False,
             hot: int = 1) -> dict[str, list[Run]]:  # fmt: skip
    """Each attempt: a cold cycle, then ``hot`` warm cycles and ``hot`` bumped ones, each
    from a copy of the state the cycle before left (the tool's whole folder: database,
    state file, cache), so every warm run starts where the cold one ended and every
    bumped run where a warm one ended, with the same 100 new items."""
    runs: dict[str, list[Run]] = {c: [] for c in CYCLES}
    for attempt in range(repeat):
        server.control(f"_reset?feeds={feeds}")
        tool = cls(exe, tmp / f"{cls.name}-{feeds}-{attempt}", server, feeds, threads)
        runs["cold"].append(tool.cycle())
        if cold_only:
            shutil.rmtree(tool.work, ignore_errors=True)
            continue
        after = tool.work.with_name(tool.work.name + "-after")
        for cycle in ("warm", "bumped"):
            if cycle == "bumped":
                server.control(f"_bump?feeds={BUMP_FEEDS}&items={BUMP_ITEMS}")
            if hot > 1:
                shutil.copytree(tool.work, after)  # the state this cycle starts from
            for n in range(hot):
                if n:
                    shutil.rmtree(tool.work)
                    shutil.copytree(after, tool.work)
                runs[cycle].append(tool.cycle())
            shutil.rmtree(after, ignore_errors=True)
        shutil.rmtree(tool.work, ignore_errors=True)
    return runs


def median(runs: list[Run]) -> Run:
    fields = ("wall", "cpu", "peak_mb", "pss_mb", "main_mb", "others_mb")
    return Run(*(statistics.median(getattr(r, f) for r in runs) for f in fields))


def entries(cycle: str, feeds: int) -> int:
    return {"cold": feeds * ITEMS, "warm": 0, "bumped": BUMP_FEEDS * BUMP_ITEMS}[cycle]


def cell(run: Run | None, cycle: str, feeds: int) -> str:
    if run is None:
        return "not installed"
    rate = f", {entries(cycle, feeds) / run.wall:,.0f} entries/s" if cycle == "cold" else ""
    split = (f" (itself {run.main_mb:.0f} MB, its children {run.others_mb:.0f} MB)"
             if run.others_mb >= 1 else "")  # fmt: skip
    return (f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU, "
            f"{run.peak_mb:.0f} MB RSS{split} / {run.pss_mb:.0f} MB PSS{rate}")  # fmt: skip


def table(args: argparse.Namespace) -> None:
    tools: list[tuple[type[Tool], str | None]] = [
        (Policybot, policybot_exe()),
        (Rss2email, find_tool("r2e", "R2E")),
        (Feed2exec, find_tool("feed2exec", "FEED2EXEC")),
    ]
    wanted = set(args.tools.split(","))
    tools = [(cls, exe) for cls, exe in tools if cls.name in wanted]
    if args.profile:
        Policybot.profile = Path(args.profile).resolve()
        Policybot.profile.mkdir(parents=True, exist_ok=True)
    if any(cls is Policybot for cls, _ in tools):
        print(compile_policybot())
    server = FeedServer()
    try:
        if any(cls is Policybot for cls, _ in tools):
            print(warm_policybot(server))
    except BaseException:
        server.stop()
        raise
    tmp = Path(tempfile.mkdtemp(prefix="bench-cycle-"))
    print(f"feeds of {ITEMS} items (~{len(_sample_body()) // 1024} KB each) on 127.0.0.1; "
          f"medians of {args.repeat} run(s) (warm and bumped: {args.repeat * args.hot}); memory = peak RSS and PSS, summed over the "
          "process tree (PSS splits pages shared between processes)")  # fmt: skip
    print("| N feeds | cycle | " + " | ".join(cls.name for cls, _ in tools)
          + " | policybot ÷ rss2email |")  # fmt: skip
    print("|---|---|" + "---|" * len(tools) + "---|")
    try:
        for feeds in (int(n) for n in args.feeds.split(",")):
            results = {cls.name: (run_tool(cls, exe, server, feeds, tmp, args.repeat,
                                           args.cold_only, args.threads and cls is Policybot,
                                           args.hot)
                                  if exe else None)
                       for cls, exe in tools}  # fmt: skip
            for cycle in CYCLES[:1] if args.cold_only else CYCLES:
                meds = {n: (median(r[cycle]) if r else None) for n, r in results.items()}
                ours, theirs = meds.get("policybot"), meds.get("rss2email")
                ratio = f"{theirs.wall / ours.wall:.1f}× faster, RSS {ours.peak_mb / theirs.peak_mb:.2f}×" if ours and theirs else "n/a"  # fmt: skip
                cells = " | ".join(cell(meds[cls.name], cycle, feeds) for cls, _ in tools)
                print(f"| {feeds} | {cycle} | {cells} | {ratio} |", flush=True)
            for cycle in (CYCLES[:1] if args.cold_only else CYCLES) if args.threads else ():
                for run in (results.get("policybot") or {}).get(cycle, []):
                    print(f"policybot, {feeds} feeds, {cycle}: {run.threads}")
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _sample_body() -> bytes:
    sys.path.insert(0, str(HERE))
    from cycle_feeds import feed_xml

    return feed_xml(0, 0, BUMP_ITEMS)


# ----------------------------------------------------------------- the daemon


def daemon(args: argparse.Namespace) -> None:
    """``policybot run`` over N feeds for ``args.cycles`` cycles; its RSS after each."""
    feeds = args.daemon
    print(compile_policybot())
    server = FeedServer()
    tmp = Path(tempfile.mkdtemp(prefix="bench-daemon-"))
    proc = None
    try:
        print(warm_policybot(server))
        server.control(f"_reset?feeds={feeds}")
        tool = Policybot(policybot_exe(), tmp, server, feeds)
        text = (tmp / "feeds.yaml").read_text().replace("interval: 15m", "interval: 1m")
        (tmp / "feeds.yaml").write_text(text)
        cmd = [tool.exe, "--db", str(tmp / "bot.db"), "--feeds", str(tmp / "feeds.yaml"),
               "run", "--tick", "5"]  # fmt: skip
        proc = subprocess.Popen(cmd, env=tool.env, stderr=subprocess.PIPE, text=True,
                                stdout=subprocess.DEVNULL)  # fmt: skip
        assert proc.stderr is not None
        cycle, deadline = 0, time.monotonic() + RUN_TIMEOUT
        print(f"policybot run, {feeds} feeds; {BUMP_FEEDS} feeds get {BUMP_ITEMS} new items between cycles")  # fmt: skip
        for line in proc.stderr:
            if "maximum number of running instances" in line:
                print(f"  scheduler warning: {line.strip()}")
            if not line.startswith("polled "):
                continue
            cycle += 1
            tree = _tree(proc.pid)
            rss = sum(_rss_kb(p) for p in tree) / 1024
            pss = sum(_pss_kb(p) for p in tree) / 1024
            print(f"cycle {cycle}: {line.strip()} | RSS {rss:.0f} MB, PSS {pss:.0f} MB", flush=True)
            if cycle >= args.cycles or time.monotonic() > deadline:
                break
            server.control(f"_bump?feeds={BUMP_FEEDS}&items={BUMP_ITEMS}")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", default="200,1000", help="comma-separated feed counts")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool (medians shown)")
    parser.add_argument("--tools", default="policybot,rss2email,feed2exec")
    parser.add_argument("--daemon", type=int, default=0, help="daemon mode over this many feeds")
    parser.add_argument("--cycles", type=int, default=10, help="daemon cycles")
    parser.add_argument("--profile", default="", help="leave each policybot cycle's profile here")
    parser.add_argument("--cold-only", action="store_true", help="only the cold cycle of each N")
    parser.add_argument("--hot", type=int, default=1,
                        help="warm and bumped runs after each cold one (medians shown), each "
                        "from a copy of the state it starts from")  # fmt: skip
    parser.add_argument("--threads", action="store_true",
                        help="after the table: each policybot thread's time on a core, "
                        "waiting for one and blocked (Linux)")  # fmt: skip
    args = parser.parse_args()
    if args.daemon:
        daemon(args)
    else:
        table(args)


if __name__ == "__main__":
    main()
