"""Whether a capitalised name no list knows stands before a cue as its subject (a
person, place or body the item names), not a function word, a nationality, a German
noun or a sentence's first word."""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.attribution import prepositional
from bot.extract.lexicon import is_common
from bot.extract.scan import Hit, Scan
from bot.extract.sentences import clause_start

_STOP_CAPS = frozenset(
    [
        "no",
        "the",
        "a",
        "an",
        "why",
        "how",
        "what",
        "which",
        "who",
        "when",
        "after",
        "before",
        "despite",
        "with",
        "without",
        "under",
        "over",
        "as",
        "in",
        "on",
        "for",
        "at",
        "by",
        "from",
        "only",
        "new",
        "now",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "here",
        "pas",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "der",
        "die",
        "das",
        "el",
        "los",
        "las",
        "una",
        "face",
        "facial",
        "reconnaissance",
        "police",
        "tech",
        "privacy",
        "social",
    ]
)
_CAPITALISED = compiled.compile(r"(?<![\w'])[A-Z][\w'-]+")


def unknown_subject_is_named(
    sc: Scan, cue: Hit, stop: frozenset[str] = frozenset(), noun: re.Pattern[str] | None = None
) -> bool:
    """A capitalised name stands before the cue: not a vendor, not a function word (``stop``:
    words that open sentences), not a word a cue class reads (a customer group, a company
    reference, an FR term), not a company noun German capitalises (``noun``: "Anbieter")
    and not a common compound ("Year-long"). A sentence's first
    word is capitalised anyway: it names someone only when the item writes it capitalised
    inside a sentence too ("Orlando drops …; a memo says Orlando …")."""
    s_start, _ = sc.sentences[sc.sentence_of(cue.start)]
    c_start = clause_start(sc.breaks, s_start, cue.start)
    read = [(v.start, v.end) for v in sc.vendors]
    read += [(h.start, h.end) for h in (*sc.entities, *sc.groups, *sc.fr, *sc.actions)]
    for m in _CAPITALISED.finditer(sc.text, c_start, cue.start):
        word = m.group(0).lower().removesuffix("'s")
        if word in _STOP_CAPS or word in stop or re.search(r"-[a-z]", m.group(0)):
            continue
        if noun is not None and noun.fullmatch(m.group(0)):
            continue
        if _DESCRIBES_A_COMPANY.match(sc.text, m.end()):
            continue  # "a French face vendor", "an Irish startup": a nationality, no name
        if sc.lang == "de" and (
            is_common(word, "de") or _DE_ARTICLE.search(sc.text, max(0, m.start() - 40), m.start())
        ):
            continue  # German capitalises its nouns: "die Frist", "der Server bleibt …"
        if prepositional(sc.text, m.start(), floor=c_start):
            continue  # "In Canada, …": a place after a preposition is no subject
        if any(lo <= m.start() < hi for lo, hi in read):
            continue
        if _opens_sentence(sc, m.start()) and not (
            _named_inside(sc, m.group(0)) or _local_government(sc)
        ):
            continue
        return True
    return False


# lower-case words ending on a company noun right after a capitalised word: the word
# is an adjective describing a company ("a French face vendor"), not a name
_DESCRIBES_A_COMPANY = compiled.compile(
    r"(?:[ ]+[a-z][\w-]*){0,3}[ ]+(?:vendor|firm|company|startup|start-up|maker|supplier|"
    r"provider|developer|seller|manufacturer)s?\b"
)
_DE_ARTICLE = compiled.compile(
    r"(?i)\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|sein|"
    r"seine|seinen|ihr|ihre|ihren|dieser|diese|dieses|\d+)\s+(?:[\w-]+\s+)?$"
)
_LOCAL = compiled.compile(r"(?i:city|council|ordinance|county|municipal|mayor|town|village)")


def _local_government(sc: Scan) -> bool:
    """The item names a local government (a city's council, an ordinance): a place name
    opening a sentence may be it acting ("Brookhaven bars …")."""
    return any(
        h.label == "government" and _LOCAL.search(sc.text, h.start, h.end) for h in sc.authorities
    )


def _opens_sentence(sc: Scan, pos: int) -> bool:
    s_start = sc.sentences[sc.sentence_of(pos)][0]
    return not sc.text[s_start:pos].strip(" \"'“‘(:")


def _named_inside(sc: Scan, word: str) -> bool:
    """``word`` also appears capitalised where no sentence opens."""
    name = word.removesuffix("'s")
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(not _opens_sentence(sc, m.start()) for m in pattern.finditer(sc.text))
