"""A company that uses facial recognition, not one that sells it (actor ``none``).

A shop chain, a landlord, a transport operator or a stadium that switches its own
cameras off, shelves a trial or runs one makes no vendor's policy change (the README's
FR users). The item says so where it names its subject: the headline opens with a user
noun ("Ferry operator pauses …", "Eastbank cinema chain takes …") or with a company
whose name starts with one ("Farmácias Acácia testam …"), or the summary's first noun
phrase, after a fronted phrase or not, is one ("The mall owner told tenants …", "Dopo
un anno, la catena di ferramenta …"). A plural ("Retailers lose …") is a vendor's
customer group, never the acting user; a user that signs with or picks a named
supplier ("Gym chain signs Quorvel deal") is that supplier's news. Nouns and the
adoption verbs per language: ``bot/data/fr_users.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.extract import compiled
from bot.extract.acts import clause
from bot.extract.authority import read_signals
from bot.extract.resources import DATA_DIR, DataFileError
from bot.extract.scan import Scan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.extract.acts import Act

USERS_FILE = DATA_DIR / "fr_users.yaml"
LANGS = ("en", "fr", "de", "es", "it", "pt")
_NAMES = r"(?:[A-Z][\w'’&.-]*\s+){0,3}"  # a place or a name before it: "Harbour Quay"
_FRONTED = r"(?:[^,;.]{1,70},\s*)?"  # "After complaints from shoppers, …"


def _section(raw: dict[str, object], key: str) -> str:
    section = raw.get(key)
    if not isinstance(section, dict):
        raise DataFileError(f"{USERS_FILE}: `{key}` must map languages to pattern lists")
    items = [str(p) for lang in LANGS for p in section.get(lang) or []]
    return "|".join(sorted(items, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    raw = read_signals(USERS_FILE)
    noun, adopt = _section(raw, "nouns"), _section(raw, "adopts")
    articles = "|".join(str(a) for a in raw.get("articles") or []) or "(?!)"
    lead = rf"(?:(?:{articles})\s+)?"  # "the", "la", "die" … before the noun
    try:
        return (
            compiled.compile(rf"^{_NAMES}(?i:{lead}(?:{noun}))(?![\w-])\s+[a-zà-ÿ]"),
            # a company named after its trade: a user noun, singular or plural, then a name
            # (an article may lead: "Le collège Val-Sorgue renonce …")
            compiled.compile(rf"^(?=[A-Z])(?i:{lead}(?:{noun}))s?\s+[A-Z]"),
            compiled.compile(rf"(?i)\s*{_FRONTED}{lead}(?:{noun})(?![\w-])"),
            compiled.compile(rf"(?i)(?<!\w)(?:{adopt})(?!\w)"),
            compiled.compile(rf"(?i)(?<!\w)(?:{_section(raw, 'premises')})(?!\w)"),
            compiled.compile(rf"(?:{'|'.join(str(x) for x in raw.get('maker_suffixes') or [])})"),
        )
    except re.error as exc:
        raise DataFileError(f"{USERS_FILE}: a pattern is not a valid regex ({exc})") from exc


def acting_user(sc: Scan, vendor: str | None) -> bool:
    """The acting company is an FR user, not a company the gazetteer knows as an FR
    vendor nor the supplier the headline says the user signs with; an FR user that an
    authority acts on is that authority's news."""
    if sc.authorities or any(v.fr and v.vendor == vendor for v in sc.vendors):
        return False
    return user_subject(sc) and not _supplier_named(sc, vendor)


def _supplier_named(sc: Scan, vendor: str | None) -> bool:
    """The headline has the user adopt the vendor: an adoption verb, then the vendor's
    name later in the headline ("signs Quorvel deal", "setzt auf Kameras von …")."""
    if vendor is None:
        return False
    verb = _patterns()[3].search(sc.text, 0, sc.title_end)
    return verb is not None and any(
        v.vendor == vendor and verb.end() <= v.start < sc.title_end for v in sc.vendors
    )


def user_subject(sc: Scan) -> bool:
    """The item's acting company is described as an FR user (see the module doc)."""
    title, named, opening, *_ = _patterns()
    return bool(
        title.match(sc.text, 0, sc.title_end)
        or named.match(sc.text, 0, sc.title_end)
        or opening.match(sc.text, sc.title_end + 1)
    )


def maker(vendor: str) -> bool:
    """The name ends in a technology maker's suffix ("Pennick Systems", "Orrin AI")."""
    return _patterns()[5].fullmatch(vendor.split()[-1]) is not None


# a stop of FR cameras, gates or scans at the company's own sites (a user's own use)
_OWN_STOPS = frozenset({"shutdown", "moratorium", "exit"})


def own_premises(sc: Scan, acts: Sequence[Act], vendor: str | None) -> bool:
    """The headline's acts are stops, and one is told of the company's own sites or entry
    hardware right after its verb, in its clause ("scraps face scans at its gyms", "suspend
    ses portiques", "in seinen Filialen"): a user ending its own use, not a vendor's policy
    (not a company the gazetteer knows as an FR vendor, nor one named as a technology
    maker)."""
    stops = [a for a in acts if a.action in _OWN_STOPS]
    if not stops or any(a.action not in _OWN_STOPS and sc.in_title(a.start) for a in acts):
        return False
    if any(v.fr and v.vendor == vendor for v in sc.vendors):
        return False
    if vendor and maker(vendor):
        return False  # "Pennick Systems … at its stores": a maker of the systems
    premises = _patterns()[4]
    for a in stops:
        _, hi = clause(sc, a.start)
        m = premises.search(sc.text, a.end, min(hi, a.end + 80))
        if m is not None:
            return True
    return False
