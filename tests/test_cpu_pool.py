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

from bot.config import load_config
from bot.cpu import ParseJob, ReadJob, ReadOutput, parse_and_extract, read_again
from bot.cpu_pool import CpuPool, CpuWorker, WorkerGone
from bot.cpu_worker import HEAD, serve
from bot.cycle import Cycle
from bot.models import FeedState, FetchResult
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


def _feed(n: int) -> FeedState:
    return FeedState(id=f"f{n}", name=f"Feed {n}", url="https://news.example/feed.xml",
                     config_url="https://news.example/feed.xml", kind="news",
                     interval=900, enabled=True, status="ok")  # fmt: skip


def _held_cycle(tmp_path: Path, db: Path, release: Path) -> tuple[Cycle, Store]:
    """A cycle whose one worker waits for ``release`` before it starts its loop."""
    held = ("import os, time, sys\nwhile not os.path.exists(sys.argv[1]): time.sleep(0.01)\n"
            "from bot.cpu_worker import main\nmain()")  # fmt: skip
    (tmp_path / "feeds.yaml").write_text(
        "feeds:\n  - name: Feed 0\n    url: https://news.example/feed.xml\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "feeds.yaml", env={})
    pool = CpuPool(1)
    pool.workers = [CpuWorker((sys.executable, "-c", held, str(release)))]
    store = Store.open(db)
    return Cycle(store, config, datetime.now(UTC), pool, pool_after=0), store


def test_once_workers_run_this_process_parses_no_body(tmp_path: Path) -> None:
    """With workers running, every body waits for them, also while a worker's
    interpreter starts (here: until the test lets it begin its loop): the polling
    process never loads the parsing and extraction code and data for them."""
    db = _database(tmp_path)
    release = tmp_path / "release"

    async def run() -> tuple[list[bool], list[int], int, int]:
        cycle, store = _held_cycle(tmp_path, db, release)
        assert cycle.pool is not None
        worker = cycle.pool.workers[0]
        try:
            tasks = [asyncio.ensure_future(cycle.cpu_work(_feed(n), _job(db, f"f{n}").result))
                     for n in range(3)]  # fmt: skip
            for _ in range(20):
                await asyncio.sleep(0.01)
            waiting = [not task.done() for task in tasks]
            release.touch()
            answers = await asyncio.gather(*tasks)
            return waiting, [len(a.entries) for a in answers], worker.given, worker.answered
        finally:
            release.touch()
            cycle.close()
            store.close()

    waiting, entries, given, answered = asyncio.run(run())
    assert waiting == [True, True, True]  # none was parsed here while the worker started
    assert entries == [2, 2, 2]
    assert (given, answered) == (3, 3)


def _read_job(db: Path) -> ReadJob:
    work = parse_and_extract(_job(db))
    return ReadJob(work.entries, work.findings, (False, True), (("Orrin Biometrics",), ()),
                   "Example")  # fmt: skip


def test_a_worker_reads_items_again_as_this_process_would(tmp_path: Path) -> None:
    db = _database(tmp_path)
    job = _read_job(db)

    async def in_worker() -> ReadOutput:
        pool = CpuPool(1)
        try:
            return await pool.read(job)
        finally:
            pool.close()

    answer = asyncio.run(in_worker())
    assert answer == read_again(job)
    assert len(answer.findings) == 2
    pause = answer.findings[0]
    assert pause is not None and pause.vendor == "Orrin Biometrics"


def test_the_writer_thread_has_items_read_again_by_a_running_worker(tmp_path: Path) -> None:
    """The writer asks the cycle's worker (the polling process loads no extraction for
    it) and waits; once the cycle closes it reads them itself, never waiting on a loop
    that waits for it."""
    db = _database(tmp_path)
    release = tmp_path / "release"
    release.touch()
    job = _read_job(db)

    async def run() -> tuple[ReadOutput, int, ReadOutput, int]:
        cycle, store = _held_cycle(tmp_path, db, release)
        cycle.loop = asyncio.get_running_loop()
        assert cycle.pool is not None
        worker = cycle.pool.workers[0]
        try:
            await cycle.cpu_work(_feed(0), _job(db).result)  # the worker runs now
            by_worker = await asyncio.to_thread(cycle.read_again, job)
            answered = worker.answered
            cycle.closing.set()
            here = await asyncio.to_thread(cycle.read_again, job)
            return by_worker, answered, here, worker.answered
        finally:
            cycle.close()
            store.close()

    by_worker, answered, here, answered_after = asyncio.run(run())
    assert answered == 2  # the body, then the items to read again
    assert by_worker == here == read_again(job)
    assert answered_after == 2  # read here once the cycle was closing


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


def test_a_worker_runs_its_exit_handlers_when_its_input_closes(tmp_path: Path) -> None:
    """The worker ends without the interpreter's teardown, but only after its exit
    handlers (the compiled patterns' file is saved by one) and with its output flushed."""
    mark = tmp_path / "saved"
    script = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(mark)!r}, 'w').write('saved'))\n"
        "from bot.cpu_worker import main\n"
        "print('said before the end', file=sys.stderr, end='')\n"
        "main()\n"
        "print('never reached', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=b"", capture_output=True,
                          check=False, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "saved"
    assert done.stderr.decode() == "said before the end"
    assert done.stdout == b""
