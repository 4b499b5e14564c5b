"""Background phrases: a cue inside "since/after the …", a relative or time clause, or
followed by "years ago" tells what happened before the news, not the news."""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.fronted import REACH, v2_end
from bot.extract.literals import branch_needs, may_match
from bot.extract.scan import Hit, Scan

# A cue inside "since/after the … deletion" or a ", which …" relative clause tells what
# happened before the news, not the news.
_SUBORDINATE = compiled.compile(
    r"(?:\b(?:since|after|following|before|despite|until)\s+(?:the|its|their|a|an)\s+"
    r"(?:[\w'-]+\s+){0,3}$|,\s*(?:which|who|that|whose)\s[^,;]*$"
    r"|\b(?:after|following|despite)\s+(?:\w+\s+){0,2}(?:of|from)\s+$"
    r"|\b(?:since|after|following|before|despite)\s+$"
    r"|\b(?:nach|seit)\s+(?:dem|der|seinem|ihrem)\s+(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:après|depuis)\s+(?:le|la|l'|son|sa)\s*(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:tras|después\s+de|desde)\s+(?:el|la|su)\s+(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:dopo|da)\s+(?:il|la|l'|lo)\s*(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:após|depois\s+d[oa])\s+(?:o|a|seu|sua)?\s*(?:[\w'-]+\s+){0,2}$"
    r"|\bdesde\s+(?:o|a|seu|sua)\s+(?:[\w'-]+\s+){0,2}$"  # "desde este mês": a time, no event
    r"|\b(?:formerly|previously|long-|once-|earlier)\S*\s*$"
    # a clause of time with its own subject ("since it closed the unit", "desde que
    # cerró", "depuis qu'elle a fermé", "da quando ha chiuso", "desde que fechou",
    # "nachdem … eingestellt hatte"): what came before the news (English: _TIME_CLAUSE)
    r"|\b(?:desde|antes\s+de|después\s+de)\s+que\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:depuis|avant|après)\s+qu(?:e\s+|')(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:da\s+quando|prima\s+che|dopo\s+che)\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:desde|antes|depois)\s+que\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:nachdem|bevor|seitdem)\s+(?:[\w'-]+\s+){0,5}$"
    # an infinitive clause of time ("après avoir fermé", "dopo aver chiuso", "después de
    # cerrar", "depois de ter encerrado")
    r"|\b(?:après|avant)\s+(?:d')?avoir\s+$|\b(?:dopo|prima\s+di)\s+aver(?:e)?\s+$"
    r"|\b(?:después\s+de|antes\s+de)\s+(?:haber\s+)?$|\b(?:depois\s+de|antes\s+de)\s+(?:ter\s+)?$)",
    re.IGNORECASE,
)
# "before Orrin AI stopped selling it", "since they closed": a subject, then a past verb
_TIME_CLAUSE = compiled.compile(
    r"\b(?:since|before|after|until|once)\s+(?:it|they|(?:[A-Z][\w'&.-]*\s+){1,3})\s*(?:had\s+)?$",
    re.IGNORECASE,
)
_RELATIVE = compiled.compile(
    r"\b(?:that|which|who)\s+$|\b(?:the|its|their)\s+(?:[\w-]+\s+){1,3}(?:it|they)\s+(?:had\s+)?$",
    re.IGNORECASE,
)  # "the technology it shelved": a zero relative clause
_PAST = compiled.compile(r"[\w-]+ed\b|(?:shut|quit|left|went|withdrew|froze|sold)\b", re.IGNORECASE)
# "… a feature it retired back in 2019": a past act named as background.
_AGO = compiled.compile(
    r"^(?:\s+[\w'-]+){0,4}?\s+(?:(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago\b"
    r"|last\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b)"
)


_SUBORDINATE_NEEDS = branch_needs(_SUBORDINATE)
_AGO_NEEDS = branch_needs(_AGO)  # (most windows hold none of its words)


def subordinate(sc: Scan, cue: Hit) -> bool:
    """The cue sits in a subordinate background phrase of its sentence."""
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    lo = max(s_start, cue.start - 80)
    if sc.lang == "de":  # "Nach dem Urteil | stoppt X …": the verb after the phrase is main
        verb = v2_end(sc.text, s_start, min(s_end, s_start + REACH))
        if verb is not None and cue.start >= verb:
            lo = max(lo, verb)
    if (
        may_match(_SUBORDINATE_NEEDS, sc.text, sc.low, lo, cue.start)
        and _SUBORDINATE.search(sc.text, lo, cue.start) is not None
    ):
        return True
    if _PAST.match(sc.text, cue.start) and (
        _RELATIVE.search(sc.text, max(s_start, cue.start - 40), cue.start)
        or _TIME_CLAUSE.search(sc.text, max(s_start, cue.start - 50), cue.start)
    ):  # "the company that deleted its index", "before X stopped selling": the past
        return True
    end = min(s_end, cue.end + 60)
    return (
        may_match(_AGO_NEEDS, sc.text, sc.low, cue.end, end)
        and _AGO.match(sc.text[cue.end : end]) is not None
    )
