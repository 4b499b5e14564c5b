"""A launch word that is a gate's condition: "identity matching is switched on only after
a review", "before the endpoint is switched on, customers must be approved", "ne sera
activée qu'après validation". What is switched on waits for the gate; nothing is launched,
and the gate stays the news (act_filters.gates_alone)."""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.scan import Hit, Scan, clause

# a condition opening before the launch word, in its clause ("before/until … is switched on")
_OPENS = compiled.compile(
    r"(?i)\b(?:before|until|till|unless|once|only (?:after|when|once|if)|avant (?:que|d.)|"
    r"qu.(?:après|une fois)|tant que|bevor|erst (?:wenn|nach|sobald)|antes de|hasta que|"
    r"solo (?:después|tras|cuando|dopo|quando)|prima (?:che|di)|finché|até que|"
    r"(?:só|somente|apenas) (?:depois|após|quando))\b[^.;:]{0,80}$"
)
# the condition right after it ("is switched on only after", "activée qu'après", "erst nach")
_FOLLOWS = compiled.compile(
    r"(?i)^\W*(?:\w+\W+){0,3}?(?:only (?:after|once|when|if)|once|after|qu.(?:après|une fois)|"
    r"erst (?:nach|wenn|sobald)|solo (?:después|tras|dopo|quando)|só (?:depois|após))\b"
)


def conditioned(sc: Scan, launch: Hit) -> bool:
    """The launch word sits in a condition of its clause, on either side."""
    lo, hi = clause(sc, launch.start)
    if _OPENS.search(sc.text, lo, launch.start) is not None:
        return True
    return _FOLLOWS.match(sc.text[launch.end : min(hi, launch.end + 40)]) is not None
