"""The CPU work of a polling cycle (parse, clean up, extract) and the processes it runs in.

``parse_and_extract`` turns one fetched body into the new entries and their
findings. It asks the store which identity keys it already holds first (one
query), so known items are never cleaned up nor extracted. ``CpuPool`` runs it
in worker processes, one per core, so the work uses every core instead of one
GIL; the store stays with the parent, which is its only writer.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from bot.models import Entry, FetchResult, Finding
from store.entries import KeyReader

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParseJob:
    result: FetchResult
    feed_id: str
    source: str  # the feed's name
    db_path: str | None = None  # where to look up known keys (None: look nothing up)


@dataclass(frozen=True)
class ParseOutput:
    entries: tuple[Entry, ...]  # the new ones
    findings: tuple[Finding | None, ...]  # one per entry
    error: str | None = None


_readers: dict[str, KeyReader] = {}  # one read-only connection per worker and database


def parse_and_extract(
    job: ParseJob, known: Callable[[Sequence[str]], set[str]] | None = None
) -> ParseOutput:
    """Parse ``job``'s body, keep the items whose keys are not stored, extract them.

    The parsing and extraction code is imported on the first body: a cycle where
    every feed answers 304 never loads it."""
    from bot.sources.parse import parse_feed

    if known is None and job.db_path is not None:
        reader = _readers.get(job.db_path) or _readers.setdefault(
            job.db_path, KeyReader(job.db_path)
        )
        known = partial(reader, job.feed_id)
    parsed = parse_feed(job.result, feed_id=job.feed_id, source=job.source, known=known)
    findings = tuple(_extract(entry, job.source) for entry in parsed.entries)
    return ParseOutput(parsed.entries, findings, parsed.error)


def _extract(entry: Entry, source: str) -> Finding | None:
    """Extraction of one item; a bug on one odd item is logged, not fatal to the feed."""
    from bot.extract import extract

    try:
        return extract(entry)
    except Exception:
        log.exception("extraction failed on %r from %r; the entry is kept without a finding",
                      entry.key, source)  # fmt: skip
        return None


def warm_up() -> None:
    """Load the extraction data before the workers fork, so they share its pages."""
    from bot.extract import extract
    from bot.extract import warm_up as compile_cues

    compile_cues()
    extract(Entry(feed_id="", key="", title="Warm-up", summary="Nothing happened."))


class CpuPool:
    """Worker processes for ``parse_and_extract``, started on the first job.

    They come from a fork server that has imported the parsing and extraction
    code and loaded its data once (a clean process: no threads, no sockets),
    so each worker starts at once and shares those pages."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or len(os.sched_getaffinity(0)) or 1
        self._executor: ProcessPoolExecutor | None = None

    def executor(self) -> Executor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["bot.cpu_preload"])
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._executor

    def close(self) -> None:
        """Stop the workers and the fork server: a daemon holds no worker memory
        between cycles, and every process of the cycle is reaped (its CPU time counted)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            server = getattr(multiprocessing.forkserver, "_forkserver", None)
            stop = getattr(server, "_stop", None)  # private, hence the guard
            if stop is not None:
                stop()
