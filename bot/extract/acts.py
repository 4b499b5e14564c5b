"""Acts: policy cues attributed to a vendor or an authority, with a resolved action."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.extract import compiled
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
from bot.extract.described import inverted_subject, noun_owner, summary_subject
from bot.extract.dropped_object import business_first, customers_dropped, other_unit
from bot.extract.gate import gated
from bot.extract.literals import branch_needs, may_match
from bot.extract.public_bodies import imposed_on
from bot.extract.resources import resources
from bot.extract.scan import Hit, Scan, between, in_fronted
from bot.extract.sentences import clause_end, clause_start

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
CUSTOMER_GROUPS = ("police", "law_enforcement", "government", "private_companies")
_NAMED_GROUPS = frozenset({*CUSTOMER_GROUPS, "police_equipment"})


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


def clause(sc: Scan, pos: int) -> tuple[int, int]:
    s_start, s_end = sc.sentences[sc.sentence_of(pos)]
    return clause_start(sc.breaks, s_start, pos), clause_end(sc.breaks, s_end, pos)


def resolve_action(sc: Scan, cue: Hit) -> str:
    """The action a cue label stands for, read from the objects in its clause."""
    if cue.label == "gate":
        return "restriction"  # use behind consent, an approval or a review
    if cue.label in _ENDING and _ends_denied(sc, cue):
        return "extension"  # "no sunset in sight", "kein Ende": the stop's end goes
    label = "exit" if cue.label == "exit_market" else cue.label
    if label == "refusal" and _NO_LONGER.search(sc.text, cue.start, cue.end + 6):
        label = "stop_supply"  # "ne vendra plus", "verkauft nicht mehr": it stops selling
    lo, _ = clause(sc, cue.start)
    _, hi = clause(sc, max(cue.start, cue.end - 1))  # no break inside the cue's own words
    objects = {h.label for h in between(sc.objects, lo, hi)}
    groups = {h.label for h in between(sc.groups, lo, hi) if not _not_a_customer(sc, h)}
    retires = "capability" in objects and (
        "dataset" not in objects or (label == "removal" and _nearest(sc, cue, hi))
    )
    if retires and label == "stop_supply" and _fr_first(sc, cue, hi):
        retires = False  # "stops supplying facial recognition and analysis tools": FR itself
    if label == "pause":
        return _pause(sc, cue, objects, groups, retires)
    if label in ("ban", "refusal"):
        return _ban_or_restriction(sc, cue, objects, groups, lo, hi)
    if label == "customer_loss" and _STILL.search(sc.text, cue.start, cue.end):
        return "extension"  # "police are still barred": the stop goes on (as "still barred")
    if label == "customer_loss":
        # "police lose …" refuses a customer group; "new clients lose access" gates use
        return "ban" if groups & _NAMED_GROUPS else "restriction"
    if label == "refusal_past":
        # turning away a whole customer group is a ban; one customer or request, vetting
        return "ban" if _group_refused(sc, cue, hi) else "restriction"
    if label == "stop_supply":
        if any(h.label == "gate" for h in between(sc.actions, lo, hi)):
            return "restriction"  # "face search only for vetted customers": vetting
        if _capability_verb(sc, cue):
            return "restriction"  # "ne reconnaîtront plus": the product stops naming faces
        if groups & _NAMED_GROUPS:
            return "ban"  # dropping a class of customers ("closes casino accounts")
        if "customers" in objects:  # "closes 200 accounts": single offenders, vetting
            return "restriction" if _counted(sc, cue, hi) else "ban"
        # Stopping sales of one capability ("emotion-reading") retires it: a restriction.
        return "restriction" if retires else "exit"
    if (label == "shutdown" and _CLOSING.search(sc.text, cue.start, cue.end)
            and _UNIT.search(sc.text, lo, cue.start)):  # fmt: skip
        return "exit"  # "its face-matching line is closing": the business goes
    if label in ("removal", "shutdown") and business_first(sc, cue, hi):
        return "exit"  # "shutters its face unit", "dit adieu au marché": the business goes
    if label in ("removal", "exit") and customers_dropped(sc, cue, hi):
        # "gives up a quarter of its clients", "renuncia a sus clientes": customers dropped
        return "restriction" if _counted(sc, cue, hi) else "ban"
    if label in ("removal", "shutdown", "exit") and _CUSTOMER_LIST.search(sc.text, lo, hi):
        return "ban"  # "sheriffs dropped from its customer list": a group, not a system
    if label in ("removal", "shutdown"):
        if label == "removal" and "searches" in objects:
            return "restriction"  # "drops uploads of minors before matching"
        if _taken_from_group(sc, cue, hi):
            return "ban"  # "withdraws its face search from bakery franchises"
        if _NEW_CUSTOMERS.search(sc.text, lo, hi):
            return "restriction"  # "drops the face check for new sign-ups": existing keep it
        # Retiring a capability or switching a setting off limits use, and so does switching
        # a feature off in some states only (geofencing); deleting data or switching a
        # system off is a shutdown.
        limited = _subnational(sc, lo, hi) or (
            not sc.in_title(cue.start) and _subnational(sc, 0, sc.title_end)
        )  # "Users in Texas find the filters gone" heads a summary's "is pulling them"
        return "restriction" if retires or limited else "shutdown"
    if label == "exit" and "dataset" in objects and "supply" not in objects:
        return "shutdown"
    if (
        label == "extension"
        and _NO_END.search(sc.text, cue.start, cue.end)
        and not any(h.label in ("moratorium", "pause") for h in sc.actions)
        and not _GOES_ON.search(sc.text)
    ):
        return "ban"  # "a stance with no end date": a refusal for good, no stop prolonged
    if label == "exit" and cue.label == "exit" and _parted_from_group(sc, cue, hi):
        return "ban"  # "walks away from casinos", "trennt sich von Spielbanken": a group goes
    return label


_ENDING = frozenset({"exit", "exit_market", "shutdown", "removal"})


def _ends_denied(sc: Scan, cue: Hit) -> bool:
    """The ending word is inside a continuation that denies an end ("no sunset in sight",
    "sans échéance", "kein Ende in Sicht"), or its object is the stop's end ("scraps the
    June deadline of its halt"): a stop that goes on, nothing is ended."""
    if _END_OBJECT.match(sc.text, cue.end):
        return True
    return any(
        h.label == "continuation" and h.start < cue.start and cue.end <= h.end + 12
        and _DENIED.match(sc.text, h.start)
        for h in sc.non_policy
    )  # fmt: skip


