"""One noun phrase, one body: its head noun decides what kind of authority it names.

Two authority words side by side are often one noun phrase, and only its head says
what kind of body acts. English puts modifiers before the head ("a Harlow County
judge", "the city's privacy commissioner": a court, a regulator, whatever the place
word alone would be); "of" in English and the genitive of the Romance languages put
the complement after it ("the judge of the district court", "le juge de la ville",
"o juiz da comarca"). German compounds ("Landesdatenschutzbehörde") are one word
already and need nothing here.

Bodies and decisions are told apart by the typology `public_bodies` reads
(`bot/data/public_bodies.yaml`: `bodies`, the head nouns of each kind of body, and
`decisions`, the nouns of their acts). A decision owned by a body is that body's act,
whatever kind the decision noun alone suggests ("the regulator's ruling", "a watchdog
ruling", "la décision de la CNIL": the regulator acts). ``noun_phrase_heads`` merges
each such pair into one hit labelled with the kind of the body that heads or owns it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract import compiled
from bot.extract.cueindex import Hit
from bot.extract.resources import DATA_DIR, DataFileError
from bot.yaml_loader import load_data

BODIES_FILE = DATA_DIR / "public_bodies.yaml"
_LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
_KINDS = ("court", "regulator", "government")

# a possessive or plain spaces between a modifier and the head that follows it (one
# line: a headline's last word does not modify the summary's first)
_PREMODIFIER_GAP = compiled.compile(r"(?:['’]s)?[ ]+")
# a genitive complement after the head: "of the", "de la", "del", "da", "des", …
_GENITIVE_GAP = compiled.compile(
    r"(?i)[ ]+(?:of|de|du|des|del|della|dello|dei|degli|delle|da|do|dos|das|der|von)"
    r"(?:[ ]+(?:the|la|le|les|el|los|las|il|lo|i|gli|a|o|os|as)[ ]+|[ ]*l['’][ ]*|[ ]+)"
)


@lru_cache(maxsize=8)
def _bodies(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, whole-phrase pattern) for ``lang`` and English, court first."""
    try:
        bodies = load_data(BODIES_FILE)["bodies"]
        langs = ("en",) if lang == "en" or lang not in _LANGUAGES else (lang, "en")
        out = []
        for kind in _KINDS:
            items = [str(p) for code in langs for p in (bodies.get(kind) or {}).get(code) or []]
            out.append((kind, compiled.compile(rf"(?i:{'|'.join(items)})")))
        return tuple(out)
    except (OSError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataFileError(
            f"{BODIES_FILE}: 'bodies' must map kinds to languages to patterns ({exc}); fix it"
        ) from exc


@lru_cache(maxsize=1)
def _decision() -> re.Pattern[str]:
    """Any decision noun of `decisions` (all kinds and languages), as a whole phrase."""
    try:
        decisions = load_data(BODIES_FILE)["decisions"]
        items = [str(p) for kind in _KINDS for p in decisions.get(kind) or []]
        return compiled.compile(rf"(?i:{'|'.join(items)})")
    except (OSError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataFileError(
            f"{BODIES_FILE}: 'decisions' must map kinds to patterns ({exc}); fix it"
        ) from exc


def body_kind(words: str, lang: str) -> str | None:
    """The kind of body ``words`` name as a whole ("judge", "county", "watchdog"), or
    None for anything else (a decision, a fine, an event)."""
    return next((kind for kind, pat in _bodies(lang) if pat.fullmatch(words)), None)


def noun_phrase_heads(text: str, hits: list[Hit], lang: str) -> list[Hit]:
    """``hits`` (authority words, sorted by start) with each noun phrase of two of them
    merged into one hit of its head's kind."""
    if len(hits) < 2:
        return hits
    out: list[Hit] = [hits[0]]
    for h in hits[1:]:
        merged = _merge(text, out[-1], h, lang)
        if merged is None:
            out.append(h)
        else:
            out[-1] = merged
    return out


def _merge(text: str, first: Hit, second: Hit, lang: str) -> Hit | None:
    if second.start <= first.end:
        return None  # overlapping or glued words: the callers' longest-match rules decide
    gap = text[first.end : second.start]
    if _PREMODIFIER_GAP.fullmatch(gap):  # the head comes last
        head, modifier = text[second.start : second.end], text[first.start : first.end]
    elif _GENITIVE_GAP.fullmatch(gap):  # the head comes first
        head, modifier = text[first.start : first.end], text[second.start : second.end]
    else:
        return None
    owner = body_kind(modifier, lang)
    if owner is None:
        return None  # a decision, a fine or an event noun modifies no body
    kind = body_kind(head, lang)
    if kind is None and _decision().fullmatch(head):
        kind = owner  # the body's decision ("the regulator's ruling")
    return Hit(first.start, second.end, kind) if kind else None
