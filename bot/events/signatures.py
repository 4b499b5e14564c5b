"""Text signals for event clustering: normalised words, names, MinHash signatures.

``terms`` and ``names`` are what two reports are compared on (stopwords and words
every facial-recognition story uses are dropped, see ``bot/data/events.yaml``);
``text_bands`` are the MinHash LSH band hashes that ``store.events`` indexes so a
near-duplicate copy is found by one indexed lookup, whatever its extracted fields.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.yaml_loader import load_data

NUM_HASHES = 16
BANDS = 4  # 4 bands of 4 bins: copies with Jaccard >= ~0.7 share a band
ROWS = NUM_HASHES // BANDS
SHINGLE = 3
_PRIME = (1 << 61) - 1
_MIX = 0x9E3779B1  # odd: multiplying by it permutes 32-bit values
_MASK = (1 << 32) - 1
_REST_BITS = 32 - (NUM_HASHES - 1).bit_length()
_REST_MASK = (1 << _REST_BITS) - 1
EMPTY = 1 << 32

_WORD = re.compile(r"[a-z0-9]+")
_CAPS_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# --------------------------------------------------------------------------- words


@lru_cache(maxsize=1)
def word_lists() -> dict[str, Any]:
    path = Path(__file__).parent.parent / "data" / "events.yaml"
    data: dict[str, Any] = load_data(path)
    data["_skip"] = frozenset(str(data["stopwords"]).split()) | frozenset(
        str(data["generic"]).split()
    )
    concepts = dict(data.get("concepts") or {})
    data["_concept"] = {
        variant: CONCEPT + stem(str(word))
        for word, variants in concepts.items()
        for variant in (str(word), *str(variants).split())
    }
    return data


def normalise(text: str) -> str:
    """Lower case, accents removed: ``Réglementé`` → ``reglemente``."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def words(text: str) -> tuple[str, ...]:
    return _words(text) if len(text) > 200 else tuple(_WORD.findall(normalise(text)))


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[str, ...]:  # an entry's text is split for words and shingles
    return tuple(_WORD.findall(normalise(text)))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A deliberately crude suffix strip: pause, pauses, paused, pausing → paus."""
    if len(word) <= 4 or word.isdigit():
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class _WordMemo(dict[str, str]):
    """word → its stem as a distinctive word, or '' when it is not one (a stopword or
    generic word, shorter than 3 letters, or, with ``skip_stems``, stemming to one).
    Looked up through ``map`` so a known word costs one dict probe; cleared when
    it reaches ``_MEMO_SIZE`` words so odd tokens cannot grow it without bound."""

    def __init__(self, skip_stems: bool) -> None:
        super().__init__()
        self.skip_stems = skip_stems

    def __missing__(self, word: str) -> str:
        skip: frozenset[str] = word_lists()["_skip"]
        found = "" if word in skip or len(word) < 3 else stem(word)
        if self.skip_stems and found in skip:
            found = ""
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[word] = found
        return found


_MEMO_SIZE = 1 << 17
_TERM_OF = _WordMemo(skip_stems=True)
_NAME_OF = _WordMemo(skip_stems=False)


def _dropped(exclude: Iterable[str]) -> set[str]:
    """The stems of ``exclude``'s words, and the concepts they are words of (a vendor
    "Ardent Gyms" says nothing about gyms)."""
    concept = word_lists()["_concept"]
    return {s for item in exclude for w in words(item) for s in (stem(w), concept.get(w, ""))}


CONCEPT = "~"  # a concept's mark among a report's terms (no word starts with it)


def terms(text: str, exclude: Iterable[str] = ()) -> frozenset[str]:
    """Distinctive words of ``text`` (stemmed), plus, marked with ``CONCEPT``, the
    English word of each word that ``concepts`` in bot/data/events.yaml lists (the
    English word itself included: "amende", "Bussgeld" and "fine" all give "~fine"),
    without those in ``exclude``. Matching counts a concept only beside other shared
    evidence (``bot.events.overlap``)."""
    unique = set(words(text))
    found = set(map(_TERM_OF.__getitem__, unique))
    concept = word_lists()["_concept"]
    found.update(concept[w] for w in unique if w in concept)
    found.discard("")
    return frozenset(found.difference(_dropped(exclude)) if exclude else found)


def names(title: str, summary: str, exclude: Iterable[str] = ()) -> frozenset[str]:
    """Distinctive words written with a capital inside a sentence (places, people,
    organisations). A Title Case headline says nothing, so it is skipped."""
    capitals: list[str] = []
    for part in (title, summary):
        matches = list(_CAPS_WORD.finditer(part))
        upper = [match for match in matches if match[0][0].isupper()]
        if not upper or (part is title and len(upper) > 0.6 * len(matches)):
            continue
        for match in upper:
            start = match.start()
            before = part[max(0, start - 3) : start].rstrip()
            if before and before[-1] not in ".!?;:":
                capitals.append(match[0])
    if not capitals:
        return frozenset()
    found = set(map(_NAME_OF.__getitem__, set(words(" ".join(capitals)))))
    found.discard("")
    return frozenset(found.difference(_dropped(exclude)) if exclude else found)


def opening_names(title: str, summary: str) -> frozenset[str]:
    """Names that open a sentence (a headline's first word, the summary's, a word after a
    colon): ``names`` leaves them out, since any word is capitalised there, but a place,
    a body or a person is what an authority's report opens with ("Oberhalden's assembly …",
    "Esterholt's deputies …"). Kept when the word is none of the commonest words of any item
    language; a German place adjective also gives its place ("Oberhaldener Kreistag" →
    Oberhalden, as "Oberhalden's assembly" names it). Each carries ``OPENING`` in front: weaker
    evidence than a name inside a sentence, matching sees it apart (``bot.events.matching``)."""
    from bot.extract.lexicon import common_anywhere  # (pure word lists, loaded lazily)

    found: set[str] = set()
    for part in (title, summary):
        for match in _CAPS_WORD.finditer(part):
            word, start = match[0], match.start()
            if not word[0].isupper():
                continue
            before = part[max(0, start - 3) : start].rstrip()
            if before and before[-1] not in ".!?;:":
                continue  # inside a sentence: ``names`` has it
            if common_anywhere(word.split("'")[0].split("’")[0]):
                continue
            found.update(map(_NAME_OF.__getitem__, words(word)))
    for match in _PLACE_ADJECTIVE.finditer(f"{title} {summary}"):
        found.add(_NAME_OF[normalise(match[1]).strip()])
    found.discard("")
    return frozenset(OPENING + word for word in found)


OPENING = "^"  # an opening name's mark among a report's names (no word starts with it)
# a capitalised German place adjective before a capitalised noun ("Stuttgarter Aufsicht")
_PLACE_ADJECTIVE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{3,})er\s+(?=[A-ZÄÖÜ][a-zäöüß])")


def capital_heads(title: str, summary: str, limit: int = 24) -> tuple[str, ...]:
    """The first word (as a vendor key starts) of every capitalised word of the report,
    a sentence's opening one included ("Kestrel-Türklingeln" → kestrel): the vendor keys a
    report naming no vendor may still name (``bot.events.matching.vendor_named``)."""
    found: dict[str, None] = {}
    for part in (title, summary):
        for match in _CAPS_WORD.finditer(part):
            if match[0][0].isupper():
                head = words(match[0])
                if head and len(head[0]) >= 3 and not head[0].isdigit():
                    found.setdefault(head[0])
    return tuple(found)[:limit]


def name_word(word: str) -> str:
    """``word`` (lower case) as ``names`` keeps it ('' when dropped)."""
    return _NAME_OF[word]


def vendor_key(name: str | None) -> str:
    """Case-, accent- and punctuation-insensitive vendor identity ('' when unknown)."""
    return " ".join(words(name or ""))


@lru_cache(maxsize=4096)
def product_terms(product: str | None, vendor: str | None = None) -> frozenset[str]:
    """Distinctive words of a product name, without the vendor's name."""
    return terms(product or "", exclude=(vendor,) if vendor else ())


