"""One vendor under several names (pure): a report may give an unknown vendor's full
name, its short name, its product's name, or another long form of one distinctive first
word. ``bot.events.matching`` asks these questions of every candidate event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.events.signatures import stem, vendor_key


def same_vendor(a: str, b: str) -> bool:
    """Two vendor keys name one company when one is the other's leading words
    (``same_name``), or when one of them is a name the gazetteer gives the other's
    company (a former name, an alias, a brand reported under its parent: "Ever" and
    "Paravision", whose gazetteer entry has "Ever AI"), told under either name."""
    return _under_any_form(a, b, same_name)


def same_name(a: str, b: str) -> bool:
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


@lru_cache(maxsize=4096)
def company_forms(key: str) -> tuple[str, ...]:
    """The other keys of the gazetteer company that ``key`` names (its canonical name,
    aliases and brands reported under it); () for a vendor the gazetteer does not know.
    (The gazetteer is read on first use, as ``distinctive_head`` reads its word lists.)"""
    return _forms_by_key().get(key, ())


@lru_cache(maxsize=1)
def _forms_by_key() -> dict[str, tuple[str, ...]]:
    from bot.vendor_lookup import gazetteer

    companies: dict[str, set[str]] = {}
    for alias, canonical in gazetteer().items():
        companies.setdefault(vendor_key(canonical), set()).add(vendor_key(alias))
    forms: dict[str, tuple[str, ...]] = {}
    for canonical, keys in companies.items():
        keys = {k for k in keys | {canonical} if k}
        for k in keys:
            forms[k] = tuple(sorted(keys - {k}))
    return forms


def vendor_head(key: str) -> str:
    """The first word of a vendor key: every key ``same_vendor`` accepts starts with it."""
    return key.split(" ", 1)[0]


def vendor_words(key: str) -> frozenset[str]:
    return frozenset(stem(word) for word in key.split())


def history_names(name: str, known: Iterable[str], makers: Iterable[str] = ()) -> tuple[str, ...]:
    """The other vendor keys in ``known`` (the keys the store holds events under) that
    file ``name``'s history: its short and long forms, the gazetteer's other names of
    its company and, when ``name`` is a product the store has seen with one company
    (``makers``: the keys of the vendors seen naming it), that company's keys. Stricter
    than ``same_vendor``, which joins reports: two longer forms of one first word stay
    apart ("Nordic Vision", "Nordic Analytics"), a generic single word is no short form,
    and any doubt (a short form that another company's name also extends, a product two
    companies named) gives () -- only the exact name's history."""
    key = vendor_key(name)
    keys = {vendor_key(k) for k in known} - {""}
    owners = {vendor_key(m) for m in makers} - {"", key}
    if not _one_company_all(owners):
        owners = set()  # a product two companies named has no owner
    anchors = {key} | owners
    family = {k for k in keys if any(one_company(k, a) for a in anchors)} | owners
    company = family - ({key} if owners else set())  # a product's link is its maker
    if not _one_company_all(company):
        return ()
    outside = keys - family - {key}
    if any(_leading_words(f, k) for f in family | {key} for k in outside):
        return ()  # a shared form another company's name also extends
    return tuple(sorted(family - {key}))


def one_company(a: str, b: str) -> bool:
    """Two vendor keys surely name one company: one is the other's leading words (a short
    form of two words or more, or of one distinctive word), or one is a gazetteer name
    of the other's company (or such a name's long form)."""
    return _under_any_form(a, b, _leading_words)


def _under_any_form(a: str, b: str, match: Callable[[str, str], bool]) -> bool:
    """``match`` holds between the two keys, or between one and a gazetteer form of the
    other's company."""
    if match(a, b):
        return True
    if not a or not b:
        return False
    return any(match(form, b) for form in company_forms(a)) or any(
        match(a, form) for form in company_forms(b)
    )


def _leading_words(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not long.startswith(short + " "):
        return False
    return " " in short or distinctive_head(short)


def _one_company_all(keys: set[str]) -> bool:
    ordered = sorted(keys)
    return all(one_company(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
