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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import is_not
from typing import NamedTuple

from bot.extract import compiled
from bot.extract.cueclass import by_first_letter, distribute, expand, factored, split_top

TOKEN = re.compile(r"\w+")
_SPLIT = re.compile(r"(\W+)")  # the complement of TOKEN, kept: words and separators alternate
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\\]+$")
# A fragment made of letters, \w, letter classes ("[sz]") and groups matches one word.
_ONE_WORD = re.compile(r"^(?:[^\W_]|\\w|\[[^\W_]+\]|\(\?:|[|)?*+])+$")
_LETTER_CLASS = re.compile(r"\[[^\W_]+\]")
_CACHE_LIMIT = 200_000
_SUFFIX_S = frozenset(["'s", "’s"])


LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
ANY_LANGUAGE = "any"
ALL_LANGUAGES = (1 << len(LANGUAGES)) - 1


def language_mask(*langs: str) -> int:
    """The bit set of ``langs`` ("any" sets every bit)."""
    mask = 0
    for lang in langs:
        mask |= ALL_LANGUAGES if lang == ANY_LANGUAGE else 1 << LANGUAGES.index(lang)
    return mask


class Cue(NamedTuple):
    """One cue fragment and the language whose items it is matched in."""

    pattern: str
    lang: str = ANY_LANGUAGE


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


@dataclass(frozen=True)
class _Fragment:
    """One fragment; its regexes are compiled the first time a text needs them (an
    index holds a few thousand, and a small cycle touches a few hundred)."""

    cls: int
    rank: int  # label priority within the class (lower wins)
    label: str
    source: str  # the whole fragment, anchored by .match at a token
    word_source: str | None  # one-word fragments: decided on the token alone
    first_source: str | None  # longer fragments: what their first token must match
    head: str  # literal start ("" for any token; "0" for a digit; "^" for a line start)
    cased: bool  # matched against the original text (acronyms)
    langs: int  # language bits of the items it is matched in
    # no head: literals the text must hold one of before the fragment is tried
    required: tuple[str, ...] = ("",)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return compiled.compile(self.source)

    @cached_property
    def word(self) -> re.Pattern[str] | None:
        return None if self.word_source is None else compiled.compile(self.word_source)

    @cached_property
    def first(self) -> re.Pattern[str] | None:
        return None if self.first_source is None else compiled.compile(self.first_source)


@dataclass(frozen=True)
class _Group:
    """Longer fragments tried at one token, behind one gate regex (their alternation),
    so a common first word ("the", "police") costs one failed match."""

    fragments: tuple[_Fragment, ...]
    cased: bool
    langs: int  # the union of its fragments' language bits

    @cached_property
    def gate_source(self) -> str:
        """The fragments' alternation with their shared starts factored out (worked out
        when a text first needs the gate: most groups are never tried in a cycle)."""
        return factored(_sources(self.fragments))

    @cached_property
    def gate(self) -> re.Pattern[str]:
        try:
            return compiled.compile(self.gate_source)
        except re.error:  # the factored form (see _group) of some exotic fragment
            return compiled.compile(f"(?:{'|'.join(_sources(self.fragments))})")


class _Entry(NamedTuple):
    """What one token can start: decided one-word hits, fragments to try, vendor names."""

    hits: tuple[tuple[int, int, str, int], ...]  # (class, rank, label, language bits)
    tries: tuple[_Group, ...]
    vendors: tuple[VendorName, ...]


_EMPTY = _Entry((), (), ())


class _LangEntry(NamedTuple):
    """What one token can start in items of one set of languages: its decided hits,
    the single fragments and the gated groups (with their fragments of those
    languages) to try, and vendor names."""

    hits: tuple[tuple[int, int, str], ...]  # (class, rank, label)
    singles: tuple[_Fragment, ...]
    groups: tuple[tuple[_Group, tuple[_Fragment, ...]], ...]
    vendors: tuple[VendorName, ...]


_NOTHING = _LangEntry((), (), (), ())


def _for_langs(entry: _Entry, langs: int) -> _LangEntry:
    """``entry`` as matched in items of ``langs`` (language bits)."""
    if entry is _EMPTY:
        return _NOTHING
    hits = tuple((c, rank, label) for c, rank, label, bits in entry.hits if bits & langs)
    singles: list[_Fragment] = []
    groups: list[tuple[_Group, tuple[_Fragment, ...]]] = []
    for group in entry.tries:
        if not group.langs & langs:
            continue
        if len(group.fragments) == 1:  # one fragment: it is its own gate
            singles.append(group.fragments[0])
        else:
            groups.append((group, tuple(f for f in group.fragments if f.langs & langs)))
    if not hits and not singles and not groups and not entry.vendors:
        return _NOTHING
    return _LangEntry(hits, tuple(singles), tuple(groups), entry.vendors)