_DENIED = compiled.compile(r"(?i)(?:no|sans|kein\w*|sin|senza|sem|not|never)\b")
# the end of a stop as what is dropped ("drops the August end date of its pause")
_END_OBJECT = compiled.compile(
    r"(?i)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}(?:end(?:\s+date)?|deadline|sunset|expiry)"
    r"\s+(?:of|for|on)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}(?:freeze|pause|halt|moratorium|"
    r"stop|suspension|embargo)"
)


# Verbs of what the product does with a face, in six languages: a "no longer" cue around
# one of them withdraws a capability, it stops no sales.
_CAPABILITY_VERB = compiled.compile(
    r"(?i)\b(?:identif\w+|recogni[sz]\w*|reconna\w+|reconoc\w+|ricono\w+|reconhec\w+|"
    r"erkenn\w*|erkannt|nam(?:e|es|ing)|nomm\w+|nombr\w+|nomin\w+|nome\w+|benenn\w*|"
    r"tag(?:s|ging)?|label\w*|étiquet\w+|etiquet\w+|match\w*|sugg\w+|suger\w+)\b"
)
# "no longer" inside a refusal cue, in six languages: the supply stops, it is not withheld
_NO_LONGER = compiled.compile(r"(?i)\b(?:no longer|any ?more|plus|mehr|más|più|mais)\b|\bya no\b")
# A group word modifying a noun that is no customer ("police accountability", "police
# reform", "la réforme de la police"): the group buys nothing here.
_NOT_CUSTOMER_NOUN = compiled.compile(
    r"(?i)\s+(?:accountability|reforms?|practices|misconduct|brutality|violence|abuses?|"
    r"oversight|powers|tactics|unions?|chiefs?|killings?|shootings?|officers?|reformers)\b"
)


