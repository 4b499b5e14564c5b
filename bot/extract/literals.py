"""The literals a regex's matches hold, read from its parsed form: a cheap test, before a
regex is tried, that a text can hold a match at all.

``needed_literals``: sets of literals such that every match holds one of each (the cue
index's head-less and line-start fragments are tried only in texts that hold them).
``branch_needs`` and ``may_match``: the same per top-level alternative of a pattern,
looked up in an ASCII window's lower-cased copy (in any case, an ASCII character matches
only its own two cases): a regex with no literal start that is searched window by
window, which the engine tries at every position, is tried only where some alternative
can match (``background_clauses.subordinate``). ``_needs`` is also what a word gate (gate.py) reads
for the rest of a match after its literal start.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the regex parser of the standard library (private; without it nothing is read)
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without these modules
    _sre = _sre_parser = None

Needs = frozenset[str] | None  # literals a match holds one of (None: nothing known)
_Item = tuple[tuple[Any, Any], int]  # a parsed item and the flags it is read with


def needed_literals(source: str) -> list[frozenset[str]]:
    """Sets of literals (as written) such that every match of the regex ``source`` holds
    one of each set (none known: an empty list; a pattern not read here too)."""
    if _sre_parser is None:
        return []
    try:
        parsed = _sre_parser.parse(source, 0)
        return _need_options([(item, parsed.state.flags) for item in parsed.data])
    except (RecursionError, re.error, AttributeError, TypeError, ValueError):
        return []


Needed = tuple[tuple[tuple[str, ...], ...], ...]  # alternatives, each sets of literals
_MAX_NEEDED = 12  # literals in one set (looking each up costs a Python step)


def branch_needs(pattern: re.Pattern[str]) -> Needed:
    """For each top-level alternative of ``pattern``, the sets of literals (lower-cased,
    in any case: a set of at most ``_MAX_NEEDED``, with no character past Latin-1, for
    "ſ" matches an "s" in any case) that a match of it holds one of each; () when some
    alternative needs none (or the pattern is not read here). Read with ``may_match``."""
    if _sre_parser is None or not isinstance(pattern.pattern, str):
        return ()
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        flags = parsed.state.flags
        items = list(parsed.data)
        while len(items) == 1 and items[0][0] is _sre.SUBPATTERN and not items[0][1][1]:
            items = list(items[0][1][3].data)  # (?:…) around the whole pattern
        branches = (
            [list(b.data) for b in items[0][1][1]]
            if len(items) == 1 and items[0][0] is _sre.BRANCH
            else [items]
        )
        out = []
        for branch in branches:
            options = [o for o in _need_options([(item, flags) for item in branch], True)
                       if len(o) <= _MAX_NEEDED and all(c <= "\u00ff" for x in o for c in x)]  # fmt: skip
            if not options:
                return ()
            out.append(tuple(tuple(sorted({x.lower() for x in o})) for o in options))
    except (RecursionError, re.error, AttributeError, TypeError, ValueError):
        return ()
    return tuple(out)


def may_match(needed: Needed, text: str, low: str, pos: int, end: int) -> bool:
    """False only when no match of the pattern ``needed`` was read from (``branch_needs``)
    can lie in ``text[pos:end]``: an ASCII stretch whose lower-cased copy (``low``, same
    offsets) misses a literal of each alternative (in any case, an ASCII character
    matches only its own two cases; other texts are left to the pattern)."""
    if not needed or not text.isascii() and not text[pos:end].isascii():
        return True
    return _holds(needed, low[pos:end])


# The characters outside Latin-1 that match a Latin-1 character in any case (the dotted
# and dotless i, long s, micro and mu, sharp s, y with diaeresis, Kelvin and Angstrom signs)
_CASE_ODD = re.compile("[\u0130\u0131\u0178\u017f\u039c\u03bc\u1e9e\u212a\u212b]")


def may_hold(needed: Needed, text: str) -> bool:
    """False only when no match of the pattern ``needed`` was read from (``branch_needs``)
    can lie anywhere in ``text``: the lower-cased text misses a literal of each
    alternative. (A matched literal's characters are its own, or in any case those whose
    lower case is its lower case, or one of ``_CASE_ODD``: in a text without them, the
    literal lower-cased is in the text lower-cased.)"""
    if not needed or not text.isascii() and _CASE_ODD.search(text) is not None:
        return True
    return _holds(needed, text.lower())


def _holds(needed: Needed, low: str) -> bool:
    """Some alternative of ``needed`` has, for each of its sets, a literal in ``low``."""
    return any(
        all(any(literal in low for literal in option) for option in options) for options in needed
    )


def _needs(items: list[_Item], anycase: bool = False) -> Needs:
    """Literals a match of ``items`` holds one of (matched as written, not in any case,
    unless ``anycase``): of its mandatory parts, the one whose shortest literal is longest."""
    options = _need_options(items, anycase)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _need_options(items: list[_Item], anycase: bool = False) -> list[frozenset[str]]:
    """Of each mandatory part of ``items`` that holds literals (matched as written, or
    also in any case with ``anycase``), the set of literals one of which a match of that
    part holds."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    stack = list(reversed(items))
    while stack:
        (op, av), flags = stack.pop()
        if op is _sre.LITERAL and (anycase or not flags & re.IGNORECASE):
            run.append(chr(av))
            continue
        if op is _sre.SUBPATTERN:
            _group, add, remove, sub = av
            inner = (flags | add) & ~remove
            stack.extend(reversed([(item, inner) for item in sub.data]))
            continue
        close_run()
        if op is _sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _needs([(item, flags) for item in branch.data], anycase)
                if found is None:
                    break
                union |= found
            else:
                options.append(frozenset(union))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] > 0:
            found = _needs([(item, flags) for item in av[2].data], anycase)
            if found is not None:
                options.append(found)
    close_run()
    return [o for o in options if o and all(o)]
