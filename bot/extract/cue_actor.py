"""Who performs a cue when its clause names no subject before it (headline style): the
vendor after it, the owner in a policy noun's genitive, a vendor whose approval a gate
needs, the company whose users lose a feature, or an authority."""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.attribution import Actor, Mention, acting_authority
from bot.extract.described import inverted_subject, noun_owner, summary_subject
from bot.extract.named_subject import unknown_subject_is_named
from bot.extract.resources import resources
from bot.extract.scan import Hit, Scan, in_fronted
from bot.extract.sentences import clause_start


def fallback_actor(sc: Scan, found: list[Mention], cue: Hit) -> Actor:
    """No actor named before the cue (headline style): the vendor after it, or an authority."""
    owner = _genitive_owner(sc, cue)
    if owner is not None:
        return owner
    names = resources().names
    placed = inverted_subject(sc, found, cue)
    if placed is not None:
        return placed
    if unknown_subject_is_named(sc, cue, names.stop, names.descriptor_word):
        # (not a body the item names as the object of an act: "X turns away sheriffs",
        # "… declining every request from county police")
        authority = acting_authority(sc, [m for m in found if not object_of_act(sc, m)])
        return Actor(authority) if authority else Actor("other")
    if not sc.in_title(cue.start):
        return noun_owner(sc, found, cue) or Actor("unknown")
    for v in sc.vendors:
        if cue.start <= v.start < sc.title_end:
            return Actor("vendor", v.vendor, v.product, v.start, v.end)
    described = summary_subject(sc, found, cue)
    if described.kind == "unknown":
        return noun_owner(sc, found, cue) or described
    return described


OBJECT_REACH = 60  # characters from an act's cue to a body it acts on


def object_of_act(sc: Scan, m: Mention) -> bool:
    """The mention stands after a policy cue in the cue's own clause: the cue's object or
    its customers ("turns away county police", "recusa contratos com polícias"), not an
    actor."""
    s_start, _ = sc.sentences[sc.sentence_of(m.start)]
    c_start = clause_start(sc.breaks, s_start, m.start)
    return any(
        max(c_start, m.start - OBJECT_REACH) <= h.start and h.end <= m.start for h in sc.actions
    )


# "the freeze OF X", "la moratoria DE X", "lo stop DI X", "die Pause VON X"
_GENITIVE = compiled.compile(
    r"(?:\b(?:of|de|di|del|della|dello|des|du|do|da|von|vom)\s+(?:the\s+)?|\bd')$", re.IGNORECASE
)
GENITIVE_REACH = 30


def _genitive_owner(sc: Scan, cue: Hit) -> Actor | None:
    """A vendor in the genitive of a policy noun that opens the cue's clause owns the verb
    after it ("la moratoria de X sigue", "le gel des ventes de X se poursuit"); a noun cue
    followed by one is that vendor's ("la pausa di X")."""
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    c_start = clause_start(sc.breaks, s_start, cue.start)
    for v in sc.vendors:
        if not c_start <= v.start < min(s_end, cue.end + GENITIVE_REACH):
            continue
        if not _GENITIVE.search(sc.text, max(c_start, v.start - 12), v.start):
            continue
        # a policy noun, or (outside English) the FR feature itself: "la
        # reconnaissance des visiteurs de X réservée aux …"
        heads = sc.actions if sc.lang == "en" else [*sc.actions, *sc.fr]
        nouns = sorted(h for h in heads if c_start <= h.start and h.end <= v.start
                       and v.start - h.end <= GENITIVE_REACH)  # fmt: skip
        if nouns and (v.start < cue.start or nouns[-1] is cue or nouns[-1].start == cue.start):
            return Actor("vendor", v.vendor, v.product, v.start, v.end)
    return None


def gate_owner(sc: Scan, cue: Hit) -> Actor | None:
    """A vendor named in the possessive inside a gate cue ("need X's blessing to"): the
    one whose approval is needed gates its product."""
    for v in sc.vendors:
        if cue.start < v.start < cue.end and sc.text.startswith(("'s", "’s"), v.end - 2):
            return Actor("vendor", v.vendor, v.product, v.start, v.end)
    return None


def customer_loss_vendor(sc: Scan, cue: Hit) -> Actor:
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    # never a company named in a fronted adverbial ("After Meta, Redmond too …"); one
    # named inside the cue ("users of Azure Face lose …") first
    in_sentence = [v for v in sc.vendors if s_start <= v.start < s_end
                   and not in_fronted(sc, v.start)]  # fmt: skip
    inside = [v for v in in_sentence if cue.start <= v.start < cue.end]
    pool = inside or in_sentence
    chosen = pool[0] if pool else (sc.vendors[0] if sc.vendors else None)
    if chosen is None:
        return Actor("unknown")
    return Actor("vendor", chosen.vendor, chosen.product, chosen.start, chosen.end)
