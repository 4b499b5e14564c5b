"""Cue fragments as regexes: ``{wN}`` word gaps, named fragments (``{name}``, defined
once in cues.yaml ``fragments``), and leading groups distributed so that each variant
starts with a literal word (see cueindex.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from bot.extract import compiled

# A word of a gap is taken whole ("++": possessive): the whitespace that must follow it
# can never match inside it, so giving characters back could only fail, slowly.
_GAP = r"(?:[\w'.&+-]++\s+)"
_MAX_VARIANTS = 64
# A run of word characters (``\w+``, ``[\w-]+``, ``[\w'.&+-]+``: no whitespace in its
# class) right before a space: possessive for the same reason (the same matches).
_RUN_BEFORE_SPACE = compiled.compile(r"(?<!\\)(\\w|\[(?:\\w|[A-Za-z0-9'’.&+_-])+\])\+(?= )")


# "{name}": a named fragment ("{w3}" word gaps and "{0,90}" quantifiers are no names)
_NAMED = compiled.compile(r"\{([a-z][a-z_]+)\}")


def named_fragments(value: Any, fragments: Mapping[str, str]) -> Any:
    """``value`` (the cue files' sections: mappings and lists of patterns) with each
    ``{name}`` in a pattern replaced by ``fragments[name]`` (a KeyError names a name
    that is not defined). Done as the cue files are read, so every reading of a cue
    (its split into fragments, its literals, its regex) sees the fragment's text."""
    if isinstance(value, str):
        return _NAMED.sub(lambda m: fragments[m.group(1)], value) if "{" in value else value
    if isinstance(value, list):
        return [named_fragments(v, fragments) for v in value]
    if isinstance(value, dict):
        return {k: named_fragments(v, fragments) for k, v in value.items()}
    return value


def expand(fragment: str) -> str:
    """A cue fragment as a regex: ``{wN}`` = up to N words, a space = any whitespace."""
    text = re.sub(r"\{w(\d)\}", lambda m: _GAP + "{0," + m.group(1) + "}", fragment)
    text = _RUN_BEFORE_SPACE.sub(r"\1++", text)
    return text.replace(" ", r"\s+")


def _structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each character outside escapes and ``[...]``
    classes; ``depth`` is the group depth after that character."""
    depth, i, in_class = 0, start, False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _closing(fragment: str, start: int) -> int:
    """Index of the ")" closing the group opened at ``start`` (-1 if none)."""
    return next((i for i, ch, depth in _structure(fragment, start) if ch == ")" and depth == 0), -1)


def split_top(inner: str) -> list[str]:
    """Split a regex alternation at its top-level ``|`` only."""
    if "|" not in inner:  # (most fragments: nothing to read)
        return [inner]
    parts, last = [], 0
    for i, ch, depth in _structure(inner):
        if ch == "|" and depth == 0:
            parts.append(inner[last:i])
            last = i + 1
    parts.append(inner[last:])
    return parts


def distribute(fragment: str) -> list[str]:
    """Distribute a leading group so each variant starts with a literal where possible:
    "(?:will|would) not" → ["will not", "would not"]; "(?:the )?x" → ["the x", "x"]."""
    if not fragment.startswith("(?:"):
        return [fragment]
    end = _closing(fragment, 0)
    if end < 0:
        return [fragment]
    inner, rest = fragment[3:end], fragment[end + 1 :]
    optional = rest.startswith("?") and not rest.startswith("?=")
    if rest[:1] in ("*", "+", "{") or (rest[:1] == "?" and not optional):
        return [fragment]
    tail = rest[1:] if optional else rest
    variants = [part + tail for part in split_top(inner)]
    if optional:
        variants.append(tail.lstrip(" "))
    out: list[str] = []
    for variant in variants:
        out.extend(distribute(variant))
    return out if len(out) <= _MAX_VARIANTS else [fragment]


def by_first_letter(parts: list[str]) -> str:
    """Regex ``parts`` as one alternation with one branch per first letter
    ("a(?:ge|mazon)"): Python's regex engine tries every branch of an alternation in
    turn, so this tests one branch per position instead of every part. Parts that
    start with a group or whose second character is a quantifier stay as they are;
    the order of parts within a letter is kept."""
    grouped: dict[str, list[str]] = {}
    loose: list[str] = []
    for part in parts:
        if part[:1].isalnum() and part[1:2] not in ("", "?", "*", "+", "{"):
            grouped.setdefault(part[0], []).append(part[1:])
        else:
            loose.append(part)
    alts = [f"{ch}(?:{'|'.join(rest)})" for ch, rest in grouped.items()]
    return "|".join(alts + loose)


_QUANTIFIER = compiled.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_UNSAFE = compiled.compile(
    r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux-]+\)"
)  # back-references, global flags


def _atoms(source: str) -> list[str] | None:
    """``source`` cut into its top-level atoms with their quantifiers ("the", "\\s+",
    "(?:a|b){0,2}"); None when it holds a top-level "|" or anything not understood."""
    out: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            if source[i + 1 : i + 2] in ("x", "u", "U", "N", "0", ""):
                return None  # a longer escape
            j = i + 2
        elif ch == "[":
            j = i + 1 + (source[i + 1 : i + 2] == "^")
            j += source[j : j + 1] == "]"  # a leading "]" is a literal
            while j < len(source) and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            if j >= len(source):
                return None
            j += 1
        elif ch == "(":
            j = _closing(source, i) + 1
            if j <= 0:
                return None
        elif ch in ")|?*+{":
            return None
        else:
            j = i + 1
        quantifier = _QUANTIFIER.match(source, j)
        if quantifier is not None:
            j = quantifier.end()
        out.append(source[i:j])
        i = j
    return out


def factored(parts: list[str]) -> str:
    """One regex that matches at a position exactly when one of ``parts`` does, with
    the leading atoms they share written once ("the\\s+(?:firm|vendor)" for
    "the\\s+firm" and "the\\s+vendor"): each shared prefix is then tried once, not once
    per part. Only whether it matches is kept, not which part or how far; parts it
    cannot cut into atoms are appended unchanged."""
    trie: dict[str, dict] = {}  # atom → subtrie; "" → end of a part
    loose: list[str] = []
    for part in parts:
        atoms = None if _UNSAFE.search(part) else _atoms(part)
        if not atoms:
            loose.append(part)
            continue
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    alts = [*_alternation(trie), *loose]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _alternation(node: dict[str, dict]) -> list[str]:
    out = []
    for atom, child in node.items():
        rest = _alternation(child) if child else []
        if not rest:
            out.append(atom)
        elif len(rest) == 1:
            out.append(atom + rest[0])
        else:
            out.append(atom + "(?:" + "|".join(rest) + ")")
    return out