def _not_a_customer(sc: Scan, g: Hit) -> bool:
    return g.label in _NAMED_GROUPS and _NOT_CUSTOMER_NOUN.match(sc.text, g.end) is not None


def _capability_verb(sc: Scan, cue: Hit) -> bool:
    """The cue's own verb is one of what a product does with a face ("ne reconnaîtront
    plus"), not a word of an FR term inside it ("halts face-matching sales")."""
    for m in gated(_CAPABILITY_VERB).finditer(sc.text, cue.start, cue.end):
        if not any(f.start <= m.start() < f.end for f in sc.fr):
            return True
    return _NAMES_NEXT.match(sc.text, cue.end) is not None  # "ne mettra plus de noms"


# names as the object right after a "no longer" cue ("won't put any more names on …")
_NAMES_NEXT = compiled.compile(
    r"(?i)\s*(?:de |des |d'|any |more |any more )?(?:noms?|names?|nombres?|nomi|nomes|Namen)\b"
)


# The vendor's list of customers as the place a group is taken from, in six languages
_CUSTOMER_LIST = compiled.compile(
    r"(?i)\b(?:customer|client|buyer)s?(?:'s?)? (?:list|roster|base|book|rolls?)\b|"
    r"\bliste (?:de |des )?clients\b|\bKunden(?:liste|kreis|stamm)\b|"
    r"\b(?:lista|cartera|carteira) de clientes\b|\belenco (?:dei )?clienti\b"
)
_STILL = compiled.compile(r"(?i)\b(?:still|weiterhin|toujours|sigue\w*|ancora|ainda)\b")
_NO_END = compiled.compile(
    r"(?i)no (?:set |fixed )?(?:end|expiry|expiration) date|sin fecha de|sans (?:date de|échéance)"
    r"|senza (?:una )?data|sem data|(?:kein(?:e|en)?|ohne) (?:festes )?Enddatum"
)
# a stop named or told as going on ("stays off-limits", "son gel des ventes")
_GOES_ON = compiled.compile(
    r"(?i)\b(?:stays?|remains?|still|continues?|keeps?|bleibt|weiter|reste|restent|sigue|"
    r"siguen|resta|restano|continua|continúa|segue|permanece|maintient|mantiene|mantém|"
    r"pause|freeze|moratori\w*|halt|suspension|embargo|gel|Stopp|suspensión|pausa|"
    r"congelación|sospensione|suspensão)\b"
)
_ONE = compiled.compile(r"\b(?:a|an|one|that|this|its)\b", re.IGNORECASE)
_CLOSING = compiled.compile(r"clos|shut", re.IGNORECASE)
_ONE_MARKET = compiled.compile(
    r"(?i)\b(?:one|a single|provincial|regional|state|local|national|domestic)\s+market\b"
)
_UNIT = compiled.compile(r"\b(?:line|business|unit|division|arm)\b", re.IGNORECASE)
_DEMONYM = compiled.compile(r"\b[A-Z][a-z]+(?:ians|ans|ese)\b")
_PLACES = compiled.compile(r"\b(?:states|countries|provinces|regions|markets|territories)\b", re.I)
_COUNT = compiled.compile(
    r"\b(?:\d[\d,.]*|some|several|dozens|hundreds|thousands)\s+(?:[\w-]+\s+)?$"
)


def _ban_or_restriction(
    sc: Scan, cue: Hit, objects: set[str], groups: set[str], lo: int, hi: int
) -> str:
    """A ban refuses a customer group or a use; blocking a class of searches (minors'
    faces, queries from one country), users or places, with no customer group named,
    gates the product: a restriction ("leaves minors out of its match lists")."""
    if "searches" in objects:
        return "restriction"
    if groups & _NAMED_GROUPS:
        return "ban"
    if "capability" in objects and _capability_in_clause(sc, cue, lo, hi):
        return "restriction"  # "does not allow it to single out ethnic groups": one capability
    if objects & {"supply", "customers"}:
        return "ban"
    if (
        "everyone" in groups
        or sc.first_region(lo, hi) is not None
        or _DEMONYM.search(sc.text, lo, hi)
    ):
        return "restriction"  # users, a country or its people ("Russians are shut out")
    return "restriction" if _PLACES.search(sc.text, cue.end, hi) else "ban"


