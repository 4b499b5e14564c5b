"""Which action a vendor's cue stands for, read from the objects, customer groups and
places in its clause: a ban refuses a customer group, a restriction blocks a class of
searches, users or places, gates access or withholds one capability, an exit gives the
business up, a shutdown switches one system off."""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.dropped_object import business_first, customers_dropped
from bot.extract.gate import gated
from bot.extract.scan import Hit, Scan, between, clause

CUSTOMER_GROUPS = ("police", "law_enforcement", "government", "private_companies")
_NAMED_GROUPS = frozenset({*CUSTOMER_GROUPS, "police_equipment"})


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
