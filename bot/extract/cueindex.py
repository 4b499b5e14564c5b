"""Every cue class and the vendor gazetteer as ONE word-level index.

A text is tokenised once (runs of word characters). Each distinct token is looked
up, once per process, in a table of the cue fragments whose literal head it can
start: a fragment that is one word ("ban(?:s|ned)?", "police\\w*") is decided
there and then from the token alone; only fragments spanning several words
("extends {w3}moratorium") are matched as regexes, at the positions of the tokens
that can start them. So an item costs one tokenising regex plus a dictionary
look-up per word, whatever the number of cues, classes and languages.

Within a class, the leftmost-longest match wins and later matches may not overlap
it (as one alternation would); at one span the first label in priority order wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import is_not
from typing import NamedTuple

from bot.extract import compiled
from bot.extract.cueclass import by_first_letter
from bot.extract.cuefragments import (  # the language names and Cue are read from here too
    ALL_LANGUAGES,
    ANY_LANGUAGE,
    LANGUAGES,
    Cue,
    Fragment,
    Group,
    group_key,
    group_of,
    language_mask,
    split_cues,
)
from bot.extract.gate import gated

__all__ = ["ALL_LANGUAGES", "ANY_LANGUAGE", "LANGUAGES", "Cue", "CueIndex", "Hit", "VendorName",
           "language_mask"]  # fmt: skip

TOKEN = compiled.compile(r"\w+")
_SPLIT = compiled.compile(r"(\W+)")  # the complement of TOKEN, kept: words and separators alternate
_CACHE_LIMIT = 200_000
_SUFFIX_S = frozenset(["'s", "’s"])


class Hit(NamedTuple):
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class VendorName:
    surface: str  # as matched (lower-cased when any case is allowed)
    canonical: str
    product: str | None
    fr: bool  # the name alone marks FR content
    anycase: bool


class VendorMatch(NamedTuple):
    start: int
    end: int
    name: VendorName


class _Entry(NamedTuple):
    """What one token can start: decided one-word hits, fragments to try, vendor names."""

    hits: tuple[tuple[int, int, str, int], ...]  # (class, rank, label, language bits)
    tries: tuple[Group, ...]
    vendors: tuple[VendorName, ...]


_EMPTY = _Entry((), (), ())


class _LangEntry(NamedTuple):
    """What one token can start in items of one set of languages: its decided hits,
    the single fragments and the gated groups (with their fragments of those
    languages) to try, and vendor names. Singles and gates are kept as what the scan
    calls (a bound ``match``, whether it reads the cased text, class, rank, label)."""

    hits: tuple[tuple[int, int, str], ...]  # (class, rank, label)
    singles: tuple[tuple[_Match, bool, int, int, str], ...]
    groups: tuple[tuple[_Match, bool, tuple[Fragment, ...]], ...]
    vendors: tuple[VendorName, ...]


_Match = Callable[[str, int], "re.Match[str] | None"]
_NOTHING = _LangEntry((), (), (), ())


def _for_langs(entry: _Entry, langs: int) -> _LangEntry:
    """``entry`` as matched in items of ``langs`` (language bits)."""
    if entry is _EMPTY:
        return _NOTHING
    hits = tuple((c, rank, label) for c, rank, label, bits in entry.hits if bits & langs)
    singles: list[tuple[_Match, bool, int, int, str]] = []
    groups: list[tuple[_Match, bool, tuple[Fragment, ...]]] = []
    for group in entry.tries:
        if not group.langs & langs:
            continue
        if len(group.fragments) == 1:  # one fragment: it is its own gate
            f = group.fragments[0]
            singles.append((f.pattern.match, f.cased, f.cls, f.rank, f.label))
        else:
            frags = tuple(f for f in group.fragments if f.langs & langs)
            groups.append((group.gate.match, group.cased, frags))
    if not hits and not singles and not groups and not entry.vendors:
        return _NOTHING
    return _LangEntry(hits, tuple(singles), tuple(groups), entry.vendors)


@dataclass
class CueIndex:
    """All cue classes and vendor names, looked up by the tokens of a text."""

    classes: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]  # per class, in priority order
    _by_head: dict[str, list[Fragment]]
    _any: tuple[Fragment, ...]  # fragments with no literal head: tried at every token
    _line_start: tuple[Fragment, ...]  # "(?m:^)" fragments: tried at line starts
    _vendors: dict[str, list[VendorName]]  # first token (lower-cased for anycase) → names
    _groups: dict[tuple[str, bool], Group]  # (first word, cased) → its longer fragments
    _longest_head: int  # characters of the longest fragment head (a key of _by_head)
    _cache: dict[str, _Entry] = field(default_factory=lambda: {"": _EMPTY})  # token → entry
    # language bits → token → its entry for items of those languages
    _lang_cache: dict[int, dict[str, _LangEntry]] = field(default_factory=dict)
    # language bits → the searched and the line-start fragments matched in those items
    _unheaded: dict[int, tuple[tuple[Fragment, ...], tuple[Fragment, ...]]] = field(
        default_factory=dict
    )

    @classmethod
    def build(
        cls,
        tables: Mapping[str, Mapping[str, Iterable[Cue]]],
        orders: Mapping[str, Sequence[str]],
        vendors: Iterable[VendorName],
    ) -> CueIndex:
        """``tables``: class → label → regex fragments (see cues.yaml); ``orders``: label
        priority per class (labels not listed follow in table order)."""
        names = tuple(tables)
        labels: list[tuple[str, ...]] = []
        for name in names:
            table = tables[name]
            first = [label for label in orders.get(name, ()) if label in table]
            labels.append(tuple(first + [label for label in table if label not in first]))
        by_head: dict[str, list[Fragment]] = {}
        any_start: list[Fragment] = []
        line_start: list[Fragment] = []
        cues = [[(label, list(tables[name][label])) for label in ordered]
                for name, ordered in zip(names, labels, strict=True)]  # fmt: skip
        for frag in split_cues(cues):
            if frag.head == "^":
                line_start.append(frag)
            elif frag.head:
                by_head.setdefault(frag.head, []).append(frag)
            else:
                any_start.append(frag)
        by_vendor: dict[str, list[VendorName]] = {}
        for v in vendors:
            m = TOKEN.match(v.surface)
            if m is not None:
                by_vendor.setdefault(m.group(0), []).append(v)
        for group in by_vendor.values():
            group.sort(key=lambda v: (v.anycase, -len(v.surface)))
        grouped: dict[tuple[str, bool], list[Fragment]] = {}
        for frags in by_head.values():
            for frag in frags:
                if frag.word_source is None:
                    grouped.setdefault(group_key(frag), []).append(frag)
        groups = {key: group_of(frags) for key, frags in grouped.items()}
        return cls(names, tuple(labels), by_head, tuple(any_start), tuple(line_start),
                   by_vendor, groups, max(map(len, by_head), default=0))  # fmt: skip

    def prefilter(self, cls: int, label: str, cased_apart: bool = False) -> re.Pattern[str]:
        """One regex for the lower-cased text that matches wherever a fragment labelled
        ``label`` in class ``cls``, or any vendor name, could
        start a hit: a superset of what ``scan`` finds (cased fragments and names match in
        any case here), so a text it does not match has no such hit and no vendor name.
        ``cased_apart``: the fragments matched in their case are left out (a text then
        needs ``cased_prefilter`` too): made case-blind, such a fragment passes what its
        case refuses (the product named "<Brand> Face" lets every "… will face …" in)."""
        frags = [f for fs in self._by_head.values() for f in fs]
        parts = {f"(?i:{f.source})" if f.cased else f.source
                 for f in frags if f.cls == cls and f.label == label
                 and not (cased_apart and f.cased)}  # fmt: skip
        parts |= {f.source for f in self._any if f.cls == cls and f.label == label}
        parts |= {"(?m:^)" + f.source
                  for f in self._line_start if f.cls == cls and f.label == label}  # fmt: skip
        parts |= {re.escape(v.surface.lower()) for vs in self._vendors.values() for v in vs}
        return compiled.compile(r"(?<![\w])(?:" + by_first_letter(sorted(parts)) + ")")

    def cased_prefilter(self, cls: int, label: str) -> re.Pattern[str]:
        """For the original text (``scan``'s ``norm``): matches wherever a fragment
        labelled ``label`` in class ``cls`` that is matched in its case (acronyms,
        capitalised product names) could start a hit; with ``prefilter(…, cased_apart=
        True)`` on the lower-cased text, a superset of what ``scan`` finds. (Fragments
        with no literal head are matched in the lower-cased text: ``prefilter`` has them.)"""
        parts = {f.source for fs in self._by_head.values() for f in fs
                 if f.cls == cls and f.label == label and f.cased}  # fmt: skip
        if not parts:
            return compiled.compile(r"(?!)")
        return compiled.compile(r"(?<![\w])(?:" + by_first_letter(sorted(parts)) + ")")

    def compile_all(self) -> None:
        """Compile every fragment's regexes now (before forking workers that share
        them, or before timing extraction) instead of when a text first needs them."""
        for frags in (*self._by_head.values(), self._any, self._line_start):
            for frag in frags:
                _ = frag.pattern, frag.word, frag.first
        for group in self._groups.values():
            _ = group.gate

    # ------------------------------------------------------------------ look-up

    def _entry(self, token: str) -> _Entry:
        low = token.lower()
        if (
            not self._has_head(low)
            and not self._has_head(token)
            and not token[:1].isdigit()
            and token not in self._vendors
            and low not in self._vendors
        ):  # no fragment head is a prefix of it and no vendor name starts with it
            return _EMPTY
        hits: list[tuple[int, int, str, int]] = []
        tries: list[Group] = []
        candidates: list[Fragment] = []
        for k in range(1, len(token) + 1):
            candidates.extend(self._by_head.get(low[:k], ()))
            if token[:k] != low[:k]:
                candidates.extend(self._by_head.get(token[:k], ()))
        if token[:1].isdigit():
            candidates.extend(self._by_head.get("0", ()))
        for frag in candidates:
            word = token if frag.cased else low
            if frag.cased and not word.startswith(frag.head):
                continue
            if frag.word_source is not None:
                if frag.word.fullmatch(word):  # type: ignore[union-attr]
                    hits.append((frag.cls, frag.rank, frag.label, frag.langs))
            else:
                group = self._groups[group_key(frag)]
                if all(g is not group for g in tries) and (
                    frag.first is None or frag.first.fullmatch(word)
                ):
                    tries.append(group)
        names = [*self._vendors.get(token, ()), *(
            v for v in self._vendors.get(low, ()) if v.anycase and low != token
        )]  # fmt: skip
        names.sort(key=lambda v: (v.anycase, -len(v.surface)))  # exact case first
        if not hits and not tries and not names:
            return _EMPTY
        return _Entry(tuple(dict.fromkeys(hits)), tuple(tries), tuple(names))

    def _token(self, token: str) -> _Entry:
        """``_entry(token)``, kept (for every language)."""
        entry = self._cache.get(token)
        if entry is None:
            entry = self._entry(token)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[token] = entry
        return entry

    def _has_head(self, token: str) -> bool:
        """Some fragment head is a prefix of ``token`` (a set look-up per prefix: the
        alternation of all 2,000-odd heads as one regex cost a sixtieth of a second to
        compile in every process)."""
        heads = self._by_head
        return any(token[:k] in heads for k in range(1, min(len(token), self._longest_head) + 1))

    def scan(
        self, norm: str, low: str, langs: int = ALL_LANGUAGES
    ) -> tuple[list[list[Hit]], list[VendorMatch]]:
        """Per class, its hits in position order; and the vendor names, in order. Only
        cues of the languages in ``langs`` (bits, see ``language_mask``) count."""
        raw: list[tuple[int, int, int, int, str]] = []  # (class, start, -end, rank, label)
        vendors: list[VendorMatch] = []
        vendor_end = -1
        cache = self._lang_cache.get(langs)
        if cache is None:
            cache = self._lang_cache[langs] = {"": _NOTHING}
        # Words at even indices, separators at odd ones; offsets[j] is where parts[j] starts.
        parts = _SPLIT.split(norm)
        words = parts[0::2]
        entries = list(map(cache.get, words))
        offsets = [0, *accumulate(map(len, parts))]
        for k in compress(range(len(words)), map(is_not, entries, repeat(_NOTHING))):
            entry = entries[k]
            word = words[k]
            if entry is None:
                entry = _for_langs(self._token(word), langs)
                if len(cache) < _CACHE_LIMIT:
                    cache[word] = entry
                if entry is _NOTHING:
                    continue
            start = offsets[2 * k]
            hits, singles, groups, names = entry
            if hits:
                end = start + len(word)
                raw.extend([(c, start, -end, rank, label) for c, rank, label in hits])
            for match_at, cased, c, rank, label in singles:
                found = match_at(norm if cased else low, start)
                if found is not None:
                    raw.append((c, start, -found.end(), rank, label))
            for gate, cased, frags in groups:
                text = norm if cased else low
                if gate(text, start) is None:
                    continue
                for frag in frags:
                    found = frag.pattern.match(text, start)
                    if found is not None:
                        raw.append((frag.cls, start, -found.end(), frag.rank, frag.label))
            if names and start >= vendor_end:
                match = _vendor_at(norm, low, start, names)
                if match is not None:
                    vendors.append(match)
                    vendor_end = match.end
        unheaded = self._unheaded.get(langs)
        if unheaded is None:
            unheaded = self._unheaded[langs] = (
                tuple(f for f in self._any if f.langs & langs),
                tuple(f for f in self._line_start if f.langs & langs),
            )
        searched, line_start = unheaded
        for frag in searched:
            if _holds(low, frag.required):
                # through its word gate: a fragment that opens with a lookahead ("a
                # customer group later in the sentence") is tried only where its verb is
                for found in gated(frag.pattern).finditer(low):
                    raw.append((frag.cls, found.start(), -found.end(), frag.rank, frag.label))
        for frag in line_start:
            if not _holds(low, frag.required):
                continue
            for start in _line_starts(low):
                found = frag.pattern.match(low, start)
                if found is not None:
                    raw.append((frag.cls, start, -found.end(), frag.rank, frag.label))
        return self._resolve(raw), vendors

    def _resolve(self, raw: list[tuple[int, int, int, int, str]]) -> list[list[Hit]]:
        out: list[list[Hit]] = [[] for _ in self.classes]
        last = [-1] * len(self.classes)
        raw.sort()
        new = tuple.__new__  # Hit(...) without the Python-level NamedTuple __new__
        for c, start, neg_end, _rank, label in raw:
            if start >= last[c]:
                out[c].append(new(Hit, (start, -neg_end, label)))
                last[c] = -neg_end
        return out


def _holds(text: str, required: tuple[tuple[str, ...], ...]) -> bool:
    """``text`` holds one literal of each set in ``required``."""
    for option in required:
        for literal in option:
            if literal in text:
                break
        else:
            return False
    return True


def _line_starts(text: str) -> Iterable[int]:
    yield 0
    i = text.find("\n")
    while i >= 0:
        yield i + 1
        i = text.find("\n", i + 1)


def _vendor_at(norm: str, low: str, start: int, names: Sequence[VendorName]) -> VendorMatch | None:
    """The longest vendor name at ``start`` (an optional possessive "'s" included)."""
    for v in names:
        text = low if v.anycase else norm
        if not text.startswith(v.surface, start):
            continue
        end = start + len(v.surface)
        if norm[end : end + 2] in _SUFFIX_S and not _continues(norm, end + 2):
            return VendorMatch(start, end + 2, v)
        if not _continues(norm, end):
            return VendorMatch(start, end, v)
    return None


def _continues(text: str, pos: int) -> bool:
    """A word character or "+" follows (so a name ending before ``pos`` is cut short)."""
    if pos >= len(text):
        return False
    ch = text[pos]
    return ch == "+" or ch == "_" or ch.isalnum()
