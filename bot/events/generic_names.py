"""A vendor key the extraction read from a common word is no identity (pure).

The extraction sometimes keys a vendor's report by a word that names no company: a
product noun ("the API", "its SDK"), a customer ("Retail chains lose …"), a sentence
word. Keyed so, two vendors' changes told the same week share the key and merge
("the API gets an application form" at one cloud, then at another), and one vendor's
change is split between its own name and the common word. Matching therefore reads
such a key as standing for the company the report names:

* ``generic_named``: a report keyed by a common word whose words name the other
  side's vendor ("Kinnear's Lookup API …" keyed "API", and Kinnear Labs' report) is
  that vendor's;
* ``generic_apart``: two reports keyed by the same common word, where the report's
  headline names companies (capitalised words that are no common word) the event's
  reports never write, are two companies' changes (a vendor whose name is a common
  word, "… perdem o serviço da Retrato", names no other company in its headline).

A key counts as a common word when it is one word, one of the commonest words of
some item language, and no gazetteer name ("Marrow" alone is a common English word
too: it is kept for what it is unless the other side's vendor is named beside it).
Only vendors' reports and comments are read so; an authority's report keeps its key
(its subject has rules of its own, ``bot.events.identity``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.events.profile import AUTHORITIES, Profile
from bot.events.signatures import OPENING, name_word, words

_CAPS_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=4096)
def generic_key(key: str) -> bool:
    """``key`` (a vendor key) is one common word of some item language that the
    gazetteer gives no vendor. (Word lists and gazetteer are read on first use.)"""
    if not key or " " in key:
        return False
    from bot.extract.lexicon import common_anywhere

    return common_anywhere(key) and key not in _gazetteer_keys()


@lru_cache(maxsize=1)
def _gazetteer_keys() -> frozenset[str]:
    from bot.events.signatures import vendor_key
    from bot.vendor_lookup import gazetteer

    return frozenset(vendor_key(alias) for alias in gazetteer())


def company_heads(title: str, summary: str, key: str) -> tuple[str, ...]:
    """The first words of the report's capitalised words that are no common word
    (headline first, each once, not ``key``): the companies a report keyed by a common
    word may be about."""
    from bot.extract.lexicon import common_anywhere

    found: dict[str, None] = {}
    for part in (title, summary):
        for match in _CAPS_WORD.finditer(part):
            if not match[0][0].isupper():
                continue
            head = words(match[0])
            if not head or len(head[0]) < 3 or head[0].isdigit() or head[0] == key:
                continue
            if not common_anywhere(head[0]):
                found.setdefault(head[0])
    return tuple(found)


def _keyed_generic(profile: Profile) -> bool:
    return profile.actor_type not in AUTHORITIES and generic_key(profile.vendor_key)


def _writes(profile: Profile, head: str) -> bool:
    word = name_word(head)
    return bool(word) and (
        word in profile.names or word in profile.terms or OPENING + word in profile.names
    )


def generic_named(new: Profile, event: Profile) -> bool:
    """One side is keyed by a common word and its reports write the other side's vendor
    (its key's first word): both are that vendor's reports."""
    if not new.vendor_key or not event.vendor_key or new.vendor_key == event.vendor_key:
        return False
    if AUTHORITIES & {new.actor_type, event.actor_type}:
        return False
    if _keyed_generic(event) and not _keyed_generic(new):
        return _writes(event, new.vendor_key.split(" ", 1)[0])
    if _keyed_generic(new) and not _keyed_generic(event):
        head = event.vendor_key.split(" ", 1)[0]
        return head in new.heads or _writes(new, head)
    return False


def generic_apart(new: Profile, event: Profile) -> bool:
    """Both are keyed by the same common word, and the report's headline names
    companies (``Profile.heads``) none of which the event's reports write: another
    company's change."""
    if new.vendor_key != event.vendor_key or not _keyed_generic(new) or not new.heads:
        return False
    return not any(_writes(event, head) for head in new.heads)
