"""Ctrl-C and SIGTERM before policybot has started any work: exit at once, with one line.

While the command line loads and while ``policybot run`` reads feeds.yaml and opens
the database, nothing is in flight: the process ends at once (status 0). Ending it
from the handler itself, not by raising KeyboardInterrupt, means the signal cannot be
lost: Python ignores an exception raised in an import's clean-up callback, and a lost
Ctrl-C would leave the daemon running. A database write cut short is rolled back by
SQLite on the next open, as after a crash. Imports nothing heavy: it runs first.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

MESSAGE = b"policybot: stopped cleanly (before it started).\n"
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _exit_now(signum: int, frame: FrameType | None) -> None:
    os.write(2, MESSAGE)
    os._exit(0)


@contextmanager
def exit_at_once() -> Iterator[None]:
    """Inside the block SIGINT and SIGTERM end the process at once (unless an event
    loop takes them over); the previous handlers come back after it."""
    try:
        previous = {sig: signal.signal(sig, _exit_now) for sig in SIGNALS}
    except ValueError:  # not the main thread (an embedding caller): signals are not ours
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
