"""One vendor under several names (pure): a report may give an unknown vendor's full
name, its short name, its product's name, or another long form of one distinctive first
word. ``bot.events.matching`` asks these questions of every candidate event."""

from __future__ import annotations

from functools import lru_cache

from bot.events.signatures import stem


def same_vendor(a: str, b: str) -> bool:
    """Two vendor keys name one company when one is the other's leading words: a report
    may give an unknown vendor's full name, its short name, or its product's name
    ("Ondine Analytics", "Ondine", "Ondine Scan"); or when both are longer forms of one
    distinctive first word ("Ondine Cloud" and "Ondine Vision": the company and its
    product, or two names of the company), one that is no common word of any item
    language ("Vision Labs" and "Vision Systems" are two companies)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if long.startswith(short + " "):
        return True
    head, _, rest = short.partition(" ")
    return bool(rest) and long.startswith(head + " ") and distinctive_head(head)


@lru_cache(maxsize=1024)
def distinctive_head(word: str) -> bool:
    """A first word of four letters or more that no item language uses as a common word.
    (The word lists are the extraction stage's: imported on first use, so importing this
    stage does not load the extraction package; the answers are cached.)"""
    from bot.extract.lexicon import common_anywhere

    return len(word) >= 4 and not word.isdigit() and not common_anywhere(word)


def vendor_head(key: str) -> str:
    """The first word of a vendor key: every key ``same_vendor`` accepts starts with it."""
    return key.split(" ", 1)[0]


def vendor_words(key: str) -> frozenset[str]:
    return frozenset(stem(word) for word in key.split())