# --------------------------------------------------------------------------- signatures


def shingles(text: str) -> set[bytes]:
    """Word ``SHINGLE``-grams of the normalised text (the whole text when shorter)."""
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode()} if tokens else set()
    joined = " ".join(tokens).encode()  # tokens are ASCII: one byte per character
    starts = list(itertools.accumulate((len(t) + 1 for t in tokens), initial=0))
    return {joined[starts[i] : starts[i + SHINGLE] - 1] for i in range(len(tokens) - SHINGLE + 1)}


def minhash(grams: set[bytes]) -> tuple[int, ...]:
    """One-permutation MinHash: each shingle's hash (CRC-32, then a multiplicative mix)
    falls into one of ``NUM_HASHES`` bins by its top bits, and each bin keeps its
    minimum (``EMPTY`` when no shingle fell in). One hash per shingle keeps signing
    an entry to a few hundredths of a millisecond."""
    if not grams:
        return ()
    bins = [EMPTY] * NUM_HASHES
    for value in [(zlib.crc32(g) * _MIX) & _MASK for g in grams]:
        slot, rest = value >> _REST_BITS, value & _REST_MASK
        if rest < bins[slot]:
            bins[slot] = rest
    return tuple(bins)


def band_hashes(signature: Sequence[int]) -> list[tuple[int, int]]:
    """LSH bands: (band, 63-bit hash of its ``ROWS`` values); equal bands → candidates."""
    bands: list[tuple[int, int]] = []
    for band in range(BANDS if signature else 0):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        if EMPTY in rows:  # too few shingles to say anything about this band
            continue
        value = band + 1
        for item in rows:
            value = (value * 1_000_003 + item) % _PRIME
        bands.append((band, value))
    return bands


def text_bands(text: str) -> list[tuple[int, int]]:
    """``band_hashes(minhash(shingles(text)))`` in one pass: a bin keeps a minimum, so
    hashing each shingle as it is cut (repeats included) gives the same signature."""
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return band_hashes(minhash(shingles(text)))
    joined = " ".join(tokens).encode()  # tokens are ASCII: one byte per character
    ends = list(itertools.accumulate((len(t) + 1 for t in tokens), initial=0))
    crc32, bins = zlib.crc32, [EMPTY] * NUM_HASHES
    for start, end in zip(ends, ends[SHINGLE:], strict=False):
        value = (crc32(joined[start : end - 1]) * _MIX) & _MASK
        slot, rest = value >> _REST_BITS, value & _REST_MASK
        if rest < bins[slot]:
            bins[slot] = rest
    return band_hashes(bins)


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of bins that agree, over bins not empty in both."""
    pairs = [(x, y) for x, y in zip(a, b, strict=False) if x != EMPTY or y != EMPTY]
    return sum(x == y for x, y in pairs) / len(pairs) if pairs else 0.0
