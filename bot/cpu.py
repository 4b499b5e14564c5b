"""The CPU work of a polling cycle (parse, clean up, extract) and the processes it runs in.

``parse_and_extract`` turns one fetched body into the new entries and their
findings. It asks the store which identity keys it already holds first (one
query), so known items are never cleaned up nor extracted. ``bot.cpu_worker``
runs it in worker processes beside the parent, so the work uses every core
instead of one GIL; the store stays with the parent, which is its only writer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from bot.models import Entry, FetchResult, Finding
from store.reader import KeyReader, fr_vendor_names_in

if TYPE_CHECKING:
    from bot.extract import KnownVendors

log = logging.getLogger(__name__)

# The FR vendors the store knows: with a policy change of their own, and the others.
KnownNames = tuple[tuple[str, ...], tuple[str, ...]]


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
    # The FR vendors the store knew when the entries were read (None: not looked up),
    # and each entry's finding read again with them (``read_again``). The writer
    # uses these when the store still knows exactly those vendors, else reads again.
    known_names: KnownNames | None = None
    known_findings: tuple[Finding | None, ...] = ()
    # keys of entries whose plain finding was not read (None in ``findings``): their
    # reading with the known vendors stands; a writer that knows other vendors reads it
    unread: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReadJob:
    """Items to read again with the FR vendors the store knows now (``names``): the
    writer's, when a worker read them with other vendors (``read_again``)."""

    entries: tuple[Entry, ...]
    plain: tuple[Finding | None, ...]  # each entry's reading without known vendors
    unread: tuple[bool, ...]  # True: that plain reading was skipped (read it if needed)
    names: KnownNames
    source: str  # the feed's name


@dataclass(frozen=True)
class ReadOutput:
    findings: tuple[Finding | None, ...]  # one per entry of the job


_readers: dict[str, KeyReader] = {}  # one read-only connection per worker and database


def parse_and_extract(
    job: ParseJob,
    known: Callable[[Sequence[str]], set[str]] | None = None,
    vendors: Callable[[], tuple[Sequence[str], Sequence[str]]] | None = None,
) -> ParseOutput:
    """Parse ``job``'s body, keep the items whose keys are not stored, extract them,
    and read them again with the FR vendors the store knows (``vendors()``; the
    worker's read-only connection when ``job.db_path`` is given).

    The parsing and extraction code is imported on the first body: a cycle where
    every feed answers 304 never loads it."""
    from bot.sources.parse import parse_feed

    if known is None and job.db_path is not None:
        reader = _readers.get(job.db_path) or _readers.setdefault(
            job.db_path, KeyReader(job.db_path)
        )
        known = partial(reader, job.feed_id)
        vendors = partial(fr_vendor_names_in, reader.connection())
    parsed = parse_feed(job.result, feed_id=job.feed_id, source=job.source, known=known)
    entries = parsed.entries
    if vendors is None or not entries:
        findings = tuple(_extract(entry, job.source) for entry in entries)
        return ParseOutput(entries, findings, parsed.error)
    changed, acted = vendors()
    names = (tuple(changed), tuple(acted))
    matcher = known_matcher(names)
    plain: list[Finding | None] = []
    again: list[Finding | None] = []
    unread: set[str] = set()
    for entry in entries:
        with_known = _with_known(entry, matcher)
        if with_known is not None:  # what the writer uses: the plain reading is not needed
            plain.append(None)
            unread.add(entry.key)
            again.append(with_known)
        else:
            plain.append(_extract(entry, job.source))
            again.append(plain[-1])
    return ParseOutput(entries, tuple(plain), parsed.error, names, tuple(again),
                       frozenset(unread))  # fmt: skip


def _extract(entry: Entry, source: str) -> Finding | None:
    """Extraction of one item; a bug on one odd item is logged, not fatal to the feed."""
    from bot.extract import extract

    try:
        return extract(entry)
    except Exception:
        log.exception("extraction failed on %r from %r; the entry is kept without a finding",
                      entry.key, source)  # fmt: skip
        return None


def known_matcher(names: KnownNames) -> KnownVendors | None:
    """The matcher for the FR vendors of ``store.event_reads.fr_vendor_names``: those
    with a policy change (short forms too), and the others (full names only)."""
    from bot.extract import known_vendors

    changed, acted = names
    return known_vendors(changed, exact=acted)


def _with_known(entry: Entry, known: KnownVendors | None) -> Finding | None:
    """The finding read with ``known`` when the item names one of them, else None."""
    from bot.extract import extract

    if known is None or not known.find(entry.text):
        return None
    try:
        return extract(entry, known)
    except Exception:
        log.exception("extraction with known vendors failed on %r", entry.key)
        return None


def read_again(job: ReadJob) -> ReadOutput:
    """Each of ``job``'s entries read with ``job.names``: the reading with them where
    the item names one, else its plain reading (extracted now if it was skipped). A
    known vendor makes an item FR news without a face word ("Orrin's halt, explained")
    and gives the vendor's full name ("Orrin" → "Orrin Biometrics")."""
    matcher = known_matcher(job.names)
    findings = []
    for entry, plain, unread in zip(job.entries, job.plain, job.unread, strict=True):
        with_known = _with_known(entry, matcher)
        if with_known is None and unread:
            with_known = _extract(entry, job.source)
        findings.append(with_known if with_known is not None else plain)
    return ReadOutput(tuple(findings))


def reading_may_differ(text: str, read_with: KnownNames | None, now: KnownNames) -> bool:
    """Whether ``text`` read with the FR vendors ``now`` may differ from its reading
    with ``read_with`` (None: it was not read with any). Cheap, and no extraction code:
    the known-vendor matcher (``bot.extract.known``) finds each name, and the first
    word of a longer name, by what the names sharing its first word say; so only a
    first word whose names differ between the two sets, standing in the text, can
    change what it finds, and with it the reading. A word is looked for up to its
    first quote or space (extraction reads typographic quotes and no-break spaces as
    plain ones); a text without any of them reads the same."""
    if read_with is None:
        return True
    if read_with == now:
        return False
    return any(not stem or stem in text for stem in _differing_stems(read_with, now))


_STEM_END = re.compile(r"['\"\s]")


@lru_cache(maxsize=64)
def _differing_stems(a: KnownNames, b: KnownNames) -> tuple[str, ...]:
    """The first words whose names differ between ``a`` and ``b``, cut at a quote."""
    groups_a, groups_b = _by_first_word(a), _by_first_word(b)
    words = {w for w in groups_a.keys() | groups_b.keys() if groups_a.get(w) != groups_b.get(w)}
    return tuple(sorted(_STEM_END.split(word, maxsplit=1)[0] for word in words))


def _by_first_word(names: KnownNames) -> dict[str, tuple[frozenset[str], ...]]:
    """Each first word: the names with a policy change and the others it begins."""
    groups: dict[str, tuple[set[str], set[str]]] = {}
    for part, group in zip((0, 1), names, strict=True):
        for name in group:
            groups.setdefault(name.partition(" ")[0], (set(), set()))[part].add(name)
    return {
        word: (frozenset(changed), frozenset(others)) for word, (changed, others) in groups.items()
    }
