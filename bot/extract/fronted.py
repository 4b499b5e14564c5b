"""Fronted adverbials: background phrases that open a sentence ("After the ruling, …",
"Since X's withdrawal: …"), read once per text by ``scan``; ``scan.in_fronted`` asks
whether a position lies in one.

A phrase runs from its opener (cues.yaml ``fronted``) to its first comma or a
headline's colon. Two shapes have no such mark or no such opener
(``bot/data/fronted.yaml``): German puts the finite verb second, so a prepositional
opener's phrase ends at the verb ("Nach dem Urteil | stoppt X …", comma or not:
``v2_end``); and a venue fronted before the subject ("Devant le juge, X affirme …", "Em
juízo, a X afirma …") is where the company speaks, not who acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.extract import compiled
from bot.yaml_loader import DataFileError, read_data_file

FRONTED_FILE: Path = Path(__file__).resolve().parent.parent / "data" / "fronted.yaml"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
REACH = 160  # characters from the sentence start within which the phrase ends
_TOKEN = compiled.compile(r"[^\W\d_][\w'-]*|\d[\d.,]*")
_ARTICLE = compiled.compile(r"(?:a|o|as|os|la|le|les|el|los|las|il|lo|the) (?=[A-Z])")
_VERB_THEN = compiled.compile(r"\w+ (?:sich )?(?=[A-Z])")  # the verb and a reflexive


@dataclass(frozen=True)
class _Words:
    v2_prepositions: frozenset[str]
    np_words: frozenset[str]
    venues: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = read_data_file(FRONTED_FILE)
    venues = raw.get("venues") if isinstance(raw, dict) else None
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("v2_prepositions"), list)
        or not isinstance(raw.get("np_words"), list)
        or not isinstance(venues, dict)
        or not all(isinstance(venues.get(c), list) for c in LANGUAGES)
    ):
        raise DataFileError(
            f"{FRONTED_FILE}: expected v2_prepositions, np_words and venues per language"
        )
    try:
        patterns = {
            c: compiled.compile(
                r"(?i)[\"'«¿¡ ]*(?:" + "|".join(str(p) for p in venues[c]) + r")(?=, )"
            )
            for c in LANGUAGES
        }
    except re.error as exc:
        raise DataFileError(f"{FRONTED_FILE}: an invalid venue ({exc}); fix it") from exc
    return _Words(
        frozenset(str(w).lower() for w in raw["v2_prepositions"]),
        frozenset(str(w).lower() for w in raw["np_words"]),
        patterns,
    )


def spans(
    opener: re.Pattern[str], norm: str, sentences: list[tuple[int, int]], lang: str = "en"
) -> list[tuple[int, int]]:
    """Fronted adverbials: from a sentence-opening "After …"/"Two years after …" to its
    first comma, or to a headline's colon ("Since X's withdrawal: banks test …"); in
    German, a prepositional opener's phrase ends at the verb at the latest; a fronted
    venue up to its comma."""
    out = []
    words = _words()
    venue = words.venues.get(lang)
    for start, end in sentences:
        stop = min(end, start + REACH)
        m = opener.match(norm, start)
        if m is None:
            v = venue.match(norm, start, stop) if venue is not None else None
            if v is not None:
                out.append((start, v.end()))
            continue
        ends = [i for i in (norm.find(", ", start, stop), norm.find(": ", start, stop)) if i > 0]
        if lang == "de":
            verb = v2_end(norm, start, stop)
            if verb is not None:
                ends.append(verb)
        if ends:
            out.append((start, min(ends)))
    return out


def v2_end(norm: str, start: int, stop: int) -> int | None:
    """Where a German sentence opening at ``start`` with a prepositional phrase ("Nach
    dem Urteil des Gerichts …", "Trotz Kritik …") puts its finite verb: the first
    lower-case word after the phrase's noun that does not continue the phrase; None
    when the sentence does not open with such a preposition or no verb follows."""
    words = _words()
    tokens = _TOKEN.finditer(norm, start, stop)
    first = next(tokens, None)
    if first is None or first.group(0).lower() not in words.v2_prepositions:
        return None
    noun = False
    for t in tokens:
        word = t.group(0)
        if word[0].isupper():
            noun = True
        elif word[0].isdigit() or word.lower() in words.np_words:
            noun = noun and word[0].isdigit()
        elif noun:
            return t.start()
    return None


def subjects(text: str, title_end: int, v2: bool = False) -> tuple[int, ...]:
    """More places where a headline's subject can start (``names``): after a fronted
    comma's article ("Em juízo, a X afirma …") and, in German (``v2``), after the verb
    that ends a fronted phrase ("Nach dem Urteil stoppt X …", "… zieht sich X …")."""
    starts = []
    comma = text.find(", ", 0, title_end)
    article = _ARTICLE.match(text, comma + 2) if comma > 0 else None
    if article:
        starts.append(article.end())
    verb = v2_end(text, 0, title_end) if v2 else None
    after = _VERB_THEN.match(text, verb) if verb is not None else None
    if after:
        starts.append(after.end())
    return tuple(starts)
