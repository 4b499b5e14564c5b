"""A headline that describes its subject instead of naming it ("A people-finder built on
faces is switching off", "Otra empresa española da la espalda …", "Britischer Anbieter
verlängert …"): the company the summary opens with is the one acting."""

from __future__ import annotations

import re

from bot.extract.attribution import Actor, Mention, prepositional
from bot.extract.scan import Scan, in_fronted

# Places and businesses that run FR rather than sell it (a headline about one is about a
# user, whoever supplied the system)
_FR_USER = re.compile(
    r"(?i)\b(?:chain|supermarket|grocer|retailer|landlord|store|shop|mall|airport|stadium|"
    r"arena|venue|school|hospital|bank|casino|hotel|station|cadena|supermercado|tienda|"
    r"chaîne|magasin|supermarché|enseigne|Kette|Supermarkt|Händler|catena|negozio|rede|"
    r"loja|varejista)s?\b"
)
# a study, a campaign, a rumour or a legal warning is nobody's policy
_NOT_ITS_NEWS = frozenset({"study", "campaign", "speculation", "enforcement"})


def summary_subject(sc: Scan, found: list[Mention]) -> Actor:
    """A headline that describes its subject instead of naming it ("A people-finder built
    on faces is switching off", "Otra empresa española da la espalda …") and names no
    company or authority: the company the summary opens with, as the subject of its first
    sentence ("Fenwright Labs blames …"), is the one acting. Anything else first (an
    authority, a person, a group, a company named after a preposition) leaves it unknown."""
    if len(sc.sentences) < 2 or any(m.start < sc.title_end for m in found
                                    if m.kind not in ("company", "product")):  # fmt: skip
        return Actor("unknown")
    if _FR_USER.search(sc.text, 0, sc.title_end) or any(
        g.start < sc.title_end and g.label != "everyone" for g in sc.groups
    ):  # "A supermarket chain switches off its face cameras": a user, not the supplier
        return Actor("unknown")
    lo, hi = next(((a, b) for a, b in sc.sentences if a >= sc.title_end), (0, 0))
    if any(h.label in _NOT_ITS_NEWS and h.start < hi for h in sc.non_policy):
        return Actor("unknown")
    first = next((m for m in found if lo <= m.start < hi and not in_fronted(sc, m.start)), None)
    if first is None or first.kind != "vendor" or prepositional(sc.text, first.start, floor=lo):
        return Actor("unknown")
    return Actor("vendor", first.vendor, first.product, first.start, first.end)
