"""What a settlement's terms bind: what the vendor sells and to whom, or only money."""

from __future__ import annotations

import re

from bot.extract import compiled, settlement
from bot.extract.acts import CUSTOMER_GROUPS, Act, clause
from bot.extract.scan import Scan, between
from bot.extract.scope import settlement_terms

# the cue labels of a refusal to sell ("may not sell", "won't supply", "is barred from")
_SALES_REFUSALS = frozenset({"refusal", "ban", "stop_supply", "customer_loss"})


def sales_terms(sc: Scan, acts: list[Act]) -> bool:
    """The terms bind what a vendor SELLS and to whom ("may not sell its face alerts to
    retailers for ten years"): the vendor's settlement, even with an authority on the
    other side; a user that agrees to stop running FR is the authority's case."""
    for a in settlement.obligations(sc, acts):
        if a.actor != "vendor":
            continue
        lo, hi = clause(sc, a.start)
        if any(g.label in CUSTOMER_GROUPS for g in between(sc.groups, lo, hi)) and (
            a.label in _SALES_REFUSALS  # "commits not to sell X to security firms"
            or any(o.label in ("supply", "customers") for o in between(sc.objects, lo, hi))
        ):
            return True
    return False


# cue labels of a stop the settlement binds the vendor to (its terms, whatever the money)
# (not "restriction": a gate cue misfires on "the deal still needs final approval")
_STOP_LABELS = frozenset({"ban", "moratorium", "pause", "stop_supply", "refusal",
                          "customer_loss", "exit", "exit_market"})  # fmt: skip


def refuses_sales(bound: list[Act]) -> bool:
    """Among a settlement's obligations the vendor refuses sales ("may not sell its face
    search to letting agents for three years"): terms of what it sells, even where the
    buyers are named in words no customer group lists, and even when money is paid too."""
    return any(a.label in _SALES_REFUSALS for a in bound)


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
    if any(a.label in _STOP_LABELS for a in settled):
        return False  # "lo stop alle vendite", "interdit de proposer": a stop is a term
    return settlement_terms(sc, settled) is None


# A payment verb, then what it is paid over ("will pay app users over a tagging
# tool it dropped", "versera 2 millions pour une ancienne fonction", "zahlt wegen
# …", "pagará por …"): six languages.
_PAY = (
    r"\b(?:pa(?:y|ys|id|ying)|pagar[áa]?|pagó|paga|pagan|pagano|pagam|pagherà|pagou|"
    r"verse(?:ra)?|versé|paie|paient|paiera|payée?s?|payer|zahlt|zahlen|zahlte|indemni[sz]\w*|indeniza\w*|entsch[äa]dig\w*|"
    r"risarci\w*|compensa\w*|payments?|payouts?|money|paiement|Zahlung|pagos?|"
    r"pagamento|indenização|risarcimento)\b"
    # or a sum of money ("share $3m from X", "cierra con 3 millones las reclamaciones")
    r"|[$€£] ?\d[\d.,]*(?: ?(?:m|bn|k)\b)?"
    r"|\b\d[\d.,]* ?(?:million|millions|billion|millones|milioni|milhões|Millionen|"
    r"Milliarden|milliards?)\b"
)
_PAY_WORD = compiled.compile(_PAY, re.IGNORECASE)
_PAY_OVER = compiled.compile(
    rf"(?:{_PAY})[^.;:?!]{{0,80}}?\b(?:over|for|pour|wegen|für|por|per|pela|pelo|sobre)\b",
    re.IGNORECASE,
)
# the feature's end, as a thing that happened (no new decision): the kinds of act a
# payment is made over
_RETIRED = frozenset({"shutdown", "restriction", "exit"})
# a verb of ending whose object is a legal case or claims (what a payment closes)
_CLOSES_CASE = compiled.compile(
    r"(?i)(?:\s+\S+){0,4}?\s+(?:the |its |a |las |los |el |la |le |les |il |lo |i |o |os |a |as |"
    r"die |den |das )?(?:claims?|case|suit|lawsuit|litigation|reclamaciones|pleito|demandas?|"
    r"causa|caso|procès|plainte|réclamations|Klagen?|Verfahren|Streit|processo|ação|ações|"
    r"contenzioso|vertenza)\b"
)
_CAPITALISED_BEFORE = compiled.compile(r"[A-Z][\w'’-]*\s$")
_AND = compiled.compile(r"(?i),|\b(?:and|et|und|y|e|ed|but|mais|aber|pero|ma|mas)\b")


def paid_over(sc: Scan, chosen: list[Act]) -> bool:
    """A headline that pays money (over something: a feature, past scans), with the
    company's acts only inside what it pays over or, elsewhere in the summary, the
    feature's end ("Brackwater to pay $4m over a photo-tagging tool" + "the tool was
    retired in 2019"): money over past conduct, no change of policy."""

    def named(m: re.Match[str]) -> bool:  # "Brindle Pay": a word of a company's name
        if any(v.start <= m.start() < v.end for v in sc.vendors):
            return True
        return m.group(0) == "Pay" and _CAPITALISED_BEFORE.search(sc.text, 0, m.start()) is not None

    pay = next((m for m in _PAY_WORD.finditer(sc.text, 0, sc.title_end) if not named(m)), None)
    if pay is None or not chosen:
        return False
    overs = [m for lo, hi in sc.sentences for m in _PAY_OVER.finditer(sc.text, lo, hi)
             if not named(m)]  # fmt: skip
    if not overs:
        return False
    for a in chosen:
        if _CLOSES_CASE.match(sc.text, a.end):
            continue  # "X cierra con 3 millones las reclamaciones": the case is closed
        if sc.in_title(a.start) and a.start < pay.start():
            return False  # "X stops selling to police and pays …": its own act first
        paid_for = any(
            m.end() <= a.start
            and sc.sentence_of(m.start()) == sc.sentence_of(a.start)
            and _AND.search(sc.text, m.end(), a.start) is None  # "… for claims, and stops …"
            for m in overs
        )
        if not paid_for and (sc.in_title(a.start) or a.action not in _RETIRED):
            return False  # a ban or a pause besides the payment is news of its own
    return True