def _fr_first(sc: Scan, cue: Hit, hi: int) -> bool:
    """An FR term is the first thing named after the cue, before any capability."""
    fr = between(sc.fr, cue.end, hi)
    caps = [o for o in between(sc.objects, cue.end, hi) if o.label == "capability"]
    if not fr or (caps and caps[0].start < fr[0].end):  # a capability first, or in the term
        return False
    # "face reading OF mood": the capability qualifies the FR term, it is what stops
    return not caps or _OF.match(sc.text, fr[0].end) is None


_OF = compiled.compile(r"(?i)\s+(?:of|for|de|du|des|von|der|di|del|della|da|do|dos|das)\b")


def _capability_in_clause(sc: Scan, cue: Hit, lo: int, hi: int) -> bool:
    """A capability named after the refusal in its clause (or in the headline cue's own
    words), not only before it as the subject's modifier."""
    return any(
        o.label == "capability" and o.start >= cue.start for o in between(sc.objects, lo, hi)
    )


def _nearest(sc: Scan, cue: Hit, hi: int) -> bool:
    """The first object after the cue is a capability ("removes age guesses from its photo
    tagger"), not data."""
    after = [o for o in between(sc.objects, cue.end, hi) if o.label in ("capability", "dataset")]
    return bool(after) and after[0].label == "capability"


# Only new customers lose a feature (existing ones keep it): a restriction
_NEW_CUSTOMERS = compiled.compile(
    r"(?i)\bnew (?:(?!for\b|to\b|of\b|and\b|the\b)[\w-]+ ){0,2}"
    r"(?:sign-?ups|customers|clients|users|accounts|members|subscribers)\b|"
    r"\bnouveaux (?:clients|utilisateurs|comptes|abonnés)\b|\bNeukunden\b|\bneue[nr]? (?:Kunden|Nutzer)\b|"
    r"\bnuevos (?:clientes|usuarios)\b|\bnuovi (?:clienti|utenti)\b|\bnovos (?:clientes|usuários)\b"
)
# A country-level name (a feature switched off in a whole market is a shutdown)
_SUBNATIONAL = compiled.compile(r"(?i)(?<!united )\b(?:states|provinces)\b")
_COUNTRY = compiled.compile(
    r"(?i)^(?:US|U\.S\.|USA|United States|America\w*|federal|EU|Europe\w*|UK|Britain|British|"
    r"global\w*|worldwide|everywhere)$"
)


def _subnational(sc: Scan, lo: int, hi: int) -> bool:
    """The clause names states or provinces ("in two states", "for Illinois and Texas
    users"): a feature withheld in part of a market."""
    if _SUBNATIONAL.search(sc.text, lo, hi):
        return True
    return any(r.label == "US" and not _COUNTRY.match(sc.text[r.start : r.end])
               for r in sc.regions(lo, hi))  # fmt: skip


def _counted(sc: Scan, cue: Hit, hi: int) -> bool:
    """The customers the cue drops are counted ("closes 200 accounts"), not a class."""
    for o in between(sc.objects, cue.start, hi):
        if o.label == "customers":
            return _COUNT.search(sc.text, max(cue.start, o.start - 30), o.start) is not None
    return False


def _group_refused(sc: Scan, cue: Hit, hi: int) -> bool:
    """A customer group named after the cue as a class ("turns away sheriffs"), not one
    customer of it ("turned away a sheriff's office")."""
    for g in between(sc.groups, cue.end, hi):
        if g.label in _NAMED_GROUPS:
            return _ONE.search(sc.text, cue.end, g.start) is None
    return False


# "from/to the shops" in six languages (plural articles: "de la policía" may be whose)
_FROM = compiled.compile(
    r"\b(?:from|to|for|de las|de los|des|aux|dai|dalle|dagli|das|dos|von den|aus den)\b",
    re.IGNORECASE,
)


