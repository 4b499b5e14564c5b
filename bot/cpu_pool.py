"""Parsing worker processes, seen from the parent (the child's loop: ``bot.cpu_worker``).

A worker is a fresh interpreter started with ``subprocess`` (no fork of the
parent's threads, sockets or store) that imports only the parsing and extraction
code and its data, then reads ``ParseJob``s from its stdin and writes
``ParseOutput``s to its stdout, one length-prefixed pickle each, in order (and
``ReadJob``s, the writer's items to read again, answered by ``ReadOutput``s). No
``multiprocessing`` machinery: its resource-tracker process alone held some 13 MB
for the whole cycle, and its queues a thread in each process.

The parent talks to a worker from the event loop (``CpuWorker.run``), so a body
waits in the pipe, not in a thread. Closing the pipe ends the worker; the parent
then reaps it, so its CPU time is counted with the parent's.

A worker parses untrusted feed bodies, so it gets only the environment a Python
process needs (no chat tokens, no other secrets), and an answer that is not a whole,
well-formed frame (a stray write to its output, a damaged pickle) ends the worker:
every job waiting on it fails with ``WorkerGone`` and the caller parses them itself.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import subprocess
import sys
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.cpu import ParseJob, ParseOutput, ReadJob, ReadOutput
from bot.cpu_worker import HEAD as _HEAD
from bot.cpu_worker import MARK as _MARK

log = logging.getLogger(__name__)

# -P: not the working folder first on the worker's path (``-c`` puts it there), so a
# ``bot`` package in the folder the bot runs from is never the worker's code
START = (sys.executable, "-P", "-c", "from bot.cpu_worker import main; main()")
_ROOT = str(Path(__file__).resolve().parent.parent)  # where the bot package lives
# what a Python process needs from the environment (locale: LANG, LANGUAGE, LC_*)
_KEPT = ("PATH", "PYTHONPATH", "PYTHONHASHSEED", "PYTHONUTF8", "PYTHONIOENCODING",
         "LANG", "LANGUAGE", "TMPDIR", "TEMP", "TMP", "HOME", "SYSTEMROOT")  # fmt: skip


def worker_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The worker's environment: the variables a Python process needs from
    ``environ``, none of the bot's own (tokens, webhooks) or anything else; the bot
    package's folder first on ``PYTHONPATH``."""
    env = {k: v for k, v in environ.items() if k.upper() in _KEPT or k.startswith("LC_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
    return env


def cores() -> int:
    """The cores this process may run on (all the machine's where the system cannot
    say: ``os.sched_getaffinity`` is Linux's)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0)) or 1
    count = getattr(os, "process_cpu_count", os.cpu_count)  # Python 3.13+
    return int(count() or 1)


POOL_MIN_FEEDS = 8  # a cycle of fewer due feeds parses in its own process (``bot.pipeline``)
PIPE_BYTES = 1 << 20  # what each pipe to and from a worker may hold


def widen(fd: int, size: int = PIPE_BYTES) -> int:
    """Let the pipe that ``fd`` is an end of hold ``size`` bytes, where the system allows
    it (Linux's ``F_SETPIPE_SZ``; its default is 64 KiB). A worker's answer about a
    feed of 50 items is some 85 KB: in a 64 KiB pipe the worker waited, mid-write, for
    the event loop to read it (3 % of its time in a cold cycle), with the next body
    already waiting. The bytes in a pipe are the kernel's, not counted in either
    process's memory. Returns the pipe's size (0: unknown, nothing changed)."""
    try:
        import fcntl

        setting = getattr(fcntl, "F_SETPIPE_SZ", None)
        if setting is None:
            return 0
        return int(fcntl.fcntl(fd, setting, size))
    except (ImportError, OSError):  # no fcntl; over /proc/sys/fs/pipe-max-size; not a pipe
        return 0


class WorkerGone(RuntimeError):
    """The worker process ended or could not be started."""


def spawn(command: Sequence[str] = START) -> subprocess.Popen[bytes]:
    """A worker process running ``command``, its stdin and stdout pipes to this one
    (``OSError`` if it cannot start)."""
    return subprocess.Popen(
        list(command),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=worker_environment(os.environ),
        close_fds=True,
    )  # fmt: skip


# Worker processes started before their cycle (``start_early``), taken by the next
# workers of a pool to start, in order.
_EARLY: deque[subprocess.Popen[bytes]] = deque()


def start_early(count: int | None = None) -> int:
    """Start ``count`` worker processes now (default: one per core but one), before the
    cycle that may use them has loaded its own code, so their interpreters and imports
    run on another core meanwhile: the next ``CpuWorker``s to start take them instead of
    starting their own. A cycle that never starts its workers (every feed answered 304)
    ends them with its pool (``CpuPool.close``), else ``end_early`` does. Returns how
    many were started (0 where none could start: the cycle's own start then says why)."""
    wanted = (count if count is not None else max(1, cores() - 1)) - len(_EARLY)
    started = 0
    for _ in range(wanted):
        try:
            _EARLY.append(spawn())
        except OSError:
            break
        started += 1
    return started


def _take_early() -> subprocess.Popen[bytes] | None:
    """An early worker process still running, or None."""
    while _EARLY:
        proc = _EARLY.popleft()
        if proc.poll() is None:
            return proc
        _end(proc)
    return None


def end_early() -> None:
    """End the early worker processes no pool took (and reap them)."""
    while _EARLY:
        _end(_EARLY.popleft())


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Close ``proc``'s pipes and reap it: a worker reads the end of its input and exits."""
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class CpuWorker:
    """One worker process, started on the first job; jobs are answered in order.
    ``command``: the worker's command line (the real worker unless a test says)."""

    def __init__(self, command: Sequence[str] = START) -> None:
        self._command = list(command)
        self._proc: subprocess.Popen[bytes] | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._read_pipe: asyncio.ReadTransport | None = None
        self._reader_task: asyncio.Task[None] | None = None
        # each job's future and the type of answer it expects, in the order given
        self._pending: deque[tuple[asyncio.Future[Any], type]] = deque()
        self._gone: str | None = None
        self._starting: asyncio.Task[None] | None = None
        self.cpu = 0.0  # CPU seconds the worker had used by its last answer
        self.given = 0  # jobs handed to ``run`` (those waiting for the start included)
        self.answered = 0  # answers read

    @property
    def in_flight(self) -> int:
        """Jobs given and not answered yet (also those waiting for the process to start)."""
        return self.given - self.answered

    @property
    def started(self) -> bool:
        """Its process was started (by ``start`` or its first job)."""
        return self._starting is not None

    def start(self) -> None:
        """Start the process now, before its first job (on the running loop)."""
        if self._starting is None:
            self._starting = asyncio.get_running_loop().create_task(self._start())

    async def run(self, job: ParseJob) -> ParseOutput:
        output: ParseOutput = await self._submit(job, ParseOutput)
        return output

    async def read(self, job: ReadJob) -> ReadOutput:
        output: ReadOutput = await self._submit(job, ReadOutput)
        return output

    async def _submit(self, job: ParseJob | ReadJob, answer: type) -> Any:
        self.given += 1
        self.start()  # the first job starts it; the others wait for that
        assert self._starting is not None
        await asyncio.shield(self._starting)
        if self._gone is not None or self._writer is None:
            raise WorkerGone(self._gone or "the parsing worker is not running")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        data = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
        self._pending.append((future, answer))  # no await between these two: answers stay in order
        # No drain: the caller's window bounds what waits in the pipe, and waiting for
        # the worker to read the jobs queued after this one would hold its answer.
        self._writer.write(len(data).to_bytes(_HEAD, "little"))
        self._writer.write(data)
        del data  # the pipe's buffer holds the bytes now: one copy beside the body
        return await future

    async def _start(self) -> None:
        try:
            proc = (_take_early() if self._command == list(START) else None) or spawn(self._command)
        except OSError as exc:
            self._gone = f"the parsing worker could not start ({exc})"
            raise WorkerGone(self._gone) from exc
        self._proc = proc
        assert proc.stdin is not None and proc.stdout is not None
        for pipe in (proc.stdin, proc.stdout):
            widen(pipe.fileno())
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        self._read_pipe, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), proc.stdout
        )
        transport, protocol = await loop.connect_write_pipe(
            lambda: asyncio.StreamReaderProtocol(asyncio.StreamReader()), proc.stdin
        )
        self._writer = asyncio.StreamWriter(transport, protocol, None, loop)
        self._reader_task = loop.create_task(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                head = await reader.readexactly(_HEAD)
                if not head.startswith(_MARK):
                    raise ValueError(f"{head!r} where an answer's header belongs")
                size = int.from_bytes(head[len(_MARK) :], "little")
                value, self.cpu = _answer(pickle.loads(await reader.readexactly(size)))
                if not self._pending:
                    raise ValueError("an answer to no job")
                future, expected = self._pending.popleft()
                self.answered += 1
                if not isinstance(value, (expected, BaseException)):
                    raise TypeError(
                        f"a {type(value).__name__} answering a job for a {expected.__name__}"
                    )
                if future.done():
                    continue
                if isinstance(value, BaseException):
                    future.set_exception(value)
                else:
                    future.set_result(value)
        except (asyncio.IncompleteReadError, OSError) as exc:
            code = self._proc.poll() if self._proc is not None else None
            self._fail(f"the parsing worker ended (exit code {code}; {type(exc).__name__})")
        except Exception as exc:  # noqa: BLE001 - any damaged frame: unpickling runs arbitrary code paths
            self._damaged(exc)

    def _damaged(self, exc: Exception) -> None:
        """The worker's output is no frame stream any more: stop it, fail its jobs."""
        why = (
            f"the parsing worker's output was damaged ({type(exc).__name__}: {exc}); "
            "something other than the worker's loop wrote to its stdout, or it broke"
        )
        log.warning("%s; its %d waiting job(s) fail over to the caller", why, len(self._pending))
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self._fail(why)

    def _fail(self, why: str) -> None:
        self._gone = self._gone or why
        while self._pending:
            future, _ = self._pending.popleft()
            if not future.done():
                future.set_exception(WorkerGone(self._gone))

    def close(self) -> None:
        """End the worker and reap it. Its pipes close now, not on the event loop's next
        turn (this waits for the worker without giving the loop one): it reads the end
        of its input and exits."""
        if self._writer is not None and not self._writer.transport.is_closing():
            self._writer.transport.abort()
        if self._reader_task is not None:
            self._reader_task.cancel()
        if self._read_pipe is not None:
            self._read_pipe.close()
        if self._proc is not None:
            _end(self._proc)
        self._fail("the parsing worker was closed")
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
        self._proc, self._writer, self._reader_task, self._read_pipe = None, None, None, None


def _answer(frame: Any) -> tuple[ParseOutput | ReadOutput | BaseException, float]:
    """A worker's answer, checked for shape: (True, output, cpu) or (False, error, cpu)."""
    ok, value, cpu = frame
    expected = (ParseOutput, ReadOutput) if ok is True else BaseException
    if type(ok) is not bool or not isinstance(value, expected) or not isinstance(cpu, float):
        raise TypeError(f"an answer of types ({type(ok).__name__}, {type(value).__name__}, "
                        f"{type(cpu).__name__})")  # fmt: skip
    return value, cpu


class CpuPool:
    """``workers`` worker processes, each started on its first job (default: one per
    core but one; the parent's own thread takes a share of the bodies too)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = [CpuWorker() for _ in range(workers or max(1, cores() - 1))]

    @property
    def in_flight(self) -> int:
        """Jobs waiting in the least busy worker."""
        return min(worker.in_flight for worker in self.workers)

    @property
    def started(self) -> bool:
        """A worker has been started (by ``start`` or its first job)."""
        return any(worker.started for worker in self.workers)

    def start(self) -> None:
        """Start every worker now, before its first job (on the running loop)."""
        for worker in self.workers:
            worker.start()

    async def run(self, job: ParseJob) -> ParseOutput:
        """``job`` done by the least busy worker (``WorkerGone`` if it ended)."""
        return await self._least_busy().run(job)

    async def read(self, job: ReadJob) -> ReadOutput:
        """``job`` (items to read again) done by the least busy worker."""
        return await self._least_busy().read(job)

    def _least_busy(self) -> CpuWorker:
        return min(self.workers, key=lambda worker: worker.in_flight)

    def close(self) -> None:
        """Stop the workers (and any early one none took, ``start_early``): a daemon
        holds no worker memory between cycles, and every process of the cycle is reaped
        (its CPU time counted)."""
        for worker in self.workers:
            worker.close()
        end_early()
