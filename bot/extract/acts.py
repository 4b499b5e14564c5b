"""Acts: policy cues attributed to a vendor or an authority, with a resolved action."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.extract import compiled
from bot.extract.attribution import (
    Actor,
    Mention,
    acting_authority,
    in_condition,
    inverted,
    object_noun,
    owns_verb,
    prepositional,
    subject,
)
from bot.extract.background_clauses import subordinate
from bot.extract.body_decisions import imposed_on
from bot.extract.cancellation import call_authority, cancelled, passive
from bot.extract.cue_action import CUSTOMER_GROUPS, resolve_action
from bot.extract.cue_actor import customer_loss_vendor, fallback_actor, gate_owner
from bot.extract.dropped_object import other_unit
from bot.extract.gate import gated
from bot.extract.scan import Hit, Scan, clause, in_fronted
from bot.extract.searches_subject import opens_with_searches, searches_owner

# re-exported: the stages after the scan import these from here
__all__ = [
    "AUTHORITIES", "CUSTOMER_GROUPS", "Act", "authority_acts", "clause", "cue_acts",
    "customer_body", "foreground", "subordinate",
]  # fmt: skip

AUTHORITIES = ("government", "regulator", "court")
BASE_WEIGHT = {
    "extension": 3.0, "settlement": 2.5, "reversal": 2.0, "exit": 2.0, "refusal": 1.5,
    "stop_supply": 1.5, "moratorium": 1.5, "ban": 1.0, "restriction": 1.0, "refusal_past": 1.0,
    "shutdown": 1.2, "pause": 1.2, "removal": 0.8, "customer_loss": 1.0, "exit_market": 0.75,
    "gate": 0.6,
}  # fmt: skip
TITLE_FACTOR = 2.0
NO_FR_FACTOR = 0.5
AUTHORITY_VERB_REACH = 80


@dataclass(frozen=True)
class Act:
    actor: str  # "vendor" or an authority kind
    vendor: str | None
    product: str | None
    label: str  # the cue label
    action: str | None  # resolved action (vendor acts)
    weight: float
    start: int
    end: int
    sentence: int
    background: bool = False  # in a fronted adverbial ("After quitting X, …")
    subordinate: bool = False  # in a background phrase ("which it dropped years ago")


_ONE_MARKET = compiled.compile(
    r"(?i)\b(?:one|a single|provincial|regional|state|local|national|domestic)\s+market\b"
)


def _weight(sc: Scan, cue: Hit) -> float:
    weight = BASE_WEIGHT.get(cue.label, 1.0)
    if sc.in_title(cue.start):
        weight *= TITLE_FACTOR
    return weight if sc.sentence_has_fr(sc.sentence_of(cue.start)) else weight * NO_FR_FACTOR


def cue_acts(sc: Scan, found: list[Mention]) -> list[Act]:
    """Every action cue that somebody performs (cancelled vendor cues are dropped)."""
    acts: list[Act] = []
    for cue in sc.actions:
        if object_noun(sc, cue):
            continue
        if cue.label == "exit_market" and sc.first_region(cue.start, cue.end) is None:
            continue  # "leaves ICE … in place": the object is no market
        if cue.label == "exit" and other_unit(sc, cue):
            sc.held_back.add("other_unit")
            continue  # "sells off its drone unit": a business that is not face recognition
        if cue.label == "exit" and _ONE_MARKET.search(sc.text, cue.start, cue.end):
            cue = Hit(cue.start, cue.end, "exit_market")  # "leaving one provincial market"
        if cue.label == "customer_loss":
            actor = customer_loss_vendor(sc, cue)
        elif cue.label == "gate" and (owner := gate_owner(sc, cue)) is not None:
            actor = owner  # "shops will need X's approval": X gates, not the shops
        elif (owner := searches_owner(sc, cue)) is not None:
            actor = owner  # "lookups from X are blocked on Y's face search": Y refuses them
        else:
            actor = subject(sc, found, cue)
            if actor.kind == "unknown":
                actor = fallback_actor(sc, found, cue)
        if passive(sc, cue) and actor.kind == "vendor" and not opens_with_searches(sc, cue):
            authority = acting_authority(sc, found)
            actor = Actor(authority) if authority else Actor("other")
        if actor.kind == "vendor":
            # "regulator orders X to …", "X must delete …" + "the order", "they bar the
            # firm from …": the company is told, someone else acts
            directing = call_authority(sc, found, cue, actor) or imposed_on(
                sc, found, cue.start, cue.end, actor.vendor, actor.end
            )
            if directing:
                sc.held_back.add("directed")
                actor = Actor(directing)
            elif gated(_RESTRICTIVE).search(sc.text, max(0, cue.start - 40), cue.start) and not any(
                cue.start - 40 <= m.start < cue.start and m.kind in ("vendor", "company")
                and _RESTRICTIVE.match(sc.text, m.end) for m in found
            ):  # fmt: skip
                continue  # "adds X to a list that bars …": the list bars, not X
            elif reason := cancelled(sc, cue, actor):
                sc.held_back.add(reason)
                continue
        if actor.kind not in ("vendor", *AUTHORITIES):
            continue
        action = resolve_action(sc, cue) if actor.kind == "vendor" else None
        acts.append(
            Act(
                actor.kind, actor.vendor, actor.product, cue.label, action,
                _weight(sc, cue), cue.start, cue.end, sc.sentence_of(cue.start),
                in_fronted(sc, cue.start), subordinate(sc, cue),
            )
        )  # fmt: skip
    return foreground(acts)


# A restrictive relative clause on a thing ("a list that bars", "rules which forbid"):
# its verb's subject is that thing, not a company named before it.
_RESTRICTIVE = compiled.compile(
    r"\b(?:a|an|the|new)\s+(?:[\w-]+\s+){0,2}?(?:list|rules?|laws?|order|measures?|registry|"
    r"statute|regulations?|decree)\s+(?:that|which)\s+$",
    re.IGNORECASE,
)


def foreground(acts: list[Act]) -> list[Act]:
    """Acts outside fronted adverbials; when a main clause holds none (commentary on
    a known move: "After X said it will ..., critics ..."), the background ones, at
    half weight: they still say what the item is about."""
    main = [a for a in acts if not a.background and not a.subordinate]
    if main:
        return main
    return [replace(a, weight=a.weight * 0.5) for a in acts if not a.subordinate]


def authority_acts(sc: Scan, found: list[Mention]) -> list[Act]:
    """An authority named with one of its verbs in the same clause ("CNIL fines ...")."""
    acts: list[Act] = []
    used: set[int] = set()
    for m in found:
        if m.kind not in AUTHORITIES or _called(sc, m) or in_condition(sc, m.start):
            continue  # "until lawmakers vote": the condition of another's act
        prep = prepositional(sc.text, m.start, 4)
        lo, hi = clause(sc, m.start)
        for verb in sc.authority_verbs:
            if verb.start in used or not lo <= verb.start < hi:
                continue
            if verb.start - m.end <= 1 and _BODY_NOUN.fullmatch(sc.low, verb.start, verb.end):
                continue  # "municipal forces", "police services": the body's own noun
            if verb.label == "regulator_verb" and (
                m.kind != "regulator" or _reports_an_act(sc, verb)
            ):
                continue
            after = not prep and 0 <= verb.start - m.end <= AUTHORITY_VERB_REACH
            after = after and owns_verb(sc, found, m, verb)
            before = (
                prep
                and 0 <= m.start - verb.end <= AUTHORITY_VERB_REACH // 2
                and not customer_body(sc, verb.end, m)
            )
            if after or before or inverted(sc, m, verb):
                used.add(verb.start)
                hit = Hit(verb.start, verb.end, "authority")
                weight = _weight(sc, hit)
                acts.append(
                    Act(m.kind, None, None, "authority", None, weight, verb.start, verb.end,
                        sc.sentence_of(verb.start))
                )  # fmt: skip
                break
    return acts


# a plural noun a body's name ends in that verb lists also read as a verb ("forces")
_BODY_NOUN = compiled.compile(r"forces|services|orders")
# a supply deal or contract with a body: the body is the vendor's customer
_SUPPLY_DEAL = compiled.compile(
    r"(?i)(?<!\w)(?:deals?|contracts?|licen[cs]es?|contratos?|contrats?|contratti|"
    r"Vertr[äa]ge?n?)\s+(?:[\w-]+\s+)?(?:with|com|con|avec|mit)(?!\w)"
)
# a body that buys FR (police, a council, a town), not a state or country settling a case
_BUYING_BODY = compiled.compile(
    r"(?i)polic|sheriff|council|county|city|town|municip|department|ayuntamiento|c[âa]mara|"
    r"prefeitura|mairie|comune|Polizei|Stadt|Gemeinde|agenc"
)


def customer_body(sc: Scan, lo: int, m: Mention) -> bool:
    """ "X signs a face-matching deal with the county sheriff": the body after a supply deal
    is the vendor's customer, not the agent of the verb ("barred by the court" is)."""
    return _SUPPLY_DEAL.search(sc.text, lo, m.start) is not None and (
        _BUYING_BODY.search(sc.text, m.start, m.end) is not None
    )


def _reports_an_act(sc: Scan, verb: Hit) -> bool:
    """A speech verb that reports a policy act after it ("the regulator says X will stop
    ..."): the act, not the speech, is the news."""
    _, s_end = sc.sentences[sc.sentence_of(verb.start)]
    return any(verb.end <= a.start < s_end for a in sc.actions)


def _called(sc: Scan, m: Mention) -> bool:
    """The authority is the addressee of a call ("urges Congress to ban")."""
    return any(h.label == "call" and 0 <= m.start - h.end <= 12 for h in sc.cancel)
