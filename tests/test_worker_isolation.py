"""A parsing worker kept apart from the polling process (``bot.cpu_pool``,
``bot.cpu_worker``): whatever writes to its output besides its loop, and any damaged
answer, fails its jobs over to the polling process (the cycle completes, nothing is
lost, one clear log line), and it never sees the bot's secrets. Real worker
processes and real pipes throughout; the damage comes from a ``sitecustomize``
module the worker's interpreter runs at start, as a site hook would."""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_config
from bot.cpu import ParseOutput
from bot.cpu_pool import CpuWorker, WorkerGone, cores, worker_environment
from bot.cpu_worker import HEAD, MARK
from bot.pipeline import poll_once, prepare
from bot.poll_summary import PollSummary
from store import Store
from tests import feedserver
from tests.feedserver import FeedServer
from tests.test_cpu_pool import _database, _job
from tests.test_pipeline_e2e import NOISE, PAUSE_A, item, rss, write_config

feed_server = feedserver.feed_server


def _marked(body: bytes) -> bytes:
    return MARK + len(body).to_bytes(HEAD - len(MARK), "little") + body


# Bytes a broken worker might put before its first answer, and what reading them raises.
DAMAGE = {
    "text": b"libfoo: warning, deprecated option\n",  # no frame at all
    "cut pickle": _marked(b"\x80\x05"),  # EOFError
    "missing attribute": _marked(b"cos\nno_such_name\n."),  # AttributeError
    "missing module": _marked(b"cno_such_module_here\nx\n."),  # ModuleNotFoundError
    "two fields": _marked(pickle.dumps((True, 1.0))),  # ValueError
    "no tuple": _marked(pickle.dumps(7)),  # TypeError
    "wrong types": _marked(pickle.dumps((True, "output", 0.1))),  # TypeError (ours)
}


def _site_hook(folder: Path, damage: bytes) -> str:
    """A folder whose ``sitecustomize`` writes ``damage`` to fd 1 as the worker starts."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(f"import os\nos.write(1, {damage!r})\n")
    return str(folder)


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_answer_fails_the_waiting_jobs_with_a_clear_error(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PYTHONPATH", _site_hook(tmp_path / "site", DAMAGE[kind]))
    db = _database(tmp_path)

    async def run() -> tuple[list[BaseException | object], int | None]:
        worker = CpuWorker()
        try:
            jobs = (worker.run(_job(db, f"f{n}")) for n in range(3))
            answers = await asyncio.wait_for(asyncio.gather(*jobs, return_exceptions=True), 60)
            proc = worker._proc
        finally:
            worker.close()
        assert proc is not None
        return answers, proc.returncode

    with caplog.at_level(logging.WARNING, logger="bot.cpu_pool"):
        answers, code = asyncio.run(run())
    assert code == -signal.SIGKILL  # stopped, not left waiting for more jobs
    assert all(isinstance(answer, WorkerGone) for answer in answers), answers
    assert "output was damaged" in str(answers[0])
    assert [r.getMessage() for r in caplog.records if "output was damaged" in r.getMessage()]


def _cycle(tmp_path: Path, server: FeedServer, workers: int) -> tuple[PollSummary, list[str]]:
    config = load_config(write_config(tmp_path, server), env={})
    store = Store.open(tmp_path / "bot.db")
    try:
        prepare(store, config)
        summary = asyncio.run(poll_once(store, config, include_all=True, workers=workers))
        rows = store.query("SELECT guid, title FROM entries ORDER BY guid")
        findings = store.query("SELECT COUNT(*) AS n FROM findings")[0]["n"]
        return summary, [f"{r['guid']} {r['title']}" for r in rows] + [f"findings {findings}"]
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["text", "cut pickle"])
def test_a_cycle_whose_worker_breaks_completes_in_this_process(
    kind: str,
    tmp_path: Path,
    feed_server: FeedServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    stories = [item(f"g{n}", f"Story {n}", "Nothing new.") for n in range(5)]
    feed_server.set("/a.xml", rss(PAUSE_A, *stories))
    feed_server.set("/b.xml", rss(NOISE))
    (tmp_path / "here").mkdir()
    expected = _cycle(tmp_path / "here", feed_server, workers=0)

    monkeypatch.setenv("PYTHONPATH", _site_hook(tmp_path / "site", DAMAGE[kind]))
    (tmp_path / "broken").mkdir()
    with caplog.at_level(logging.WARNING):
        got = _cycle(tmp_path / "broken", feed_server, workers=1)
    assert got == expected  # every entry and finding, none lost or doubled
    assert got[0].new_entries == 7 and got[1][-1] != "findings 0"
    lines = [r.getMessage() for r in caplog.records]
    assert any("parsing workers unavailable" in line and "damaged" in line for line in lines)


def test_what_a_c_library_writes_to_fd_1_stays_out_of_the_frames() -> None:
    script = (
        "import ctypes, os\n"
        "from bot.cpu_worker import frame_stream\n"
        "out = frame_stream()\n"
        "print('a stray print')\n"
        "os.write(1, b'raw fd 1\\n')\n"
        "libc = ctypes.CDLL(None)\n"
        "libc.write(1, b'libc write\\n', 11)\n"
        "out.write(b'the only frame')\n"
        "out.flush()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                          check=False, env=worker_environment(os.environ))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"the only frame"
    for noise in (b"a stray print", b"raw fd 1", b"libc write"):
        assert noise in done.stderr


SECRET = "xoxb-not-for-workers-1234"


def test_the_worker_environment_holds_no_secret_of_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SECRET)
    monkeypatch.setenv("POLICYBOT_DISCORD_TOKEN", SECRET)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    db = _database(tmp_path)

    async def run() -> bytes:
        worker = CpuWorker()
        try:
            await worker.run(_job(db))
            assert worker._proc is not None
            return Path(f"/proc/{worker._proc.pid}/environ").read_bytes()
        finally:
            worker.close()

    environ = dict(pair.split(b"=", 1) for pair in asyncio.run(run()).split(b"\0") if b"=" in pair)
    assert SECRET.encode() not in b"".join(environ.values())
    assert b"SLACK_BOT_TOKEN" not in environ and b"POLICYBOT_DISCORD_TOKEN" not in environ
    assert environ[b"PATH"] == os.environ["PATH"].encode() and environ[b"LC_ALL"] == b"C.UTF-8"
    kept = worker_environment({"PATH": "/bin", "AWS_SECRET_ACCESS_KEY": "k", "TMPDIR": "/t"})
    assert set(kept) == {"PATH", "TMPDIR", "PYTHONPATH"}


def test_a_worker_started_beside_another_bot_package_runs_this_ones_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The polling process run from a folder that holds some other ``bot`` package
    (a checkout of another version, a user's own project): its worker imports the
    parsing code the polling process itself runs, never the folder's (``-c`` would put
    the working folder first on the worker's path)."""
    other = tmp_path / "elsewhere"
    (other / "bot").mkdir(parents=True)
    (other / "bot" / "__init__.py").write_text("")
    (other / "bot" / "cpu_worker.py").write_text(
        "import sys\ndef main():\n    sys.stderr.write('the wrong bot package')\n    sys.exit(3)\n"
    )
    monkeypatch.chdir(other)
    db = _database(tmp_path)

    async def run() -> object:
        worker = CpuWorker()
        try:
            return await asyncio.wait_for(worker.run(_job(db)), 60)
        finally:
            worker.close()

    output = asyncio.run(run())
    assert isinstance(output, ParseOutput) and [e.key for e in output.entries]


def test_the_pool_counts_the_cores_it_may_use() -> None:
    assert cores() == len(os.sched_getaffinity(0))