def _head(fragment: str) -> str:
    """The literal text every match of ``fragment`` starts with ("" if none; "0" for
    fragments that start with a digit class)."""
    if fragment.startswith("\\d"):
        return "0"
    out: list[str] = []
    for i, ch in enumerate(fragment):
        if not (ch.isalnum() or ch == "_"):
            if ch in "?*{" and out:
                out.pop()
            break
        out.append(ch)
        if i + 1 == len(fragment):
            break
    return "".join(out)


@dataclass
class CueIndex:
    """All cue classes and vendor names, looked up by the tokens of a text."""

    classes: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]  # per class, in priority order
    _by_head: dict[str, list[_Fragment]]
    _any: tuple[_Fragment, ...]  # fragments with no literal head: tried at every token
    _line_start: tuple[_Fragment, ...]  # "(?m:^)" fragments: tried at line starts
    _vendors: dict[str, list[VendorName]]  # first token (lower-cased for anycase) → names
    _groups: dict[tuple[str, bool], _Group]  # (first word, cased) → its longer fragments
    _longest_head: int  # characters of the longest fragment head (a key of _by_head)
    _cache: dict[str, _Entry] = field(default_factory=lambda: {"": _EMPTY})  # token → entry
    # language bits → token → its entry for items of those languages
    _lang_cache: dict[int, dict[str, _LangEntry]] = field(default_factory=dict)
    # language bits → the searched and the line-start fragments matched in those items
    _unheaded: dict[int, tuple[tuple[_Fragment, ...], tuple[_Fragment, ...]]] = field(
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
        by_head: dict[str, list[_Fragment]] = {}
        any_start: list[_Fragment] = []
        line_start: list[_Fragment] = []
        for c, name in enumerate(names):
            table = tables[name]
            first = [label for label in orders.get(name, ()) if label in table]
            ordered = tuple(first + [label for label in table if label not in first])
            labels.append(ordered)
            for rank, label in enumerate(ordered):
                for frag in _fragments(c, rank, label, table[label]):
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
        grouped: dict[tuple[str, bool], list[_Fragment]] = {}
        for frags in by_head.values():
            for frag in frags:
                if frag.word_source is None:
                    grouped.setdefault(_group_key(frag), []).append(frag)
        groups = {key: _group(frags) for key, frags in grouped.items()}
        return cls(names, tuple(labels), by_head, tuple(any_start), tuple(line_start),
                   by_vendor, groups, max(map(len, by_head), default=0))  # fmt: skip

    def prefilter(self, cls: int, label: str) -> re.Pattern[str]:
        """One regex for the lower-cased text that matches wherever a fragment labelled
        ``label`` in class ``cls``, or any vendor name, could start a hit: a superset of
        what ``scan`` finds (cased fragments and names match in any case here), so a text
        it does not match has no such hit and no vendor name."""
        frags = [f for fs in self._by_head.values() for f in fs]
        parts = {f"(?i:{f.source})" if f.cased else f.source
                 for f in frags if f.cls == cls and f.label == label}  # fmt: skip
        parts |= {f.source for f in self._any if f.cls == cls and f.label == label}
        parts |= {"(?m:^)" + f.source
                  for f in self._line_start if f.cls == cls and f.label == label}  # fmt: skip
        parts |= {re.escape(v.surface.lower()) for names in self._vendors.values() for v in names}
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
        tries: list[_Group] = []
        candidates: list[_Fragment] = []
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
                group = self._groups[_group_key(frag)]
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
            for frag in singles:
                found = frag.pattern.match(norm if frag.cased else low, start)
                if found is not None:
                    raw.append((frag.cls, start, -found.end(), frag.rank, frag.label))
            for group, frags in groups:
                text = norm if group.cased else low
                if group.gate.match(text, start) is None:
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
            if any(map(low.__contains__, frag.required)):
                for found in frag.pattern.finditer(low):
                    raw.append((frag.cls, found.start(), -found.end(), frag.rank, frag.label))
        for frag in line_start:
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


def _fragments(c: int, rank: int, label: str, cues: Iterable[Cue]) -> Iterable[_Fragment]:
    for raw, lang in cues:
        cased = bool(_ACRONYM.match(raw)) or raw.startswith("(?-i:")
        source = raw.replace("(?-i:", "(?:", 1) if cased else raw.lower()
        langs = language_mask(lang)
        for variant in distribute(source):
            for part in split_top(variant):
                for piece in distribute(part) if part != variant else [part]:
                    yield _fragment(c, rank, label, piece, cased, langs)


def _fragment(c: int, rank: int, label: str, variant: str, cased: bool, langs: int) -> _Fragment:
    if variant.startswith("(?m:^)"):
        source = expand(variant[6:]) + r"(?![\w])"
        return _Fragment(c, rank, label, source, None, None, "^", cased, langs)
    head = _head(variant)
    if not head:  # searched for (rarely: only when the text holds its longest literal)
        source = r"(?<![\w])" + expand(variant) + r"(?![\w])"
        required = _literal(variant)
        return _Fragment(c, rank, label, source, None, None, "", cased, langs,
                         (required,) if required else _alternatives(variant))  # fmt: skip
    source = expand(variant) + r"(?![\w])"
    if _ONE_WORD.match(variant):
        return _Fragment(c, rank, label, source, variant, None, head, cased, langs)
    return _Fragment(c, rank, label, source, None, _first_word(variant) or None, head, cased,
                     langs)  # fmt: skip


def _group_key(frag: _Fragment) -> tuple[str, bool]:
    return (frag.first_source or frag.source, frag.cased)


def _group(fragments: list[_Fragment]) -> _Group:
    langs = 0
    for f in fragments:
        langs |= f.langs
    # The gate only says whether some fragment matches: their shared start is tried once.
    return _Group(tuple(fragments), fragments[0].cased, langs)


def _sources(fragments: Iterable[_Fragment]) -> list[str]:
    return sorted({f.source for f in fragments})


def _first_word(fragment: str) -> str | None:
    """The part of ``fragment`` that must match its whole first token: the text before
    the first top-level non-word character that is not optional ("hold(?:s|ing)?" in
    "hold(?:s|ing)? off"), when it is a one-word pattern; else None."""
    depth, i = 0, 0
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[" and _LETTER_CLASS.match(fragment, i):  # "[sz]" is part of the word
            i = fragment.index("]", i) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and ch in " -'[":
            end = fragment.find("]", i) + 1 if ch == "[" else i + 1
            if ch == "[" and (end <= 0 or re.search(r"[\w\\]", fragment[i + 1 : end - 1])):
                return None
            if fragment[end : end + 1] in ("?", "*") or fragment[end : end + 2] == "{0":
                return None
            prefix = fragment[:i]
            return prefix if prefix and _ONE_WORD.match(prefix) else None
        i += 1
    return None


def _literal(fragment: str) -> str:
    """The longest run of plain characters outside groups and classes ("n't" in
    "\\w+n't"), which every match contains."""
    best, run, depth, i = "", "", 0, 0
    while i < len(fragment):
        ch = fragment[i]
        nxt = fragment[i + 1] if i + 1 < len(fragment) else ""
        if ch == "\\":
            run, i = "", i + 2
            continue
        if ch == "[":
            close = fragment.find("]", i + 2)
            run, i = "", (close + 1 if close > 0 else len(fragment))
            continue
        if ch == "{":  # a word gap ("{w6}") or a count: no literal
            close = fragment.find("}", i)
            run, i = "", (close + 1 if close > 0 else len(fragment))
            continue
        if ch in "()|":
            depth += {"(": 1, ")": -1}.get(ch, 0)
            run = ""
        elif depth == 0 and (ch.isalnum() or ch in "'-") and nxt not in ("?", "*", "{"):
            run += ch
            best = max(best, run, key=len)
        else:
            run = ""
        i += 1
    return best


_PLAIN_ALTERNATIVES = re.compile(r"\(\?:([a-z0-9' -]+(?:\|[a-z0-9' -]+)+)\)(?![?*{])")


def _alternatives(fragment: str) -> tuple[str, ...]:
    """For a fragment with no plain literal outside groups: the words of its first
    mandatory group of plain alternatives ("day", "week", … in "\\w+ (?:day|week)"),
    one of which every match contains; ("",) when it has none."""
    depth, first, i = 0, None, 0
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: skip to its end ("]" first inside it is literal)
            close = fragment.find("]", i + 2)
            if close < 0:
                return ("",)
            i = close + 1
            continue
        if ch == "(":
            found = _PLAIN_ALTERNATIVES.match(fragment, i) if depth == 0 else None
            first = first or found
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ("",)  # a top-level alternative: no group is sure to match
        i += 1
    return tuple(first.group(1).split("|")) if first else ("",)
