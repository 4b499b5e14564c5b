"""A company that uses facial recognition, not one that sells it (actor ``none``).

A shop chain, a landlord, a railway or a stadium that switches its own cameras off,
shelves a trial or runs one makes no vendor's policy change (the README's FR users).
The item says so where it names its subject: the headline opens with a user noun
("Drugstore chain ran …", "Harbour Quay landlord shelves …") or with a company whose
name starts with one ("Supermercados Alba retira …"), or the summary's first noun
phrase, after a fronted phrase or not, is one ("The railway suspended …", "Dopo le
proteste, la catena toscana …"). A plural ("Retailers lose …") is a vendor's customer
group, never the acting user. Nouns per language: ``bot/data/fr_users.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.authority import read_signals
from bot.extract.resources import DATA_DIR, DataFileError
from bot.extract.scan import Scan

USERS_FILE = DATA_DIR / "fr_users.yaml"
LANGS = ("en", "fr", "de", "es", "it", "pt")
# an article or determiner before the noun (Romance adjectives follow it: "la cadena
# gallega", so only where the noun ends counts)
_LEAD = r"(?:(?:the|a|an|la|el|le|il|lo|l'|l’|o|die|der|das|une?|una?|uma?|ein|eine)\s+)?"
_NAMES = r"(?:[A-Z][\w'’&.-]*\s+){0,3}"  # a place or a name before it: "Harbour Quay"
_FRONTED = r"(?:[^,;.]{1,70},\s*)?"  # "After complaints from shoppers, …"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = read_signals(USERS_FILE)
    section = raw.get("nouns")
    if not isinstance(section, dict):
        raise DataFileError(f"{USERS_FILE}: `nouns` must map languages to pattern lists")
    nouns = [str(p) for lang in LANGS for p in section.get(lang) or []]
    names = [str(p) for p in raw.get("names") or []]
    noun = "|".join(sorted(nouns, key=len, reverse=True)) or "(?!)"
    name = "|".join(names) or "(?!)"
    try:
        return (
            re.compile(rf"^{_NAMES}(?i:{_LEAD}(?:{noun}))(?![\w-])\s+[a-zà-ÿ]"),
            re.compile(rf"^(?:{name})\s+[A-Z]"),
            re.compile(rf"(?i)\s*{_FRONTED}{_LEAD}(?:{noun})(?![\w-])"),
        )
    except re.error as exc:
        raise DataFileError(f"{USERS_FILE}: a pattern is not a valid regex ({exc})") from exc


def user_subject(sc: Scan) -> bool:
    """The item's acting company is described as an FR user (see the module doc)."""
    title, named, opening = _patterns()
    return bool(
        title.match(sc.text, 0, sc.title_end)
        or named.match(sc.text, 0, sc.title_end)
        or opening.match(sc.text, sc.title_end + 1)
    )
