"""Parsing worker processes (``bot.cpu_pool``, ``bot.cpu_worker``): a real subprocess
answers like the polling process would, a failure inside it reaches the caller as
the same exception, a worker that died is reported as gone, and the worker loads
neither sqlite-utils, nor the HTTP client, nor OpenSSL, nor PyYAML (it reads the data
files' marshal copies)."""

from __future__ import annotations

import asyncio
import io
import pickle
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cpu import ParseJob, parse_and_extract
from bot.cpu_pool import CpuPool, CpuWorker, WorkerGone
from bot.cpu_worker import HEAD, serve
from bot.models import FetchResult
from store import Store
from tests.test_pipeline_e2e import item, rss

PAUSE = item("pause-1", "Orrin Biometrics pauses sales of its face recognition to police",
             "The company said the one-year moratorium takes effect immediately.")  # fmt: skip
OTHER = item("parking-1", "City council debates parking rules", "Nothing about faces.")


def _job(db: Path | None, feed: str = "f1") -> ParseJob:
    body = rss(PAUSE, OTHER).encode()
    result = FetchResult(feed_id=feed, outcome="ok", status_code=200, body=body,
                         headers=(("content-type", "application/rss+xml"),),
                         final_url="https://news.example/feed.xml")  # fmt: skip
    return ParseJob(result, feed, "Example", str(db) if db else None)


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "bot.db"
    Store.open(path).db.conn.close()
    return path


def test_a_worker_process_answers_as_this_process_would(tmp_path: Path) -> None:
    db = _database(tmp_path)
    jobs = [_job(db, f"f{n}") for n in range(3)]

    async def in_workers() -> list[object]:
        pool = CpuPool(1)
        try:
            return list(await asyncio.gather(*(pool.run(job) for job in jobs)))
        finally:
            pool.close()

    answers = asyncio.run(in_workers())
    here = [parse_and_extract(job) for job in jobs]
    assert answers == here
    assert len(here[0].entries) == 2
    assert any(finding is not None for finding in here[0].known_findings)


def test_a_pool_is_starting_until_its_worker_answers_its_first_job(tmp_path: Path) -> None:
    """While the worker's interpreter starts with its first body, the pool says so (the
    polling process parses the next bodies itself); its answer ends that."""
    db = _database(tmp_path)

    async def run() -> list[tuple[bool, int]]:
        pool = CpuPool(1)
        try:
            seen = [(pool.starting, pool.in_flight)]
            first = asyncio.ensure_future(pool.run(_job(db)))
            await asyncio.sleep(0)  # the job is handed over; the process is starting
            seen.append((pool.starting, pool.in_flight))
            await first
            seen.append((pool.starting, pool.in_flight))
            return seen
        finally:
            pool.close()

    assert asyncio.run(run()) == [(False, 0), (True, 1), (False, 0)]


def test_bodies_after_the_first_are_parsed_here_while_the_worker_starts(tmp_path: Path) -> None:
    """A cycle's worker holds its first body while its interpreter starts (here: until
    the test lets it begin its loop); the cycle parses the next bodies itself at once
    instead of queueing them behind that start, and the worker answers its one job."""
    from bot.config import load_config
    from bot.models import FeedState
    from bot.pipeline import _Cycle

    db = _database(tmp_path)
    release = tmp_path / "release"
    held = ("import os, time, sys\nwhile not os.path.exists(sys.argv[1]): time.sleep(0.01)\n"
            "from bot.cpu_worker import main\nmain()")  # fmt: skip
    (tmp_path / "feeds.yaml").write_text(
        "feeds:\n  - name: Feed 0\n    url: https://news.example/feed.xml\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "feeds.yaml", env={})

    def feed(n: int) -> FeedState:
        return FeedState(id=f"f{n}", name=f"Feed {n}", url="https://news.example/feed.xml",
                         config_url="https://news.example/feed.xml", kind="news",
                         interval=900, enabled=True, status="ok")  # fmt: skip

    async def run() -> tuple[list[bool], list[int], int, int]:
        pool = CpuPool(1)
        pool.workers = [CpuWorker((sys.executable, "-c", held, str(release)))]
        store = Store.open(db)
        cycle = _Cycle(store, config, datetime.now(UTC), pool, pool_after=0)
        try:
            first = asyncio.ensure_future(cycle.cpu_work(feed(0), _job(db, "f0").result))
            while pool.workers[0].given == 0:
                await asyncio.sleep(0)
            later = [asyncio.ensure_future(cycle.cpu_work(feed(n), _job(db, f"f{n}").result))
                     for n in (1, 2)]  # fmt: skip
            for _ in range(3):
                await asyncio.sleep(0)  # a body parsed here needs no turn of the loop
            done = [task.done() for task in later]
            release.touch()
            answers = await asyncio.gather(first, *later)
            return (
                done,
                [len(a.entries) for a in answers],
                pool.workers[0].given,
                pool.workers[0].answered,
            )
        finally:
            release.touch()
            cycle.close()
            store.close()

    done, entries, given, answered = asyncio.run(run())
    assert done == [True, True]  # parsed here, not queued behind the worker's start
    assert entries == [2, 2, 2]
    assert (given, answered) == (1, 1)  # the worker had only its first body


def test_an_error_inside_the_worker_reaches_the_caller_as_itself(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "bot.db"  # the read-only connection cannot open

    async def run() -> None:
        pool = CpuPool(1)
        try:
            await pool.run(_job(missing))
        finally:
            pool.close()

    with pytest.raises(Exception, match="unable to open database") as caught:
        asyncio.run(run())
    assert not isinstance(caught.value, WorkerGone)


def test_a_worker_that_died_is_reported_gone(tmp_path: Path) -> None:
    db = _database(tmp_path)

    async def run() -> str:
        worker = CpuWorker()
        try:
            await worker.run(_job(db))  # started and answering
            assert worker._proc is not None
            worker._proc.kill()
            worker._proc.wait()
            with pytest.raises(WorkerGone) as gone:
                await worker.run(_job(db, "f2"))
            return str(gone.value)
        finally:
            worker.close()

    assert "ended" in asyncio.run(run())


def test_the_worker_loop_loads_no_store_library_http_client_openssl_or_yaml(
    tmp_path: Path,
) -> None:
    db = _database(tmp_path)
    parse_and_extract(_job(db))  # here first: the data files' marshal copies are up to date
    frame = pickle.dumps(_job(db))
    script = (
        "import io, pickle, sys\n"
        "from bot.cpu_worker import HEAD, serve\n"
        f"frame = {frame!r}\n"
        "out = io.BytesIO()\n"
        "serve(io.BytesIO(len(frame).to_bytes(HEAD, 'little') + frame), out)\n"
        "ok, answer, cpu = pickle.loads(out.getvalue()[HEAD:])\n"
        "assert ok and len(answer.entries) == 2, answer\n"
        "heavy = ('sqlite_utils', 'aiohttp', 'asyncio', '_hashlib', 'ssl', 'feedparser', 'yaml')\n"
        "print(' '.join(sorted(m for m in heavy if m in sys.modules)) or 'none')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


def test_the_worker_loop_ends_when_its_input_closes() -> None:
    out = io.BytesIO()
    serve(io.BytesIO(b""), out)
    assert out.getvalue() == b""
    serve(io.BytesIO(b"\x01\x02"), out)  # a cut-off header: the parent went away
    assert out.getvalue() == b""
    serve(io.BytesIO(bytes(HEAD - 1)), out)  # one byte short of a whole header
    assert out.getvalue() == b""