_PARTED = compiled.compile(
    r"(?i)\b(?:from|with|von|vom|mit|avec|des|du|de|con|com|dos|das|da|dai|dalle|dagli|dal|a|al)\b"
)


def _parted_from_group(sc: Scan, cue: Hit, hi: int) -> bool:
    """An exit verb whose object is a customer group ("walked away FROM gaming halls",
    "parts ways WITH police buyers"), not a market or the business: the group is dropped."""
    ends_in_preposition = _PARTED_END.search(sc.text, cue.start, cue.end) is not None
    for g in between(sc.groups, cue.end, min(hi, cue.end + 40)):
        if g.label in _NAMED_GROUPS:
            gap = sc.text[cue.end : g.start]
            if ends_in_preposition and not _JOINED.search(gap):
                return True  # "turns its back on casinos", "tourne le dos aux bailleurs"
            found = list(_PARTED.finditer(gap))
            if found:
                return not _JOINED.search(gap, found[-1].end())
            # the cue ends with its own preposition ("turns its back on", "tourne le dos
            # à"): the group right after it is what the vendor leaves
            ends = _CUE_PREPOSITION.search(sc.text, cue.start, cue.end) is not None
            return ends and not gap.strip(" '\"")
    return False


_CUE_PREPOSITION = compiled.compile(r"(?i)\b(?:on|from|with|von|mit|à|aux?|a|al)$")


_JOINED = compiled.compile(r"(?i),|;|\band\b|\bund\b|\bet\b")
# an exit idiom that carries its own preposition ("turns its back on", "gives up on")
_PARTED_END = compiled.compile(r"(?i)\b(?:on|from|with|of|à|aux|au|a|al|ai|alle|agli|ao|aos|às)$")


def _taken_from_group(sc: Scan, cue: Hit, hi: int) -> bool:
    """A removal whose object is a customer group ("pulls X FROM store chains"), not a
    place where a system ran ("switches off X AT 300 hotels")."""
    for g in between(sc.groups, cue.end, hi):
        if g.label in _NAMED_GROUPS:
            return _FROM.search(sc.text, cue.end, g.start) is not None
    return False


def _pause(sc: Scan, cue: Hit, objects: set[str], groups: set[str], retires: bool) -> str:
    """A pause of sales, sign-ups or a customer group is a moratorium, of a capability a
    restriction, of a named feature or system a shutdown; a bare "pause" (commentary:
    "X's pause") is a moratorium."""
    if objects & {"supply", "customers"} or groups - {"everyone"}:
        return "moratorium"
    if retires:
        return "restriction"
    _, hi = clause(sc, cue.start)
    reach = min(hi, cue.end + 50)
    feature = bool(between(sc.fr, cue.end, reach)) or any(
        cue.end <= v.start < reach and v.product for v in sc.vendors
    )
    return "shutdown" if feature else "moratorium"


def _weight(sc: Scan, cue: Hit) -> float:
    weight = BASE_WEIGHT.get(cue.label, 1.0)
    if sc.in_title(cue.start):
        weight *= TITLE_FACTOR
    return weight if sc.sentence_has_fr(sc.sentence_of(cue.start)) else weight * NO_FR_FACTOR


def _fallback(sc: Scan, found: list[Mention], cue: Hit) -> Actor:
    """No actor named before the cue (headline style): the vendor after it, or an authority."""
    owner = _genitive_owner(sc, cue)
    if owner is not None:
        return owner
    names = resources().names
    placed = inverted_subject(sc, found, cue)
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
    described = summary_subject(sc, found, cue)
    if described.kind == "unknown":
        return noun_owner(sc, found, cue) or described
    return described


