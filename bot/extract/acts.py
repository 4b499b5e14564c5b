"""Acts: policy cues attributed to a vendor or an authority, with a resolved action."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.extract.attribution import (
    Actor,
    Mention,
    acting_authority,
    call_authority,
    cancelled,
    in_condition,
    inverted,
    object_noun,
    owns_verb,
    passive,
    prepositional,
    subject,
    unknown_subject_is_named,
)
from bot.extract.described import inverted_subject, noun_owner, product_owner, summary_subject
from bot.extract.public_bodies import imposed_on
from bot.extract.resolve import clause, resolve_action
from bot.extract.resources import resources
from bot.extract.scan import Hit, Scan, between, in_fronted
from bot.extract.sentences import clause_start

AUTHORITIES = ("government", "regulator", "court")
_ONE_MARKET = re.compile(
    r"(?i)\b(?:one|a single|provincial|regional|state|local|national|domestic)\s+market\b"
)
BASE_WEIGHT = {
    "extension": 3.0, "settlement": 2.5, "reversal": 2.0, "exit": 2.0, "refusal": 1.5,
    "stop_supply": 1.5, "moratorium": 1.5, "ban": 1.0, "restriction": 1.0, "refusal_past": 1.0,
    "shutdown": 1.2, "pause": 1.2, "removal": 0.8, "customer_loss": 1.0, "exit_market": 0.75,
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


def _weight(sc: Scan, cue: Hit) -> float:
    weight = BASE_WEIGHT.get(cue.label, 1.0)
    if sc.in_title(cue.start):
        weight *= TITLE_FACTOR
    return weight if sc.sentence_has_fr(sc.sentence_of(cue.start)) else weight * NO_FR_FACTOR


def _fallback(sc: Scan, found: list[Mention], cue: Hit) -> Actor:
    """No actor named before the cue (headline style): the vendor after it, or an authority."""
    owner = _genitive_owner(sc, cue) or _product_owner(sc, cue)
    if owner is not None:
        return owner
    names = resources().names
    placed = product_owner(sc, found, cue) or inverted_subject(sc, found, cue)
    if placed is not None:
        return placed
    if unknown_subject_is_named(sc, cue, names.stop, names.descriptor_word):
        authority = acting_authority(sc, found)
        return Actor(authority) if authority else Actor("other")
    if not sc.in_title(cue.start):
        return noun_owner(sc, found, cue) or Actor("unknown")
    for v in sc.vendors:
        if cue.start <= v.start < sc.title_end:
            return Actor("vendor", v.vendor, v.product, v.start, v.end)
    return summary_subject(sc, found)


# "the freeze OF X", "la moratoria DE X", "lo stop DI X", "die Pause VON X"
_GENITIVE = re.compile(
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


def _product_owner(sc: Scan, cue: Hit) -> Actor | None:
    """The clause opens with an FR feature in a vendor's genitive ("Die Gesichtssuche von
    X zeigt …", "la función de reconocimiento facial de X deja de …", "the face search of
    X will …"): the product is the subject, so its vendor acts."""
    s_start, _ = sc.sentences[sc.sentence_of(cue.start)]
    c_start = clause_start(sc.breaks, s_start, cue.start)
    for v in sc.vendors:
        if not c_start <= v.start < cue.start:
            continue
        lead = sc.text[c_start : v.start]
        if len(lead) > 70 or not _GENITIVE.search(lead):
            continue
        if between(sc.fr, c_start, v.start) and not between(sc.actions, c_start, v.start):
            return Actor("vendor", v.vendor, v.product, v.start, v.end)
    return None


def _customer_loss_vendor(sc: Scan, cue: Hit) -> Actor:
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


