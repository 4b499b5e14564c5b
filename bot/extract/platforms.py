"""Platform enforcement: a host, an app store or a payment firm cutting a face-search
company off is neither the platform's FR policy nor the company's own change
(relevant=False, actor vendor, the vendor being the company cut off).

- the platform acts in the sentence of the strongest act and the item names what it
  cuts off (another company, another company's channel, a face-search service, a
  channel word in the act's clause), or the act's company is named as a platform ("Nimbo
  Cloud") and the act's object names someone else;
- a platform word that only stands for the acting vendor itself ("the provider stops
  estimating moods") cuts no one off: that is the vendor's own policy.
"""

from __future__ import annotations

from bot.extract import compiled, object_owner
from bot.extract.acts import Act, clause
from bot.extract.scan import Hit, Scan, between

_CHANNEL_LABELS = frozenset({"removal", "pause", "shutdown"})


def _labelled(sc: Scan, label: str) -> list[Hit]:
    return [h for h in sc.non_policy if h.label == label]


def enforcement_target(sc: Scan, act: Act) -> str | None:
    """The company a vendor's cue acts against, when the cue's object names another
    company next to a distribution-channel word ("suspends X's servers", "drops X as a
    merchant", "bans X's app"); None when the act is the vendor's own policy."""
    lo, hi = clause(sc, act.start)
    _, s_end = sc.sentences[act.sentence]
    end = min(s_end, act.end + 60)
    others = [v for v in sc.vendors if act.end <= v.start < end and v.vendor != act.vendor]
    if not others:
        return None
    if any(h.label == "investment" for h in between(sc.objects, lo, hi)):
        return None  # divesting a stake in another company is the vendor's own exit
    platform = _labelled(sc, "platform")
    for other in others:  # "X's servers", "drops X as a merchant", "o acesso da X"
        if any(-40 <= h.start - other.end <= 25 and h.start < end for h in platform):
            return other.vendor
    return None


def platform_enforced(sc: Scan, acts: list[Act]) -> bool:
    """A third-party platform (a host, a payment processor, an app store) acts in the
    sentence of the strongest act: the vendor is cut off, it changes no policy."""
    if not acts:
        return False
    best = max(acts, key=lambda a: a.weight)
    if object_owner.acted_on(sc, best):  # "Un foro cierra el perfil de X"
        return True
    actors = _labelled(sc, "platform_actor")
    lo, hi = sc.sentences[best.sentence]
    if any(lo <= h.start < hi and _platform_agent(sc, best, h) and _cut_off(sc, best, h)
           for h in actors):  # fmt: skip
        return True
    if actors and _platform_named(sc, best):  # "Nimbo Cloud takes site Y offline"
        return True
    # a headline about the platform's move ("X loses its app store listing") and only
    # removals or suspensions told in the summary
    if any(sc.in_title(h.start) for h in actors) and all(
        not sc.in_title(a.start) and (a.label in _CHANNEL_LABELS or _title_channel(sc, actors))
        for a in acts
    ):
        return True
    # The act's object is a distribution channel ("suspended the developer account",
    # "drops X as a merchant") or its clause names the platform first ("the marketplace's
    # choice to delist the tool"), and a platform is named in the item: cut off.
    c_lo, _ = clause(sc, best.start)
    channel = _labelled(sc, "platform")
    before = [h for h in channel if c_lo <= h.start < best.start and _owner(sc, h)]
    after = [h for h in channel if best.end <= h.start < min(hi, best.end + 40)]
    return bool(before) or (bool(after) and bool(actors or before))


def _title_channel(sc: Scan, actors: list[Hit]) -> bool:
    """The headline names what the platform takes away after the platform itself
    ("Cloud-Anbieter X kündigt Y …", "App store pulls Y's listing"): whatever the
    summary then tells (offline "for now", a pause) is the cut-off's result."""
    first = min((h.start for h in actors if sc.in_title(h.start)), default=None)
    if first is None:
        return False
    return any(first < h.start < sc.title_end for h in [*_labelled(sc, "platform"),
                                                        *_labelled(sc, "channel")])  # fmt: skip


# A company name whose first or last word says it hosts, stores or bills ("Nimbo Cloud",
# "Vexa Pay", "Hoster Lindqvist")
_PLATFORM_NAME = compiled.compile(
    r"(?i)\s(?:cloud|hosting|host|pay|payments|apps|app store|store|marketplace)$|"
    r"^(?:cloud|hosting|hoster|host|payments?|app store|marketplace)\s"
)


def _platform_named(sc: Scan, act: Act) -> bool:
    """The act's company is named as a platform ("Nimbo Cloud", "Vexa Pay") and the act's
    object is another company's service: a site, engine or app named after its kind
    ("suspends people-finder service Lorvo"), or another company's channel. A company so
    named switching its own service off ("Vexa Pay shuts down its pay-by-face service")
    cuts no one off."""
    own = [v for v in sc.vendors if v.vendor == act.vendor]
    if not any(_PLATFORM_NAME.search(v.vendor) or _PLATFORM_NAME.search(sc.text[v.start : v.end])
               for v in own):  # fmt: skip
        return False
    _, hi = clause(sc, act.start)
    end = min(hi, act.end + 40)
    if any(v.vendor != act.vendor and act.start <= v.start < end for v in sc.vendors):
        return True
    mine = {w for v in own for w in sc.text[v.start : v.end].split()}
    return any(m.group(1) not in mine for m in _NAMED_SERVICE.finditer(sc.text, act.start, end))


