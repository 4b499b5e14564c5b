"""Word gates: the same answers as a regex that only matches where a word starts, for a
fraction of the cost.

A pattern that opens by refusing a word character before it ("(?<![\\w])(?:face
data|biometric\\w*|…)", or "\\b" before alternatives that all start with a word
character) can only match where a run of word characters starts, and
only where that run begins with one of the literal starts of its alternatives
("face", "biometric"); an alternative may also need some literal further on (the
"faces" of "by their faces"). Python's regex engine has no fast scan for a pattern
that opens with a lookbehind: ``search`` tries the whole pattern at every position
of the text. ``WordGate`` reads the literal starts, and what each needs further on,
from the pattern once; for a text it looks each word up (a dictionary hit for a word
seen before) and runs the pattern (``match`` at a position) only where a word that
can start a match stands, so ``search`` and ``finditer`` return exactly what the
pattern's own would.

A pattern the gate cannot read (no such lookbehind, an alternative with no literal
start, ASCII or locale flags) is simply searched as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any

from bot.extract import compiled
from bot.extract.literals import Needed, Needs, branch_needs, may_hold
from bot.extract.word_starts import literal_starts

_WORD_RUN = compiled.compile(r"\w+")
# ASCII characters that are not word characters, as spaces: on an ASCII text,
# ``text.encode().translate(_ASCII_GAPS).decode().split()`` is exactly its runs of word
# characters.
# (a bytes table: translating the ASCII bytes is some three times faster than a str table)
_ASCII_GAPS = bytes(c if re.match(r"\w", chr(c)) else 32 for c in range(256))
_CACHE_LIMIT = 200_000  # words remembered per gate

# A word's verdict: False (starts no match), True (may start one), or the literals
# the text must hold one of for it to start one.
Verdict = bool | tuple[str, ...]


def words(text: str) -> list[str]:
    """The runs of word characters of ``text``, in order (the last two texts' are kept:
    several gates read the same texts in turn, an item's text and its lower-cased copy)."""
    last = _read(text)
    if last[1] is None:
        last[1] = _split(text)
    return last[1]


def distinct_words(text: str) -> frozenset[str]:
    """The distinct runs of word characters of ``text`` (kept with ``words``)."""
    last = _read(text)
    if last[2] is None:
        last[2] = frozenset(last[1] if last[1] is not None else _split(text))
    return last[2]


def _read(text: str) -> list[Any]:
    """[text, its words or None, their set or None] for ``text``, the last two texts'
    kept. An ASCII text that is the last one lower-cased (an item's text, then its
    lower-cased copy) takes the last one's distinct words lower-cased: the same runs,
    fewer steps."""
    global _kept
    kept = _kept  # one tuple: threads that share it see a text with its own words
    last = kept[0]
    if last[0] == text:  # (an item's text is built anew each time it is asked for)
        return last
    other = kept[1]
    if other[0] == text:
        _kept = (other, last)
        return other
    prior, seen = last[0], last[2]
    if (
        seen is not None
        and len(prior) == len(text)
        and text.isascii()
        and prior.isascii()
        and prior.lower() == text
    ):
        new = [text, None, frozenset(map(str.lower, seen))]
    else:
        new = [text, None, None]
    _kept = (new, last)
    return new


def _split(text: str) -> list[str]:
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_GAPS).decode("ascii").split()
    return _WORD_RUN.findall(text)


_kept: tuple[list[Any], list[Any]] = ([None, [], None], [None, [], None])


