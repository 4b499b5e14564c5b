"""A parsing worker process's loop (started by ``bot.cpu_pool``).

It imports only what parsing and extraction need (no asyncio, no HTTP client, no
sqlite-utils), reads ``ParseJob``s (and ``ReadJob``s) from its stdin and writes each answer to its
stdout as a marked, length-prefixed pickle, in order, until its stdin closes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import time
from typing import IO, Any

HEAD = 8  # bytes of a frame's header: a job's length; an answer's MARK and length
MARK = b"PBw1"  # opens every answer: bytes without it are not the worker's frame
MAX_ANSWER = 1 << 32  # an answer's length fits in the header's other four bytes


def frame_stream() -> IO[bytes]:
    """The pipe to the parent (file descriptor 1) as a new descriptor only answers go
    to; descriptor 1 itself now points at stderr, so a stray print, from Python or
    from a C library writing to fd 1, cannot land inside a frame."""
    sys.stdout.flush()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return out


def main() -> None:
    """The worker process: its stdin and stdout are the pipes to the parent. Ctrl-C
    is the parent's to handle."""
    out = frame_stream()
    from bot import heap

    heap.map_large_blocks()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the parsing and extraction code (not its data) loads now: a cycle starts its
    # workers as it starts, so this overlaps the first downloads
    import bot.extract.reading
    import bot.sources.parse  # noqa: F401

    inp = sys.stdin.buffer
    try:
        serve(inp, out)
    except BrokenPipeError:  # the parent closed the pipe mid-answer: it is stopping
        os._exit(0)
    finish()


def finish() -> None:
    """End the worker once its input has closed: exit handlers run (the compiled
    patterns' file is saved by one), output is flushed, then ``os._exit``, without
    the interpreter's teardown of every loaded module and object. The parent waits for
    this exit at the end of its cycle (it reaps the worker, so the worker's CPU is
    counted): after 20 bumped feeds' bodies, the worker took 0.19 s (median of 5) from
    its input's close to its exit with the teardown, 0.03 s without (load average 6)."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(0)


def serve(inp: IO[bytes], out: IO[bytes]) -> None:
    """Answer every job on ``inp`` until it closes. The cue regexes compile as texts
    first need them (compiling them all up front cost 0.5 s of CPU and 4 MB for
    patterns most cycles never use)."""
    from bot.cpu import ReadJob, parse_and_extract, read_again

    while True:
        head = inp.read(HEAD)
        if len(head) < HEAD:
            return
        job = pickle.loads(inp.read(int.from_bytes(head, "little")))
        answer: tuple[bool, Any, float]
        try:
            output = read_again(job) if isinstance(job, ReadJob) else parse_and_extract(job)
            answer = (True, output, time.process_time())
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which reports it
            answer = (False, exc, time.process_time())
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            failure = RuntimeError(f"{type(exc).__name__}: {exc}")
            data = pickle.dumps((False, failure, time.process_time()))
        if len(data) >= MAX_ANSWER:
            failure = RuntimeError(f"an answer of {len(data)} bytes is too large to send")
            data = pickle.dumps((False, failure, time.process_time()))
        out.write(MARK + len(data).to_bytes(HEAD - len(MARK), "little") + data)
        out.flush()