# a service named after its kind ("site Lorvo", "the search engine Lorvo", "buscador Lorvo")
_NAMED_SERVICE = compiled.compile(
    r"(?i:site|engine|app|service|searcher|buscador|moteur|motore|suchmaschine|application|"
    r"aplicación|applicazione|aplicativo)\s+([A-Z][a-z][\w-]*)"
)


def _cut_off(sc: Scan, act: Act, actor: Hit) -> bool:
    """The item names what the platform cuts off: the platform named after the act, a
    company named in the act's sentence, another company's channel, or a channel (an
    app, servers, an account, a listing) in the act's clause. A cloud provider retiring
    a capability of its own ("the provider stops estimating moods") cuts no
    one off: that is its own policy."""
    if actor.start > act.start:
        return True  # "X vanishes from Y's app store": X is what is cut off
    # a company named beside the platform word in the act's sentence: the platform is
    # someone else ("X knocked offline as its host pulls the plug"); the platform word
    # alone stands for the vendor itself ("the cloud provider will no longer …")
    # (the act's company named right after the platform word and acting on its own
    # product is described by it: "Cloud provider X stops selling its face API …")
    s_lo, s_hi = sc.sentences[act.sentence]
    own = _OWN.search(sc.text, act.end, clause(sc, act.start)[1]) is not None
    if any(s_lo <= v.start < s_hi and not actor.start <= v.start < actor.end
           and not (own and v.vendor == act.vendor and 0 < v.start - actor.end <= 2)
           for v in sc.vendors):  # fmt: skip
        return True
    if _foreign_channel(sc, act):
        return True
    lo, hi = clause(sc, act.start)
    if any(_SERVICE.search(sc.text, f.start, f.end) or _SERVICE.match(sc.text, f.end)
           for f in between(sc.fr, act.start, hi)):  # fmt: skip
        return True  # "takes the face-search engine offline": a service, not a capability
    return any(
        lo <= h.start < hi and not (actor.start <= h.start < actor.end)
        for h in _labelled(sc, "platform")
    )


# the act's object is the company's own ("its face API", "sa reconnaissance", "su servicio")
_OWN = compiled.compile(
    r"(?i)\b(?:its|their|sa|son|ses|leur|su|sus|seine[nmrs]?|ihre[nmrs]?|"
    r"suo|sua|suoi|sue|seu|seus|suas)\b"
)
# a face-search service as the thing taken down (a site, an engine, an app), in or right
# after the FR term ("Gesichtersuchmaschine", "face-search site", "buscador de caras")
_SERVICE = compiled.compile(
    r"(?i)(?:such\w*maschine|suchdienst|search engine|search site|[- ](?:site|engine|app|service)\b|"
    r"buscador|moteur|motore|\s+(?:site|engine|app|service|website)\b)"
)
# a channel word owned by a name after it ("the servers of Lorvo", "la cuenta de Lorvo")
_OWNED_BY = compiled.compile(
    r"\s+(?:of|von|der|des|de|du|del|della|di|da|do|dos)\s+(?:la\s+|el\s+|the\s+)?([A-Z][\w-]+)"
)


def _foreign_channel(sc: Scan, act: Act) -> bool:
    """The item names a channel (servers, an account, an app) that belongs to a company
    other than the act's: "Lorvo's servers", "die Server von Lorvo", "la app de Lorvo"."""
    mine = {w for v in sc.vendors if v.vendor == act.vendor
            for w in sc.text[v.start : v.end].split()}  # fmt: skip
    for h in [*_labelled(sc, "platform"), *_labelled(sc, "channel")]:
        m = _OWNED_BY.match(sc.text, h.end)
        if m and m.group(1) not in mine:
            return True
        owner = _OWNER_BEFORE.search(sc.text, max(0, h.start - 40), h.start)
        if owner and owner.group(1) not in mine:
            return True
    return False


# "Lorvo's servers", "Lorvo's face-search app" (up to two words between)
_OWNER_BEFORE = compiled.compile(r"\b([A-Z][\w-]+)'s\s+(?:[\w-]+\s+){0,2}$")


_LISTED = compiled.compile(
    r"(?i)(?:,|\band|\bor|\bet|\bund|\by|\be|\bou|\bo)\s+(?:the\s+|its\s+)?$"
)


def _platform_agent(sc: Scan, act: Act, h: Hit) -> bool:
    """The platform acts, or the act is its doing ("cut off by its host", "customers cannot
    renew until a new processor …"); a platform listed after the act as one more thing it
    covers ("a refusal that covers casinos and the app store") is no actor."""
    if h.start < act.start:
        return True
    return _LISTED.search(sc.text, max(act.end, h.start - 12), h.start) is None


def _owner(sc: Scan, h: Hit) -> bool:
    """A platform word that owns what follows ("the store's decision", "Appvale's
    rules")."""
    return sc.text.startswith("'s", h.end)
