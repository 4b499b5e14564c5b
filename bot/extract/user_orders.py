"""An FR user ending or changing its own use because an authority acted on it.

A shop chain, a cinema, a stadium or a transport operator that switches its face
cameras off, removes them or agrees to stop scanning makes no vendor policy change
(``fr_users``: actor ``none``). When the item also names the authority that ordered,
fined, warned or settled with it ("… once the state consumer agency demanded it", "…
por exigência do Procon", "… to end the data authority's case"), the data README makes
the news that authority's act: its kind is the actor, and the item never reaches the
vendor channel.

The authority is the first one the item names that is no customer group and that no
call, study or proposal governs (the gazetteer's mentions), else the first court or
regulator a public body's name tells (``public_bodies``, composed names included: "the
consumer protection office", "l'autorité de la concurrence").
"""

from __future__ import annotations

from bot.extract import authority, body_patterns, fr_users
from bot.extract.attribution import acting_authority, mentions
from bot.extract.scan import Scan

_KINDS = ("court", "regulator", "government")


def ordering_authority(sc: Scan, vendor: str | None) -> str | None:
    """The kind of the authority acting on the FR user that is the item's company, or
    None (a company the gazetteer knows as an FR vendor, or one named as a maker of the
    systems, is never a user; nor is an item naming no authority)."""
    if vendor is None or not fr_users.user_subject(sc) or fr_users.maker(vendor):
        return None
    if any(v.fr and v.vendor == vendor for v in sc.vendors):
        return None
    found = [m for m in mentions(sc) if not authority.hedged(sc, m.start, m.end)]
    kind = acting_authority(sc, found)
    if kind in _KINDS:
        return kind
    return _named_body(sc)


def _named_body(sc: Scan) -> str | None:
    """The kind of the first court or regulator the item names by a public body's name."""
    pats = body_patterns.patterns(sc.lang)
    for head in pats.head.finditer(sc.low):
        if authority.hedged(sc, head.start(), head.end()):
            continue
        body = sc.text[head.start() : head.end()] + " "
        kind = next((k for k, p in pats.subjects if p.match(body)), None)
        if kind in ("court", "regulator"):
            return kind
    return None
