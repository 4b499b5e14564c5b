"""A settlement: terms, an agreement, deal or accord that close or resolve a case,
anywhere in the item, make the obligations it states the vendor's ``settlement``,
whoever the grammatical subject ("X may not sell …", "the accord shields X's archive
from …"). When the other party is an authority (a regulator's order, a state's suit,
a court's approval), the item is that authority's action: a company that only uses
FR and settles with a regulator changes no vendor's policy.
"""

from __future__ import annotations

import re

from bot.extract import compiled, future_deals
from bot.extract.acts import AUTHORITIES, Act
from bot.extract.attribution import Mention
from bot.extract.framing import labelled
from bot.extract.gate import gated
from bot.extract.resources import resources
from bot.extract.scan import Hit, Scan, in_fronted

SETTLEMENT_LABELS = frozenset({"settlement_frame"})
# Cue labels that state an obligation under a settlement ("may not sell", "barred").
OBLIGATIONS = frozenset(
    {"ban", "refusal", "stop_supply", "restriction", "customer_loss", "moratorium", "pause",
     "removal", "shutdown", "exit", "settlement", "refusal_past", "gate"}
)  # fmt: skip
_COUNTERPARTY_ORDER = ("regulator", "government")


_UNDER_TERMS = compiled.compile(r"(?i)under\b.*\b(?:terms|agreement|deal|accord|conditions)$")


def settlement_frame(sc: Scan, acts: list[Act]) -> list[Hit]:
    """Hits that frame the item as a settlement (a settlement cue counts too)."""
    frame = labelled(sc, "settlement_frame")
    if not labelled(sc, "legal_context") and not any(
        a.label in ("regulator", "court") for a in sc.authorities
    ):
        # "on revised terms demanding a usage journal": a customer's contract, no case
        frame = [h for h in frame if not _UNDER_TERMS.match(sc.text, h.start, h.end)]
    frame += [Hit(a.start, a.end, "settlement_frame") for a in acts if a.label == "settlement"]
    # a settlement cue with its object ("settles FTC charges"), whoever settles
    frame += [Hit(h.start, h.end, "settlement_frame") for h in sc.actions
              if h.label == "settlement" and " " in sc.text[h.start : h.end]]  # fmt: skip
    if labelled(sc, "legal_context"):  # "the deal", "the accord" in an item about a case
        frame += labelled(sc, "agreement")
    elif labelled(sc, "payment"):  # "a $90m deal with Texas": a state on the other side
        frame += [h for h in labelled(sc, "agreement") if _state_party(sc, h)]
    return [h for h in frame if not future_deals.quantified(sc, h)]  # "every deal with towns"


def counterparty(
    sc: Scan, found: list[Mention], frame: list[Hit], title_acts: list[Act]
) -> str | None:
    """The authority on the other side of a settlement: one named in a sentence that
    frames it (a regulator's order, a state's suit), else one acting in the title."""
    kinds: set[str] = set()
    for hit in frame:
        lo, hi = sc.sentences[sc.sentence_of(hit.start)]
        kinds |= {m.kind for m in found if lo <= m.start < hi and m.kind in AUTHORITIES
                  and not _customer(sc, m)}  # fmt: skip
    if not kinds:
        kinds = {a.actor for a in title_acts}
    if not kinds and not _private_case(sc):
        # "… under agency order" + "the consumer authority found …": that body (a
        # court named elsewhere only approves a private case)
        kinds = {m.kind for m in found if m.kind in ("regulator", "government")
                 and not _customer(sc, m)}  # fmt: skip
    payments = [h for h in sc.non_policy if h.label == "payment"]
    if (
        not kinds
        and not _private_case(sc)
        and any(_state_party(sc, hit) for hit in [*frame, *payments])
    ):
        kinds = {"government"}
    return next((k for k in _COUNTERPARTY_ORDER if k in kinds), None)


def _private_case(sc: Scan) -> bool:
    """The case is brought by private parties (a class, consumers, plaintiffs): a place
    the item names ("Italy's first class case", "Germania, accordo con i consumatori")
    is where it was heard, not a state on the other side."""
    return gated(resources().private_party).search(sc.text) is not None


_PARTY_BEFORE = compiled.compile(r"(?i)\b(?:with|by|against|and|versus|v\.?)\s+(?:the\s+)?$")


def _customer(sc: Scan, m: Mention) -> bool:
    """An authority word that names a customer group ("may keep selling to public
    bodies"), not a party to the case ("reaches its deal WITH the ministry")."""
    if not any(g.start < m.end and m.start < g.end for g in sc.groups):
        return False
    return _PARTY_BEFORE.search(sc.text, max(0, m.start - 14), m.start) is None


def _state_party(sc: Scan, hit: Hit) -> bool:
    """A place names the other party: "settles Texas's suit", "a settlement with Ohio",
    or a place opening the sentence ("Texas secures a settlement"); not "settles the
    Illinois case" (where the case was heard)."""
    first_word = re.match(r"\S+\s+", sc.text[hit.start : hit.end])
    for region in sc.region_pattern.finditer(sc.text, hit.start, hit.end + 2):
        if sc.text.startswith("'s", region.end()):  # "settles Ohio's suit"
            return True
        if first_word and region.start() == hit.start + first_word.end():
            return True  # "settle Texas claims" (not "settle the Illinois case")
    after = sc.text[hit.end : hit.end + 30]
    m = re.match(r"\s+(?:(?:with|to|a|al|à|an|ao)\s+(?:the\s+state\s+of\s+)?)?", after)
    start = hit.end + (m.end() if m else 0)
    if sc.region_pattern.match(sc.text, start) is not None:
        return True
    s_start, _ = sc.sentences[sc.sentence_of(hit.start)]
    return sc.region_pattern.match(sc.text, s_start) is not None


def obligations(sc: Scan, acts: list[Act]) -> list[Act]:
    """The acts a settlement binds the vendor to, whoever their grammatical subject (the
    word "settlement" itself binds nothing)."""
    return [a for a in acts if a.label in OBLIGATIONS - {"settlement"} and not a.background]


def loose_obligations(sc: Scan, vendor: str) -> list[Act]:
    """Obligation cues of a settlement item that nobody was found to perform (a passive
    "are barred", a subjectless "no … customers"), outside fronted adverbials: the
    vendor's terms."""
    out = []
    for h in sc.actions:
        if h.label not in OBLIGATIONS - {"settlement"} or in_fronted(sc, h.start):
            continue
        if any(h.start <= a.start < h.end for a in sc.authorities):
            continue  # "needs court approval": the authority's step, not a term
        i = sc.sentence_of(h.start)
        weight = 2.0 if sc.in_title(h.start) else 1.0
        out.append(Act("vendor", vendor, None, h.label, "settlement", weight, h.start, h.end, i))
    return out


def settled_acts(sc: Scan, acts: list[Act]) -> list[Act]:
    """The vendor settling in so many words ("X agrees to settle"); the bare noun ("X's
    settlement is approved") says nothing of who acts."""
    return [
        a for a in acts
        if a.label == "settlement" and a.actor == "vendor"
        and not sc.low[a.start : a.end].startswith("settlement")
    ]  # fmt: skip
