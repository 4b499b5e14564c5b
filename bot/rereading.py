"""The writer's reading of each new item with the FR vendors the store knows at its write.

A worker read each item with the FR vendors the store knew when it parsed the body
(``bot.cpu.parse_and_extract``); by the item's write, clustering may have made others
known (in a cold cycle, every vendor is new once). Where the difference cannot change
what the item's text names (``bot.cpu.reading_may_differ``), the worker's reading
stands; otherwise the item and every later item of its feed that may read differently
are read again with the vendors known now, in one request (``ask``: a worker process
in a cycle with workers, this process otherwise), and those readings stand for the
later items while what the store knows changes nothing they name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.cpu import KnownNames, ParseOutput, ReadJob, ReadOutput, reading_may_differ
from bot.models import Entry, Finding

Ask = Callable[[ReadJob], ReadOutput]


class Readings:
    """The readings of one feed's new ``entries`` (in write order) from ``work``."""

    def __init__(self, work: ParseOutput, entries: Sequence[Entry], source: str, ask: Ask) -> None:
        self.work, self.source, self.ask = work, source, ask
        self.order = list(entries)
        self.position = {entry.key: place for place, entry in enumerate(self.order)}
        keys = [entry.key for entry in work.entries]
        self.plain = dict(zip(keys, work.findings, strict=True))
        self.worker = dict(zip(keys, work.known_findings, strict=False))  # read with known_names
        self.asked: dict[str, tuple[KnownNames, Finding | None]] = {}  # read again, with what

    def finding(self, entry: Entry, names: KnownNames) -> Finding | None:
        """``entry``'s reading with ``names``, the FR vendors the store knows now."""
        kept = self._kept(entry, names)
        if kept is not None:
            return kept[0]
        later = self.order[self.position[entry.key] + 1 :]
        wanted = [entry, *(e for e in later if self._kept(e, names) is None)]
        answer = self.ask(
            ReadJob(
                tuple(wanted),
                tuple(self.plain.get(e.key) for e in wanted),
                tuple(e.key in self.work.unread for e in wanted),
                names,
                self.source,
            )
        )
        for asked, found in zip(wanted, answer.findings, strict=True):
            self.asked[asked.key] = (names, found)
        return answer.findings[0]

    def _kept(self, entry: Entry, names: KnownNames) -> tuple[Finding | None] | None:
        """A reading of ``entry`` that ``names`` cannot change (in a 1-tuple), or None."""
        key, text = entry.key, entry.text
        if key in self.worker and not reading_may_differ(text, self.work.known_names, names):
            return (self.worker[key],)
        if key in self.asked:
            read_with, found = self.asked[key]
            if not reading_may_differ(text, read_with, names):
                return (found,)
        return None
