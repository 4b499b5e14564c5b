"""The store's writer thread (bot/writer.py): group commit, order, and one feed's
failure kept apart from the others'."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.writer import Writer
from store import Store
from store import state as state_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "bot.db")


def _begins(store: Store) -> list[str]:
    """The transactions the store's connection begins from now on."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.startswith("BEGIN") else None
    )
    return seen


def _job(store: Store, n: int, *, fail: bool = False):  # noqa: ANN202 - a job for the writer
    def job() -> int:
        state_store.set_value(store, f"job{n}", str(n))
        if fail:
            raise ValueError(f"job {n} broke")
        return n

    return job


async def _run(writer: Writer, jobs: list, *, hurry: bool) -> list[object]:  # type: ignore[type-arg]
    futures = [writer.submit(jobs[0])]
    while writer.backlog():  # the thread has taken the first job: the others come later
        await asyncio.sleep(0.001)
    futures += [writer.submit(job) for job in jobs[1:]]
    if hurry:
        writer.hurry()
    done = await asyncio.wait_for(asyncio.gather(*futures, return_exceptions=True), timeout=60)
    writer.close()
    return list(done)


def test_jobs_that_come_while_a_batch_lingers_commit_together(store: Store) -> None:
    begins = _begins(store)
    writer = Writer(store, batch=16, linger=3600)  # only hurry() ends this batch's wait
    results = asyncio.run(_run(writer, [_job(store, n) for n in range(5)], hurry=True))
    assert results == [0, 1, 2, 3, 4]
    assert len(begins) == 1  # one transaction for the five jobs
    assert [state_store.get_value(store, f"job{n}") for n in range(5)] == list("01234")


def test_a_batch_never_holds_more_than_its_size(store: Store) -> None:
    begins = _begins(store)
    writer = Writer(store, batch=4, linger=3600)
    results = asyncio.run(_run(writer, [_job(store, n) for n in range(10)], hurry=True))
    assert results == list(range(10))
    assert len(begins) == 3  # 4 + 4 + 2


def test_a_failing_job_leaves_the_others_of_its_batch_written(store: Store) -> None:
    writer = Writer(store, batch=16, linger=3600)
    jobs = [_job(store, n, fail=n == 2) for n in range(5)]
    results = asyncio.run(_run(writer, jobs, hurry=True))
    assert results[:2] == [0, 1] and results[3:] == [3, 4]
    assert isinstance(results[2], ValueError)
    assert state_store.get_value(store, "job2") is None  # its own writes rolled back
    assert [state_store.get_value(store, f"job{n}") for n in (0, 1, 3, 4)] == list("0134")


def test_without_linger_each_job_runs_as_it_comes(store: Store) -> None:
    begins = _begins(store)
    writer = Writer(store)  # no linger: a lone job is not kept waiting for company

    async def one_at_a_time() -> list[int]:
        out = [await writer.write(_job(store, n)) for n in range(3)]
        writer.close()
        return out

    assert asyncio.run(asyncio.wait_for(one_at_a_time(), timeout=60)) == [0, 1, 2]
    assert len(begins) == 3
