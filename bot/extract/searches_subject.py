"""A class of searches as the subject of a restriction told in the passive: "lookups
from three countries are blocked on X's face search", "les requêtes visant des mineurs
seront refusées", "as buscas com fotos de crianças passam a ser bloqueadas". The searches
are what the vendor's product refuses: the vendor acts (not someone acting on it, as in
"X is barred from …"), and it is the vendor named in the cue's sentence, else the
headline's."""

from __future__ import annotations

from bot.extract.attribution import Actor
from bot.extract.scan import Hit, Scan, in_fronted


def opens_with_searches(sc: Scan, cue: Hit) -> bool:
    """The cue's first words are a class of searches (its passive's subject)."""
    return cue.label == "restriction" and any(
        o.label == "searches" and o.start == cue.start for o in sc.objects
    )


def searches_owner(sc: Scan, cue: Hit) -> Actor | None:
    """The vendor whose searches are refused: named in the cue's sentence (outside a
    fronted adverbial), else in the headline; None when the cue is no such passive."""
    if not opens_with_searches(sc, cue):
        return None
    lo, hi = sc.sentences[sc.sentence_of(cue.start)]
    named = [v for v in sc.vendors if lo <= v.start < hi and not in_fronted(sc, v.start)]
    named = named or [v for v in sc.vendors if sc.in_title(v.start)]
    if not named:
        return None
    v = named[0]
    return Actor("vendor", v.vendor, v.product, v.start, v.end)
