"""What a settlement's terms bind: what the vendor sells and to whom, or only money."""

from __future__ import annotations

from bot.extract import framing
from bot.extract.acts import CUSTOMER_GROUPS, Act, clause
from bot.extract.scan import Scan, between
from bot.extract.scope import settlement_terms


def sales_terms(sc: Scan, acts: list[Act]) -> bool:
    """The terms bind what a vendor SELLS and to whom ("may not sell its face alerts to
    retailers for ten years"): the vendor's settlement, even with an authority on the
    other side; a user that agrees to stop running FR is the authority's case."""
    for a in framing.obligations(sc, acts):
        if a.actor != "vendor":
            continue
        lo, hi = clause(sc, a.start)
        if any(g.label in CUSTOMER_GROUPS for g in between(sc.groups, lo, hi)) and any(
            o.label in ("supply", "customers") for o in between(sc.objects, lo, hi)
        ):
            return True
    return False


def paid_settlement(sc: Scan, chosen: list[Act]) -> bool:
    """A settlement that pays money and sets no sales terms (no other action of the
    vendor, no customer group after it) binds no FR policy: "pays $550m to settle"."""
    settled = [a for a in chosen if a.action == "settlement"]
    if not settled or any(a.action != "settlement" for a in chosen):
        return False
    if not any(h.label == "payment" for h in sc.non_policy):
        return False
    if any(a.start <= g.start < a.end for a in settled for g in sc.groups
           if g.label in CUSTOMER_GROUPS):  # fmt: skip
        return False  # "gives up casino customers": the terms are in the cue
    return settlement_terms(sc, settled) is None
