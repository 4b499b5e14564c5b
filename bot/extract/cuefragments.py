"""The cue fragments of ``bot.extract.cueindex``: a cue (a pattern and its language) is
split into the fragments one index entry can hold, each with the literal text it starts
with, whether one token decides it, what its first token must match, and, for a fragment
with no literal start, the literals a text must hold before it is tried. Fragments whose
first word is the same are grouped behind one gate regex.

Splitting every cue of the data files (some 5,000 fragments) is Python string work that
took a short ``poll`` a tenth of its CPU in every process that extracts; ``split_cues``
keeps its result per machine in compiled.py's file, keyed by the cues and by this
module's, ``cueclass``'s and ``literals``'s own source, so an edit of any of them splits them anew."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.extract import compiled, cueclass, literals
from bot.extract.cueclass import distribute, expand, factored, split_top
from bot.extract.literals import needed_literals

_ACRONYM = compiled.compile(r"^[A-Z][A-Z0-9.\\]+$")
# A fragment made of letters, \w, letter classes ("[sz]") and groups matches one word.
_ONE_WORD = compiled.compile(r"^(?:[^\W_]|\\w|\[[^\W_]+\]|\(\?:|[|)?*+])+$")
_LETTER_CLASS = compiled.compile(r"\[[^\W_]+\]")

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


@dataclass(frozen=True)
class Fragment:
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
    # no head, or a line start: sets of literals the text must hold one of each before
    # the fragment is tried (none: always tried)
    required: tuple[tuple[str, ...], ...] = ()

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
class Group:
    """Longer fragments tried at one token, behind one gate regex (their alternation),
    so a common first word ("the", "police") costs one failed match."""

    fragments: tuple[Fragment, ...]
    cased: bool
    langs: int  # the union of its fragments' language bits

    @cached_property
    def gate_source(self) -> str:
        """The fragments' alternation with their shared starts factored out (worked out
        when a text first needs the gate: most groups are never tried in a cycle)."""
        return factored(sources(self.fragments))

    @cached_property
    def gate(self) -> re.Pattern[str]:
        try:
            return compiled.compile(self.gate_source)
        except re.error:  # the factored form (see _group) of some exotic fragment
            return compiled.compile(f"(?:{'|'.join(sources(self.fragments))})")


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


# one class's labels in priority order, each with its cues
ClassCues = Sequence[tuple[str, Sequence[Cue]]]


def split_cues(
    classes: Sequence[ClassCues], cache: compiled.Compiled | None = None
) -> list[Fragment]:
    """The fragments of every class's labels' cues, in order (class, label rank, cue):
    ``fragments_of`` of each, kept per machine in ``cache`` (default: compiled.py's
    file; see the module docstring)."""
    plain = tuple(tuple((label, tuple(map(tuple, cues))) for label, cues in labels)
                  for labels in classes)  # fmt: skip

    def work() -> list[tuple[object, ...]]:
        return [_row(frag) for c, labels in enumerate(plain)
                for rank, (label, cues) in enumerate(labels)
                for frag in fragments_of(c, rank, label, (Cue(*cue) for cue in cues))]  # fmt: skip

    code = _code_digest()
    if not code:
        return [Fragment(*row) for row in work()]  # type: ignore[arg-type]
    key = compiled.digest(marshal.dumps((code, plain))).hex()
    rows = (cache or compiled.CACHE).derived("cue-fragments", key, 0, work)
    return [Fragment(*row) for row in rows]


def _row(frag: Fragment) -> tuple[object, ...]:
    return (frag.cls, frag.rank, frag.label, frag.source, frag.word_source, frag.first_source,
            frag.head, frag.cased, frag.langs, frag.required)  # fmt: skip


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """A digest of the code that splits cues (empty when its source cannot be read:
    then nothing is kept)."""
    try:
        sources = (cueclass.__file__, literals.__file__, __file__)
        return compiled.digest(b"".join(Path(path).read_bytes() for path in sources))
    except OSError:
        return b""


def fragments_of(c: int, rank: int, label: str, cues: Iterable[Cue]) -> Iterable[Fragment]:
    for raw, lang in cues:
        cased = bool(_ACRONYM.match(raw)) or raw.startswith("(?-i:")
        source = raw.replace("(?-i:", "(?:", 1) if cased else raw.lower()
        langs = language_mask(lang)
        for variant in distribute(source):
            for part in split_top(variant):
                for piece in distribute(part) if part != variant else [part]:
                    yield _fragment(c, rank, label, piece, cased, langs)


def _fragment(c: int, rank: int, label: str, variant: str, cased: bool, langs: int) -> Fragment:
    if variant.startswith("(?m:^)"):
        source = expand(variant[6:]) + r"(?![\w])"
        return Fragment(c, rank, label, source, None, None, "^", cased, langs,
                         _required(source))  # fmt: skip
    head = _head(variant)
    if not head:  # searched for (rarely: only when the text holds its literals)
        source = r"(?<![\w])" + expand(variant) + r"(?![\w])"
        literal = _literal(variant)
        return Fragment(c, rank, label, source, None, None, "", cased, langs,
                         _required(source, (literal,) if literal else _alternatives(variant)))  # fmt: skip
    source = expand(variant) + r"(?![\w])"
    if _ONE_WORD.match(variant):
        return Fragment(c, rank, label, source, variant, None, head, cased, langs)
    return Fragment(c, rank, label, source, None, _first_word(variant) or None, head, cased,
                     langs)  # fmt: skip


_MAX_REQUIRED = 3  # sets of literals checked before a fragment is searched


def _required(source: str, read: tuple[str, ...] = ("",)) -> tuple[tuple[str, ...], ...]:
    """The sets of literals that a text must hold one of each before ``source`` is tried:
    ``read`` (from the fragment's text) and those of the parsed pattern ("year"/"month"
    and "on"/"later" in "(?:years?|months?) (?:on|later)"), the longest first."""
    found = {tuple(sorted(option)) for option in needed_literals(source)}
    if all(read):
        found.add(tuple(sorted(set(read))))
    ranked = sorted(found, key=lambda o: (-min(map(len, o)), len(o), o))
    return tuple(ranked[:_MAX_REQUIRED])


def group_key(frag: Fragment) -> tuple[str, bool]:
    return (frag.first_source or frag.source, frag.cased)


def group_of(fragments: list[Fragment]) -> Group:
    langs = 0
    for f in fragments:
        langs |= f.langs
    # The gate only says whether some fragment matches: their shared start is tried once.
    return Group(tuple(fragments), fragments[0].cased, langs)


def sources(fragments: Iterable[Fragment]) -> list[str]:
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


_PLAIN_ALTERNATIVES = compiled.compile(r"\(\?:([a-z0-9' -]+(?:\|[a-z0-9' -]+)+)\)(?![?*{])")


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
