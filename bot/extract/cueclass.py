"""A cue class (all labels of one kind, all languages) as one alternation.

The fragments of a class are merged into ONE alternation over lower-cased text,
grouped by their first character so the regex engine skips non-matching
branches cheaply; acronyms ("ICE", "FTC") are kept apart and matched
case-sensitively over the original text. The label of a match is found
afterwards (cached by the matched text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_GAP = r"(?:[\w'.&+-]+\s+)"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\\]+$")
_MAX_VARIANTS = 64


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str


def expand(fragment: str) -> str:
    """A cue fragment as a regex: ``{wN}`` = up to N words, a space = any whitespace."""
    text = re.sub(r"\{w(\d)\}", lambda m: _GAP + "{0," + m.group(1) + "}", fragment)
    return text.replace(" ", r"\s+")


def _closing(fragment: str, start: int) -> int:
    """Index of the ")" closing the group opened at ``start`` (-1 if none)."""
    depth, i, in_class = 0, start, False
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _split_top(inner: str) -> list[str]:
    parts, depth, last, i, in_class = [], 0, 0, 0, False
    while i < len(inner):
        ch = inner[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(inner[last:i])
            last = i + 1
        i += 1
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
    variants = [part + tail for part in _split_top(inner)]
    if optional:
        variants.append(tail.lstrip(" "))
    out: list[str] = []
    for variant in variants:
        out.extend(distribute(variant))
    return out if len(out) <= _MAX_VARIANTS else [fragment]


def _dispatchable(fragment: str) -> bool:
    first = fragment[:1]
    return bool(first) and (first.isalnum() or first in "'-") and fragment[1:2] not in "?*+{"


@dataclass
class CueClass:
    """All cue labels of one class, compiled into one lower-case and one acronym regex."""

    name: str
    labels: tuple[str, ...]  # priority order
    pattern: re.Pattern[str]  # over lower-cased text
    acronyms: re.Pattern[str] | None  # over the original text
    acronym_labels: tuple[tuple[re.Pattern[str], str], ...]
    by_label: Mapping[str, re.Pattern[str]]
    _cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls, name: str, table: Mapping[str, Iterable[str]], order: Iterable[str] = ()
    ) -> CueClass:
        first = [label for label in order if label in table]
        labels = tuple(first + [label for label in table if label not in first])
        buckets: dict[str, list[str]] = {}
        misc: list[str] = []
        by_label: dict[str, re.Pattern[str]] = {}
        acronyms: list[tuple[str, str]] = []
        for label in labels:
            regexes: list[str] = []
            for raw in table[label]:
                if _ACRONYM.match(raw) or raw.startswith("(?-i:"):
                    acronyms.append((expand(raw.replace("(?-i:", "(?:", 1)), label))
                    continue
                for variant in distribute(raw.lower()):
                    regexes.append(expand(variant))
                    if _dispatchable(variant):
                        buckets.setdefault(variant[0], []).append(expand(variant[1:]))
                    else:
                        misc.append(expand(variant))
            if regexes:
                by_label[label] = re.compile("(?:" + "|".join(regexes) + r")(?![\w])")
        branches = [
            re.escape(ch) + "(?:" + "|".join(sorted(set(rests), key=len, reverse=True)) + ")"
            for ch, rests in sorted(buckets.items())
        ]
        branches += sorted(set(misc), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w])(?:" + ("|".join(branches) or "(?!x)x") + r")(?![\w])")
        acronym_re = None
        if acronyms:
            alts = "|".join(sorted({a for a, _ in acronyms}, key=len, reverse=True))
            acronym_re = re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])")
        acronym_labels = tuple((re.compile(a + r"\Z"), label) for a, label in acronyms)
        return cls(name, labels, pattern, acronym_re, acronym_labels, by_label)

    def label_of(self, low: str, start: int, end: int) -> str:
        """The label of the match low[start:end] (the first label, in priority order,
        with a fragment matching exactly that span; context counts for lookaheads)."""
        matched = low[start:end]
        label = self._cache.get(matched)
        if label is None:
            label = self._exact(low, start, end)
            if len(self._cache) < 50_000:
                self._cache[matched] = label
        return label

    def _exact(self, low: str, start: int, end: int) -> str:
        patterns = [(lab, self.by_label[lab]) for lab in self.labels if lab in self.by_label]
        for lab, pattern in patterns:
            if pattern.fullmatch(low, start, end):
                return lab
        for lab, pattern in patterns:  # fragments that look ahead past the match
            m = pattern.match(low, start)
            if m is not None and m.end() == end:
                return lab
        return self.labels[0]

    def find(self, low: str, text: str, spans: Iterable[tuple[int, int]]) -> list[Hit]:
        """Hits inside ``spans`` in position order (``low`` is ``text`` lower-cased)."""
        hits: list[Hit] = []
        for start, end in spans:
            for m in self.pattern.finditer(low, start, end):
                hits.append(Hit(m.start(), m.end(), self.label_of(low, m.start(), m.end())))
            if self.acronyms is not None:
                for m in self.acronyms.finditer(text, start, end):
                    hits.append(Hit(m.start(), m.end(), self._acronym_label(m.group(0))))
        if self.acronyms is not None:
            hits.sort(key=lambda h: h.start)
        return hits

    def _acronym_label(self, matched: str) -> str:
        for pattern, label in self.acronym_labels:
            if pattern.match(matched):
                return label
        return self.labels[0]
