"""Vendors the event store already knows as FR vendors (their names come from the
timeline, passed in by the pipeline): an item naming one of them is FR news even with
no face word in it ("Orrin's halt, explained" after Orrin's face-search pause, "Orrin
drops casino clients" after Orrin's face-matching launch).

Extraction stays pure: the names are an input, like the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

_CAP = re.compile(r"^[A-Z][\w&+.-]{3,}$")


class KnownHit(NamedTuple):
    start: int
    end: int  # includes a possessive "'s"
    vendor: str


@dataclass(frozen=True)
class KnownVendors:
    """Compiled names: each full name, and the first word of a longer one ("Orrin" for
    "Orrin Biometrics") when it is a capitalised word of four letters or more."""

    pattern: re.Pattern[str]
    canonical: dict[str, str]

    def find(self, text: str) -> list[KnownHit]:
        return [
            KnownHit(m.start(), m.end(), self.canonical[m.group(1)])
            for m in self.pattern.finditer(text)
        ]


def known_vendors(names: Iterable[str], exact: Iterable[str] = ()) -> KnownVendors | None:
    """The matcher for ``names`` and ``exact`` (None when there are none); cached per
    name set. ``exact``: names matched only in full (vendors known from less, whose
    first word may be a product's: "Lumo" of "Lumo ID")."""
    return _compile(tuple(sorted(set(names))), tuple(sorted(set(exact))))


@lru_cache(maxsize=8)
def _compile(names: tuple[str, ...], exact: tuple[str, ...] = ()) -> KnownVendors | None:
    canonical: dict[str, str] = {}
    for name in names:
        canonical.setdefault(name, name)
        first = name.split()[0]
        if first != name and _CAP.match(first):
            canonical.setdefault(first, name)
    for name in exact:
        canonical.setdefault(name, name)
    if not canonical:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True))
    # a possessive: "Orrin's", "Orrins'" and the bare German genitive "Orrins"
    pattern = re.compile(rf"(?<![\w-])({alternation})(?:['’]s?|s['’]?)?(?![\w-])")
    return KnownVendors(pattern, canonical)
