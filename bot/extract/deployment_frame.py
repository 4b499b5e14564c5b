"""Deployment: a launch, deal, trial, rollout or expansion with no policy act in a
main clause (signal "deployment"; history may make it a reversal); a deployment told
against the vendor's own earlier stop is a return (with limits when the launch gates
what it launches); a store chain or retailer ending its own use of FR is no vendor's
policy.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act, clause, subordinate
from bot.extract.framing import labelled, negated, vetting
from bot.extract.gate import gated
from bot.extract.headline_frame import speculative
from bot.extract.scan import Hit, Scan, between, in_fronted
from bot.extract.standing_policy import nothing_new

_CUSTOMER_GROUPS = frozenset(
    {"police", "law_enforcement", "government", "private_companies"}
)  # a court approves, it is no party


def deployment(sc: Scan, acts: list[Act]) -> bool:
    """A launch, deal, trial, rollout or expansion outside fronted adverbials, and no
    policy act in a main clause."""
    if any(not a.background for a in acts):
        return False
    return any(not in_fronted(sc, h.start) for h in labelled(sc, "launch"))


# Stops a return undoes: leaving, switching off or deleting, pausing, restricting, refusing
# the technology (not a refusal of one customer group, which a deployment to another
# group leaves standing: return_after_stop skips a stop whose clause names a group).
_STOPS = frozenset({"exit", "shutdown", "removal", "pause", "moratorium", "restriction",
                    "stop_supply", "refusal", "ban"})  # fmt: skip


# the stops whose limits a return may keep (a restriction told as background is no retreat
# the vendor came back from: "which has never limited who buys it")
_RETREATS = _STOPS - {"restriction"}


def return_after_stop(sc: Scan, launch: list[Hit], stops: frozenset[str] = _STOPS) -> Hit | None:
    """The deployment of an item that names the vendor's own earlier stop as background
    ("N years after quitting …, X bids …", "its first face product since it erased
    its gallery in 2018"): the launch hit, else None. A stop aimed at a customer
    group, or whose clause names another company, is not undone this way."""
    main = [hit for hit in launch if not in_fronted(sc, hit.start)]
    if not main:
        return None
    for h in sc.actions:
        if h.label not in stops or (stops is _RETREATS and negated(sc, h)):
            continue
        if not (in_fronted(sc, h.start) or subordinate(sc, h) or _pluperfect(sc, h)):
            continue
        lo, hi = clause(sc, h.start)
        if any(g.label in _CUSTOMER_GROUPS for g in between(sc.groups, lo, hi)):
            continue
        named = {v.vendor for v in sc.vendors if lo <= v.start < hi} | _launch_vendors(sc)
        if len({n.split()[0].casefold() for n in named}) > 1:
            continue  # "Following a rival's halt, …" (not "X" and "X Photos": one company)
        same = [hit for hit in main if sc.sentence_of(hit.start) == sc.sentence_of(h.start)]
        return (same or main)[0]
    return None


def _pluperfect(sc: Scan, h: Hit) -> bool:
    """A stop told in the pluperfect ("had been held back there since launch"): what was
    the case before the news."""
    return any(c.label == "background" and 0 <= h.start - c.end <= 14 for c in sc.cancel)


def _launch_vendors(sc: Scan) -> set[str]:
    first = next((v for v in sc.vendors if sc.in_title(v.start)), None) or (
        sc.vendors[0] if sc.vendors else None
    )
    return {first.vendor} if first else set()


def deployment_signal(sc: Scan, launch: list[Hit]) -> str | None:
    """ "deployment" for a launch-type item, unless it gates what it launches (vetting,
    approval, limited access): a gated launch keeps a restrictive policy, it does not
    undo one."""
    if not launch or any(vetting(sc, h) for h in sc.actions if h.label == "restriction"):
        return None
    if speculative(sc):  # "X plans to add face recognition": no deployment yet
        return None
    if nothing_new(sc, []):  # "nothing new added", "no new decision": a restatement
        return None
    if all(negated(sc, h) for h in launch):
        return None  # "the feature is not switched on"
    if labelled(sc, "no_identity") or other_launch(sc, launch):
        # an age guess or a pet told apart identifies no one; a palm scanner is no face
        # recognition: neither undoes a stop of the vendor's (history: no return)
        return None
    return "deployment"


def limited_return(sc: Scan, launch: list[Hit]) -> Hit | None:
    """A launch with limits (a gate, opt-in) that names the vendor's own earlier retreat
    (an exit, shutdown, pause or refusal, not negated) as background: the launch hit."""
    return return_after_stop(sc, launch, _RETREATS)


def gated_launch(sc: Scan, launch: list[Hit]) -> bool:
    """A launch that gates what it launches (vetting, approval, limited access), told as
    done (not planned, not negated): no deployment for history, but a return with limits
    when the item names the vendor's own earlier stop (``return_after_stop``)."""
    if not launch or not any(vetting(sc, h) for h in sc.actions if h.label == "restriction"):
        return False
    return not speculative(sc) and not all(negated(sc, h) for h in launch)


def other_launch(sc: Scan, launch: list[Hit]) -> bool:
    """Every launch outside fronted adverbials is told in a clause that names another
    technology ("launched a palm scanner", "lance un lecteur d'empreintes"), and no face
    recognition term stands in that clause outside background."""
    main = [h for h in launch if not in_fronted(sc, h.start)]
    if not main:
        return False
    other = labelled(sc, "other_tech")
    for h in main:
        lo, hi = clause(sc, h.start)
        if not any(lo <= o.start < hi for o in other):
            return False
        if any(lo <= f.start < hi and not in_fronted(sc, f.start) for f in sc.fr):
            return False
    return True


# A company that runs FR in its own shops, described as what it is: a chain of stores, a
# retailer, a grocer (six languages). Its cameras going off are its own use ending, no
# vendor's policy for the FR it sells.
_FR_USER = compiled.compile(
    r"(?i)\b(?:(?:drugstore|grocery|supermarket|pharmacy|retail|store|convenience|hotel|cinema|"
    r"restaurant|fashion|clothing|hardware|department[- ]store)\s+chains?|the retailer|grocers?|"
    r"supermarkets?|chaîne de (?:supermarchés|magasins|pharmacies|hôtels|cinémas)|enseigne|"
    r"(?:Supermarkt|Handels|Drogerie|Laden|Baumarkt)kette\w*|Einzelhändler|"
    r"cadena de (?:supermercados|tiendas|farmacias)|supermercados|"
    r"catena di (?:supermercati|negozi|farmacie)|supermercati|"
    r"rede de (?:supermercados|lojas|farmácias)|varejista)\b"
)
_AS_CUSTOMER = compiled.compile(
    r"(?i)\b(?:to|for|from|with|aux?|à|a|para|an|per|ai|alle)\s+(?:\w+\s+){0,2}$"
)
_USER_STOPS = frozenset({"shutdown", "moratorium", "exit"})


def fr_user(sc: Scan, acts: list[Act]) -> bool:
    """Every act is a stop (switching off, pausing, ending) and the item describes the
    acting company as a store chain, retailer or grocer, not as a customer of someone
    ("stops selling to supermarket chains"): a user of FR ends its own use."""
    if not acts or any(a.action not in _USER_STOPS for a in acts):
        return False
    if any(not negated(sc, h) for h in labelled(sc, "launch")):
        return False  # "a hotel chain signs X's deal": the chain is the customer
    for m in gated(_FR_USER).finditer(sc.text):
        if not _AS_CUSTOMER.search(sc.text, max(0, m.start() - 24), m.start()):
            return True
    return False
