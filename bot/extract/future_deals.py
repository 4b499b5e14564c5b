"""A deal quantified or negated ("every agreement with towns", "ogni accordo con i
comuni", "aucun accord avec", "ningún acuerdo con", "kein Vertrag mit") is a deal the
vendor refuses or puts off, never the settlement that ends a case."""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.scan import Hit, Scan

_QUANTIFIER = compiled.compile(
    r"(?i)\b(?:every|any|all|no|each|ogni|qualsiasi|qualunque|nessun|alcun|tout|toute|tous|"
    r"toutes|aucun|aucune|chaque|jede[nrs]?|keine[nrs]?|cualquier|ningún|ninguna|todo|"
    r"toda|todos|todas|qualquer|nenhum|nenhuma)\s+(?:[\w-]+\s+)?$"
)


def quantified(sc: Scan, hit: Hit) -> bool:
    """The deal noun at ``hit`` follows a quantifier or a negation (one word may stand
    between: "any new deal", "ogni nuovo accordo")."""
    return _QUANTIFIER.search(sc.text, max(0, hit.start - 30), hit.start) is not None