class WordGate:
    """``pattern`` with its word gate (see the module docstring)."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        opening: int = 0,
        keep: bool = True,
        *,
        readable: re.Pattern[str] | None = None,
        others: re.Pattern[str] | None = None,
    ) -> None:
        """``opening``: words of a text met for the first time that ``search`` tries
        one by one before it reads the text's positions (for a pattern that usually
        matches near the start when it matches at all: an FR item names FR early).
        ``keep``: the reading of the pattern is kept per machine (compiled.py); False
        for a pattern made from changing data (the store's vendor names).
        ``readable`` and ``others``: ``pattern`` is an alternation some of whose
        alternatives have no literal start ("(?:[a-z-]+ ){1,2}watchdogs?"):
        ``readable`` is the same pattern with only the alternatives that have one
        (its literal starts are read), ``others`` the same pattern with only the rest;
        every start of a match of ``others`` is tried too (see ``split_gate``)."""
        self.pattern = pattern
        self.others = others
        self.opening = 0 if others is not None else opening
        read = pattern if readable is None else readable
        starts = (
            compiled.CACHE.derived(
                "word-starts-2",
                str(read.pattern),
                read.flags,
                lambda: literal_starts(read),
            )
            if keep
            else literal_starts(read)
        )
        self._cased: dict[str, Needs] = {}  # literal start → what it needs further on
        self._anycase: re.Pattern[str] | None = None  # starts matched in any case
        self.gated = starts is not None
        if starts is not None:
            anycase = []
            for (text, anycase_start), needs in starts.items():
                if anycase_start:
                    anycase.append(re.escape(text))
                else:
                    self._cased[text] = needs
            if anycase:
                self._anycase = compiled.compile(f"(?i:{'|'.join(sorted(anycase))})")
        self._longest = max(map(len, self._cased), default=0)
        # the literals a match of ``others`` needs (per alternative), and the last text
        # asked about with its answer: a text that holds none is not searched with it
        self._others_needs: Needed = (
            compiled.CACHE.derived(
                "branch-needs-1", str(others.pattern), others.flags, lambda: branch_needs(others)
            )
            if others is not None
            else ()
        )
        self._others_last: tuple[str | None, bool] = (None, True)
        self._cache: dict[str, Verdict] = {}  # word → its verdict, when not False
        self._never: set[str] = set()  # words that start no match
        # the last text whose positions were worked out, and those positions (one
        # tuple: threads that share the gate see a text with its own positions)
        self._last: tuple[str | None, list[int]] = (None, [])

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)`` (a text met for the first time is tried
        at its ``opening`` words first, see ``__init__``)."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self.gated:
            return self.pattern.search(text, pos, end)
        match = self.pattern.match
        if self.opening and text is not self._last[0]:
            found, pos = self._opening(text, pos, end)
            if found is not None or pos >= end:
                return found
        for start in self._starts(text, pos, end):
            if start >= end:
                break
            found = match(text, start, end)
            if found is not None:
                return found
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self.gated:
            return self.pattern.finditer(text, pos, end)
        out: list[re.Match[str]] = []
        match, first = self.pattern.match, pos
        for start in self._starts(text, pos, end):
            if start >= end:
                break
            if start < pos:
                continue
            found = match(text, start, end)
            if found is not None:
                if found.end() == start:  # an empty match: leave finditer's rules to it
                    return self.pattern.finditer(text, first, end)
                out.append(found)
                pos = found.end()
        return iter(out)

    def _opening(self, text: str, pos: int, end: int) -> tuple[re.Match[str] | None, int]:
        """The first match starting at one of the first ``opening`` words from ``pos``,
        and where the words not tried start (``end`` when all were tried)."""
        match = self.pattern.match
        tried = 0
        for run in _WORD_RUN.finditer(text, pos, end):
            start = run.start()
            if tried == self.opening:
                return None, start
            tried += 1
            if start > 0 and _is_word(text[start - 1]):
                continue  # ``pos`` inside a word: no word starts here
            word = text[start : _run_end(text, run.end())]
            if self._starts_match(word, text):
                found = match(text, start, end)
                if found is not None:
                    return found, start
        return None, end

    def _starts_match(self, word: str, text: str) -> bool:
        """``word`` may start a match in ``text`` (its verdict, and the literals it needs)."""
        verdict = self._cache.get(word)
        if verdict is None:
            if word in self._never:
                return False
            verdict = self._verdict(word)
            if verdict is False:
                if len(self._never) < _CACHE_LIMIT:
                    self._never.add(word)
                return False
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = verdict
        if isinstance(verdict, tuple):
            return any(need in text for need in verdict)
        return True

    def positions(self, text: str) -> list[int]:
        """Where a match may start in ``text`` (see ``_positions``), kept for the last
        text: a text is often searched range by range, sentence by sentence."""
        last = self._last
        if text is not last[0]:
            last = self._last = (text, self._positions(text))
        return last[1]

    def _positions(self, text: str) -> list[int]:
        """Where a match may start, in order: the starts of word runs that can begin a
        match (a superset: every occurrence of such a word at a word start). The text's
        distinct words less those known to start nothing is one set operation, so a
        text with no word that can start a match costs no Python step per word."""
        unsure = distinct_words(text) - self._never
        if not unsure:
            return []
        cache, never = self._cache, self._never
        held: dict[tuple[str, ...], bool] = {}
        chosen: list[str] = []
        for word in unsure:
            verdict = cache.get(word)
            if verdict is None:
                verdict = self._verdict(word)
                if verdict is False:
                    if len(never) < _CACHE_LIMIT:
                        never.add(word)
                    continue
                if len(cache) < _CACHE_LIMIT:
                    cache[word] = verdict
            if isinstance(verdict, tuple):  # the literals the text must hold one of
                ok = held.get(verdict)
                if ok is None:
                    ok = held[verdict] = any(need in text for need in verdict)
                if not ok:
                    continue
            chosen.append(word)
        positions: set[int] = set()
        for word in chosen:
            pos = text.find(word)
            while pos >= 0:
                if pos == 0 or not _is_word(text[pos - 1]):
                    positions.add(pos)
                pos = text.find(word, pos + 1)
        return sorted(positions)

    def _starts(self, text: str, pos: int, end: int) -> list[int]:
        """Where a match within [pos, end) may start, in order: the gated positions,
        and with ``others``, every start of a match of ``others`` in that range
        (overlapping ones too; searched with the range's end, as the pattern is)."""
        positions = self.positions(text)
        starts = positions[bisect_left(positions, pos) :]
        if self.others is None:
            return starts
        if self._others_needs:
            last = self._others_last
            if text is not last[0]:
                last = self._others_last = (text, may_hold(self._others_needs, text))
            if not last[1]:  # no match of ``others`` anywhere in the text
                return starts
        search = self.others.search
        found = search(text, pos, end)
        if found is None:
            return starts
        extra = set(starts)
        while found is not None:
            start = found.start()
            extra.add(start)
            found = search(text, start + 1, end)
        return sorted(extra)

    def _verdict(self, word: str) -> Verdict:
        if self._anycase is not None and self._anycase.match(word) is not None:
            return True
        needs: set[str] = set()
        started = False
        for k in range(1, min(len(word), self._longest) + 1):
            head = word[:k]
            if head in self._cased:
                started = True
                more = self._cased[head]
                if more is None:
                    return True
                needs |= more
        return tuple(sorted(needs)) if started else False


def split_gate(
    alternatives: list[str], build: Callable[[str], re.Pattern[str]], full: re.Pattern[str]
) -> WordGate:
    """The word gate of ``full`` (``build`` of an alternation of ``alternatives``, in
    some order), when some alternatives have no literal start ("(?:[a-z-]+ ){1,2}
    watchdogs?", "\\w*gericht"): the others are gated, and every start of a match of
    those alternatives alone (``build`` of their alternation) is tried as well. A match
    of ``full`` is one of an alternative in its context (what ``build`` puts around it),
    so it is a match of one of the two patterns at the same start."""
    unread = [a for a in alternatives if _read_starts(build(a)) is None]
    if not unread or len(unread) == len(alternatives):
        return WordGate(full)
    read = [a for a in alternatives if a not in unread]
    return WordGate(full, readable=build("|".join(read)), others=build("|".join(unread)))


def _read_starts(pattern: re.Pattern[str]) -> dict[tuple[str, bool], Needs] | None:
    return compiled.CACHE.derived(  # type: ignore[no-any-return]
        "word-starts-2", str(pattern.pattern), pattern.flags, lambda: literal_starts(pattern)
    )


# id of a pattern → the pattern (kept, so the id stays its own) and its gate; not an
# lru_cache: a pattern's hash reads its compiled code
_GATES: dict[int, tuple[re.Pattern[str], WordGate]] = {}


def gated(pattern: re.Pattern[str]) -> WordGate:
    """The word gate of ``pattern`` (made once per pattern object): its ``search`` and
    ``finditer`` answer as the pattern's own, ranges included. Worth it for a pattern
    that opens with a lookbehind refusing a word character, searched again and again
    in one text (sentence by sentence)."""
    found = _GATES.get(id(pattern))
    if found is None or found[0] is not pattern:
        found = _GATES[id(pattern)] = (pattern, WordGate(pattern))
    return found[1]


def _run_end(text: str, end: int) -> int:
    """Where the run of word characters that reaches ``end`` ends in ``text``."""
    while end < len(text) and _is_word(text[end]):
        end += 1
    return end


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
