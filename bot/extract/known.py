"""Vendors the event store already knows as FR vendors (their names come from the
timeline, passed in by the pipeline): an item naming one of them is FR news even with
no face word in it ("Orrin's halt, explained" after Orrin's face-search pause, "Orrin
drops casino clients" after Orrin's face-matching launch).

Extraction stays pure: the names are an input, like the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from bot.extract import compiled, lexicon
from bot.extract.gate import WordGate
from bot.yaml_loader import load_data

_CAP = compiled.compile(r"^[A-Z][\w&+.-]{3,}$")


class KnownHit(NamedTuple):
    start: int
    end: int  # includes a possessive "'s"
    vendor: str


@dataclass(frozen=True)
class KnownVendors:
    """Compiled names: each full name, and the first word of a longer one ("Orrin" for
    "Orrin Biometrics") when it is a capitalised word of four letters or more. A short
    name reports the company's long name when the store knows one that is the short name
    and company suffixes ("Orrin" → "Orrin Biometrics", not "Orrin Match"), else the one
    longer form the store knows ("Orrin" → "Orrin Home": the longest form the timeline
    supports; with two such forms, "Orrin Home" and "Orrin Match", no guess); a name
    followed by company suffixes in the text reports them too ("Orrin AI")."""

    pattern: re.Pattern[str]
    canonical: dict[str, str]
    gate: WordGate = field(compare=False)  # the pattern, tried only where a name can start
    # first words of longer names that stand for them alone ("Orrin" of "Orrin Biometrics")
    shorts: frozenset[str] = frozenset()

    def find(self, text: str) -> list[KnownHit]:
        return [
            KnownHit(m.start(), m.end(), _reported(self.canonical, m.group(1), m.group(2)))
            for m in self.gate.finditer(text)
            if not (
                m.group(1) in self.shorts
                and m.end() == m.end(1)  # no suffix, no possessive ("Orrins Kunden")
                and _other_name(text, m.end())
            )
        ]


_NEXT_NAME = compiled.compile(r"[ ]([A-ZÀ-Þ][\w-]{2,})")


def _other_name(text: str, end: int) -> bool:
    """The short name is the first word of another name: a capitalised word follows that is
    no company suffix, product noun or common word ("Halden Marquez" is not "Halden Biometrics";
    "Orrin Photos", "Orrin Drops …" in a title-case headline still are Orrin)."""
    m = _NEXT_NAME.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if _names_a_product(word) or lexicon.common_anywhere(word):
        return False
    # German capitalises every noun ("zur Orrin Datenbank"): there the word may be a noun
    from bot.extract.language import detect

    return detect(text.lower()) != "de"


def _reported(canonical: dict[str, str], name: str, suffixes: str) -> str:
    """The name a hit reports: the text's own company form when company suffixes follow
    ("Orrin Cloud" in the text beats the store's "Orrin Vision", a product's name)."""
    if suffixes and not canonical[name].startswith(name + suffixes):
        return name + suffixes
    return canonical[name]


def known_vendors(names: Iterable[str], exact: Iterable[str] = ()) -> KnownVendors | None:
    """The matcher for ``names`` and ``exact`` (None when there are none); cached per
    name set. ``exact``: names matched only in full (vendors known from less, whose
    first word may be a product's: "Lumo" of "Lumo ID")."""
    return _compile(tuple(sorted(set(names))), tuple(sorted(set(exact))))


@lru_cache(maxsize=8)
def _compile(names: tuple[str, ...], exact: tuple[str, ...] = ()) -> KnownVendors | None:
    suffix = _suffix()  # (for the pattern below)
    canonical: dict[str, str] = {}
    longer: dict[str, set[str]] = {}  # a short name → the store's longer forms of it
    for name in names:
        canonical.setdefault(name, name)
        first, _, rest = name.partition(" ")
        if rest and _CAP.match(first):  # the short name of a company, not of a product
            company = is_company_form(first, name)
            canonical.setdefault(first, name if company else first)
            if company and canonical[first] == first:
                canonical[first] = name
            longer.setdefault(first, set()).add(name)
    for first, forms in longer.items():
        if canonical[first] == first and len(forms) == 1:
            form = next(iter(forms))  # the one long form the store knows
            if not _names_a_product(form[len(first) + 1 :]):
                canonical[first] = form  # unless its extra words name a product
    for name in exact:
        canonical.setdefault(name, name)
    if not canonical:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True))
    # a possessive: "Orrin's", "Orrins'" and the bare German genitive "Orrins"
    # (compiled in each process: the names change with the store, so keeping them per
    # machine would only grow the file of compiled patterns)
    pattern = re.compile(
        rf"(?<![\w-])({alternation})((?:[ ]{suffix.pattern})*)(?:['’]s?|s['’]?)?(?![\w-])"
    )
    shorts = frozenset(first for first in longer if first not in names)
    return KnownVendors(pattern, canonical, WordGate(pattern, keep=False), shorts)


def _names_a_product(words: str) -> bool:
    """One of ``words`` is a product or feature noun ("Photos", "Lens", "Gallery": the
    longer form "Orrin Photos" is a product of Orrin's, not the company's full name)."""
    nouns = _product_words()
    return any(lexicon.normalise(word) in nouns for word in words.split())


@lru_cache(maxsize=1)
def _product_words() -> frozenset[str]:
    """Product and feature nouns: every language's ``lexicon.product_nouns`` and the
    product-name words of ``common_words/product_names.yaml``."""
    data = load_data(lexicon.DIR / "product_names.yaml")
    words = {lexicon.normalise(str(w)) for w in data["words"]}
    for lang in lexicon.LANGUAGES:
        words |= lexicon.product_nouns(lang)
    return frozenset(words)


def is_company_form(short: str, name: str) -> bool:
    """``name`` is ``short`` followed by company suffixes only ("Orrin" → "Orrin Labs")."""
    if not name.startswith(short + " "):
        return False
    suffix = _suffix()
    return all(suffix.fullmatch(word) for word in name[len(short) + 1 :].split())


def _suffix() -> re.Pattern[str]:
    """A company-name suffix word ("AI", "Labs"), from cues.yaml ``company_names``."""
    from bot.extract.resources import company_suffix

    return company_suffix()
