"""Who supplies whom: a supply deal told in the headline makes the company the supplier.

"County sheriff signs on for X's face search", "X signs an airport boarding deal", "X
lands a council contract", "X's pledge meets a sheriff's purchase order", "X signe
avec un shérif": a public body on one side of a deal for a named company's product is
its CUSTOMER, not an authority acting. The news is the supplier's deployment (its
history may make it a return; `deployment_frame.return_after_stop` reads a stop the item
names as background), never a government act.

The deal is found by its grammar, in the headline's clause: a deal noun (a contract, a
purchase order, a tender) or a verb of signing one, with a named company in the same
clause; not a law signed ("signs the bill"), not a deal noun whose clause a public
body opens before the company (the body reviews, halts, questions or cancels its
contract: its own act, unless it signs it), not a company named only in a
circumstance ("despite X's objections") or before another body that signs, not a
deal whose purpose examines face recognition ("… to audit police face matching"). A deal
that settles a case is a settlement, read before this (`classify`). Words in
`bot/data/public_bodies.yaml` (`deals`, and `decisions.government` for laws).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract import compiled
from bot.extract.body_heads import BODIES_FILE
from bot.extract.cueindex import Hit
from bot.extract.resources import DataFileError
from bot.extract.scan import Scan, VendorHit
from bot.yaml_loader import load_data

DEAL_REACH = 60  # characters between the deal word and the company named with it
_CLAUSE_BREAK = compiled.compile(r"[;:,.!?–—]|\s-\s")


@dataclass(frozen=True)
class _Patterns:
    deal: re.Pattern[str]  # group "noun": a deal noun; group "sign": a verb of signing
    law: re.Pattern[str]  # a law or a bill, as a signing verb's object
    assessing: re.Pattern[str]  # a purpose that examines FR ("to audit …")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    try:
        raw = load_data(BODIES_FILE)
        deals = raw["deals"]
        nouns = "|".join(str(p) for p in deals["nouns"])
        signing = "|".join(str(p) for p in deals["signing"])
        assessing = "|".join(str(p) for p in deals["assessing"])
        laws = "|".join(str(p) for p in raw["decisions"]["government"])
        return _Patterns(
            deal=compiled.compile(
                rf"(?<![\w-])(?:(?P<noun>(?i:{nouns}))|(?P<sign>(?i:{signing})))(?![\w-])"
            ),
            law=compiled.compile(rf"(?i)[ ]+(?:[\w'’-]+[ ]+){{0,6}}?(?:{laws})(?![\w-])"),
            assessing=compiled.compile(rf"(?i)(?<![\w-])(?:{assessing})(?![\w-])"),
        )
    except (OSError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataFileError(
            f"{BODIES_FILE}: 'deals' needs lists nouns, signing and assessing ({exc}); fix it"
        ) from exc


def supplier(sc: Scan) -> tuple[VendorHit, Hit] | None:
    """The named company a headline's supply deal makes the supplier, and the deal word
    (a "launch" hit), or None."""
    named = [v for v in sc.vendors if v.start < sc.title_end]
    if not named:
        return None
    pats = _patterns()
    if pats.assessing.search(sc.text, 0, sc.title_end):
        return None  # "signs a deal with X to audit police face matching": X examines FR
    signed_at = -1  # the end of the last signing verb: "signs (a) contract with X"
    for m in pats.deal.finditer(sc.text, 0, sc.title_end):
        signed = signed_at >= 0 and _OBJECT_GAP.fullmatch(sc.text, signed_at, m.start())
        if m.group("sign"):
            signed_at = m.end()
        if m.group("sign") and pats.law.match(sc.text, m.end(), sc.title_end):
            continue  # "the governor signs the bill": a law, not a deal
        company = _in_clause(sc, named, m.start(), m.end())
        if company is None or _other_party(sc, company, m):
            continue  # "X critics cheer as the governor signs …": the body signs, not X
        if m.group("noun") and not signed and _body_acts_on_it(sc, company, m):
            continue  # "the council reviews / halts / questions its X contract"
        return company, Hit(m.start(), m.end(), "launch")
    return None


def _body_acts_on_it(sc: Scan, company: VendorHit, deal: re.Match[str]) -> bool:
    """A deal noun whose clause opens with a public body before the company: the body is
    the subject of some verb other than signing, and does something to the deal (reviews,
    halts, questions, cancels it): its own act, not a new supply."""
    first = min(company.start, deal.start())
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sc.text, 0, first)]
    lo = breaks[-1] if breaks else 0
    return any(lo <= h.start and h.end <= company.start for h in sc.authorities)


# What may stand between a deal word and the company after it, the deal's complement
# ("signs on for X", "a contract with the X", "firma con X", "Vertrag mit X"):
# articles and the prepositions of a party; any other word ("after", "despite", a verb)
# puts the company outside the deal.
_COMPLEMENT = compiled.compile(
    r"(?i)(?:[ ]+(?:with|for|from|by|to|the|a|an|its|avec|pour|de|du|des|d['’]|la|le|les|l['’]|"
    r"un|une|mit|für|von|vom|der|die|das|dem|den|einem|einer|con|para|per|di|da|del|della|"
    r"il|lo|el|los|las|una|com|do|dos|das|a|o|os|as|um|uma)|[ ]*['’]s)*"
    r"[ ]+$"
)


# a signing verb's object up to its deal noun: "signs a three-year contract"
_OBJECT_GAP = compiled.compile(r"(?:[ ]+[\w'’-]+){0,3}[ ]+")
# a body owning or qualifying a deal noun: "a sheriff's purchase order", "council deal"
_NOUN_PHRASE_GAP = compiled.compile(r"(?:['’]s)?(?:[ ]+[\w-]+){0,2}[ ]+")


def _other_party(sc: Scan, company: VendorHit, deal: re.Match[str]) -> bool:
    """A body stands between the company and the deal word as the subject of its own
    clause: the company does not sign (a signing verb), and a deal noun is the body's
    unless the body only owns or qualifies it ("a sheriff's purchase order")."""
    if company.end > deal.start():
        return False
    between = [h for h in sc.authorities if company.end <= h.start and h.end <= deal.start()]
    return any(
        deal.group("sign") or not _NOUN_PHRASE_GAP.fullmatch(sc.text, h.end, deal.start())
        for h in between
    )


def _in_clause(sc: Scan, named: list[VendorHit], lo: int, hi: int) -> VendorHit | None:
    """The company named nearest the deal word, in its clause and within reach: before
    it (the deal's subject or owner), or after it as its complement."""
    best: VendorHit | None = None
    for v in named:
        a, b = (v.end, lo) if v.end <= lo else (hi, v.start)
        if b - a > DEAL_REACH or _CLAUSE_BREAK.search(sc.text, a, b):
            continue
        if v.start >= hi and not _COMPLEMENT.fullmatch(" " + sc.text[hi : v.start].strip() + " "):
            continue
        if best is None or abs(v.start - lo) < abs(best.start - lo):
            best = v
    return best