# "the freeze OF X", "la moratoria DE X", "lo stop DI X", "die Pause VON X"
_GENITIVE = compiled.compile(
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


def _gate_owner(sc: Scan, cue: Hit) -> Actor | None:
    """A vendor named in the possessive inside a gate cue ("need X's blessing to"): the
    one whose approval is needed gates its product."""
    for v in sc.vendors:
        if cue.start < v.start < cue.end and sc.text.startswith(("'s", "’s"), v.end - 2):
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
        if cue.label == "exit" and other_unit(sc, cue):
            sc.held_back.add("other_unit")
            continue  # "sells off its drone unit": a business that is not face recognition
        if cue.label == "exit" and _ONE_MARKET.search(sc.text, cue.start, cue.end):
            cue = Hit(cue.start, cue.end, "exit_market")  # "leaving one provincial market"
        if cue.label == "customer_loss":
            actor = _customer_loss_vendor(sc, cue)
        elif cue.label == "gate" and (owner := _gate_owner(sc, cue)) is not None:
            actor = owner  # "shops will need X's approval": X gates, not the shops
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


# A cue inside "since/after the … deletion" or a ", which …" relative clause tells what
# happened before the news, not the news.
_SUBORDINATE = compiled.compile(
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
    r"|\b(?:formerly|previously|long-|once-|earlier)\S*\s*$"
    # a clause of time with its own subject ("since it closed the unit", "desde que
    # cerró", "depuis qu'elle a fermé", "da quando ha chiuso", "desde que fechou",
    # "nachdem … eingestellt hatte"): what came before the news (English: _TIME_CLAUSE)
    r"|\b(?:desde|antes\s+de|después\s+de)\s+que\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:depuis|avant|après)\s+qu(?:e\s+|')(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:da\s+quando|prima\s+che|dopo\s+che)\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:desde|antes|depois)\s+que\s+(?:[\w'-]+\s+){0,3}$"
    r"|\b(?:nachdem|bevor|seitdem)\s+(?:[\w'-]+\s+){0,5}$"
    # an infinitive clause of time ("après avoir fermé", "dopo aver chiuso", "después de
    # cerrar", "depois de ter encerrado")
    r"|\b(?:après|avant)\s+(?:d')?avoir\s+$|\b(?:dopo|prima\s+di)\s+aver(?:e)?\s+$"
    r"|\b(?:después\s+de|antes\s+de)\s+(?:haber\s+)?$|\b(?:depois\s+de|antes\s+de)\s+(?:ter\s+)?$)",
    re.IGNORECASE,
)
# "before Orrin AI stopped selling it", "since they closed": a subject, then a past verb
_TIME_CLAUSE = compiled.compile(
    r"\b(?:since|before|after|until|once)\s+(?:it|they|(?:[A-Z][\w'&.-]*\s+){1,3})\s*(?:had\s+)?$",
    re.IGNORECASE,
)
_RELATIVE = compiled.compile(
    r"\b(?:that|which|who)\s+$|\b(?:the|its|their)\s+(?:[\w-]+\s+){1,3}(?:it|they)\s+(?:had\s+)?$",
    re.IGNORECASE,
)  # "the technology it shelved": a zero relative clause
_PAST = compiled.compile(r"[\w-]+ed\b|(?:shut|quit|left|went|withdrew|froze|sold)\b", re.IGNORECASE)
# "… a feature it retired back in 2019": a past act named as background.
_AGO = compiled.compile(
    r"^(?:\s+[\w'-]+){0,4}?\s+(?:(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago\b"
    r"|last\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b)"
)


_SUBORDINATE_NEEDS = branch_needs(_SUBORDINATE)
_AGO_NEEDS = branch_needs(_AGO)  # (most windows hold none of its words)


def subordinate(sc: Scan, cue: Hit) -> bool:
    """The cue sits in a subordinate background phrase of its sentence."""
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    lo = max(s_start, cue.start - 80)
    if (
        may_match(_SUBORDINATE_NEEDS, sc.text, sc.low, lo, cue.start)
        and _SUBORDINATE.search(sc.text, lo, cue.start) is not None
    ):
        return True
    if _PAST.match(sc.text, cue.start) and (
        _RELATIVE.search(sc.text, max(s_start, cue.start - 40), cue.start)
        or _TIME_CLAUSE.search(sc.text, max(s_start, cue.start - 50), cue.start)
    ):  # "the company that deleted its index", "before X stopped selling": the past
        return True
    end = min(s_end, cue.end + 60)
    return (
        may_match(_AGO_NEEDS, sc.text, sc.low, cue.end, end)
        and _AGO.match(sc.text[cue.end : end]) is not None
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
