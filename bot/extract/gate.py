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

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from bot.extract import compiled
from bot.extract.literals import Needs, _Item, _needs

try:  # the regex parser of the standard library (private; without it nothing is gated)
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without these modules
    _sre = _sre_parser = None

_WORD_RUN = compiled.compile(r"\w+")
# ASCII characters that are not word characters, as spaces: on an ASCII text,
# ``text.encode().translate(_ASCII_GAPS).decode().split()`` is exactly its runs of word
# characters.
# (a bytes table: translating the ASCII bytes is some three times faster than a str table)
_ASCII_GAPS = bytes(c if re.match(r"\w", chr(c)) else 32 for c in range(256))
_MAX_STARTS = 20_000  # paths read before a pattern counts as unreadable
_MAX_LENGTH = 12  # characters of a literal start worth reading
_MAX_CLASS = 4  # characters of a class ("[aâ]", "[çc]") read as that many literal starts
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

    def __init__(self, pattern: re.Pattern[str], opening: int = 0, keep: bool = True) -> None:
        """``opening``: words of a text met for the first time that ``search`` tries
        one by one before it reads the text's positions (for a pattern that usually
        matches near the start when it matches at all: an FR item names FR early).
        ``keep``: the reading of the pattern is kept per machine (compiled.py); False
        for a pattern made from changing data (the store's vendor names)."""
        self.pattern = pattern
        self.opening = opening
        starts = (
            compiled.CACHE.derived(
                "word-starts-2",
                str(pattern.pattern),
                pattern.flags,
                lambda: literal_starts(pattern),
            )
            if keep
            else literal_starts(pattern)
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
        positions = self.positions(text)
        for start in positions[bisect_left(positions, pos) :]:
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
        positions = self.positions(text)
        for start in positions[bisect_left(positions, pos) :]:
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


# ------------------------------------------------------------------ reading a pattern

_Start = tuple[str, bool, Needs]  # a literal start, matched in any case, what it needs


def literal_starts(pattern: re.Pattern[str]) -> dict[tuple[str, bool], Needs] | None:
    """The literal word starts of ``pattern``'s matches ((text, matched in any case) →
    literals the match holds one of further on, None for none known): every match
    begins with one of them where a run of word characters starts. None when the
    pattern does not promise that."""
    if (
        _sre_parser is None
        or not isinstance(pattern.pattern, str)
        or pattern.flags & (re.ASCII | re.LOCALE)
    ):
        return None
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        flags = parsed.state.flags
        items = list(parsed.data)
        if not items or not _refuses_word_before(items[0]):
            return None
        starts = _starts([(item, flags) for item in items[1:]], _MAX_LENGTH)
    except (RecursionError, re.error, AttributeError, TypeError, ValueError):
        return None  # a pattern shape this reader does not know: searched as it is
    if starts is None or any(not text for text, _, _ in starts):
        return None
    out: dict[tuple[str, bool], Needs] = {}
    for text, anycase, needs in starts:
        key = (text, anycase)
        if key in out:
            before = out[key]
            out[key] = None if before is None or needs is None else before | needs
        else:
            out[key] = needs
    return out


def _refuses_word_before(item: tuple[Any, Any]) -> bool:
    """A negative lookbehind of one character that refuses every word character, or a
    word boundary ("\\b"): before a match that starts with a word character (every
    literal start is one, see ``literal_starts``) the two say the same."""
    op, av = item
    if op is _sre.AT and av is _sre.AT_BOUNDARY:
        return True
    if op is not _sre.ASSERT_NOT:
        return False
    direction, sub = av
    if direction != -1 or len(sub.data) != 1:
        return False
    inner_op, inner = sub.data[0]
    return (
        inner_op is _sre.IN
        and (_sre.NEGATE, None) not in inner
        and (_sre.CATEGORY, _sre.CATEGORY_WORD) in inner
    )


def _starts(items: list[_Item], budget: int) -> set[_Start] | None:
    """The literal starts every match of ``items`` begins with (cut where a character
    is not a plain word character), each with what the rest of its match needs; None
    when there are too many paths to read."""
    if budget == 0 or not items:
        return {("", False, _needs(items))}
    (op, av), flags = items[0]
    rest = items[1:]
    anycase = bool(flags & re.IGNORECASE)
    if op is _sre.LITERAL:
        ch = chr(av)
        if not _plain_word_char(ch, anycase):
            return {("", False, _needs(items))}
        tails = _starts(rest, budget - 1)
        if tails is None:
            return None
        return {(ch + t, anycase or t_any if t else anycase, needs) for t, t_any, needs in tails}
    if op is _sre.SUBPATTERN:
        _group, add, remove, sub = av
        inner = (flags | add) & ~remove
        return _starts([(item, inner) for item in sub.data] + rest, budget)
    if op is _sre.BRANCH:
        out: set[_Start] = set()
        for branch in av[1]:
            found = _starts([(item, flags) for item in branch.data] + rest, budget)
            if found is None or len(out) + len(found) > _MAX_STARTS:
                return None
            out |= found
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        first = _starts([(item, flags) for item in sub.data], budget)
        if first is None:
            return None
        after_all = _needs(rest)  # whatever the repeat matched, the rest follows it
        first = {(text, any_, after_all) for text, any_, _ in first}
        if low > 0:
            return first
        after = _starts(rest, budget)
        return None if after is None or len(first | after) > _MAX_STARTS else first | after
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _starts(rest, budget)  # a condition, no character: the start goes on
    chars = _class_chars(av) if op is _sre.IN else None
    if chars:  # a class of a few characters: one start for each ("c[aâ]m" → "cam", "câm")
        out = set()
        for code in chars:
            found = _starts([((_sre.LITERAL, code), flags), *rest], budget)
            if found is None or len(out) + len(found) > _MAX_STARTS:
                return None
            out |= found
        return out
    return {("", False, _needs(items))}  # a class, any character…: the start ends here


def _class_chars(members: list[tuple[Any, Any]]) -> list[int] | None:
    """The characters of a class made only of single characters (and short ranges),
    at most ``_MAX_CLASS`` of them; None for any other class (negated, categories)."""
    chars: list[int] = []
    for op, av in members:
        if op is _sre.LITERAL:
            chars.append(av)
        elif op is _sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _plain_word_char(ch: str, anycase: bool) -> bool:
    """A word character whose every match is a word character too: in any case, ASCII
    letters and digits, and the letters of the Latin-1 and Latin Extended-A blocks
    ("é", "â", "ç", "ß"), whose other cases are letters of those blocks or ASCII
    (some Greek or symbol letters match a character that is no word character in
    another case)."""
    if not (ch.isalnum() or ch == "_"):
        return False
    return not anycase or ch.isascii() or (_LATIN_LETTERS[0] <= ch <= _LATIN_LETTERS[1])


_LATIN_LETTERS = ("\u00c0", "\u017f")  # À … ſ (× and ÷, no letters, fail isalnum)
