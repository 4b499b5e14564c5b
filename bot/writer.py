"""The store's one writer: a thread that runs write jobs in as few transactions as it can.

Jobs come from the event loop (``await writer.write(job)``). The thread takes every
job waiting (up to ``batch``) and runs them in ONE transaction, so a cycle of many
feeds commits, and flushes its full-text index, a few times instead of once per
feed. With ``linger``, a batch that is not full waits up to that long for more jobs
(group commit: a writer that keeps up with its jobs would otherwise commit them one
at a time), until ``hurry()`` says no more are coming soon. Each job's own
``store.transaction()`` becomes a savepoint. If any job of a batch fails, the batch
is rolled back and its jobs run again one transaction each, so one feed's failure
never takes another feed's writes with it.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from store import Store

T = TypeVar("T")
_Job = tuple[Callable[[], Any], asyncio.Future[Any], asyncio.AbstractEventLoop]
_Done = tuple[asyncio.Future[Any], asyncio.AbstractEventLoop, Any, BaseException | None]
_Settled = tuple[asyncio.Future[Any], Any, BaseException | None]
_WAKE = "wake"  # queued by ``hurry``: a lingering batch stops waiting


class Writer:
    def __init__(self, store: Store, *, batch: int = 16, linger: float = 0.0) -> None:
        self.store, self.batch, self.linger = store, batch, linger
        self._jobs: queue.SimpleQueue[_Job | str | None] = queue.SimpleQueue()
        self._hurry = threading.Event()
        self._thread = threading.Thread(target=self._run, name="policybot-store", daemon=True)
        self._thread.start()

    async def write(self, job: Callable[[], T]) -> T:
        """Run ``job`` in the writer thread, inside a transaction; its result."""
        return await self.submit(job)

    def submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        """Queue ``job`` now (jobs run in the order they are queued); its future."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((job, future, loop))
        return future

    def backlog(self) -> int:
        """Jobs (and wake-ups) queued and not taken by the thread yet."""
        return self._jobs.qsize()

    def hurry(self) -> None:
        """No more jobs are coming soon: from now on a batch runs with the jobs waiting,
        without lingering for more."""
        self._hurry.set()
        self._jobs.put(_WAKE)

    def close(self) -> None:
        """Finish the jobs already given, then stop the thread."""
        self._hurry.set()
        self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        while True:
            first = self._jobs.get()
            if first is None:
                return
            if isinstance(first, str):
                continue
            jobs, stop = self._gather(first)
            self._batch(jobs)
            if stop:
                return

    def _gather(self, first: _Job) -> tuple[list[_Job], bool]:
        """``first`` and the jobs after it, up to ``batch``: those waiting, then those
        that come within ``linger`` (unless hurried); and whether to stop after them."""
        jobs = [first]
        deadline = time.monotonic() + self.linger
        while len(jobs) < self.batch:
            wait = deadline - time.monotonic()
            try:
                if wait <= 0 or self._hurry.is_set():
                    more = self._jobs.get_nowait()
                else:
                    more = self._jobs.get(timeout=wait)
            except queue.Empty:
                break
            if more is None:
                return jobs, True
            if not isinstance(more, str):
                jobs.append(more)
        return jobs, False

    def _batch(self, jobs: list[_Job]) -> None:
        if len(jobs) > 1:
            try:
                with self.store.transaction():
                    results = [job() for job, _, _ in jobs]
            except Exception:  # noqa: BLE001 - redone one by one below
                pass
            else:
                _hand_back([(future, loop, result, None)
                            for (_, future, loop), result in zip(jobs, results, strict=True)])  # fmt: skip
                return
        done: list[_Done] = []
        for job, future, loop in jobs:
            try:
                with self.store.transaction():
                    result = job()
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting task
                done.append((future, loop, None, exc))
            else:
                done.append((future, loop, result, None))
        _hand_back(done)


def _hand_back(done: list[_Done]) -> None:
    """Settle a batch's futures with one wake-up of each event loop, not one per job."""
    by_loop: dict[asyncio.AbstractEventLoop, list[_Settled]] = {}
    for future, loop, result, exc in done:
        by_loop.setdefault(loop, []).append((future, result, exc))
    for loop, settled in by_loop.items():
        loop.call_soon_threadsafe(_settle_all, settled)


def _settle_all(settled: list[_Settled]) -> None:
    for future, result, exc in settled:
        _settle(future, result, exc)


def _settle(future: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if future.cancelled():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)
