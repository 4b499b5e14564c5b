"""A country, a capital or a bloc standing for an authority ("Brussels orders airlines
…", "Lisboa estuda …", "Poland moves to curb …"): two consequences for the finding.

- ``specific_kind``: the place stands for whichever body acts; when the headline's
  subject is such a place and the item names a regulator (by the head nouns of
  ``public_bodies.yaml``: "the cyberspace agency", "la autoridad de datos"), the
  regulator is the actor, not a government ("Poland moves to curb face scanning in
  hospital lobbies" + "the data protection authority will publish binding guidance").
- ``no_company`` / ``label_word``: a name read as a company that is only such a place
  ("Bruxelles impose …", "Tallmark's gaming watchdog …") or, for a government's act, a word of a
  headline's topic label ("Trains de nuit : l'UE …") names no company the authority acts
  on: the finding carries no vendor (a place as a vendor would key the authority's
  event apart from its other reports).
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.body_patterns import patterns, places
from bot.extract.public_bodies import is_place, sentence_subject, surely_company
from bot.extract.scan import Scan, VendorHit

_ARTICLE = compiled.compile(r"(?i)^[\W_]*(?:the|la|le|l['’]|el|il|lo|a|o|die|der|das)?\s*")


def _place_subject(sc: Scan) -> bool:
    """The headline's subject is a country, a capital or a bloc alone."""
    if not sc.sentences or not sc.in_title(sc.sentences[0][0]):
        return False
    found = sentence_subject(sc, 0, sc.lang, deployments=False)
    if found is None or found[0] != "government":
        return False
    lo = sc.sentences[0][0]
    span = sc.text[lo : found[1]].rstrip()
    start = _ARTICLE.match(span)
    return places().fullmatch(span, start.end() if start else 0) is not None


def specific_kind(sc: Scan) -> str | None:
    """ "regulator" when the headline's subject is a place standing for its authorities
    and the item names a regulator by its head noun; else None."""
    if not _place_subject(sc):
        return None
    pats = patterns(sc.lang)
    regulator = next(p for kind, p in pats.subjects if kind == "regulator")
    for m in pats.head.finditer(sc.low):
        if regulator.match(sc.text[m.start() : m.end()] + " "):
            return "regulator"
    return None


def _in_topic_label(sc: Scan, v: VendorHit) -> bool:
    """The name stands in a headline's topic label of several words, one of them in
    lower case ("Trains de nuit : …"), before its colon."""
    if not sc.in_title(v.start):
        return False
    colon = sc.text.find(": ", v.end, min(sc.title_end, v.end + 30))
    if colon < 0 or "\n" in sc.text[v.start : colon]:
        return False
    label = sc.text[0:colon]
    return any(w[:1].islower() for w in label.split()) and not surely_company(v)


def no_company(sc: Scan, vendor: str | None) -> bool:
    """Every mention of ``vendor`` is a country, a capital or a bloc, or a word of a
    government headline's topic label ("Trains de nuit : l'UE …"), not a company. (A
    regulator's or a court's report keeps a label word for now: keyed by no company,
    reports of one regulator's different acts weeks apart joined one event.)"""
    hits = [v for v in sc.vendors if v.vendor == vendor]
    return bool(hits) and all(is_place(sc.text, v) for v in hits)


def label_word(sc: Scan, vendor: str | None) -> bool:
    """Every mention of ``vendor`` is a word of the headline's topic label."""
    hits = [v for v in sc.vendors if v.vendor == vendor]
    return bool(hits) and all(_in_topic_label(sc, v) for v in hits)
