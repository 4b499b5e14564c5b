"""What a leaving, removal or shutdown verb drops: the business itself ("shutters its
face unit": an exit), customers ("renounces a quarter of its clients": a ban), or a unit
that is not face recognition at all ("sells off its drone unit": no FR exit).

cue_action.resolve_action and acts.cue_acts ask these questions of a cue and its clause.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.scan import Hit, Scan, between


def _first_object(sc: Scan, cue: Hit, hi: int) -> str | None:
    """The kind of the first object named within a few words after the cue."""
    after = [o for o in between(sc.objects, cue.end, hi) if o.label in _THINGS]
    return after[0].label if after and after[0].start - cue.end <= 40 else None


def customers_dropped(sc: Scan, cue: Hit, hi: int) -> bool:
    """The cue's object is customers ("renounces a quarter of its clients"), not the
    people a feature goes away for ("for its clients", "for new sign-ups")."""
    if _first_object(sc, cue, hi) != "customers":
        return False
    o = next(o for o in between(sc.objects, cue.end, hi) if o.label == "customers")
    return _FOR_WHOM.search(sc.text, cue.end, o.start) is None


# the people a change is for, not its object ("for", "to", new customers), in six languages
_FOR_WHOM = compiled.compile(
    r"(?i)\b(?:for|to|pour|für|para|per|por|new|nouveaux|nouvelles|neue\w*|nuev[oa]s|nuov[ie]|nov[oa]s)\b"
)


def business_first(sc: Scan, cue: Hit, hi: int) -> bool:
    """The first object after a removal or shutdown verb is the business itself (a unit,
    a market, a line of business), not a feature or its data."""
    return _first_object(sc, cue, hi) == "business"


_THINGS = frozenset({"business", "dataset", "capability", "searches", "customers"})


# A unit, division or arm sold, spun off or closed, with the word that qualifies it: before
# it in English and German ("its drone unit", "seine Drohnensparte" stays one word), after
# it with "de/di/do" in the Romance languages ("sa division de drones").
_UNIT_BEFORE = compiled.compile(
    r"(?i)\b([\w-]+)\s+(?:unit|division|arm|line|business|subsidiary|branch|"
    r"operations?|venture|Sparte|Geschäftsbereich|Tochter)\b"
)
_UNIT_AFTER = compiled.compile(
    r"(?i)\b(?:division|branche|filiale|activité|división|filial|unidad|divisione|ramo|"
    r"divisão|unidade|subsidiária)\s+(?:de la |de las |de los |des |du |de |d'|di |del |"
    r"della |dei |do |da |dos |das )([\w-]+)"
)
_NO_QUALIFIER = compiled.compile(
    r"(?i)^(?:its|the|a|an|their|his|her|whole|entire|own|sa|son|ses|la|le|l|seine|seinen|"
    r"ihre|ihren|die|den|su|sus|el|sua|suo|il|seu|o|a|sa)$"
)
# what a face recognition business is called besides an FR term ("its identity division")
_FR_DOMAIN = compiled.compile(
    r"(?i)^(?:biometri\w*|biométri\w*|face\w*|facial|vision|identity|identit\w+|ai|"
    r"cameras?|imaging|video|surveillance|sensing|"
    r"identification|recognition|reconnaissance|reconocimiento|riconoscimento|reconhecimento|"
    r"Gesicht\w*|Biometrie\w*|visage|rostros?|volti|rostos)$"
)


def other_unit(sc: Scan, cue: Hit) -> bool:
    """The exit names a unit qualified as something other than face recognition ("sells
    off its drone unit"), with no FR term inside the phrase."""
    end = min(len(sc.text), cue.end + 40)
    m = _UNIT_AFTER.search(sc.text, cue.start, end) or _UNIT_BEFORE.search(sc.text, cue.start, end)
    if m is None or any(f.start < m.end() and f.end > m.start() for f in sc.fr):
        return False
    return not _NO_QUALIFIER.match(m.group(1)) and not _FR_DOMAIN.match(m.group(1))