def cue_acts(sc: Scan, found: list[Mention]) -> list[Act]:
    """Every action cue that somebody performs (cancelled vendor cues are dropped)."""
    acts: list[Act] = []
    for cue in sc.actions:
        if object_noun(sc, cue):
            continue
        if cue.label == "exit_market" and sc.first_region(cue.start, cue.end) is None:
            continue  # "leaves ICE … in place": the object is no market
        if cue.label == "exit" and _ONE_MARKET.search(sc.text, cue.start, cue.end):
            cue = Hit(cue.start, cue.end, "exit_market")  # "leaving one provincial market"
        if cue.label == "customer_loss":
            actor = _customer_loss_vendor(sc, cue)
        else:
            actor = subject(sc, found, cue)
            if actor.kind == "unknown":
                actor = _fallback(sc, found, cue)
        if passive(sc, cue) and actor.kind == "vendor":
            authority = acting_authority(sc, found)
            actor = Actor(authority) if authority else Actor("other")
        if actor.kind == "vendor":
            # "regulator orders X to …", "X must delete …" + "the order", "they bar the
            # firm from …": the company is told, someone else acts
            directing = call_authority(sc, found, cue, actor) or imposed_on(
                sc, found, cue.start, cue.end, actor.vendor, actor.end
            )
            if directing:
                actor = Actor(directing)
            elif _RESTRICTIVE.search(sc.text, max(0, cue.start - 40), cue.start) and not any(
                cue.start - 40 <= m.start < cue.start and m.kind in ("vendor", "company")
                and _RESTRICTIVE.match(sc.text, m.end) for m in found
            ):  # fmt: skip
                continue  # "adds X to a list that bars …": the list bars, not X
            elif cancelled(sc, cue, actor):
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
_RESTRICTIVE = re.compile(
    r"\b(?:a|an|the|new)\s+(?:[\w-]+\s+){0,2}?(?:list|rules?|laws?|order|measures?|registry|"
    r"statute|regulations?|decree)\s+(?:that|which)\s+$",
    re.IGNORECASE,
)


# A cue inside "since/after the … deletion" or a ", which …" relative clause tells what
# happened before the news, not the news.
_SUBORDINATE = re.compile(
    r"(?:\b(?:since|after|following|before|despite|until)\s+(?:the|its|their|a|an)\s+"
    r"(?:[\w'-]+\s+){0,3}$|,\s*(?:which|who|that|whose)\s[^,;]*$"
    r"|\b(?:after|following|despite)\s+(?:\w+\s+){0,2}(?:of|from)\s+$"
    r"|\b(?:since|after|following|before|despite)\s+$"
    r"|\b(?:nach|seit)\s+(?:dem|der|seinem|ihrem)\s+(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:après|depuis)\s+(?:le|la|l'|son|sa)\s*(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:tras|después\s+de|desde)\s+(?:el|la|su)\s+(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:dopo|da)\s+(?:il|la|l'|lo)\s*(?:[\w'-]+\s+){0,2}$"
    r"|\b(?:após|depois\s+d[oa])\s+(?:o|a|seu|sua)?\s*(?:[\w'-]+\s+){0,2}$"
    r"|\bdesde\s+(?:o|a|seu|sua)\s+(?:[\w'-]+\s+){0,2}$"  # "desde este mês": a time, no event
    r"|\b(?:formerly|previously|long-|once-|earlier)\S*\s*$)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+$|\b(?:the|its|their)\s+(?:[\w-]+\s+){1,3}(?:it|they)\s+(?:had\s+)?$",
    re.IGNORECASE,
)  # "the technology it shelved": a zero relative clause
_PAST = re.compile(r"[\w-]+ed\b|(?:shut|quit|left|went|withdrew|froze|sold)\b", re.IGNORECASE)
# "… it switched off five years ago": a past act named as background.
_AGO = re.compile(
    r"^(?:\s+[\w'-]+){0,4}?\s+(?:(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago\b"
    r"|last\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b)"
)


def subordinate(sc: Scan, cue: Hit) -> bool:
    """The cue sits in a subordinate background phrase of its sentence."""
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    if _SUBORDINATE.search(sc.text, max(s_start, cue.start - 80), cue.start) is not None:
        return True
    if _RELATIVE.search(sc.text, max(s_start, cue.start - 40), cue.start) and _PAST.match(
        sc.text, cue.start
    ):  # "the company that deleted its index": a past act named as background
        return True
    return _AGO.match(sc.text[cue.end : min(s_end, cue.end + 60)]) is not None


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
            if verb.label == "regulator_verb" and (
                m.kind != "regulator" or _reports_an_act(sc, verb)
            ):
                continue
            after = not prep and 0 <= verb.start - m.end <= AUTHORITY_VERB_REACH
            after = after and owns_verb(sc, found, m, verb)
            before = prep and 0 <= m.start - verb.end <= AUTHORITY_VERB_REACH // 2
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


def _reports_an_act(sc: Scan, verb: Hit) -> bool:
    """A speech verb that reports a policy act after it ("the regulator says X will stop
    ..."): the act, not the speech, is the news."""
    _, s_end = sc.sentences[sc.sentence_of(verb.start)]
    return any(verb.end <= a.start < s_end for a in sc.actions)


def _called(sc: Scan, m: Mention) -> bool:
    """The authority is the addressee of a call ("urges Congress to ban")."""
    return any(h.label == "call" and 0 <= m.start - h.end <= 12 for h in sc.cancel)
