"""Worker processes started before their cycle (``bot.cpu_pool.start_early``, which
``policybot poll`` calls when a pool is due): the pool's first worker takes the early
process instead of starting its own, and an early process no cycle used (every feed
answered 304) is ended and reaped with the pool, or by ``end_early``."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from bot import cpu_pool
from bot.cli.daemon import _workers_ahead
from bot.config import load_config
from bot.cpu import parse_and_extract
from bot.cpu_pool import POOL_MIN_FEEDS, CpuPool
from bot.pipeline import prepare
from store import Store
from tests.test_cpu_pool import _database, _job


class _Spawned:
    """The parsing workers started while it listens (the interpreter's audit events)."""

    listening = False
    count = 0

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if cls.listening and event == "subprocess.Popen" and "bot.cpu_worker" in str(args):
            cls.count += 1


sys.addaudithook(_Spawned.hook)


def _listen() -> None:
    _Spawned.count, _Spawned.listening = 0, True


def _run_in_pool(db: Path) -> object:
    """One job through a pool of one worker, closed afterwards."""

    async def run() -> object:
        pool = CpuPool(1)
        try:
            return await pool.run(_job(db))
        finally:
            pool.close()

    return asyncio.run(run())


def test_the_pool_takes_the_early_worker_instead_of_starting_one(tmp_path: Path) -> None:
    db = _database(tmp_path)
    _listen()
    try:
        assert cpu_pool.start_early(1) == 1
        early = list(cpu_pool._EARLY)
        assert len(early) == 1 and early[0].poll() is None

        answer = _run_in_pool(db)
    finally:
        _Spawned.listening = False
        cpu_pool.end_early()
    assert _Spawned.count == 1  # the early one, and no other
    assert answer == parse_and_extract(_job(db))
    assert early[0].returncode == 0  # reaped when the pool closed
    assert not cpu_pool._EARLY


def test_an_early_worker_no_cycle_used_ends_with_the_pool() -> None:
    """A cycle of 304s never starts its workers: closing its pool ends the early one."""
    cpu_pool.start_early(1)
    early = list(cpu_pool._EARLY)
    pool = CpuPool(1)
    assert not pool.started
    pool.close()
    assert not cpu_pool._EARLY
    assert early[0].returncode == 0


def test_early_workers_without_a_pool_end_with_end_early() -> None:
    """``poll`` ends those its cycle did not take (a cycle of fewer due feeds than a
    pool needs, once feeds.yaml was mirrored)."""
    cpu_pool.start_early(2)
    early = list(cpu_pool._EARLY)
    assert len(early) == 2
    cpu_pool.end_early()
    assert not cpu_pool._EARLY
    assert [proc.returncode for proc in early] == [0, 0]
    cpu_pool.end_early()  # nothing left: nothing to do


def test_an_early_worker_that_died_is_passed_over(tmp_path: Path) -> None:
    db = _database(tmp_path)
    cpu_pool.start_early(1)
    dead = cpu_pool._EARLY[0]
    dead.kill()
    dead.wait()

    try:
        assert _run_in_pool(db) == parse_and_extract(_job(db))  # a worker of its own
    finally:
        cpu_pool.end_early()
    assert not cpu_pool._EARLY


def _store_with(tmp_path: Path, feeds: int) -> Store:
    lines = "".join(f"  - name: Lighthouse {n}\n    url: https://lights.example/{n}.xml\n"
                    for n in range(feeds))  # fmt: skip
    tmp_path.mkdir()
    (tmp_path / "feeds.yaml").write_text("feeds:\n" + lines, encoding="utf-8")
    store = Store.open(tmp_path / "bot.db")
    prepare(store, load_config(tmp_path / "feeds.yaml", env={}))
    return store


def test_poll_starts_workers_early_only_when_a_pool_is_due(tmp_path: Path) -> None:
    few = _store_with(tmp_path / "few", POOL_MIN_FEEDS - 1)
    many = _store_with(tmp_path / "many", POOL_MIN_FEEDS)
    try:
        _workers_ahead(few, include_all=True)
        assert not cpu_pool._EARLY
        _workers_ahead(many, include_all=True)
        assert len(cpu_pool._EARLY) == max(1, cpu_pool.cores() - 1)
    finally:
        cpu_pool.end_early()
        few.close()
        many.close()
