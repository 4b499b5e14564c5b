"""The C heap (glibc's malloc) of a polling process: large blocks mapped on their own,
one heap for all its threads, and freed memory handed back to the system.

A cycle allocates response bodies, pickled jobs and parsed texts of 64 KB and more
by the thousand. glibc serves such blocks from its heap once its adaptive threshold
has risen (it rises whenever a mapped block is freed), where they leave holes the
process keeps resident. A fixed threshold maps each one apart and unmaps it when
freed (measured: 5 MB less at the peak of a cold cycle over a thousand feeds).

glibc also gives each thread that allocates a heap ("arena") of its own, up to eight
per core: the polling process's writer thread and the resolver's threads each kept
their own, with their own free holes, beside the event loop's. They share one now
(measured: some 0.7 MB less at a cold cycle's peak; the threads take turns under the
GIL, so they rarely wait for the heap's lock). Elsewhere than glibc these calls do
nothing.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache
from typing import Any

_M_MMAP_THRESHOLD = -3  # mallopt's parameter numbers (malloc.h)
_M_ARENA_MAX = -8
MAP_APART = 64 * 1024  # blocks from this size up are mapped on their own


def map_large_blocks() -> None:
    """Serve blocks of ``MAP_APART`` bytes and more from their own mappings."""
    mallopt = _libc_function("mallopt")
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, MAP_APART)


def one_heap() -> None:
    """Let every thread created from now on allocate from the heap the process started
    with, instead of a heap per thread (a thread's heap is made at its first allocation)."""
    mallopt = _libc_function("mallopt")
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)


def give_back() -> None:
    """Hand the heap's free pages back to the system (``malloc_trim``), so a daemon's
    resident size between cycles is what it holds, not what a cycle used."""
    trim = _libc_function("malloc_trim")
    if trim is not None:
        trim(0)


@cache
def _libc_function(name: str) -> Callable[..., Any] | None:
    """A glibc function from the symbols already loaded (None elsewhere). Not
    ``ctypes.util.find_library``: it runs ``ldconfig -p`` in a child process, a fork
    of this whole process, counted in its peak memory."""
    try:
        function: Callable[..., Any] = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    return function
