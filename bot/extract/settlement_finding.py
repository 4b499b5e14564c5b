"""The Finding of an item framed as a settlement (``settlement``): the authority's
action when the other party is one, else the obligations it binds the vendor to.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.extract import authority, headline_frame, settlement, terms, user_orders
from bot.extract.acts import AUTHORITIES, Act, authority_acts
from bot.extract.attribution import Mention
from bot.extract.findings import other, vendor_change
from bot.extract.item_parties import first_vendor, names_customers
from bot.extract.scan import Hit, Scan
from bot.models import Finding


def settled_finding(
    sc: Scan, found: list[Mention], acts: list[Act], frame: list[Hit], published: date | None
) -> Finding | None:
    """An item framed as a settlement (see settlement.py): the authority's action when the
    other party is one, else the obligations it binds the vendor to (none when the
    headline is a rumour: "X reportedly mulls a comeback once its pact lapses")."""
    if headline_frame.speculative(sc):
        return None
    named = authority_acts(sc, found)  # an authority named with its own verb
    auth = [a for a in acts if a.actor in AUTHORITIES] + named
    in_title = [a for a in named if sc.in_title(a.start)]
    counter = settlement.counterparty(sc, found, frame, in_title)
    if counter is not None and not terms.sales_terms(sc, acts):
        return other(sc, [a for a in auth if a.actor == counter], counter,
                      first_vendor(sc), 0.6, published)  # fmt: skip
    ordered = user_orders.ordering_authority(sc, first_vendor(sc))  # an FR user settles
    if ordered is not None:
        return other(sc, [], ordered, first_vendor(sc), 0.55, published)
    bound = settlement.obligations(sc, acts)
    settled = settlement.settled_acts(sc, acts)
    vendor = next((a.vendor for a in [*bound, *settled] if a.vendor), None) or first_vendor(sc)
    if vendor is None:
        return None
    # terms told in the passive or with no subject ("casino operators are barred", "…
    # are permanently excluded"): the settlement binds the vendor whoever the subject
    loose = [] if bound or settled else settlement.loose_obligations(sc, vendor)
    court = [a for a in auth if a.actor == "court"]
    if authority.headline_kind(sc) == "court" and not any(sc.in_title(a.start) for a in bound):
        # "X's face-data settlement wins final approval": the court's news
        return other(sc, court, "court", vendor, 0.6, published)
    if not court and not (bound or settled or loose) and any(m.kind == "court" for m in found):
        return other(sc, [], "court", vendor, 0.5, published)  # "… wins final approval"
    if court and (not (bound or settled or loose) or any(a.actor == "court" for a in in_title)):
        # a judge approving a settlement is the court's news
        return other(sc, court, "court", vendor, 0.6, published)
    chosen = [replace(a, actor="vendor", vendor=vendor, action="settlement")
              for a in [*bound, *settled, *loose]]  # fmt: skip
    if not chosen:
        if not names_customers(sc):
            return None  # a case closed with no terms stated
        hit = frame[0]
        chosen = [Act("vendor", vendor, None, "settlement", "settlement", 1.0, hit.start,
                      hit.end, sc.sentence_of(hit.start))]  # fmt: skip
    if terms.paid_settlement(sc, chosen) and not terms.refuses_sales([*bound, *loose]):
        return other(sc, chosen, "vendor", vendor, 0.4)
    total = sum(a.weight for a in chosen)
    return vendor_change(sc, chosen, vendor, total, 0.0, published)
