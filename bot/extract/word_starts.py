"""Reading a regex's literal word starts (for word gates, gate.py): every match of a
pattern that opens by refusing a word character before it begins with one of these
literal starts where a run of word characters starts, and may need some literal further
on. None for a pattern that does not promise that."""

from __future__ import annotations

import importlib
import re
from typing import Any

from bot.extract.literals import Needs, _Item, _needs

try:  # the regex parser of the standard library (private; without it nothing is gated)
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without these modules
    _sre = _sre_parser = None

_MAX_STARTS = 20_000  # paths read before a pattern counts as unreadable
_MAX_LENGTH = 12  # characters of a literal start worth reading
_MAX_CLASS = 4  # characters of a class ("[aâ]", "[çc]") read as that many literal starts

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
