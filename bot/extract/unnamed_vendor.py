"""The company a title names that no list knows, for the learned second opinion
(bot.extract.learned_policy): when the rules found an FR term but no vendor, the
model may still be asked whether the item is a company's policy change, and the name
found here is the vendor the finding then carries.

The name is the title's first capitalised word that nothing else reads: not one of any
item language's commonest words, not a span a cue class, an authority or a vendor name
covers, not a region, not inside a fronted background adverbial ("After X's exit, …"),
not after a German article (German capitalises its nouns), not the people of a
region the item names ("Ostlanders"); a German genitive -s before its noun is cut. Where the title holds an FR
term, the clause holding it is read first (the company whose face search, or whose act on
it, the headline tells of), then the whole title ("Name: what changes"). Only the model's P(relevant) decides
whether it is news: a name is found in most titles.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.lexicon import common_anywhere
from bot.extract.scan import Scan, in_fronted
from bot.extract.sentences import clause_breaks, clause_end, clause_start

_CAPITALISED = compiled.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]+")
# a possessive or a hyphenated compound ("Orrel's", "Orrel-Brille"): the name before it
_NAME_END = compiled.compile(r"['’]s?$|['’]|-")
# a German genitive name before its noun, no article between: "Orrels Gesichtssuche",
# "Orrels neue Kamera" (the name ends in the genitive -s; not "-ss")
_DE_GENITIVE = compiled.compile(r"[^\W\d_][\w-]*[^s\W]s\s+(?:[a-zäöüß]+e[mnrs]?\s+)?[A-ZÄÖÜ]")
_DE_ARTICLE = compiled.compile(
    r"(?i)\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine)\s+$"
)


def title_name(sc: Scan) -> str | None:
    """The title's capitalised name no list reads, in the clause of its first FR term
    first when it has one, else anywhere in the title; None when there is none."""
    in_title = [h for h in sc.fr if h.start < sc.title_end]
    if in_title:
        s_start, s_end = sc.sentences[sc.sentence_of(in_title[0].start)]
        # (the scan keeps clause breaks only for items with a policy cue: read them here)
        breaks = clause_breaks(sc.low[: sc.title_end])
        start = clause_start(breaks, s_start, in_title[0].start)
        end = min(sc.title_end, clause_end(breaks, s_end, in_title[0].start))
        found = _first_name(sc, start, end)
        if found is not None:
            return found
    return _first_name(sc, 0, sc.title_end)


def _first_name(sc: Scan, start: int, end: int) -> str | None:
    read = [(v.start, v.end) for v in sc.vendors]
    read += [(h.start, h.end) for h in (*sc.entities, *sc.groups, *sc.fr, *sc.actions)]
    read += [(h.start, h.end) for h in (*sc.authorities, *sc.non_policy)]
    for m in _CAPITALISED.finditer(sc.text, start, end):
        word = m.group(0)
        if not word[0].isupper():
            continue
        cut = _NAME_END.search(word)
        name = word[: cut.start()] if cut else word
        if len(name) < 3 or common_anywhere(name):
            continue
        if any(lo <= m.start() < hi for lo, hi in read) or in_fronted(sc, m.start()):
            continue
        if sc.regions(m.start(), m.start() + len(name)) or _of_a_region(sc, name):
            continue
        if sc.lang == "de":
            if _DE_ARTICLE.search(sc.text, max(0, m.start() - 12), m.start()):
                continue
            if _DE_GENITIVE.match(sc.text, m.start()):  # "Orrels neue Kamera": Orrel's
                name = name[:-1]
        return name
    return None


def _of_a_region(sc: Scan, word: str) -> bool:
    """``word`` is the people or an adjective of a region the item names ("Users in
    Ostland …" → "Ostlanders"): it shares all but the region's last two letters with it."""
    low = word.lower()
    for hit in sc.regions(0, len(sc.text)):
        region = sc.text[hit.start : hit.end].lower()
        stem = region[: max(4, len(region) - 2)]
        if len(low) > len(region) - 2 and low.startswith(stem) and low != region:
            return True
    return False
