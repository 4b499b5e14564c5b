"""Sentence and clause boundaries, as character offsets into the entry text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from bot.extract import compiled
from bot.extract.cueclass import by_first_letter

# A sentence ends at . ! ? or ; followed by space (and, after a full stop, a
# capital), unless the word before the full stop is a known abbreviation.
_END = compiled.compile(r"(?<=[.!?;])[\"'”’»)]*\s+(?=[\"'“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9])|(?<=;)\s+")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "del",
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "no",
        "vs",
        "u.s",
        "u.k",
        "e.u",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "gen",
        "lt",
        "col",
        "capt",
        "prof",
        "dept",
    ]
)
_WORD_BEFORE = compiled.compile(r"([\w.]+)[.!?;]$")

# Clause breaks inside a sentence: the subject of a verb is looked for only
# after the nearest break before it.
_BREAK_WORDS = (
    "but", "while", "although", "though", "whereas", "as", "after", "ahead of", "following",
    "despite", "because", "since", "when", "unlike", "even as", "days after", "weeks after",
    "amid", "mais", "alors que", "après", "aber", "während", "nachdem", "pero", "mientras",
    "tras",
)  # fmt: skip


_BREAK_WORD = by_first_letter([re.escape(w).replace("\\ ", " ") for w in _BREAK_WORDS])
# Each alternative opens with its own character, so the pattern opens with their class
# (the regex engine then skips to those characters instead of trying every position) and
# a look-behind at that character picks the alternative.
CLAUSE_BREAK = compiled.compile(
    r"[;:—–(),\s](?:(?<=[;:—–])\s|(?<=\()(?=\w)|(?<=\))"
    r"|(?<=,)\s+(?:but|while|although|though|whereas|which|who)\b"
    r"|(?<=\s)(?:[-–—]\s|(?:" + _BREAK_WORD + r")\s))",
)


def split_sentences(text: str, title_end: int) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding whitespace trimmed; the title is one."""
    spans: list[tuple[int, int]] = []
    _add(spans, text, 0, title_end)
    start = title_end
    for match in _ends(text, title_end):
        word = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start())
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


_STOP = compiled.compile(r"[.!?;]")


def _ends(text: str, pos: int) -> Iterator[re.Match[str]]:
    """``_END.finditer(text, pos)``, tried only right after a . ! ? or ; (where both of
    its alternatives' look-behinds can hold), not at every position of the text."""
    end = pos
    for stop in _STOP.finditer(text, max(pos - 1, 0)):
        at = stop.end()
        if at < end:
            continue
        found = _END.match(text, at)
        if found is not None:
            yield found
            end = found.end()


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def clause_breaks(text: str) -> list[int]:
    """End offsets of every clause break in ``text`` (lower-cased; sorted)."""
    return [m.end() for m in CLAUSE_BREAK.finditer(text)]


def clause_start(breaks: list[int], sentence_start: int, pos: int) -> int:
    """Start of the clause that contains ``pos`` (never before its sentence)."""
    i = bisect.bisect_right(breaks, pos) - 1
    if i >= 0 and breaks[i] > sentence_start:
        return breaks[i]
    return sentence_start


def clause_end(breaks: list[int], sentence_end: int, pos: int) -> int:
    """End of the clause that contains ``pos`` (never after its sentence)."""
    i = bisect.bisect_right(breaks, pos)
    if i < len(breaks) and breaks[i] < sentence_end:
        return breaks[i]
    return sentence_end
